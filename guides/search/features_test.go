package search

import (
	"fmt"
	"os"
	"testing"
)

// TestDumpFeatures writes the confidence features of every dev question
// (and of the starter set, marked "starter") to $LOTSE_FEATURES
// (development aid).
func TestDumpFeatures(t *testing.T) {
	out := os.Getenv("LOTSE_FEATURES")
	if out == "" {
		t.Skip("set LOTSE_FEATURES")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, "set\tlabel\ts1str\ts1\ts2\tcov\tstrong\tsolid\tsolidstr\tdistinct\tunknown\tsec\tseccov\tfocus\tn\tq")
	dump := func(set string, docs []Doc, qs []Question) {
		ix := Build(docs, Options{})
		for _, q := range qs {
			r, ft := ix.search(q.Text, 5)
			label := "wrong"
			if q.Expected == OutOfScope {
				label = "oos"
			} else if len(r.Hits) > 0 && r.Hits[0].ID == q.Expected {
				label = "right"
			}
			fmt.Fprintf(f, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\n", set, label, ft.s1Str, ft.s1, ft.s2, ft.cov, ft.strong, ft.solid, ft.solidStr, ft.distinct, ft.unknown, ft.sec, ft.secCov, ft.focus, ft.concepts, q.Text)
		}
	}
	docs, qs := loadBench(t)
	dump("dev", docs, qs)
	sdocs, sqs := loadStarter(t)
	dump("starter", sdocs, sqs)
}
