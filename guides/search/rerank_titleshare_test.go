package search

import (
	"path/filepath"
	"testing"
)

// TestRerankTitleWordShare: the re-ranking reads the share of the query's
// words a guide names in its title, each word alike (rfTitleN, twentieth
// pass: it passes the twelfth pass's protocol once the fitting aid reads
// the guides split as the bot's library splits them). On library/ a short
// message whose verb the sync client's title names („Nextcloud-Ordner auf
// dem Computer synchronisieren“) gets that guide first, over the calendar
// guide the word-order pairs put first („synchronisiert nicht“ in one of
// its example questions); without the weight the calendar guide stays
// first (fails on main). Clear messages and short ones of generic words
// keep their first guide. A first guide the re-ranking moved is never
// confident.
func TestRerankTitleWordShare(t *testing.T) {
	// The guides read as the bot reads them, the reading the weight was
	// fitted on.
	ix := Build(loadGuidesAsBot(t, filepath.Join("..", "..", "library")), Options{})
	checkRerankCases(t, ix, []rerankCase{
		{"meine dateien synchronisieren nicht", "nextcloud/desktop-sync-client.md", true},
		{"was speicherst du", "lotse/was-lotse-speichert.md", true},
		// Must not move: clear first guides, short messages of generic words.
		{"ich habe mein passwort vergessen", "konto/passwort-vergessen.md", false},
		{"kamera geht nicht", "bbb/kamera-funktioniert-nicht.md", false},
		// Moved since the thirty-first pass (eng30a's model): the
		// guide whose tags and best section name a new phone (moving
		// the second factor) comes first; a choice, never confident.
		{"ich habe ein neues handy", "konto/zwei-faktor-handy-verloren.md", true},
		{"die app geht nicht", "", false},
		{"kalender aufs handy", "nextcloud/kalender-auf-dem-handy.md", false},
	})
}
