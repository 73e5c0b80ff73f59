//go:build tune

package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// The tune harness of the second everyday vocabulary (development aid;
// build tag tune, LOTSE_TUNE=1). It measures the whole TUNE POOL (bench
// tune … tune9 with the bench guides, first messages tune … tune10 with
// library/) — never a held-out set — split into parts A and B as
// .ci/tune-pool.py splits it (search.InTuneHalf: part A):
//
//	LOTSE_TUNE=1 go test -tags goolm,tune -run TestEveryday2Tune -v ./guides/search/
//
// prints the decision and the raw ranking with the second group off and
// with the rows of $LOTSE_VOCAB2 (default the blind file);
// LOTSE_VOCAB_DIFF=1 adds the messages whose decision changes (part A in
// full, part B as a count); LOTSE_VOCAB_LOO=1 adds leave-one-out per row
// (the pool without that row minus the pool with all rows: a positive
// delta means the row hurts). TestEveryday2Stems prints the member words
// whose stem the guides use, for the first rule of too broad rows.

// fullTunePool loads every tune set of both question sets, as
// .ci/tune-pool.py finds them (never a held-out set).
func fullTunePool(t *testing.T) []evSet {
	t.Helper()
	bench := evBenchDir(t)
	var sets []evSet
	for _, k := range []struct {
		bench bool
		pat   string
	}{
		{true, filepath.Join("testdata", "bench-tune*-2026-12-0[45].tsv")},
		{false, filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*-2026-12-0[45].tsv")},
	} {
		files, err := filepath.Glob(k.pat)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v, %d files", k.pat, err, len(files))
		}
		for _, f := range files {
			name := regexp.MustCompile(`-(tune\d*)-`).FindStringSubmatch(f)[1]
			qs, err := search.ReadQuestionsFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := evSet{name: "fm " + name, qs: qs}
			if k.bench {
				s.name, s.bench = "bench "+name, true
			}
			sets = append(sets, s)
		}
	}
	bgs, lgs := libGuides(t, bench), libGuides(t, filepath.Join("..", "..", "library"))
	for i := range sets {
		sets[i].gs = lgs
		if sets[i].bench {
			sets[i].gs = bgs
		}
	}
	return sets
}

// tunePart is .ci/tune-pool.py's split: 0 = part A, 1 = part B.
func tunePart(q string) int {
	if search.InTuneHalf(q) {
		return 0
	}
	return 1
}

