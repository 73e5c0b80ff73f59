package answer

import (
	"iter"

	"github.com/lotse-bot/lotse/commands/chat"
)

// The grammars of the package read a message clause by clause or sentence
// by sentence: a clause's words decide together (a bot's act and the word
// that points at it, a complaint, a sentence that denies). The walks share
// one iterator over the spans of a word slice; the breaks come from
// clauseBreakBefore (clauseStarts), or for sentences from sentenceBreaks.

// clauseSpans yields the clauses of n words as spans [from, to) of their
// indices, in order: a clause ends before each word i (0 < i < n) with
// brk[i] (a clause break before it: clauseStarts), and at n. A brk shorter
// than the words (nil) breaks nowhere past its end. No span is empty; n 0
// yields none.
func clauseSpans(n int, brk []bool) iter.Seq2[int, int] {
	return spansBy(n, func(i int) bool { return i < len(brk) && brk[i] })
}

// spansBy is clauseSpans with the break before word i read by
// breakBefore (called for 0 < i < n only): a sentence's end, or a clause
// break read on the text where no brk is at hand.
func spansBy(n int, breakBefore func(i int) bool) iter.Seq2[int, int] {
	return func(yield func(from, to int) bool) {
		from := 0
		for i := 1; i <= n; i++ {
			if i < n && !breakBefore(i) {
				continue
			}
			if !yield(from, i) {
				return
			}
			from = i
		}
	}
}

// sentenceBreakBefore reports whether a sentence ends before the byte
// offset p of text (sentenceBreaks): the break spansBy reads for a walk
// over sentences.
func sentenceBreakBefore(text string, p int) bool {
	return chat.BreakBefore(text, p, sentenceBreaks)
}
