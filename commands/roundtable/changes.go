package roundtable

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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
	rt, state, done, err := w.startChange(ce.Ctx, rt)
	defer done()
	if err != nil || state == superseded {
		return err
	}
	if state == fresh {
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
		// After the date is understood: a typo gets its answer first.
		if n, full, err := w.boundReached(ce, rt, storage.ChangeKeyPrefix, storage.StandInChangeKeyPrefix, MaxMoves); err != nil {
			return err
		} else if full {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TooManyMoves, n), rt.ID, n))
		}
		old := rt
		audit := w.standInAudit(ce, rt, "roundtable-move", fmt.Sprintf("round table %d: %s -> %s",
			rt.ID, rt.Start.UTC().Format(time.RFC3339), parsed.Start.UTC().Format(time.RFC3339)))
		if _, _, err := w.DB.RoundTables.Reschedule(ce.Ctx, rt.ID, parsed.Start, d, ce.Event.ID.String(), w.Now(), audit); err != nil {
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
	told, err := w.notifyHosts(ce.Ctx, ce.Sender, rt, func(name string, _ id.UserID) string {
		return chat.Format(tx.StandInMoved, name, rt.ID, chat.Escape(rt.Title), w.rtRange(rt))
	}, "rt-moved-host")
	if err != nil {
		return err
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Rescheduled, chat.Escape(rt.Title), w.rtRange(rt), rt.ID)+"\n\n"+tx.CalendarMoved, "rt-moved", true)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.RescheduledCoord, n), rt.ID, w.rtRange(rt), n)+told)
}

// cmdCancel cancels a round table: !absagen <Nr>.
func (w *Workflow) cmdCancel(ce *chat.Call) error {
	tx := w.tx
	rt, rest, err := w.rtArg(ce, "absagen")
	if err != nil || rt == nil {
		return err
	}
	rt, state, done, err := w.startChange(ce.Ctx, rt)
	defer done()
	if err != nil || state == superseded {
		return err
	}
	retry := state == again
	if !retry && rt.Status == storage.RoundTableAnnounced && !(len(rest) > 0 && yesWords[strings.ToLower(rest[0])]) {
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
	if !retry {
		audit := w.standInAudit(ce, rt, "roundtable-cancel", fmt.Sprintf("round table %d: %s", rt.ID, rt.Start.UTC().Format(time.RFC3339)))
		ok, after, err := w.DB.RoundTables.Cancel(ce.Ctx, rt.ID, ce.Event.ID.String(), w.Now(), audit)
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
	if err := w.repost(ce.Ctx, rt); err != nil {
		return err
	}
	restorable := rt.Status == storage.RoundTableCancelled && w.Now().Before(rt.Start) && rt.Version > 2
	told, err := w.notifyHosts(ce.Ctx, ce.Sender, rt, func(name string, host id.UserID) string {
		md := chat.Format(tx.StandInCancelled, name, rt.ID, chat.Escape(rt.Title), w.rtRange(rt))
		if restorable && w.IsCoordinator(ce.Ctx, host) {
			// How to take it back only to whom !wiederherstellen answers
			// (mend33a): not for a draft, nor to a co-host without the
			// coordinator role.
			md += " " + chat.Format(tx.RestoreHint, rt.ID)
		}
		return md
	}, "rt-cancelled-host")
	if err != nil {
		return err
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Cancelled, chat.Escape(rt.Title), w.rtRange(rt))+"\n\n"+tx.CalendarCancelled, "rt-cancelled", true)
	if err != nil {
		return err
	}
	hint := ""
	if restorable && ce.Sender.String() == rt.Coordinator {
		// How to take it back (rt33): not for a draft, and not for a
		// stand-in (a co-host too), who may not (see cmdRestore).
		hint = "\n\n" + chat.Format(tx.RestoreHint, rt.ID)
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.CancelledCoord, n), rt.ID, n)+told+hint)
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
	// One at a time per round table, as a move: the bound is counted and
	// then recorded, and events of different rooms are handled at once —
	// follow-ups sent together from several rooms all read the count
	// below the bound and all went out (mend32a).
	if rt, err = w.changeOf(ce.Ctx, rt); err != nil {
		return err
	}
	defer w.endChange(rt.ID)
	if ok, err := w.followupAllowed(ce, rt); err != nil || !ok {
		return err
	}
	body := chat.EscapeMultiline(text)
	if audit := w.standInAudit(ce, rt, "roundtable-followup", fmt.Sprintf("round table %d", rt.ID)); audit != nil {
		if err := w.DB.Roles().Audit(ce.Ctx, *audit); err != nil {
			return err
		}
	}
	told, err := w.notifyHosts(ce.Ctx, ce.Sender, rt, func(name string, _ id.UserID) string {
		return chat.Format(tx.StandInFollowup, name, rt.ID, chat.Escape(rt.Title)) + "\n\n" + body
	}, "rt-followup-host")
	if err != nil {
		return err
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Followup, chat.Escape(rt.Title))+"\n\n"+body, "rt-followup", false)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.FollowupSent, n), n)+told)
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

