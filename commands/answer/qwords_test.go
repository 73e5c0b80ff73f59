package answer

import (
	"slices"
	"strings"
	"testing"
)

// wordsOf returns the words of q, tokenised, folded and split into
// clauses here, as decide reads a whole message's (tests only: the
// engine reads a message's words once and shares them, partOf, span;
// whole-change review, finding F8).
func wordsOf(q string) *qwords {
	ws := tokens(q)
	return sharing(q, ws, foldWords(ws), clauseStarts(q, ws))
}

// sameReading fails the test when got, words shared from a longer reading,
// are not the words, offsets, folded words and clause breaks of want, the
// same text read on its own (wordsOf).
func sameReading(t *testing.T, msg string, got, want *qwords) {
	t.Helper()
	if len(got.ws) != len(want.ws) {
		t.Errorf("%q: part %q has %d words, want %d (%q)", msg, got.text, len(got.ws), len(want.ws), want.text)
		return
	}
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

// readQuestion reads msg as decide does up to the question part: the
// cleaned text (cut to maxMessage bytes), its words, folded words and
// clause breaks, and the part decide searches — after a greeting, and
// for a request for a person only the question it asks („kann mir jemand
// sagen, wie …“: personRest).
func readQuestion(t *testing.T, msg string) (text string, words []word, folded []string, brk []bool, q string, from int) {
	t.Helper()
	text = clean(msg)
	words = tokens(text)
	folded, brk = foldWords(words), clauseStarts(text, words)
	q, from, _ = questionPart(text, words)
	if q == "" {
		t.Fatalf("%q: no question part", msg)
	}
	if personRequest(folded, brk) != noHuman {
		if _, _, at := personRest(folded); at > 0 && words[at].start > from && words[at].start < from+len(q) {
			q = strings.TrimSpace(text[words[at].start : from+len(q)])
			from = words[at].start
		}
	}
	return text, words, folded, brk, q, from
}

// TestQuestionWordsShared: the question part's words that decide takes
// from the whole message's reading (partOf), and a question clause's that
// focusQuestion takes from the part's (span), are the words, folded words
// and clause breaks of the part read on its own (wordsOf) — also after a
// greeting with a comma (a break before the part's first word in the
// message, none in the part), a spaced dash, umlauts and quotes, after a
// request for a person cut off the question, in a message cut at 2 KB
// (in the middle of an umlaut), and with a non-breaking, a zero-width or
// an ideographic space; so are each clause's (clause: no break before its
// first word, as botQuestionBy reads it); and the message's breaks stay
// as they were.
func TestQuestionWordsShared(t *testing.T) {
	long := "Hallo, wie ändere ich mein Passwort" + strings.Repeat(" ä", maxMessage)
	if len(clean(long)) >= len(long) {
		t.Fatalf("the long message (%d bytes) is not cut", len(long))
	}
	for _, msg := range []string{
		"Hallo Lotse, wie ändere ich mein Passwort?",
		"Moin! kurze Frage: ich komm nicht weiter - mein Handy zeigt „Fehler“, was tun?",
		"danke, dass du so schnell antwortest! wie teile ich einen Ordner, geht das?",
		"jemand stört ständig in unserer Videositzung, kann ich den rauswerfen?",
		"Grüße, Passwort vergessen",
		"hi, wie ändere ich mein Passwort? danke dir, tschüss",
		"kann mir jemand sagen, wie ich mein Passwort ändere?",
		"Hallo, kann mir bitte jemand erklären, wo ich die Dateien finde – und wie ich sie teile?",
		long,
		long[:maxMessage-1] + "?",
		"Hallo\u00a0Lotse, wie ändere ich\u00a0mein Passwort?",
		"hallo\u200b lotse, wie teile ich\u200bden Bildschirm, geht das?",
		"moin\u3000wie teile ich einen Ordner\u2009– und wer sieht ihn?",
	} {
		text, words, folded, brk, q, from := readQuestion(t, msg)
		if (strings.Contains(msg, "jemand sagen") || strings.Contains(msg, "jemand erklären")) && !strings.HasPrefix(q, "w") {
			t.Errorf("%q: the request for a person was not cut off: %q", msg, q)
		}
		before := slices.Clone(brk)
		qv := partOf(q, from, words, folded, brk)
		if got := text[from : from+len(q)]; got != q {
			t.Fatalf("%q: part %q is not the text at %d (%q)", msg, q, from, got)
		}
		sameReading(t, msg, qv, wordsOf(q))
		if part, i, j, ok := focusPart(qv); ok {
			sameReading(t, msg, qv.span(part, i, j), wordsOf(part))
		}
		for i, j := range clauseSpans(len(qv.ws), qv.breaks()) {
			c := qv.clause(i, j)
			sameReading(t, msg, c, wordsOf(c.text))
		}
		if !slices.Equal(brk, before) {
			t.Errorf("%q: the message's breaks changed: %v, were %v", msg, brk, before)
		}
	}
}

// TestPartOfCuts: a part of the message cut at any of its words, up to
// the question part's end, shares the message's words (partOf, wordsIn)
// that are that part's tokens: after a greeting, without a request for a
// person around the question, before a closing thanks, and after a run of
// thanks.
func TestPartOfCuts(t *testing.T) {
	for _, msg := range []string{
		"Hallo! Wann ist der nächste Parteitag?",
		"kann mir jemand sagen, wann das nächste Treffen ist",
		"Wie teile ich den Bildschirm? Danke!",
		"danke. danke, wann ist die naechste Sitzung",
		"ä ö ü – wann? next!",
	} {
		text, words, folded, brk, q, from := readQuestion(t, msg)
		for _, w := range words {
			if w.start < from || w.start >= from+len(q) {
				continue
			}
			part := text[w.start : from+len(q)]
			sameReading(t, msg, partOf(part, w.start, words, folded, brk), wordsOf(part))
		}
	}
}

// TestLastSentence: the question sentence lastQuestionAgrees searches
// starts at the last sentence break of the question part's words (0: one
// sentence), with the offsets of the part, not of the message.
func TestLastSentence(t *testing.T) {
	for _, c := range []struct {
		msg, want string
	}{
		{"Hallo, ich hab eine Mail bekommen, angeblich von der Cloud. echt oder fake?", "echt oder fake?"},
		{"wie ändere ich mein Passwort?", ""},
		{"Moin! Mein Handy zeigt „Fehler“. Ich hab neu gestartet. was tun?", "was tun?"},
		{"kann mir jemand sagen, wie das geht? und wo?", "und wo?"},
	} {
		_, words, folded, brk, q, from := readQuestion(t, c.msg)
		qv := partOf(q, from, words, folded, brk)
		got := ""
		if at := lastSentence(qv); at > 0 {
			got = q[qv.at(at):]
		}
		if got != c.want {
			t.Errorf("%q: last sentence %q, want %q", c.msg, got, c.want)
		}
	}
}

// TestQwordsSentences checks the sentences of a decided text: they end
// at a sentence's end („.“, „…“, „?“, „!“, „:“, „;“, a line break), not
// at a comma or a spaced dash, and a part shared from a message's reading
// (partOf) has the sentences of the part read on its own.
func TestQwordsSentences(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the sentences' first words
	}{
		{"wie ändere ich mein Passwort", []int{0}},
		{"Hallo, ich hab eine Frage – wie geht das", []int{0}},
		{"Erste Frage. Zweite Frage? Dritter Satz!", []int{0, 2, 4}},
		{"Kurze Frage: wie lade ich hoch; und wie lösche ich", []int{0, 2, 6}},
		{"das Passwort ist weg… keine Ahnung\nHilfe", []int{0, 4, 6}},
		{"Der Drucker ist offline. windows 11", []int{0, 4}},
		// A quote stands between the period and the next word: no
		// sentence's end (chat.BreakBefore passes blanks only).
		{"„Der Drucker ist offline.“ windows 11", []int{0}},
		{"", nil},
	}
	for _, c := range cases {
		var got []int
		for from := range wordsOf(c.msg).sentences() {
			got = append(got, from)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("sentences of %q start at %v, want %v", c.msg, got, c.want)
		}
		text := clean(c.msg)
		words := tokens(text)
		folded, brk := foldWords(words), clauseStarts(text, words)
		for k, w := range words {
			part := text[w.start:]
			var shared, alone [][2]int
			for from, to := range partOf(part, w.start, words, folded, brk).sentences() {
				shared = append(shared, [2]int{from, to})
			}
			for from, to := range wordsOf(part).sentences() {
				alone = append(alone, [2]int{from, to})
			}
			if !slices.Equal(shared, alone) {
				t.Errorf("%q from word %d: sentences %v, want %v", c.msg, k, shared, alone)
			}
		}
	}
}

// TestQwordsEnd checks where a span of a part's words ends in the part's
// text: at the next word's start, shared offsets counted from the part,
// and at the text's end (with what follows the last word) past the last.
func TestQwordsEnd(t *testing.T) {
	text := "Hallo Lotse, wie geht das? danke!!"
	words := tokens(text)
	from := words[2].start // „wie …“
	qv := partOf(text[from:], from, words, foldWords(words), clauseStarts(text, words))
	for _, c := range []struct {
		to   int
		want string // qv.text up to end(to)
	}{
		{1, "wie "},
		{3, "wie geht das? "},
		{4, "wie geht das? danke!!"},
	} {
		if got := qv.text[:qv.end(c.to)]; got != c.want {
			t.Errorf("end(%d): %q, want %q", c.to, got, c.want)
		}
	}
}
