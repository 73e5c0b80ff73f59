package commands

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Reminders, digests and retention for support cases. They are not caused
// by an event, so each reminder has its own persisted identity (kind, case,
// and the activity it is about) from which its transaction ID derives; it is
// recorded as done after sending. A restart neither loses nor repeats one.

// RunScheduler ticks every interval (default a minute) until ctx ends.
func (h *Handler) RunScheduler(ctx context.Context, interval time.Duration) {
	if !h.supportOn() && !h.roundTable.On() {
		return
	}
	if interval <= 0 {
		interval = time.Minute
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if err := h.Tick(ctx, h.Now()); err != nil && ctx.Err() == nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Support reminders failed; will try again")
		}
		if err := h.roundTable.Tick(ctx, h.Now()); err != nil && ctx.Err() == nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Round table reminders failed; will try again")
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// quiet reports whether now is within the quiet hours.
func (h *Handler) quiet(now time.Time) bool {
	from, to := h.Support.QuietFrom, h.Support.QuietTo
	if from == to {
		return false
	}
	hour := now.In(h.location()).Hour()
	if from < to {
		return hour >= from && hour < to
	}
	return hour >= from || hour < to
}

// Tick sends the reminders and the digest due at now (outside quiet hours)
// and expires unconfirmed case drafts. Closed cases are deleted by the
// retention rules (storage.DB.Retention, run hourly). Tests call it with a
// fake clock.
func (h *Handler) Tick(ctx context.Context, now time.Time) error {
	if !h.supportOn() {
		return nil
	}
	if err := h.DB.Cases.PruneDrafts(ctx, now.Add(-h.ChoiceTTL)); err != nil {
		return err
	}
	if h.quiet(now) {
		return nil
	}
	st := h.Texts.Support
	if h.Support.UnclaimedAfter > 0 {
		due, err := h.DB.Cases.DueUnclaimed(ctx, now.Add(-h.Support.UnclaimedAfter))
		if err != nil {
			return err
		}
		for _, c := range due {
			key := fmt.Sprintf("unclaimed:%d:%d", c.ID, c.StatusAt.UnixMilli())
			md := formatText(st.ReminderUnclaimed, c.ID, h.age(now.Sub(c.StatusAt)))
			plain, htmlBody := renderMarkdown(md)
			if err := h.remind(ctx, key, now, plain, htmlBody, nil, nil); err != nil {
				return err
			}
		}
	}
	if h.Support.StaleAfter > 0 {
		stale, err := h.DB.Cases.StaleClaimed(ctx, now.Add(-h.Support.StaleAfter))
		if err != nil {
			return err
		}
		for _, c := range stale {
			key := fmt.Sprintf("stale:%d:%d", c.ID, c.UpdatedAt.UnixMilli())
			who := id.UserID(c.Assignee)
			name := h.name(ctx, c.Assignee)
			plain := formatText(st.ReminderStale, name, c.ID, h.age(now.Sub(c.UpdatedAt)))
			_, rest := renderMarkdown(formatText(st.ReminderStale, "LOTSEASSIGNEEPILL", c.ID, h.age(now.Sub(c.UpdatedAt))))
			pill := `<a href="https://matrix.to/#/` + html.EscapeString(who.String()) + `">` + html.EscapeString(name) + `</a>`
			htmlBody := replaceOnce(rest, "LOTSEASSIGNEEPILL", pill)
			if err := h.remind(ctx, key, now, plain, htmlBody, threadRel(c.TeamEvent), &event.Mentions{UserIDs: []id.UserID{who}}); err != nil {
				return err
			}
		}
	}
	if h.Support.DigestHour >= 0 {
		local := now.In(h.location())
		if local.Hour() >= h.Support.DigestHour && (h.Support.DigestWeekday < 0 || int(local.Weekday()) == h.Support.DigestWeekday) {
			board, err := h.DB.Cases.ListOpen(ctx, 1)
			if err != nil {
				return err
			}
			if board.Open > 0 {
				plain, htmlBody := renderMarkdown(formatText(st.Digest, board.Open, board.Open-board.ClaimedCount))
				if err := h.remind(ctx, "digest:"+local.Format("2006-01-02"), now, plain, htmlBody, nil, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// remind sends one reminder unless it was already sent.
func (h *Handler) remind(ctx context.Context, key string, now time.Time, plain, htmlBody string, rel *event.RelatesTo, mentions *event.Mentions) error {
	done, err := h.DB.Cases.ReminderDone(ctx, key)
	if err != nil || done {
		return err
	}
	if _, err := h.sendTo(ctx, h.Support.TeamRoom, plain, htmlBody, rel, mentions, h.caseTxn(key, "reminder", 0)); err != nil {
		return err
	}
	kind, _, _ := strings.Cut(key, ":")
	h.Observer.Reminder(kind)
	return h.DB.Cases.MarkReminder(ctx, key, now)
}

func replaceOnce(s, old, repl string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + repl + s[i+len(old):]
		}
	}
	return s
}
