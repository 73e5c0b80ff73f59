package web

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/lotse-bot/lotse/guides"
)

// searchJS searches the static site's prebuilt index in the browser.
//
//go:embed static/suche.js
var searchJS []byte

// searchScriptName carries a hash of the script, like cssName.
var searchScriptName = func() string {
	sum := sha256.Sum256(searchJS)
	return "suche." + hex.EncodeToString(sum[:4]) + ".js"
}()

// indexScriptName is the prebuilt index, a script (not JSON) so that the
// search also works when the site is opened from the file system, where
// browsers refuse to fetch files.
const indexScriptName = "suchindex.js"

// maxBodyTokens bounds the distinct body words indexed per guide.
const maxBodyTokens = 3000

// indexEntry is one guide in the static search index. The fields hold the
// normalised words of title, tags and aliases, summary and body.
type indexEntry struct {
	URL      string   `json:"u"` // relative to the site's root
	Title    string   `json:"t"`
	Summary  string   `json:"s"`
	TitleW   []string `json:"tw"`
	KeyW     []string `json:"kw"`
	SummaryW []string `json:"sw"`
	BodyW    []string `json:"bw"`
}

// searchIndex returns the script that defines the static site's search
// index: every visible guide with its words, in the order of the index page.
func (s *site) searchIndex() ([]byte, error) {
	root := staticLinks(0)
	var entries []indexEntry
	for _, t := range s.topics {
		for _, g := range t.Guides {
			_, plain := guides.Render(g.Body)
			keys := slices.Concat(g.Tags, g.Aliases)
			entries = append(entries, indexEntry{
				URL: root.Guide(g.ID), Title: g.Title, Summary: g.Summary,
				TitleW:   searchWords(g.Title, 0),
				KeyW:     searchWords(strings.Join(keys, " "), 0),
				SummaryW: searchWords(g.Summary, 0),
				BodyW:    searchWords(plain, maxBodyTokens),
			})
		}
	}
	data, err := json.Marshal(entries)
	if err != nil {
		return nil, fmt.Errorf("failed to build the search index: %w", err)
	}
	// json.Marshal escapes <, > and & so the data cannot end the script.
	return fmt.Appendf(nil, "window.lotseSuchindex = %s;\n", data), nil
}

// foldReplacer writes German umlauts and ß the way people type them
// without a German keyboard; suche.js folds queries the same way.
var foldReplacer = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// searchWords returns the distinct normalised words of text (lower case,
// umlauts folded, at least two letters), sorted; at most limit (0: all).
func searchWords(text string, limit int) []string {
	text = foldReplacer.Replace(strings.ToLower(text))
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || unicode.IsDigit(r) && r < 128) }) {
		if len(w) >= 2 {
			seen[w] = true
		}
	}
	words := slices.Sorted(maps.Keys(seen))
	if limit > 0 && len(words) > limit {
		words = words[:limit]
	}
	return words
}
