// Package gaps is the workflow that lets the team learn from what Lotse
// could not answer: it keeps a member's question that ended in "no guide
// fits", in a "Meintest du …?" without a pick, or in 👎 (for a short,
// configured time; never in the team's rooms, never for a member who
// opted out with !nicht-merken), and posts a weekly digest of them,
// grouped by similarity, into the team room. `lotse guides gaps` prints
// the same grouping for authors.
//
// The answer workflow hands the questions over through flow.Gaps (the
// router passes *Workflow); this package decides whether to keep them.
package gaps

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Config configures the gaps workflow.
type Config struct {
	// Keep turns keeping unanswered questions on.
	Keep bool
	// TeamRoom receives the weekly digest ("": no digest).
	TeamRoom id.RoomID
	// Private are the team's rooms (team room, approvals room): questions
	// asked there are never kept.
	Private []id.RoomID
	// IsTeam reports whether a user is an active team member (nil: nobody
	// is): their own questions are never kept, wherever they ask. They try
	// Lotse out, paste members' words while doing so, and can write the
	// missing guide themselves; their searches also see team-only guides.
	IsTeam func(ctx context.Context, user id.UserID) bool
	// Weekday (0 = Sunday … 6, -1: no digest) and Hour are when the
	// digest is due each week, in Location (default: the environment's).
	Weekday, Hour int
	Location      *time.Location
	// TickInterval is how often the worker checks whether the digest is due.
	TickInterval time.Duration
	// OnOptOut, if set, follows a member's !nicht-merken after it is
	// recorded: the questions learned from their words are forgotten
	// (learn.Workflow.OptedOut). Handling the command again calls it again.
	OnOptOut func(ctx context.Context, member id.UserID) error
}

// DefaultTickInterval is how often the worker runs unless configured.
const DefaultTickInterval = time.Minute

// Workflow is the gaps workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
	// dm: every member, in their direct chat.
	dm *chat.Role
	// sentWeek is the week (string) whose digest this process saw sent:
	// the ticks for the rest of that week read and write nothing.
	sentWeek atomic.Value
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	if cfg.TickInterval <= 0 {
		cfg.TickInterval = DefaultTickInterval
	}
	if cfg.Location == nil {
		cfg.Location = env.Location
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	w := &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang)}
	w.dm = &chat.Role{Name: "dm", Check: func(_ context.Context, _ id.UserID, _ id.RoomID, direct bool) (bool, string) {
		return direct, w.tx.DMOnly
	}, Holds: func(context.Context, id.UserID) bool { return true }}
	return w
}

// Commands are the workflow's commands, for the registry: the member's
// opt-out (in the DM, like the other data commands).
func (w *Workflow) Commands() []chat.Command {
	return []chat.Command{
		chat.NewCommand(w.tx.Commands["nicht-merken"], "nicht-merken", []string{"nichtmerken", "dont-keep", "dontkeep"}, w.dm, "", w.cmdOptOut).
			In(German.Commands["nicht-merken"], English.Commands["nicht-merken"]),
	}
}

// cmdOptOut records that the member does not want their unanswered
// questions kept (and deletes those kept), or with an undo word takes it back.
func (w *Workflow) cmdOptOut(ce *chat.Call) error {
	q := w.DB.Gaps()
	// The language of the command's name as typed (en35).
	tx := TextsFor(w.ReplyLang(ce.Ctx))
	user := ce.Sender.String()
	if len(ce.Args) > 0 && isUndo(ce.Args[0]) {
		if err := q.OptIn(ce.Ctx, user); err != nil {
			return err
		}
		if !w.cfg.Keep {
			return w.ReplyMarkdown(ce.Ctx, tx.NotKept)
		}
		return w.ReplyMarkdown(ce.Ctx, tx.OptedIn)
	}
	// Recorded even when keeping is off now: it holds when it is turned on.
	already, err := q.OptOut(ce.Ctx, user, w.Now())
	if err != nil {
		return err
	}
	// Also when already out: a first handling may have failed after
	// recording the opt-out.
	if w.cfg.OnOptOut != nil {
		if err := w.cfg.OnOptOut(ce.Ctx, ce.Sender); err != nil {
			return err
		}
	}
	if already {
		return w.ReplyMarkdown(ce.Ctx, tx.AlreadyOut)
	}
	text := tx.OptedOut
	if w.cfg.TeamRoom != "" {
		text += " " + tx.OptedOutCases
	}
	return w.ReplyMarkdown(ce.Ctx, text+" "+tx.OptedOutUndo)
}

