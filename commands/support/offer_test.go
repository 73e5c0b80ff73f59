package support

import (
	"strings"
	"testing"
)

// TestOfferQuotesInnerQuotation: the offer of a case quotes the member's
// question in „…“ (English “…”), so a quotation inside it gets single
// marks like the "no guide" reply (review rv7, finding 10).
func TestOfferQuotesInnerQuotation(t *testing.T) {
	for _, tt := range []struct {
		st        *Texts
		q, want   string
		forbidden string
	}{
		{&German, `Wie melde ich eine "Demo" an?`, "(„Wie melde ich eine ‚Demo‘ an?“)", `"`},
		{&German, "Zoom sagt „Fehler 42“", "(„Zoom sagt ‚Fehler 42‘“)", "„Fehler"},
		{&English, `Zoom says "error 42"`, "(“Zoom says ‘error 42’”)", `"`},
		{&German, "Wie teile ich meinen Bildschirm?", "(„Wie teile ich meinen Bildschirm?“)", ""},
	} {
		got := offerText(tt.st, tt.q, true)
		if !strings.Contains(got, tt.want) || tt.forbidden != "" && strings.Contains(got, tt.forbidden) {
			t.Errorf("%s %q: offer %q, want it to quote %s", tt.st.Lang, tt.q, got, tt.want)
		}
		if !strings.HasSuffix(got, "\n\n"+tt.st.OfferHow) {
			t.Errorf("%s: offer %q lacks how to answer it", tt.st.Lang, got)
		}
	}
}

// TestOfferNamesSuggestionsOnlyWithGuides: the offer tells the member the
// team gets Lotse's suggestions only when Lotse suggested a guide; after a
// request for a person or "no guide fits" there were none to pass on.
func TestOfferNamesSuggestionsOnlyWithGuides(t *testing.T) {
	for _, st := range []*Texts{&German, &English} {
		words := map[string]string{"de": "Vorschläge", "en": "suggestions"}[st.Lang]
		if got := offerText(st, "Frage", true); !strings.Contains(got, words) {
			t.Errorf("%s with guides: offer %q does not name the suggestions", st.Lang, got)
		}
		if got := offerText(st, "Frage", false); strings.Contains(got, words) {
			t.Errorf("%s without guides: offer %q promises suggestions there were none of", st.Lang, got)
		}
	}
}
