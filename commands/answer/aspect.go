package answer

import (
	"github.com/lotse-bot/lotse/guides/search"
)

// A missed aspect (eleventh pass, branch aspect11): an answer whose first
// guide owes at least aspectOneWord of its score to one word
// (search.Hit.OneWord) becomes a choice when the second or third guide
// names in what it says it is about (title, tags, aliases, summary,
// example or taught questions) a query word carrying at least
// aspectShare of the message that the first guide meets only in its body
// (search.Hit.Aspect). Buckley & Harman (RIA workshop, 2004) found the
// commonest failure of a ranking to be one aspect of a query emphasised
// and another missed; the first guide then rests on the emphasised word
// alone. "wie kann ich mein kennwort wechseln" met the two-factor guide
// ("… gewechselt") in "wechseln", and "Kennwort" only in its body, while
// "Passwort ändern" is about the password: a choice with both instead of
// a confident wrong answer. It is a rule of the decision, not of the
// search: the search's figures (ranking, Confident, Close) stay as they
// are (guide11 tried it in the search, where it broke the confidence
// floors). Fitted on part A of the tune pool (aspect11 in
// docs/performance.md).
var (
	aspectOneWord = 0.3
	aspectShare   = 0.15
)

// missedAspect returns the index of the hit (1 or 2) that names firmly a
// query word the first hit meets only in its body, when the first hit
// leans on one word (see aspectOneWord); ok is false otherwise.
func missedAspect(hs []search.Hit) (i int, ok bool) {
	if len(hs) < 2 || hs[0].OneWord < aspectOneWord {
		return 0, false
	}
	best := 0.0
	for k := 1; k < min(maxChoices, len(hs)); k++ {
		if hs[k].Aspect >= aspectShare && hs[k].Aspect > best {
			i, best = k, hs[k].Aspect
		}
	}
	return i, i > 0
}

// aspectChoice makes d the choice for an answer that missed an aspect:
// the choice as usual (the answered guide first), with hits[i], the guide
// about the missed aspect, always in it — in place of the last guide when
// the choice is full.
func aspectChoice(d Decision, hits []search.Hit, i int, tx *Texts) Decision {
	d = choice(d, hits, tx)
	if hasGuide(d.Hits, hits[i].ID) {
		return d
	}
	if len(d.Hits) >= maxChoices {
		d.Hits = d.Hits[:maxChoices-1]
	}
	d.Hits = append(d.Hits, hits[i])
	d.Reply = choiceMarkdown(hitTitles(d.Hits), tx, "")
	return d
}
