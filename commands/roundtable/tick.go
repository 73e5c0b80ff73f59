package roundtable

import (
	"context"
	"errors"
	"fmt"
	"math"
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

// Scheduled work of round tables: reminders with personal join links,
// creating the BBB meeting shortly before start, recording who is in the
// meeting, the attendance summary after it, and moving a series on. Each
// send has a persisted identity (round table, attendee, kind, planned time)
// from which its transaction ID derives; it is recorded after sending, so a
// restart in the middle neither loses nor repeats one.

// lateAfter: a reminder sent later than this after its time says so.
const lateAfter = 2 * time.Minute

func (w *Workflow) reminderOffsets() []time.Duration {
	return w.cfg.Reminders
}

func (w *Workflow) meetingLead() time.Duration {
	return w.cfg.MeetingLead
}

// reminderPlan returns the reminder times of rt's current occurrence.
func (w *Workflow) reminderPlan(rt *storage.RoundTable) []time.Time {
	return schedule.Reminders(rt.Start.In(w.cfg.Location), w.reminderOffsets())
}

// reminderKey names one reminder of one attendee.
func reminderKey(rt *storage.RoundTable, user id.UserID, at time.Time) string {
	return fmt.Sprintf("%d|%s|reminder|%d", rt.ID, user, at.Unix())
}

// Tick does the round tables' scheduled work due at now. Tests
// call it with a fake clock.
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	if !w.On() {
		return nil
	}
	list, err := w.DB.RoundTables.WithStatus(ctx, storage.RoundTableAnnounced, 1000)
	if err != nil {
		return err
	}
	var firstErr error
	for _, rt := range list {
		if err := w.tickRoundTable(ctx, rt, now); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Int64("roundtable", rt.ID).Msg("Round table work failed; will try again")
			if firstErr == nil {
				firstErr = err
			}
		}
	}
	return firstErr
}

func (w *Workflow) tickRoundTable(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	if !now.Before(rt.End()) {
		return w.finishOccurrence(ctx, rt, now)
	}
	// The reminders and links go out as a change like the coordinator's
	// (changeOf): a move or cancellation while a run sends them waits for
	// the run, and the run reads the round table anew once it may go on.
	// The run had read it before a move and sent the reminders after the
	// move's notice with the old date (rt27's Left; the lead, twenty-eighth
	// pass). Busy: the next tick.
	rt, err := w.changeOf(ctx, rt)
	if errors.Is(err, errBusy) {
		return nil
	} else if err != nil {
		return err
	}
	defer w.endChange(rt.ID)
	if rt.Status != storage.RoundTableAnnounced || !now.Before(rt.End()) {
		return nil // cancelled, or moved to the past: the next tick
	}
	return w.remind(ctx, rt, now)
}

