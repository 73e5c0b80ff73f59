//go:build tune

package search

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestCarryRows prints, for each row of $LOTSE_CARRY_ROWS (kind, helped,
// library, query, shown guide IDs separated by commas; written from part
// A's decisions only), what carries the choice: per content concept of the
// query whether the library knows it, and the fields in which each shown
// guide meets it (development aid of the twenty-ninth pass, eng29a).
func TestCarryRows(t *testing.T) {
	path := os.Getenv("LOTSE_CARRY_ROWS")
	if path == "" {
		t.Skip("set LOTSE_CARRY_ROWS")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ixs := map[string]*Index{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 5 {
			continue
		}
		ix := ixs[p[2]]
		if ix == nil {
			ix = Build(loadGuides(t, p[2]), Options{Addressee: "lotse"})
			ixs[p[2]] = ix
		}
		cs := ix.analyze(p[3])
		var b strings.Builder
		for _, c := range cs {
			known := false
			for _, a := range c.alts {
				if c.solid(a) && len(ix.postings[a.term]) > 0 {
					known = true
				}
			}
			fmt.Fprintf(&b, " %s(w%.2f i%.1f", c.word, c.weight, c.idf)
			if c.part {
				b.WriteString(" P")
			}
			if c.typo {
				b.WriteString(" T")
			}
			if !known {
				b.WriteString(" ?")
			}
			b.WriteString(")")
			for _, id := range strings.Split(p[4], ",") {
				doc := int32(-1)
				for i, d := range ix.docs {
					if d.id == id {
						doc = int32(i)
					}
				}
				if doc < 0 {
					continue
				}
				var m uint8
				for _, a := range c.alts {
					if !c.solid(a) {
						continue
					}
					if ps, ok := ix.postingFor(a.term, doc); ok {
						m |= ps.mask
					}
				}
				fmt.Fprintf(&b, "%07b", m)
				b.WriteString("/")
			}
		}
		fmt.Printf("CARRY %s %s %q%s\n", p[0], p[1], p[3], b.String())
	}
}
