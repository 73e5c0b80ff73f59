//go:build tune

package search

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// rrRow is one guide question of the tune pool with the first candidates'
// features in the order without the re-ranking.
type rrRow struct {
	set  string
	part int // bit 0 of FNV-1a 32 of the trimmed question (rescuePart)
	want int // index of the expected guide among the candidates, -1 if not there
	x    []rerankFeat
	text string
}

// rrTopPairs restricts the pairs to those that decide the first place:
// the expected guide against the candidates before it, or, when it is
// first, against every other.
var rrTopPairs = os.Getenv("LOTSE_RR_TOP") != ""

// rrPromote: the model only chooses the first place (LOTSE_RR_PROMOTE).
var rrPromote = os.Getenv("LOTSE_RR_PROMOTE") != ""

// rrPart is the fold of a question: 0 for the tune half's hash
// (InTuneHalf), 1 for the other.
func rrPart(text string) int {
	if InTuneHalf(text) {
		return 0
	}
	return 1
}

// rrPool reads every bench and first-message TUNE set (never a held-out
// set: the globs name only *-tune*) with the features of their guide
// questions' first candidates.
func rrPool(t *testing.T) []rrRow {
	bdocs := rrLoad(t, filepath.Join(benchDir(t), "guides"))
	ldocs := rrLoad(t, filepath.Join("..", "..", "library"))
	bix, lix := Build(bdocs, Options{}), Build(ldocs, Options{})
	bsets, _ := filepath.Glob(filepath.Join("testdata", "bench-tune*-2026-12-0*.tsv"))
	fsets, _ := filepath.Glob(filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*-2026-12-0*.tsv"))
	old := rerankOff
	rerankOff = true
	defer func() { rerankOff, rerankTrace = old, nil }()
	var rows []rrRow
	run := func(ix *Index, set string, qs []Question) {
		for _, q := range qs {
			if q.Expected == OutOfScope {
				continue
			}
			var got rrRow
			got.want = -1
			rerankTrace = func(docs []int32, x []rerankFeat) {
				got.x = append([]rerankFeat(nil), x...)
				for i, d := range docs {
					if ix.docs[d].id == q.Expected {
						got.want = i
					}
				}
			}
			ix.Search(q.Text, 5)
			got.set, got.part, got.text = set, rrPart(q.Text), q.Text
			rows = append(rows, got)
		}
	}
	for _, p := range bsets {
		run(bix, "b:"+strings.TrimSuffix(filepath.Base(p), ".tsv"), readTSV(t, p))
	}
	for _, p := range fsets {
		run(lix, "f:"+strings.TrimSuffix(filepath.Base(p), ".tsv"), guideMessages(readTSV(t, p)))
	}
	return rows
}

// rrFit fits a pairwise logistic model (the expected guide against each
// other candidate; RankNet's loss, Burges et al. 2005) with an L2 penalty
// lambda on the features in use, by gradient descent.
func rrFit(t testing.TB, rows []rrRow, part int, use []int, lambda float64) rerankFeat {
	type pair struct{ d []float64 }
	var ps []pair
	for _, r := range rows {
		if (part >= 0 && r.part != part) || r.want < 0 {
			continue
		}
		for j := range r.x {
			if j == r.want || (rrTopPairs && r.want > 0 && j > r.want) {
				continue
			}
			d := make([]float64, len(use))
			for k, f := range use {
				d[k] = r.x[r.want][f] - r.x[j][f]
			}
			ps = append(ps, pair{d})
		}
	}
	w := make([]float64, len(use))
	fixed := rrFixed(t)
	for k, f := range use {
		if f == rfRank {
			w[k] = 1
		}
		if v, ok := fixed[f]; ok {
			w[k] = v
		}
	}
	n := float64(len(ps))
	g := make([]float64, len(use))
	for it := 0; it < 3000; it++ {
		for k := range g {
			g[k] = lambda * w[k]
		}
		for _, p := range ps {
			z := 0.0
			for k, v := range p.d {
				z += w[k] * v
			}
			s := 1 / (1 + math.Exp(z)) // −∂ log σ(z)/∂z
			for k, v := range p.d {
				g[k] -= s * v / n
			}
		}
		for k, f := range use {
			if _, ok := fixed[f]; !ok {
				w[k] -= 2 * g[k]
			}
		}
	}
	var out rerankFeat
	for k, f := range use {
		out[f] = w[k]
	}
	return out
}

// rrEval counts top-1 and top-3 of part's rows under model m (nil: the
// order without the re-ranking).
func rrEval(rows []rrRow, part int, set string, m *rerankFeat) (n, top1, top3 int) {
	for _, r := range rows {
		if (part >= 0 && r.part != part) || (set != "" && r.set != set) {
			continue
		}
		n++
		if r.want < 0 {
			continue
		}
		pos := r.want
		if m != nil && !rrPromote {
			sw := score(m, &r.x[r.want])
			pos = 0
			for j := range r.x {
				if j == r.want {
					continue
				}
				if sj := score(m, &r.x[j]); sj > sw || sj == sw && j < r.want {
					pos++
				}
			}
		} else if m != nil {
			// Only the first place is the model's; the others keep
			// their order.
			b := 0
			for j := range r.x {
				if score(m, &r.x[j]) > score(m, &r.x[b]) {
					b = j
				}
			}
			switch {
			case b == r.want:
				pos = 0
			case b > r.want:
				pos = r.want + 1
			}
		}
		if pos == 0 {
			top1++
		}
		if pos < 3 {
			top3++
		}
	}
	return
}

func score(m, x *rerankFeat) float64 {
	s := 0.0
	for i := range m {
		s += m[i] * x[i]
	}
	return s
}

// TestRerankFit is the fitting aid of the learned re-ranking
// (LOTSE_TUNE=1; LOTSE_RR_LAMBDA, LOTSE_RR_USE=comma list of feature
// names, else a forward selection that keeps a feature only when it
// raises the other fold's top-1 in both folds).
func TestRerankFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := rrPool(t)
	lambda := 0.001
	if v, err := strconv.ParseFloat(os.Getenv("LOTSE_RR_LAMBDA"), 64); err == nil {
		lambda = v
	}
	in := map[int]int{}
	for _, r := range rows {
		if r.want >= 0 {
			in[r.want]++
		}
	}
	fmt.Printf("rows %d, expected at place 1..5: %v\n", len(rows), in)
	fold := func(use []int) (gain [2]int, g3 [2]int, ms [2]rerankFeat) {
		for p := 0; p < 2; p++ {
			m := rrFit(t, rows, p, use, lambda)
			_, b1, b3 := rrEval(rows, 1-p, "", nil)
			_, m1, m3 := rrEval(rows, 1-p, "", &m)
			gain[1-p], g3[1-p], ms[p] = m1-b1, m3-b3, m
		}
		return
	}
	names := func(use []int) string {
		var s []string
		for _, f := range use {
			s = append(s, rerankNames[f])
		}
		return strings.Join(s, ",")
	}
	var use []int
	if v := os.Getenv("LOTSE_RR_USE"); v != "" {
		use = rrFeaturesNamed(t, "LOTSE_RR_USE", v)
	} else {
		use = []int{rfRank}
		if v := os.Getenv("LOTSE_RR_BASE"); v != "" {
			use = rrFeaturesNamed(t, "LOTSE_RR_BASE", v)
		}
		cur, _, _ := fold(use)
		fmt.Printf("base %s: %v\n", names(use), cur)
		for {
			best, bestF := cur, -1
			for f := 0; f < nRerank; f++ {
				if containsInt(use, f) {
					continue
				}
				g, g3, _ := fold(append(append([]int(nil), use...), f))
				fmt.Printf("  + %-10s top-1 A %+d B %+d, top-3 A %+d B %+d\n", rerankNames[f], g[0], g[1], g3[0], g3[1])
				if g[0] > cur[0] && g[1] > cur[1] && g3[0] >= 0 && g3[1] >= 0 && g[0]+g[1] > best[0]+best[1] {
					best, bestF = g, f
				}
			}
			if bestF < 0 {
				break
			}
			use, cur = append(use, bestF), best
			fmt.Printf("kept %s: %v\n", names(use), cur)
		}
	}
	g, g3, ms := fold(use)
	fmt.Printf("MODEL %s λ %g: held-out top-1 gain A %+d B %+d, top-3 A %+d B %+d\n", names(use), lambda, g[0], g[1], g3[0], g3[1])
	for p := 0; p < 2; p++ {
		fmt.Printf("  fitted on %c:", 'A'+p)
		for _, f := range use {
			fmt.Printf(" %s %.3f", rerankNames[f], ms[p][f])
		}
		fmt.Println()
	}
	whole := rrFit(t, rows, -1, use, lambda)
	fmt.Printf("  fitted on the pool:")
	for _, f := range use {
		fmt.Printf(" %s %.3f", rerankNames[f], whole[f])
	}
	fmt.Println()
	// The first places the held-out model changes, by kind.
	for p := 0; p < 2; p++ {
		m := ms[1-p]
		var fixed, broke, other int
		for _, r := range rows {
			if r.part != p || len(r.x) < 2 {
				continue
			}
			b := 0
			for j := range r.x {
				if score(&m, &r.x[j]) > score(&m, &r.x[b]) {
					b = j
				}
			}
			switch {
			case b == 0:
			case b == r.want:
				fixed++
			case r.want == 0:
				broke++
				if os.Getenv("LOTSE_RR_SHOW") != "" && p == 0 {
					fmt.Printf("    broke %s %q\n", r.set, r.text)
				}
			default:
				other++
			}
		}
		fmt.Printf("part %c: first changed %d (right now %d, wrong now %d, wrong to wrong %d)\n", 'A'+p, fixed+broke+other, fixed, broke, other)
	}
	sets := map[string]bool{}
	for _, r := range rows {
		sets[r.set] = true
	}
	var ss []string
	for s := range sets {
		ss = append(ss, s)
	}
	sort.Strings(ss)
	for _, s := range ss {
		for p := 0; p < 2; p++ {
			m := ms[1-p] // fitted on the other part
			n, b1, b3 := rrEval(rows, p, s, nil)
			_, m1, m3 := rrEval(rows, p, s, &m)
			fmt.Printf("%-40s %c: n %3d top-1 %3d → %3d, top-3 %3d → %3d\n", s, 'A'+p, n, b1, m1, b3, m3)
		}
	}
}

