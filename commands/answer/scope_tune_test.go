//go:build tune

// Built only with the tag "tune" (go test -tags goolm,tune …), as the other
// *_tune_test.go files, so that plain go test neither compiles nor counts
// these development aids.

package answer

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

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

// scopeRow is one pool message at the scope border: a choice decideSearch
// made (not rescued) or a "no guide" it made after a search with hits,
// with the search's figures. y: a choice of its hits holds the expected
// guide; noneRight: the message expects none.
type scopeRow struct {
	set, text, expected string
	partB               bool
	outcome             Outcome
	exit                noneExit
	res                 search.Result
	nWords              int
	y, noneRight, date  bool
	weak                bool // the rescue's row (Decision.weak set)
}

// scopeRows decides the pool and returns its border rows.
func scopeRows(t *testing.T) []scopeRow {
	old := rescue
	defer func() { rescue = old }()
	rescue.threshold = 2 // the rows without the weak-evidence model (the rescue and the lift)
	var rows []scopeRow
	for _, name := range scopePoolNames {
		s := scopeSet(t, name)
		rep := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, r := range rep.Results {
			d := r.Decision
			if d.Query == "" || d.Rescued || !(d.Outcome == Choose || d.Outcome == None && d.exit != exitNone) {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, false)
			if len(res.Hits) == 0 {
				continue
			}
			c := choice(d, res.Hits, &German)
			rows = append(rows, scopeRow{set: name, text: r.Question.Text, expected: r.Question.Expected, partB: rescuePart(r.Question.Text),
				outcome: d.Outcome, exit: d.exit, res: res, nWords: len(tokens(clean(d.Query))),
				date: asksDate(tokens(clean(d.Query))), weak: d.weak != nil,
				y: Helped(c, r.Question.Expected), noneRight: expectedOutcome(r.Question.Expected) == None})
		}
	}
	return rows
}

// TestScopeRows prints part A's border rows with the scope evidence
// (development aid; LOTSE_TUNE=1; part B's rows are never printed, only
// counted).
func TestScopeRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	nb := 0
	for _, r := range scopeRows(t) {
		if r.partB {
			nb++
			continue
		}
		h := r.res.Hits[0]
		fmt.Printf("%-11s %-6s c%v e%d y=%-5v none=%-5v s %.2f st %.2f ow %.2f df %.2f off %d unk %.2f unc %.2f rar %.2f w %d | %.70q\n",
			r.set, r.outcome, b2i(r.res.Close), r.exit, r.y, r.noneRight, h.Score, h.Strong, h.OneWord, h.OneWordDF, len(r.res.OffTopic),
			r.res.Unknown, r.res.Uncovered, r.res.RarestUncovered, r.nWords, r.text)
	}
	fmt.Println("part B rows:", nb)
}

// scopeFeaturesOf are the rescue's nine figures and the scope evidence.
func scopeFeaturesOf(res search.Result, nWords int) []float64 {
	x := featuresOf(res.HitsBeforeRerank(), res.Close || res.Confident, nWords)
	off := 0.0
	if len(res.OffTopic) > 0 {
		off = 1
	}
	return append(x[:], off, res.Unknown, res.Uncovered, res.RarestUncovered)
}

