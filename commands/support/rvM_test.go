package support

import (
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

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