// rrFixed reads LOTSE_RR_FIX (name=weight,…): features whose weights the
// fit keeps as given (the shipped model's), so that only the others are
// fitted (fifteenth pass). A misspelt name or value stops the test: a
// weight silently not held would make the fit a different experiment.
func rrFixed(t testing.TB) map[int]float64 {
	t.Helper()
	m := map[int]float64{}
	env := os.Getenv("LOTSE_RR_FIX")
	if env == "" {
		return m
	}
	for _, kv := range strings.Split(env, ",") {
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("LOTSE_RR_FIX: %q is not name=weight", kv)
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatalf("LOTSE_RR_FIX: weight of %q: %v", name, err)
		}
		f := rrFeatureNamed(name)
		if f < 0 {
			t.Fatalf("LOTSE_RR_FIX: no feature named %q", name)
		}
		m[f] = v
	}
	return m
}

// rrFeaturesNamed reads the comma-separated feature names list of the
// environment variable env; a misspelt name stops the test, as in rrFixed.
func rrFeaturesNamed(t testing.TB, env, list string) []int {
	t.Helper()
	var use []int
	for _, n := range strings.Split(list, ",") {
		f := rrFeatureNamed(n)
		if f < 0 {
			t.Fatalf("%s: no feature named %q", env, n)
		}
		use = append(use, f)
	}
	return use
}

// rrFeatureNamed returns the index of the re-ranking feature named name
// (rerankNames), −1 when there is none.
func rrFeatureNamed(name string) int {
	for f, nm := range rerankNames {
		if nm == name {
			return f
		}
	}
	return -1
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// rerankNames name the features (the fitting aid).
var rerankNames = [nRerank]string{"rank", "score", "cov", "strong", "solidStr", "distinct", "phr", "topicless", "oneWord", "title", "tags", "summary", "headings", "bodyOnly", "rarest", "topicLen", "pos", "first", "strongN", "tagsN", "covN", "titleN", "sec", "secCov", "focus", "line", "asked", "oneDF", "solid", "aspect", "titleRest", "titleRestN"}
