//go:build tune

package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestGuideMissClasses prints, for part A of the TUNING pool
// (gate13PoolNames; never a held-out set), each guide question that ends
// without its guide, with the first search's own decision (exit, outcome,
// guides), whether the second search (focusQuestion) or the rescue made
// the final outcome, and the expected guide's rank in the first search's
// shown order (development aid; LOTSE_TUNE=1). Part B is never printed.
func TestGuideMissClasses(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, name := range gate13PoolNames() {
		s := scopeSet(t, name)
		rep := Evaluate(s.lib, partQs(s.qs, false), Options{Cases: true})
		for _, res := range rep.Results {
			d := res.Decision
			if res.Helped || !strings.HasSuffix(res.Question.Expected, ".md") {
				continue
			}
			line := fmt.Sprintf("%s\t%s\t%s\t%v", name, res.Question.Expected, d.Outcome, d.Guides())
			if d.Query != "" {
				words := tokens(res.Question.Text)
				q, from, _ := questionPart(res.Question.Text, words)
				qv := partOf(q, from, words, foldWords(words), clauseStarts(res.Question.Text, words))
				if q != d.Query {
					line += fmt.Sprintf("\tsearched=%q", d.Query)
				}
				first := decideSearch(qv, s.lib, Options{Cases: true}, &German)
				r := s.lib.SearchFor(q, 5, false)
				shown, _ := r.Shown()
				rank := -1
				for i, h := range shown {
					if h.ID == res.Question.Expected {
						rank = i + 1
					}
				}
				fp, _, _, _ := focusPart(qv)
				line += fmt.Sprintf("\tfirst=%s exit=%s %v weak=%v rescued=%v rank=%d off=%v focus=%q", first.Outcome, exitNames[first.exit],
					first.Guides(), first.weak != nil, d.Rescued, rank, r.OffTopic, fp)
			}
			fmt.Printf("%s\t%q\n", line, res.Question.Text)
		}
	}
}
