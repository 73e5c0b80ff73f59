//go:build tune

package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// rrLoad is the fitting aids' guide loader: as the bot splits the guides
// with LOTSE_RR_ASBOT set, else the test parser's (the one the shipped
// weights were fitted with).
func rrLoad(tb testing.TB, dir string) []Doc {
	if os.Getenv("LOTSE_RR_ASBOT") != "" {
		return loadGuidesAsBot(tb, dir)
	}
	return loadGuides(tb, dir)
}

// mvRow is one guide question with the first candidates' features in the
// order without the re-ranking, its content words and the candidates' ids.
type mvRow struct {
	rrRow
	words int
	ids   []string
}

// mvTrace searches text with the re-ranking off and returns the row
// (want −1 unless expected names one of the first candidates).
func mvTrace(ix *Index, text, expected string) mvRow {
	var got mvRow
	got.want = -1
	rerankTrace = func(docs []int32, x []rerankFeat) {
		got.x = append([]rerankFeat(nil), x...)
		got.ids = got.ids[:0]
		got.want = -1
		for i, d := range docs {
			id := ix.docs[d].id
			got.ids = append(got.ids, id)
			if expected != "" && (id == expected || strings.TrimSuffix(id, ".md") == expected) {
				got.want = i
			}
		}
	}
	ix.Search(text, 5)
	got.text, got.part = text, rrPart(text)
	got.words = len(ix.analyze(text))
	return got
}

// mvMove is the model's choice of the first place among r's candidates.
func mvMove(m *rerankFeat, x []rerankFeat) int {
	b, best := 0, score(m, &x[0])
	for j := 1; j < len(x); j++ {
		if s := score(m, &x[j]); s > best {
			b, best = j, s
		}
	}
	return b
}

// mvGaps are the gaps a move overturns: the ranking's (1 − rank ratio)
// and the score's ((s0 − sb)/s0).
func mvGaps(x []rerankFeat, b int) (rank, scoreGap float64) {
	rank = 1 - x[b][rfRank]
	if s0 := x[0][rfScore]; s0 > 0 {
		scoreGap = (s0 - x[b][rfScore]) / s0
	}
	return
}

func mvKind(r *mvRow, b int) string {
	switch {
	case b == r.want:
		return "right"
	case r.want == 0:
		return "wrong"
	}
	return "neutral"
}

func mvWordBucket(n int) string {
	switch {
	case n <= 2:
		return "1-2"
	case n <= 4:
		return "3-4"
	case n <= 6:
		return "5-6"
	}
	return "7+"
}

func mvGapBucket(g float64) string {
	switch {
	case g < 0:
		return "<0"
	case g < 0.05:
		return "0-.05"
	case g < 0.1:
		return ".05-.1"
	case g < 0.2:
		return ".1-.2"
	case g < 0.3:
		return ".2-.3"
	}
	return ">=.3"
}

// TestRerankMoves prints how often the shipped re-ranking changes the
// first guide of the tune pool's guide questions, and whether the move is
// right, wrong or neutral, by content words and by the gap it overturns
// (LOTSE_TUNE=1; LOTSE_RR_SHOW=1 lists part A's moves). LOTSE_RR_PROBES=
// file (message TAB library id TAB bench id) lists the probes' moves.
func TestRerankMoves(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bix := Build(rrLoad(t, filepath.Join(benchDir(t), "guides")), Options{})
	lix := Build(rrLoad(t, filepath.Join("..", "..", "library")), Options{})
	old := rerankOff
	rerankOff = true
	defer func() { rerankOff, rerankTrace = old, nil }()
	m := rerankModel
	if p := os.Getenv("LOTSE_RR_PROBES"); p != "" {
		mvProbes(t, p, lix, bix, &m)
		return
	}
	var rows []mvRow
	bsets, _ := filepath.Glob(filepath.Join("testdata", "bench-tune*-2026-12-0[45].tsv"))
	fsets, _ := filepath.Glob(filepath.Join("..", "..", "commands", "answer", "testdata", "first-messages-tune*-2026-12-0[45].tsv"))
	for _, p := range bsets {
		for _, q := range readTSV(t, p) {
			if q.Expected != OutOfScope {
				r := mvTrace(bix, q.Text, q.Expected)
				r.set = "b:" + filepath.Base(p)
				rows = append(rows, r)
			}
		}
	}
	for _, p := range fsets {
		for _, q := range guideMessages(readTSV(t, p)) {
			r := mvTrace(lix, q.Text, q.Expected)
			r.set = "f:" + filepath.Base(p)
			rows = append(rows, r)
		}
	}
	for part := 0; part < 2; part++ {
		byWords, byScore, byRank, byMargin := mvTally{}, mvTally{}, mvTally{}, mvTally{}
		n, moved := 0, 0
		var maxRight, maxRightScore float64
		for i := range rows {
			r := &rows[i]
			if r.part != part || len(r.x) < 2 {
				continue
			}
			n++
			b := mvMove(&m, r.x)
			if b == 0 {
				continue
			}
			moved++
			kind := mvKind(r, b)
			rg, sg := mvGaps(r.x, b)
			byMargin.add(mvMarginBucket(score(&m, &r.x[b])-score(&m, &r.x[0])), kind)
			if kind == "right" {
				maxRight = max(maxRight, rg)
				maxRightScore = max(maxRightScore, sg)
			}
			byWords.add(mvWordBucket(r.words), kind)
			byScore.add(mvGapBucket(sg), kind)
			byRank.add(mvGapBucket(rg), kind)
			if part == 0 && os.Getenv("LOTSE_RR_SHOW") != "" {
				fmt.Printf("  A %-7s w%d rank gap %.3f score gap %.3f margin %.3f %s → %s  %q (%s)\n", kind, r.words, rg, sg, score(&m, &r.x[b])-score(&m, &r.x[0]), r.ids[0], r.ids[b], r.text, r.set)
			}
		}
		mvPairsMoves(rows, part)
		fmt.Printf("part %c: %d questions, first changed %d; largest gap of a right move: rank %.3f, score %.3f\n", 'A'+part, n, moved, maxRight, maxRightScore)
		byWords.print("content words")
		byScore.print("score gap")
		byRank.print("rank gap")
		byMargin.print("margin")
	}
}

