package chat

import (
	"net/url"
	"regexp"
	"strings"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// UserArg reads the person a command is about, for every command that
// takes one (!rolle, !erklärung, !schulung, !zuweisen, !protokoll): the
// first Matrix ID written in the text wins; else the first pill (a link to
// a user in the formatted text, outside a reply's quote); else, only when
// the message is no reply, the first user in m.mentions. Lotse itself is
// never the target, and neither is the sender of a replied-to message by
// accident: clients put them into m.mentions (security review 20, finding
// 7: a reply with „!rolle @carol:x koordination“ granted the role to the
// person replied to). rest are the other arguments, without the words of a
// pill's display name (a pill shows as the name in the plain text).
func (e *Env) UserArg(ce *Call) (target id.UserID, rest []string) {
	me := e.Matrix.UserID()
	for _, a := range ce.Args {
		if u, ok := userWord(a); ok {
			if target == "" && u != me {
				target = u
			}
			continue
		}
		rest = append(rest, a)
	}
	if target != "" {
		return target, rest
	}
	content := ce.Content.AsMessage()
	if t := TurnOf(ce.Ctx); t != nil && t.Event != nil {
		// The turn has the event as it came, with its formatted text (the
		// command parser sees the plain text only).
		if mc, ok := t.Event.Content.Parsed.(*event.MessageEventContent); ok {
			content = mc
		}
	}
	if content == nil {
		return "", rest
	}
	if content.Format == event.FormatHTML {
		target = firstPill(content.FormattedBody, me)
	}
	if target == "" && content.Mentions != nil && content.RelatesTo.GetNonFallbackReplyTo() == "" {
		for _, u := range content.Mentions.UserIDs {
			if _, _, err := u.Parse(); err == nil && u != me {
				target = u
				break
			}
		}
	}
	if target == "" {
		return "", rest
	}
	// A pill shows as the display name in the plain body: drop its words.
	if name := e.Matrix.DisplayName(ce.Ctx, ce.RoomID, target); name != target.String() {
		words := strings.Fields(name)
		for len(words) > 0 && len(rest) > 0 && strings.EqualFold(strings.TrimSuffix(rest[0], ":"), words[0]) {
			rest, words = rest[1:], words[1:]
		}
	}
	return target, rest
}

// userWord reads one argument as a Matrix user ID ("@name:server", also
// with trailing punctuation, and with Markdown's backslash escapes: see
// markdownEscape).
func userWord(a string) (id.UserID, bool) {
	if !strings.HasPrefix(a, "@") || !strings.Contains(a, ":") {
		return "", false
	}
	u := id.UserID(strings.TrimRight(markdownEscape.ReplaceAllString(a, "$1"), ",.;"))
	if _, _, err := u.Parse(); err != nil {
		return "", false
	}
	return u, true
}

var (
	// markdownEscape is a backslash before ASCII punctuation: Markdown's
	// escape, which the plain body keeps. Lotse's own messages show IDs
	// escaped (Escape) also inside code spans, where the backslash stays
	// visible: the approvers' „`!erklärung @max\_muster:verein.de erhalten
	// <Datum>`“, copied, named the ID „@max\_muster:verein.de“, which
	// Parse accepts — a declaration or role for nobody, while the
	// applicant stayed locked out (twenty-sixth pass, whole26). A
	// backslash is in no user ID of the current grammar.
	markdownEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
	// replyQuote is the quote of the replied-to message that older
	// clients put before the formatted text (it links to its sender).
	replyQuote = regexp.MustCompile(`(?s)<mx-reply>.*?</mx-reply>`)
	// pillLink is a link to a user (a pill).
	pillLink = regexp.MustCompile(`href=["']https://matrix\.to/#/([^"'?/]+)`)
)

// firstPill returns the first user linked in htmlBody outside a reply's
// quote, other than me.
func firstPill(htmlBody string, me id.UserID) id.UserID {
	htmlBody = replyQuote.ReplaceAllString(htmlBody, "")
	for _, m := range pillLink.FindAllStringSubmatch(htmlBody, -1) {
		s, err := url.PathUnescape(m[1])
		if err != nil || !strings.HasPrefix(s, "@") {
			continue
		}
		u := id.UserID(s)
		if _, _, err := u.Parse(); err == nil && u != me {
			return u
		}
	}
	return ""
}
