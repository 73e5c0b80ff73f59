package chat

import (
	"context"
	"errors"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// RoomGuard is what a Matrix runtime may offer (bot.Bot does, through
// cmd/lotse's adapter) to keep members' personal data out of a team or
// approvals room that is open to everyone: Hold returns an error (one
// IsHeld reports) while nothing may be sent into roomID. The Env's Matrix
// asks it before every send, so that no workflow posts a case, a relay or
// a request there; the error makes the runtime try the event again later
// (it is busy: no attempt counted), when the room is closed again.
type RoomGuard interface {
	Hold(ctx context.Context, roomID id.RoomID) error
}

// IsHeld reports whether err says a send was held because its room is
// open to everyone (RoomGuard).
func IsHeld(err error) bool {
	var h interface{ Held() bool }
	return errors.As(err, &h) && h.Held()
}

type unheldKey struct{}

// Unheld marks the sends under ctx as carrying no member's personal data:
// the warning that someone without a role joined the team or approvals
// room, which names only the person who joined (everyone in the room sees
// them in its member list). Those go out while the room is open — that is
// when strangers join and the team must know who — so that the team can
// remove them: they stay in the room after it is closed again.
func Unheld(ctx context.Context) context.Context {
	return context.WithValue(ctx, unheldKey{}, true)
}

// hold asks the runtime's RoomGuard, if it has one, whether roomID takes
// sends now. When it does not and the event being handled is a member's
// message in a direct chat (or their reaction about their case), the
// member is told once (per event, across
// retries: the transaction ID is the event's) that their message arrived
// and will be passed on: the workflow's own answer comes when the event
// is handled again after the room is closed.
func (m envMatrix) hold(ctx context.Context, roomID id.RoomID) error {
	g, ok := m.Matrix.(RoomGuard)
	if !ok || ctx.Value(unheldKey{}) != nil {
		return nil
	}
	err := g.Hold(ctx, roomID)
	if err == nil || !IsHeld(err) {
		return err
	}
	t := TurnOf(ctx)
	if t == nil || t.Event == nil || !t.Direct || t.Event.RoomID == roomID || m.txn == nil {
		return err
	}
	// A member's message; a reaction only when it is about their case
	// (support marked the turn, CaseLang: a ✅ that accepts the offer of
	// a case), not every 👍 — the ✅ got no word until the room was
	// closed, hours later perhaps (mend32b).
	reaction := t.Event.Type == event.EventReaction
	if t.Event.Type != event.EventMessage && (!reaction || t.CaseLang == "") {
		return err
	}
	lang := m.lang
	switch {
	case t.CaseLang != "":
		lang = t.CaseLang // the member's case speaks their language (case32)
	case t.Lang != "":
		lang = t.Lang
	}
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: HeldNote(lang), Mentions: &event.Mentions{}}
	if !reaction {
		content.SetReply(t.Event)
	}
	if _, serr := m.Matrix.Send(ctx, t.Event.RoomID, event.EventMessage, content, m.txn(t.Event.ID, "held-note", 0)); serr != nil {
		zerolog.Ctx(ctx).Warn().Err(serr).Msg("Failed to tell the member that their message waits")
	}
	return err
}

// heldNotes tell a member that their message arrived and waits (hold).
var heldNotes = map[string]string{
	"de": "📨 Deine Nachricht ist angekommen. Ich gebe sie weiter, sobald das wieder geht – du musst nichts weiter tun.",
	"en": "📨 Your message has arrived. I'll pass it on as soon as I can – you don't need to do anything else.",
}

// HeldNote is the note of lang (German by default) that tells a member
// their message arrived and waits.
func HeldNote(lang string) string { return inLang(heldNotes, lang) }

// RoomExposure is what is wrong with a team or approvals room, for
// RoomOpenNotice (bot.Exposure gives it).
type RoomExposure struct {
	// Joinable: anyone (or a space's members) can join without an invitation.
	Joinable bool
	// WorldReadable: anyone can read the history without joining.
	WorldReadable bool
	// Unencrypted: its end-to-end encryption was switched off.
	Unencrypted bool
}

