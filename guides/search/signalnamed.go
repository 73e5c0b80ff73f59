package search

import (
	"math"
	"math/bits"
	"slices"
)

// Where the guides of a result name the query's off-topic signals
// (Result.OffTopic). A signal is read against the first guide's strong
// fields only (offTopic), but a library may use the same word in a
// runner-up's text as the setting of that guide's task: the conference
// guide's section on browsers says that the built-in browser of „Apps wie
// Facebook oder WhatsApp“ is unsuitable and that the invitation link
// should be opened in a real browser. Hit.NamesSignal reports, per hit
// and signal, whether a passage of the guide names the signal together
// with at least minPassageWords other content words of the query
// (passageWords); the decision reads it by word (Result.NamesSignal,
// commands/answer: namedSignals).

// minPassageWords is how many other query words a section must match
// beside the signal. One is no evidence: a guide's section that names
// the product and one general word („Schließe Zoom, Teams, Skype …“ and
// „Kamera“) is met as well by the product's own trouble („zoom stürzt ab
// wenn ich die kamera anmache“); invented probes, fifteenth pass.
const minPassageWords = 2

// markNamedSignals sets Hit.NamesSignal on every hit of res (cands in the
// order of the hits; at most the search's limit), so that a reader of any
// of them — a choice of however many guides — finds its bits set. It does
// nothing for a query without a signal, so most queries pay nothing, and
// scores a guide's sections only when the guide names a signal.
func (ix *Index) markNamedSignals(res *Result, cs []concept, cands []cand, kr *keyer) {
	if len(res.OffTopic) == 0 {
		return
	}
	// What depends on the signal alone is worked out once, not per hit:
	// the index keys it is looked up by, and the query words a passage
	// must name beside it.
	signals := res.OffTopic[:min(len(res.OffTopic), 64)]
	keys := make([][]string, len(signals))
	others := make([]uint64, len(signals))
	for j, w := range signals {
		keys[j] = signalKeys(w, kr)
		others[j] = otherWords(cs, w)
	}
	var secs sectionScores
	for i := range min(len(res.Hits), len(cands)) {
		doc := cands[i].doc
		scored := false
		for j, w := range signals {
			if !ix.namesInText(doc, keys[j]) {
				continue
			}
			if !scored { // the sections only for a guide that names a signal
				ix.scoreSections(cs, doc, &secs)
				scored = true
			}
			if passageWords(cs, &secs, w, others[j]) >= minPassageWords {
				res.Hits[i].NamesSignal |= 1 << j
			}
		}
	}
}

// signalKeys returns the index keys of the off-topic word w (folded):
// its own, and that of the signal it stands for when that is another word.
func signalKeys(w string, kr *keyer) []string {
	var keys []string
	if k := kr.key(w); k != "" {
		keys = append(keys, k)
	}
	if s := offTopicWord(w); s != "" && s != w {
		if k := kr.key(s); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// namesInText reports whether guide doc has one of keys (signalKeys) in a
// section heading or its body.
func (ix *Index) namesInText(doc int32, keys []string) bool {
	const text = 1<<fHeadings | 1<<fBody
	return slices.ContainsFunc(keys, func(k string) bool { return ix.namesIn(doc, k, text) })
}

// passageWords returns the largest number of other query concepts that a
// section scored in secs matches together with the concept of the signal
// word w (0 when no section matches it). A concept naming a device
// (thingWord: „Kamera“, „Webcam“, „Mikrofon“) does not count: a guide
// names another program beside a device when that program holds it
// („Eine andere Anwendung (Zoom, Teams) nutzt die Kamera“), and a message
// naming the program with the device tells the program's own trouble with
// it as often („in Zoom kann ich die Kamera nicht nutzen“; review rv15c,
// finding 2). The device is evidence of the guide's topic, not of the
// program as the setting of its task. Nor does a word in half the guides
// or more (its Robertson–Sparck Jones weight log((N-df+0.5)/(df+0.5)) is
// zero or less; concept.idf, log(1 + that ratio), is then at most ln 2):
// „neu“ of „Seite neu laden“ met the camera section by chance („in Zoom
// lädt die Seite neu und die Webcam ist weg“). counted are those
// concepts, as otherWords gives them.
func passageWords(cs []concept, secs *sectionScores, w string, counted uint64) int {
	best := 0
	for ci := range cs[:min(len(cs), 64)] {
		if cs[ci].word != w {
			continue
		}
		for s := 0; s < secs.n; s++ {
			if h := secs.hit[s]; h&(1<<ci) != 0 {
				best = max(best, bits.OnesCount64(h&counted))
			}
		}
	}
	return best
}

// otherWords returns the concepts of cs (as bits, the first 64) that
// passageWords counts beside the signal word w: not w, not a device, not
// a word in half the guides or more.
func otherWords(cs []concept, w string) uint64 {
	var counted uint64
	for ci := range cs[:min(len(cs), 64)] {
		if cs[ci].word != w && !thingWord(cs[ci].word) && cs[ci].idf > math.Ln2 {
			counted |= 1 << ci
		}
	}
	return counted
}

// NamesSignal reports whether the guide of hit h names the off-topic word
// w (folded, as in OffTopic) in a passage with other words of the query
// (Hit.NamesSignal). It looks w up by word in OffTopic as the search
// returned it: bit j of a filtered list's j-th word would be another
// word's (review rv15c, finding 1), so a caller filters a list of its own
// and asks the Result it was given.
func (r Result) NamesSignal(h Hit, w string) bool {
	j := slices.Index(r.OffTopic, w)
	return j >= 0 && j < 64 && h.NamesSignal&(1<<j) != 0
}
