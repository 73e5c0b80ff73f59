package learn

import (
	"maps"
	"slices"
	"sync"
	"weak"

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
		d := answer.Decide(q.Text, lib, opts)
		out = append(out, Outcome{Question: q, Right: answer.Helped(d, q.Expected), Decision: d})
	}
	return out
}

// judgeCurrent is Vet's "before" without a new search index: the
// evaluation set's outcomes on cur, the library in use, when cur has
// exactly the learned questions on base's guides; nil when it does not
// (a reload or a teaching in between), and Vet builds base with learned.
// known are outcomes on cur judged before (by an earlier !lehren's guard,
// [Known]); only the set's other questions are decided — a decision on one
// library depends on nothing but the question, so the result is the same.
func judgeCurrent(cur, base *guides.Library, learned guides.Learned, extra []search.Question, known map[search.Question]Outcome) []Outcome {
	if cur.Len() != base.Len() || !cur.HoldsLearned(learned) {
		return nil
	}
	qs := EvalSet(base, learned, extra)
	out := make([]Outcome, len(qs))
	for i, q := range qs {
		if o, ok := known[q]; ok {
			out[i] = o
			continue
		}
		out[i] = Judge(cur, qs[i:i+1])[0]
	}
	return out
}

// Known keeps the outcomes the guard judged on one library (the one in
// use, or the one an accepted question goes into), so that the next
// !lehren decides only what is new (docs/performance.md: the guard's cost
// grows about with the square of the learned questions). It holds the
// library weakly: a library a reload replaced is not kept alive for it.
// Safe for concurrent use; the zero value is empty.
type Known struct {
	mu  sync.Mutex
	lib weak.Pointer[guides.Library]
	out map[search.Question]Outcome
}

// For returns the outcomes known on lib (nil: none). The map is not
// changed afterwards (Add makes a new one).
func (k *Known) For(lib *guides.Library) map[search.Question]Outcome {
	k.mu.Lock()
	defer k.mu.Unlock()
	if lib == nil || k.lib.Value() != lib {
		return nil
	}
	return k.out
}

