package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
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
