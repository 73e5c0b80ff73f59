package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/schedule"
	"github.com/lotse-bot/lotse/storage"
)

// Scheduled work of round tables: reminders with personal join links,
// creating the BBB meeting shortly before start, recording who is in the
// meeting, the attendance summary after it, and moving a series on. Each
// send has a persisted identity (round table, attendee, kind, planned time)
// from which its transaction ID derives; it is recorded after sending, so a
// restart in the middle neither loses nor repeats one.

// lateAfter: a reminder sent later than this after its time says so.
const lateAfter = 2 * time.Minute

func (h *Handler) reminderOffsets() []time.Duration {
	if len(h.RoundTables.Reminders) > 0 {
		return h.RoundTables.Reminders
	}
	return []time.Duration{24 * time.Hour, 15 * time.Minute}
}

func (h *Handler) meetingLead() time.Duration {
	if h.RoundTables.MeetingLead > 0 {
		return h.RoundTables.MeetingLead
	}
	return 10 * time.Minute
}

// reminderPlan returns the reminder times of rt's current occurrence.
func (h *Handler) reminderPlan(rt *storage.RoundTable) []time.Time {
	return schedule.Reminders(rt.Start.In(h.rtLocation()), h.reminderOffsets())
}

// reminderKey names one reminder of one attendee.
func reminderKey(rt *storage.RoundTable, user id.UserID, at time.Time) string {
	return fmt.Sprintf("%d|%s|reminder|%d", rt.ID, user, at.Unix())
}

// TickRoundTables does the round tables' scheduled work due at now. Tests
// call it with a fake clock.
func (h *Handler) TickRoundTables(ctx context.Context, now time.Time) error {
	if !h.rtOn() {
		return nil
	}
	list, err := h.DB.RoundTables.WithStatus(ctx, storage.RoundTableAnnounced, 1000)
	if err != nil {
		return err
	}
	var firstErr error
	for _, rt := range list {
		if err := h.tickRoundTable(ctx, rt, now); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Int64("roundtable", rt.ID).Msg("Round table work failed; will try again")
			if firstErr == nil {
				firstErr = err
			}
		}
	}
	return firstErr
}

func (h *Handler) tickRoundTable(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	if !now.Before(rt.End()) {
		return h.finishOccurrence(ctx, rt, now)
	}
	meetingReady := false
	if h.RoundTables.Meetings != nil && !now.Before(rt.Start.Add(-h.meetingLead())) {
		var err error
		if rt, err = h.ensureMeeting(ctx, rt); err != nil {
			return err
		}
		meetingReady = true
		if !now.Before(rt.Start) {
			h.recordAttendance(ctx, rt)
		}
	}
	plan := h.reminderPlan(rt)
	if len(plan) == 0 || plan[0].After(now) {
		return nil
	}
	sent, err := h.DB.RoundTables.SentKeys(ctx, rt.ID)
	if err != nil {
		return err
	}
	type send struct {
		user id.UserID
		at   time.Time
	}
	var sends []send
	for _, user := range h.recipients(ctx, rt) {
		var open []time.Time
		for _, at := range plan {
			if !sent[reminderKey(rt, user, at)] {
				open = append(open, at)
			}
		}
		due, skipped := schedule.Due(open, now, rt.End())
		for _, at := range skipped {
			if err := h.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, now); err != nil {
				return err
			}
		}
		for _, at := range due {
			sends = append(sends, send{user, at})
			// The last reminder carries a link to the meeting itself:
			// create it now (idempotently) even before the lead time.
			if at.Equal(plan[len(plan)-1]) && h.RoundTables.Meetings != nil && !meetingReady {
				if rt, err = h.ensureMeeting(ctx, rt); err != nil {
					return err
				}
				meetingReady = true
			}
		}
	}
	for _, s := range sends {
		if err := h.sendReminder(ctx, rt, s.user, s.at, now, meetingReady); err != nil {
			return err
		}
	}
	return nil
}

