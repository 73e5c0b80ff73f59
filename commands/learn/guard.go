package learn

import (
	"slices"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The guard (issue #18.5): a learned question must not make the search
// worse. The library's evaluation set is every guide's front-matter
// example questions, all questions learned so far and an optional set the
// admin configured (front-matter "aliases" count as example questions
// too: they are typical questions the guide answers); "right" is what answer.Decide gives a member (the
// guide answered or among the choices, or the expected non-guide
// outcome), so the guard measures what members get.

// EvalSet is the library's evaluation set: base's front-matter example
// questions (aliases and fragen/questions) with their guide, the learned questions and
// extra, in a stable order.
func EvalSet(base *guides.Library, learned guides.Learned, extra []search.Question) []search.Question {
	var qs []search.Question
	for _, g := range base.Guides() {
		for _, q := range g.Aliases {
			qs = append(qs, search.Question{Text: q, Expected: g.ID})
		}
		for _, q := range g.Questions {
			qs = append(qs, search.Question{Text: q, Expected: g.ID})
		}
	}
	ids := make([]string, 0, len(learned))
	for id := range learned {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if !base.Has(id) {
			continue
		}
		for _, q := range learned[id] {
			qs = append(qs, search.Question{Text: q, Expected: id})
		}
	}
	return append(qs, extra...)
}

// Outcome is how one evaluation question fares.
type Outcome struct {
	Question search.Question
	// Right: the expected guide answered or offered, or the expected
	// non-guide outcome.
	Right bool
	// Decision is what a member (or, for a team-only guide, a team
	// member) gets.
	Decision answer.Decision
}

// Judge decides every question of qs on lib as answer.Evaluate does, with
// the team's view for questions whose guide only the team sees.
func Judge(lib *guides.Library, qs []search.Question) []Outcome {
	out := make([]Outcome, 0, len(qs))
	for _, q := range qs {
		opts := answer.Options{}
		if g, ok := lib.Get(q.Expected); ok && !guides.VisibleTo(g, false) {
			opts.Team = true
		}
		r := answer.Evaluate(lib, []search.Question{q}, opts).Results[0]
		out = append(out, Outcome{Question: q, Right: r.Helped, Decision: r.Decision})
	}
	return out
}

// Regression is a question that was right before and is wrong after.
type Regression struct {
	Question search.Question
	// Before and After are the decisions.
	Before, After answer.Decision
}

// Check compares the evaluation set qs on before and after and returns the
// questions that turn wrong, in qs order.
func Check(before, after *guides.Library, qs []search.Question) []Regression {
	b, a := Judge(before, qs), Judge(after, qs)
	var out []Regression
	for i := range qs {
		if b[i].Right && !a[i].Right {
			out = append(out, Regression{Question: qs[i], Before: b[i].Decision, After: a[i].Decision})
		}
	}
	return out
}

// Score counts the right outcomes.
func Score(os []Outcome) (right int) {
	for _, o := range os {
		if o.Right {
			right++
		}
	}
	return right
}
