package roundtable

import (
	"context"
	"fmt"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Taking a cancellation back (rt33): any coordinator may cancel any round
// table (one steps in for another, rt32), and a careless or taken-over
// coordinator account cancelled another's evening for good — the members
// were told it is off, and nothing brought it back. Now the round table's
// coordinator or a co-host restores it before its start.
//
// Who may: the round table's coordinator and its co-hosts (with the
// coordinator role: the command is a coordinator's), not the co-host who
// cancelled it (a stand-in's cancel is undone by someone else), and no
// other coordinator — else the stand-in who cancelled, or any account in
// the wrong hands, could cancel and restore at will. From any room the
// coordinator commands work in; a reaction, an edit or a redaction
// restores nothing (edits are never handled as commands, the command has
// no reaction, and a redaction of the cancel or the restore changes no
// record). A restore is a change like a move: one at a time per round
// table (changeOf), known again on retry by its record (handledBefore),
// and counted in the same bound of MaxMoves changes within MoveWindow —
// cancel and restore in turn cannot flood the attendees.

// restoreAuditKey keys the role-audit entry of the restore made by event.
func restoreAuditKey(event id.EventID) string { return "roundtable-restore:" + event.String() }

// cmdRestore takes a cancellation back: !wiederherstellen <Nr>.
func (w *Workflow) cmdRestore(ce *chat.Call) error {
	tx := w.tx
	rt, _, err := w.rtArg(ce, "wiederherstellen")
	if err != nil || rt == nil {
		return err
	}
	rt, state, done, err := w.startChange(ce.Ctx, rt)
	defer done()
	if err != nil || state == superseded {
		return err
	}
	if state == fresh {
		if ok, err := w.mayRestore(ce, rt); err != nil || !ok {
			return err
		}
		if err := w.oweLinksAgain(ce.Ctx, rt); err != nil {
			return err
		}
		audit := &storage.RoleAuditEntry{Key: restoreAuditKey(ce.Event.ID), At: w.Now(), Actor: ce.Sender.String(),
			Subject: rt.Coordinator, Action: "roundtable-restore",
			Detail: fmt.Sprintf("round table %d: %s", rt.ID, rt.Start.UTC().Format(time.RFC3339))}
		ok, after, err := w.DB.RoundTables.Restore(ce.Ctx, rt.ID, ce.Event.ID.String(), w.Now(), audit, ce.Sender.String() != rt.Coordinator)
		if err != nil {
			return err
		}
		if !ok {
			// Read under the change mark: only the start can have come
			// between the check and the update.
			return w.ReplyMarkdown(ce.Ctx, chat.Format(tx.RestoreTooLate, rt.ID))
		}
		rt = after
	}
	// As a cancellation: the rooms first, then the hosts, then the
	// attendees; every send's transaction ID from the event (a retry
	// repeats none), the calendar files by the new SEQUENCE.
	if err := w.repost(ce.Ctx, rt); err != nil {
		return err
	}
	told, err := w.notifyHosts(ce.Ctx, ce.Sender, rt, func(name string, _ id.UserID) string {
		return chat.Format(tx.StandInRestored, name, rt.ID, chat.Escape(rt.Title), w.rtRange(rt))
	}, "rt-restored-host")
	if err != nil {
		return err
	}
	n, err := w.notifyAttendees(ce.Ctx, rt, chat.Format(tx.Restored, chat.Escape(rt.Title), w.rtRange(rt), rt.ID)+"\n\n"+tx.CalendarRestored, "rt-restored", true)
	if err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.RestoredCoord, n), rt.ID, w.rtRange(rt), n)+told)
}

