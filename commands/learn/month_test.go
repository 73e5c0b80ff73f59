package learn

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The simulated month (issue #18, target 2): 100 support cases whose
// questions the team teaches to the guide that answered them, in four
// weekly batches, with the guard on; the evaluation figures of issue #14
// (the decision on the library's first messages and on the bench, the raw
// bench ranking; check halves and fresh sets) before and after each week.
// The cases' questions are the guide questions of the TUNE halves (never
// the check or fresh sets, which measure): 50 from the first messages
// (library/) and 50 from the bench (shared/bench/guides). Everything here
// is deterministic (no clock). The guard protects the evaluation set it
// knows; learned questions are a field of their own in the search
// (search.Doc.Learned: findable, but naming no off-topic word). The test
// logs every change and fails when a set loses a message the decision
// helped or gains a confident wrong answer, or loses more than one in the
// raw ranking (top-1, out-of-scope rejected). Changes to the search are
// judged on the tune halves (TestSimulatedMonthTuneSplit), not here.
// Run with -v for the table (docs/performance.md, "Learning from cases").

const setDate = "2026-12-04"

func readSet(tb testing.TB, path string) []search.Question {
	tb.Helper()
	qs, err := search.ReadQuestionsFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// benchGuides finds shared/bench/guides above the package directory ("" if none).
func benchGuides() string {
	dir, err := os.Getwd()
	for err == nil {
		p := filepath.Join(dir, "shared", "bench", "guides")
		if st, e := os.Stat(p); e == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	return ""
}

// corpus is one library with its question sets.
type corpus struct {
	name       string
	base       *guides.Library
	tune       []search.Question
	sets       map[string][]search.Question // "check", "fresh"
	searchEval bool                         // also the raw ranking (bench)
}

// figures of one set at one point.
type figures struct {
	messages, helped, answers, wrong, choices int
	// raw ranking (bench only)
	top1, top3, answerable, oosRejected, oos int
}

func measure(lib *guides.Library, qs []search.Question, searchEval bool) figures {
	r := answer.Evaluate(lib, qs, answer.Options{Cases: true})
	f := figures{messages: r.Total.Messages, helped: r.Total.Helped, answers: r.Total.Outcomes[answer.Answer],
		wrong: r.Total.ConfidentWrong, choices: r.Total.Outcomes[answer.Choose]}
	if searchEval {
		s := lib.Evaluate(qs)
		f.top1, f.top3, f.answerable, f.oosRejected, f.oos = s.Top1, s.Top3, s.Answerable, s.Rejected, s.OutOfScope
	}
	return f
}

func (f figures) String() string {
	s := fmt.Sprintf("helped %d/%d, answer %d (%d wrong), choose %d", f.helped, f.messages, f.answers, f.wrong, f.choices)
	if f.answerable > 0 {
		s += fmt.Sprintf("; top-1 %d/%d, top-3 %d/%d, OOS rejected %d/%d", f.top1, f.answerable, f.top3, f.answerable, f.oosRejected, f.oos)
	}
	return s
}

// worse reports how after is worse than before ("" if in no way).
func worse(before, after figures) string {
	var out []string
	if after.helped < before.helped {
		out = append(out, "helped")
	}
	if after.wrong > before.wrong {
		out = append(out, "confident-wrong")
	}
	if after.top1 < before.top1 || after.top3 < before.top3 {
		out = append(out, "ranking")
	}
	if after.oosRejected < before.oosRejected {
		out = append(out, "out-of-scope rejection")
	}
	return strings.Join(out, ", ")
}

func TestSimulatedMonth(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("the simulated month decides about 50,000 messages; test.sh runs it without -race")
	}
	lib, _, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	answerData := filepath.Join("..", "answer", "testdata")
	corpora := []*corpus{{
		name: "first messages (library/)", base: lib,
		tune: readSet(t, filepath.Join(answerData, "first-messages-tune-"+setDate+".tsv")),
		sets: map[string][]search.Question{
			"check": readSet(t, filepath.Join(answerData, "first-messages-check-"+setDate+".tsv")),
			"fresh": readSet(t, filepath.Join(answerData, "first-messages-fresh-"+setDate+".tsv")),
		},
	}}
	if dir := benchGuides(); dir != "" {
		bench, _, err := guides.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		searchData := filepath.Join("..", "..", "guides", "search", "testdata")
		corpora = append(corpora, &corpus{
			name: "bench (shared/bench/guides)", base: bench, searchEval: true,
			tune: readSet(t, filepath.Join(searchData, "bench-tune-"+setDate+".tsv")),
			sets: map[string][]search.Question{
				"check": readSet(t, filepath.Join(searchData, "bench-check-"+setDate+".tsv")),
				"fresh": readSet(t, filepath.Join(searchData, "bench-fresh-"+setDate+".tsv")),
			},
		})
	} else {
		t.Log("shared/bench/guides not found: the month runs on library/ only")
	}

	const perCorpus, weeks = 50, 4
	total := map[RefusalKind]int{}
	for _, c := range corpora {
		// No leak: a case that is (normalised) a question of a measuring
		// set is left out (the tune half and the fresh set share a few
		// short questions).
		measured := map[string]bool{}
		for _, qs := range c.sets {
			for _, q := range qs {
				measured[guides.NormalizeQuestion(q.Text)] = true
			}
		}
		// The cases: the tune half's guide questions, in file order.
		var cases []search.Question
		left := 0
		for _, q := range c.tune {
			if !strings.HasSuffix(q.Expected, ".md") || !c.base.Has(q.Expected) || len(cases) == perCorpus {
				continue
			}
			if measured[guides.NormalizeQuestion(q.Text)] {
				left++
				continue
			}
			cases = append(cases, q)
		}
		if len(cases) < perCorpus {
			t.Fatalf("%s: only %d guide questions in the tune half", c.name, len(cases))
		}
		t.Logf("%s: %d tune questions left out as they are in a measuring set", c.name, left)

		// The admin's evaluation set (learn_eval_questions): the tune half,
		// with its out-of-scope messages; LOTSE_MONTH_GUARD=files leaves it out.
		adminSet := c.tune
		if os.Getenv("LOTSE_MONTH_GUARD") == "files" {
			adminSet = nil
		}
		start := map[string]figures{}
		for name, qs := range c.sets {
			start[name] = measure(c.base, qs, c.searchEval)
		}
		learned := guides.Learned{}
		kinds := map[RefusalKind]int{}
		answered := 0
		for week := range weeks {
			cur := c.base.WithLearned(learned)
			batch := cases[week*perCorpus/weeks : (week+1)*perCorpus/weeks]
			var before []Outcome
			for _, q := range batch {
				if d := answer.Decide(q.Text, cur, answer.Options{}); d.Outcome == answer.Answer && d.Hits[0].ID == q.Expected {
					answered++ // !lehren would say "nothing to learn"; the month teaches it anyway
				}
				r := Vet(c.base, learned, adminSet, before, q.Expected, q.Text)
				kinds[r.Kind]++
				total[r.Kind]++
				if r.Kind == Accepted {
					learned[q.Expected] = append(learned[q.Expected], q.Text)
					before = nil // the set and its outcomes changed
					cur = c.base.WithLearned(learned)
				} else if r.Kind == RefuseWorse {
					t.Logf("%s week %d: refused %q → %s: %d would turn wrong, e.g. %q (%s → %s %v)", c.name, week+1, q.Text, q.Expected,
						len(r.Regressions), r.Regressions[0].Question.Text, r.Regressions[0].Question.Expected, r.Regressions[0].After.Outcome, r.Regressions[0].After.Guides())
				}
			}
			for _, name := range []string{"check", "fresh"} {
				f := measure(cur, c.sets[name], c.searchEval)
				t.Logf("%s, %s, after week %d: %s", c.name, name, week+1, f)
			}
		}
		n := 0
		for _, l := range learned {
			n += len(l)
		}
		t.Logf("%s: %d cases, %d learned, refused %v; %d were answered with their guide already", c.name, len(cases), n, kinds, answered)
		after := c.base.WithLearned(learned)
		for _, name := range []string{"check", "fresh"} {
			b, a := start[name], measure(after, c.sets[name], c.searchEval)
			t.Logf("%s, %s: before %s", c.name, name, b)
			t.Logf("%s, %s: after  %s", c.name, name, a)
			for _, r := range Check(c.base, after, c.sets[name]) {
				t.Logf("  turned wrong: %q (%s) → %s %v", r.Question.Text, r.Question.Expected, r.After.Outcome, r.After.Guides())
			}
			if c.searchEval {
				for _, q := range c.sets[name] {
					if b, a := firstHit(c.base, q.Text), firstHit(after, q.Text); b != a && (b == q.Expected || a == q.Expected) {
						t.Logf("  first hit: %q (%s): %s → %s", q.Text, q.Expected, b, a)
					}
				}
			}
			r := answer.Evaluate(after, c.sets[name], answer.Options{Cases: true})
			for _, res := range r.Results {
				if res.ConfidentWrong {
					t.Logf("  confident wrong after: %q (%s) → %v", res.Question.Text, res.Question.Expected, res.Decision.Guides())
				}
			}
			if w := worse(b, a); w != "" {
				t.Logf("%s, %s: %s dropped after the month", c.name, name, w)
			}
			// Floors like the other evaluation tests (measured: see
			// docs/performance.md, "Learning from cases"): what members
			// get (helped, confident-wrong) must not drop; the raw
			// ranking may lose one message per set (bench fresh: one
			// top-1, its guide still offered).
			if a.helped < b.helped || a.wrong > b.wrong {
				t.Errorf("%s, %s: the month costs members an answer: before %s, after %s", c.name, name, b, a)
			}
			if a.top1 < b.top1-1 || a.oosRejected < b.oosRejected-1 {
				t.Errorf("%s, %s: the month costs the ranking more than one message: before %s, after %s", c.name, name, b, a)
			}
		}
	}
	t.Logf("all: refused %v", total)
}
