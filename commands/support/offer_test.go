package support

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
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

// TestWithEarlier: the earlier prompts of an offer made again while
// pending keep the previous latest prompt, never the new one (the same
// event handled again after a crash sends the same prompt), drop the
// oldest beyond maxEarlierPrompts, and are none when no offer was pending
// (a declined draft's marker is no prompt).
func TestWithEarlier(t *testing.T) {
	many := make([]string, maxEarlierPrompts)
	for i := range many {
		many[i] = "$e" + strconv.Itoa(i)
	}
	for _, tt := range []struct {
		name   string
		d      storage.CaseDraft
		prompt id.EventID
		want   []string
	}{
		{"first re-offer", storage.CaseDraft{Offered: true, PromptEvent: "$p1"}, "$p2", []string{"$p1"}},
		{"second re-offer", storage.CaseDraft{Offered: true, PromptEvent: "$p2", EarlierPrompts: []string{"$p1"}}, "$p3", []string{"$p1", "$p2"}},
		{"the same re-offer handled again", storage.CaseDraft{Offered: true, PromptEvent: "$p2", EarlierPrompts: []string{"$p1"}}, "$p2", []string{"$p1"}},
		{"bounded", storage.CaseDraft{Offered: true, PromptEvent: "$p", EarlierPrompts: many}, "$q", append(slices.Clone(many[1:]), "$p")},
		{"no offer pending", storage.CaseDraft{PromptEvent: "declined:$x"}, "$p", nil},
	} {
		if got := withEarlier(&tt.d, tt.prompt); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
