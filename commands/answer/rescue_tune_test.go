//go:build tune

// Development aids for the weak-evidence exit (each does nothing unless
// LOTSE_TUNE is set, or LOTSE_RESCUE_PROBE for the probe; none reads a
// held-out set): the rescue's logistic model refitted on part A of the
// fifth pass's tuning pool and checked on part B, the rescue's figures
// for probe messages, and the weak exit refitted as one model. Also the
// pool rescuePool that the exits' aids use. Built only with the tag "tune"
// (go test -tags goolm,tune …), as the other *_tune_test.go files.

package answer

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// rescueRow is one TUNING pool message the weak gate turned into "no
// guide" (Decision.weak set): its features, whether a choice of its best
// guides would have helped (y), and whether the honest no helped (a
// message expecting none).
type rescueRow struct {
	set, text, expected string
	partB               bool
	x                   rescueFeatures
	y, noneHelped       bool
}

// rescueFeatureNames name the features (for the fitting aid's output; here,
// not in rescue.go, because only the tune-tagged aids print them).
var rescueFeatureNames = [nRescueFeatures]string{
	"score", "lead", "strong", "strong lead", "one word", "one word df", "topic agrees", "close", "words",
}

// rescuePool is the tuning pool of the fifth pass: the bench and first
// message sets tune, tune2 and tune3 (never a held-out set).
func rescuePool(tb testing.TB) []poolSet {
	tb.Helper()
	return poolOf(tb, "tune", "tune2", "tune3")
}

// rescueRows decides the pool without the rescue and returns the rows of
// the weak gate.
func rescueRows(sets []poolSet) []rescueRow {
	old := rescue
	defer func() { rescue = old }()
	rescue.threshold = 2
	var rows []rescueRow
	for _, s := range sets {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			d := res.Decision
			if d.Outcome != None || d.weak == nil {
				continue
			}
			c := choice(d, d.weak.hits, &German)
			rows = append(rows, rescueRow{set: s.name, text: res.Question.Text, expected: res.Question.Expected,
				partB: rescuePart(res.Question.Text), x: d.weak.x, y: Helped(c, res.Question.Expected), noneHelped: res.Helped})
		}
	}
	return rows
}

// fitRescue fits the logistic regression on rows by batch gradient
// descent on standardised features with an L2 penalty lambda (not on the
// intercept), and returns it in the raw features' units. Hand-written:
// nine features and 45 rows need no library, and none of the
// kept libraries (go.mau.fi/util, gonum is not one) offers it.
func fitRescue(rows []rescueRow, lambda float64) logistic {
	return fitRescueMask(rows, lambda, allFeatures)
}

// allFeatures uses every feature; fitRescueMask fits only the features
// whose mask entry is 1 (the others keep weight 0).
var allFeatures = rescueFeatures{1, 1, 1, 1, 1, 1, 1, 1, 1}

func fitRescueMask(rows []rescueRow, lambda float64, mask rescueFeatures) logistic {
	xs := make([][]float64, len(rows))
	ys := make([]bool, len(rows))
	for i := range rows {
		xs[i], ys[i] = rows[i].x[:], rows[i].y
	}
	return fitLogistic(xs, ys, lambda, mask[:], 4000)
}

// rescueGain is the change in helped messages when the rows with
// p ≥ threshold get a choice: +1 where the choice holds the expected
// guide, −1 where the honest no was right (flipGain).
func rescueGain(m logistic, rows []rescueRow) (gain, rescued int) {
	return flipGain(m, flipRows(rows))
}

// pickThreshold picks the threshold with the most gain on rows (ties: the
// higher threshold, the higher precision; flipThreshold).
func pickThreshold(m logistic, rows []rescueRow) logistic {
	return flipThreshold(m, flipRows(rows))
}

// flipRows are rows as switches: a choice gains where it holds the
// expected guide and loses where the honest no was right.
func flipRows(rows []rescueRow) []flipRow {
	out := make([]flipRow, len(rows))
	for i := range rows {
		out[i] = flipRow{x: rows[i].x[:], gain: rows[i].y, lose: rows[i].noneHelped}
	}
	return out
}

