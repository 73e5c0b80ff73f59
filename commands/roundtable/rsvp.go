package roundtable

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Members' side of round tables: RSVPs by ✅ or !dabei/!absage (also for
// one date of a series), the list of round tables, and the attendees'
// names. An RSVP counts only from the announcement's room (see findReaction).

// toMember sends our own Markdown text to user: into the DM the event came
// from, else into Lotse's direct chat with them (opened if needed).
func (w *Workflow) toMember(ctx context.Context, user id.UserID, md, txn string) error {
	room, err := w.memberRoom(ctx, user)
	if err != nil {
		return err
	}
	_, err = w.SendMarkdownTo(ctx, room, md, nil, txn)
	return err
}

// memberRoom is where toMember writes to user: the DM the event came
// from, else Lotse's direct chat with them (opened if needed).
func (w *Workflow) memberRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	if t := chat.TurnOf(ctx); t != nil && t.Direct && t.Event.Sender == user {
		return t.Event.RoomID, nil
	}
	return w.Matrix.DirectRoom(ctx, user)
}

// rsvp stores a member's answer and confirms it in their DM. reaction is
// the ✅ that joins; quiet: the removal of one withdraws.
//
// rt is the round table as the event's handler read it. A coordinator's
// move, cancellation or restore in another room, or the tick's step to
// the next date, may change it before the answer is written: the answer
// is then not stored (SetRSVPAt), and decided again on the round table as
// it is now — once; changed again in that moment, the event waits and is
// tried again (errBusy). Before, a „yes“ written after a cancellation was
// stored and confirmed, and the member never heard that it was cancelled
// (race35).
func (w *Workflow) rsvp(ctx context.Context, rt *storage.RoundTable, user id.UserID, attending bool, reaction string, quiet bool) error {
	for try := 0; ; try++ {
		err := w.rsvpAt(ctx, rt, user, attending, reaction, quiet)
		if !errors.Is(err, storage.ErrRoundTableChanged) {
			return err
		}
		if try > 0 {
			return errBusy
		}
		if rt, err = w.DB.RoundTables.Get(ctx, rt.ID); err != nil || rt == nil {
			return err // gone (its coordinator's erasure): nothing to answer
		}
	}
}

// rsvpAt is rsvp for rt as read; storage.ErrRoundTableChanged (before
// anything is sent) when rt changed since.
func (w *Workflow) rsvpAt(ctx context.Context, rt *storage.RoundTable, user id.UserID, attending bool, reaction string, quiet bool) error {
	tx := w.tx
	evt := chat.TurnOf(ctx).Event
	title := chat.Escape(rt.Title)
	txn := w.CauseTxn(ctx, "rt-rsvp", 0)
	byReaction := reaction != "" || quiet
	say := func(md string) error {
		if byReaction {
			if ok, err := w.reactionDM(ctx, rt, user); err != nil || !ok {
				return err
			}
		}
		return w.toMember(ctx, user, md, txn)
	}
	// A one-off that has ended is over even before the next tick marks it
	// done (a series goes on to its next date).
	over := rt.Recurrence == "" && !w.Now().Before(rt.End())
	// A withdrawal counts while the round table is cancelled, before its
	// end: the cancellation can be taken back (rt33), and whoever said no
	// meanwhile (!absage, or their ✅ removed) was an attendee again after
	// the restore — reminded, with a personal link, and told „deine
	// Zusage gilt weiter“ (mend33a).
	withdrawn := !attending && rt.Status == storage.RoundTableCancelled && w.Now().Before(rt.End())
	if rt.Status != storage.RoundTableAnnounced && !withdrawn || over && attending {
		if quiet {
			return nil
		}
		return say(chat.Format(tx.NotOpen, rt.ID))
	}
	changed, err := w.DB.RoundTables.SetRSVPAt(ctx, storage.RSVP{RoundTableID: rt.ID, UserID: user.String(), Attending: attending,
		ReactionEvent: reaction, SourceEvent: evt.ID.String(), UpdatedAt: w.Now()}, rt.Capacity, rt.Version)
	if errors.Is(err, storage.ErrRoundTableFull) {
		return say(chat.Format(tx.Full, title))
	} else if err != nil {
		return err
	}
	switch {
	case !changed && quiet:
		return nil
	case !changed && attending:
		if back, err := w.unskipOccurrence(ctx, rt, user); err != nil {
			return err
		} else if back {
			return say(chat.Format(tx.Joined, title, w.rtRange(rt)) + "\n\n" + chat.Format(w.pick(tx.LinkLater, tx.LinkLaterNoLink), rt.ID))
		}
		if byReaction {
			return nil // a second ✅ (on another announcement): the first was confirmed
		}
		return w.toMember(ctx, user, chat.Format(tx.AlreadyJoined, title), txn)
	case !changed:
		return w.toMember(ctx, user, chat.Format(tx.NotJoined, title), txn)
	case attending:
		// Reminders whose time has passed are not sent late to someone who
		// just joined, except the last one (it carries the link).
		plan := w.reminderPlan(rt)
		for i, at := range plan {
			if at.After(w.Now()) || i == len(plan)-1 {
				break
			}
			if err := w.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, w.Now()); err != nil {
				return err
			}
		}
		return say(chat.Format(tx.Joined, title, w.rtRange(rt)) + "\n\n" + chat.Format(w.pick(tx.LinkLater, tx.LinkLaterNoLink), rt.ID))
	default:
		return say(chat.Format(tx.Left, title))
	}
}

