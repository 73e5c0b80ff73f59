package answer

import (
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// refitPoolNames is the ninth pass's whole tuning pool: every tune set
// of both kinds (never a held-out set).
var refitPoolNames = []string{"fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5", "fm tune6", "fm tune7",
	"bench tune", "bench tune2", "bench tune3", "bench tune4", "bench tune5", "bench tune6"}

// refit11PoolNames are the two sets the eleventh pass added to the tune
// pool (written blind for it); LOTSE_REFIT_POOL11=1 adds them to
// refitPoolNames for the refit's development aids (branch guide11: the
// refit on the grown pool, measured and dropped; docs/performance.md).
var refit11PoolNames = []string{"fm tune8", "bench tune7"}

// refitSets loads the whole pool, each set split into part A and B
// (rescuePart).
func refitSets(t *testing.T) []poolSet {
	t.Helper()
	var out []poolSet
	names := refitPoolNames
	if os.Getenv("LOTSE_REFIT_POOL11") != "" {
		names = append(slices.Clone(names), refit11PoolNames...)
	}
	for _, name := range names {
		out = append(out, scopeSet(t, name))
	}
	return out
}

// partQs are the questions of one part (b: part B).
func partQs(qs []search.Question, b bool) []search.Question {
	var out []search.Question
	for _, q := range qs {
		if rescuePart(q.Text) == b {
			out = append(out, q)
		}
	}
	return out
}

// refitTally is helped, messages and confident-wrong of one set and part;
// cwLimit is the set's confident-wrong limit (bench: 3 % of the
// answerable questions, first messages: 1 in 50 messages).
type refitTally struct{ helped, messages, cw, answerable, answers int }

// refitTable evaluates every set per part: [set][part].
func refitTable(sets []poolSet, parts ...int) [][2]refitTally {
	out := make([][2]refitTally, len(sets))
	for i, s := range sets {
		for _, p := range parts {
			rep := Evaluate(s.lib, partQs(s.qs, p == 1), Options{Cases: true})
			t := refitTally{helped: rep.Total.Helped, messages: rep.Total.Messages, cw: rep.Total.ConfidentWrong, answers: rep.Total.Outcomes[Answer]}
			if g := rep.ByExpected["guide"]; g != nil {
				t.answerable = g.Messages
			}
			out[i][p] = t
		}
	}
	return out
}

// cwOK reports whether a set's confident-wrong keeps its limit (whole set).
func cwOK(name string, t refitTally) bool {
	if strings.HasPrefix(name, "bench") {
		return float64(t.cw) <= 0.03*float64(t.answerable)
	}
	return float64(t.cw) <= float64(t.messages)/50
}

func printRefitTable(sets []poolSet, before, after [][2]refitTally) {
	var tb, ta [2]refitTally
	for i, s := range sets {
		for p := 0; p < 2; p++ {
			b, a := before[i][p], after[i][p]
			fmt.Printf("%-12s %c %3d → %3d /%3d  cw %d → %d\n", s.name, "AB"[p], b.helped, a.helped, a.messages, b.cw, a.cw)
			tb[p].helped += b.helped
			tb[p].cw += b.cw
			ta[p].helped += a.helped
			ta[p].cw += a.cw
			ta[p].messages += a.messages
		}
		whole := refitTally{helped: after[i][0].helped + after[i][1].helped, messages: after[i][0].messages + after[i][1].messages,
			cw: after[i][0].cw + after[i][1].cw, answerable: after[i][0].answerable + after[i][1].answerable}
		if !cwOK(s.name, whole) {
			fmt.Printf("%-12s   CONFIDENT-WRONG LIMIT BROKEN: %d\n", s.name, whole.cw)
		}
	}
	for p := 0; p < 2; p++ {
		fmt.Printf("pool %c %d → %d /%d  cw %d → %d\n", "AB"[p], tb[p].helped, ta[p].helped, ta[p].messages, tb[p].cw, ta[p].cw)
	}
}

// TestRefitParts prints the decision per set and part on the whole pool
// (development aid; LOTSE_TUNE=1).
func TestRefitParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := refitSets(t)
	now := refitTable(sets, 0, 1)
	printRefitTable(sets, now, now)
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

// TestRefitGate sweeps the answer gate's thresholds (calib.minLead,
// minAnswer, siblingLead) on the whole pool: helped and confident-wrong
// on part A (to choose), part B (to check), and whether every tune set
// keeps its confident-wrong limit (bench ≤ 3 % of the answerable, first
// messages ≤ 1 in 50) (development aid; LOTSE_TUNE=1).
func TestRefitGate(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := refitSets(t)
	old := calib
	defer func() { calib = old }()
	var base []int // confident-wrong per set as embedded
	run := func(label string) {
		tab := refitTable(sets, 0, 1)
		var tot [2]refitTally
		broken, rises := []string{}, []string{}
		for i, s := range sets {
			if base == nil || len(base) < len(sets) {
				base = append(base, tab[i][0].cw+tab[i][1].cw)
			}
			if c := tab[i][0].cw + tab[i][1].cw; c > base[i] {
				rises = append(rises, s.name)
			}
			whole := refitTally{}
			for p := 0; p < 2; p++ {
				tot[p].helped += tab[i][p].helped
				tot[p].cw += tab[i][p].cw
				tot[p].answers += tab[i][p].answers
				whole.helped += tab[i][p].helped
				whole.messages += tab[i][p].messages
				whole.cw += tab[i][p].cw
				whole.answerable += tab[i][p].answerable
			}
			if !cwOK(s.name, whole) {
				broken = append(broken, s.name)
			}
		}
		fmt.Printf("%s: A %d cw %d answers %d | B %d cw %d answers %d | limits broken %v, confident-wrong rises on %v\n", label, tot[0].helped, tot[0].cw, tot[0].answers, tot[1].helped, tot[1].cw, tot[1].answers, broken, rises)
	}
	run(fmt.Sprintf("embedded minLead %.2f minAnswer %.3f siblingLead %.2f", old.minLead, old.minAnswer, old.siblingLead))
	for lead := 0.20; lead <= 0.405; lead += 0.02 {
		for ans := 0.40; ans <= 0.751; ans += 0.025 {
			calib = old
			calib.minLead, calib.minAnswer = lead, ans
			run(fmt.Sprintf("minLead %.2f minAnswer %.3f", lead, ans))
		}
	}
	for sib := 0.28; sib <= 0.50; sib += 0.02 {
		calib = old
		calib.siblingLead = sib
		run(fmt.Sprintf("siblingLead %.2f", sib))
	}
}
