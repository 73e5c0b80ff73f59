package commands

import (
	"context"
	"strconv"
	"strings"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/guides/search"
)

// handleReaction counts 👍/👎 on an answer for its guide (once per member
// and answer) and says thanks — or, for 👎, what to try next.
func (h *Handler) handleReaction(ctx context.Context, evt *event.Event) error {
	rc := evt.Content.AsReaction()
	if rc == nil || rc.RelatesTo.EventID == "" {
		return nil
	}
	if handled, err := h.roundTableReaction(ctx, evt, rc.RelatesTo.EventID, rc.RelatesTo.Key); handled || err != nil {
		return err
	}
	if handled, err := h.supportReaction(ctx, evt, rc.RelatesTo.EventID, rc.RelatesTo.Key); handled || err != nil {
		return err
	}
	if n := keycapNumber(rc.RelatesTo.Key); n > 0 {
		// A number button under "Meintest du …?".
		return h.pickChoice(ctx, evt, strconv.Itoa(n))
	}
	helpful, ok := voteOf(rc.RelatesTo.Key)
	if !ok {
		return nil
	}
	guideID, err := h.DB.Answers.GuideFor(ctx, rc.RelatesTo.EventID.String())
	if err != nil || guideID == "" {
		return err
	}
	counted, err := h.DB.Feedback.Vote(ctx, rc.RelatesTo.EventID.String(), evt.Sender.String(), guideID, helpful)
	if err != nil || !counted {
		return err
	}
	if helpful {
		return h.replyMarkdown(ctx, h.Texts.FeedbackThanks)
	}
	// 👎 on a guide answer: offer a case when support cases are on.
	if offered, err := h.offerAfterThumbsDown(ctx, evt, rc.RelatesTo.EventID); offered || err != nil {
		return err
	}
	// Support cases are off here: name whom to reach instead.
	return h.replyMarkdown(ctx, h.Texts.FeedbackSorry+" "+h.env.FallbackContact())
}

// keycaps are the reaction buttons Lotse puts under "Meintest du …?".
var keycaps = []string{"1️⃣", "2️⃣", "3️⃣"}

// keycapNumber reads a keycap reaction ("2️⃣", also without the variation
// selector) as its number, or 0.
func keycapNumber(key string) int {
	k := strings.ReplaceAll(key, "\ufe0f", "")
	for i, c := range keycaps {
		if k == strings.ReplaceAll(c, "\ufe0f", "") {
			return i + 1
		}
	}
	return 0
}

// voteOf reads a reaction key as a vote, ignoring skin tones and variation selectors.
func voteOf(key string) (helpful, ok bool) {
	k := strings.Map(func(r rune) rune {
		if r == '\ufe0f' || (r >= 0x1F3FB && r <= 0x1F3FF) {
			return -1
		}
		return r
	}, key)
	switch k {
	case "👍", "+1", "👌", "✅":
		return true, true
	case "👎", "-1", "❌":
		return false, true
	}
	return false, false
}

func searchHit(id string) search.Hit { return search.Hit{ID: id, Section: -1} }
