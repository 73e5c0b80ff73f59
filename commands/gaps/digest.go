package gaps

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// The weekly digest. It is sent exactly once per week, across restarts and
// a standby's take-over: the week is claimed in the database (with the
// window of questions it covers) before anything is sent, the send's
// transaction ID derives from the week alone, and the claim is marked sent
// afterwards. A crash between claim and mark sends again with the same
// transaction ID and the same window, and the homeserver (and Lotse's own
// record of sent transactions) drops the repeat. A week whose sends failed
// until it was over is sent at the next tick, before the current week's,
// so that no window of questions is skipped.

// maxGroups bounds the topics listed in one digest (the rest is counted).
const maxGroups = 10

// Run checks every TickInterval whether the digest is due, until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	if w.DigestOn() {
		w.Every(ctx, w.cfg.TickInterval, "Weekly digest of unanswered questions failed; will try again", w.Tick)
	}
}

// DigestOn reports whether the team gets the weekly digest of kept
// questions: questions are kept, there is a team room, and gaps_digest
// names a weekday.
func (w *Workflow) DigestOn() bool {
	return w.cfg.Keep && w.cfg.TeamRoom != "" && w.cfg.Weekday >= 0 && w.cfg.Weekday <= 6
}

// Week returns the ISO week ("2026-W49") of local time t and when its
// digest is due: the configured weekday and hour of that week (weeks
// start on Monday).
func Week(t time.Time, weekday, hour int) (string, time.Time) {
	y, wk := t.ISOWeek()
	monday := time.Date(t.Year(), t.Month(), t.Day()-(int(t.Weekday())+6)%7, 0, 0, 0, 0, t.Location())
	due := time.Date(monday.Year(), monday.Month(), monday.Day()+(weekday+6)%7, hour, 0, 0, 0, t.Location())
	return fmt.Sprintf("%d-W%02d", y, wk), due
}

// Tick sends this week's digest if it is due and was not sent (tests call
// it with a fake clock).
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	if !w.DigestOn() {
		return nil
	}
	week, due := Week(now.In(w.cfg.Location), w.cfg.Weekday, w.cfg.Hour)
	if w.sentWeek.Load() == week {
		return nil
	}
	// An earlier week's digest that was claimed but never went out (its
	// sends failed until the week was over, or Lotse was down) goes out
	// first, with its own window and transaction: its questions are not
	// lost to the next window, and a send that did reach the homeserver is
	// not repeated.
	pending, err := w.DB.Gaps().UnsentDigests(ctx, week)
	if err != nil {
		return err
	}
	for _, earlier := range pending {
		claim, err := w.DB.Gaps().ClaimDigest(ctx, earlier, now.Add(-w.ChoiceTTL), now)
		if err != nil {
			return err
		}
		if err := w.sendDigest(ctx, earlier, claim, now); err != nil {
			return err
		}
	}
	if now.Before(due) {
		return nil
	}
	// Questions younger than the choice period may still be picked.
	claim, err := w.DB.Gaps().ClaimDigest(ctx, week, now.Add(-w.ChoiceTTL), now)
	if err != nil {
		return err
	}
	if !claim.Sent {
		if err := w.sendDigest(ctx, week, claim, now); err != nil {
			return err
		}
	}
	// Earlier weeks went out above, and the lease keeps other processes
	// from claiming: nothing is left to do this week.
	w.sentWeek.Store(week)
	return nil
}

// sendDigest sends the digest of week's claim to the team room (nothing
// when it holds no questions) and records it as sent.
func (w *Workflow) sendDigest(ctx context.Context, week string, claim storage.DigestClaim, now time.Time) error {
	// Only the questions grouping looks at are read (many members' floods
	// must not fill the memory); the digest counts all.
	qs, n, err := w.DB.Gaps().Latest(ctx, claim.From, claim.To, MaxGrouped)
	if err != nil {
		return err
	}
	if n > 0 {
		md := w.DigestMarkdown(GroupQuestions(qs), n, claim.From, claim.To)
		plain, htmlBody := chat.Render(md)
		if _, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, nil, nil, w.KeyTxn("lotse-gaps/"+week, "digest", 0)); err != nil {
			return err
		}
	}
	return w.DB.Gaps().DigestSent(ctx, week, n, now)
}

// DigestMarkdown is the digest of n questions in groups, asked from from
// (zero: the first digest) until to.
func (w *Workflow) DigestMarkdown(groups []Group, n int, from, to time.Time) string {
	return Markdown(w.tx, w.Guides.Current(), groups, n, from.In(w.cfg.Location), to.In(w.cfg.Location))
}

// Markdown renders groups for the team room (tx's language; guide titles
// from lib). No user IDs: the groups hold none.
func Markdown(tx *Texts, lib *guides.Library, groups []Group, n int, from, to time.Time) string {
	var b strings.Builder
	if from.UnixMilli() <= 0 {
		b.WriteString(chat.Format(tx.DigestFirstTitle, to.Format(chat.LayoutsFor(tx.Lang).Date)))
	} else {
		b.WriteString(chat.Format(tx.DigestTitle, from.Format(chat.LayoutsFor(tx.Lang).Date), to.Format(chat.LayoutsFor(tx.Lang).Date)))
	}
	topics := chat.Format(chat.Plural(tx.DigestGroups, len(groups)), len(groups))
	b.WriteString("\n\n" + chat.Format(chat.Plural(tx.DigestCount, n), n, topics) + "\n")
	for i, g := range groups {
		if i == maxGroups {
			rest := len(groups) - maxGroups
			b.WriteString("\n" + chat.Format(chat.Plural(tx.DigestMore, rest), rest) + "\n")
			break
		}
		b.WriteString("\n" + fmt.Sprintf("%d. ", i+1) + chat.Format(tx.DigestGroup, g.Count, chat.Escape(g.Examples[0])))
		if outs := outcomes(tx, g); outs != "" {
			b.WriteString(" (" + outs + ")")
		}
		if len(g.Examples) > 1 {
			b.WriteString("  \n   " + chat.Format(tx.DigestAlso, chat.Escape(g.Examples[1])))
		}
		var titles []string
		for _, id := range g.Guides {
			if gd, ok := lib.Get(id); ok {
				titles = append(titles, chat.Escape(gd.Title))
			}
		}
		if len(titles) > 0 {
			b.WriteString("  \n   " + chat.Format(tx.DigestClosest, strings.Join(titles, " · ")))
		} else {
			b.WriteString("  \n   " + tx.DigestNoGuide)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + tx.DigestFooter)
	return b.String()
}

// outcomes names how the group's questions ended, in a fixed order.
func outcomes(tx *Texts, g Group) string {
	keys := make([]string, 0, len(g.Outcomes))
	for k := range g.Outcomes {
		keys = append(keys, k)
	}
	order := map[string]int{storage.FailedNone: 0, storage.FailedChoose: 1, storage.FailedThumbsDown: 2}
	sort.Slice(keys, func(i, j int) bool { return order[keys[i]] < order[keys[j]] })
	var parts []string
	for _, k := range keys {
		if forms, ok := tx.Outcomes[k]; ok && g.Outcomes[k] > 0 {
			parts = append(parts, chat.Format(chat.Plural(forms, g.Outcomes[k]), g.Outcomes[k]))
		}
	}
	return strings.Join(parts, ", ")
}
