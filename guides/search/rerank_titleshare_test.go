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
	ix := Build(loadGuides(t, filepath.Join("..", "..", "library")), Options{})
	for _, tt := range []struct {
		query, want string
		moved       bool
	}{
		{"meine dateien synchronisieren nicht", "nextcloud/desktop-sync-client.md", true},
		{"was speicherst du", "lotse/was-lotse-speichert.md", true},
		// Must not move: clear first guides, short messages of generic words.
		{"ich habe mein passwort vergessen", "konto/passwort-vergessen.md", false},
		{"kamera geht nicht", "bbb/kamera-funktioniert-nicht.md", false},
		{"ich habe ein neues handy", "", false},
		{"die app geht nicht", "", false},
		{"kalender aufs handy", "nextcloud/kalender-auf-dem-handy.md", false},
	} {
		res := ix.Search(tt.query, 5)
		if tt.want != "" && (len(res.Hits) == 0 || res.Hits[0].ID != tt.want) {
			t.Errorf("%q: first %v, want %s", tt.query, ids(res.Hits), tt.want)
		}
		if moved := res.Reranked(); moved != tt.moved {
			t.Errorf("%q: moved by the re-ranking %v (first before it %v), want %v", tt.query, moved, ids(res.HitsBeforeRerank()), tt.moved)
		}
		if tt.moved && res.Confident {
			t.Errorf("%q: confident, want a choice: a first guide the re-ranking moved is never confident", tt.query)
		}
	}
}
