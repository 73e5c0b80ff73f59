package commands

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestTextEditedToFileStaysText (sec33): a member edits a message of
// their case, relayed to the team as text, to an m.new_content that
// carries a file (any address; a client never sends this, a script
// does). The team's thread line stays the member's text — the edit's
// text in its place — and the stored text gets no file's marker, so a
// later text edit is shown as text too; no file is relayed. Fails
// without the fix in support.relayedFile: the line became „hat eine
// Datei geschickt: rechnung.pdf“ for a file that never came, and every
// later edit said the same.
func TestTextEditedToFileStaysText(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Fehler 403 beim Login"})
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}
	pdf := e.messageKind(t, true)("rechnung.pdf")
	pdf.MsgType, pdf.FileName = event.MsgFile, "rechnung.pdf"
	for _, step := range []struct {
		edit *event.Event
		want string
	}{
		{e.edit(dmRoom, member, msg.ID, pdf), "💬 Mia Mitglied (#1):\nrechnung.pdf"},
		{e.editText(dmRoom, member, msg.ID, "Fehler 403, schon zweimal"), "💬 Mia Mitglied (#1):\nFehler 403, schon zweimal"},
	} {
		sent := e.handle(t, step.edit, true)
		if nc := relayEdit(t, sent, relay[0]); nc.Body != step.want || nc.URL != "" || nc.File != nil {
			t.Errorf("edited relay %q (file %q), want %q", nc.Body, nc.URL, step.want)
		}
		if dm := in(sent, dmRoom); len(dm) != 0 {
			t.Errorf("the edit was answered: %s", bodies(dm))
		}
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "[m.file]") || !strings.Contains(texts, "Fehler 403, schon zweimal") {
		t.Errorf("stored case texts:\n%s", texts)
	}
}

// mutedMatrix is the fake homeserver with power levels as far as
// chat.Writable asks: Lotse may not write in the rooms in muted.
type mutedMatrix struct {
	*fakeMatrix
	muted roomSet
}

func (m *mutedMatrix) MayWrite(_ context.Context, room id.RoomID) (bool, error) {
	return !m.muted.has(room), nil
}

func (m *mutedMatrix) set(room id.RoomID, muted bool) { m.muted.set(room, muted) }

// TestAnswerToMutedChat (sec33): the member took Lotse's voice in the
// direct chat of their case (a room they made without making Lotse a
// moderator; the power levels are theirs). The team's answer is not sent
// there: the team member reads at once that it did not go out, as for a
// member who left; with another direct chat of the member's, the answer
// goes there; once Lotse may write again, answers go to the case's chat
// again. Fails without the check in support.bothIn: the answer was sent
// into the muted chat (on Dendrite: refused, and tried again for some
// eight minutes before the team member heard anything).
func TestAnswerToMutedChat(t *testing.T) {
	e := newSupportEnv(t)
	m := &mutedMatrix{fakeMatrix: e.fm}
	e.reconfigure(func(d *Deps) { d.Matrix = m })
	root := e.openCase(t)
	m.set(dmRoom, true)

	sent := e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Fatalf("the answer went into the muted chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "Nicht gesendet", "Fall #1", "nicht mehr schreiben")
	if texts := e.caseTexts(t); strings.Contains(texts, "Cache leeren") {
		t.Errorf("the undelivered answer was stored as given:\n%s", texts)
	}

	m.set(dmRoom, false)
	mustContain(t, in(e.say(t, teamRoom, alice, "!antwort Bitte den Cache leeren.", root), dmRoom), "Cache leeren")

	const other = id.RoomID("!dm-other:test")
	e.newDirectChat(t, other, member)
	m.set(dmRoom, true)
	sent = e.say(t, teamRoom, alice, "!antwort Und danach neu anmelden.", root)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Fatalf("the answer went into the muted chat:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, other), "neu anmelden")
}
