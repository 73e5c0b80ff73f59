package guides

import (
	"html"
	"strings"
)

// Message builds one message from parts: our own Markdown texts (rendered
// by [Render]) and already rendered pieces (a guide), joined by blank
// lines. The chat (package chat) and the answer's reply (package answer)
// both compose with it.
type Message struct {
	plain, html []string
}

// Markdown adds our own Markdown text (user input in it escaped).
func (m *Message) Markdown(md string) {
	h, p := Render(md)
	m.Raw(strings.TrimSpace(p), h)
}

// Raw adds a rendered piece (plain text and HTML; HTML may be empty).
// Pieces without text are left out.
func (m *Message) Raw(plain, htmlBody string) {
	if strings.TrimSpace(plain) == "" {
		return
	}
	if htmlBody == "" {
		htmlBody = html.EscapeString(plain)
	}
	if !strings.HasPrefix(strings.TrimSpace(htmlBody), "<") {
		htmlBody = "<p>" + htmlBody + "</p>"
	}
	m.plain = append(m.plain, strings.TrimSpace(plain))
	m.html = append(m.html, htmlBody)
}

// Result is the message as plain text and HTML.
func (m *Message) Result() (plain, htmlBody string) {
	return strings.Join(m.plain, "\n\n"), strings.Join(m.html, "\n")
}

// Shorten puts s on one line (runs of whitespace become one space) and cuts
// it to max characters (runes), marking a cut with "…", for quoting back
// what someone wrote. The chat's texts (package chat) and the answer's
// "no guide" reply (package answer) both quote with it.
func Shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		// A cut after a space ends the word before it: "Wie geht…".
		s = strings.TrimRight(string(r[:max]), " ") + "…"
	}
	return s
}