// mayRestore answers (and returns false) when the sender may not restore
// rt now: not its coordinator or a co-host, the co-host who cancelled it,
// not cancelled, cancelled as a draft, its start come, or the bound of
// changes reached.
func (w *Workflow) mayRestore(ce *chat.Call, rt *storage.RoundTable) (bool, error) {
	tx := w.tx
	reply := func(text string) (bool, error) {
		return false, w.ReplyMarkdown(ce.Ctx, chat.Format(text, rt.ID))
	}
	if !isModerator(rt, ce.Sender) {
		return reply(tx.RestoreNotYours)
	}
	switch {
	case rt.Status == storage.RoundTableDone:
		return reply(tx.NotOpen)
	case rt.Status != storage.RoundTableCancelled:
		return reply(tx.RestoreNotCancelled)
	case rt.Version <= 2:
		// Created at version 1, cancelled as a draft at 2 (storage's
		// Restore checks the same).
		return reply(tx.RestoreDraft)
	case !w.Now().Before(rt.Start):
		return reply(tx.RestoreTooLate)
	}
	if ce.Sender.String() != rt.Coordinator {
		// A stand-in's cancellation has its audit entry (rt32); its
		// author is no one to take it back.
		by, err := w.DB.Roles().AuditActor(ce.Ctx, "roundtable-standin:"+rt.LastEvent)
		if err != nil {
			return false, err
		}
		if by == ce.Sender.String() {
			return reply(tx.RestoreOwnCancel)
		}
	}
	n, full, err := w.boundReached(ce, rt, storage.ChangeKeyPrefix, storage.StandInChangeKeyPrefix, MaxMoves)
	if err != nil {
		return false, err
	}
	if full {
		return false, w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(tx.TooManyRestores, n), rt.ID, n))
	}
	return true, nil
}

// changeNote is the line an announcement of rt carries about its last
// change: PostRestored when that change took its cancellation back (rt33),
// PostMoved for another change of an announced round table (SEQUENCE > 0),
// and only while rt is at the date of that change. A series that moved on
// to its next date since (Advance, which writes updated_at after the
// change's record) carries none: the new date was neither moved nor
// restored — before, „Findet doch statt“ or „Verschoben“ stayed on it until
// the next change (rt33's Left, left34). A change without its record
// (older than rt32) keeps the note, as before.
func (w *Workflow) changeNote(ctx context.Context, rt *storage.RoundTable) (string, error) {
	if rt.Status != storage.RoundTableAnnounced || rt.Sequence == 0 {
		return "", nil
	}
	at, found, err := w.DB.RoundTables.SentAt(ctx, storage.ChangeKeyPrefix+rt.LastEvent)
	if err != nil {
		return "", err
	}
	if found && rt.UpdatedAt.After(at) {
		return "", nil
	}
	restored, err := w.DB.RoundTables.IsSent(ctx, storage.RestoredKey(rt.LastEvent))
	if err != nil {
		return "", err
	}
	if restored {
		return w.tx.PostRestored, nil
	}
	return w.tx.PostMoved, nil
}

// oweLinksAgain marks the join link owed (owedKey) to everyone who got
// the last reminder of rt's date, when Lotse had created its meeting: the
// cancellation ended that meeting, the restore forgets it, and the next
// tick creates it anew with a new createTime — the links of the last
// reminder, bound to the old one, were refused, and that reminder is not
// sent twice (mend33a: a cancel taken back in the last quarter of an hour
// left nobody able to get in). sendOwedLinks then sends each of them a
// link to the new meeting once it exists. Written before the restore (a
// retry of the event finds the meeting forgotten): while the round table
// stays cancelled, nothing reads the marks, and they name its date only.
func (w *Workflow) oweLinksAgain(ctx context.Context, rt *storage.RoundTable) error {
	if w.cfg.Meetings == nil || rt.MeetingID == "" || rt.MeetingID != meetingID(rt) {
		return nil
	}
	plan := w.reminderPlan(rt)
	if len(plan) == 0 {
		return nil
	}
	last := plan[len(plan)-1]
	for _, user := range w.recipients(ctx, rt) {
		got, err := w.DB.RoundTables.IsDone(ctx, reminderKey(rt, user, last))
		if err != nil {
			return err
		}
		if got {
			if err := w.DB.RoundTables.MarkSent(ctx, owedKey(rt, user), rt.ID, false, w.Now()); err != nil {
				return err
			}
		}
	}
	return nil
}
