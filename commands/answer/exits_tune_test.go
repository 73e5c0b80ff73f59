//go:build tune

// Built only with the tag "tune" (go test -tags goolm,tune …), as the other
// *_tune_test.go files, so that plain go test neither compiles nor counts
// these development aids.

package answer

import (
	"fmt"
	"os"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// exitNames name the exits of decideSearch (for the tuning tests' output).
var exitNames = map[noneExit]string{
	exitWeak: "weak gate", exitOffTopic: "off-topic gate", exitDate: "date gate",
	exitLeans: "leansOnOneWord", exitOffTopicOneWord: "offTopicOnOneWord", exitThing: "onThingAlone",
	exitBound: "boundThing", exitPasted: "pastedThing",
}

// lastExit is the last exit of decideSearch (noneExit in decide.go): move
// it with a new exit, and name that in exitNames.
const lastExit = exitPasted

// TestExitNames: every exit of decideSearch has a name, so the tuning
// output counts and names each one.
func TestExitNames(t *testing.T) {
	for e := exitWeak; e <= lastExit; e++ {
		if exitNames[e] == "" {
			t.Errorf("exit %d has no name", e)
		}
	}
	if len(exitNames) != int(lastExit) {
		t.Errorf("%d exit names, want %d", len(exitNames), lastExit)
	}
}

// cw8Pool is the eighth pass's tuning pool: every bench tune set with the
// bench guides and every first-message tune set with library/ (never a
// held-out set).
func cw8Pool(tb testing.TB) []poolSet {
	tb.Helper()
	var out []poolSet
	llib := loadLibrary(tb)
	for _, h := range []string{"tune", "tune2", "tune3", "tune4", "tune5"} {
		blib, bqs := loadBenchHalf(tb, h)
		out = append(out, poolSet{"bench " + h, blib, bqs})
	}
	for _, h := range []string{"tune", "tune2", "tune3", "tune4", "tune5", "tune6"} {
		out = append(out, poolSet{"fm " + h, llib, loadSet(tb, h)})
	}
	return out
}

// exitRow is one TUNING pool message that ended as "no guide" at an exit
// of decideSearch with hits: whether a choice of its hits would have held
// the expected guide (y) and whether the honest no helped.
type exitRow struct {
	set, text, expected string
	partB               bool
	exit                noneExit
	y, noneHelped       bool
	d                   Decision
}

// exitRows decides the pool (as embedded) and returns the messages that
// end as "no guide" at an exit of decideSearch.
func exitRows(sets []poolSet) []exitRow {
	var rows []exitRow
	for _, s := range sets {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			d := res.Decision
			if d.Outcome != None || d.exit == exitNone || len(d.Nearest) == 0 {
				continue
			}
			c := choice(d, d.Nearest, &German)
			rows = append(rows, exitRow{set: s.name, text: res.Question.Text, expected: res.Question.Expected,
				partB: rescuePart(res.Question.Text), exit: d.exit, y: Helped(c, res.Question.Expected), noneHelped: res.Helped, d: d})
		}
	}
	return rows
}

// TestExitCounts counts, per exit of decideSearch and per part of the
// TUNING pool, the messages it turns into "no guide": how many a choice
// of their hits would have helped (the right guide among them) and how
// many the honest no helped (development aid; LOTSE_TUNE=1). The rows of
// part A are printed with LOTSE_TUNE_ROWS=1; part B's never.
func TestExitCounts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := exitRows(rescuePool(t))
	type tally struct{ n, y, none, rescued, gain int }
	counts := map[noneExit]*[2]tally{}
	for _, r := range rows {
		if counts[r.exit] == nil {
			counts[r.exit] = &[2]tally{}
		}
		p := 0
		if r.partB {
			p = 1
		}
		c := &counts[r.exit][p]
		c.n++
		if r.y {
			c.y++
		}
		if r.noneHelped {
			c.none++
		}
		// The rescue's model (as embedded, no refit) deciding at this
		// exit too: its features need only the hits (the weights of
		// Close/Confident and the number of words are 0).
		if x := featuresOf(r.d.Nearest, false, 0); rescue.helps(x[:]) {
			c.rescued++
			if r.y {
				c.gain++
			}
			if r.noneHelped {
				c.gain--
			}
		}
	}
	for e := exitWeak; e <= lastExit; e++ {
		c := counts[e]
		if c == nil {
			c = &[2]tally{}
		}
		fmt.Printf("exit %-18s A: %3d none, choice would help %2d, honest no right %2d, rescue model there %+d (%d) | B: %3d, %2d, %2d, %+d (%d)\n",
			exitNames[e], c[0].n, c[0].y, c[0].none, c[0].gain, c[0].rescued, c[1].n, c[1].y, c[1].none, c[1].gain, c[1].rescued)
	}
	if os.Getenv("LOTSE_TUNE_ROWS") != "" {
		for _, r := range rows {
			if r.partB || r.exit == exitWeak {
				continue
			}
			h := r.d.Nearest[0]
			fmt.Printf("A %-18s y %-5v none %-5v %-22s %q want %s got %v | s %.2f st %.2f ow %.2f df %.2f\n", exitNames[r.exit], r.y, r.noneHelped, r.set, r.text, r.expected, r.d.Nearest[:min(3, len(r.d.Nearest))], h.Score, h.Strong, h.OneWord, h.OneWordDF)
		}
	}
}