// reactionDMs is how many direct messages one member's reactions to one
// round table cause in an hour: setting and removing ✅ a thousand times
// (a script does it in a minute) made two thousand direct messages, each
// opening the direct chat and encrypting, and held up Lotse's sending for
// everyone. Beyond it the RSVP still changes, silently (the ✅ shows it).
const reactionDMs = 3

// reactionDM reports whether the reaction being handled may confirm by
// direct message, and counts it. A retry of the same reaction may again
// (its message has the same transaction ID).
func (w *Workflow) reactionDM(ctx context.Context, rt *storage.RoundTable, user id.UserID) (bool, error) {
	prefix := fmt.Sprintf("%d|%s|react-dm|", rt.ID, user)
	key := prefix + chat.TurnOf(ctx).Event.ID.String()
	if done, err := w.DB.RoundTables.IsSent(ctx, key); err != nil || done {
		return done, err
	}
	n, err := w.DB.RoundTables.CountSent(ctx, rt.ID, prefix, w.Now().Add(-time.Hour))
	if err != nil || n >= reactionDMs {
		return false, err
	}
	return true, w.DB.RoundTables.MarkSent(ctx, key, rt.ID, false, w.Now())
}

// cmdJoin: !dabei <Nr>.
func (w *Workflow) cmdJoin(ce *chat.Call) error { return w.rsvpCommand(ce, "dabei", true) }

// cmdLeave: !absage <Nr>.
func (w *Workflow) cmdLeave(ce *chat.Call) error { return w.rsvpCommand(ce, "absage", false) }

func (w *Workflow) rsvpCommand(ce *chat.Call, cmd string, attending bool) error {
	rt, rest, err := w.rtArg(ce, cmd)
	if err != nil || rt == nil {
		return err
	}
	if !w.canSee(ce.Ctx, rt, ce.Sender) {
		return w.ReplyMarkdown(ce.Ctx, w.tx.CannotSee)
	}
	if !attending && rt.Recurrence != "" && len(rest) > 0 && onceWords[strings.ToLower(strings.Join(rest, " "))] {
		return w.skipOccurrence(ce.Ctx, rt, ce.Sender)
	}
	return w.rsvp(ce.Ctx, rt, ce.Sender, attending, "", false)
}

// onceWords after "!absage <Nr>" withdraw from the next date of a series only.
var onceWords = map[string]bool{"diesmal": true, "nur diesmal": true, "einmal": true, "once": true, "this time": true}

