package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestMessageLang (lang31): the frame's language is the message's own
// when it is clearly German or English, else the fallback (the member's
// last clear language or the install's). Fails without MessageLang: the
// frame was the install's for every message.
func TestMessageLang(t *testing.T) {
	for _, tt := range []struct {
		text, fallback, want string
	}{
		// German install, English messages.
		{"how do i share my screen in bbb", "de", "en"},
		{"can someone help me please", "de", "en"},
		{"how to reset my password", "de", "en"},
		// English install, German messages.
		{"wie teile ich meinen Bildschirm in BBB?", "en", "de"},
		{"kann mir bitte jemand helfen", "en", "de"},
		// Short or ambiguous: the fallback.
		{"ok", "en", "en"},
		{"danke", "en", "en"},
		{"thanks!", "de", "de"},
		{"2", "en", "en"},
		{"👍", "de", "de"},
		{"Passwort vergessen", "en", "en"},
		// One function word is no clear language: a short answer to a
		// prompt that borrows a phrase of the other language.
		{"thank you", "de", "de"},
		{"none of them", "de", "de"},
		{"yes please", "de", "de"},
		{"danke dir", "en", "en"},
		{"", "", "de"},
		// A German message quoting an English error stays German; one
		// English word in a German message changes nothing.
		{"da steht „you are not allowed to do this“, wenn ich mich in der Cloud anmelde", "de", "de"},
		{"ich finde den Share-Button nicht, wo ist the button", "de", "de"},
	} {
		if got := MessageLang(tt.text, tt.fallback); got != tt.want {
			en, de := search.LanguageVote(tt.text)
			t.Errorf("MessageLang(%q, %q) = %q, want %q (vote en %d, de %d)", tt.text, tt.fallback, got, tt.want, en, de)
		}
	}
}

// TestAnswerSaysGuideLanguage (lang31): an answer in the other language's
// frame says in one line, in the member's language, that the guide is in
// the install's language and how to translate it; in the guide's own
// language it says nothing of it. Fails without the note.
func TestAnswerSaysGuideLanguage(t *testing.T) {
	lib := loadLibrary(t)
	d := Decide("wie teile ich meinen Bildschirm in BBB?", lib, Options{Texts: &German})
	if d.Outcome != Answer {
		t.Fatalf("precondition: %s %v", d.Outcome, d.Guides())
	}
	for _, tt := range []struct {
		tx        *Texts
		want, not string
	}{
		{&English, English.GuideOtherLang, German.GuideOtherLang},
		{&German, "", English.GuideOtherLang},
	} {
		r, ok := AnswerReply(lib, d.Hits[0], nil, false, tt.tx, ReplyOptions{})
		if !ok {
			t.Fatal("no reply")
		}
		if tt.want != "" && !strings.Contains(r.Plain, tt.want) || strings.Contains(r.Plain, tt.not) {
			t.Errorf("%s frame: reply %q, want %q and not %q", tt.tx.Lang, r.Plain, tt.want, tt.not)
		}
	}
}