// exposureTexts are the notices about an open team or approvals room: the
// frame (%s: the causes, then the fixes), each cause and its fix, and the
// notice when it is closed again.
var exposureTexts = map[string]struct {
	open, closed                           string
	joinable, readable, unencrypted        string
	fixJoinable, fixReadable, fixEncrypted string
}{
	"de": {
		open: "⚠️ **Dieser Raum ist gerade für alle offen:** %s. Ich schicke keine Fälle und Anfragen mehr hierher, bis das behoben ist. " +
			"Verloren geht nichts: Was in der Zwischenzeit kommt, schicke ich, sobald der Raum wieder geschützt ist.\n\n" +
			"So behebst du es (in den Raumeinstellungen, mit Admin-Rechten im Raum): %s.",
		closed: "✅ Dieser Raum ist wieder geschützt. Ich schicke Fälle und Anfragen wieder hierher – auch die, die in der Zwischenzeit gewartet haben. " +
			"Wer beigetreten ist, während der Raum offen war, ist noch drin: Schau bitte in die Mitgliederliste.",
		joinable:     "man kann ohne Einladung beitreten",
		readable:     "sein Verlauf ist auch ohne Beitritt für alle lesbar",
		unencrypted:  "die Ende-zu-Ende-Verschlüsselung ist abgeschaltet",
		fixJoinable:  "unter „Sicherheit“ den Zugang auf „Privat (Betreten mit Einladung)“ stellen (in Element X: „Nur auf Einladung“)",
		fixReadable:  "unter „Wer kann den bisherigen Verlauf lesen?“ eine Option mit „Mitglieder“ wählen, nicht „Alle“",
		fixEncrypted: "die Verschlüsselung wieder einschalten – das geht nicht in den Einstellungen, nur in Element Web mit `/devtools` (Schritte in der Betriebsanleitung unter „A team or approvals room open to everyone“)",
	},
	"en": {
		open: "⚠️ **This room is open to everyone right now:** %s. I won't post cases or requests here until that is fixed. " +
			"Nothing is lost: what comes in meanwhile I'll post as soon as the room is protected again.\n\n" +
			"How to fix it (in the room settings, as an admin of the room): %s.",
		closed: "✅ This room is protected again. I'm posting cases and requests here again – including those that waited meanwhile. " +
			"Whoever joined while the room was open is still in it: please check the member list.",
		joinable:     "anyone can join without an invitation",
		readable:     "its history can be read by anyone, without joining",
		unencrypted:  "its end-to-end encryption is switched off",
		fixJoinable:  "under “Security & Privacy”, set access to “Private (invite only)” (in Element X: “Invite only”)",
		fixReadable:  "under “Who can read history?”, choose one of the “Members” options, not “Anyone”",
		fixEncrypted: "switch encryption on again – not possible in the settings, only in Element Web with `/devtools` (steps in the operations guide under “A team or approvals room open to everyone”)",
	},
}

// RoomOpenNotice is the Markdown notice of lang for a team or approvals
// room that is open as ex says: what is wrong, that cases and requests
// wait, and how to fix it. It names no person and no case.
func RoomOpenNotice(lang string, ex RoomExposure) string {
	tx := inLang(exposureTexts, lang)
	var causes, fixes []string
	if ex.Joinable {
		causes, fixes = append(causes, tx.joinable), append(fixes, tx.fixJoinable)
	}
	if ex.WorldReadable {
		causes, fixes = append(causes, tx.readable), append(fixes, tx.fixReadable)
	}
	if ex.Unencrypted {
		causes, fixes = append(causes, tx.unencrypted), append(fixes, tx.fixEncrypted)
	}
	return Format(tx.open, strings.Join(causes, "; "), strings.Join(fixes, "; "))
}

// RoomClosedNotice is the Markdown notice of lang for a team or approvals
// room that is protected again.
func RoomClosedNotice(lang string) string { return inLang(exposureTexts, lang).closed }
