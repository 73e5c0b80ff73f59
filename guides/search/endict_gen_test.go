package search

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestEnDictRebuild writes endict.tsv from Ding's German–English
// dictionary as Debian ships it (package trans-de-en, file
// usr/share/trans/de-en; see endict-NOTICE.txt):
//
//	mkdir -p /tmp/endict && cd /tmp/endict && apt-get download trans-de-en && dpkg-deb -x trans-de-en_*.deb x
//	LOTSE_ENDICT_SRC=/tmp/endict/x/usr/share/trans/de-en go test -run TestEnDictRebuild ./guides/search/
//
// The rule is endictLearn's; no row is chosen or edited by hand.
func TestEnDictRebuild(t *testing.T) {
	src := os.Getenv("LOTSE_ENDICT_SRC")
	if src == "" {
		t.Skip("set LOTSE_ENDICT_SRC to Ding's de-en file")
	}
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	version, rows, err := endictLearn(f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, endictFileHeader, version)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\n", r.en, strings.Join(r.de, ","))
	}
	if err := os.WriteFile(filepath.Join(".", "endict.tsv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows", len(rows))
}

const endictFileHeader = `# English → German dictionary fallback (search: English words neither the glossary nor enlex.tsv knows),
# made MECHANICALLY by TestEnDictRebuild (endict_gen_test.go) from Ding's German–English dictionary
# (Frank Richter, TU Chemnitz; GPL-2.0-or-later), as Debian 12 ships it: package trans-de-en 1.9-6, file
# usr/share/trans/de-en, version %q. See endict-NOTICE.txt.
# Rule: of each entry, only the headword pair: the first German word and the first English word of its first
# group (no plural, example or phrase), each a single word of at least three letters without a subject label
# (regional labels and [comp.] allowed); "to " before an English verb dropped. The English word is in the engine's
# English word list (englishwords.txt, SCOWL 35), no stop word or everyday word of commonListEnglish, and has no
# row in enlex.tsv (that lexicon wins); the German word is no stop word and not the English word itself (a
# loanword). Per English stem at most 3 German words, those of more entries first, then in the dictionary's order.
# No row is chosen, added or edited by hand.
`

// endictRow is one English stem and its German words, best first.
type endictRow struct {
	en string
	de []string
}

var (
	dingBraces = regexp.MustCompile(`\{[^}]*\}|\([^)]*\)|/[^/]*/`)
	dingLabel  = regexp.MustCompile(`\[([^\]]*)\]`)
)

// dingAllowedLabels are the labels a headword may carry: regions, and the
// computing domain (the guides are IT help). Any other label names a
// subject (law, navy, botany …) whose sense is not the everyday one.
var dingAllowedLabels = map[string]bool{
	"comp.": true, "Br.": true, "Am.": true, "Dt.": true, "Ös.": true, "Schw.": true,
}

// dingHead returns the first item of the first group of one side of a
// Ding entry, as a single lower-case word, or "" when it is a phrase, a
// multiword term or carries a subject label.
func dingHead(side string, english bool) string {
	group, _, _ := strings.Cut(side, " | ")
	item, _, _ := strings.Cut(group, ";")
	for _, m := range dingLabel.FindAllStringSubmatch(item, -1) {
		if !dingAllowedLabels[m[1]] {
			return ""
		}
	}
	item = dingLabel.ReplaceAllString(item, "")
	item = strings.TrimSpace(dingBraces.ReplaceAllString(item, ""))
	if english {
		item = strings.TrimPrefix(item, "to ")
	}
	if len([]rune(item)) < 3 || !strings.EqualFold(item, strings.Join(strings.Fields(item), "")) {
		return ""
	}
	for _, r := range item {
		if !unicode.IsLetter(r) {
			return ""
		}
	}
	w := strings.ToLower(item)
	if english && !asciiLetters(w) {
		return ""
	}
	return w
}

// endictLearn reads Ding's file and returns its version line and the
// rows (the rule is endictFileHeader's).
func endictLearn(r io.Reader) (string, []endictRow, error) {
	est := newEnglishStemmer()
	skip := enlexSkipStems(est)
	lex := enlexTable()
	type cand struct {
		de    string
		n     int
		first int
	}
	byStem := map[string][]*cand{}
	var order []string
	version := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		l := sc.Text()
		line++
		if strings.HasPrefix(l, "#") {
			if v, ok := strings.CutPrefix(l, "# Version :: "); ok {
				version = v
			}
			continue
		}
		de, en, ok := strings.Cut(l, " :: ")
		if !ok {
			continue
		}
		g, e := dingHead(de, false), dingHead(en, true)
		if g == "" || e == "" || !isEnglishWord(e) || isStop(e) || isStop(foldWord(g)) {
			continue
		}
		key := enlexKey(e, est)
		if skip[key] || lex[key] != nil || g == e || enlexKey(umlautFold(g), est) == key {
			continue
		}
		cs := byStem[key]
		if cs == nil {
			order = append(order, key)
		}
		i := slices.IndexFunc(cs, func(c *cand) bool { return c.de == g })
		if i < 0 {
			byStem[key] = append(cs, &cand{de: g, n: 1, first: line})
		} else {
			cs[i].n++
		}
	}
	if err := sc.Err(); err != nil {
		return "", nil, fmt.Errorf("reading Ding's dictionary: %w", err)
	}
	slices.Sort(order)
	rows := make([]endictRow, 0, len(order))
	for _, k := range order {
		cs := byStem[k]
		slices.SortStableFunc(cs, func(a, b *cand) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return a.first - b.first
		})
		row := endictRow{en: k}
		for _, c := range cs[:min(len(cs), enlexMaxTrans)] {
			row.de = append(row.de, c.de)
		}
		rows = append(rows, row)
	}
	return version, rows, nil
}
