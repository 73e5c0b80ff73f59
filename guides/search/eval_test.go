package search

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalBenchCheck checks the figures on the checking half of the bench
// questions (testdata/bench-check-2026-12-04.tsv, never tuned on) against
// floors a little below what the engine achieves there (top-1 90.5 %,
// top-3 95.2 %, 5 of 7 out-of-scope questions rejected, 1.6 % of top-1
// lost to the confidence decision), so CI catches regressions without
// flaking on harmless one-question changes.
func TestEvalBenchCheck(t *testing.T) {
	docs := loadGuides(t, filepath.Join(benchDir(t), "guides"))
	qs := readTSV(t, filepath.Join("testdata", "bench-check-2026-12-04.tsv"))
	checkFloors(t, Evaluate(Build(docs, Options{}), qs), evalFloors{top1: 0.89, top3: 0.93, reject: 0.70, lostAtMost: 0.04})
}

// TestEvalBenchFresh checks the fresh held-out bench questions
// (testdata/bench-fresh-2026-12-04.tsv: written from the guide topics before
// the quality pass, never tuned on) against floors a little below what the
// engine achieves (top-1 88.9 %, top-3 95.6 %, 8 of 10 out-of-scope
// questions rejected, 3 of 90 lost to confidence). The ceiling on "lost to
// confidence" is 4 %, not 3 %: since the English lexicon (enlex.go) a
// question whose right guide it brings to the first place counts as lost
// to confidence, because a first guide the lexicon brought is never
// confident. On this set that is one question, which had a confident
// wrong first guide before (fourteenth pass: top-1 79 → 80 of 90, lost
// 2 → 3, confident and right 77 both).
func TestEvalBenchFresh(t *testing.T) {
	docs := loadGuides(t, filepath.Join(benchDir(t), "guides"))
	qs := readTSV(t, filepath.Join("testdata", "bench-fresh-2026-12-04.tsv"))
	checkFloors(t, Evaluate(Build(docs, Options{}), qs), evalFloors{top1: 0.81, top3: 0.92, reject: 0.75, lostAtMost: 0.04})
}

// TestEvalBenchUnseen checks the unseen bench questions
// (testdata/bench-unseen-2026-12-04.tsv: written and committed before the
// second quality pass changed the engine, never tuned on) against floors a
// little below what the engine achieves (top-1 89.1 %, top-3 96.4 %, 9 of
// 12 out-of-scope questions rejected by the search, 3.6 % lost to
// confidence).
func TestEvalBenchUnseen(t *testing.T) {
	docs := loadGuides(t, filepath.Join(benchDir(t), "guides"))
	qs := readTSV(t, filepath.Join("testdata", "bench-unseen-2026-12-04.tsv"))
	checkFloors(t, Evaluate(Build(docs, Options{}), qs), evalFloors{top1: 0.87, top3: 0.94, reject: 0.70, lostAtMost: 0.06})
}

// TestEvalBenchTunePool guards the ranking on the tuning sets of the bench
// guides (tuned on in the third quality pass, so no measure of quality —
// a regression guard) with floors a little below what the engine
// achieves: tune top-1 95.8 %, top-3 98.6 %, 7 of 8 out-of-scope rejected,
// 4.2 % lost to confidence; tune2 top-1 87.2 %, top-3 95.7 %, 18 of 23
// rejected, 6.1 % lost (a first guide the word-order pairs chose is never
// confident: phrase.go).
func TestEvalBenchTunePool(t *testing.T) {
	docs := loadGuides(t, filepath.Join(benchDir(t), "guides"))
	ix := Build(docs, Options{})
	for _, tc := range []struct {
		file   string
		floors evalFloors
	}{
		{"bench-tune-2026-12-04.tsv", evalFloors{top1: 0.94, top3: 0.97, reject: 0.75, lostAtMost: 0.06}},
		{"bench-tune2-2026-12-04.tsv", evalFloors{top1: 0.84, top3: 0.94, reject: 0.70, lostAtMost: 0.07}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkFloors(t, Evaluate(ix, readTSV(t, filepath.Join("testdata", tc.file))), tc.floors)
		})
	}
}