// vocab2Rows reads the rows of $LOTSE_VOCAB2 (default the blind file).
func vocab2Rows(t *testing.T) []search.GlossaryEntry {
	t.Helper()
	path := os.Getenv("LOTSE_VOCAB2")
	if path == "" {
		path = filepath.Join("testdata", "vocab-blind2-2026-12-06.tsv")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := search.ParseEveryday2(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// ev2Measure scores the pool with es as the second everyday group.
func ev2Measure(sets []evSet, es []search.GlossaryEntry, verdicts map[string]evVerdict) (all evScore, parts [2]evScore, per []evScore) {
	defer search.SetEveryday2(es)()
	return scorePool(sets, tunePart, verdicts)
}

func TestEveryday2Tune(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	rows := vocab2Rows(t)
	sets := fullTunePool(t)
	line := func(name string, es []search.GlossaryEntry, verdicts map[string]evVerdict) (evScore, [2]evScore) {
		all, parts, per := ev2Measure(sets, es, verdicts)
		fmt.Printf("%-16s POOL %s\n", name, all)
		fmt.Printf("%-16s  A   %s\n", "", parts[0])
		fmt.Printf("%-16s  B   %s\n", "", parts[1])
		for i, p := range per {
			fmt.Printf("%-16s  %-12s %s\n", "", sets[i].name, p)
		}
		return all, parts
	}
	off, on := map[string]evVerdict{}, map[string]evVerdict{}
	line("off", nil, off)
	base, baseParts := line(fmt.Sprintf("%d rows", len(rows)), rows, on)
	if os.Getenv("LOTSE_VOCAB_DIFF") != "" {
		changedB := 0
		verdictDiff(off, on, func(mark, k string, a, b evVerdict) {
			q := strings.Split(k, "\t")[1]
			if tunePart(q) == 1 {
				changedB++
				return
			}
			fmt.Printf("DIFF A %s %s\n     off: %s %s\n     on:  %s %s\n", mark, k, a.outcome, a.guides, b.outcome, b.guides)
		})
		fmt.Printf("DIFF B: %d messages changed\n", changedB)
	}
	if os.Getenv("LOTSE_VOCAB_LOO") == "" {
		return
	}
	var texts []string
	for _, s := range sets {
		for _, q := range s.qs {
			texts = append(texts, strings.ToLower(q.Text))
		}
	}
	fmt.Println("LOO  dObj  dHelp dTop1 dTop3 dCW dSCW  dObjA dObjB dHelpA dHelpB  touches  row")
	for i, r := range rows {
		n := touches(r, texts)
		if n == 0 && os.Getenv("LOTSE_VOCAB_LOO_ALL") == "" {
			fmt.Printf("LOO  (no pool message has a member word)  %s → %s\n", strings.Join(r.From, ","), strings.Join(r.To, ","))
			continue
		}
		less := append(append([]search.GlossaryEntry{}, rows[:i]...), rows[i+1:]...)
		all, parts, _ := ev2Measure(sets, less, nil)
		fmt.Printf("LOO %+5.1f  %+4d  %+4d  %+4d  %+3d %+3d  %+5.1f %+5.1f %+4d %+4d  %4d  %s → %s\n",
			all.objective()-base.objective(), all.helped-base.helped, all.top1-base.top1, all.top3-base.top3,
			all.wrong-base.wrong, all.searchWrong-base.searchWrong,
			parts[0].objective()-baseParts[0].objective(), parts[1].objective()-baseParts[1].objective(),
			parts[0].helped-baseParts[0].helped, parts[1].helped-baseParts[1].helped,
			n, strings.Join(r.From, ","), strings.Join(r.To, ","))
	}
}

// touches counts the messages in which a member word of r occurs, as a
// word's stem or inside a longer word (a compound, a typo's neighbour):
// a row no message touches cannot change a reply.
func touches(r search.GlossaryEntry, texts []string) int {
	n := 0
	for _, tx := range texts {
		st := search.StemsOf(tx)
		for _, w := range r.From {
			if len(w) >= 4 && strings.Contains(tx, w[:len(w)-1]) || st[stemOf(w)] {
				n++
				break
			}
		}
	}
	return n
}

// TestEveryday2Stems prints each member word of the blind file whose stem
// occurs in a guide of either library, with the guides' words of that
// stem and in how many guides (bench / library) they occur: the first
// rule for too broad rows reads this list.
func TestEveryday2Stems(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bgs, lgs := libGuides(t, evBenchDir(t)), libGuides(t, filepath.Join("..", "..", "library"))
	type lib struct {
		df    map[string]int
		words map[string]map[string]bool
	}
	index := func(gs []*guides.Guide) lib {
		l := lib{map[string]int{}, map[string]map[string]bool{}}
		for _, g := range gs {
			text := strings.Join(append(append([]string{g.Title, g.Summary, g.Body}, g.Tags...), g.Aliases...), " ")
			seen := map[string]bool{}
			for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				s := stemOf(w)
				if s == "" {
					continue
				}
				if l.words[s] == nil {
					l.words[s] = map[string]bool{}
				}
				l.words[s][w] = true
				if !seen[s] {
					seen[s] = true
					l.df[s]++
				}
			}
		}
		return l
	}
	b, l := index(bgs), index(lgs)
	for _, r := range vocab2Rows(t) {
		for _, w := range r.From {
			s := stemOf(w)
			if b.df[s] == 0 && l.df[s] == 0 {
				continue
			}
			ws := map[string]bool{}
			for x := range b.words[s] {
				ws[x] = true
			}
			for x := range l.words[s] {
				ws[x] = true
			}
			var list []string
			for x := range ws {
				list = append(list, x)
			}
			sort.Strings(list)
			fmt.Printf("STEM %-22s %-14s bench %2d library %2d  %s   (row → %s)\n", w, s, b.df[s], l.df[s], strings.Join(list, " "), strings.Join(r.To, ","))
		}
	}
}

// libGuides loads the guides of one library folder.
func libGuides(t *testing.T, dir string) []*guides.Guide {
	t.Helper()
	lib, _, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return lib.Guides()
}

// TestEveryday2Probes decides the probe messages of $LOTSE_PROBES (one a
// line) with both libraries, with all rows of $LOTSE_VOCAB2 and with each
// row left out in turn, and prints which rows move which probes: a row
// that moves a message using its member word in another sense, or a
// message out of scope, is too broad.
func TestEveryday2Probes(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" || os.Getenv("LOTSE_PROBES") == "" {
		t.Skip("set LOTSE_TUNE and LOTSE_PROBES")
	}
	b, err := os.ReadFile(os.Getenv("LOTSE_PROBES"))
	if err != nil {
		t.Fatal(err)
	}
	var probes []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			probes = append(probes, l)
		}
	}
	rows := vocab2Rows(t)
	libs := map[string][]*guides.Guide{
		"bench":   libGuides(t, evBenchDir(t)),
		"library": libGuides(t, filepath.Join("..", "..", "library")),
	}
	decide := func(es []search.GlossaryEntry) map[string]string {
		defer search.SetEveryday2(es)()
		out := map[string]string{}
		for name, gs := range libs {
			lib := guides.NewLibrary(gs)
			for _, p := range probes {
				d := answer.Decide(p, lib, answer.Options{})
				out[name+"\t"+p] = fmt.Sprintf("%s %s", d.Outcome, strings.Join(d.Guides(), " "))
			}
		}
		return out
	}
	all := decide(rows)
	for i, r := range rows {
		less := decide(append(append([]search.GlossaryEntry{}, rows[:i]...), rows[i+1:]...))
		var keys []string
		for k := range all {
			if less[k] != all[k] {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("ROW %s → %s\n    %s\n    without: %s\n    with:    %s\n", strings.Join(r.From, ","), strings.Join(r.To, ","), k, less[k], all[k])
		}
	}
}
