package support

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Reminders, digests and retention for support cases. They are not caused
// by an event, so each reminder has its own persisted identity (kind, case,
// and the activity it is about) from which its transaction ID derives; it is
// recorded as done after sending. A restart neither loses nor repeats one.

// Run sends the reminders and the digest until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	if w.On() {
		w.Every(ctx, w.cfg.TickInterval, "Support reminders failed; will try again", w.Tick)
	}
}

// quiet reports whether now is within the quiet hours.
func quiet(cfg Config, now time.Time) bool {
	from, to := cfg.QuietFrom, cfg.QuietTo
	if from == to {
		return false
	}
	hour := now.In(cfg.Location).Hour()
	if from < to {
		return hour >= from && hour < to
	}
	return hour >= from || hour < to
}

// Tick sends the reminders and the digest due at now (outside quiet hours)
// and expires unconfirmed case drafts. Closed cases are deleted by the
// retention rules (storage.DB.Retention, run hourly). Tests call it with a
// fake clock.
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	if !w.On() {
		return nil
	}
	// What an erasure left to redact (also one interrupted by a crash,
	// or made on the command line while Lotse ran). A redaction the
	// homeserver keeps refusing is reported, but holds back neither the
	// drafts' expiry nor the team's reminders and digest (whole25: it
	// returned here, every minute, for good).
	// What the retention rules left to redact (priv29), likewise.
	erased := errors.Join(w.FinishErasures(ctx), w.FinishExpired(ctx))
	return errors.Join(erased, w.remindDue(ctx, now))
}

// remindDue expires unconfirmed case drafts and sends the reminders and
// the digest due at now (Tick's part after the erasures).
func (w *Workflow) remindDue(ctx context.Context, now time.Time) error {
	if err := w.DB.Cases.PruneDrafts(ctx, now.Add(-w.ChoiceTTL)); err != nil {
		return err
	}
	// Who opened a case is kept a day at most (for the daily bound, also
	// after an erasure; sup29).
	if err := w.DB.Cases.PruneOpenings(ctx, now.Add(-storage.CaseOpeningKept)); err != nil {
		return err
	}
	if quiet(w.cfg, now) {
		return nil
	}
	// A member's notice that cannot be recorded must not hold back the
	// team's reminders (whole28).
	return errors.Join(w.tellWaiting(ctx, now), w.remindTeam(ctx, now), w.catchUpLang(ctx, now))
}

