//go:build tune

// Development aids for the English lexicon on the tuning pool's part files
// (each does nothing unless LOTSE_PARTS is set; built only with the tag
// "tune"): the messages the language vote reads as English, and which of
// their English words the lexicon translated.

package search

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnLexEnglishRows prints the messages of the part files in
// $LOTSE_PARTS (one TSV per set and part, as .ci/tune-pool.py writes them)
// that the engine's language vote (englishContext) reads as English, one
// "file<TAB>message" line each, for measuring the English rows alone:
//
//	LOTSE_PARTS=/tmp/parts-NAME go test -tags goolm,tune -run TestEnLexEnglishRows ./guides/search/
func TestEnLexEnglishRows(t *testing.T) {
	dir := os.Getenv("LOTSE_PARTS")
	if dir == "" {
		t.Skip("set LOTSE_PARTS")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dir, "english.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			q, _, _ := strings.Cut(sc.Text(), "\t")
			if q == "" || q == "question" || strings.HasPrefix(q, "#") {
				continue
			}
			if englishContext(tokenizeMax(q, nil, maxQueryTokens)) {
				fmt.Fprintf(out, "%s\t%s\n", filepath.Base(f), q)
			}
		}
		fh.Close()
	}
}

// TestEnLexWordsUsed prints, for the English messages of the part files
// of one part ($LOTSE_PART, default A) listed by TestEnLexEnglishRows,
// which English words the lexicon translated and into which German words
// the library knows (bench sets against the bench guides, first messages
// against library/):
//
//	LOTSE_PARTS=/tmp/parts-NAME go test -tags goolm,tune -v -run TestEnLexWordsUsed ./guides/search/
func TestEnLexWordsUsed(t *testing.T) {
	dir := os.Getenv("LOTSE_PARTS")
	if dir == "" {
		t.Skip("set LOTSE_PARTS")
	}
	part := os.Getenv("LOTSE_PART")
	if part == "" {
		part = "A"
	}
	bench := Build(loadGuides(t, filepath.Join(benchDir(t), "guides")), DefaultOptions())
	lib := Build(loadGuides(t, filepath.Join("..", "..", "library")), DefaultOptions())
	b, err := os.ReadFile(filepath.Join(dir, "english.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.SplitSeq(strings.TrimSpace(string(b)), "\n") {
		f, q, _ := strings.Cut(l, "\t")
		if !strings.HasSuffix(f, "-"+part+".tsv") {
			continue
		}
		ix := lib
		if strings.HasPrefix(f, "bench") {
			ix = bench
		}
		kr := &keyer{ix: ix}
		ix.analyzeToks(q, nil, nil, kr)
		var used []string
		for _, e := range kr.lex {
			var de []string
			for _, a := range e.alts {
				de = append(de, ix.termKeys[a.term])
			}
			used = append(used, e.word+" → "+strings.Join(de, ","))
		}
		if used != nil {
			t.Logf("%s | %s | %s", f, q, strings.Join(used, "; "))
		}
	}
}
