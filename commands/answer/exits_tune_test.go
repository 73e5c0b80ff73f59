package answer

import (
	"fmt"
	"os"
	"testing"
)

// exitNames name the exits of decideSearch (for the tuning tests' output).
var exitNames = map[noneExit]string{
	exitWeak: "weak gate", exitOffTopic: "off-topic gate", exitDate: "date gate",
	exitLeans: "leansOnOneWord", exitOffTopicOneWord: "offTopicOnOneWord",
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
	type tally struct{ n, y, none int }
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
	}
	for e := exitWeak; e <= exitOffTopicOneWord; e++ {
		c := counts[e]
		if c == nil {
			c = &[2]tally{}
		}
		fmt.Printf("exit %-18s A: %3d none, choice would help %2d, honest no right %2d | B: %3d, %2d, %2d\n",
			exitNames[e], c[0].n, c[0].y, c[0].none, c[1].n, c[1].y, c[1].none)
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
