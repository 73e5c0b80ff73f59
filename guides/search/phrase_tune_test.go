package search

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPhraseScan prints the ranking objective on both parts of the tune
// pool for a range of phrase weights (development aid; LOTSE_TUNE=1,
// LOTSE_PHRASE_W="0,0.1,0.2" for the values).
func TestPhraseScan(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	bdocs, ldocs, sets := tunePool(t)
	vals := []float64{0, 0.1, 0.2, 0.3, 0.5}
	if v := os.Getenv("LOTSE_PHRASE_W"); v != "" {
		vals = nil
		for _, f := range strings.Split(v, ",") {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatal(err)
			}
			vals = append(vals, x)
		}
	}
	old, oldK := phraseWeight, pairKinds
	defer func() { phraseWeight, pairKinds = old, oldK }()
	if v := os.Getenv("LOTSE_PAIR_KINDS"); v != "" {
		k, err := strconv.ParseUint(v, 10, 8)
		if err != nil {
			t.Fatalf("LOTSE_PAIR_KINDS: %v", err)
		}
		pairKinds = byte(k)
	}
	for _, w := range vals {
		phraseWeight = w
		var line []string
		for part := uint32(0); part < 2; part++ {
			t1, t3, q := poolScore(bdocs, ldocs, sets, Options{}, part)
			line = append(line, fmt.Sprintf("part %d: top1 %3d top3 %3d quiet %2d", part, t1, t3, q))
		}
		fmt.Printf("w %.2f  %s\n", w, strings.Join(line, " | "))
	}
}

// TestPhraseDebug prints the indexed pairs of the queries in
// $LOTSE_DEBUG_Q ("|"-separated) and the guides that say them (development
// aid; LOTSE_DEBUG_DIR for another library than the bench guides).
func TestPhraseDebug(t *testing.T) {
	ix, qs := debugQueries(t)
	for _, s := range qs {
		fmt.Printf("%q\n", s)
		toks := tokenizeMax(s, nil, maxQueryTokens)
		var ks, ws []string
		var st []bool
		ix.pairWords(toks, &keyer{ix: ix}, func(i int, k string, b bool) {
			ks = append(ks, k)
			ws = append(ws, toks[i].word)
			st = append(st, b)
		})
		pairKeys(ks, st, func(kind byte, i, j int) {
			h := pairKey(kind, ks[i], st[i], ks[j], st[j])
			id, ok := ix.phr.ids[h]
			if !ok {
				return
			}
			var ds []string
			for _, d := range ix.phr.post[id] {
				ds = append(ds, ix.docs[d].id)
			}
			fmt.Printf("  %q kind %d idf %.2f df %d: %s\n", ws[i]+" "+ws[j], kind, ix.phr.idf[id], len(ds), strings.Join(ds, " "))
		})
		for _, h := range ix.Search(s, 3).Hits {
			fmt.Printf("  %.3f %s\n", h.Score, h.ID)
		}
	}
}
