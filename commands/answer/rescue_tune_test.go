package answer

import (
	"fmt"
	"hash/fnv"
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

// rescuePart is the pool split of the fifth pass: bit 0 of the FNV-1a
// 32 hash of the question text (part A false, part B true).
func rescuePart(text string) bool {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(text)))
	return h.Sum32()&1 == 1
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
