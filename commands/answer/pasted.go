package answer

import (
	"strings"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides/search"
)

// A member often pastes what a screen shows: „mein Samsung sagt
// „Gerätespeicher fast voll““, „Windows: „Updates werden installiert““,
// „„Der Drucker ist offline“ windows 11“. When the one that speaks is a
// device or another company's product, the pasted message is that
// thing's own: the member's phone, printer or operating system reports
// its own state, in words the guides use for the tools' states
// (Speicher, voll, offline, Update). A choice of those guides is not what
// the member needs; the honest no with the thing's note is (issue 14).
//
// The speaker of direct speech is the subject of the verb of saying
// before it or the label before a colon (Duden, Die Grammatik,
// "Redeeinleitung"; guides/search/quote.go reads the same labels for the
// off-topic signal). A pasted message without its label names its source
// by its own subject („„Der Drucker ist offline““: the printer reports
// on itself).

// pastedThing returns the thing word (search.Result.Things, not the
// first guide's own topic: search.Hit.ThingTopics) that speaks a quote
// of the message or is its subject, or "" — for a message that names
// none of the association's tools (namesToolName: „element sagt „…“ auf
// meinem Handy“, „mein Laptop sagt „Mikrofon blockiert“ in der
// Konferenz“ ask about the tool). The thing speaks when it heads the
// noun phrase that opens the quote's clause before the quote
// (thingPhraseAt: „mein Samsung sagt „…““, „die Fritzbox meldet „…““,
// „Windows: „…““), not when it is a place or an object there („auf dem
// iPhone steht „…““, „ich habe auf dem Handy „…““); it is the quote's
// subject when it heads the noun phrase the quote opens with („„Der
// Drucker ist offline““), unless a person speaks it (personSpeaks:
// „„Mein Handy ist weg“ hab ich dem Support geschrieben“); a computer or phone
// the tools run on (endDevice) speaks for them when its quote names a
// part of it the first guide is about (partAbout: „mein Laptop zeigt
// „Kein Mikrofon gefunden““ and the microphone guide). qv are the words
// of the searched text (their offsets count from the message's start,
// the quotes' from the text's: qwords.at); about is decideSearch's
// firstAbout, bounded by oneAbout.
func pastedThing(res search.Result, qv *qwords, about func(w string) bool) string {
	if len(res.Hits) == 0 || len(res.Things) == 0 || len(qv.ws) == 0 || namesToolName(qv.ws) {
		return ""
	}
	words := qv.words()
	brk := qv.breaks()
	var q [2]int
	own := func(n int) string {
		ti := thingIndex(res, qv, n)
		if ti < 0 || ti < 64 && res.Hits[0].ThingTopics&(1<<ti) != 0 {
			return ""
		}
		if endDevice(words[n]) && partAbout(qv, q, about) {
			return ""
		}
		return res.Things[ti]
	}
	for _, q = range quoteSpans(qv.text) {
		// The spans count from the start of the decided text, the words
		// from the start of the whole message (qwords.at): a question
		// part after a greeting („Hallo zusammen, mein Handy zeigt
		// „…““) starts later than the message.
		q[0], q[1] = q[0]+qv.ws[0].start, q[1]+qv.ws[0].start
		if otherSubjectAfter(res, qv, q[1]) {
			continue
		}
		first, inside := -1, false
		for i, w := range qv.ws {
			if w.start >= q[0] && w.start < q[1] {
				first, inside = i, true
				break
			}
		}
		if !inside {
			continue
		}
		// The quote's own subject.
		if j := thingPhraseAt(qv, first); j < len(qv.ws) && qv.ws[j].start < q[1] {
			if t := own(j); t != "" && (j > first || bareSubject(qv, j, q[1])) && !personSpeaks(qv, q) {
				return t
			}
		}
		// The label before the quote, in its clause: at most
		// maxSpeakerLabel words back to the clause's start (the break
		// before its first word bounds it: „ich komme nicht weiter,
		// Windows sagt „…““), opened by the speaker's noun phrase; a
		// clause break right before the quote's first word is crossed
		// only when it is a colon (labelBreak).
		if first == 0 || brk[first] && !labelBreak(qv, first) {
			continue
		}
		lo := first - 1
		for lo > 0 && first-lo < maxSpeakerLabel && !brk[lo] {
			lo--
		}
		if j := thingPhraseAt(qv, lo); j < first {
			if t := own(j); t != "" {
				return t
			}
		}
	}
	return ""
}

