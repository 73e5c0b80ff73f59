package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tunePool loads every tuning set that exists (never a held-out set): the
// bench tune sets with the bench guides and the guide and out-of-scope
// first messages of the first-message tune sets with library/.
func tunePool(tb testing.TB) (bdocs, ldocs []Doc, sets []tuneSet) {
	tb.Helper()
	bdocs = loadGuides(tb, filepath.Join(benchDir(tb), "guides"))
	ldocs = loadGuides(tb, filepath.Join("..", "..", "library"))
	for _, n := range []string{"bench-tune-2026-12-04.tsv", "bench-tune2-2026-12-04.tsv"} {
		p := filepath.Join("testdata", n)
		if _, err := os.Stat(p); err == nil {
			sets = append(sets, tuneSet{n, true, readTSV(tb, p)})
		}
	}
	for _, n := range []string{"first-messages-tune-2026-12-04.tsv", "first-messages-tune2-2026-12-04.tsv"} {
		p := filepath.Join("..", "..", "commands", "answer", "testdata", n)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		sets = append(sets, tuneSet{n, false, guideMessages(readTSV(tb, p))})
	}
	return
}

type tuneSet struct {
	name  string
	bench bool
	qs    []Question
}

// TestRetrieveTune prints the raw ranking on every tuning set (development
// aid; set LOTSE_TUNE=1, LOTSE_TUNE_MISSES=1 for the misses).
func TestRetrieveTune(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, ldocs, sets := tunePool(t)
	if g, ok := os.LookupEnv("LOTSE_GLOSS"); ok {
		old := glossary
		defer func() { glossary = old }()
		glossary = nil
		for _, n := range strings.Split(g, ",") {
			switch n {
			case "tools":
				glossary = append(glossary, glossaryTools...)
			case "chat":
				glossary = append(glossary, glossaryChat...)
			case "ui":
				glossary = append(glossary, glossaryUI...)
			}
		}
	}
	bix, lix := Build(bdocs, Options{}), Build(ldocs, Options{})
	var s1, s3, sn, so, sr, sq float64
	for _, s := range sets {
		ix := lix
		if s.bench {
			ix = bix
		}
		var t1, t3, tn, tq, to int
		for part := 0; part < 2; part++ {
			var qs []Question
			for _, q := range s.qs {
				if int(hashPart(q.Text)) == part {
					qs = append(qs, q)
				}
			}
			r := Evaluate(ix, qs)
			quiet := 0 // out-of-scope questions neither confident nor close
			for _, q := range qs {
				if q.Expected == OutOfScope {
					if res := ix.Search(q.Text, 5); !res.Confident && !res.Close {
						quiet++
					}
				}
			}
			sq += float64(quiet)
			t1, t3, tn, tq, to = t1+r.Top1, t3+r.Top3, tn+r.Answerable, tq+quiet, to+r.OutOfScope
			if os.Getenv("LOTSE_TUNE_SETS") != "" {
				continue
			}
			fmt.Printf("%-40s part %d: top1 %3d top3 %3d of %3d  oos %d/%d quiet %d  cw %d\n", s.name, part, r.Top1, r.Top3, r.Answerable, r.Rejected, r.OutOfScope, quiet, r.ConfidentWrong)
			s1 += float64(r.Top1)
			s3 += float64(r.Top3)
			sn += float64(r.Answerable)
			so += float64(r.OutOfScope)
			sr += float64(r.Rejected)
			if os.Getenv("LOTSE_TUNE_MISSES") != "" {
				for _, m := range r.Misses {
					if m.Kind == "top1" || m.Kind == "top3" {
						var got []string
						for _, h := range m.Got {
							got = append(got, fmt.Sprintf("%s(%.2f)", h.ID, h.Score))
						}
						fmt.Printf("    [%s] %q want %s got %s\n", m.Kind, m.Question.Text, m.Question.Expected, strings.Join(got, " "))
					}
				}
			}
		}
		if os.Getenv("LOTSE_TUNE_SETS") != "" {
			fmt.Printf("%-38s top1 %3d top3 %3d of %3d  quiet %2d/%2d\n", s.name, t1, t3, tn, tq, to)
		}
	}
	fmt.Printf("POOL top1 %.0f top3 %.0f of %.0f  oos %.0f/%.0f quiet %.0f\n", s1, s3, sn, sr, so, sq)
}

// hashPart splits a question set in two by a salted FNV-1a hash (a high
// bit: the lowest bit chose the tune halves).
func hashPart(s string) uint32 {
	h := uint32(2166136261)
	for _, b := range []byte("retrieve:" + s) {
		h ^= uint32(b)
		h *= 16777619
	}
	return (h >> 17) & 1
}

// poolScore is the ranking objective over one part of the tune pool: right
// first hits, half the right hits in the top 3, the out-of-scope questions
// neither confident nor close.
func poolScore(bdocs, ldocs []Doc, sets []tuneSet, o Options, part uint32) (top1, top3, quiet int) {
	bix, lix := Build(bdocs, o), Build(ldocs, o)
	for _, s := range sets {
		ix := lix
		if s.bench {
			ix = bix
		}
		for _, q := range s.qs {
			if hashPart(q.Text) != part {
				continue
			}
			res := ix.Search(q.Text, 5)
			if q.Expected == OutOfScope {
				if !res.Confident && !res.Close {
					quiet++
				}
				continue
			}
			for i, h := range res.Hits {
				if h.ID == q.Expected {
					if i == 0 {
						top1++
					}
					if i < 3 {
						top3++
					}
				}
			}
		}
	}
	return
}

