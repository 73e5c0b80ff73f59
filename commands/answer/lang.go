package answer

import "github.com/lotse-bot/lotse/guides/search"

// The frame of a reply (the choice, the offers, the feedback line; see
// Texts) follows the language a member writes in, when the message says
// it clearly; the guides themselves stay as written. Only the two
// catalogues German and English exist.

// MessageLang returns the language ("de" or "en") the frame of a reply
// to text is written in: the message's own when it is clearly German or
// English, else fallback (the member's last clear language in the chat,
// or the install's). Clearly: the function words of one language
// (search.LanguageVote) outnumber twice those of the other — so a German
// message that quotes an English error message („da steht ‚you are not
// allowed to do this‘, wenn ich mich einlogge“) stays German — and a
// message without any („ok“, „danke“, „2“, an emoji, a guide's title)
// says nothing.
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

func clearLang(en, de int) string {
	switch {
	case en > 2*de:
		return "en"
	case de > 2*en:
		return "de"
	}
	return ""
}