// remind sends the reminders and owed links of rt due at now, creating
// its meeting when it is time; under the change mark (tickRoundTable).
func (w *Workflow) remind(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	// A BigBlueButton that fails does not stop the reminders: they go out
	// without a link, and the link follows once the meeting exists.
	meetingReady, meetingDown := false, false
	var bbbErr error
	// The owed links' errors are reported with the reminders': an owed
	// link whose direct chat fails for now must not keep the reminders
	// (of someone who joined late) from going out (fix24a).
	var linkErrs []error
	ensure := func() {
		var err error
		if rt, err = w.ensureMeeting(ctx, rt, now); err != nil {
			bbbErr, meetingDown = err, true
			return
		}
		meetingReady = true
	}
	if w.cfg.Meetings != nil && !now.Before(rt.Start.Add(-w.meetingLead())) {
		ensure()
		if meetingReady {
			linkErrs = append(linkErrs, w.sendOwedLinks(ctx, rt, now))
			if !now.Before(rt.Start) {
				w.recordAttendance(ctx, rt)
			}
		}
	}
	plan := w.reminderPlan(rt)
	if w.cfg.Meetings != nil && !meetingReady && !meetingDown && len(plan) > 0 && !now.Before(plan[len(plan)-1]) {
		// Links owed from a reminder sent while BBB failed follow as soon
		// as the meeting can be created, even before the lead time.
		owes, err := w.owesLinks(ctx, rt)
		if err != nil {
			return err
		}
		if owes {
			if ensure(); meetingReady {
				linkErrs = append(linkErrs, w.sendOwedLinks(ctx, rt, now))
			}
		}
	}
	if len(plan) == 0 || plan[0].After(now) {
		return errors.Join(append(linkErrs, bbbErr)...)
	}
	sent, err := w.DB.RoundTables.SentKeys(ctx, rt.ID)
	if err != nil {
		return err
	}
	type send struct {
		user id.UserID
		at   time.Time
		late bool
	}
	var sends []send
	joined := w.joinedAt(ctx, rt)
	for _, user := range w.recipients(ctx, rt) {
		// A reminder whose time had passed when the round table was last
		// changed (announced, moved) or when user joined is not owed: the
		// announcement, the notice of the move or the confirmation of the
		// RSVP told them the date. Only the last one still goes (it
		// carries the link), and none of them says it is late „because I
		// was briefly unavailable“ — Lotse was not (rt27).
		since := rt.UpdatedAt
		if t, ok := joined[user]; ok && t.After(since) {
			since = t
		}
		var open []time.Time
		for i, at := range plan {
			key := reminderKey(rt, user, at)
			if sent[key] {
				continue
			}
			if !at.After(since) && i < len(plan)-1 {
				if err := w.DB.RoundTables.MarkSent(ctx, key, rt.ID, true, now); err != nil {
					return err
				}
				continue
			}
			open = append(open, at)
		}
		due, skipped := schedule.Due(open, now, rt.End())
		for _, at := range skipped {
			if err := w.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, now); err != nil {
				return err
			}
		}
		if len(due) > 0 && !w.stillInvited(ctx, rt, user) {
			continue
		}
		for _, at := range due {
			sends = append(sends, send{user, at, now.Sub(at) > lateAfter && at.After(since)})
			// The last reminder carries a link to the meeting itself:
			// create it now (idempotently) even before the lead time.
			if at.Equal(plan[len(plan)-1]) && w.cfg.Meetings != nil && !meetingReady && !meetingDown {
				ensure()
			}
		}
	}
	// One recipient whose direct chat fails (their server refuses the
	// invite, they block Lotse) must not hold back everyone after them:
	// the others get theirs now, the failed one is tried again next tick.
	errs := append(linkErrs, bbbErr)
	for _, s := range sends {
		key := reminderKey(rt, s.user, s.at)
		if w.gaveUp(key) {
			continue
		}
		if err := w.sendReminder(ctx, rt, s.user, s.at, now, s.late, meetingReady, meetingDown); err != nil {
			errs = append(errs, w.giveUp(ctx, rt, key, err))
		}
	}
	return errors.Join(errs...)
}

// gaveUp reports whether the send key was given up on (giveUp).
func (w *Workflow) gaveUp(key string) bool {
	w.refusedMu.Lock()
	defer w.refusedMu.Unlock()
	return w.refused[key]
}

// giveUp returns err, or nil after noting key as not to be tried again when
// err says the recipient's direct chat cannot be opened (chat.IsPermanent:
// the homeserver or the member's server refuses it). Such a reminder or
// link was tried again on every tick until the date had passed: a
// createRoom or invite each minute for a day, and each minute a warning
// with the member's Matrix ID in the log the team reads (mend24b). Now it
// is tried once per start of Lotse and logged once, without the ID; the
// next reminder is tried anew (the member may have changed their settings).
func (w *Workflow) giveUp(ctx context.Context, rt *storage.RoundTable, key string, err error) error {
	if !chat.IsPermanent(err) {
		return err
	}
	w.refusedMu.Lock()
	if w.refused == nil {
		w.refused = map[string]bool{}
	}
	w.refused[key] = true
	w.refusedMu.Unlock()
	zerolog.Ctx(ctx).Warn().Int64("roundtable", rt.ID).
		Msg("A round-table reminder, link or notice could not be sent: the homeserver refuses a direct chat with the member; not tried again for this date or event")
	return nil
}

// owedKey marks that user got a reminder of rt's current occurrence
// without its link (BigBlueButton failed); linkKey that the link followed.
func owedKey(rt *storage.RoundTable, user id.UserID) string {
	return fmt.Sprintf("%d|%s|link-owed|%d", rt.ID, user, rt.Start.Unix())
}

func linkKey(rt *storage.RoundTable, user id.UserID) string {
	return fmt.Sprintf("%d|%s|link-sent|%d", rt.ID, user, rt.Start.Unix())
}