// rescueCross is one two-way check of a rescue fit: leave-one-out on A,
// fit on A checked on B, and fit on B checked on A.
type rescueCross struct {
	loo              int
	fitA, rescuedA   int // gain and rescues of the A fit on A
	checkB, rescuedB int // ... of the A fit on B
	fitB, rescuedFB  int // gain and rescues of the B fit on B
	checkA, rescuedC int // ... of the B fit on A
	m                logistic
}

// crossRescue fits the rescue with lambda and mask on a and on b and checks
// each fit on the other part.
func crossRescue(a, b []rescueRow, lambda float64, mask rescueFeatures) rescueCross {
	var c rescueCross
	for i := range a {
		rest := append(append([]rescueRow(nil), a[:i]...), a[i+1:]...)
		g, _ := rescueGain(pickThreshold(fitRescueMask(rest, lambda, mask), rest), a[i:i+1])
		c.loo += g
	}
	c.m = pickThreshold(fitRescueMask(a, lambda, mask), a)
	c.fitA, c.rescuedA = rescueGain(c.m, a)
	c.checkB, c.rescuedB = rescueGain(c.m, b)
	mb := pickThreshold(fitRescueMask(b, lambda, mask), b)
	c.fitB, c.rescuedFB = rescueGain(mb, b)
	c.checkA, c.rescuedC = rescueGain(mb, a)
	return c
}

func partRows(rows []rescueRow, b bool) []rescueRow {
	var out []rescueRow
	for _, r := range rows {
		if r.partB == b {
			out = append(out, r)
		}
	}
	return out
}

