// Tests of a case offer: its text (the member's question quoted, the
// suggestions named only when there were guides) and its prompts: the
// earlier prompts kept when the offer is made again (withEarlier), which
// events answer the pending offer (isPrompt), and which are prompts of an
// offer no longer open (wasPrompt).

package support

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestOfferQuotesLastQuestionOnly: the draft holds every question of the
// conversation, answered ones too; the offer quoted all of it as „deine
// Frage“ — long and wrong on a phone (texts24's finding). It quotes the
// last line only, shortened (whole runes, also at a multi-byte letter),
// and says when the team gets more than that (mend24a). Fails without the
// fix: the offer quoted the answered first question.
func TestOfferQuotesLastQuestionOnly(t *testing.T) {
	long := strings.Repeat("ä", 200)
	for _, tt := range []struct {
		st                  *Texts
		draft               string
		want, wantNot, more string
	}{
		{&German, "Wie teile ich meinen Bildschirm?\nIch will mit einem Menschen reden", "(zuletzt „Ich will mit einem Menschen reden“)", "Bildschirm", "alles, was du eben geschrieben hast"},
		{&German, "Wie teile ich meinen Bildschirm?", "deine Frage („Wie teile ich meinen Bildschirm?“)", "zuletzt", ""},
		{&German, "Erste Frage\nZweite Frage" + draftMore, "(zuletzt „Zweite Frage“)", "Erste", "alles, was du"},
		{&German, long, "„" + strings.Repeat("ä", maxOfferQuote) + "…“", strings.Repeat("ä", maxOfferQuote+1), ""},
		{&English, "How do I share my screen?\nI want to talk to a person", "(last: “I want to talk to a person”)", "screen", "everything you just wrote"},
		{&English, "How do I share my screen?", "your question (“How do I share my screen?”)", "last:", ""},
	} {
		got := offerText(tt.st, tt.draft, false)
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.wantNot) || tt.more != "" && !strings.Contains(got, tt.more) || !utf8.ValidString(got) {
			t.Errorf("%s %q: offer %q, want it to quote %q (and %q), not %q", tt.st.Lang, tt.draft, got, tt.want, tt.more, tt.wantNot)
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

// TestSupersededPrompts: a new offer made after the last one lapsed or was
// declined keeps that offer's prompts marked superseded (withEarlier), so
// they never answer the new offer (isPrompt) but are known as prompts of
// an offer no longer open (wasPrompt); an expired draft's prompts are all
// such.
func TestSupersededPrompts(t *testing.T) {
	lapsed := storage.CaseDraft{PromptEvent: "declined:$x", EarlierPrompts: []string{"$p1", supersededMark + "$p0"}}
	got := withEarlier(&lapsed, "$p2")
	if want := []string{supersededMark + "$p1", supersededMark + "$p0"}; !slices.Equal(got, want) {
		t.Fatalf("withEarlier after a lapse: %v, want %v", got, want)
	}
	pending := storage.CaseDraft{Offered: true, PromptEvent: "$p2", EarlierPrompts: got}
	for _, p := range []id.EventID{"$p0", "$p1"} {
		if isPrompt(&pending, p) {
			t.Errorf("%s of the lapsed offer answers the new one", p)
		}
		if !wasPrompt(&pending, p, false) {
			t.Errorf("%s is not known as a prompt of an offer no longer open", p)
		}
	}
	if !isPrompt(&pending, "$p2") || wasPrompt(&pending, "$p2", false) {
		t.Error("the pending offer's own prompt is not its prompt")
	}
	if !wasPrompt(&pending, "$p2", true) {
		t.Error("the prompt of an expired draft is not known as no longer open")
	}
	if wasPrompt(&pending, "$other", true) || wasPrompt(&pending, "", true) {
		t.Error("an event that was no prompt is taken for one")
	}
}

// TestPromptTargetNoMark: a reaction's target is whatever the sender's
// client put there; one that spells a mark the draft keeps beside event
// IDs ("superseded:$p0", "declined:$n") names no prompt, so it neither
// answers the pending offer (isPrompt) nor counts as a prompt of one no
// longer open (wasPrompt) — review rvM: "superseded:$p0" confirmed the
// pending offer. The prompts themselves still do.
func TestPromptTargetNoMark(t *testing.T) {
	d := storage.CaseDraft{Offered: true, PromptEvent: "$p2", EarlierPrompts: []string{supersededMark + "$p0", "$p1"}}
	for _, target := range []id.EventID{supersededMark + "$p0", id.EventID(declinedBy("$n"))} {
		if isPrompt(&d, target) {
			t.Errorf("%s answers the pending offer", target)
		}
		for _, expired := range []bool{false, true} {
			if wasPrompt(&d, target, expired) {
				t.Errorf("%s (expired %v) is taken for a prompt no longer open", target, expired)
			}
		}
	}
	lapsed := storage.CaseDraft{PromptEvent: declinedBy("$n"), EarlierPrompts: []string{"$p1"}}
	if !isPrompt(&d, "$p2") || !isPrompt(&d, "$p1") || !wasPrompt(&d, "$p0", false) || !wasPrompt(&lapsed, "$p1", false) {
		t.Error("a real prompt is no longer known")
	}
}
