package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestCaseThreadTextsHaveNoMarkup: what Lotse writes into a new case's
// thread reads as text where HTML is not shown (a notification, the room
// list's preview, the plain body): no Markdown markup; the commands show
// as code in the HTML. The thread's how-to note („An das Mitglied geht nur
// `!antwort <Text>`“) went out with its backticks in both before phone34.
func TestCaseThreadTextsHaveNoMarkup(t *testing.T) {
	e := newSupportEnv(t)
	e.say(t, dmRoom, member, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", "")
	team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom)
	var how *event.MessageEventContent
	for _, m := range team {
		if strings.Contains(m.content.Body, "interne Notizen") {
			how = m.content
		}
		for _, mark := range []string{"`", "**", "&lt;", "&amp;", "&#"} {
			if strings.Contains(m.content.Body, mark) {
				t.Errorf("plain body with %q: %q", mark, m.content.Body)
			}
		}
	}
	if how == nil {
		t.Fatal("no how-to note in the thread")
	}
	if !strings.Contains(how.Body, "!antwort <Text>") || !strings.Contains(how.FormattedBody, "<code>!antwort &lt;Text&gt;</code>") {
		t.Fatalf("how-to note: %q / %q", how.Body, how.FormattedBody)
	}
	if how.RelatesTo.GetThreadParent() == "" || how.MsgType != event.MsgNotice {
		t.Fatalf("how-to note %s relates to %+v", how.MsgType, how.RelatesTo)
	}
}
