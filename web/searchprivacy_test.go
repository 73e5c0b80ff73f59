package web_test

import (
	"net/url"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/web"
)

// TestSearchRevealsNothingHidden: the public search page is the same
// whether or not the library also holds guides the site does not show and
// questions the team taught the guides from support cases. Before, the
// search ran over the whole library: a member's surname from a learned
// question found "their" guide for anyone on the internet, and team
// guides took places among the hits and swayed the confidence.
func TestSearchRevealsNothingHidden(t *testing.T) {
	learned := guides.Learned{
		"konto/zwei-faktor.md":        {"Maria Schmidtbauer aus Kleinkleckersdorf hat ihr Telefon verloren"},
		"team/intern.md":              {"Wer bearbeitet den Fall von Jonas Quastenberg"},
		"konto/passwort-vergessen.md": {"Passwort von Erika Wunderlich zurücksetzen"},
	}
	full, src := newHandler(t, testLibrary, web.Options{})
	src.lib.Store(src.Current().WithLearned(learned))

	var shown []*guides.Guide
	for _, g := range loadLibrary(t, testLibrary).Guides() {
		if g.HasAudience(guides.DefaultAudience) {
			shown = append(shown, g)
		}
	}
	only, onlySrc := newHandler(t, testLibrary, web.Options{})
	onlySrc.lib.Store(guides.NewLibrary(shown))

	for _, q := range []string{
		"Schmidtbauer", "Kleinkleckersdorf", "Quastenberg", "Erika Wunderlich",
		"Supportfälle intern bearbeiten", "intern konto passwort", "streng geheim", "team support",
		"passwort vergessen", "zwei faktor", "telefon verloren",
	} {
		target := "/suche?q=" + url.QueryEscape(q)
		if got, want := get(t, full, target), get(t, only, target); got.status != want.status || got.body != want.body {
			t.Errorf("search %q differs with hidden guides and learned questions:\n%s\nwithout them:\n%s", q, hits(got.body), hits(want.body))
		}
	}
}

// hits is the part of a search page after its heading.
func hits(page string) string {
	const h1 = "<h1>Suche</h1>"
	for i := range len(page) - len(h1) {
		if page[i:i+len(h1)] == h1 {
			return page[i+len(h1) : min(len(page), i+len(h1)+600)]
		}
	}
	return page
}
