package answer

import "github.com/lotse-bot/lotse/guides/search"

// The frame of a reply (the choice, the offers, the feedback line; see
// Texts) follows the language a member writes in, when the message says
// it clearly; the guides themselves stay as written. Only the two
// catalogues German and English exist.

// MessageLang returns the language ("de" or "en") the frame of a reply
// to text is written in: the message's own when it is clearly German or
// English, else fallback (the member's last clear language in the chat,
// or the install's). Clearly: at least two function words of one
// language (search.LanguageVote), more than twice those of the other —
// so a German message that quotes an English error message („da steht
// ‚you are not allowed to do this‘, wenn ich mich einlogge“) stays
// German, and so does a short answer to a German prompt that borrows an
// English phrase („none of them“, „yes please“, „thank you“); a message
// without any („ok“, „danke“, „2“, an emoji, a guide's title) says
// nothing.
func MessageLang(text, fallback string) string {
	if l := clearLang(search.LanguageVote(text)); l != "" {
		return l
	}
	if fallback == "en" {
		return "en"
	}
	return "de"
}

// ClearLang returns the language text is clearly written in, or "" when
// it does not say (see MessageLang).
func ClearLang(text string) string { return clearLang(search.LanguageVote(text)) }

// minClearWords is the least number of function words of a language that
// make a message clearly written in it.
const minClearWords = 2

func clearLang(en, de int) string {
	switch {
	case en >= minClearWords && en > 2*de:
		return "en"
	case de >= minClearWords && de > 2*en:
		return "de"
	}
	return ""
}
