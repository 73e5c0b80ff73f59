package answer

import (
	"fmt"
	"os"
	"testing"
)

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

// TestAnswerDump prints every answer of the eighth pass's pool with its
// figures; the message text only for part A (LOTSE_TUNE=1).
func TestAnswerDump(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	for _, s := range cw8Pool(t) {
		for _, q := range s.qs {
			opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
			d := Decide(q.Text, s.lib, opts)
			if d.Outcome != Answer {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, opts.Team)
			part, text := "A", q.Text
			if rescuePart(q.Text) {
				part, text = "B", ""
			}
			fmt.Printf("ANS %s %s right=%v %q exp=%s\n", part, s.name, Helped(d, q.Expected), text, q.Expected)
			printHits(res.Hits)
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