// skipOccurrence keeps a series attendee away from the next date only: its
// reminders (and with them the personal link) are marked as not to be
// sent; the dates after it come as before.
func (w *Workflow) skipOccurrence(ctx context.Context, rt *storage.RoundTable, user id.UserID) error {
	tx := w.tx
	txn := w.CauseTxn(ctx, "rt-rsvp", 0)
	r, err := w.DB.RoundTables.RSVP(ctx, rt.ID, user.String())
	if err != nil {
		return err
	}
	if r == nil || !r.Attending {
		return w.toMember(ctx, user, chat.Format(tx.NotJoined, chat.Escape(rt.Title)), txn)
	}
	for _, at := range w.reminderPlan(rt) {
		if at.After(w.Now()) {
			if err := w.DB.RoundTables.MarkSent(ctx, reminderKey(rt, user, at), rt.ID, true, w.Now()); err != nil {
				return err
			}
		}
	}
	return w.toMember(ctx, user, chat.Format(tx.SkippedOnce, chat.Escape(rt.Title), w.rtRange(rt), rt.ID), txn)
}

// unskipOccurrence takes back skipOccurrence for the next date (a "!dabei"
// or ✅ of someone who is in the series already) and reports whether there
// was anything to take back.
func (w *Workflow) unskipOccurrence(ctx context.Context, rt *storage.RoundTable, user id.UserID) (bool, error) {
	any := false
	for _, at := range w.reminderPlan(rt) {
		if !at.After(w.Now()) {
			continue
		}
		ok, err := w.DB.RoundTables.Unskip(ctx, reminderKey(rt, user, at))
		if err != nil {
			return false, err
		}
		any = any || ok
	}
	return any, nil
}

// canSee reports whether user is in one of rt's announcement rooms (or coordinates).
func (w *Workflow) canSee(ctx context.Context, rt *storage.RoundTable, user id.UserID) bool {
	if w.IsCoordinator(ctx, user) || slices.Contains(rt.CoHosts, user.String()) {
		return true
	}
	for _, r := range rt.Rooms {
		if ok, err := w.Matrix.IsJoined(ctx, id.RoomID(r), user); err == nil && ok {
			return true
		}
	}
	return false
}

// findReaction routes ✅ on an announcement (an RSVP, from the
// room of that announcement only: whoever reacts there can see it) or on a
// draft's preview (confirmation, by a coordinator, in the room of the
// preview).
func (w *Workflow) findReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
	if !w.On() || key != "✅" {
		return nil, nil
	}
	post, err := w.DB.RoundTables.PostByEvent(ctx, target.String())
	if err != nil {
		return nil, err
	}
	if post != nil {
		rt, err := w.DB.RoundTables.Get(ctx, post.RoundTableID)
		if err != nil || rt == nil {
			return &chat.Target{Room: id.RoomID(post.RoomID)}, err
		}
		return &chat.Target{Room: id.RoomID(post.RoomID), Run: func(ctx context.Context) error {
			return w.rsvp(ctx, rt, evt.Sender, true, evt.ID.String(), false)
		}}, nil
	}
	rt, err := w.DB.RoundTables.ByPrompt(ctx, target.String())
	if err != nil || rt == nil {
		return nil, err
	}
	return &chat.Target{Room: id.RoomID(rt.OriginRoom), Role: w.coordinator.Silent(), Run: func(ctx context.Context) error {
		return w.confirmDraft(ctx, rt)
	}}, nil
}

// WithdrawRSVP withdraws an RSVP whose ✅ reaction was removed (evt is the
// redaction of redacts). Only the member who reacted, in a room the round
// table was announced in (where the reaction was counted), withdraws it: a
// redaction event can name any event ID, and one inside an encrypted event
// is checked by no server.
//
// The room is checked against the round table's announcement rooms, not
// against the announcements Lotse still knows: after a moderator deleted
// the announcement (AnnouncementRedacted forgets it), a member who removes
// their ✅ no longer wants to come and no longer wants reminders, and
// before, nothing happened (fix24a's Left, rt25). Someone else's removal
// of the member's ✅ — a moderator cleaning up the deleted announcement's
// reactions — withdraws nothing: the member did not say no.
func (w *Workflow) WithdrawRSVP(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	if !w.On() {
		return nil
	}
	r, err := w.DB.RoundTables.RSVPByReaction(ctx, redacts.String())
	if err != nil || r == nil || !r.Attending || r.UserID != evt.Sender.String() {
		return err
	}
	rt, err := w.DB.RoundTables.Get(ctx, r.RoundTableID)
	if err != nil || rt == nil || !slices.Contains(rt.Rooms, evt.RoomID.String()) {
		return err
	}
	return w.rsvp(ctx, rt, id.UserID(r.UserID), false, "", true)
}

