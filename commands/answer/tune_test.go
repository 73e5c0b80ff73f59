package answer

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// benchDir finds shared/bench above the package directory ("" if none).
func benchDir() string {
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "bench")
		if st, err := os.Stat(filepath.Join(p, "guides")); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func loadBenchHalf(tb testing.TB, half string) (*guides.Library, []search.Question) {
	tb.Helper()
	lib := loadBenchLibrary(tb)
	qs, err := search.ReadQuestionsFile(frozenFile(tb, filepath.Join("..", "..", "guides", "search", "testdata"), "bench-"+half))
	if err != nil {
		tb.Fatal(err)
	}
	return lib, qs
}

// poolSet is one question set of the tuning pool with its library.
type poolSet struct {
	name string
	lib  Library
	qs   []search.Question
}

// tunePool loads the TUNING pool: the tune halves and the second tuning
// sets of both question sets (never a held-out set).
func tunePool(tb testing.TB) []poolSet {
	tb.Helper()
	return poolOf(tb, "tune", "tune2")
}

// poolOf loads the named tuning sets (never a held-out set) of both
// question sets: the bench questions with the bench guides and the first
// messages with the project's library.
func poolOf(tb testing.TB, halves ...string) []poolSet {
	tb.Helper()
	var out []poolSet
	llib := loadLibrary(tb)
	for _, half := range halves {
		blib, bqs := loadBenchHalf(tb, half)
		out = append(out, poolSet{"bench " + half, blib, bqs}, poolSet{"first messages " + half, llib, loadSet(tb, half)})
	}
	return out
}

// poolPart splits questions in two by bit 1 of the FNV-1a hash of the
// text (bit 0 made the tune halves, so it cannot split them): part A
// (false) to fit a number, part B (true) to check the fit.
func poolPart(qs []search.Question, b bool) []search.Question {
	var out []search.Question
	for _, q := range qs {
		h := fnv.New32a()
		h.Write([]byte(strings.TrimSpace(q.Text)))
		if (h.Sum32()>>1)&1 == 1 == b {
			out = append(out, q)
		}
	}
	return out
}

// poolScore is the decision over (a part of) the pool.
type poolScore struct{ messages, helped, answers, wrong int }

func (p poolScore) String() string {
	return fmt.Sprintf("helped %d/%d answer %d wrong %d", p.helped, p.messages, p.answers, p.wrong)
}

// scorePool evaluates the pool; part < 0 for all of it, 0/1 for part A/B.
func scorePool(sets []poolSet, part int) (poolScore, []poolScore) {
	var all poolScore
	var per []poolScore
	for _, s := range sets {
		qs := s.qs
		if part >= 0 {
			qs = poolPart(qs, part == 1)
		}
		r := Evaluate(s.lib, qs, Options{Cases: true})
		p := poolScore{r.Total.Messages, r.Total.Helped, r.Total.Outcomes[Answer], r.Total.ConfidentWrong}
		per = append(per, p)
		all.messages += p.messages
		all.helped += p.helped
		all.answers += p.answers
		all.wrong += p.wrong
	}
	return all, per
}

// TestCalibrate sweeps the calibration on the TUNING pool only
// (development aid; set LOTSE_TUNE=1): every setting with the pool, its
// part A and part B. Rule: the most helped (then the most answers) with at
// most 1 in 50 answers wrong, chosen on part A and checked on part B, then
// on the whole pool.
func TestCalibrate(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	old := calib
	defer func() { calib = old }()
	line := func(name string) {
		p, per := scorePool(sets, -1)
		a, _ := scorePool(sets, 0)
		b, _ := scorePool(sets, 1)
		fmt.Printf("%-44s | pool %s | A %s | B %s | per set %v\n", name, p, a, b, per)
	}
	line("as set")
	for _, mc := range []float64{0.15, 0.2, 0.25} {
		for _, lead := range []float64{0.2, 0.3, 0.4, 0.5, 0.6} {
			for _, ma := range []float64{0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8} {
				for _, mt := range []float64{0.8, 2} {
					calib = old
					calib.minLead, calib.minAnswer, calib.minChoose, calib.minTopic = lead, ma, mc, mt
					line(fmt.Sprintf("choose %.2f lead %.2f answer %.2f topic %.2f", mc, lead, ma, mt))
				}
			}
		}
	}
	// The clear-topic path (clearTopic), with the lead rule as set.
	for _, mt := range []float64{0.7, 0.8, 0.9, 1, 2} {
		for _, ml := range []float64{0.5, 0.6, 0.7, 0.8} {
			for _, sl := range []float64{0, 0.1, 0.15, 0.2, 0.25} {
				calib = old
				calib.minTopic, calib.minTopicLead, calib.minTopicScoreLead = mt, ml, sl
				line(fmt.Sprintf("topic %.2f topic lead %.2f score lead %.2f", mt, ml, sl))
			}
		}
	}
	// How many guides a choice shows: share of the first guide's score
	// and at most 2 or 3.
	defer func(m int) { maxChoices = m }(maxChoices)
	for _, mx := range []int{2, 3} {
		for _, cs := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
			calib = old
			maxChoices, calib.chooseShare = mx, cs
			line(fmt.Sprintf("choices at most %d, share %.2f", mx, cs))
		}
	}
}