// TestRescueFit refits the rescue on the TUNING pool only (development
// aid; set LOTSE_TUNE=1): fit and threshold on part A, check on part B,
// and the cross-check fit on B, check on A; then the embedded model's
// gain per set and part. The rows of part A are printed with the model's
// probability (LOTSE_TUNE_ROWS=1); part B's never.
func TestRescueFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := rescueRows(rescuePool(t))
	a, b := partRows(rows, false), partRows(rows, true)
	count := func(rs []rescueRow) (pos, none int) {
		for _, r := range rs {
			if r.y {
				pos++
			}
			if r.noneHelped {
				none++
			}
		}
		return
	}
	pa, na := count(a)
	pb, nb := count(b)
	fmt.Printf("weak-gate rows: A %d (choice would help %d, honest no right %d), B %d (%d, %d)\n", len(a), pa, na, len(b), pb, nb)
	show := func(m logistic) string {
		var s []string
		for i, n := range rescueFeatureNames {
			s = append(s, fmt.Sprintf("%s %.3f", n, m.w[i]))
		}
		return fmt.Sprintf("b %.3f, %s, threshold %.2f", m.b, strings.Join(s, ", "), m.threshold)
	}
	// The penalty by leave-one-out on part A alone: each row's gain under
	// the model (and threshold) fitted on the other rows of A.
	for _, lambda := range []float64{0.01, 0.1, 0.3, 1, 3, 10} {
		loo := 0
		for i := range a {
			rest := append(append([]rescueRow(nil), a[:i]...), a[i+1:]...)
			g, _ := rescueGain(pickThreshold(fitRescue(rest, lambda), rest), a[i:i+1])
			loo += g
		}
		fmt.Printf("lambda %.2f: leave-one-out gain on A %+d\n", lambda, loo)
	}
	for _, lambda := range []float64{0.01, 0.1, 0.3, 1, 3, 10} {
		for _, dir := range []struct {
			name       string
			fit, check []rescueRow
		}{{"fit A, check B", a, b}, {"fit B, check A", b, a}} {
			m := pickThreshold(fitRescue(dir.fit, lambda), dir.fit)
			gf, rf := rescueGain(m, dir.fit)
			gc, rc := rescueGain(m, dir.check)
			fmt.Printf("lambda %.2f %s: fit gain %+d (%d rescued), check gain %+d (%d rescued) | %s\n", lambda, dir.name, gf, rf, gc, rc, show(m))
		}
	}
	// Smaller feature sets (the same fit and checks).
	for _, mk := range []struct {
		name string
		mask rescueFeatures
	}{
		{"no words", rescueFeatures{1, 1, 1, 1, 1, 1, 1, 1, 0}},
		{"score strong lead", rescueFeatures{1, 1, 1, 1, 0, 0, 0, 0, 0}},
		{"strong only", rescueFeatures{0, 0, 1, 1, 0, 0, 0, 0, 0}},
		{"strong one word", rescueFeatures{0, 0, 1, 1, 1, 1, 0, 0, 0}},
	} {
		c := crossRescue(a, b, rescueLambda, mk.mask)
		fmt.Printf("features %-18s LOO A %+d; fit A %+d (%d), check B %+d (%d); fit B %+d, check A %+d | %s\n", mk.name, c.loo, c.fitA, c.rescuedA, c.checkB, c.rescuedB, c.fitB, c.checkA, show(c.m))
	}
	fmt.Printf("embedded: %s\n", show(rescue))
	m := pickThreshold(fitRescueMask(a, rescueLambda, rescueMask), a)
	fmt.Printf("refit on A with lambda %.2f, mask %v (to embed): b %.4f, w %.4f, threshold %.2f\n", rescueLambda, rescueMask, m.b, m.w, m.threshold)
	gains := map[string][2][2]int{}
	var names []string
	for _, r := range rows {
		if _, ok := gains[r.set]; !ok {
			names = append(names, r.set)
		}
		v := gains[r.set]
		p := 0
		if r.partB {
			p = 1
		}
		if rescue.helps(r.x[:]) {
			v[p][1]++
			if r.y {
				v[p][0]++
			}
			if r.noneHelped {
				v[p][0]--
			}
		}
		gains[r.set] = v
	}
	sort.Strings(names)
	for _, n := range names {
		v := gains[n]
		fmt.Printf("embedded %-22s A gain %+d (%d rescued), B gain %+d (%d rescued)\n", n, v[0][0], v[0][1], v[1][0], v[1][1])
	}
	// Before (rescue off) and after (as embedded), by Evaluate, per set
	// and part.
	sets := rescuePool(t)
	table := func() map[string]string {
		out := map[string]string{}
		for _, s := range sets {
			for _, b := range []bool{false, true} {
				var qs []search.Question
				for _, q := range s.qs {
					if rescuePart(q.Text) == b {
						qs = append(qs, q)
					}
				}
				r := Evaluate(s.lib, qs, Options{Cases: true})
				part := map[bool]string{false: "A", true: "B"}[b]
				out[s.name+" "+part] = fmt.Sprintf("%d/%d cw %d", r.Total.Helped, r.Total.Messages, r.Total.ConfidentWrong)
			}
		}
		return out
	}
	after := table()
	old := rescue
	rescue.threshold = 2
	before := table()
	rescue = old
	for _, s := range sets {
		for _, p := range []string{"A", "B"} {
			k := s.name + " " + p
			fmt.Printf("evaluate %-26s before %-14s after %s\n", k, before[k], after[k])
		}
	}
	if os.Getenv("LOTSE_TUNE_ROWS") != "" {
		m := pickThreshold(fitRescueMask(a, rescueLambda, rescueMask), a)
		sort.Slice(a, func(i, j int) bool { return m.p(a[i].x[:]) > m.p(a[j].x[:]) })
		for _, r := range a {
			fmt.Printf("A p %.2f y %-5v none %-5v %-20s %q %s %v\n", m.p(r.x[:]), r.y, r.noneHelped, r.set, r.text, r.expected, r.x)
		}
	}
}

// rescueLambda is the L2 penalty of the embedded model: the smallest
// with the best leave-one-out gain on part A (TestRescueFit, all
// features). rescueMask are its features: of the sets TestRescueFit
// compares, the one with the best leave-one-out gain on part A (the first
// guide's firm topic share and its lead over the runner-up's: +5, against
// +3 and +4 for the larger sets).
const rescueLambda = 1.0

var rescueMask = rescueFeatures{0, 0, 1, 1, 0, 0, 0, 0, 0}

