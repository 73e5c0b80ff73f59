package chat

import (
	"context"
	"html"
	"strings"

	"maunium.net/go/mautrix/id"
)

// Message builds one message from parts: our own Markdown texts and
// already rendered pieces (a guide), joined by blank lines.
type Message struct {
	plain, html []string
}

// Markdown adds our own Markdown text (user input in it escaped).
func (m *Message) Markdown(md string) {
	p, h := Render(md)
	m.Raw(p, h)
}

// Raw adds a rendered piece (plain text and HTML; HTML may be empty).
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

// Vote reads a reaction key as a vote, ignoring skin tones and variation
// selectors: 👍/✅ helpful, 👎/❌ not.
func Vote(key string) (helpful, ok bool) {
	switch StripModifiers(key) {
	case "👍", "+1", "👌", "✅":
		return true, true
	case "👎", "-1", "❌":
		return false, true
	}
	return false, false
}

// maxRepliesPerEvent bounds the replies looked up for one event (a
// question gets one to three: the answer, perhaps an offer).
const maxRepliesPerEvent = 8

// RepliesTo returns Lotse's replies to eventID (see Env.Reply: their
// transaction IDs are numbered per event), in order.
func (e *Env) RepliesTo(ctx context.Context, eventID id.EventID) ([]id.EventID, error) {
	var out []id.EventID
	for seq := range maxRepliesPerEvent {
		sent, err := e.DB.Inbox.SentEventID(ctx, e.TxnID(eventID, "reply", seq))
		if err != nil || sent == "" {
			return out, err
		}
		out = append(out, id.EventID(sent))
	}
	return out, nil
}