// mvProbes prints each probe's move on both libraries.
func mvProbes(t *testing.T, path string, lix, bix *Index, m *rerankFeat) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		for lib, ix := range []*Index{lix, bix} {
			want := ""
			if len(cols) > 1+lib {
				want = cols[1+lib]
			}
			r := mvTrace(ix, cols[0], want)
			if len(r.x) < 2 {
				continue
			}
			if p := mvPairsFirst(r.x); p != 0 {
				kind := "neutral"
				switch {
				case want == "-" || want == "":
					kind = "noexp"
				case r.want == 0:
					kind = "right"
				case r.want == p:
					kind = "wrong"
				}
				fmt.Printf("%s pairs %-7s w%d %s over %s  %q\n", []string{"lib", "bench"}[lib], kind, r.words, r.ids[0], r.ids[p], r.text)
			}
			b := mvMove(m, r.x)
			if b == 0 {
				continue
			}
			rg, sg := mvGaps(r.x, b)
			kind := mvKind(&r, b)
			if want == "-" || want == "" {
				kind = "noexp"
			}
			fmt.Printf("%s %-7s w%d rank gap %.3f score gap %.3f margin %.3f %s → %s  %q\n", []string{"lib", "bench"}[lib], kind, r.words, rg, sg, score(m, &r.x[b])-score(m, &r.x[0]), r.ids[0], r.ids[b], r.text)
		}
	}
}

// mvPairsMoves prints, for part's rows, how often the word-order pairs
// (phrase.go) put a guide first that the rank without them had not first
// (among the first rerankK; the rank without the pairs is rfRank − rfPhr),
// and whether that is right, wrong or neutral, by the score gap it
// overturns and content words.
func mvPairsMoves(rows []mvRow, part int) {
	by := mvTally{}
	moved := 0
	for i := range rows {
		r := &rows[i]
		if r.part != part || len(r.x) < 2 {
			continue
		}
		b := mvPairsFirst(r.x)
		if b == 0 {
			continue
		}
		moved++
		// The pairs moved candidate 0 over b: right when 0 is expected,
		// wrong when b is.
		kind := "neutral"
		switch r.want {
		case 0:
			kind = "right"
		case b:
			kind = "wrong"
		}
		sg := 0.0
		if s := r.x[b][rfScore]; s > 0 {
			sg = (s - r.x[0][rfScore]) / s
		}
		for _, k := range []string{"score gap " + mvGapBucket(sg), "words " + mvWordBucket(r.words)} {
			by.add(k, kind)
		}
		if part == 0 && os.Getenv("LOTSE_RR_SHOW") != "" {
			fmt.Printf("  A pairs %-7s w%d score gap %.3f %s over %s  %q\n", kind, r.words, sg, r.ids[0], r.ids[b], r.text)
		}
	}
	fmt.Printf("part %c: the pairs changed the first guide %d times\n", 'A'+part, moved)
	by.print("pairs")
}

// mvTally counts right, wrong and neutral moves by bucket.
type mvTally map[string]*[3]int

// add counts one move of kind ("right", "wrong", anything else neutral)
// in bucket k.
func (t mvTally) add(k, kind string) {
	c := t[k]
	if c == nil {
		c = new([3]int)
		t[k] = c
	}
	switch kind {
	case "right":
		c[0]++
	case "wrong":
		c[1]++
	default:
		c[2]++
	}
}

// print prints the counts of each bucket, in order, under name.
func (t mvTally) print(name string) {
	ks := make([]string, 0, len(t))
	for k := range t {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		c := t[k]
		fmt.Printf("  %-13s %-16s right %2d wrong %2d neutral %2d\n", name, k, c[0], c[1], c[2])
	}
}

func mvMarginBucket(d float64) string {
	switch {
	case d < 0.1:
		return "<.1"
	case d < 0.3:
		return ".1-.3"
	case d < 0.6:
		return ".3-.6"
	}
	return ">=.6"
}

// mvPairsFirst is the candidate first by rank without the word-order
// pairs' evidence (rfRank − rfPhr), among the first rerankK.
func mvPairsFirst(x []rerankFeat) int {
	b := 0
	for j := range x {
		if x[j][rfRank]-x[j][rfPhr] > x[b][rfRank]-x[b][rfPhr] {
			b = j
		}
	}
	return b
}
