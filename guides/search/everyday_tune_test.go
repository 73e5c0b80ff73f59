package search_test

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The tune harness of the everyday vocabulary (development aid; set
// LOTSE_TUNE=1). It measures the TUNE POOL only — the bench tune halves
// with the bench guides, the first-message tune sets with library/ —
// never a held-out set:
//
//	LOTSE_TUNE=1 go test -tags goolm -run TestEverydayTune -v ./guides/search/
//
// prints the ranking (top-1/top-3 of the raw search) and the answer
// decision (helped, answers, confident-wrong) per set with the everyday
// group off, with every row of the blind file ($LOTSE_VOCAB, default
// testdata/vocab-blind-2026-12-04.tsv) and with the shipped rows;
// LOTSE_VOCAB_DIFF=1 adds the messages whose decision changes between off
// and the shipped rows; LOTSE_VOCAB_LOO=1 adds leave-one-out per row of the blind
// file (the pool without that row minus the pool with all rows, so a
// positive delta means the row hurts).

// evSet is one set of the tune pool with its guides.
type evSet struct {
	name  string
	bench bool
	gs    []*guides.Guide
	qs    []search.Question
}

// evScore is the pool's figures under one glossary.
type evScore struct {
	messages, helped, answers, wrong int // the decision
	answerable, top1, top3           int // the raw ranking
	searchWrong, oos, rejected       int // the search's own verdict (bench sets)
}

func (s *evScore) add(o evScore) {
	s.messages += o.messages
	s.helped += o.helped
	s.answers += o.answers
	s.wrong += o.wrong
	s.answerable += o.answerable
	s.top1 += o.top1
	s.top3 += o.top3
	s.searchWrong += o.searchWrong
	s.oos += o.oos
	s.rejected += o.rejected
}

// objective weighs the figures: helped, right first hits, half the right
// hits in the top 3, minus three per confident wrong answer (decision and
// search).
func (s evScore) objective() float64 {
	return float64(s.helped+s.top1) + 0.5*float64(s.top3) - 3*float64(s.wrong+s.searchWrong)
}

func (s evScore) String() string {
	return fmt.Sprintf("helped %3d/%3d answer %3d cw %d | top1 %3d top3 %3d of %3d | search cw %2d oos %2d/%2d | obj %.1f",
		s.helped, s.messages, s.answers, s.wrong, s.top1, s.top3, s.answerable, s.searchWrong, s.rejected, s.oos, s.objective())
}

// evPart splits the pool in two by bit 2 of the FNV-1a hash of the
// question (bit 0 made the tune halves, bit 1 splits the decision's
// calibration): part A (0) and part B (1), to see whether a choice made
// on the whole pool holds on both parts.
func evPart(q string) int {
	h := fnv.New32a()
	h.Write([]byte("everyday:" + strings.TrimSpace(q)))
	return int(h.Sum32()>>2) & 1
}

// evVerdict is what happened to one message.
type evVerdict struct {
	outcome answer.Outcome
	guides  string
	helped  bool
}

// verdictDiff calls row, in key order, for each message of on whose
// verdict differs in off; mark is "+" when it now helps, "-" when it no
// longer does, " " when only the outcome or the guides changed.
func verdictDiff(off, on map[string]evVerdict, row func(mark, k string, a, b evVerdict)) {
	keys := make([]string, 0, len(on))
	for k := range on {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a, b := off[k], on[k]
		if a == b {
			continue
		}
		mark := " "
		if a.helped != b.helped {
			mark = map[bool]string{true: "+", false: "-"}[b.helped]
		}
		row(mark, k, a, b)
	}
}

// evMeasure builds both libraries with the everyday group es and scores
// the pool: the whole of it and parts A and B.
func evMeasure(sets []evSet, es []search.GlossaryEntry, verdicts map[string]evVerdict) (all evScore, parts [2]evScore, per []evScore) {
	defer search.SetEveryday(es)()
	return scorePool(sets, evPart, verdicts)
}

// scorePool builds both libraries and scores the pool message by message:
// the whole of it, the parts part assigns (0 or 1) and each set; verdicts,
// when not nil, gets what happened to each message.
func scorePool(sets []evSet, part func(string) int, verdicts map[string]evVerdict) (all evScore, parts [2]evScore, per []evScore) {
	libs := map[bool]*guides.Library{}
	for _, s := range sets {
		if libs[s.bench] == nil {
			libs[s.bench] = guides.NewLibrary(s.gs)
		}
	}
	for _, s := range sets {
		lib := libs[s.bench]
		var set evScore
		for _, q := range s.qs {
			var sc evScore
			r := answer.Evaluate(lib, []search.Question{q}, answer.Options{Cases: true})
			sc.messages, sc.helped, sc.answers, sc.wrong = r.Total.Messages, r.Total.Helped, r.Total.Outcomes[answer.Answer], r.Total.ConfidentWrong
			sc.answerable, sc.top1, sc.top3 = r.Answerable, r.Top1, r.Top3
			if s.bench {
				sr := lib.Evaluate([]search.Question{q})
				sc.searchWrong, sc.oos, sc.rejected = sr.ConfidentWrong, sr.OutOfScope, sr.Rejected
			}
			if verdicts != nil && len(r.Results) == 1 {
				d := r.Results[0].Decision
				verdicts[s.name+"\t"+q.Text+"\t"+q.Expected] = evVerdict{d.Outcome, strings.Join(d.Guides(), " "), r.Results[0].Helped}
			}
			set.add(sc)
			parts[part(q.Text)].add(sc)
		}
		all.add(set)
		per = append(per, set)
	}
	return all, parts, per
}

// evPool loads the TUNE POOL (never a held-out set): tune and tune2.
func evPool(t *testing.T) []evSet {
	t.Helper()
	return tunePool(t, "tune", "tune2")
}

// tunePool loads the named tune sets (never a held-out set) of both question
// sets: the bench questions against the shared bench guides and the first
// messages against the project's library.
func tunePool(t *testing.T, names ...string) []evSet {
	t.Helper()
	bench := evBenchDir(t)
	load := func(dir string) []*guides.Guide {
		lib, _, err := guides.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return lib.Guides()
	}
	bgs, lgs := load(bench), load(filepath.Join("..", "..", "library"))
	read := func(p string) []search.Question {
		qs, err := search.ReadQuestionsFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return qs
	}
	var sets []evSet
	for _, s := range names {
		sets = append(sets,
			evSet{"bench " + s, true, bgs, read(filepath.Join("testdata", "bench-"+s+"-2026-12-04.tsv"))},
			evSet{"first messages " + s, false, lgs, read(filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-"+s+"-2026-12-04.tsv"))})
	}
	return sets
}

// evBenchDir finds shared/bench/guides above the package directory.
func evBenchDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "bench", "guides")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/bench/guides not found")
		}
		dir = parent
	}
}

