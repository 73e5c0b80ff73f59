package search

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugQueries prints the analysis of the queries in $LOTSE_DEBUG_Q
// (separated by "|") against the bench guides, or against the guides in
// $LOTSE_DEBUG_DIR; it is a development aid and does nothing otherwise.
func TestDebugQueries(t *testing.T) {
	ix, qs := debugQueries(t)
	for _, s := range qs {
		r, f := ix.search(s, 5)
		fmt.Printf("%q confident=%v close=%v\n  %s\n  feat %+v\n", s, r.Confident, r.Close, ix.explain(s), f)
		for _, h := range r.Hits {
			fmt.Printf("  %.3f %s sec=%d\n", h.Score, h.ID, h.Section)
		}
	}
}

// debugQueries returns the index of the development aids' guides (see
// debugDocs) and the queries in $LOTSE_DEBUG_Q ("|"-separated); it skips
// the test when that is not set.
func debugQueries(t *testing.T) (*Index, []string) {
	q := os.Getenv("LOTSE_DEBUG_Q")
	if q == "" {
		t.Skip("set LOTSE_DEBUG_Q")
	}
	return Build(debugDocs(t), Options{}), strings.Split(q, "|")
}

// debugDocs returns the guides of the development aids: those in
// $LOTSE_DEBUG_DIR, else the bench guides.
func debugDocs(t *testing.T) []Doc {
	if dir := os.Getenv("LOTSE_DEBUG_DIR"); dir != "" {
		return loadGuides(t, dir)
	}
	docs, _ := loadBench(t)
	return docs
}