// owesLinks reports whether someone got a reminder of rt's current
// occurrence without its link and has not got the link yet.
func (w *Workflow) owesLinks(ctx context.Context, rt *storage.RoundTable) (bool, error) {
	sent, err := w.DB.RoundTables.SentKeys(ctx, rt.ID)
	if err != nil {
		return false, err
	}
	for _, user := range w.recipients(ctx, rt) {
		if sent[owedKey(rt, user)] && !sent[linkKey(rt, user)] {
			return true, nil
		}
	}
	return false, nil
}

// sendOwedLinks sends the join link to everyone whose reminder went out
// without it, now that the meeting exists; each once.
func (w *Workflow) sendOwedLinks(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	sent, err := w.DB.RoundTables.SentKeys(ctx, rt.ID)
	if err != nil {
		return err
	}
	var errs []error
	for _, user := range w.recipients(ctx, rt) {
		if !sent[owedKey(rt, user)] || sent[linkKey(rt, user)] {
			continue
		}
		// As with reminders: one failing direct chat holds back nobody
		// else, and one that cannot be opened is not tried every tick.
		if w.gaveUp(linkKey(rt, user)) || !w.stillInvited(ctx, rt, user) {
			continue
		}
		if err := w.sendOwedLink(ctx, rt, user, now); err != nil {
			errs = append(errs, w.giveUp(ctx, rt, linkKey(rt, user), err))
		}
	}
	return errors.Join(errs...)
}

// sendOwedLink sends user the join link their reminder lacked, and records it.
func (w *Workflow) sendOwedLink(ctx context.Context, rt *storage.RoundTable, user id.UserID, now time.Time) error {
	room, err := w.Matrix.DirectRoom(ctx, user)
	if err != nil {
		return err
	}
	link, err := w.rtJoinLink(ctx, rt, user, room, true)
	if err != nil {
		return err
	}
	md := chat.Format(w.tx.LinkFollows, chat.Escape(rt.Title)) + "\n\n" + w.linkLine(rt, user, link)
	key := linkKey(rt, user)
	if _, err := w.SendMarkdownTo(ctx, room, md, nil, w.TxnID(id.EventID("lotse-rt/"+key), "send", 0)); err != nil {
		return err
	}
	return w.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, now)
}