// otherSubjectAfter reports whether a main clause after byte end (after a
// clause break or a coordinating conjunction, coordinators) has a noun
// phrase of its own as its subject that names no thing (thingPhraseAt:
// „…“ und die App lädt keine Fotos mehr hoch“): the member goes on to tell
// a trouble of something else (Duden grammar, Satzreihe), and the quote
// is its setting. A pronoun („…“, was soll ich löschen“) is no such
// subject.
func otherSubjectAfter(res search.Result, qv *qwords, end int) bool {
	words, brk := qv.words(), qv.breaks()
	for i, w := range qv.ws {
		if w.start < end {
			continue
		}
		k := -1
		switch {
		case brk[i]:
			k = i
		case coordinators[words[i]] && i+1 < len(words):
			k = i + 1
		}
		if k < 0 {
			continue
		}
		if j := thingPhraseAt(qv, k); j > k && j < len(words) && thingIndex(res, qv, j) < 0 && !search.IsStop(qv.ws[j].w) {
			return true
		}
	}
	return false
}

// coordinators join two main clauses (Duden grammar, the coordinating
// conjunctions; English "and", "but", "or"), folded.
var coordinators = set("und", "aber", "oder", "sondern", "and", "but", "or")

// personSpeaks reports whether a person is the speaker of the quote q:
// a personal pronoun other than „es“/"it" is the subject of the words
// that follow it in its clause (at most maxSpeakerLabel: „„…“ hab ich
// geschrieben“, „„…“ sagt sie“) — the quote is a person's words, not
// what a thing shows.
func personSpeaks(qv *qwords, q [2]int) bool {
	words, brk := qv.words(), qv.breaks()
	n := 0
	for i, w := range qv.ws {
		if w.start < q[1] {
			continue
		}
		if n > 0 && brk[i] || n == maxSpeakerLabel {
			break
		}
		n++
		if subjectPronouns[words[i]] && words[i] != "es" && words[i] != "it" {
			return true
		}
	}
	return false
}

// partAbout reports whether the quote q names a part of a computer or
// phone (deviceParts) that the first guide is about (about, a search of
// its own: asked only here).
func partAbout(qv *qwords, q [2]int, about func(w string) bool) bool {
	for i, w := range qv.ws {
		if w.start >= q[0] && w.start < q[1] && deviceParts[qv.words()[i]] && about != nil && about(w.w) {
			return true
		}
	}
	return false
}

// oneAbout returns about (firstAbout) bounded to one search per
// message: it searches only when d has not searched for it yet
// (Decision.aboutSearched, set here), and then for one word; any other
// word, or any word after boundThing's search, counts as one the first
// guide is about, so the guide is kept rather than a search made (at most
// two searches per message: TestDecideSearchesAtMostTwice).
func oneAbout(d *Decision, about func(w string) bool) func(w string) bool {
	asked, answer := "", false
	return func(w string) bool {
		switch {
		case asked == w:
			return answer
		case asked != "" || d.aboutSearched:
			return true
		}
		d.aboutSearched = true
		asked, answer = w, about(w)
		return answer
	}
}

// bareSubject reports whether the thing word j, opening a quote that
// ends at byte end without an article, is followed by a verb-like word
// in the quote — the quote is a sentence about it („„Drucker offline““
// is not: a label alone), read as: at least one more word in the quote.
func bareSubject(qv *qwords, j, end int) bool {
	return j+1 < len(qv.ws) && qv.ws[j+1].start < end
}

// labelBreak reports whether the clause break before word i of qv (0 <
// i) is a colon: the label before a colon still speaks („Windows:
// „…““).
func labelBreak(qv *qwords, i int) bool {
	return strings.IndexByte(qv.text[qv.at(i-1):qv.at(i)], ':') >= 0
}

// quoteSpans returns the byte spans of the quoted passages of text:
// German „…“ and »…«, English “…” and "…". A closing mark with no
// opening one before it closes a quote that opened where the text
// begins (the question part may start inside a pasted message whose
// opening mark it cut). At most maxQuotes spans.
func quoteSpans(text string) [][2]int {
	var out [][2]int
	open := -1
	var closer rune
	for i, r := range text {
		if len(out) == maxQuotes {
			break
		}
		if open >= 0 {
			if r == closer || closer == '“' && r == '”' {
				out = append(out, [2]int{open, i})
				open = -1
			}
			continue
		}
		size := utf8.RuneLen(r)
		switch r {
		case '„':
			open, closer = i+size, '“'
		case '»':
			open, closer = i+size, '«'
		case '"':
			open, closer = i+size, '"'
		case '“':
			open, closer = i+size, '”'
			if len(out) == 0 && !hasRune(text[i+size:], '”') {
				// „…“ whose opening mark was cut: the text up to here.
				out = append(out, [2]int{0, i})
				open = -1
			}
		}
	}
	return out
}

const (
	// maxQuotes bounds the quotes pastedThing reads in one message.
	maxQuotes = 8
	// maxSpeakerLabel bounds the words of a quote's label, as
	// guides/search/quote.go's maxLabel: „die App auf dem iPhone:“; a
	// longer clause before a quote is the member's own sentence.
	maxSpeakerLabel = 5
)

func hasRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
