package search

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// TestUILocRebuild rebuilds uiloc.tsv from the products' own translation
// files (development aid; the embedded file is the artifact, this test
// documents how it was made and makes it again):
//
//	LOTSE_UILOC_SRC=/path/to/src go test -tags goolm -run TestUILocRebuild ./guides/search/
//
// The source directory holds, as taken from the repositories named in the
// header of uiloc.tsv:
//
//	bbb/en.json, bbb/de.json              BigBlueButton HTML5 client (key → string)
//	element/en_EN.json, element/de_DE.json Element (nested keys → string)
//	nextcloud/*.json                       Nextcloud l10n/de.json per app
//	                                       ({"translations": {English: German}})
//
// The extraction rule is mechanical, never a choice by what a question
// needs (see uilocPair and uilocRows).
func TestUILocRebuild(t *testing.T) {
	src := os.Getenv("LOTSE_UILOC_SRC")
	if src == "" {
		t.Skip("set LOTSE_UILOC_SRC to the directory of the translation files")
	}
	var pairs []uilocRaw
	keyed := func(product, en, de string) {
		var e, d map[string]any
		for p, m := range map[string]*map[string]any{en: &e, de: &d} {
			b, err := os.ReadFile(filepath.Join(src, p))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, m); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		}
		ef, df := map[string]string{}, map[string]string{}
		flattenStrings("", e, ef)
		flattenStrings("", d, df)
		keys := make([]string, 0, len(ef))
		for k := range ef {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if dv, ok := df[k]; ok {
				pairs = append(pairs, uilocRaw{product, ef[k], dv})
			}
		}
	}
	keyed("BigBlueButton", "bbb/en.json", "bbb/de.json")
	keyed("Element", "element/en_EN.json", "element/de_DE.json")
	files, err := filepath.Glob(filepath.Join(src, "nextcloud", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l10n struct {
			Translations map[string]any `json:"translations"`
		}
		if len(b) == 0 {
			continue
		}
		if err := json.Unmarshal(b, &l10n); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		keys := make([]string, 0, len(l10n.Translations))
		for k := range l10n.Translations {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if dv, ok := l10n.Translations[k].(string); ok { // plurals are lists: skipped
				pairs = append(pairs, uilocRaw{"Nextcloud", k, dv})
			}
		}
	}
	rows := uilocRows(pairs)
	var sb strings.Builder
	sb.WriteString(uilocFileHeader)
	sb.WriteString(vocabHeader + "\n")
	for _, r := range rows {
		fmt.Fprintf(&sb, "%s\t%s\t%s\n", r.en, strings.Join(r.de, ","), r.note)
	}
	if err := os.WriteFile("uiloc.tsv", []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d string pairs, %d rows", len(pairs), len(rows))
}

// uilocFileHeader is the comment block of uiloc.tsv.
const uilocFileHeader = `# The products' own UI translations (fifth quality pass, branch uiloc): English UI word →
# German UI word(s), made MECHANICALLY by TestUILocRebuild (uiloc_gen_test.go) from
#   BigBlueButton  bigbluebutton-html5/public/locales/{en,de}.json (bigbluebutton/bigbluebutton,
#                  as in the fork sfetzel/bigbluebutton at 0656059, 2022-05)
#   Element        src/i18n/strings/{en_EN,de_DE}.json (matrix-react-sdk 3.114.0, 2024-10, the
#                  Element web/desktop strings before they moved to element-hq/element-web)
#   Nextcloud      l10n/de.json ("du" form) of core, files, files_sharing, files_trashbin, comments,
#                  dav, settings (server 12, endsguy/server at 840e896, 2017-04) and of the apps
#                  calendar (cbe92db), contacts (87b8ee0), deck (b0f6943), forms (6c4b597), 2026-08
# Rule: a string pair (same key) counts when both sides are ONE word after trimming trailing
# "…", "...", ":" (letters and hyphens only, no placeholder or markup), the English word is not a
# stop word and has 3+ letters, and the two differ after folding and stemming. Per English word
# the German words that make at least a third of its pairs AND occur in at least two of them are
# kept (at most two): a translation attested once may be a label of one context (Forms' "Number"
# → "Zahl-Feld"). The note says in which products and how often the English word was a one-word
# string. Never edited by hand: rebuild, then measure (docs/passes/05.md, fifth quality pass).
`

// uilocRaw is one translated string of one product.
type uilocRaw struct{ product, en, de string }

// uilocRow is one row of uiloc.tsv.
type uilocRow struct {
	en   string
	de   []string
	note string
}

// flattenStrings collects the string leaves of a nested JSON object under
// dotted keys (Element nests its keys; plural objects become key.one,
// key.other and are skipped by the one-word rule or kept as labels).
func flattenStrings(prefix string, m map[string]any, out map[string]string) {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[prefix+k] = v
		case map[string]any:
			flattenStrings(prefix+k+".", v, out)
		}
	}
}

// uilocWord returns the one lower-case word of a UI string, or "" when
// the string is not one word of letters (and hyphens).
func uilocWord(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"…", "...", ":"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suf))
	}
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
		return ""
	}
	if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return ""
	}
	return strings.ToLower(s)
}

// uilocRows applies the extraction rule to the string pairs.
func uilocRows(pairs []uilocRaw) []uilocRow {
	st := newStemmer()
	type tally struct {
		n        int
		de       map[string]int
		products map[string]int
	}
	by := map[string]*tally{}
	for _, p := range pairs {
		en, de := uilocWord(p.en), uilocWord(p.de)
		if en == "" || de == "" || len([]rune(en)) < 3 || isStop(normThesWord(en)) || isStop(normThesWord(de)) {
			continue
		}
		if st.stem(normThesWord(en)) == st.stem(normThesWord(de)) || umlautFold(normThesWord(en)) == umlautFold(normThesWord(de)) {
			continue
		}
		tl := by[en]
		if tl == nil {
			tl = &tally{de: map[string]int{}, products: map[string]int{}}
			by[en] = tl
		}
		tl.n++
		tl.de[de]++
		tl.products[p.product]++
	}
	ens := make([]string, 0, len(by))
	for en := range by {
		ens = append(ens, en)
	}
	sort.Strings(ens)
	var rows []uilocRow
	for _, en := range ens {
		tl := by[en]
		des := make([]string, 0, len(tl.de))
		for de := range tl.de {
			des = append(des, de)
		}
		sort.Slice(des, func(i, j int) bool {
			if tl.de[des[i]] != tl.de[des[j]] {
				return tl.de[des[i]] > tl.de[des[j]]
			}
			return des[i] < des[j]
		})
		var keep []string
		for _, de := range des {
			if tl.de[de] >= 2 && 3*tl.de[de] >= tl.n && len(keep) < 2 {
				keep = append(keep, de)
			}
		}
		if len(keep) == 0 {
			continue
		}
		var prods []string
		for _, p := range []string{"BigBlueButton", "Element", "Nextcloud"} {
			if n := tl.products[p]; n > 0 {
				prods = append(prods, fmt.Sprintf("%s %d", p, n))
			}
		}
		rows = append(rows, uilocRow{en, keep, strings.Join(prods, ", ")})
	}
	return rows
}