// recipients are the attendees plus coordinator and co-hosts (who need
// their moderator link), each once. A coordinator or co-host who erased
// their data is a pseudonym („gelöscht-…“), no Matrix ID: nobody to remind.
func (w *Workflow) recipients(ctx context.Context, rt *storage.RoundTable) []id.UserID {
	att, err := w.DB.RoundTables.Attendees(ctx, rt.ID)
	if err != nil {
		return nil
	}
	var out []id.UserID
	for _, u := range append([]string{rt.Coordinator}, rt.CoHosts...) {
		if isUser(u) && !slices.Contains(out, id.UserID(u)) {
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

// joinedAt is when each attendee of rt said yes (their RSVP's time).
func (w *Workflow) joinedAt(ctx context.Context, rt *storage.RoundTable) map[id.UserID]time.Time {
	att, err := w.DB.RoundTables.Attendees(ctx, rt.ID)
	if err != nil {
		return nil
	}
	out := make(map[id.UserID]time.Time, len(att))
	for _, a := range att {
		out[id.UserID(a.UserID)] = a.UpdatedAt
	}
	return out
}

// stillInvited reports whether user may still get rt's reminders and
// personal link: the coordinator and co-hosts, and attendees who are in one
// of its announcement rooms. Someone who joined and was then banned or
// removed from the room by its moderators (or left it) kept their RSVP, and
// with it the reminder with a personal link into the meeting (rt27). Their
// RSVP stays (they may come back into the room); nothing is sent while they
// are out, and nothing is marked, so the next reminder after their return
// comes. The membership is read from the state store the sync keeps.
func (w *Workflow) stillInvited(ctx context.Context, rt *storage.RoundTable, user id.UserID) bool {
	return isModerator(rt, user) || w.canSee(ctx, rt, user)
}

// isUser reports whether s is a Matrix user ID (not the pseudonym that
// replaces an erased coordinator or co-host).
func isUser(s string) bool {
	_, _, err := id.UserID(s).Parse()
	return err == nil
}

// sendReminder sends one reminder (with the personal join link) to user's
// DM and records it.
// late: Lotse was down at the reminder's time (it says so).
// meetingDown: BigBlueButton failed just now, the link follows later.
func (w *Workflow) sendReminder(ctx context.Context, rt *storage.RoundTable, user id.UserID, at, now time.Time, late, meetingReady, meetingDown bool) error {
	tx := w.tx
	key := reminderKey(rt, user, at)
	room, err := w.Matrix.DirectRoom(ctx, user)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(chat.Format(tx.Reminder, chat.Escape(rt.Title), w.rtRange(rt)))
	if late {
		b.WriteString("\n\n" + tx.Late)
	}
	switch {
	case w.cfg.Meetings != nil && meetingDown:
		b.WriteString("\n\n" + tx.LinkWhenReady)
	case w.cfg.Meetings != nil:
		link, err := w.rtJoinLink(ctx, rt, user, room, meetingReady)
		if err != nil {
			return err
		}
		b.WriteString("\n\n" + w.linkLine(rt, user, link))
		if !meetingReady {
			minutes := int(w.meetingLead().Minutes())
			b.WriteString(" " + chat.Format(chat.Plural(tx.LinkWorksFrom, minutes), minutes))
		}
	default:
		b.WriteString("\n\n" + tx.ReminderNoLink)
	}
	if _, err := w.SendMarkdownTo(ctx, room, b.String(), nil, w.TxnID(id.EventID("lotse-rt/"+key), "send", 0)); err != nil {
		return err
	}
	if meetingDown {
		if err := w.DB.RoundTables.MarkSent(ctx, owedKey(rt, user), rt.ID, false, now); err != nil {
			return err
		}
	}
	return w.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, now)
}

// linkLine is the reminder's line with user's personal join link: a link
// with a label („Zur Videokonferenz“), not the bare URL — some 250
// characters of query and checksum that filled a phone's screen and said
// nothing (rt25). Element shows the label; the plain body (notifications,
// clients without HTML) keeps the URL after it. The destination is written
// in angle brackets, so that "*", "_" or ")" in the URL cannot end or
// format it; the link goes into user's direct chat only. The coordinator
// and co-hosts are told theirs opens the meeting as moderator.
func (w *Workflow) linkLine(rt *storage.RoundTable, user id.UserID, link string) string {
	text := w.tx.ReminderLink
	if isModerator(rt, user) {
		text = w.tx.ReminderLinkModerator
	}
	return chat.Format(text, "<"+link+">")
}

// isModerator reports whether user moderates rt's meeting: the
// coordinator and the co-hosts.
func isModerator(rt *storage.RoundTable, user id.UserID) bool {
	return user.String() == rt.Coordinator || slices.Contains(rt.CoHosts, user.String())
}

// meetingID is the BBB meeting of rt's current occurrence.
func meetingID(rt *storage.RoundTable) string {
	return fmt.Sprintf("lotse-rt-%d-%d", rt.ID, rt.Start.Unix())
}

// joinLink builds user's personal link: their display name, MODERATOR for
// the coordinator and co-hosts, VIEWER otherwise; bound to the meeting's
// createTime once the meeting exists.
func (w *Workflow) rtJoinLink(ctx context.Context, rt *storage.RoundTable, user id.UserID, room id.RoomID, ready bool) (string, error) {
	role := bbb.RoleViewer
	if isModerator(rt, user) {
		role = bbb.RoleModerator
	}
	name := w.nameOf(ctx, rt, user)
	if name == user.String() {
		name = w.Matrix.DisplayName(ctx, room, user)
	}
	req := bbb.JoinRequest{MeetingID: meetingID(rt), FullName: name, Role: role, UserID: user.String()}
	if ready {
		req.CreateTime = rt.CreateTime
	}
	link, err := w.cfg.Meetings.JoinURL(req)
	if err != nil {
		return "", fmt.Errorf("failed to build join link for round table %d", rt.ID) // no URL in the error
	}
	return link, nil
}

// ensureMeeting creates the BBB meeting of the current occurrence (create
// is idempotent: an existing meeting is confirmed) and records its createTime.
// It calls BigBlueButton once per occurrence: a meeting recorded for the
// current occurrence is not created again on every tick.
//
// The meeting waits for its first attendee until the round table's end
// (meetingExpireIfNoUserJoinedInMinutes): it expired lead+15 minutes after
// its creation, five to ten minutes after the start, when nobody had come
// yet (the coordinator late); Lotse then created it anew, with a new
// createTime, and every link of the last reminder (bound to the old one)
// was refused — whoever came later could not get in (rt27).
func (w *Workflow) ensureMeeting(ctx context.Context, rt *storage.RoundTable, now time.Time) (*storage.RoundTable, error) {
	mid := meetingID(rt)
	if rt.MeetingID == mid && rt.CreateTime != 0 {
		return rt, nil
	}
	name := []rune(rt.Title)
	if len(name) > 64 {
		name = name[:64]
	}
	title := string(name)
	if len(name) < 2 {
		title = chat.Format(w.tx.MeetingName, rt.ID)
	}
	resp, err := w.cfg.Meetings.Create(ctx, bbb.CreateRequest{
		MeetingID: mid, Name: title,
		MeetingExpireIfNoUserJoinedInMinutes: max(int(w.meetingLead().Minutes())+15, int(math.Ceil(rt.End().Sub(now).Minutes()))+1),
		Meta:                                 map[string]string{"lotse-roundtable": fmt.Sprint(rt.ID)},
	})
	if err != nil {
		return rt, fmt.Errorf("failed to create BBB meeting: %w", err)
	}
	if rt.MeetingID != mid || rt.CreateTime != resp.CreateTime {
		if err := w.DB.RoundTables.SetMeeting(ctx, rt.ID, mid, resp.CreateTime); err != nil {
			return rt, err
		}
		rt.MeetingID, rt.CreateTime = mid, resp.CreateTime
	}
	return rt, nil
}

// recordAttendance remembers who is in the running meeting. A meeting BBB
// no longer knows that nobody was in yet (BigBlueButton restarted, or it
// expired) is forgotten, so that the next tick creates it again — create
// is otherwise called once per occurrence.
//
// A meeting people were in and that BBB no longer knows has ended: a
// moderator ended it for everyone („Konferenz beenden“; BBB drops an
// ended meeting from memory), or the last one left. It stays ended. Lotse
// created it anew within a minute: the moderator's end was undone, and
// whoever they had ended it to be rid of came back in with the link of the
// day before (built before the meeting existed, so bound to no createTime),
// into a meeting without moderator (rt27).
func (w *Workflow) recordAttendance(ctx context.Context, rt *storage.RoundTable) {
	info, err := w.cfg.Meetings.GetMeetingInfo(ctx, meetingID(rt))
	if errors.Is(err, bbb.ErrNotFound) {
		if seen, err := w.DB.RoundTables.Seen(ctx, rt.ID, rt.Start); err != nil || len(seen) > 0 {
			return
		}
		if err := w.DB.RoundTables.SetMeeting(ctx, rt.ID, "", 0); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to forget an expired meeting")
		}
		return
	}
	if err != nil {
		return
	}
	var who []string
	for _, a := range info.Attendees {
		who = append(who, seenAs(a))
	}
	if err := w.DB.RoundTables.AddSeen(ctx, rt.ID, rt.Start, who); err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to record attendance")
	}
}