// isUndo reports whether word takes an opt-out back, in either language:
// the reply follows the command's name as typed (en35), and `!dont-keep
// rückgängig` in a German install or `!nicht-merken back` in an English
// one read the other catalogue's words — the undo was taken as one more
// opt-out, the opposite of what the member asked for.
func isUndo(word string) bool {
	w := strings.ToLower(word)
	return slices.Contains(German.UndoWords, w) || slices.Contains(English.UndoWords, w)
}

// mayKeep reports whether the question of the turn in ctx may be kept:
// keeping is on, it was not asked in one of the team's rooms nor by a
// team member, and its sender has not opted out.
func (w *Workflow) mayKeep(ctx context.Context) (*chat.Turn, bool, error) {
	t := chat.TurnOf(ctx)
	if !w.cfg.Keep || t == nil || t.Event == nil || t.Event.Sender == w.Matrix.UserID() {
		return nil, false, nil
	}
	if slices.Contains(w.cfg.Private, t.Event.RoomID) {
		return nil, false, nil
	}
	if w.cfg.IsTeam != nil && w.cfg.IsTeam(ctx, t.Event.Sender) {
		return nil, false, nil
	}
	out, err := w.DB.Gaps().OptedOut(ctx, t.Event.Sender.String())
	if err != nil || out {
		return nil, false, err
	}
	return t, true, nil
}

// RedactedMark stands in a kept question where personal data was.
const RedactedMark = "[…]"

// redactMarks put [RedactedMark] for every kind of personal data.
var redactMarks = guides.RedactMarks{Email: RedactedMark, MatrixID: RedactedMark, IBAN: RedactedMark, Phone: RedactedMark, Name: RedactedMark, Secret: RedactedMark}

// Failed keeps the question of the turn in ctx (flow.Gaps), if it may,
// without the personal data a guide draft also leaves out (passwords,
// e-mail addresses, IBANs, phone numbers, Matrix IDs) and without the asker's own
// display name, its parts and user name ([guides.NameForms], as learned
// questions and drafts), and of its links only the host
// ([guides.ShortenLinks], as learned questions), and without control
// characters ([chat.OneLineName]: `lotse gaps` prints it to a terminal): the
// digest shows the text to the team.
func (w *Workflow) Failed(ctx context.Context, question, outcome string, guideIDs []string, answerEvent id.EventID) error {
	t, ok, err := w.mayKeep(ctx)
	if !ok || err != nil {
		return err
	}
	evt := t.Event
	names := []string{evt.Sender.Localpart()}
	if name := w.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender); name != evt.Sender.String() {
		names = append(names, name)
	}
	question, _ = guides.ShortenLinks(chat.OneLineName(question))
	question, _ = guides.Redact(question, redactMarks, guides.NameForms(names))
	return w.DB.Gaps().Keep(ctx, storage.FailedQuestion{SourceEvent: evt.ID.String(), UserID: evt.Sender.String(), RoomID: evt.RoomID.String(),
		Question: question, Outcome: outcome, Guides: guideIDs, AnswerEvent: answerEvent.String(), AskedAt: w.Now()})
}

// ForgetMessage deletes the question kept from the message redacts, which
// was deleted (evt is the redaction), only by a redaction in the room of
// the question. A plain redaction forgets it whoever sent it: a room's
// moderator deleting a member's message takes the kept copy along too, and
// as forgetting only removes data, a redaction its sender was not allowed
// to make costs nothing but a line of the digest (whole-change review 20,
// L2). One that came inside an encrypted event, which no server checks,
// forgets only if its sender asked the question.
func (w *Workflow) ForgetMessage(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	asker := ""
	if evt.Mautrix.WasEncrypted {
		asker = evt.Sender.String()
	}
	return w.DB.Gaps().Forget(ctx, evt.RoomID.String(), redacts.String(), asker)
}

// Picked records that the member picked a guide from the choice asked in
// prompt (flow.Gaps): that question was answered after all.
func (w *Workflow) Picked(ctx context.Context, prompt, answerEvent id.EventID) error {
	t := chat.TurnOf(ctx)
	if !w.cfg.Keep || t == nil || t.Event == nil {
		return nil
	}
	return w.DB.Gaps().Picked(ctx, t.Event.RoomID.String(), t.Event.Sender.String(), prompt.String(), answerEvent.String())
}

// ThumbsDown keeps the question behind answerEvent when its asker gave
// the 👎 within the follow-up window (flow.Gaps).
func (w *Workflow) ThumbsDown(ctx context.Context, answerEvent id.EventID) error {
	t := chat.TurnOf(ctx)
	if !w.cfg.Keep || t == nil || t.Event == nil {
		return nil
	}
	return w.DB.Gaps().ThumbsDown(ctx, answerEvent.String(), t.Event.Sender.String(), w.Now().Add(-w.ChoiceTTL), w.Now())
}
