package support

import (
	"slices"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

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
