package search

import (
	"fmt"
	"os"
	"testing"
)

// rankObjective scores a ranking on answerable questions: top-1 and top-3
// hits plus the reciprocal rank (development aid for tuning).
func rankObjective(ix *Index, qs []Question) (top1, top3 int, mrr float64) {
	for _, q := range qs {
		if q.Expected == OutOfScope {
			continue
		}
		r := ix.Search(q.Text, 10)
		for i, h := range r.Hits {
			if h.ID == q.Expected {
				if i == 0 {
					top1++
				}
				if i < 3 {
					top3++
				}
				mrr += 1 / float64(i+1)
				break
			}
		}
	}
	return
}

type param struct {
	name   string
	ptr    func(*Options) *float64
	values []float64
}

var tuneParams = []param{
	{"K1", func(o *Options) *float64 { return &o.K1 }, []float64{0.6, 0.9, 1.2, 1.6, 2.2, 3}},
	{"B", func(o *Options) *float64 { return &o.B }, []float64{0.2, 0.35, 0.5, 0.65, 0.8}},
	{"Title", func(o *Options) *float64 { return &o.TitleWeight }, []float64{1.5, 2, 3, 4, 6}},
	{"Tags", func(o *Options) *float64 { return &o.TagsWeight }, []float64{1.5, 2, 3, 4, 6}},
	{"Summary", func(o *Options) *float64 { return &o.SummaryWeight }, []float64{1, 1.5, 2, 3, 4}},
	{"Headings", func(o *Options) *float64 { return &o.HeadingsWeight }, []float64{0.5, 1, 1.5, 2, 3}},
	{"Part", func(o *Options) *float64 { return &o.CompoundPartWeight }, []float64{0.3, 0.45, 0.6, 0.8, 1}},
	{"Syn", func(o *Options) *float64 { return &o.SynonymWeight }, []float64{0.5, 0.65, 0.8, 0.9, 1}},
	{"OneWay", func(o *Options) *float64 { return &o.OneWayWeight }, []float64{0.3, 0.45, 0.6, 0.75, 0.9}},
	{"Typo", func(o *Options) *float64 { return &o.TypoWeight }, []float64{0.5, 0.65, 0.8, 0.9, 1}},
}

// descend runs two rounds of coordinate descent from o, whose objective
// is best: each param in turn is set to the value of its list that
// raises obj most, or left as it is. each, when not nil, is called after
// each param with the value kept and the objective reached. descend
// returns the objective of the options it leaves in o.
func descend(o *Options, params []param, best float64, obj func(Options) float64, each func(p param, v, best float64)) float64 {
	for round := 0; round < 2; round++ {
		for _, p := range params {
			bestV := *p.ptr(o)
			for _, v := range p.values {
				*p.ptr(o) = v
				if s := obj(*o); s > best+1e-9 {
					best, bestV = s, v
				}
			}
			*p.ptr(o) = bestV
			if each != nil {
				each(p, bestV, best)
			}
		}
	}
	return best
}

// TestTuneRanking runs coordinate descent over the ranking options on the
// tuning half of the dev questions (SplitByHash) and reports the checking
// half, which is never tuned on (development aid; set LOTSE_TUNE=1).
func TestTuneRanking(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	docs, qs := loadBench(t)
	a, b := SplitByHash(qs)
	obj := func(o Options, qs []Question) float64 {
		t1, t3, mrr := rankObjective(Build(docs, o), qs)
		return float64(t1) + 0.5*float64(t3) + 0.5*mrr
	}
	for _, split := range [][2][]Question{{a, b}} {
		train, test := split[0], split[1]
		o := DefaultOptions()
		best := obj(o, train)
		best = descend(&o, tuneParams, best, func(o Options) float64 { return obj(o, train) }, nil)
		t1, t3, _ := rankObjective(Build(docs, o), test)
		d1, d3, _ := rankObjective(Build(docs, DefaultOptions()), test)
		fmt.Printf("train obj %.1f; test top1 %d top3 %d (defaults %d %d) of %d\n", best, t1, t3, d1, d3, len(test))
		for _, p := range tuneParams {
			fmt.Printf("  %s=%v", p.name, *p.ptr(&o))
		}
		fmt.Println()
	}
}