// groupFilter is a Library that keeps only the off-topic signals of the
// given groups (to measure each group's effect).
type groupFilter struct {
	lib    Library
	groups map[string]bool
}

func (g groupFilter) SearchFor(q string, limit int, team bool) search.Result {
	res := g.lib.SearchFor(q, limit, team)
	var keep []string
	for _, w := range res.OffTopic {
		if g.groups[search.OffTopicGroup(w)] {
			keep = append(keep, w)
		}
	}
	res.OffTopic = keep
	return res
}

// TestOffTopicEffect measures the off-topic signals on the TUNING pool
// only, per effect and per group (development aid; set LOTSE_TUNE=1).
func TestOffTopicEffect(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	old := calib
	defer func() { calib = old }()
	all := map[string]bool{}
	for _, n := range search.OffTopicGroupNames() {
		all[n] = true
	}
	line := func(name string, groups map[string]bool) {
		var b strings.Builder
		fmt.Fprintf(&b, "%-40s", name)
		for _, s := range sets {
			r := Evaluate(groupFilter{s.lib, groups}, s.qs, Options{Cases: true})
			g := func(k string) string {
				if t := r.ByExpected[k]; t != nil {
					return fmt.Sprintf("%d/%d", t.Helped, t.Messages)
				}
				return "-"
			}
			fmt.Fprintf(&b, " | %s %d/%d (guide %s, none %s) cw %d", s.name, r.Total.Helped, r.Total.Messages, g("guide"), g("none"), r.Total.ConfidentWrong)
		}
		fmt.Println(b.String())
	}
	for _, ms := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 2} {
		for _, e := range []offTopicEffect{offTopicNoChoice, offTopicNoAnswer, offTopicNone} {
			calib = old
			calib.offTopic, calib.offTopicStrong = e, ms
			line(fmt.Sprintf("strong < %.1f effect %d, all groups", ms, e), all)
		}
	}
	for _, e := range []offTopicEffect{offTopicIgnore, offTopicNoChoice} {
		calib = old
		calib.offTopic = e
		line(fmt.Sprintf("effect %d, all groups", e), all)
		if e == offTopicIgnore {
			continue
		}
		for _, n := range search.OffTopicGroupNames() {
			line(fmt.Sprintf("effect %d, only %s", e, n), map[string]bool{n: true})
		}
	}
}

// TestLeanDump prints, for every TUNING pool message the decision offers
// a guide for without the one-word rules (leansOnOneWord,
// offTopicOnOneWord), the first guide's figures: set, helped, outcome,
// score, strong share, 0 (unused), expected, message, OneWord,
// OneWordDF, number of off-topic words (development aid; LOTSE_TUNE=1).
// The rules' bars were fitted on part A of the pool (poolPart) from this
// output and checked on part B.
func TestLeanDump(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	old := calib
	defer func() { calib = old }()
	calib.oneWordScore, calib.offTopicOneWord = 0, 2 // the figures without the rules they tune
	for _, s := range tunePool(t) {
		for _, q := range s.qs {
			d := Decide(q.Text, s.lib, Options{Cases: true})
			if d.Outcome != Answer && d.Outcome != Choose {
				continue
			}
			f := d.Hits[0]
			ok := Helped(d, q.Expected)
			fmt.Printf("LEAN %s\t%v\t%s\t%.3f\t%.3f\t%.3f\t%s\t%q\t%.2f\t%.3f\t%d\n", s.name, ok, d.Outcome, f.Score, f.Strong, 0.0, q.Expected, q.Text, f.OneWord, f.OneWordDF, len(s.lib.SearchFor(d.Query, 5, false).OffTopic))
		}
	}
}

// TestPoolLine prints the decision over the TUNING pool, its part A and
// part B, as set (development aid; LOTSE_TUNE=1).
func TestPoolLine(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	p, per := scorePool(sets, -1)
	a, _ := scorePool(sets, 0)
	b, _ := scorePool(sets, 1)
	fmt.Printf("POOL pool %s | A %s | B %s | per set %v\n", p, a, b, per)
}
