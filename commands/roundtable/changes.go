package roundtable

import (
	"context"
	"errors"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/schedule"
	"github.com/lotse-bot/lotse/storage"
)

// Coordinators' changes after the announcement: !verschieben, !absagen and
// !nachbereitung; everyone who joined is told.

// cmdReschedule moves a round table: !verschieben <Nr> <neue Zeit>.
func (w *Workflow) cmdReschedule(ce *chat.Call) error {
	tx := w.tx
	rt, rest, err := w.rtArg(ce, "verschieben")
	if err != nil || rt == nil {
		return err
	}
	if len(rest) == 0 {
		return w.ReplyMarkdown(ce.Ctx, tx.RescheduleUsage)
	}
	if rt, err = w.changeOf(ce.Ctx, rt); err != nil {
		return err
	}
	defer w.endChange(rt.ID)
	if rt.LastEvent != ce.Event.ID.String() {
		if rt.Status == storage.RoundTableDraft {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.DraftNoMove, rt.ID, rt.ID))
		}
		if rt.Status != storage.RoundTableAnnounced {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NotOpen, rt.ID))
		}
		// „ja“ at the end confirms a new date the parser warned about.
		confirmed := false
		if n := len(rest); n > 1 && yesWords[strings.ToLower(rest[n-1])] {
			rest, confirmed = rest[:n-1], true
		}
		text := strings.Join(rest, " ")
		parsed, err := schedule.ParseIn(text, w.Now(), w.cfg.Location, w.Lang)
		if errors.Is(err, schedule.ErrNoDate) {
			// Only a new time („!verschieben 3 20 Uhr“): on the same day,
			// as a coordinator means it (it asked for the date again).
			day := rt.Start.In(w.cfg.Location).Format("2.1.2006")
			parsed, err = schedule.ParseIn(day+" "+text, w.Now(), w.cfg.Location, w.Lang)
		}
		if err != nil {
			return w.replyParseError(ce.Ctx, err)
		}
		d := parsed.Duration
		if !parsed.DurationGiven {
			d = rt.Duration // no duration given: keep the old one
		}
		if len(parsed.Warnings) > 0 && !confirmed {
			// A new round table shows the parser's warnings in its preview
			// and is announced only once confirmed; a move went out to every
			// attendee at once, its warnings dropped: „!verschieben 3 6 Uhr“
			// at 6 in the morning, a time in the night of the clock change
			// read an hour later, a date in the year 9999 (rt31).
			var warns []string
			for _, warn := range parsed.Warnings {
				warns = append(warns, tx.Warning+chat.Escape(warn))
			}
			when := w.stx().Range(parsed.Start.In(w.cfg.Location), d)
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.MoveConfirm, rt.ID, when, strings.Join(warns, "  \n")))
		}
		old := rt
		if _, _, err := w.DB.RoundTables.Reschedule(ce.Ctx, rt.ID, parsed.Start, d, ce.Event.ID.String(), w.Now()); err != nil {
			return err
		}
		if rt, err = w.DB.RoundTables.Get(ce.Ctx, rt.ID); err != nil {
			return err
		}
		if rt.LastEvent != ce.Event.ID.String() {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NotOpen, rt.ID))
		}
		if !rt.Start.Equal(old.Start) {
			w.endMeeting(ce.Ctx, old, false)
		}
	}
	// The rooms first: an attendee whose direct chat fails must not keep
	// the announcement at the old date (the retry of this event sends the
	// rest again with the same transaction IDs).
	if err := w.updatePosts(ce.Ctx, rt); err != nil {
		return err
	}
	for _, r := range rt.Rooms {
		if err := w.sendICS(ce.Ctx, rt, id.RoomID(r)); err != nil {
			return err
		}
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Rescheduled, chat.Escape(rt.Title), w.rtRange(rt), rt.ID)+"\n\n"+tx.CalendarMoved, "rt-moved", true)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.RescheduledCoord, n), rt.ID, w.rtRange(rt), n))
}

// cmdCancel cancels a round table: !absagen <Nr>.
func (w *Workflow) cmdCancel(ce *chat.Call) error {
	tx := w.tx
	rt, rest, err := w.rtArg(ce, "absagen")
	if err != nil || rt == nil {
		return err
	}
	if rt, err = w.changeOf(ce.Ctx, rt); err != nil {
		return err
	}
	defer w.endChange(rt.ID)
	if rt.LastEvent != ce.Event.ID.String() && rt.Status == storage.RoundTableAnnounced && !(len(rest) > 0 && yesWords[strings.ToLower(rest[0])]) {
		// „!absagen 3“ is one letter from „!absage 3“ (withdraw my own
		// RSVP) and cannot be undone: with attendees, ask first.
		att, err := w.DB.RoundTables.Attendees(ce.Ctx, rt.ID)
		if err != nil {
			return err
		}
		if n := len(att); n > 0 {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.CancelConfirm, n), rt.ID, chat.Escape(rt.Title), w.rtRange(rt), n))
		}
	}
	retry := rt.LastEvent == ce.Event.ID.String()
	if !retry {
		ok, after, err := w.DB.RoundTables.Cancel(ce.Ctx, rt.ID, ce.Event.ID.String(), w.Now())
		if err != nil {
			return err
		}
		if !ok {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.NotOpen, rt.ID))
		}
		rt = after
	}
	// Also on a retry of the event: ending is idempotent.
	w.endMeeting(ce.Ctx, rt, retry)
	// The rooms first, as in cmdReschedule: the cancellation reaches the
	// announcements and calendars whatever happens with one attendee's DM.
	if err := w.updatePosts(ce.Ctx, rt); err != nil {
		return err
	}
	posts, err := w.DB.RoundTables.Posts(ce.Ctx, rt.ID)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if err := w.sendICS(ce.Ctx, rt, id.RoomID(p.RoomID)); err != nil {
			return err
		}
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Cancelled, chat.Escape(rt.Title), w.rtRange(rt))+"\n\n"+tx.CalendarCancelled, "rt-cancelled", true)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.CancelledCoord, n), rt.ID, n))
}