// fitLogistic fits y on x by batch gradient descent (iters steps) on
// standardised features with an L2 penalty lambda (not on the
// intercept), only the features whose mask entry is 1 (the others keep
// weight 0), and returns it in the raw features' units. Hand-written: a
// dozen features and a few dozen rows need no library, and none of the
// kept libraries (go.mau.fi/util; gonum is not one) offers it. The
// rescue's fit (fitRescueMask) and the lift's (TestScopeFit) share it.
func fitLogistic(xs [][]float64, ys []bool, lambda float64, mask []float64, iters int) logistic {
	k := len(mask)
	n := float64(len(xs))
	mean, sd := make([]float64, k), make([]float64, k)
	for _, x := range xs {
		for i := range mask {
			mean[i] += x[i] / n
		}
	}
	for _, x := range xs {
		for i := range mask {
			sd[i] += (x[i] - mean[i]) * (x[i] - mean[i]) / n
		}
	}
	for i := range sd {
		sd[i] = math.Sqrt(sd[i])
		if sd[i] < 1e-9 {
			sd[i] = 1
		}
	}
	w := make([]float64, k)
	b := 0.0
	for it := 0; it < iters; it++ {
		gw := make([]float64, k)
		gb := 0.0
		for j, x := range xs {
			z := b
			for i := range mask {
				z += w[i] * (x[i] - mean[i]) / sd[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if ys[j] {
				y = 1
			}
			for i := range mask {
				gw[i] += (p - y) * (x[i] - mean[i]) / sd[i] / n
			}
			gb += (p - y) / n
		}
		for i := range w {
			w[i] -= mask[i] * 0.5 / (1 + lambda) * (gw[i] + lambda*w[i])
		}
		b -= 0.5 * gb
	}
	m := logistic{w: make([]float64, k), b: b}
	for i := range w {
		m.w[i] = w[i] / sd[i]
		m.b -= w[i] * mean[i] / sd[i]
	}
	return m
}

// flipRow is a border row as a switch: flipping it (choice → none, or
// none → choice) gains +1 when gain is set, loses 1 when lose is set.
type flipRow struct {
	x          []float64
	gain, lose bool
}

func flipGain(m logistic, rows []flipRow) (g, n int) {
	for _, r := range rows {
		if !m.helps(r.x) {
			continue
		}
		n++
		if r.gain {
			g++
		}
		if r.lose {
			g--
		}
	}
	return
}

func flipThreshold(m logistic, rows []flipRow) logistic {
	best, bestG := 2.0, 0
	for t := 0.99; t >= 0.05; t -= 0.01 {
		m.threshold = t
		if g, _ := flipGain(m, rows); g > bestG {
			best, bestG = t, g
		}
	}
	m.threshold = math.Round(best*100) / 100
	return m
}

func flipFit(rows []flipRow, lambda float64, mask []float64) logistic {
	xs := make([][]float64, len(rows))
	ys := make([]bool, len(rows))
	for i, r := range rows {
		xs[i], ys[i] = r.x, r.gain
	}
	return flipThreshold(fitLogistic(xs, ys, lambda, mask, 3000), rows)
}

// TestScopeFit fits, on part A, a switch at the scope border — a choice
// decideSearch made turned into the honest no ("drop"), or a "no guide"
// after hits turned into a choice ("lift") — over the rescue's figures
// and the scope evidence, and checks it on part B (development aid;
// LOTSE_TUNE=1).
func TestScopeFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := scopeRows(t)
	// LOTSE_SCOPE_PLAIN: lift only messages without an off-topic signal
	// or a date question (the exits that name a reason of their own).
	plain := os.Getenv("LOTSE_SCOPE_PLAIN") != ""
	// LOTSE_SCOPE_WEAK: lift only the rescue's rows (the weak gate, no
	// off-topic signal, no date, no lean on one common word).
	weakOnly := os.Getenv("LOTSE_SCOPE_WEAK") != ""
	// LOTSE_SCOPE_DROPCLOSE=close|confident: drop only the choices of a
	// close (not confident) search, or only those of a confident one.
	dropClose := os.Getenv("LOTSE_SCOPE_DROPCLOSE")
	dirs := []string{"drop", "lift"}
	if v := os.Getenv("LOTSE_SCOPE_DIR"); v != "" {
		dirs = []string{v}
	}
	for _, dir := range dirs {
		var a, b []flipRow
		for _, r := range rows {
			var fr flipRow
			switch {
			case dir == "drop" && r.outcome == Choose && dropClose != "" && r.res.Close != (dropClose == "close"):
				continue
			case dir == "drop" && r.outcome == Choose:
				fr = flipRow{gain: r.noneRight, lose: r.y}
			case dir == "lift" && r.outcome == None && plain && (len(r.res.OffTopic) > 0 || r.date):
				continue
			case dir == "lift" && r.outcome == None && weakOnly && !r.weak:
				continue
			case dir == "lift" && r.outcome == None:
				fr = flipRow{gain: r.y, lose: r.noneRight}
			default:
				continue
			}
			if !fr.gain && !fr.lose {
				continue
			}
			fr.x = scopeFeaturesOf(r.res, r.nWords)
			if r.partB {
				b = append(b, fr)
			} else {
				a = append(a, fr)
			}
		}
		cnt := func(rs []flipRow) (n, g int) {
			for _, r := range rs {
				n++
				if r.gain {
					g++
				}
			}
			return
		}
		na, ga := cnt(a)
		nb, gb := cnt(b)
		fmt.Printf("%s rows: A %d (%d would gain), B %d (%d)\n", dir, na, ga, nb, gb)
		// The longest message of A's rows: the fitted range of "words"
		// (the seventh pass's lift capped its figure there; since the
		// ninth pass TestRefitWeak checks weakMaxWords the same way).
		maxWords := 0.0
		for _, r := range a {
			maxWords = max(maxWords, math.Round(math.Expm1(r.x[wordsFeature])))
		}
		fmt.Printf("%s rows: longest message of A %.0f words\n", dir, maxWords)
		masks := map[string][]float64{
			"nine + unc":             {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0},
			"nine + unk":             {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0},
			"nine + off":             {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0},
			"score ow words":         {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0},
			"score ow words unc":     {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0},
			"all":                    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			"score ow words unc off": {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0},
			"rescue nine":            {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0},
			"scope only":             {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1},
			"score strong + scope":   {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1},
			"score strong unc":       {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0},
			"score strong unk":       {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0},
			"score strong ow + unc":  {1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
			"strong ow unc rar":      {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1},
		}
		names := make([]string, 0, len(masks))
		for k := range masks {
			names = append(names, k)
		}
		sort.Strings(names)
		if v := os.Getenv("LOTSE_SCOPE_MASKS"); v != "" {
			names = strings.Split(v, ",")
		}
		for _, name := range names {
			mask := masks[name]
			for _, lambda := range []float64{0.1, 1} {
				loo := 0
				for i := range a {
					rest := append(append([]flipRow(nil), a[:i]...), a[i+1:]...)
					g, _ := flipGain(flipFit(rest, lambda, mask), a[i:i+1])
					loo += g
				}
				m := flipFit(a, lambda, mask)
				fa, na := flipGain(m, a)
				cb, nb := flipGain(m, b)
				mb := flipFit(b, lambda, mask)
				fb, nfb := flipGain(mb, b)
				ca, nca := flipGain(mb, a)
				fmt.Printf("%s %-22s λ %.1f LOO A %+d; fit A %+d (%d), check B %+d (%d); fit B %+d (%d), check A %+d (%d) | b %.3f w %.3f t %.2f\n",
					dir, name, lambda, loo, fa, na, cb, nb, fb, nfb, ca, nca, m.b, m.w, m.threshold)
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestScopeAnswers prints part A's answers with the scope evidence
// (development aid; LOTSE_TUNE=1): right and wrong answers side by side.
func TestScopeAnswers(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	nb := [2]int{}
	for _, name := range scopePoolNames {
		s := scopeSet(t, name)
		rep := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, r := range rep.Results {
			d := r.Decision
			if d.Outcome != Answer {
				continue
			}
			res := s.lib.SearchFor(d.Query, 5, false)
			if rescuePart(r.Question.Text) {
				nb[b2i(r.Helped)]++
				continue
			}
			h := res.Hits[0]
			fmt.Printf("%-11s right=%-5v s %.2f st %.2f ow %.2f off %d unk %.2f unc %.2f rar %.2f | %.70q\n", name, r.Helped, h.Score, h.Strong, h.OneWord,
				len(res.OffTopic), res.Unknown, res.Uncovered, res.RarestUncovered, r.Question.Text)
		}
	}
	fmt.Println("part B answers (wrong, right):", nb)
}
