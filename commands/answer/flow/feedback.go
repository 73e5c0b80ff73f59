package flow

import (
	"context"
	"strconv"
	"strings"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides/search"
)

// React handles a reaction no other workflow owned: a number button under
// "Meintest du …?", a case offer, or 👍/👎 on an answer (counted once per
// member and answer), with thanks — or, for 👎, what to try next.
func (w *Workflow) React(ctx context.Context, evt *event.Event) error {
	rc := evt.Content.AsReaction()
	if rc == nil || rc.RelatesTo.EventID == "" {
		return nil
	}
	// A reaction has no words: the member's last clear language.
	w.readLang(ctx, "")
	if w.cfg.Support != nil {
		if handled, err := w.cfg.Support.OfferReaction(ctx, evt, rc.RelatesTo.EventID, rc.RelatesTo.Key); handled || err != nil {
			return err
		}
	}
	if n := keycapNumber(rc.RelatesTo.Key); n > 0 {
		// A number button under "Meintest du …?": only on the question
		// asked to this member in this room (the open choice is kept per
		// room and member), nowhere else.
		p, open, err := w.pending(ctx, evt)
		if err != nil || !open || p.Prompt == "" || p.Prompt != rc.RelatesTo.EventID.String() {
			return err
		}
		return w.pickChoice(ctx, evt, strconv.Itoa(n))
	}
	helpful, ok := chat.Vote(rc.RelatesTo.Key)
	if !ok {
		return nil
	}
	// Only an answer of this room: the vote names its target freely, and
	// an answer of another room (another member's direct chat) is not
	// this room's to vote on (sec28).
	guideID, err := w.DB.Answers.GuideFor(ctx, rc.RelatesTo.EventID.String(), evt.RoomID.String())
	if err != nil || guideID == "" {
		return err
	}
	counted, err := w.DB.Feedback.Vote(ctx, rc.RelatesTo.EventID.String(), evt.Sender.String(), guideID, helpful)
	if err != nil || !counted {
		return err
	}
	if helpful {
		return w.ReplyMarkdown(ctx, w.texts(ctx).FeedbackThanks)
	}
	// 👎: the question behind the answer is one Lotse could not answer.
	if w.cfg.Gaps != nil {
		if err := w.cfg.Gaps.ThumbsDown(ctx, rc.RelatesTo.EventID); err != nil {
			return err
		}
	}
	// 👎 on a guide answer: offer a case when support cases are on.
	if w.cfg.Support != nil {
		if offered, err := w.cfg.Support.OfferAfterThumbsDown(ctx, evt, rc.RelatesTo.EventID); offered || err != nil {
			return err
		}
	}
	// Else the next candidates, when the answer had close runners-up.
	p, open, err := w.pending(ctx, evt)
	if err != nil {
		return err
	}
	if open && p.Guide == guideID && len(p.RunnersUp) > 0 {
		var hits []search.Hit
		for _, id := range p.RunnersUp {
			hits = append(hits, search.Hit{ID: id, Section: -1})
		}
		// Only those still there and readable (a reload may have removed
		// them or made them team-only since the answer).
		lib := w.Guides.Current()
		if hits = w.visibleHits(ctx, lib, hits); len(hits) > 0 {
			return w.OfferChoice(ctx, lib, hits)
		}
	}
	// No case was offered: name whom to reach instead.
	return w.ReplyMarkdown(ctx, w.texts(ctx).FeedbackSorry+" "+w.contact(ctx))
}

// keycapNumber reads a keycap reaction ("2️⃣", also without the variation
// selector) as its number (answer.Keycaps, the buttons under "Meintest du
// …?"), or 0.
func keycapNumber(key string) int {
	k := strings.ReplaceAll(key, "\ufe0f", "")
	for i, c := range answer.Keycaps {
		if k == strings.ReplaceAll(c, "\ufe0f", "") {
			return i + 1
		}
	}
	return 0
}