// guideStems are the stems of each guide's text (front matter fields and
// body), to see how broad a member word is in the guides themselves.
func guideStems(gs []*guides.Guide) []map[string]bool {
	var out []map[string]bool
	for _, g := range gs {
		text := strings.Join(append(append([]string{g.Title, g.Summary, g.Body}, g.Tags...), g.Aliases...), " ")
		out = append(out, search.StemsOf(text))
	}
	return out
}

func TestEverydayTune(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	path := os.Getenv("LOTSE_VOCAB")
	if path == "" {
		path = filepath.Join("testdata", "vocab-blind-2026-12-04.tsv")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := search.ParseEveryday(string(b))
	if err != nil {
		t.Fatal(err)
	}
	sets := evPool(t)
	line := func(name string, es []search.GlossaryEntry, verdicts map[string]evVerdict) evScore {
		all, parts, per := evMeasure(sets, es, verdicts)
		fmt.Printf("%-22s POOL %s\n", name, all)
		fmt.Printf("%-22s  A   %s\n", "", parts[0])
		fmt.Printf("%-22s  B   %s\n", "", parts[1])
		for i, p := range per {
			fmt.Printf("%-22s  %-18s %s\n", "", sets[i].name, p)
		}
		return all
	}
	off, on := map[string]evVerdict{}, map[string]evVerdict{}
	line("off", nil, off)
	base := line(fmt.Sprintf("all %d blind rows", len(rows)), rows, nil)
	_, baseParts, _ := evMeasure(sets, rows, nil)
	line(fmt.Sprintf("shipped %d rows", len(search.Everyday())), search.Everyday(), on)

	if os.Getenv("LOTSE_VOCAB_DIFF") != "" {
		verdictDiff(off, on, func(mark, k string, a, b evVerdict) {
			fmt.Printf("DIFF %s %s\n     off: %s %s\n     on:  %s %s\n", mark, k, a.outcome, a.guides, b.outcome, b.guides)
		})
	}

	if os.Getenv("LOTSE_VOCAB_LOO") == "" {
		return
	}
	// How often each row's member words occur: in the pool's messages and
	// in the guides (a member word the guides use is not everyday
	// vocabulary for them and expands guide text questions).
	var msgStems []map[string]bool
	for _, s := range sets {
		for _, q := range s.qs {
			msgStems = append(msgStems, search.StemsOf(q.Text))
		}
	}
	gStems := append(guideStems(sets[0].gs), guideStems(sets[1].gs)...)
	fmt.Println("LOO  dObj  dHelp dTop1 dTop3 dCW dSCW  dObjA dObjB  uses  guideDF  row")
	for i, r := range rows {
		less := append(append([]search.GlossaryEntry{}, rows[:i]...), rows[i+1:]...)
		all, parts, _ := evMeasure(sets, less, nil)
		uses := 0
		for _, ms := range msgStems {
			for _, w := range r.From {
				if ms[stemOf(w)] {
					uses++
					break
				}
			}
		}
		var dfs []string
		for _, w := range r.From {
			n := 0
			for _, gs := range gStems {
				if gs[stemOf(w)] {
					n++
				}
			}
			if n > 0 {
				dfs = append(dfs, fmt.Sprintf("%s:%d", w, n))
			}
		}
		fmt.Printf("LOO %+5.1f  %+4d  %+4d  %+4d  %+3d %+3d  %+5.1f %+5.1f  %4d  %-20s %s → %s\n",
			all.objective()-base.objective(), all.helped-base.helped, all.top1-base.top1, all.top3-base.top3,
			all.wrong-base.wrong, all.searchWrong-base.searchWrong,
			parts[0].objective()-baseParts[0].objective(), parts[1].objective()-baseParts[1].objective(),
			uses, strings.Join(dfs, ","), strings.Join(r.From, ","), strings.Join(r.To, ","))
	}
}

// stemOf returns the index key of one word.
func stemOf(w string) string {
	for k := range search.StemsOf(w) {
		return k
	}
	return ""
}