// breadthFigures are a pool part's figures under one choice breadth.
type breadthFigures struct{ helped, messages, cw, choices, shown int }

// poolFigures evaluates the pool per set and part (A, B).
func poolFigures(sets []poolSet) map[string]*[2]breadthFigures {
	out := map[string]*[2]breadthFigures{}
	for _, s := range sets {
		out[s.name] = &[2]breadthFigures{}
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			p := 0
			if rescuePart(res.Question.Text) {
				p = 1
			}
			f := &out[s.name][p]
			f.messages++
			if res.Helped {
				f.helped++
			}
			if res.ConfidentWrong {
				f.cw++
			}
			if res.Decision.Outcome == Choose {
				f.choices++
				f.shown += len(res.Decision.Hits)
			}
		}
	}
	return out
}

// TestChoiceBreadth measures on the TUNING pool how the breadth of a
// choice (the share of the first guide's score a further guide needs,
// for every choice or for rescued choices only) changes helped, per part
// (development aid; LOTSE_TUNE=1).
func TestChoiceBreadth(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := rescuePool(t)
	oldCalib, oldRescue := calib, rescueShare
	defer func() { calib, rescueShare = oldCalib, oldRescue }()
	oldMax := maxChoices
	defer func() { maxChoices = oldMax }()
	type variant struct {
		name          string
		share, rescue float64
		most          int
	}
	vs := []variant{{"as embedded", oldCalib.chooseShare, oldRescue, oldMax}}
	for _, s := range []float64{0.6, 0.5, 0.4, 0.3, 0.2, 0} {
		vs = append(vs, variant{fmt.Sprintf("rescued only %.1f", s), oldCalib.chooseShare, s, oldMax})
	}
	for _, s := range []float64{0.5, 0.4, 0.3, 0.2, 0} {
		vs = append(vs, variant{fmt.Sprintf("every choice %.1f", s), s, s, oldMax})
	}
	for _, n := range []int{4, 5} {
		vs = append(vs, variant{fmt.Sprintf("at most %d, share 0", n), 0, 0, n})
	}
	for _, v := range vs {
		calib.chooseShare, rescueShare, maxChoices = v.share, v.rescue, v.most
		figs := poolFigures(sets)
		var tot [2]breadthFigures
		line := ""
		for _, s := range sets {
			f := figs[s.name]
			for p := range 2 {
				tot[p].helped += f[p].helped
				tot[p].messages += f[p].messages
				tot[p].cw += f[p].cw
				tot[p].choices += f[p].choices
				tot[p].shown += f[p].shown
			}
			line += fmt.Sprintf(" | %s %d+%d cw %d+%d", s.name, f[0].helped, f[1].helped, f[0].cw, f[1].cw)
		}
		fmt.Printf("%-20s A %d/%d cw %d choices %d (%.2f shown) | B %d/%d cw %d choices %d (%.2f shown)%s\n", v.name,
			tot[0].helped, tot[0].messages, tot[0].cw, tot[0].choices, float64(tot[0].shown)/float64(tot[0].choices),
			tot[1].helped, tot[1].messages, tot[1].cw, tot[1].choices, float64(tot[1].shown)/float64(tot[1].choices), line)
	}
}