// MaxMoves is how often one round table may be moved within MoveWindow.
// Every move tells every attendee and sends them a calendar file: a
// coordinator account in the wrong hands moved a round table a hundred
// times with a hundred messages, each to every attendee (rt32). A
// coordinator who mistyped moves it once more; beyond that, the round
// table can still be cancelled and planned anew.
const (
	MaxMoves   = 3
	MoveWindow = 24 * time.Hour
)

// MaxFollowups is how many follow-ups may go to one round table's
// attendees within MoveWindow: each is a direct message with free text to
// every one of them, and a coordinator account in the wrong hands sent
// as many as it liked — with a link of its choice (rt32).
const MaxFollowups = 3

// followupAllowed records the follow-up of the event being handled, or
// answers (and returns false) when MaxFollowups went to rt's attendees
// within MoveWindow. A retry of a recorded follow-up is allowed: its
// sends repeat nothing (transaction IDs from the event).
func (w *Workflow) followupAllowed(ce *chat.Call, rt *storage.RoundTable) (bool, error) {
	key := storage.FollowupKey(ce.Event.ID.String())
	if done, err := w.DB.RoundTables.IsSent(ce.Ctx, key); err != nil || done {
		return done, err
	}
	n, full, err := w.boundReached(ce, rt, storage.FollowupKeyPrefix, storage.StandInFollowupKeyPrefix, MaxFollowups)
	if err != nil {
		return false, err
	}
	if full {
		return false, w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(w.tx.TooManyFollowups, n), rt.ID, n))
	}
	return true, w.DB.RoundTables.MarkFollowup(ce.Ctx, ce.Event.ID.String(), rt.ID, ce.Sender.String() != rt.Coordinator, w.Now())
}

// boundReached counts rt's records with prefix within MoveWindow (all of
// them: n) and says whether the sender may not make another one: a
// stand-in (anyone but rt's coordinator, see standInAudit) when n reached
// max, rt's coordinator when their own ones (n less those of stand-ins,
// recorded with standInPrefix) did. Before, the bound was the round
// table's alone: a stand-in — or a coordinator account in the wrong hands —
// who moved it three times to dates of their choice left its own
// coordinator unable to move it back for a day, but for cancelling it
// with every RSVP (mend32a). At most 2·max messages a day still reach the
// attendees; the coordinator is not exempt, a coordinator account in the
// wrong hands is bounded as before.
func (w *Workflow) boundReached(ce *chat.Call, rt *storage.RoundTable, prefix, standInPrefix string, max int) (int, bool, error) {
	since := w.Now().Add(-MoveWindow)
	n, err := w.DB.RoundTables.CountSent(ce.Ctx, rt.ID, prefix, since)
	if err != nil || ce.Sender.String() != rt.Coordinator {
		return n, n >= max, err
	}
	others, err := w.DB.RoundTables.CountSent(ce.Ctx, rt.ID, standInPrefix, since)
	return n, n-others >= max, err
}

// changeState says whether a coordinator's event was handled before.
type changeState int

const (
	// fresh: the event made no change of the round table yet.
	fresh changeState = iota
	// again: it made the round table's last change; this is its retry,
	// which repeats the sends (the same transaction IDs).
	again
	// superseded: it made a change, and another change came after it.
	superseded
)

// handledBefore tells a retry of the event being handled by its own
// record (written with the change, see storage's Handled), not only by
// rt's last event: an event that failed after its change and was handled
// again after another coordinator's change was taken as new — it moved
// the round table back, and „morgen“ was read anew at the retry's time
// (rt31's Left, rt32). A superseded event changes and sends nothing: the

