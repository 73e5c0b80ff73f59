package answer

import (
	"iter"
	"slices"
	"sort"
)

// One reading of the question part. decideSearch searches a decided text
// (the question part q of a message, or its question clause) and then
// several grammars read that text's words: which signals it sets aside
// (asideSignals, namedSignals), whether its device is the subject of the
// trouble (thingSubject), whether it asks about the bot (botQuestionBy,
// twice in botAnswer and once more in secondSearch), which clause it asks
// (focusPart). Each folded and split the words again; qwords holds them,
// folded and with their clause breaks, read once per message by decide
// and shared by every decided text (sharing, partOf, span, clause).

// qwords are the words of a decided text.
type qwords struct {
	text string // the decided text (q): it starts with its first word
	// ws are text's tokens (tokens(text)); their offsets may count from
	// the start of the whole message: ws[i].start - ws[0].start is the
	// offset in text (at).
	ws     []word
	folded []string // foldWords(ws), shared with the message's reading (read-only)
	brk    []bool   // clause breaks before each word (clauseStarts), shared likewise (read-only)
}

// partOf returns the words of q, the part of a message that starts at
// byte from of it and is cut at words; ws, folded and brk are the
// message's words, folded words and clause breaks (clauseStarts). The
// part shares them: nothing is folded or split again.
func partOf(q string, from int, ws []word, folded []string, brk []bool) *qwords {
	i, j := wordsIn(ws, from, from+len(q))
	return sharing(q, ws[i:j], folded[i:j], brk[i:j])
}

// wordsIn returns the span [i, j) of the words of ws (in text order) that
// start in text[from:to]: the tokens of that part of the text without
// tokenising it again.
func wordsIn(ws []word, from, to int) (i, j int) {
	i = sort.Search(len(ws), func(k int) bool { return ws[k].start >= from })
	j = sort.Search(len(ws), func(k int) bool { return ws[k].start >= to })
	return i, j
}

// span returns the words v.ws[from:to] of p, a part of v's text cut at
// those words (a question clause), sharing v's folded words and breaks.
func (v *qwords) span(p string, from, to int) *qwords {
	return sharing(p, v.ws[from:to], v.words()[from:to], v.breaks()[from:to])
}

// clause returns the words v.ws[from:to] as a text of their own (a clause
// or a run of clauses of v, from word from up to word to or v's end),
// sharing v's folded words and breaks (span).
func (v *qwords) clause(from, to int) *qwords {
	return v.span(v.text[v.at(from):v.end(to)], from, to)
}

// sharing returns the words ws of text with their folded words and
// breaks given, read from a longer text: a break before the first word
// there is none here (copied, so the longer text keeps its own).
func sharing(text string, ws []word, folded []string, brk []bool) *qwords {
	if len(brk) > 0 && brk[0] {
		brk = slices.Clone(brk)
		brk[0] = false
	}
	return &qwords{text: text, ws: ws, folded: folded, brk: brk}
}

// at returns the offset in text of word i.
func (v *qwords) at(i int) int {
	return v.ws[i].start - v.ws[0].start
}

// end returns the offset in text where a span of words [from, to) ends:
// at word to, or at text's end when to is past the last word.
func (v *qwords) end(to int) int {
	if to < len(v.ws) {
		return v.at(to)
	}
	return len(v.text)
}

// words returns the folded words (foldWords). The slice is read-only:
// a part (partOf) and its clauses (span, clause) share it with the whole
// message's reading, so a write would change every reader's words.
func (v *qwords) words() []string {
	return v.folded
}

// breaks returns for each word whether a clause break (clauseBreakBefore)
// stands before it in text (never before the first). Read-only, like
// words: it is shared too (sharing copies it only to clear the first
// break).
func (v *qwords) breaks() []bool {
	return v.brk
}

// sentences yields the sentences of text as spans [from, to) of its
// words (spansBy): a sentence ends before a word with a sentence's end
// before it (sentenceBreakBefore). A sentence's end is a clause break
// too (sentenceBreaks are commaBreaks but the comma), so the breaks spare
// most words the look at the text.
func (v *qwords) sentences() iter.Seq2[int, int] {
	return spansBy(len(v.ws), v.sentenceEnd)
}

// sentenceEnd reports whether a sentence ends before word i (0 < i <
// len(v.ws)): sentences' break. Small enough that sentences is inlined,
// so a walk's closures stay on the stack, as spansBy's do.
func (v *qwords) sentenceEnd(i int) bool {
	return v.breaks()[i] && sentenceBreakBefore(v.text, v.at(i))
}