// TestRescueProbe prints the rescue's figures for the messages of
// LOTSE_RESCUE_PROBE (one per line) against the library LOTSE_RESCUE_DIR
// (default: the shipped one) (development aid).
func TestRescueProbe(t *testing.T) {
	path := os.Getenv("LOTSE_RESCUE_PROBE")
	if path == "" {
		t.Skip("set LOTSE_RESCUE_PROBE")
	}
	var lib Library = loadLibrary(t)
	if dir := os.Getenv("LOTSE_RESCUE_DIR"); dir != "" {
		l, _, err := guides.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		lib = l
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		d := Decide(msg, lib, Options{Cases: true})
		p := -1.0
		var x rescueFeatures
		if d.weak != nil {
			x = d.weak.x
			p = rescue.p(x[:])
		}
		fmt.Printf("%-8s rescued %-5v p %.2f %v %q %v\n", d.Outcome, d.Rescued, p, x, msg, d.Guides())
	}
}

// weakRow is a message of the pool the weak gate keeps as "no guide"
// with the rescue and the lift both off: the lift's ten figures (words
// uncapped), whether a choice would help (gain) and whether the honest no
// was right (lose).
type weakRow struct {
	set, text string
	partB     bool
	x         []float64
	gain      bool
	lose      bool
}

func weakRows(sets []poolSet) []weakRow {
	old := rescue
	defer func() { rescue = old }()
	rescue.threshold = 2
	var rows []weakRow
	for _, s := range sets {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			d := res.Decision
			if d.Outcome != None || d.weak == nil {
				continue
			}
			x := append(append([]float64(nil), d.weak.x[:]...), d.weak.uncovered)
			c := choice(d, d.weak.hits, &German)
			rows = append(rows, weakRow{set: s.name, text: res.Question.Text, partB: rescuePart(res.Question.Text), x: x,
				gain: Helped(c, res.Question.Expected), lose: res.Helped})
		}
	}
	return rows
}

// capWords caps the words figure of rows at maxWords words.
func capWords(rows []flipRow, maxWords float64) []flipRow {
	out := make([]flipRow, len(rows))
	for i, r := range rows {
		x := append([]float64(nil), r.x...)
		x[wordsFeature] = min(x[wordsFeature], math.Log1p(maxWords))
		out[i] = flipRow{x: x, gain: r.gain, lose: r.lose}
	}
	return out
}

// The eighth pass's chain of two models, for comparison: the rescue
// (fifth pass) and then the lift (seventh pass, words capped at 16).
var (
	rescue8 = logistic{w: []float64{0, 0, 2.0883, 0.1506, 0, 0, 0, 0, 0}, b: -0.7421, threshold: 0.36}
	lift8   = logistic{w: []float64{3.142, -0.036, 10.259, 0.915, -1.940, -8.302, -0.738, 0, 2.880, -4.064}, b: -4.822, threshold: 0.54}
)

// weakCurrent is the eighth pass's chain's verdict on a row (before is
// true) or the embedded model's (words capped at weakMaxWords).
func weakCurrent(x []float64, before bool) bool {
	y := append([]float64(nil), x...)
	if !before {
		y[wordsFeature] = min(y[wordsFeature], math.Log1p(weakMaxWords))
		return rescue.helps(y)
	}
	if rescue8.helps(x[:nRescueFeatures]) {
		return true
	}
	y[wordsFeature] = min(y[wordsFeature], math.Log1p(16))
	return lift8.helps(y)
}