// endMeeting ends the BigBlueButton meeting Lotse created for rt's
// occurrence (rt as it was before the move, or the cancelled one). It
// stayed open after a cancellation or a move: everyone who had got the
// last reminder — and whoever they passed the link on to — could still
// go in, without a moderator, into a meeting that no longer took place,
// and the moved round table's attendees found two meetings (rt31). The
// coordinator is told if BigBlueButton does not answer; nothing else
// waits for it.
//
// retry: the event was handled before (a cancellation's retry). A meeting
// under way is then left without a word: the first run ended it before
// the start, or said it runs.
func (w *Workflow) endMeeting(ctx context.Context, rt *storage.RoundTable, retry bool) {
	if w.cfg.Meetings == nil || rt.MeetingID == "" || rt.MeetingID != meetingID(rt) {
		return // none created for this occurrence (or forgotten as expired)
	}
	t := chat.TurnOf(ctx)
	if !w.Now().Before(rt.Start) {
		// Under way: people are in it. A move or cancellation during the
		// session — of a weekly round table, „next time on Friday“ typed
		// while this Thursday's runs — threw everyone out (mend31b). The
		// moderators end it themselves; the coordinator is told it runs.
		if retry {
			return
		}
		if _, err := w.SendMarkdownTo(ctx, t.Event.RoomID, w.tx.MeetingLeftRunning, nil, w.CauseTxn(ctx, "rt-meeting-left-running", 0)); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to tell the coordinator that a meeting runs on")
		}
		return
	}
	err := w.cfg.Meetings.End(ctx, rt.MeetingID)
	if err == nil || errors.Is(err, bbb.ErrNotFound) {
		return // ended, or BigBlueButton no longer knows it
	}
	zerolog.Ctx(ctx).Warn().Err(err).Int64("roundtable", rt.ID).Msg("Failed to end the meeting of a moved or cancelled round table")
	if _, err := w.SendMarkdownTo(ctx, t.Event.RoomID, w.tx.MeetingNotEnded, nil, w.CauseTxn(ctx, "rt-meeting-not-ended", 0)); err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to tell the coordinator that a meeting could not be ended")
	}
}

// yesWords after „!absagen <Nr>“ confirm the cancellation, at the end
// of „!verschieben <Nr> <Zeit>“ a date the parser warned about.
var yesWords = map[string]bool{"ja": true, "yes": true, "sicher": true}

// notifyAttendees sends md to everyone who joined rt, with transaction IDs
// derived from the event being handled and the attendee. One attendee
// whose direct chat fails holds back nobody after them; the error (all of
// them, joined) is returned after the others were sent to, so that the
// event is tried again (the ones sent are not repeated: same IDs).
//
// A direct chat refused for good (chat.IsPermanent) counts for that
// attendee only (giveUp): joined with the others' errors it made the whole
// event permanent, so another attendee's temporary failure was never
// retried (fix24a). The refused one is not tried again on the retry.
//
// calendar sends rt's calendar file (as the rooms get it: the update with
// the next SEQUENCE, or the cancellation) after md, in the same direct
// chat (rt25). The rooms' file alone reached the members who joined only
// if they went looking for it in the announcement room; a calendar file
// opened from a chat is imported, not processed as an invitation, so
// whether the app replaces or removes the old entry by UID varies (see
// CalendarMoved and CalendarCancelled, which say what to do if not).
func (w *Workflow) notifyAttendees(ctx context.Context, rt *storage.RoundTable, md, purpose string, calendar bool) (int, error) {
	att, err := w.DB.RoundTables.Attendees(ctx, rt.ID)
	if err != nil {
		return 0, err
	}
	var errs []error
	n := 0
	for _, a := range att {
		txn := w.CauseTxn(ctx, purpose+":"+a.UserID, 0)
		if w.gaveUp(txn) {
			continue
		}
		err := w.toMember(ctx, id.UserID(a.UserID), md, txn)
		if err == nil && calendar {
			err = w.sendMemberICS(ctx, rt, id.UserID(a.UserID))
		}
		if err != nil {
			if err = w.giveUp(ctx, rt, txn, err); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// cmdFollowup sends a text to everyone who joined: !nachbereitung <Nr> <Text>.
func (w *Workflow) cmdFollowup(ce *chat.Call) error {
	tx := w.tx
	rt, rest, err := w.rtArg(ce, "nachbereitung")
	if err != nil || rt == nil {
		return err
	}
	_, text, _ := strings.Cut(strings.TrimSpace(ce.RawArgs), ce.Args[0])
	text = strings.TrimSpace(text)
	if len(rest) == 0 || text == "" {
		return w.ReplyMarkdown(ce.Ctx, tx.FollowupUsage)
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Followup, chat.Escape(rt.Title))+"\n\n"+chat.EscapeMultiline(text), "rt-followup", false)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.FollowupSent, n), n))
}

// sendMemberICS sends rt's calendar file (this sequence) into user's
// direct chat, below the notice toMember sent there; once per sequence
// (sendICS derives the transaction ID from the room and the sequence).
func (w *Workflow) sendMemberICS(ctx context.Context, rt *storage.RoundTable, user id.UserID) error {
	room, err := w.memberRoom(ctx, user)
	if err != nil {
		return err
	}
	return w.sendICS(ctx, rt, room)
}
