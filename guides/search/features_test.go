package search

import (
	"fmt"
	"os"
	"testing"
)

// TestDumpFeatures writes the confidence features of every dev question to
// $LOTSE_FEATURES (development aid).
func TestDumpFeatures(t *testing.T) {
	out := os.Getenv("LOTSE_FEATURES")
	if out == "" {
		t.Skip("set LOTSE_FEATURES")
	}
	docs, qs := loadBench(t)
	ix := Build(docs, Options{})
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, "label\ts1\ts2\tcov\tstrong\tunknown\tsec\tseccov\tfocus\tn\tq")
	for _, q := range qs {
		r, ft := ix.search(q.Text, 5)
		label := "wrong"
		if q.Expected == OutOfScope {
			label = "oos"
		} else if len(r.Hits) > 0 && r.Hits[0].ID == q.Expected {
			label = "right"
		}
		fmt.Fprintf(f, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\n", label, ft.s1, ft.s2, ft.cov, ft.strong, ft.unknown, ft.sec, ft.secCov, ft.focus, ft.concepts, q.Text)
	}
}