// recipients are the attendees plus coordinator and co-hosts (who need
// their moderator link), each once.
func (h *Handler) recipients(ctx context.Context, rt *storage.RoundTable) []id.UserID {
	att, err := h.DB.RoundTables.Attendees(ctx, rt.ID)
	if err != nil {
		return nil
	}
	var out []id.UserID
	for _, u := range append([]string{rt.Coordinator}, rt.CoHosts...) {
		if !slices.Contains(out, id.UserID(u)) {
			out = append(out, id.UserID(u))
		}
	}
	for _, a := range att {
		if !slices.Contains(out, id.UserID(a.UserID)) {
			out = append(out, id.UserID(a.UserID))
		}
	}
	return out
}

// sendReminder sends one reminder (with the personal join link) to user's
// DM and records it.
func (h *Handler) sendReminder(ctx context.Context, rt *storage.RoundTable, user id.UserID, at, now time.Time, meetingReady bool) error {
	tx := h.Texts.RoundTable
	key := reminderKey(rt, user, at)
	room, err := h.Matrix.DirectRoom(ctx, user)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(formatText(tx.Reminder, escape(rt.Title), h.rtRange(rt)))
	if now.Sub(at) > lateAfter {
		b.WriteString("\n\n" + tx.Late)
	}
	if h.RoundTables.Meetings != nil {
		link, err := h.rtJoinLink(ctx, rt, user, room, meetingReady)
		if err != nil {
			return err
		}
		// An autolink, so that "*" or "_" in the name cannot turn into
		// emphasis; it goes into this DM only.
		b.WriteString("\n\n" + formatText(tx.ReminderLink, "<"+link+">"))
		if !meetingReady {
			b.WriteString(" " + formatText(tx.LinkWorksFrom, int(h.meetingLead().Minutes())))
		}
	} else {
		b.WriteString("\n\n" + tx.ReminderNoLink)
	}
	if _, err := h.sendMarkdownTo(ctx, room, b.String(), nil, h.TxnID(id.EventID("lotse-rt/"+key), "send", 0)); err != nil {
		return err
	}
	return h.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, now)
}

// meetingID is the BBB meeting of rt's current occurrence.
func meetingID(rt *storage.RoundTable) string {
	return fmt.Sprintf("lotse-rt-%d-%d", rt.ID, rt.Start.Unix())
}

// joinLink builds user's personal link: their display name, MODERATOR for
// the coordinator and co-hosts, VIEWER otherwise; bound to the meeting's
// createTime once the meeting exists.
func (h *Handler) rtJoinLink(ctx context.Context, rt *storage.RoundTable, user id.UserID, room id.RoomID, ready bool) (string, error) {
	role := bbb.RoleViewer
	if user.String() == rt.Coordinator || slices.Contains(rt.CoHosts, user.String()) {
		role = bbb.RoleModerator
	}
	name := h.nameOf(ctx, rt, user)
	if name == user.String() {
		name = h.Matrix.DisplayName(ctx, room, user)
	}
	req := bbb.JoinRequest{MeetingID: meetingID(rt), FullName: name, Role: role, UserID: user.String()}
	if ready {
		req.CreateTime = rt.CreateTime
	}
	link, err := h.RoundTables.Meetings.JoinURL(req)
	if err != nil {
		return "", fmt.Errorf("failed to build join link for round table %d", rt.ID) // no URL in the error
	}
	return link, nil
}

