package answer

import (
	"fmt"
	"os"
	"path/filepath"
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
	dir := benchDir()
	if dir == "" {
		tb.Skip("shared/bench not found")
	}
	lib, _, err := guides.Load(filepath.Join(dir, "guides"))
	if err != nil {
		tb.Fatal(err)
	}
	qs, err := search.ReadQuestionsFile(filepath.Join("..", "..", "guides", "search", "testdata", "bench-"+half+"-2026-12-04.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	return lib, qs
}

// TestCalibrate sweeps the calibration on the TUNING halves only
// (development aid; set LOTSE_TUNE=1).
func TestCalibrate(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	blib, bqs := loadBenchHalf(t, "tune")
	llib, lqs := loadLibrary(t), loadSet(t, "tune")
	old := calib
	defer func() { calib = old }()
	for _, mc := range []float64{0.2, 0.25, 0.3} {
		for _, lead := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35} {
			for _, ma := range []float64{0.4, 0.45, 0.5, 0.55} {
				calib = old
				calib.minLead, calib.minAnswer, calib.minChoose = lead, ma, mc
				b := Evaluate(blib, bqs, Options{Cases: true})
				l := Evaluate(llib, lqs, Options{Cases: true})
				fmt.Printf("choose %.2f lead %.2f answer %.2f | bench helped %d/%d cw %d answer %d | library helped %d/%d cw %d answer %d\n",
					mc, lead, ma, b.Total.Helped, b.Total.Messages, b.Total.ConfidentWrong, b.Total.Outcomes[Answer],
					l.Total.Helped, l.Total.Messages, l.Total.ConfidentWrong, l.Total.Outcomes[Answer])
			}
		}
	}
	// The clear-topic path (clearTopic), with the lead rule as set.
	for _, mt := range []float64{0.6, 0.7, 0.8, 0.9, 0.95, 2} {
		for _, ml := range []float64{0.3, 0.5, 0.6, 0.7} {
			calib = old
			calib.minTopic, calib.minTopicLead = mt, ml
			b := Evaluate(blib, bqs, Options{Cases: true})
			l := Evaluate(llib, lqs, Options{Cases: true})
			fmt.Printf("topic %.2f topic lead %.2f | bench helped %d/%d cw %d answer %d | library helped %d/%d cw %d answer %d\n",
				mt, ml, b.Total.Helped, b.Total.Messages, b.Total.ConfidentWrong, b.Total.Outcomes[Answer],
				l.Total.Helped, l.Total.Messages, l.Total.ConfidentWrong, l.Total.Outcomes[Answer])
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

// TestOffTopicEffect measures the off-topic signals on the TUNING halves
// only, per effect and per group (development aid; set LOTSE_TUNE=1).
func TestOffTopicEffect(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	blib, bqs := loadBenchHalf(t, "tune")
	llib, lqs := loadLibrary(t), loadSet(t, "tune")
	old := calib
	defer func() { calib = old }()
	all := map[string]bool{}
	for _, n := range search.OffTopicGroupNames() {
		all[n] = true
	}
	line := func(name string, groups map[string]bool) {
		b := Evaluate(groupFilter{blib, groups}, bqs, Options{Cases: true})
		l := Evaluate(groupFilter{llib, groups}, lqs, Options{Cases: true})
		g := func(r Report, k string) string {
			if t := r.ByExpected[k]; t != nil {
				return fmt.Sprintf("%d/%d", t.Helped, t.Messages)
			}
			return "-"
		}
		fmt.Printf("%-40s | bench helped %d/%d (guide %s, none %s) cw %d | library helped %d/%d (guide %s, none %s) cw %d\n",
			name, b.Total.Helped, b.Total.Messages, g(b, "guide"), g(b, "none"), b.Total.ConfidentWrong,
			l.Total.Helped, l.Total.Messages, g(l, "guide"), g(l, "none"), l.Total.ConfidentWrong)
	}
	for _, ms := range []float64{0.2, 0.3, 0.4, 0.5, 0.6, 2} {
		for _, e := range []offTopicEffect{offTopicNoChoice, offTopicNoAnswer, offTopicNone} {
			calib = old
			calib.offTopic, calib.offTopicStrong = e, ms
			line(fmt.Sprintf("strong < %.1f effect %d, all groups", ms, e), all)
		}
	}
	for _, e := range []offTopicEffect{offTopicIgnore, offTopicNoChoice, offTopicNoAnswer, offTopicNone} {
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
