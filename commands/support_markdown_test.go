package commands

import (
	"strings"
	"testing"
)

// TestAnswerMarkdownReachesMemberFormatted: a volunteer types Markdown in
// Element („**wichtig**“, a numbered list, line breaks, a link); the
// member's copy of the answer and of the solution shows it formatted, as
// Element shows the volunteer's own message, with the typed text as the
// plain body. A link whose text is not its address shows the address, so
// link text cannot hide where it goes. Before lead27 the member saw the
// asterisks and one run-on paragraph.
func TestAnswerMarkdownReachesMemberFormatted(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	typed := "Das ist **wichtig**:\n1. abmelden\n2. [neu anmelden](https://cloud.example.org/login)\nGruß\nAlex"
	sent := e.say(t, teamRoom, alice, "!antwort 1 "+typed, root)
	dm := in(sent, dmRoom)
	if len(dm) != 1 {
		t.Fatalf("answer: %s", bodies(sent))
	}
	c := dm[0].content
	for _, want := range []string{"<strong>wichtig</strong>", "<ol>", `<a href="https://cloud.example.org/login"`, "neu anmelden</a> (https://cloud.example.org/login)", "Gruß<br>"} {
		if !strings.Contains(c.FormattedBody, want) {
			t.Errorf("member's formatted answer lacks %q:\n%s", want, c.FormattedBody)
		}
	}
	if strings.Contains(c.FormattedBody, "**") || !strings.Contains(c.Body, typed) {
		t.Errorf("plain body should be the typed text, HTML without asterisks:\nbody %q\nhtml %q", c.Body, c.FormattedBody)
	}

	sent = e.say(t, teamRoom, alice, "!erledigt 1 **Neu anmelden** hat geholfen", root)
	dm = in(sent, dmRoom)
	if len(dm) != 1 || !strings.Contains(dm[0].content.FormattedBody, "<strong>Neu anmelden</strong>") {
		t.Fatalf("solution not formatted: %s", bodies(sent))
	}
}
