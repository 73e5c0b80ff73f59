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
	f, err := os.Open(filepath.Join("..", "..", "guides", "search", "testdata", "bench-"+half+"-2026-12-04.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	qs, err := search.ReadQuestions(f)
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