// TestFrozenHalves checks that the frozen halves are the hash split
// (SplitByHash) of the shared dev questions, in order.
func TestFrozenHalves(t *testing.T) {
	_, qs := loadBench(t)
	tune, check := SplitByHash(qs)
	for _, h := range []struct {
		name string
		want []Question
	}{{"tune", tune}, {"check", check}} {
		got := readTSV(t, filepath.Join("testdata", "bench-"+h.name+"-2026-12-04.tsv"))
		if len(got) != len(h.want) {
			t.Fatalf("%s: %d questions frozen, split gives %d", h.name, len(got), len(h.want))
		}
		for i := range got {
			if got[i] != h.want[i] {
				t.Errorf("%s question %d = %+v, split gives %+v", h.name, i, got[i], h.want[i])
			}
		}
	}
}

// TestEvalHalves reports both hash halves of the dev set (development
// figure; -v).
func TestEvalHalves(t *testing.T) {
	docs, qs := loadBench(t)
	ix := Build(docs, Options{})
	tune, check := SplitByHash(qs)
	for _, h := range []struct {
		name string
		qs   []Question
	}{{"tune", tune}, {"check", check}} {
		r := Evaluate(ix, h.qs)
		t.Logf("%s: top-1 %.1f %%, top-3 %.1f %%, OOS rejected %.1f %% (%d/%d), lost to confidence %.1f %%, confident and wrong %d",
			h.name, 100*r.Top1Rate(), 100*r.Top3Rate(), 100*r.RejectRate(), r.Rejected, r.OutOfScope, 100*r.LostRate(), r.ConfidentWrong)
	}
}

func TestReadQuestions(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Question
		wantErr bool
	}{
		{"ok", "question\texpected\nwie geht das\tbbb/x.md\n\nspenden?\t-\n", []Question{{"wie geht das", "bbb/x.md"}, {"spenden?", "-"}}, false},
		{"crlf", "question\texpected\r\na\tb\r\n", []Question{{"a", "b"}}, false},
		{"no header", "a\tb\n", nil, true},
		{"three columns", "question\texpected\na\tb\tc\n", nil, true},
		{"empty", "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadQuestions(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d questions, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("question %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestEvaluateAndWrite(t *testing.T) {
	ix := Build(testDocs(), Options{})
	qs := []Question{
		{"Passwort vergessen", "konto/passwort-vergessen.md"},
		{"Kamera geht nicht in der Videokonferenz", "bbb/kamera.md"},
		{"Wie hoch ist der Mitgliedsbeitrag", OutOfScope},
	}
	r := Evaluate(ix, qs)
	if r.Answerable != 2 || r.OutOfScope != 1 {
		t.Fatalf("counts = %d/%d, want 2/1", r.Answerable, r.OutOfScope)
	}
	if r.Top1 != 2 {
		t.Errorf("top1 = %d, want 2; misses %+v", r.Top1, r.Misses)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"top-1:", "top-3:", "out-of-scope rejected:", "top-1 lost to confidence:"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

// evalFloors are the least figures an evaluation must reach (lostAtMost:
// the most).
type evalFloors struct{ top1, top3, reject, lostAtMost float64 }

// checkFloors fails the test for every figure of r beyond its floor, and
// prints the report with -v.
func checkFloors(t *testing.T, r Report, f evalFloors) {
	t.Helper()
	if testing.Verbose() {
		r.Write(os.Stdout)
	}
	checks := []struct {
		name      string
		got, want float64
		atMost    bool
	}{
		{"top-1", r.Top1Rate(), f.top1, false},
		{"top-3", r.Top3Rate(), f.top3, false},
		{"out-of-scope rejected", r.RejectRate(), f.reject, false},
		{"top-1 lost to confidence", r.LostRate(), f.lostAtMost, true},
	}
	for _, c := range checks {
		if (!c.atMost && c.got < c.want) || (c.atMost && c.got > c.want) {
			t.Errorf("%s = %.1f %%, want %s %.1f %%", c.name, 100*c.got, map[bool]string{false: ">=", true: "<="}[c.atMost], 100*c.want)
		}
	}
}