// remindTeam sends the team's reminders and the digest due at now.
func (w *Workflow) remindTeam(ctx context.Context, now time.Time) error {
	st := w.tx
	if w.cfg.UnclaimedAfter > 0 {
		due, err := w.DB.Cases.DueUnclaimed(ctx, now.Add(-w.cfg.UnclaimedAfter))
		if err != nil {
			return err
		}
		if err := w.remindUnclaimed(ctx, due, now); err != nil {
			return err
		}
	}
	if w.cfg.StaleAfter > 0 {
		stale, err := w.DB.Cases.StaleClaimed(ctx, now.Add(-w.cfg.StaleAfter))
		if err != nil {
			return err
		}
		for _, c := range stale {
			key := fmt.Sprintf("stale:%d:%d", c.ID, c.UpdatedAt.UnixMilli())
			pinged, sent, err := w.DB.Cases.ReminderSent(ctx, key)
			if err != nil {
				return err
			}
			if sent {
				// The reminder about this very stretch without activity,
				// StaleAfter ago or longer.
				if pinged.After(c.UpdatedAt) && now.Sub(pinged) >= w.cfg.StaleAfter {
					if err := w.returnIdle(ctx, c, key, now); err != nil {
						return err
					}
				}
				continue
			}
			who := id.UserID(c.Assignee)
			name := w.name(ctx, c.Assignee)
			then := " " + chat.Format(st.ReminderStaleReturn, age(w.tx, w.cfg.StaleAfter))
			// The plain body is the rendered text (no backticks around
			// the command): it is what the volunteer's notification shows.
			plain, _ := chat.Render(chat.Format(st.ReminderStale, chat.Escape(name), c.ID, age(w.tx, now.Sub(c.UpdatedAt))) + then)
			_, rest := chat.Render(chat.Format(st.ReminderStale, "LOTSEASSIGNEEPILL", c.ID, age(w.tx, now.Sub(c.UpdatedAt))) + then)
			pill := `<a href="https://matrix.to/#/` + html.EscapeString(who.String()) + `">` + html.EscapeString(name) + `</a>`
			htmlBody := strings.Replace(rest, "LOTSEASSIGNEEPILL", pill, 1)
			if err := w.remind(ctx, key, now, plain, htmlBody, chat.ThreadRel(c.TeamEvent), &event.Mentions{UserIDs: []id.UserID{who}}); err != nil {
				return err
			}
		}
	}
	if w.cfg.DigestHour >= 0 {
		local := now.In(w.cfg.Location)
		if local.Hour() >= w.cfg.DigestHour && (w.cfg.DigestWeekday < 0 || int(local.Weekday()) == w.cfg.DigestWeekday) {
			board, err := w.DB.Cases.ListOpen(ctx, 1)
			if err != nil {
				return err
			}
			if board.Open > 0 {
				plain, htmlBody := chat.Render(chat.Format(chat.Plural(st.Digest, board.Open), board.Open, board.Open-board.ClaimedCount))
				if err := w.remind(ctx, "digest:"+local.Format(chat.ISODateLayout), now, plain, htmlBody, nil, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// MemberWaitAfter is how long an open case goes without an answer before
// its member is told, once, that it is not forgotten: the member was told
// „meist innerhalb von ein bis zwei Tagen“ when it opened (Opened), and
// heard nothing after that for a week, while the team was reminded
// (sup28).
const MemberWaitAfter = 48 * time.Hour

// tellWaiting tells the members of open cases that waited MemberWaitAfter
// for a first answer that their case is not forgotten (WaitingMember),
// each case once (storage.WaitingKey). It is a courtesy: a notice that
// cannot be sent (the member left the chat) is logged and not retried, so
// that it does not hold back the team's reminders every minute. The one
// exception is the team's note that the member cannot be told, held while
// the team room is open to everyone: it waits for the room (rooms33).
func (w *Workflow) tellWaiting(ctx context.Context, now time.Time) error {
	waiting, err := w.DB.Cases.Waiting(ctx, now.Add(-MemberWaitAfter))
	if err != nil {
		return err
	}
	for _, c := range waiting {
		key := storage.WaitingKey(c.ID)
		// The member's notice in the case's language (memberTx).
		md := chat.Format(w.memberTx(c).WaitingMember, c.ID, w.fallbackContact(w.memberTx(c)))
		// Where the member is with Lotse now; in no chat, the thread
		// reads that the notice did not go out (relay30).
		room, err := w.noticeRoom(ctx, c)
		switch {
		case err != nil:
			zerolog.Ctx(ctx).Warn().Err(err).Int64("case", c.ID).Msg("Failed to find where to tell a member that their case waits")
		case room == "":
			_, err := w.toThread(ctx, c, chat.Format(w.tx.WaitingGoneTeam, c.ID), "", w.KeyTxn("lotse-case/"+key, "reminder-gone", 0))
			if chat.IsHeld(err) {
				// The team room is open to everyone: the note waits like
				// the team's reminders (remind), the key unmarked, and
				// goes out at the first tick after the room is closed.
				// Before, it was marked done and lost (mend32b's Left).
				zerolog.Ctx(ctx).Debug().Err(err).Int64("case", c.ID).Msg("The team's note that a member cannot be told their case waits is held")
				continue
			}
			if err != nil {
				zerolog.Ctx(ctx).Warn().Err(err).Int64("case", c.ID).Msg("Failed to tell the team that a member cannot be told their case waits")
			}
		default:
			if _, err := w.SendMarkdownTo(ctx, room, md, nil, w.KeyTxn("lotse-case/"+key, "reminder", 0)); err != nil {
				zerolog.Ctx(ctx).Warn().Err(err).Int64("case", c.ID).Msg("Failed to tell a member that their case waits")
			}
		}
		if err := w.DB.Cases.MarkReminder(ctx, key, now); err != nil {
			return err
		}
	}
	return nil
}

// returnIdle gives case c back to the queue: its assignee was reminded
// (the reminder key) StaleAfter ago and nothing happened in the case
// since. A volunteer who claimed a case and then went to bed, or away for
// the week, no longer keeps it from the others for good (team26: it stayed
// „IN ARBEIT“ until someone noticed). The thread says so, the board shows
// it open, and the reminder of unclaimed cases follows after
// UnclaimedAfter. The member is not told: they were never told who has
// their case. Activity in between (the update is conditional on it)
// leaves the case where it is.
func (w *Workflow) returnIdle(ctx context.Context, c *storage.Case, key string, now time.Time) error {
	returned, after, err := w.DB.Cases.ReturnStale(ctx, c.ID, c.Assignee, w.Matrix.UserID().String(), c.UpdatedAt, now)
	if err != nil || !returned || after == nil {
		return err
	}
	md := chat.Format(w.tx.CaseReturnedIdle, c.ID, chat.Escape(w.name(ctx, c.Assignee)), age(w.tx, now.Sub(c.UpdatedAt)))
	plain, htmlBody := chat.Render(md)
	if _, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(c.TeamEvent), nil, w.KeyTxn("lotse-case/returned:"+key, "reminder", 0)); err != nil {
		return err
	}
	return w.updateBoard(ctx, c.ID)
}

// MaxListedUnclaimed is how many cases one reminder of waiting cases
// names (the rest are counted: `!offen` lists them).
const MaxListedUnclaimed = 10

// remindUnclaimed reminds the team of the open cases due that nobody
// claimed, each once for the time it became free (its key). One due case
// gets a message of its own; several due at once (a busy evening, or the
// morning after the quiet hours) get one message that names them, so the
// room is not flooded with one message per case (team26: 40 waiting cases
// were 40 messages at once in the team room's timeline, on every phone).
func (w *Workflow) remindUnclaimed(ctx context.Context, due []*storage.Case, now time.Time) error {
	st := w.tx
	var keys []string
	var waiting []*storage.Case
	for _, c := range due {
		key := fmt.Sprintf("unclaimed:%d:%d", c.ID, c.StatusAt.UnixMilli())
		done, err := w.DB.Cases.ReminderDone(ctx, key)
		if err != nil {
			return err
		}
		if !done {
			keys, waiting = append(keys, key), append(waiting, c)
		}
	}
	switch len(waiting) {
	case 0:
		return nil
	case 1:
		c := waiting[0]
		plain, htmlBody := chat.Render(chat.Format(st.ReminderUnclaimed, c.ID, age(w.tx, now.Sub(c.StatusAt))))
		return w.remind(ctx, keys[0], now, plain, htmlBody, nil, nil)
	}
	var list []string
	for _, c := range waiting[:min(len(waiting), MaxListedUnclaimed)] {
		list = append(list, fmt.Sprintf("#%d (%s)", c.ID, chat.Format(w.tx.AgeSince, age(w.tx, now.Sub(c.StatusAt)))))
	}
	md := chat.Format(st.ReminderUnclaimedMany, len(waiting), strings.Join(list, ", "))
	if more := len(waiting) - len(list); more > 0 {
		md += " " + chat.Format(chat.Plural(st.ReminderUnclaimedMore, more), more)
	}
	md += "\n\n" + st.ReminderUnclaimedHow
	plain, htmlBody := chat.Render(md)
	// One transaction for the set of cases: a retry after a crash before
	// the keys were marked sends it once.
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	batch := "unclaimed-batch:" + hex.EncodeToString(sum[:8])
	if _, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, nil, nil, w.KeyTxn("lotse-case/"+batch, "reminder", 0)); err != nil {
		return err
	}
	w.Observer.Reminder("unclaimed")
	for _, key := range keys {
		if err := w.DB.Cases.MarkReminder(ctx, key, now); err != nil {
			return err
		}
	}
	return nil
}

// remind sends one reminder unless it was already sent.
func (w *Workflow) remind(ctx context.Context, key string, now time.Time, plain, htmlBody string, rel *event.RelatesTo, mentions *event.Mentions) error {
	done, err := w.DB.Cases.ReminderDone(ctx, key)
	if err != nil || done {
		return err
	}
	if _, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, rel, mentions, w.KeyTxn("lotse-case/"+key, "reminder", 0)); err != nil {
		return err
	}
	kind, _, _ := strings.Cut(key, ":")
	w.Observer.Reminder(kind)
	return w.DB.Cases.MarkReminder(ctx, key, now)
}