// startChange begins a move, cancel or restore of rt by the turn's event:
// it marks rt as being changed (changeOf: one change at a time per round
// table) and reads whether the event was handled before (handledBefore).
// done ends the mark (a no-op when marking failed); the caller defers it
// at once and returns on an error or a superseded event.
func (w *Workflow) startChange(ctx context.Context, rt *storage.RoundTable) (*storage.RoundTable, changeState, func(), error) {
	rt, err := w.changeOf(ctx, rt)
	if err != nil {
		return nil, 0, func() {}, err
	}
	state, err := w.handledBefore(ctx, rt)
	return rt, state, func() { w.endChange(rt.ID) }, err
}

// later change told everyone what holds now; its author is told so.
func (w *Workflow) handledBefore(ctx context.Context, rt *storage.RoundTable) (changeState, error) {
	evt := chat.TurnOf(ctx).Event.ID.String()
	if rt.LastEvent == evt {
		return again, nil
	}
	ok, err := w.DB.RoundTables.Handled(ctx, evt)
	if err != nil || !ok {
		return fresh, err
	}
	return superseded, w.ReplyMarkdown(ctx, chat.Format(w.tx.ChangedSince, rt.ID))
}

// standInAudit is the role-audit entry of a change of rt by a coordinator
// who is not rt's coordinator (one steps in for another; also a co-host
// with the coordinator role), or nil for the coordinator's own change.
// Keyed by the event: written once, with the change.
func (w *Workflow) standInAudit(ce *chat.Call, rt *storage.RoundTable, action, detail string) *storage.RoleAuditEntry {
	if ce.Sender.String() == rt.Coordinator {
		return nil
	}
	return &storage.RoleAuditEntry{Key: "roundtable-standin:" + ce.Event.ID.String(), At: w.Now(),
		Actor: ce.Sender.String(), Subject: rt.Coordinator, Action: action, Detail: detail}
}

// notifyHosts tells rt's coordinator and co-hosts, in their direct chats,
// of a change someone else made (notice: the message, given that one's
// display name and Matrix ID, escaped, and the host it goes to): any
// coordinator may move, cancel and follow up any round table, and the
// one who planned it learnt of a change from the attendees (rt31's Left,
// rt32). Nothing is sent for the coordinator's own change, nor to the
// sender, nor to an erased coordinator (a pseudonym). It returns the line
// that tells the sender, or "" if nobody was told; sends with transaction
// IDs from the event and the host (a retry repeats none), a refused direct
// chat counts for that host only (as notifyAttendees).
func (w *Workflow) notifyHosts(ctx context.Context, sender id.UserID, rt *storage.RoundTable, notice func(name string, host id.UserID) string, purpose string) (string, error) {
	if sender.String() == rt.Coordinator {
		return "", nil
	}
	// The name as the announcement rooms show it, and the Matrix ID (as
	// !teilnehmende shows people): a display name is chosen freely, and
	// another coordinator could take the coordinator's own.
	who := w.nameOf(ctx, rt, sender)
	if who != sender.String() {
		who += " (" + sender.String() + ")"
	}
	var errs []error
	n := 0
	var done []string
	for _, u := range append([]string{rt.Coordinator}, rt.CoHosts...) {
		if !isUser(u) || u == sender.String() || slices.Contains(done, u) {
			continue
		}
		done = append(done, u)
		txn := w.CauseTxn(ctx, purpose+":"+u, 0)
		if w.gaveUp(txn) {
			continue
		}
		if err := w.toMember(ctx, id.UserID(u), notice(chat.Escape(who), id.UserID(u)), txn); err != nil {
			if err = w.giveUp(ctx, rt, txn, err); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		n++
	}
	if err := errors.Join(errs...); err != nil || n == 0 {
		return "", err
	}
	return "\n\n" + w.tx.HostsTold, nil
}

// repost brings every announcement of rt to its current state and posts
// its calendar file (this sequence) to every room it was announced in:
// what a cancellation and a restore send to the rooms before anyone's
// direct chat (each send's transaction ID derives from the round table's
// version, so a retry repeats none).
func (w *Workflow) repost(ctx context.Context, rt *storage.RoundTable) error {
	if err := w.updatePosts(ctx, rt); err != nil {
		return err
	}
	posts, err := w.DB.RoundTables.Posts(ctx, rt.ID)
	if err != nil {
		return err
	}
	for _, p := range posts {
		if err := w.sendICS(ctx, rt, id.RoomID(p.RoomID)); err != nil {
			return err
		}
	}
	return nil
}