// TestRefitWeak refits the weak-evidence exit on the whole pool's part A
// as one model (the rescue's and the lift's rows together), feature sets
// and penalty by leave-one-out on A, and checks on B (development aid;
// LOTSE_TUNE=1).
func TestRefitWeak(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := weakRows(refitSets(t))
	var a, b []flipRow
	var aFM, bFM []bool // the row is a first message (not bench)
	maxWords := 0.0
	cur := [2][3]int{} // gain, choices, rows per part
	curFM := [2]int{}  // gain of first messages per part
	perSet := map[string][2][2]int{}
	for _, r := range rows {
		fr := flipRow{x: r.x, gain: r.gain, lose: r.lose}
		p := b2i(r.partB)
		cur[p][2]++
		if weakCurrent(r.x, os.Getenv("LOTSE_REFIT_EMBEDDED") == "") {
			cur[p][1]++
			g := b2i(r.gain) - b2i(r.lose)
			cur[p][0] += g
			if strings.HasPrefix(r.set, "fm") {
				curFM[p] += g
			}
			v := perSet[r.set]
			v[p][0] += g
			v[p][1]++
			perSet[r.set] = v
		}
		if !r.gain && !r.lose {
			continue
		}
		fm := strings.HasPrefix(r.set, "fm")
		if r.partB {
			b = append(b, fr)
			bFM = append(bFM, fm)
		} else {
			a = append(a, fr)
			aFM = append(aFM, fm)
			maxWords = max(maxWords, math.Round(math.Expm1(r.x[wordsFeature])))
		}
	}
	ga, gb := 0, 0
	for _, r := range a {
		ga += b2i(r.gain)
	}
	for _, r := range b {
		gb += b2i(r.gain)
	}
	fmt.Printf("weak rows: A %d (%d would gain), B %d (%d); all rows A %d B %d; longest message of A %.0f words\n", len(a), ga, len(b), gb, cur[0][2], cur[1][2], maxWords)
	if maxWords != weakMaxWords {
		// The cap is the fit's longest message (weakMaxWords): a pool or a
		// filter that moves it moves the cap with it.
		t.Errorf("longest message of A %.0f words, weakMaxWords %d: want them equal", maxWords, weakMaxWords)
	}
	fmt.Printf("eighth pass's chain (rescue, lift; LOTSE_REFIT_EMBEDDED=1: the embedded model): A %+d (%d choices), B %+d (%d choices); first messages A %+d, B %+d\n", cur[0][0], cur[0][1], cur[1][0], cur[1][1], curFM[0], curFM[1])
	var names []string
	for k := range perSet {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		v := perSet[n]
		fmt.Printf("before %-12s A %+d (%d) B %+d (%d)\n", n, v[0][0], v[0][1], v[1][0], v[1][1])
	}
	a, b = capWords(a, maxWords), capWords(b, maxWords)
	masks := map[string][]float64{
		"ten":                {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		"nine":               {1, 1, 1, 1, 1, 1, 1, 1, 1, 0},
		"strong only":        {0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
		"strong":             {0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
		"score strong":       {1, 0, 1, 0, 0, 0, 0, 0, 0, 0},
		"score strong unc":   {1, 0, 1, 0, 0, 0, 0, 0, 0, 1},
		"score strong words": {1, 0, 1, 0, 0, 0, 0, 0, 1, 0},
		"ssw unc":            {1, 0, 1, 0, 0, 0, 0, 0, 1, 1},
		"ssw unc df":         {1, 0, 1, 0, 0, 1, 0, 0, 1, 1},
		"ssw unc ow df":      {1, 0, 1, 0, 1, 1, 0, 0, 1, 1},
		"ssw unc ow":         {1, 0, 1, 0, 1, 0, 0, 0, 1, 1},
		"score words unc":    {1, 0, 0, 0, 0, 0, 0, 0, 1, 1},
		"strong words unc":   {0, 0, 1, 0, 0, 0, 0, 0, 1, 1},
	}
	mnames := make([]string, 0, len(masks))
	for k := range masks {
		mnames = append(mnames, k)
	}
	sort.Strings(mnames)
	if v := os.Getenv("LOTSE_REFIT_MASKS"); v != "" {
		mnames = strings.Split(v, ",")
	}
	for _, name := range mnames {
		mask, ok := masks[name]
		if !ok {
			t.Fatalf("LOTSE_REFIT_MASKS: no feature set %q", name)
		}
		for _, lambda := range []float64{0.1, 0.3, 1, 3, 10} {
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
			kinds := func(rs []flipRow, fm []bool) (f, bn int) {
				for i, r := range rs {
					if !m.helps(r.x) {
						continue
					}
					g := b2i(r.gain) - b2i(r.lose)
					if fm[i] {
						f += g
					} else {
						bn += g
					}
				}
				return
			}
			afm, abn := kinds(a, aFM)
			bfm, bbn := kinds(b, bFM)
			fmt.Printf("%-18s λ %4.1f LOO A %+3d; fit A %+3d (%2d), check B %+3d (%2d); fit B %+3d (%2d), check A %+3d (%2d) | A fm %+d bench %+d, B fm %+d bench %+d | b %.4f w %.4f t %.2f\n",
				name, lambda, loo, fa, na, cb, nb, fb, nfb, ca, nca, afm, abn, bfm, bbn, m.b, m.w, m.threshold)
		}
	}
}