// TestRetrieveFit runs coordinate descent over the ranking options on part
// 0 of the tune pool and reports part 1 (development aid; LOTSE_TUNE=1).
func TestRetrieveFit(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, ldocs, sets := tunePool(t)
	train := uint32(0)
	if os.Getenv("LOTSE_FIT_PART") == "1" {
		train = 1
	}
	obj := func(o Options, part uint32) float64 {
		t1, t3, q := poolScore(bdocs, ldocs, sets, o, part)
		return float64(t1) + 0.5*float64(t3) + float64(q)
	}
	o := DefaultOptions()
	best := obj(o, train)
	fmt.Printf("defaults: train %.1f test %.1f\n", best, obj(o, 1-train))
	params := append([]param{
		{"K1", func(o *Options) *float64 { return &o.K1 }, []float64{0.9, 1.2, 1.6, 2.2, 3, 4, 5}},
		{"B", func(o *Options) *float64 { return &o.B }, []float64{0.2, 0.35, 0.5, 0.65, 0.8}},
		{"Title", func(o *Options) *float64 { return &o.TitleWeight }, []float64{2, 3, 4, 6, 8, 10}},
		{"Tags", func(o *Options) *float64 { return &o.TagsWeight }, []float64{2, 3, 4, 6, 8, 10}},
		{"Summary", func(o *Options) *float64 { return &o.SummaryWeight }, []float64{1, 1.5, 2, 3, 4, 6}},
		{"Headings", func(o *Options) *float64 { return &o.HeadingsWeight }, []float64{0.5, 1, 1.5, 2, 3, 4}},
	}, tuneParams[6:]...)
	params = append(params,
		param{"Body", func(o *Options) *float64 { return &o.BodyWeight }, []float64{0.5, 0.75, 1, 1.25, 1.5}},
		param{"Aliases", func(o *Options) *float64 { return &o.AliasesWeight }, []float64{1.5, 2, 2.5, 3, 4}},
		param{"English", func(o *Options) *float64 { return &o.EnglishWeight }, []float64{0.6, 0.75, 0.9, 1}},
		param{"Unknown", func(o *Options) *float64 { return &o.UnknownWeight }, []float64{0.4, 0.55, 0.7, 0.85, 1}},
		param{"Common", func(o *Options) *float64 { return &o.CommonWeight }, []float64{0.2, 0.35, 0.5, 0.7}},
	)
	descend(&o, params, best, func(o Options) float64 { return obj(o, train) }, func(p param, v, best float64) {
		fmt.Printf("  %s=%v train %.1f test %.1f\n", p.name, v, best, obj(o, 1-train))
	})
}

// TestRetrieveScanRankK1 prints the pool objective per part for values of
// RankK1
// (development aid; LOTSE_TUNE=1).
func TestRetrieveScanRankK1(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, ldocs, sets := tunePool(t)
	for _, k := range []float64{1.2, 1.6, 2.2, 3, 4, 5, 7, 10} {
		o := DefaultOptions()
		o.RankK1 = k
		a1, a3, aq := poolScore(bdocs, ldocs, sets, o, 0)
		b1, b3, bq := poolScore(bdocs, ldocs, sets, o, 1)
		fmt.Printf("RankK1=%-4v part0 top1 %d top3 %d quiet %d | part1 top1 %d top3 %d quiet %d\n", k, a1, a3, aq, b1, b3, bq)
	}
}

// TestRetrieveGlossaryUse prints, for each entry of the chat and UI
// glossary groups, how many tune-pool questions use one of its words and
// what removing it changes (top-1, top-3, quiet out-of-scope questions;
// development aid; LOTSE_TUNE=1).
func TestRetrieveGlossaryUse(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, ldocs, sets := tunePool(t)
	score := func() [3]int {
		var r [3]int
		for part := uint32(0); part < 2; part++ {
			a, b, c := poolScore(bdocs, ldocs, sets, Options{}, part)
			r[0], r[1], r[2] = r[0]+a, r[1]+b, r[2]+c
		}
		return r
	}
	all := score()
	old := glossary
	defer func() { glossary = old }()
	for gi, group := range [][]glossaryEntry{glossaryChat, glossaryUI} {
		for i, e := range group {
			uses := 0
			for _, s := range sets {
				for _, q := range s.qs {
					for _, tk := range tokenize(q.Text, nil) {
						if slices.ContainsFunc(e.From, func(f string) bool { return normThesWord(f) == tk.word }) {
							uses++
							break
						}
					}
				}
			}
			glossary = nil
			for gj, g := range [][]glossaryEntry{glossaryTools, glossaryChat, glossaryUI} {
				for j, x := range g {
					if gj == gi+1 && j == i {
						continue
					}
					glossary = append(glossary, x)
				}
			}
			r := score()
			fmt.Printf("uses %2d  without: top1 %+d top3 %+d quiet %+d  %v\n", uses, r[0]-all[0], r[1]-all[1], r[2]-all[2], e.From)
		}
	}
}
