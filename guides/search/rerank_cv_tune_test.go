//go:build tune

package search

import (
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The thirtieth pass's fitting aid (docs/passes/30.md (branch `eng30a`)): the
// learned re-ranking fitted on part A of the tune pool only (the tune
// half of InTuneHalf), with a cross-validation inside part A to choose
// the features and the L2 strength. Part B and the held-out sets are
// never read here. Run with
//
//	LOTSE_TUNE=1 LOTSE_RR_ASBOT=1 go test -tags goolm,tune -run TestRerankCV -v ./guides/search/
//
// LOTSE_RR_FOLDS (default 5) sets the folds, LOTSE_RR_USE a fixed feature
// list (else a forward selection from the shipped six), LOTSE_RR_LAMBDAS
// the strengths tried (comma list).

// cvFold is the fold of a part-A question: bits 1… of the same FNV-1a 32
// whose bit 0 chose part A.
func cvFold(text string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(text)))
	return int((h.Sum32() >> 1) % uint32(k))
}

// cvScore is the held-out figure of a model: top-1 and top-3 of the rows
// when the model only chooses the first place (as the bot's rerank does),
// the others keeping their order.
func cvScore(rows []rrRow, m *rerankFeat) (n, top1, top3 int) {
	for _, r := range rows {
		n++
		if r.want < 0 {
			continue
		}
		pos := r.want
		if m != nil && len(r.x) > 1 {
			b, best := 0, score(m, &r.x[0])
			for j := 1; j < len(r.x); j++ {
				if s := score(m, &r.x[j]); s > best {
					b, best = j, s
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

// cvResult is a model's held-out figures per fold.
type cvResult struct {
	top1, top3 []int
	t1, t3     int
	bench1     int // top-1 of the bench rows (the rest: first messages)
}

func (c cvResult) String() string {
	return fmt.Sprintf("top-1 %d (bench %d) top-3 %d (folds top-1 %v top-3 %v)", c.t1, c.bench1, c.t3, c.top1, c.top3)
}

// cvRun fits use with lambda on all folds but one and counts the one,
// for each fold (fixed: the shipped weights, not fitted).
func cvRun(t testing.TB, folds [][]rrRow, use []int, lambda float64, fixed *rerankFeat) cvResult {
	var res cvResult
	for p := range folds {
		m := fixed
		if m == nil {
			var train []rrRow
			for q, f := range folds {
				if q != p {
					train = append(train, f...)
				}
			}
			w := rrFit(t, train, -1, use, lambda)
			m = &w
		}
		_, a, b := cvScore(folds[p], m)
		var bench []rrRow
		for _, r := range folds[p] {
			if strings.HasPrefix(r.set, "b:") {
				bench = append(bench, r)
			}
		}
		_, b1, _ := cvScore(bench, m)
		res.bench1 += b1
		res.top1, res.top3 = append(res.top1, a), append(res.top3, b)
		res.t1 += a
		res.t3 += b
	}
	return res
}

func TestRerankCV(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	k := 5
	if v, err := strconv.Atoi(os.Getenv("LOTSE_RR_FOLDS")); err == nil && v > 1 {
		k = v
	}
	lambdas := []float64{0.0003, 0.001, 0.003, 0.01}
	if v := os.Getenv("LOTSE_RR_LAMBDAS"); v != "" {
		lambdas = nil
		for _, s := range strings.Split(v, ",") {
			l, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("LOTSE_RR_LAMBDAS: %v", err)
			}
			lambdas = append(lambdas, l)
		}
	}
	folds := make([][]rrRow, k)
	nA := 0
	for _, r := range rrPool(t) {
		if r.part != 0 { // part B: never read
			continue
		}
		nA++
		folds[cvFold(r.text, k)] = append(folds[cvFold(r.text, k)], r)
	}
	var sizes []int
	for _, f := range folds {
		sizes = append(sizes, len(f))
	}
	fmt.Printf("part A: %d guide questions, folds %v\n", nA, sizes)
	none := cvRun(t, folds, nil, 0, &rerankFeat{rfRank: 1})
	fmt.Printf("no re-ranking:     %v\n", none)
	// The former six weights (fitted on the whole tune pool, part A among
	// it) and the bot's eight (fitted on the whole of part A: in-sample
	// here, for reference only).
	former := rerankModelSix
	fmt.Printf("former six weights: %v\n", cvRun(t, folds, nil, 0, &former))
	shipped := rerankModel
	fmt.Printf("bot's eight (in-sample): %v\n", cvRun(t, folds, nil, 0, &shipped))
	six := []int{rfRank, rfFirst, rfTags, rfHeadings, rfStrongN, rfTitleN}
	names := func(use []int) string {
		var s []string
		for _, f := range use {
			s = append(s, rerankNames[f])
		}
		return strings.Join(s, ",")
	}
	bestLambda := func(use []int) (cvResult, float64) {
		var best cvResult
		bl := -1.0
		for _, l := range lambdas {
			r := cvRun(t, folds, use, l, nil)
			fmt.Printf("  %s λ %g: %v\n", names(use), l, r)
			if bl < 0 || r.t1 > best.t1 || r.t1 == best.t1 && r.t3 > best.t3 {
				best, bl = r, l
			}
		}
		return best, bl
	}
	var use []int
	lambda := 0.001
	if v := os.Getenv("LOTSE_RR_USE"); v != "" {
		use = rrFeaturesNamed(t, "LOTSE_RR_USE", v)
	} else {
		use = six
		fmt.Printf("six refitted on the folds:\n")
		cur, _ := bestLambda(six)
		// Forward selection at λ 0.001: a feature is kept when it
		// raises the folds' held-out top-1 by at least 2 in all, no
		// fold's top-1 falls by more than 1 and top-3 does not fall.
		for {
			bestF, best := -1, cur
			for f := 0; f < nRerank; f++ {
				if containsInt(use, f) || f == rfPos || f == rfScore {
					continue
				}
				r := cvRun(t, folds, append(append([]int(nil), use...), f), 0.001, nil)
				worse := false
				for p := range folds {
					if r.top1[p] < cur.top1[p]-1 {
						worse = true
					}
				}
				fmt.Printf("  + %-10s %v\n", rerankNames[f], r)
				if !worse && r.t1 >= cur.t1+2 && r.t3 >= cur.t3 && (r.t1 > best.t1 || r.t1 == best.t1 && r.t3 > best.t3) {
					bestF, best = f, r
				}
			}
			if bestF < 0 {
				break
			}
			use, cur = append(use, bestF), best
			fmt.Printf("kept %s: %v\n", names(use), cur)
		}
	}
	fmt.Printf("chosen features, λ grid:\n")
	res, lambda := bestLambda(use)
	fmt.Printf("MODEL %s λ %g: %v\n", names(use), lambda, res)
	m := rrFit(t, append([]rrRow(nil), func() (all []rrRow) {
		for _, f := range folds {
			all = append(all, f...)
		}
		return
	}()...), -1, use, lambda)
	fmt.Printf("fitted on part A:")
	for _, f := range use {
		fmt.Printf(" %s %.3f", rerankNames[f], m[f])
	}
	fmt.Println()
}