// seenGuest prefixes what is recorded for someone in the meeting who did
// not come with a Lotse link (BigBlueButton's own ID for them, random).
const seenGuest = "guest:"

// seenAs is what recordAttendance keeps of a meeting's attendee: the
// Matrix ID their personal link carries (BigBlueButton reports the link's
// userID back; only Lotse can sign a link), else BigBlueButton's own
// random ID for them. Never the name BigBlueButton shows: it was kept
// before (rt24's Left), tied to nobody — an erasure could not find it, the
// export did not show it, and the summary listed the display name of the
// moment the link was made beside the RSVPs' current ones (a member who
// renamed appeared twice, under a name they no longer use). With the ID,
// erasure and export take it along (storage), and the summary names
// everyone as the RSVP list does (rt25).
func seenAs(a bbb.Attendee) string {
	if isUser(a.UserID) {
		return a.UserID
	}
	return seenGuest + a.UserID
}

// seenNames turns what recordAttendance kept into the summary's names,
// escaped: the current display name of each member, then one entry for the
// guests without a personal link (dial-in by phone), if any. A name kept
// before rt25 (neither an ID nor a guest) is shown as it was kept, until
// its retention.
func (w *Workflow) seenNames(ctx context.Context, rt *storage.RoundTable, seen []string) []string {
	var names []string
	guests := 0
	for _, s := range seen {
		switch {
		case isUser(s):
			names = append(names, chat.Escape(w.nameOf(ctx, rt, id.UserID(s))))
		case strings.HasPrefix(s, seenGuest):
			guests++
		default:
			names = append(names, chat.Escape(s))
		}
	}
	if guests > 0 {
		names = append(names, chat.Format(chat.Plural(w.tx.SummaryGuests, guests), guests))
	}
	return names
}