// cmdAttendees lists who joined: !teilnehmende <Nr> [Seite]. One page
// of AttendeesPage lines (!teilnehmende 3 2: the second): a long list
// stays one message under Matrix's event size limit, as !rollen does
// (whole-change review 20, L4: 400 attendees and more never arrived).
func (w *Workflow) cmdAttendees(ce *chat.Call) error {
	tx := w.tx
	rt, rest, err := w.rtArg(ce, "teilnehmende")
	if err != nil || rt == nil {
		return err
	}
	if !isModerator(rt, ce.Sender) {
		// Any coordinator may step in for another and move or cancel
		// their round table, but the names of those who joined are
		// personal data the organisers need, not every coordinator: a
		// coordinator account in the wrong hands listed every round
		// table's attendees, page by page (rt32).
		return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.AttendeesNotYours, rt.ID))
	}
	att, err := w.DB.RoundTables.Attendees(ce.Ctx, rt.ID)
	if err != nil {
		return err
	}
	page, from, to := chat.Page(rest, len(att), AttendeesPage)
	var b strings.Builder
	b.WriteString(chat.Format(chat.Plural(tx.AttendeesIntro, len(att)), rt.ID, chat.Escape(rt.Title), len(att)))
	if rt.Capacity > 0 {
		b.WriteString(" · " + chat.Format(chat.Plural(tx.AttendeesCapacity, max(rt.Capacity-len(att), 0)), max(rt.Capacity-len(att), 0)))
	}
	b.WriteString("\n\n")
	for _, a := range att[from:to] {
		b.WriteString("- " + chat.Escape(w.nameOf(ce.Ctx, rt, id.UserID(a.UserID))) + " (" + chat.Escape(a.UserID) + ")\n")
	}
	if more := len(att) - to; more > 0 {
		b.WriteString("\n" + chat.Format(chat.Plural(tx.AttendeesMore, more), more, rt.ID, page+1))
	}
	return w.ReplyMarkdown(ce.Ctx, b.String())
}

// AttendeesPage is how many attendees one page of !teilnehmende shows.
const AttendeesPage = 50

// nameOf is user's display name in the first announcement room.
func (w *Workflow) nameOf(ctx context.Context, rt *storage.RoundTable, user id.UserID) string {
	for _, r := range rt.Rooms {
		if n := w.Matrix.DisplayName(ctx, id.RoomID(r), user); n != user.String() {
			return n
		}
	}
	return user.String()
}

// cmdRoundTables lists the planned round tables, for everyone.
func (w *Workflow) cmdRoundTables(ce *chat.Call) error {
	tx := w.tx
	all, err := w.DB.RoundTables.WithStatus(ce.Ctx, storage.RoundTableAnnounced, 200)
	if err != nil {
		return err
	}
	// Only round tables the asker may see: announced in a room they are
	// in, or theirs to host (issue #15, Low: the list named the round
	// tables of every room). In a group room everyone there reads the
	// answer: only the round tables announced in that room. The asker's
	// other rooms — a closed working group's, or for a coordinator every
	// room — were listed with title, date and the number of RSVPs to
	// people who are in none of them (rt31).
	t := chat.TurnOf(ce.Ctx)
	group := t == nil || !t.Direct
	var list []*storage.RoundTable
	for _, rt := range all {
		if group && !slices.Contains(rt.Rooms, ce.RoomID.String()) {
			continue
		}
		if len(list) < 20 && w.canSee(ce.Ctx, rt, ce.Sender) {
			list = append(list, rt)
		}
	}
	note := ""
	if group {
		note = "\n\n" + tx.ListRoomOnly
	}
	if len(list) == 0 {
		return w.ReplyMarkdown(ce.Ctx, tx.ListEmpty+note)
	}
	var b strings.Builder
	b.WriteString(tx.ListIntro + "\n\n")
	for _, rt := range list {
		att, err := w.DB.RoundTables.Attendees(ce.Ctx, rt.ID)
		if err != nil {
			return err
		}
		b.WriteString(chat.Format(chat.Plural(tx.ListLine, len(att)), rt.ID, chat.Escape(rt.Title), w.rtRange(rt), len(att)) + "\n")
	}
	return w.ReplyMarkdown(ce.Ctx, b.String()+note)
}
