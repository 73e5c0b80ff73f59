//go:build tune

package answer

import (
	"fmt"
	"os"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// eng27cPoolNames are every set of the TUNING pool (never a held-out set).
var eng27cPoolNames = []string{"bench tune", "bench tune2", "bench tune3", "bench tune4", "bench tune5", "bench tune6",
	"bench tune7", "bench tune8", "bench tune9", "fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5", "fm tune6",
	"fm tune7", "fm tune8", "fm tune9", "fm tune10"}

// TestNoneOrHumanRows prints part A's guide questions of the TUNING pool that
// end as none or human: the exit, the expected guide's rank in the
// search of the decided query, the first hits' figures (development aid;
// LOTSE_TUNE=1; part B's rows are never printed). LOTSE_EXPECT_NONE=1
// prints the messages that expect none (or "-") instead, with the same
// figures, whatever their outcome.
func TestNoneOrHumanRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	noneRows := os.Getenv("LOTSE_EXPECT_NONE") != ""
	for _, name := range eng27cPoolNames {
		s := scopeSet(t, name)
		qs := partQs(s.qs, false)
		rep := Evaluate(s.lib, qs, Options{})
		for _, res := range rep.Results {
			exp := res.Question.Expected
			d := res.Decision
			isGuide := exp != "none" && exp != "-" && exp != "human" && exp != "smalltalk" && exp != "command"
			if noneRows {
				if isGuide {
					continue
				}
			} else if !isGuide || res.Helped || (d.Outcome != None && d.Outcome != Human) {
				continue
			}
			q := d.Query
			if q == "" {
				q = res.Question.Text
			}
			sr := s.lib.SearchFor(q, 5, false)
			rank := -1
			for i, h := range sr.Hits {
				if h.ID == exp {
					rank = i + 1
					break
				}
			}
			l := fmt.Sprintf("ROW %-11s %-6s exit %-18s rank %2d conf %-5v close %-5v off %v unc %.2f", name, d.Outcome, exitNames[d.exit], rank, sr.Confident, sr.Close, sr.OffTopic, sr.Uncovered)
			if d.weak != nil {
				l += fmt.Sprintf(" weak p %.2f line %d", rescue.p(weakFeaturesOf(d.weak)), d.weak.line)
			}
			for i, h := range sr.Hits {
				if i == 3 {
					break
				}
				l += fmt.Sprintf(" | %s s %.2f st %.2f ow %.2f df %.2f ln %d", h.ID, h.Score, h.Strong, h.OneWord, h.OneWordDF, h.Line)
			}
			fmt.Printf("%s\n    %q (q %q) want %s got %v helped %v\n", l, res.Question.Text, q, exp, d.Guides(), res.Helped)
		}
	}
}

// TestRescueDeclinedRows prints part A's messages of the TUNING pool whose
// weak evidence the rescue declined (a weak-gate none with d.weak kept):
// expected, whether a choice of the weak hits would help, the first
// guide's score and lead in the rescue's order (development aid;
// LOTSE_TUNE=1; part B's rows are never printed).
func TestRescueDeclinedRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, name := range eng27cPoolNames {
		s := scopeSet(t, name)
		rep := Evaluate(s.lib, partQs(s.qs, false), Options{})
		for _, res := range rep.Results {
			d := res.Decision
			if d.Outcome != None || d.weak == nil {
				continue
			}
			c := choice(d, d.weak.hits, &German)
			x := d.weak.x
			fmt.Printf("DECL %-11s y %-5v none %-5v p %.2f s %.2f lead %.2f st %.2f stlead %.2f ow %.2f df %.2f unc %.2f line %d words %.0f %q want %s hits %v\n",
				name, Helped(c, res.Question.Expected), res.Helped, rescue.p(weakFeaturesOf(d.weak)), x[0], x[1], x[2], x[3], x[4], x[5], d.weak.uncovered, d.weak.line,
				x[wordsFeature], res.Question.Text, res.Question.Expected, c.Guides())
		}
	}
}

// TestOffTopicNoneRows prints part A's messages of the TUNING pool that end
// as none because of an off-topic signal (the off-topic gate, or the weak
// gate without kept evidence while a signal vetoes): the signals and
// their groups, whether a choice of the hits would help (development aid;
// LOTSE_TUNE=1; part B's rows are never printed).
func TestOffTopicNoneRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, name := range eng27cPoolNames {
		s := scopeSet(t, name)
		rep := Evaluate(s.lib, partQs(s.qs, false), Options{})
		for _, res := range rep.Results {
			d := res.Decision
			if d.Outcome != None || len(d.Nearest) == 0 || !(d.exit == exitOffTopic || d.exit == exitWeak && d.weak == nil && d.offTopic) {
				continue
			}
			sr := s.lib.SearchFor(d.Query, 5, false)
			var groups []string
			for _, w := range sr.OffTopic {
				groups = append(groups, w+":"+search.OffTopicGroup(w))
			}
			c := choice(d, d.Nearest, &German)
			h := d.Nearest[0]
			fmt.Printf("OFF %-11s %-9s y %-5v none %-5v conf %-5v close %-5v s %.2f st %.2f ow %.2f %v %q want %s hits %v\n",
				name, exitNames[d.exit], Helped(c, res.Question.Expected), res.Helped, sr.Confident, sr.Close, h.Score, h.Strong, h.OneWord, groups, res.Question.Text, res.Question.Expected, c.Guides())
		}
	}
}

// TestProbeFigures prints, for each message of the probe file
// LOTSE_PROBES (against the bench guides), the decision, the exit and the
// first hits' figures (development aid; LOTSE_TUNE=1; never a held-out
// set).
func TestProbeFigures(t *testing.T) {
	f := os.Getenv("LOTSE_PROBES")
	if os.Getenv("LOTSE_TUNE") == "" || f == "" {
		t.Skip("set LOTSE_TUNE and LOTSE_PROBES")
	}
	qs, err := search.ReadQuestionsFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lib := loadBenchLibrary(t)
	rep := Evaluate(lib, qs, Options{})
	for _, res := range rep.Results {
		d := res.Decision
		sr := lib.SearchFor(d.Query, 5, false)
		l := fmt.Sprintf("PROBE %-6s %-5v exit %-14s conf %-5v close %-5v off %v unc %.2f", d.Outcome, res.Helped, exitNames[d.exit], sr.Confident, sr.Close, sr.OffTopic, sr.Uncovered)
		if d.weak != nil {
			l += fmt.Sprintf(" weak p %.2f line %d", rescue.p(weakFeaturesOf(d.weak)), d.weak.line)
		}
		for i, h := range sr.DecisionHits() {
			if i == 3 {
				break
			}
			l += fmt.Sprintf(" | %s s %.2f st %.2f ow %.2f ln %d", h.ID, h.Score, h.Strong, h.OneWord, h.Line)
		}
		fmt.Printf("%s\n    %q want %s got %v rescued %v\n", l, res.Question.Text, res.Question.Expected, d.Guides(), d.Rescued)
	}
}