// TestMissesA prints the misses of part A of the TUNING pool by kind
// (development aid; LOTSE_TUNE=1; part B's are never printed).
func TestMissesA(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, s := range rescuePool(t) {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			if res.Helped || rescuePart(res.Question.Text) {
				continue
			}
			d := res.Decision
			rank := -1
			for i, h := range append(append(append([]search.Hit(nil), d.Hits...), d.Also...), d.Nearest...) {
				if h.ID == res.Question.Expected && rank < 0 {
					rank = i
				}
			}
			fmt.Printf("MISS %-22s %-8s exit %-18s rescued %-5v rank %2d %q want %s got %v\n", s.name, d.Outcome, exitNames[d.exit], d.Rescued, rank, res.Question.Text, res.Question.Expected, d.Guides())
		}
	}
}

// choiceRows are the TUNING pool messages that end as a choice made by
// a search's own exit (not rescued), as rescue rows with the features of
// the search the choice came from (Decision.Query searched again): y the
// choice helped, noneHelped the message expected none (dropping the
// choice would help it).
func choiceRows(sets []poolSet) []rescueRow {
	var rows []rescueRow
	for _, s := range sets {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			d := res.Decision
			if d.Outcome != Choose || d.Rescued || d.Query == "" {
				continue
			}
			sr := s.lib.SearchFor(d.Query, 5, false)
			if len(sr.Hits) == 0 {
				continue
			}
			none := Helped(Decision{Outcome: None}, res.Question.Expected)
			rows = append(rows, rescueRow{set: s.name, text: res.Question.Text, expected: res.Question.Expected,
				partB: rescuePart(res.Question.Text), x: featuresOf(sr.HitsBeforeRerank(), sr.Close || sr.Confident, len(tokens(d.Query))), y: res.Helped, noneHelped: none})
		}
	}
	return rows
}

// TestDropFit fits a logistic model that turns a choice into the honest
// no (development aid; LOTSE_TUNE=1): the rescue's fit with the roles
// swapped (y: the message expects none), threshold on part A, checked on
// B and the other way round.
func TestDropFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := choiceRows(rescuePool(t))
	// Swap: the fitted event is "none was right"; gain counts +1 for a
	// dropped choice of a none message, −1 for a dropped choice that held
	// the guide (a choice without the expected guide is a miss either
	// way: it is not a row).
	var sw []rescueRow
	for _, r := range rows {
		if !r.noneHelped && !r.y {
			continue
		}
		r.y, r.noneHelped = r.noneHelped, r.y
		sw = append(sw, r)
	}
	a, b := partRows(sw, false), partRows(sw, true)
	cnt := func(rs []rescueRow) (n, pos int) {
		for _, r := range rs {
			n++
			if r.y {
				pos++
			}
		}
		return
	}
	na, pa := cnt(a)
	nb, pb := cnt(b)
	fmt.Printf("choice rows: A %d (none right %d), B %d (%d)\n", na, pa, nb, pb)
	for _, mk := range []struct {
		name string
		mask rescueFeatures
	}{
		{"all", allFeatures},
		{"strong one word", rescueFeatures{0, 0, 1, 1, 1, 1, 0, 0, 0}},
	} {
		for _, lambda := range []float64{0.1, 1} {
			c := crossRescue(a, b, lambda, mk.mask)
			fmt.Printf("drop %-18s λ %.1f LOO A %+d; fit A %+d (%d), check B %+d (%d); fit B %+d (%d), check A %+d (%d) | b %.3f w %.3f t %.2f\n", mk.name, lambda, c.loo, c.fitA, c.rescuedA, c.checkB, c.rescuedB, c.fitB, c.rescuedFB, c.checkA, c.rescuedC, c.m.b, c.m.w, c.m.threshold)
		}
	}
}

// TestExitDumpCW8 counts, per exit and part, the messages of the eighth
// pass's pool that end as "no guide" with hits: how many a choice would
// have helped and how many the honest no helped (LOTSE_TUNE=1).
func TestExitDumpCW8(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	type k struct {
		exit noneExit
		b    bool
	}
	choiceHelps, noneHelps := map[k]int{}, map[k]int{}
	for _, r := range exitRows(cw8Pool(t)) {
		key := k{r.exit, r.partB}
		if r.y {
			choiceHelps[key]++
		}
		if r.noneHelped {
			noneHelps[key]++
		}
		if !r.partB && r.y {
			fmt.Printf("EXIT A %s %s %q exp=%s\n", exitNames[r.exit], r.set, r.text, r.expected)
		}
	}
	for e, n := range exitNames {
		fmt.Printf("exit %-18s A: choice helps %d, none helps %d | B: choice helps %d, none helps %d\n", n,
			choiceHelps[k{e, false}], noneHelps[k{e, false}], choiceHelps[k{e, true}], noneHelps[k{e, true}])
	}
}
