package search

import "testing"

// TestRerankStrongWordShare: the re-ranking reads the share of the
// query's words a guide names where its author says what it is about,
// each word alike (rfStrongN, seventeenth pass). On the bench library a
// message that names most of the words of "Passwort ändern in den
// persönlichen Einstellungen" in its strong fields gets that guide first,
// over the link-sharing guide that the ranking put first on one rarer
// word. Without the feature's weight both keep the wrong first guide
// (fails on main); clear messages and short ones of generic words keep
// theirs. A first guide the re-ranking moved is never confident.
func TestRerankStrongWordShare(t *testing.T) {
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	checkRerankCases(t, ix, []rerankCase{
		{"pw neu setzen einstellungen", "konto/passwort-aendern.md", true},
		{"neues pw in den einstellungen setzen", "konto/passwort-aendern.md", true},
		// Must not move: clear first guides, short messages of generic words.
		{"wie teile ich meinen bildschirm", "bbb/bildschirm-teilen.md", false},
		{"ich habe mein passwort vergessen", "konto/passwort-vergessen.md", false},
		{"ich habe ein neues handy", "", false},
		{"mein android handy startet ständig neu", "", false},
	})
}

// rerankCase is a message, the guide that must come first ("" for any)
// and whether the re-ranking must be what put it there.
type rerankCase struct {
	query, want string
	moved       bool
}

// checkRerankCases checks each case's first guide and whether the
// re-ranking moved it; a first guide the re-ranking moved is never
// confident.
func checkRerankCases(t *testing.T, ix *Index, cases []rerankCase) {
	t.Helper()
	for _, tt := range cases {
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