// Add records outcomes judged on lib; outcomes of another library are
// dropped (a library is immutable: a reload or a teaching makes a new one).
func (k *Known) Add(lib *guides.Library, outs []Outcome) {
	if lib == nil || len(outs) == 0 {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	next := make(map[search.Question]Outcome, len(outs)+len(k.out))
	if k.lib.Value() == lib {
		maps.Copy(next, k.out)
	}
	for _, o := range outs {
		next[o.Question] = o
	}
	k.lib, k.out = weak.Make(lib), next
}

// Regression is a question that was right before and is wrong after, or
// was answered with its guide before and is not after (worse).
type Regression struct {
	Question search.Question
	// Before and After are the decisions.
	Before, After answer.Decision
}

// Check compares the evaluation set qs on before and after and returns the
// questions that fare worse (turn wrong, or lose their direct answer), in
// qs order.
func Check(before, after *guides.Library, qs []search.Question) []Regression {
	b, a := Judge(before, qs), Judge(after, qs)
	var out []Regression
	for i := range qs {
		if fareWorse(b[i], a[i]) {
			out = append(out, Regression{Question: qs[i], Before: b[i].Decision, After: a[i].Decision})
		}
	}
	return out
}

// fareWorse reports whether a question of the evaluation set fares worse
// after than before: it was right and turns wrong, or it was answered with
// its guide and is not any more (a choice the member must tap, or a wrong
// guide). A choice that still holds the guide counts as right for the
// figures (answer.Helped), but a question the library answered at once
// must not become a choice because one team member taught other words:
// learning „I forgot my password“ for an unrelated guide turned the
// password guides' own questions from answers into choices (learn34).
func fareWorse(before, after Outcome) bool {
	if !before.Right {
		return false
	}
	if !after.Right {
		return true
	}
	return before.Decision.Outcome == answer.Answer && after.Decision.Outcome != answer.Answer
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

// RefusalKind says why a question is not learned.
type RefusalKind string

// The reasons to refuse a question ("": learn it).
const (
	Accepted     RefusalKind = ""
	RefuseShort  RefusalKind = "too-short"
	RefuseLong   RefusalKind = "too-long"
	RefuseScope  RefusalKind = "out-of-scope"
	RefuseDup    RefusalKind = "duplicate"
	RefuseInFile RefusalKind = "in-guide"
	RefuseWorse  RefusalKind = "regression"
)

// Refusal is the guard's verdict on one question.
type Refusal struct {
	Kind RefusalKind
	// Scope is the decision's outcome for RefuseScope.
	Scope answer.Outcome
	// Guide is the guide that has the question already (RefuseDup,
	// RefuseInFile).
	Guide string
	// Regressions are the questions that would fare worse (RefuseWorse).
	Regressions []Regression
	// After is the library the evaluation set was judged on: base with
	// the learned questions and q (set when the set was judged: accepted
	// or RefuseWorse). Teaching hands it to the store
	// ([guides.Store.SetLearnedBuilt]) instead of building it again.
	After *guides.Library
	// Before and Judged are the evaluation set's outcomes on base with the
	// learned questions and on After (set with After), for [Known].
	Before, Judged []Outcome
}

// Vet is the guard for learning q as an example question of guideID on
// the files' library base with the questions learned so far: q must be a
// question to a guide (not what answer.Decide takes for small talk, a
// request for a person or a command), of a sensible length, new (neither
// learned nor an example question of a guide), and no question of the
// evaluation set (EvalSet with extra) that is right now may fare worse:
// turn wrong, or lose its direct answer (fareWorse).
// before, if not nil, are the set's outcomes on base with learned (from an
// earlier Judge), to save deciding them again.
func Vet(base *guides.Library, learned guides.Learned, extra []search.Question, before []Outcome, guideID, q string) Refusal {
	switch {
	case tooShort(q):
		return Refusal{Kind: RefuseShort}
	case tooLong(q):
		return Refusal{Kind: RefuseLong}
	}
	switch o := answer.Decide(q, base, answer.Options{}).Outcome; o {
	case answer.SmallTalk, answer.Human, answer.Command:
		return Refusal{Kind: RefuseScope, Scope: o}
	}
	norm := guides.NormalizeQuestion(q)
	for id, qs := range learned {
		if slices.ContainsFunc(qs, func(s string) bool { return guides.NormalizeQuestion(s) == norm }) {
			return Refusal{Kind: RefuseDup, Guide: id}
		}
	}
	for _, g := range base.Guides() {
		if slices.ContainsFunc(g.Questions, func(s string) bool { return guides.NormalizeQuestion(s) == norm }) ||
			slices.ContainsFunc(g.Aliases, func(s string) bool { return guides.NormalizeQuestion(s) == norm }) {
			return Refusal{Kind: RefuseInFile, Guide: g.ID}
		}
	}
	qs := EvalSet(base, learned, extra)
	if before == nil || len(before) != len(qs) {
		before = Judge(base.WithLearned(learned), qs)
	}
	with := make(guides.Learned, len(learned)+1)
	for id, l := range learned {
		with[id] = slices.Clone(l)
	}
	with[guideID] = append(with[guideID], q)
	lib := base.WithLearned(with)
	after := Judge(lib, qs)
	var regs []Regression
	for i := range qs {
		if fareWorse(before[i], after[i]) {
			regs = append(regs, Regression{Question: qs[i], Before: before[i].Decision, After: after[i].Decision})
		}
	}
	if len(regs) > 0 {
		return Refusal{Kind: RefuseWorse, Regressions: regs, After: lib, Before: before, Judged: after}
	}
	return Refusal{After: lib, Before: before, Judged: after}
}
