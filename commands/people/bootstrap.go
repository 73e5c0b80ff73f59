package people

import (
	"context"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// First deployment: the team role needs a second person to record the
// declaration, which a single admin does not have. So, once, while nobody
// holds the active team role yet, an admin from the config may record
// their own declaration (and training, if required) and so activate the
// team role for themselves. Every step is in the role audit log with its
// own action ("bootstrap-…"); when the role became active the window
// closes for good (a key in the kv table, kept when people leave).

// bootstrapDoneKey marks in the kv table that the first admin activated
// the team role for themselves (the value is the day, no personal data).
const bootstrapDoneKey = "people.bootstrap_done"

// bootstrapOpen reports whether user may record their own gate evidence:
// a configured admin, nobody holds the team role active or paused, and no
// team role was ever activated (by the bootstrap or through the gate).
//
// Before, only the active role counted and only the bootstrap's own
// activation closed the window: when every member's training had expired
// (all paused), or a team the approvers had built was removed, any admin
// could record their own declaration and training, with no second person,
// and read the cases (thirty-first pass, onb31).
func (w *Workflow) bootstrapOpen(ctx context.Context, user id.UserID) (bool, error) {
	if !w.isAdmin(user) || !w.teamOn() {
		return false, nil
	}
	exists, err := w.teamExists(ctx)
	return err == nil && !exists, err
}

// teamExists reports whether there is or was a team: someone holds the
// team role active or paused (their training expired), or a team role
// was ever activated (the mark closeBootstrap sets, or, for a database
// from before that mark, an activation in the role log).
func (w *Workflow) teamExists(ctx context.Context) (bool, error) {
	done, err := w.DB.KV.Get(ctx, bootstrapDoneKey)
	if err != nil || done != "" {
		return done != "", err
	}
	list, err := w.DB.Roles().List(ctx)
	if err != nil {
		return false, err
	}
	for _, r := range list {
		if r.Role == storage.RoleTeam && (r.Status == storage.RoleActive || r.Status == storage.RolePaused) {
			// Keep it: a database from before the mark (closeBootstrap)
			// has a team but no mark, and the window would open again
			// once that team is removed (mend31a).
			return true, w.closeBootstrap(ctx, w.Now())
		}
	}
	// A team activated before the mark existed and removed since: its
	// activation is in the role log (an upgraded database).
	return w.DB.Roles().EverActivated(ctx, storage.RoleTeam)
}

// closeBootstrap closes the first admin's window for good (a team role
// became active); the value is the day, no personal data.
func (w *Workflow) closeBootstrap(ctx context.Context, now time.Time) error {
	done, err := w.DB.KV.Get(ctx, bootstrapDoneKey)
	if err != nil || done != "" {
		return err
	}
	return w.DB.KV.Set(ctx, bootstrapDoneKey, now.UTC().Format(chat.ISODateLayout))
}

// selfEvidence records the sender's own declaration (training=false) or
// training while the bootstrap is open; else it refuses as before.
func (w *Workflow) selfEvidence(ce *chat.Call, dateArg string, training bool) error {
	bt := BootstrapTextsFor(w.Lang)
	ok, err := w.bootstrapOpen(ce.Ctx, ce.Sender)
	if err != nil {
		return err
	}
	if !ok {
		if w.isAdmin(ce.Sender) {
			return w.ReplyMarkdown(ce.Ctx, bt.Closed)
		}
		return w.ReplyMarkdown(ce.Ctx, w.tx.NotSelf)
	}
	at, valid := w.parseDate(dateArg)
	if !valid || (training && strings.TrimSpace(dateArg) == "") {
		return w.ReplyMarkdown(ce.Ctx, w.tx.DateInvalid)
	}
	// The team role is pending until the gate is passed (as after !team beitreten).
	now := w.Now()
	cause := chat.TurnOf(ce.Ctx).Event.ID.String()
	r, err := w.DB.Roles().Get(ce.Ctx, ce.Sender.String(), storage.RoleTeam)
	if err != nil {
		return err
	}
	if r == nil || r.Status == storage.RoleRemoved {
		if _, err := w.DB.Roles().Set(ce.Ctx, ce.Sender.String(), storage.RoleTeam, storage.RolePending, ce.Sender.String(),
			storage.RoleAuditEntry{Key: "bootstrap:" + cause, At: now, Actor: ce.Sender.String(), Subject: ce.Sender.String(),
				Action: "bootstrap", Detail: storage.RoleTeam + " (pending)"}, now); err != nil {
			return err
		}
	}
	who := chat.Escape(ce.Sender.String())
	day := w.Day(at)
	var set func(*storage.TeamGate)
	var action, answer string
	if training {
		until := w.Day(w.trainingUntil(at))
		set = func(g *storage.TeamGate) { g.TrainingAt, g.TrainingBy = at, ce.Sender.String() }
		action, answer = "bootstrap-training", chat.Format(w.tx.TrainingRecorded, who, day, until)
	} else {
		set = func(g *storage.TeamGate) { g.DeclarationAt, g.DeclarationBy = at, ce.Sender.String() }
		action, answer = "bootstrap-declaration", chat.Format(w.tx.DeclarationRecorded, who, day)
	}
	if err := w.recordGate(ce, ce.Sender, set, action, bt.Recorded+" "+answer); err != nil {
		return err
	}
	if !w.HasTeamRole(ce.Ctx, ce.Sender) {
		return nil
	}
	zerolog.Ctx(ce.Ctx).Info().Msg("The first admin activated the team role for themselves (bootstrap); the window is closed")
	return w.DB.KV.Set(ce.Ctx, bootstrapDoneKey, now.UTC().Format(chat.ISODateLayout))
}

// TeamRoomHint tells someone who writes in the team room without the team
// role, once (persisted), how to get it — in their direct chat, so the
// team room stays quiet. Later messages are ignored silently.
func (w *Workflow) TeamRoomHint(ctx context.Context, user id.UserID) error {
	if user == w.Matrix.UserID() || !w.teamOn() {
		return nil
	}
	key := "teamroom-hint:" + user.String()
	done, err := w.DB.Roles().NoticeDone(ctx, key)
	if err != nil || done {
		return err
	}
	bt := BootstrapTextsFor(w.Lang)
	text := bt.TeamRoomHint
	if r, err := w.DB.Roles().Get(ctx, user.String(), storage.RoleTeam); err != nil {
		return err
	} else if r != nil && (r.Status == storage.RolePending || r.Status == storage.RolePaused) {
		g, err := w.DB.Roles().Gate(ctx, user.String())
		if err != nil {
			return err
		}
		forms := bt.TeamRoomHintPending
		if r.Status == storage.RolePaused {
			forms = bt.TeamRoomHintPaused
		}
		text = chat.Format(forms, w.missingText(g))
	}
	if open, err := w.bootstrapOpen(ctx, user); err != nil {
		return err
	} else if open {
		text += "\n\n" + bt.TeamRoomHintBootstrap
	}
	room, err := w.Matrix.DirectRoom(ctx, user)
	if err != nil {
		return err
	}
	if _, err := w.SendMarkdownTo(ctx, room, text, nil, w.KeyTxn("lotse-teamroom-hint/"+user.String(), "teamroom-hint", 0)); err != nil {
		return err
	}
	return w.DB.Roles().MarkNotice(ctx, key, user.String(), w.Now())
}

// BootstrapTexts are the texts of the first admin's bootstrap and of the
// team-room hint.
type BootstrapTexts struct {
	// Lang is the BCP 47 code.
	Lang string
	// Recorded prefixes the answer to an admin's own evidence; Closed
	// refuses it once the team has someone or the bootstrap was done.
	Recorded, Closed string
	// TeamRoomHint tells someone in the team room how to get the role;
	// TeamRoomHintPending (%s = what is missing) when they applied;
	// TeamRoomHintPaused (%s = what is missing) when the role is paused;
	// TeamRoomHintBootstrap adds the admin's own way during the bootstrap.
	TeamRoomHint, TeamRoomHintPending, TeamRoomHintPaused, TeamRoomHintBootstrap string
}

// GermanBootstrap are the German bootstrap texts.
var GermanBootstrap = BootstrapTexts{
	Lang:     "de",
	Recorded: "Erstes Einrichten: Du trägst deine eigene Erklärung ein, weil noch niemand im Team freigeschaltet ist. Das steht so im Protokoll.",
	Closed: "Deine eigene Erklärung kannst du nur beim ersten Einrichten eintragen, solange noch niemand im Team freigeschaltet ist. " +
		"Jetzt trägt sie bitte eine andere genehmigende Person für dich ein.",
	TeamRoomHint: "Hallo! Du hast im Teamraum geschrieben. Dort höre ich nur auf Menschen mit freigeschalteter Team-Rolle – " +
		"denn im Teamraum geht es um persönliche Daten von Mitgliedern.\n\n" +
		"So bekommst du die Rolle: Schreib mir hier `!team beitreten`. Sobald deine unterschriebene Verpflichtungserklärung " +
		"(und, falls nötig, deine Datenschutzschulung) eingetragen ist, schalte ich dich frei. Diesen Hinweis bekommst du nur einmal.",
	TeamRoomHintPending: "Hallo! Du hast im Teamraum geschrieben. Dort höre ich erst auf dich, wenn deine Team-Rolle freigeschaltet ist. " +
		"Deine Bewerbung liegt vor; es fehlt noch: %s. Die Genehmigenden tragen das ein. Diesen Hinweis bekommst du nur einmal.",
	TeamRoomHintPaused: "Hallo! Du hast im Teamraum geschrieben. Deine Team-Rolle ist gerade pausiert; es fehlt: %s. " +
		"Sobald die Genehmigenden das eingetragen haben, höre ich dort wieder auf dich. Diesen Hinweis bekommst du nur einmal.",
	TeamRoomHintBootstrap: "Du bist Admin, und noch ist niemand im Team freigeschaltet: Beim ersten Einrichten kannst du deine eigene Erklärung " +
		"einmal selbst eintragen – `!erklärung @du erhalten <Datum>` mit deiner eigenen Matrix-ID.",
}

// EnglishBootstrap are the English bootstrap texts.
var EnglishBootstrap = BootstrapTexts{
	Lang:     "en",
	Recorded: "First setup: you record your own declaration because nobody on the team is activated yet. The log says so.",
	Closed: "You can record your own declaration only during the first setup, while nobody on the team is activated yet. " +
		"Now please ask another approver to record it for you.",
	TeamRoomHint: "Hi! You wrote in the team room. There I only listen to people with an activated team role – " +
		"the team room is about members' personal data.\n\n" +
		"How to get the role: write `!team join` to me here. Once your signed privacy declaration " +
		"(and, if required, your data-protection training) is recorded, I activate you. You get this note only once.",
	TeamRoomHintPending: "Hi! You wrote in the team room. I'll listen to you there once your team role is activated. " +
		"Your application is in; still missing: %s. The approvers record it. You get this note only once.",
	TeamRoomHintPaused: "Hi! You wrote in the team room. Your team role is paused right now; still missing: %s. " +
		"Once the approvers record it, I'll listen to you there again. You get this note only once.",
	TeamRoomHintBootstrap: "You're an admin and nobody on the team is activated yet: during the first setup you can record your own declaration " +
		"once yourself – `!declaration @you received <date>` with your own Matrix ID.",
}

// BootstrapTextsFor returns the bootstrap texts of lang (German by default).
func BootstrapTextsFor(lang string) *BootstrapTexts {
	if lang == "en" {
		return &EnglishBootstrap
	}
	return &GermanBootstrap
}
