//go:build tune

package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueryConcepts prints, for each row question<TAB>guide<TAB>B|L of
// the file LOTSE_ROWS (part A rows or invented probes; never a held-out
// set), the query's concepts with their idf, weight, whether the library
// knows them, and the fields of the named guide they occur in (tuning aid
// of eng29c; LOTSE_TUNE=1).
func TestQueryConcepts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" || os.Getenv("LOTSE_ROWS") == "" {
		t.Skip("set LOTSE_TUNE and LOTSE_ROWS")
	}
	bix := Build(rrLoad(t, filepath.Join(benchDir(t), "guides")), Options{})
	lix := Build(loadGuides(t, filepath.Join("..", "..", "library")), Options{})
	f, err := os.Open(os.Getenv("LOTSE_ROWS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := []string{"T", "G", "A", "S", "H", "B", "L"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 3 {
			continue
		}
		ix := bix
		if p[2] == "L" {
			ix = lix
		}
		doc := int32(-1)
		for i, d := range ix.docs {
			if d.id == p[1] {
				doc = int32(i)
			}
		}
		fmt.Printf("## %s -> %s (maxIdf %.2f)\n", p[0], p[1], ix.maxIdf)
		for _, c := range ix.analyze(p[0]) {
			var m uint8
			df := 0
			for _, a := range c.alts {
				if pp, ok := ix.postingFor(a.term, doc); ok {
					m |= pp.mask
				}
				df = max(df, len(ix.postings[a.term]))
			}
			var fs []string
			for k, n := range names {
				if m&(1<<k) != 0 {
					fs = append(fs, n)
				}
			}
			fmt.Printf("   %-16s w %.2f idf %.2f alts %d df %2d typo %-5v part %-5v in %s\n", c.word, c.weight, c.idf, len(c.alts), df, c.typo, c.part, strings.Join(fs, ""))
		}
	}
}
