package search

import "slices"

// How much of a guide's match is the thing a message names (eleventh
// pass). A message about a device's or another product's own trouble
// ("handy akku ist so schnell leer", "outlook stürzt immer ab beim start")
// meets guides about the association's tools in the thing's name alone —
// the guides name the phone, the camera or the mail program as the
// setting of their questions — while the trouble itself is in words the
// guide does not meet. Hit.Thing is the share of a guide's score that
// comes from words naming such a thing; the decision (commands/answer:
// onThingAlone) reads it together with how much of the message the
// guides explain.

// thingWord reports whether the folded query word w names a device or
// another company's product: a word of a device group of the off-topic
// list (the hand-written hardware group and the blind list's device
// categories, their weak and everyday words too; not the office, a
// place), a proper name the blind list keeps as a weak signal because a
// guide names it as the setting of its questions (Outlook, Thunderbird,
// Dropbox …; not the everyday words of other categories, Signal, Sky),
// or a common noun of the blind list's device categories that the list
// leaves out as a signal because the guides use it (otherThingsClassWords:
// Handy, Smartphone, Kamera, Webcam, Kopfhörer, Lautsprecher, Festnetz) —
// it names a device all the same. No word is added to either list.
func thingWord(w string) bool {
	if len(w) > maxQueryWord {
		return false
	}
	if g := offTopicGroupOf(w); g != nil {
		return g.Device && !g.Matter || g.Weak && !g.Bare
	}
	return deviceClassForms[w] != ""
}

// ThingGroup returns the group of the folded query word w for a reply
// that names the kind of thing a message is about: its off-topic group
// (OffTopicGroup), or for a common noun of the blind list's device
// categories that names a thing but is no signal (Handy, Kamera, Webcam:
// otherThingsClassWords) its category's name ("device makers and
// systems", "other devices"); "" for any other word.
func ThingGroup(w string) string {
	if g := OffTopicGroup(w); g != "" {
		return g
	}
	if len(w) > maxQueryWord {
		return ""
	}
	return deviceClassForms[w]
}

// thingConcepts appends to out the indexes of the query concepts that
// name a thing (thingWord), looked up once per query (out: a buffer of
// the caller's, so that a query without things allocates nothing), but
// for the names that read as the common word they also are (plain:
// wordReadings).
func thingConcepts(cs []concept, plain []string, out []int) []int {
	for i := range cs {
		if thingWord(cs[i].word) && !slices.Contains(plain, cs[i].word) {
			out = append(out, i)
		}
	}
	return out
}

// thingFigures returns, in one pass over the thing concepts (things,
// from thingConcepts) and their postings in candidate c:
//
//   - share, the share of c's score that comes from them, each credited
//     as the score credits it: its weight times its best match in the
//     guide;
//   - topics, which of them (bit i for things[i], the first 64) are met
//     firmly (concept.solid) in what the guide says it is about (title,
//     tags, aliases, example questions, summary, taught questions: the
//     concept's strong fields) — the thing is the guide's topic, or the
//     setting its title names. Per thing, so that the decision can tell
//     a thing one guide is about from another thing a second guide names
//     („Webcam geht seit dem Windows-Update nicht mehr“: the camera guide
//     and the sync client's guide for Windows);
//   - strong, the part of c's firm strong-field match (cand.solidStr,
//     Hit.Strong before the denominator) that comes from them, each
//     credited as the search credits it: its weight times the best firm
//     match in one of its strong fields, capped at the concept's idf.
//     Hit.Strong minus it is the evidence that the guide is about
//     something of the message besides the thing.
func (ix *Index) thingFigures(cs []concept, things []int, c cand) (share float64, topics uint64, strong float64) {
	if c.score <= 0 || len(things) == 0 {
		return 0, 0, 0
	}
	var dev float64
	for i, ci := range things {
		k := &cs[ci]
		best, bestFirm := 0.0, 0.0
		for _, a := range k.alts {
			p, ok := ix.postingFor(a.term, c.doc)
			if !ok {
				continue
			}
			best = max(best, a.w*float64(ix.idf[a.term])*p.sat.value())
			if p.mask&k.strong != 0 && k.solid(a) {
				if i < 64 {
					topics |= 1 << i
				}
				bestFirm = max(bestFirm, min(k.idf, a.w*float64(ix.idf[a.term])))
			}
		}
		dev += k.weight * best
		strong += k.weight * bestFirm
	}
	return min(1, dev/c.score), topics, strong
}
