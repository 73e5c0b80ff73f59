//go:build tune

package search

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestShownSectionTune prints, for every TUNING pool question (both
// libraries), the first three hits whose shown section (shownSection)
// differs from passage's best section, with both headings (development
// aid of the twelfth pass; LOTSE_TUNE=1).
func TestShownSectionTune(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := []struct {
		docs  []Doc
		glob  string
		guide bool
	}{
		{loadGuides(t, filepath.Join(benchDir(t), "guides")), filepath.Join("testdata", "bench-tune*.tsv"), false},
		{loadGuides(t, filepath.Join("..", "..", "library")), filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*.tsv"), true},
	}
	changed, seen := 0, 0
	for _, s := range sets {
		ix := Build(s.docs, DefaultOptions())
		heading := func(id string, sec int) string {
			for _, d := range s.docs {
				if d.ID == id && sec >= 0 && sec < len(d.Sections) {
					return d.Sections[sec].Heading
				}
			}
			return "(start)"
		}
		files, _ := filepath.Glob(s.glob)
		for _, f := range files {
			qs := readTSV(t, f)
			if s.guide {
				qs = guideMessages(qs)
			}
			for _, q := range qs {
				cs := ix.analyze(q.Text)
				res := ix.Search(q.Text, 3)
				for _, h := range res.Hits {
					doc := int32(-1)
					for i, d := range ix.docs {
						if d.id == h.ID {
							doc = int32(i)
						}
					}
					seen++
					var sc sectionScores
					if det := ix.passageScores(cs, doc, &sc); det.section != h.Section {
						changed++
						fmt.Printf("SHOWN %q %s: %q -> %q (want %s)\n", q.Text, h.ID, heading(h.ID, det.section), heading(h.ID, h.Section), q.Expected)
					}
				}
			}
		}
	}
	fmt.Printf("changed %d of %d hits\n", changed, seen)
}
