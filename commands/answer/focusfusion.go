package answer

import (
	"slices"

	"github.com/lotse-bot/lotse/guides/search"
)

// fusionK is the constant of reciprocal rank fusion (Cormack, Clarke and
// Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
// Rank Learning Methods", SIGIR 2009): a guide's fused figure is the sum
// of 1/(fusionK+rank) over the rankings that hold it. 60 is the paper's
// value, taken as it is, not fitted here: with it a guide both rankings
// hold goes before any guide only one of them holds, and the others
// alternate by rank.
const fusionK = 60.0

// fuseWhole makes the choice f that focusQuestion found for the question
// clause of a message keep the evidence of the whole message, whose own
// search (whole, a "no guide" with its hits in whole.Nearest) found no
// guide clear enough. A question clause asked last often refers back to
// the setting the message told first — „ich glaub mein ex kennt mein cloud
// passwort, wie setz ich ein anderes“, „die anderen sollen meine folien
// sehen, wie mach ich das in der online sitzung“, „… 4er-Gruppen …, geht
// das in BBB?“: the clause alone names the task's verb or the tool, the
// subject is in the words before it, and the clause's guides alone may all
// miss it. The choice is the two choices fused — the whole message's
// first maxChoices guides (in the decision's order, as its "no guide"
// kept them; the shown order gave the same figures on the tune pool) and
// the clause's — by reciprocal rank fusion (fusionK): guides both found first,
// then the whole message's and the clause's best alternately, the whole
// message's first, as it was the member's whole question. (All five of
// the whole message's hits, not its first three, let guides the two share
// low in both fill the choice: tune pool part A +5 instead of +6.) The
// outcome stays the clause's choice: this only changes which guides it
// offers, never whether one is offered, so no answer and no "no guide"
// changes.
func fuseWhole(whole, f Decision, tx *Texts) Decision {
	if f.Outcome != Choose || len(whole.Nearest) == 0 {
		return f
	}
	own := whole.Nearest[:min(maxChoices, len(whole.Nearest))]
	f.Hits = fuseRanks(maxChoices, own, f.Hits)
	f.Also = nil
	f.Reply = choiceMarkdown(hitTitles(f.Hits), tx, "")
	return f
}

// fuseRanks returns the first n hits of the rankings fused by reciprocal
// rank (fusionK); a tie keeps the order the hits were first met in,
// rankings in the order given.
func fuseRanks(n int, rankings ...[]search.Hit) []search.Hit {
	type fused struct {
		hit search.Hit
		sum float64
	}
	var all []fused
	at := map[string]int{}
	for _, r := range rankings {
		for i, h := range r {
			j, ok := at[h.ID]
			if !ok {
				j = len(all)
				at[h.ID] = j
				all = append(all, fused{hit: h})
			}
			all[j].sum += 1 / (fusionK + float64(i+1))
		}
	}
	slices.SortStableFunc(all, func(a, b fused) int {
		switch {
		case a.sum > b.sum:
			return -1
		case a.sum < b.sum:
			return 1
		}
		return 0
	})
	out := make([]search.Hit, 0, min(n, len(all)))
	for _, f := range all[:min(n, len(all))] {
		out = append(out, f.hit)
	}
	return out
}
