package search

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugQueries prints the analysis of the queries in $LOTSE_DEBUG_Q
// (separated by "|"); it is a development aid and does nothing otherwise.
func TestDebugQueries(t *testing.T) {
	q := os.Getenv("LOTSE_DEBUG_Q")
	if q == "" {
		t.Skip("set LOTSE_DEBUG_Q")
	}
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	for _, s := range strings.Split(q, "|") {
		r := ix.Search(s, 5)
		fmt.Printf("%q\n  %s\n", s, ix.explain(s))
		for _, h := range r.Hits {
			fmt.Printf("  %.3f %s sec=%d\n", h.Score, h.ID, h.Section)
		}
	}
}
