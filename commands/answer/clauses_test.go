package answer

import (
	"slices"
	"testing"
)

// TestClauseSpans: the spans cover the words once, in order, cut before
// every break; a break before the first word, a short or nil brk and no
// words at all are read as the walks read them by hand before.
func TestClauseSpans(t *testing.T) {
	for _, c := range []struct {
		msg  string
		n    int
		brk  []bool
		want [][2]int
	}{
		{"no words", 0, nil, nil},
		{"one clause", 3, []bool{false, false, false}, [][2]int{{0, 3}}},
		{"two clauses", 4, []bool{false, false, true, false}, [][2]int{{0, 2}, {2, 4}}},
		{"a break before every word", 3, []bool{true, true, true}, [][2]int{{0, 1}, {1, 2}, {2, 3}}},
		{"a break before the last word", 3, []bool{false, false, true}, [][2]int{{0, 2}, {2, 3}}},
		{"nil: no break", 3, nil, [][2]int{{0, 3}}},
		{"short brk: no break past it", 4, []bool{false, true}, [][2]int{{0, 1}, {1, 4}}},
	} {
		var got [][2]int
		for from, to := range clauseSpans(c.n, c.brk) {
			got = append(got, [2]int{from, to})
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: spans %v, want %v", c.msg, got, c.want)
		}
	}
	// A walk may stop early.
	var first [][2]int
	for from, to := range clauseSpans(4, []bool{false, true, true, true}) {
		first = append(first, [2]int{from, to})
		if len(first) == 2 {
			break
		}
	}
	if !slices.Equal(first, [][2]int{{0, 1}, {1, 2}}) {
		t.Errorf("stopped after two: %v", first)
	}
}

// TestClauseSpansOfText: the spans of a message read with clauseStarts
// (clauseBreakBefore: commas, the ends of sentences, a spaced dash, not a
// compound's hyphen) and with sentenceBreaks.
func TestClauseSpansOfText(t *testing.T) {
	text := "ich komm nicht weiter - mein Support-Mail geht nicht, was tun? danke"
	ws := tokens(text)
	words := foldWords(ws)
	var clauses, sentences [][]string
	for from, to := range clauseSpans(len(ws), clauseStarts(text, ws)) {
		clauses = append(clauses, words[from:to])
	}
	for from, to := range spansBy(len(ws), func(i int) bool { return sentenceBreakBefore(text, ws[i].start) }) {
		sentences = append(sentences, words[from:to])
	}
	wantClauses := [][]string{{"ich", "komm", "nicht", "weiter"}, {"mein", "support", "mail", "geht", "nicht"},
		{"was", "tun"}, {"danke"}}
	wantSentences := [][]string{{"ich", "komm", "nicht", "weiter", "mein", "support", "mail", "geht", "nicht", "was", "tun"},
		{"danke"}}
	if !slices.EqualFunc(clauses, wantClauses, slices.Equal) {
		t.Errorf("clauses %q, want %q", clauses, wantClauses)
	}
	if !slices.EqualFunc(sentences, wantSentences, slices.Equal) {
		t.Errorf("sentences %q, want %q", sentences, wantSentences)
	}
}
