package answer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// scopeSet loads a TUNING set by name, whatever the date it was frozen
// (2026-12-04 or -05): "fm NAME" against library/, "bench NAME" against
// the bench guides. Held-out sets are never named here.
func scopeSet(tb testing.TB, name string) poolSet {
	tb.Helper()
	kind, half, _ := strings.Cut(name, " ")
	var pattern string
	var lib Library
	if kind == "fm" {
		pattern = filepath.Join("testdata", "first-messages-"+half+"-2026-12-0?.tsv")
		lib = loadLibrary(tb)
	} else {
		dir := benchDir()
		if dir == "" {
			tb.Skip("shared/bench not found")
		}
		l, _, err := guides.Load(filepath.Join(dir, "guides"))
		if err != nil {
			tb.Fatal(err)
		}
		lib = l
		pattern = filepath.Join("..", "..", "guides", "search", "testdata", "bench-"+half+"-2026-12-0?.tsv")
	}
	files, _ := filepath.Glob(pattern)
	if len(files) != 1 {
		tb.Fatalf("%s: %d files", pattern, len(files))
	}
	qs, err := search.ReadQuestionsFile(files[0])
	if err != nil {
		tb.Fatal(err)
	}
	return poolSet{name, lib, qs}
}

// scopePoolNames is the seventh pass's tuning pool (never a held-out set).
var scopePoolNames = []string{"fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5",
	"bench tune", "bench tune2", "bench tune3", "bench tune4"}

// TestScopeParts prints the decision on the seventh pass's tuning pool per
// set and part (A: bit 0 of FNV-1a 32 of the text is 0, B: 1): helped,
// confident-wrong, and per expected kind guide/none with the outcomes
// (development aid; LOTSE_TUNE=1). LOTSE_SCOPE_DUMP=FILE writes part A's
// decisions only (set, expected, outcome, guides, exit, message) to read
// its misses; part B's rows are never written.
func TestScopeParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	var tot [2]Tally
	for _, name := range scopePoolNames {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			var qs []search.Question
			for _, q := range s.qs {
				if rescuePart(q.Text) == (part == 1) {
					qs = append(qs, q)
				}
			}
			rep := Evaluate(s.lib, qs, Options{Cases: true})
			l := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range []string{"guide", "none"} {
				if tl := rep.ByExpected[k]; tl != nil {
					l += fmt.Sprintf(" | %s %d/%d cw %d (a %d c %d n %d)", k, tl.Helped, tl.Messages, tl.ConfidentWrong,
						tl.Outcomes[Answer], tl.Outcomes[Choose], tl.Outcomes[None])
				}
			}
			fmt.Println(l)
			tot[part].Messages += rep.Total.Messages
			tot[part].Helped += rep.Total.Helped
			tot[part].ConfidentWrong += rep.Total.ConfidentWrong
			if part == 1 {
				continue
			}
			for _, res := range rep.Results {
				d := res.Decision
				fmt.Fprintf(&dump, "%s\t%v\t%s\t%s\t%v\t%d\t%v\t%q\n", name, res.Helped, res.Question.Expected, d.Outcome,
					d.Guides(), d.exit, d.Rescued, res.Question.Text)
			}
		}
	}
	for part := range tot {
		fmt.Printf("pool %c all %d/%d cw %d\n", "AB"[part], tot[part].Helped, tot[part].Messages, tot[part].ConfidentWrong)
	}
	if f := os.Getenv("LOTSE_SCOPE_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
