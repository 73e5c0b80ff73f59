package answer

import (
	"slices"
	"testing"
)

// TestQuestionWordsShared: the question part's words that decide takes
// from the whole message's reading (partOf), and a question clause's that
// focusQuestion takes from the part's (span), are the words, folded words
// and clause breaks of the part read on its own (wordsOf) — also after a
// greeting with a comma (a break before the part's first word in the
// message, none in the part), a spaced dash, umlauts and quotes; and the
// message's breaks stay as they were.
func TestQuestionWordsShared(t *testing.T) {
	same := func(msg string, got, want *qwords) {
		t.Helper()
		var gw, ww []string
		for i := range got.ws {
			gw = append(gw, got.ws[i].w)
			if got.at(i) != want.ws[i].start {
				t.Errorf("%q: word %d at %d, want %d", msg, i, got.at(i), want.ws[i].start)
			}
		}
		for _, w := range want.ws {
			ww = append(ww, w.w)
		}
		switch {
		case got.text != want.text || !slices.Equal(gw, ww):
			t.Errorf("%q: part %q %q, want %q %q", msg, got.text, gw, want.text, ww)
		case !slices.Equal(got.words(), want.words()):
			t.Errorf("%q: folded %q, want %q", msg, got.words(), want.words())
		case !slices.Equal(got.breaks(), want.breaks()):
			t.Errorf("%q: breaks %v, want %v", msg, got.breaks(), want.breaks())
		}
	}
	for _, msg := range []string{
		"Hallo Lotse, wie ändere ich mein Passwort?",
		"Moin! kurze Frage: ich komm nicht weiter - mein Handy zeigt „Fehler“, was tun?",
		"danke, dass du so schnell antwortest! wie teile ich einen Ordner, geht das?",
		"jemand stört ständig in unserer Videositzung, kann ich den rauswerfen?",
		"Grüße, Passwort vergessen",
		"hi, wie ändere ich mein Passwort? danke dir, tschüss",
	} {
		text := clean(msg)
		words := tokens(text)
		folded, brk := foldWords(words), clauseStarts(text, words)
		before := slices.Clone(brk)
		q, from, _ := questionPart(text, words)
		if q == "" {
			t.Fatalf("%q: no question part", msg)
		}
		qv := partOf(q, from, words, folded, brk)
		same(msg, qv, wordsOf(q))
		if part, i, j, ok := focusPart(qv); ok {
			same(msg, qv.span(part, i, j), wordsOf(part))
		}
		if !slices.Equal(brk, before) {
			t.Errorf("%q: the message's breaks changed: %v, were %v", msg, brk, before)
		}
	}
}
