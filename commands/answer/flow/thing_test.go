package flow

import (
	"strings"
	"testing"
)

// TestNoGuideThingInChat: a message about another product or service
// (the off-topic vocabulary, eighth pass) gets, in the chat too, the
// sentence that Lotse's guides are for the association's tools — not
// only in `lotse ask` (answer.NoGuideReplyFor; it was built but the chat
// still sent the plain no-guide reply). A plain "no guide" gets none.
func TestNoGuideThingInChat(t *testing.T) {
	f := newFixture(t)
	const note = "Meine Anleitungen sind für die Werkzeuge unseres Verbands da"
	got := strings.Join(f.say("@m:test", "outlook will ständig mein passwort"), "\n")
	if !strings.Contains(got, note) || !strings.Contains(got, "Mail-Anbieter") {
		t.Errorf("a message about a mail program got %q, want the note about the association's tools", got)
	}
	got = strings.Join(f.say("@m:test", "wie backe ich einen Marmorkuchen"), "\n")
	if strings.Contains(got, note) {
		t.Errorf("a plain no-guide message got the tools note: %q", got)
	}
}
