package search

// The order shown: a guide that names the member's words together in one
// line of its body (thirtieth pass, branch eng30b).
//
// A member who describes the situation instead of naming the feature
// („ich möchte in der sitzung ein youtube video mit ton abspielen, was
// muss ich beim freigeben auswählen“) shares a few everyday words with
// many guides; the whole-guide score spreads them over every field and
// every section, so the guide whose troubleshooting line says them
// together („Ton beim Freigeben eines Videos …“) may stand fourth or
// lower, behind guides that share one title word. Passage evidence —
// scoring the units of a guide's text instead of the whole guide
// (Callan 1994, „Passage-level evidence in document retrieval“; Kaszkiel
// & Zobel 1997) — tells them apart: Hit.Line, the most distinct query
// words one line, list item or sentence names (scoreSections).
//
// lineMove reads it over the first lineK candidates of the ranking: a
// candidate beyond the first three whose Line is larger than each of the
// first three's, whose best section also scores above the third's and
// which explains at least as much of the message as the third (cand.score,
// the whole-guide score without TopicRank: it stands lower only by the
// ranking's weighting of topics) comes third in the order shown
// (Result.Shown). Only what is shown
// moves: the hits, their figures, the first two places, Confident,
// Close and everything the decision reads stay the ranking's, so a
// member can get a better third choice, never another answer.

// lineK is the number of first candidates lineMove reads.
const lineK = 10

// lineMoveOff switches the move off (tests and tuning aids).
var lineMoveOff bool

// lineMove returns the index in cands of the candidate the order shown
// puts third, or −1. It may reorder cands beyond the first
// max(limit, rerankK), which the ranking left unsorted; the first ones
// keep their order. limit is the caller's: with room for fewer than
// three hits nothing is shown third.
func (ix *Index) lineMove(cs []concept, cands []cand, limit int) int {
	if lineMoveOff || limit < 3 || len(cands) < 4 {
		return -1
	}
	k := max(limit, rerankK)
	n := min(lineK, len(cands))
	if n > k {
		topK(cands[k:], n-k)
	}
	var secs sectionScores
	topLine, third := 0, 0.0
	for i := range 3 {
		det := ix.passageScores(cs, cands[i].doc, &secs)
		topLine = max(topLine, secs.line)
		if i == 2 {
			third = det.secScore
		}
	}
	best, bestLine, bestSec := -1, 0, 0.0
	for i := 3; i < n; i++ {
		if cands[i].score < cands[2].score {
			// It explains less of the message than the third: a
			// choice would not show it (and would lose the third).
			continue
		}
		det := ix.passageScores(cs, cands[i].doc, &secs)
		if secs.line <= topLine || det.secScore <= third {
			continue
		}
		if secs.line > bestLine || secs.line == bestLine && det.secScore > bestSec {
			best, bestLine, bestSec = i, secs.line, det.secScore
		}
	}
	return best
}

// withThird returns hits with h third: moved there when it is among them
// (after the first three), else inserted there, so that the order shown
// then holds one hit more than the caller's limit — none is cut off: a
// choice takes the first hits that score enough (commands/answer), and
// may need the last. hits is not changed. With fewer than three hits, or
// h among the first three, it returns hits.
func withThird(hits []Hit, h Hit) []Hit {
	if len(hits) < 3 {
		return hits
	}
	for _, x := range hits[:3] {
		if x.ID == h.ID {
			return hits
		}
	}
	out := make([]Hit, 0, len(hits)+1)
	out = append(out, hits[:2]...)
	out = append(out, h)
	for _, x := range hits[2:] {
		if x.ID != h.ID {
			out = append(out, x)
		}
	}
	return out
}

// hitOf is the hit of candidate c: det and secs are its passage figures
// (passageScores), things the query's thing concepts.
func (ix *Index) hitOf(cs []concept, c cand, det detail, secs *sectionScores, st **stemmer, things []int, denom float64) Hit {
	d := ix.docs[c.doc]
	h := Hit{
		ID:      d.id,
		Title:   d.title,
		Score:   min(1, c.score/denom),
		Section: ix.shownSection(cs, c.doc, det, secs, st),
		Strong:  min(1, c.solidStr/denom),
	}
	h.OneWord, h.OneWordDF = ix.oneWord(c)
	h.Line = secs.line
	share, topics, strong := ix.thingFigures(cs, things, c)
	h.Thing, h.ThingTopics = share, topics
	h.StrongThing = min(h.Strong, strong/denom)
	return h
}
