package search

import "testing"

// withoutContrast runs f with the contrastive reading switched off.
func withoutContrast(f func()) {
	old := contrastOff
	contrastOff = true
	defer func() { contrastOff = old }()
	f()
}

// TestContrast: when the first two guides are close, the second comes
// first if the first's lead has no query word in its title that the
// second's title lacks, and the second meets more of the message's words
// and explains more of it (contrast.go). The moved guide is a moved
// first guide like the learned re-ranking's: never confident, the old
// first second. Messages invented from the bench guides' headings, none
// from a question set; the last rows must not move (the first guide
// names a word of the message in its title that the second lacks, or
// the first guide is clear).
func TestContrast(t *testing.T) {
	docs, _ := loadBench(t)
	ix := Build(docs, Options{})
	for _, tt := range []struct {
		query, wantOn, wantOff string
	}{
		// „Videokonferenz“ is only in the joining guide's tags; the
		// moderation guide meets „Störer“ and „rauswerfen“ too.
		{"wie kann ich einen stoerer aus der videokonferenz entfernen", "bbb/moderationsrechte.md", "bbb/konferenz-beitreten.md"},
		{"kann ich stoerer aus der videokonferenz rauswerfen", "bbb/moderationsrechte.md", "bbb/konferenz-beitreten.md"},
		{"online-veranstaltung mit 300 leuten, muss man da was anmelden", "bbb/raum-beantragen.md", "nextcloud/talk.md"},
		// Must not move.
		{"wie kann ich einen stoerer aus der konferenz rauswerfen", "bbb/moderationsrechte.md", "bbb/moderationsrechte.md"},
		{"ich habe mein passwort vergessen", "konto/passwort-vergessen.md", "konto/passwort-vergessen.md"},
		{"meine kamera bleibt schwarz in der konferenz", "bbb/kamera-geht-nicht.md", "bbb/kamera-geht-nicht.md"},
	} {
		on := ix.Search(tt.query, 5)
		var off Result
		withoutContrast(func() { off = ix.Search(tt.query, 5) })
		if len(on.Hits) < 2 || len(off.Hits) < 2 {
			t.Fatalf("%q: too few hits", tt.query)
		}
		if on.Hits[0].ID != tt.wantOn || off.Hits[0].ID != tt.wantOff {
			t.Errorf("%q: first %s with the contrast, %s without; want %s, %s", tt.query, on.Hits[0].ID, off.Hits[0].ID, tt.wantOn, tt.wantOff)
			continue
		}
		if tt.wantOn == tt.wantOff {
			continue
		}
		if on.Hits[1].ID != tt.wantOff || !on.Reranked() || on.Confident {
			t.Errorf("%q: second %s, moved %v, confident %v; want the old first %s second, moved, not confident", tt.query, on.Hits[1].ID, on.Reranked(), on.Confident, tt.wantOff)
		}
		if b := on.HitsBeforeRerank(); b[0].ID != tt.wantOff {
			t.Errorf("%q: first before the move %s, want %s", tt.query, b[0].ID, tt.wantOff)
		}
	}
}