// ensureMeeting creates the BBB meeting of the current occurrence (create
// is idempotent: an existing meeting is confirmed) and records its createTime.
func (h *Handler) ensureMeeting(ctx context.Context, rt *storage.RoundTable) (*storage.RoundTable, error) {
	mid := meetingID(rt)
	name := []rune(rt.Title)
	if len(name) > 64 {
		name = name[:64]
	}
	title := string(name)
	if len(name) < 2 {
		title = fmt.Sprintf("Runder Tisch %d", rt.ID)
	}
	resp, err := h.RoundTables.Meetings.Create(ctx, bbb.CreateRequest{
		MeetingID: mid, Name: title,
		MeetingExpireIfNoUserJoinedInMinutes: int(h.meetingLead().Minutes()) + 15,
		Meta:                                 map[string]string{"lotse-roundtable": fmt.Sprint(rt.ID)},
	})
	if err != nil {
		return rt, fmt.Errorf("failed to create BBB meeting: %w", err)
	}
	if rt.MeetingID != mid || rt.CreateTime != resp.CreateTime {
		if err := h.DB.RoundTables.SetMeeting(ctx, rt.ID, mid, resp.CreateTime); err != nil {
			return rt, err
		}
		rt.MeetingID, rt.CreateTime = mid, resp.CreateTime
	}
	return rt, nil
}

// recordAttendance remembers who is in the running meeting.
func (h *Handler) recordAttendance(ctx context.Context, rt *storage.RoundTable) {
	info, err := h.RoundTables.Meetings.GetMeetingInfo(ctx, meetingID(rt))
	if err != nil {
		return
	}
	var names []string
	for _, a := range info.Attendees {
		names = append(names, a.FullName)
	}
	if err := h.DB.RoundTables.AddSeen(ctx, rt.ID, rt.Start, names); err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to record attendance")
	}
}

// finishOccurrence sends the coordinator the attendance summary, then moves
// a series to its next occurrence (or marks the round table done).
func (h *Handler) finishOccurrence(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	tx := h.Texts.RoundTable
	key := fmt.Sprintf("%d|%s|summary|%d", rt.ID, rt.Coordinator, rt.Start.Unix())
	done, err := h.DB.RoundTables.IsSent(ctx, key)
	if err != nil {
		return err
	}
	if !done {
		seen, err := h.DB.RoundTables.Seen(ctx, rt.ID, rt.Start)
		if err != nil {
			return err
		}
		att, err := h.DB.RoundTables.Attendees(ctx, rt.ID)
		if err != nil {
			return err
		}
		var names []string
		for _, a := range att {
			names = append(names, escape(h.nameOf(ctx, rt, id.UserID(a.UserID))))
		}
		var b strings.Builder
		b.WriteString(formatText(tx.Summary, rt.ID, escape(rt.Title)) + "\n\n")
		if len(seen) > 0 {
			esc := make([]string, len(seen))
			for i, s := range seen {
				esc[i] = escape(s)
			}
			b.WriteString(formatText(tx.SummarySeen, len(seen), strings.Join(esc, ", ")) + "  \n")
		}
		b.WriteString(formatText(tx.SummaryRSVP, len(att), strings.Join(names, ", ")) + "\n\n")
		b.WriteString(formatText(tx.SummaryHow, rt.ID))
		room, err := h.Matrix.DirectRoom(ctx, id.UserID(rt.Coordinator))
		if err != nil {
			return err
		}
		if _, err := h.sendMarkdownTo(ctx, room, b.String(), nil, h.TxnID(id.EventID("lotse-rt/"+key), "send", 0)); err != nil {
			return err
		}
		if err := h.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, now); err != nil {
			return err
		}
	}
	var next time.Time
	if rec := decodeRecurrence(rt.Recurrence, rt.Start.In(h.rtLocation())); rec != nil {
		next = rec.Next(rt.Start)
		for !next.IsZero() && !now.Before(next.Add(rt.Duration)) {
			next = rec.Next(next) // occurrences missed while Lotse was down
		}
	}
	moved, err := h.DB.RoundTables.Advance(ctx, rt.ID, rt.Start, next, now)
	if err != nil || !moved || next.IsZero() {
		return err
	}
	after, err := h.DB.RoundTables.Get(ctx, rt.ID)
	if err != nil || after == nil {
		return err
	}
	return h.updatePosts(ctx, after)
}
