package search

import (
	"slices"
	"testing"
)

// TestMailShortForm: "Mail" is the short form of "E-Mail" (Duden), and
// guides write either; a member's "email" finds a guide that only says
// "Mail", and a guide that says "E-Mail" is still found by "mail".
func TestMailShortForm(t *testing.T) {
	docs := []Doc{
		{ID: "mail/postfach.md", Title: "Mail-Postfach auf dem Handy", Summary: "Dein Postfach im Mailprogramm des Handys.",
			Sections: []Section{{"", "Trage die Adresse und das Passwort des Postfachs ein."}}},
		{ID: "kalender/abo.md", Title: "Kalender abonnieren", Summary: "Termine des Verbands im eigenen Kalender.",
			Sections: []Section{{"", "Den Link zum Kalender bekommst du per E-Mail."}}},
	}
	ix := Build(docs, Options{})
	ids := func(q string) []string {
		var out []string
		for _, h := range ix.Search(q, 5).Hits {
			out = append(out, h.ID)
		}
		return out
	}
	for _, tt := range []struct{ query, want string }{
		{"email", "mail/postfach.md"},
		{"emails auf dem handy", "mail/postfach.md"},
		{"mail", "kalender/abo.md"},
	} {
		if got := ids(tt.query); !slices.Contains(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %s among the hits (concepts %s)", tt.query, got, tt.want, ix.explain(tt.query))
		}
	}
	// Not every word with "mail" in it: a mailing list is no mail box.
	if got := ids("mailingliste"); slices.Contains(got, "mail/postfach.md") {
		t.Errorf("Search(mailingliste) = %v, want no mail box guide", got)
	}
}