// finishOccurrence sends the coordinator the attendance summary, then moves
// a series to its next occurrence (or marks the round table done).
func (w *Workflow) finishOccurrence(ctx context.Context, rt *storage.RoundTable, now time.Time) error {
	tx := w.tx
	key := fmt.Sprintf("%d|%s|summary|%d", rt.ID, rt.Coordinator, rt.Start.Unix())
	done, err := w.DB.RoundTables.IsSent(ctx, key)
	if err != nil {
		return err
	}
	// A coordinator who erased their data gets no summary; the series
	// still moves on (the summary to the pseudonym failed on every tick
	// and held the series at its past date).
	if !done && isUser(rt.Coordinator) {
		seen, err := w.DB.RoundTables.Seen(ctx, rt.ID, rt.Start)
		if err != nil {
			return err
		}
		att, err := w.DB.RoundTables.Attendees(ctx, rt.ID)
		if err != nil {
			return err
		}
		var names []string
		for _, a := range att {
			names = append(names, chat.Escape(w.nameOf(ctx, rt, id.UserID(a.UserID))))
		}
		var b strings.Builder
		b.WriteString(chat.Format(tx.Summary, rt.ID, chat.Escape(rt.Title)) + "\n\n")
		if len(seen) > 0 {
			b.WriteString(chat.Format(chat.Plural(tx.SummarySeen, len(seen)), len(seen), summaryNames(tx, w.seenNames(ctx, rt, seen))) + "  \n")
		}
		if len(att) == 0 {
			b.WriteString(tx.SummaryNoRSVP + "\n\n")
		} else {
			b.WriteString(chat.Format(chat.Plural(tx.SummaryRSVP, len(att)), len(att), summaryNames(tx, names)) + "\n\n")
		}
		b.WriteString(chat.Format(tx.SummaryHow, rt.ID))
		room, err := w.Matrix.DirectRoom(ctx, id.UserID(rt.Coordinator))
		if err != nil {
			return err
		}
		if _, err := w.SendMarkdownTo(ctx, room, b.String(), nil, w.TxnID(id.EventID("lotse-rt/"+key), "send", 0)); err != nil {
			return err
		}
		if err := w.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, now); err != nil {
			return err
		}
	}
	// Moving on to the next date edits the announcements: not while a
	// coordinator's change is under way (changeOf), and only if the round
	// table is still over as read now (a move may have come first).
	rt, err = w.changeOf(ctx, rt)
	if errors.Is(err, errBusy) {
		return nil // the next tick
	} else if err != nil {
		return err
	}
	defer w.endChange(rt.ID)
	if rt.Status != storage.RoundTableAnnounced || now.Before(rt.End()) {
		return nil
	}
	var next time.Time
	if rec := decodeRecurrence(rt.Recurrence, rt.Start.In(w.cfg.Location)); rec != nil {
		next = rec.Next(rt.Start)
		for !next.IsZero() && !now.Before(next.Add(rt.Duration)) {
			next = rec.Next(next) // occurrences missed while Lotse was down
		}
	}
	moved, err := w.DB.RoundTables.Advance(ctx, rt.ID, rt.Start, next, now)
	if err != nil || !moved || next.IsZero() {
		return err
	}
	after, err := w.DB.RoundTables.Get(ctx, rt.ID)
	if err != nil || after == nil {
		return err
	}
	return w.updatePosts(ctx, after)
}

// summaryMaxNames bounds each list of names in the attendance summary, so
// that the one message stays far below Matrix's event size limit with
// hundreds of attendees (`!teilnehmende` pages the full list).
const summaryMaxNames = 50

// summaryNames joins names for the summary, at most summaryMaxNames of
// them, and says how many more there are.
func summaryNames(tx *Texts, names []string) string {
	if len(names) <= summaryMaxNames {
		return strings.Join(names, ", ")
	}
	rest := len(names) - summaryMaxNames
	return strings.Join(names[:summaryMaxNames], ", ") + " " + chat.Format(chat.Plural(tx.SummaryMore, rest), rest)
}
