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
// miss it. The choice is the two choices fused by reciprocal rank fusion
// (fusionK) — the whole message's would-be choice (wholeChoice) and the
// clause's: guides both found first, then the whole message's and the
// clause's best alternately, the whole message's first, as it was the
// member's whole question. answered says the clause alone gave an answer
// (which focusQuestion offers as a choice): its guide stays first and only
// the places after it are fused, since a guide the whole message's search
// judged too weak must not push a confident answer down (review, finding
// 1). The fused choice holds no more guides than the two choices hold
// between them, never filled up to maxChoices with guides below the bar
// (finding 2). Only a whole message that failed for weak evidence (the
// weak gate, exitWeak) is fused: a "no guide" for a date question or a
// guide leaning on one common word rejected that guide for a reason the
// clause does not change (finding 3). The weak gate's own exit is not
// enough: decideSearch's weak branch sets exitWeak also when weakGate
// turned the evidence down for those reasons, so the whole message must
// also have kept its weak evidence (whole.weak; whole-change review,
// finding F2: „nächste woche ist die versammlung online, wann muss ich
// mich da einloggen“ gained a guide for joining a team). The outcome stays the clause's
// choice: this only changes which guides it offers, never whether one is
// offered, so no answer and no "no guide" changes. A choice f without
// its reply yet (the clause's answer made a choice: focusQuestion,
// chosen) gets it here, built once for the guides it finally offers
// (whole-change review, finding F9).
func fuseWhole(whole, f Decision, answered bool, tx *Texts) Decision {
	if f.Outcome != Choose {
		return f
	}
	if hits := fusedHits(whole, f.Hits, answered); hits != nil {
		f.Hits, f.Also, f.Reply = hits, nil, ""
	}
	if f.Reply == "" {
		f.Reply = choiceMarkdown(hitTitles(f.Hits), tx, "")
	}
	return f
}

// fusedHits returns the clause's choice hits fused with the whole
// message's would-be choice (see fuseWhole), nil when the whole message
// gives none to fuse.
func fusedHits(whole Decision, hits []search.Hit, answered bool) []search.Hit {
	if whole.exit != exitWeak || whole.weak == nil || len(hits) == 0 {
		return nil
	}
	own := wholeChoice(whole.Nearest, hits)
	if len(own) == 0 {
		return nil
	}
	if answered {
		first := hits[0]
		rest := fuseRanks(maxChoices-1, without(own, first.ID), hits[1:])
		return append([]search.Hit{first}, rest...)
	}
	return fuseRanks(maxChoices, own, hits)
}

// wholeChoice returns the guides of the whole message's ranking hits (its
// first maxChoices) that a choice of its own would have offered: those
// within chooseShare of its first guide's score, the bar choiceWithin
// sets, and those the clause's choice holds too (their evidence is
// shared). Its first guide always passes its own bar.
func wholeChoice(hits, clause []search.Hit) []search.Hit {
	if len(hits) == 0 {
		return nil
	}
	floor := calib.chooseShare * hits[0].Score
	var out []search.Hit
	for _, h := range hits[:min(maxChoices, len(hits))] {
		if h.Score >= floor || hasGuide(clause, h.ID) {
			out = append(out, h)
		}
	}
	return out
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
