package learn

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// TakeBack follows a member's deletion of their message (evt is the
// redaction, redacts the deleted event; loop29): what Lotse copied of its
// words for the team goes with it — the questions learned from it leave
// the database and the search, and Lotse redacts its own messages in the
// team room that quote it (the learning prompt, a guide draft's file).
// The team is told in the case's thread which learned question went, in
// words: its number and guide, never the question, a Matrix ID or an event
// ID.
//
// Only the author's own deletion in the message's room counts: the rows
// record the message's event, room and sender (storage.QuestionSource),
// and all three must be the redaction's. Someone else's redaction, or one
// naming the event from another room, finds nothing: a redaction event can
// name any event ID, and one inside an encrypted event is checked by no
// server. A moderator's deletion does not count either: the message is in
// the member's chat with Lotse, which has no one else to moderate it.
// Each step is idempotent (transaction IDs of the redaction event), so the
// handler can be repeated after a crash. It works also while learning is
// off: the rows it reaches were made while it was on.
//
// The deleted message may also be one whose words a case's question holds
// while the case keeps another event as its question's — the „ja“ or ✅
// that opened it (storage.CaseQuery.QuestionsFrom, sup30): what was copied
// under that event goes as well.
func (w *Workflow) TakeBack(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	src := storage.QuestionSource{Event: redacts.String(), Room: evt.RoomID.String(), User: evt.Sender.String()}
	if err := w.takeBackFrom(ctx, evt, src); err != nil {
		return err
	}
	questions, err := w.DB.Cases.QuestionsFrom(ctx, src.Event, src.User, src.Room)
	if err != nil {
		return err
	}
	for _, q := range questions {
		if q.Event == src.Event {
			continue
		}
		if err := w.takeBackFrom(ctx, evt, storage.QuestionSource{Event: q.Event, Room: src.Room, User: src.User}); err != nil {
			return err
		}
	}
	return nil
}

// takeBackFrom takes back what Lotse copied of the member's message src
// (TakeBack; evt is the redaction).
func (w *Workflow) takeBackFrom(ctx context.Context, evt *event.Event, src storage.QuestionSource) error {
	// First the case's question (support erases it too, later in the
	// same handling): a teaching, prompt or draft that read it before and
	// records its copy after this sees that it is gone (recheck).
	if err := w.DB.Copies().EraseSource(ctx, src); err != nil {
		return err
	}
	learned, err := w.DB.Learned().BySource(ctx, src)
	if err != nil {
		return err
	}
	for _, l := range learned {
		if err := w.takeBackOne(ctx, l, w.tx.TakenBack, w.TxnID(evt.ID, "learn-taken-back", int(l.ID))); err != nil {
			return err
		}
	}
	if len(learned) > 0 {
		// Also the guard's known outcomes: they belong to the library in
		// use, which the reload replaces (Known.For then knows none of them).
		if err := w.load(ctx, vetted{}); err != nil {
			return err
		}
	}
	return w.redactCopies(ctx, evt, src)
}

// takeBackOne tells the team that l goes and deletes it (the caller
// reloads the library); why is the notice (TakenBack, OptedOutForgotten:
// %d the number, %s the guide). Told first, deleted after: a crash in
// between tells again under the same transaction ID (the homeserver drops
// the repeat) and still finds the row to delete.
func (w *Workflow) takeBackOne(ctx context.Context, l *storage.LearnedQuestion, why, txn string) error {
	if w.cfg.TeamRoom != "" {
		name := l.GuideID
		if w.Guides != nil {
			name = title(w.Guides.Current(), l.GuideID)
		}
		md := chat.Format(why, l.ID, chat.Escape(name))
		if !l.ExportedAt.IsZero() {
			md += " " + chat.Format(w.tx.TakenBackExported, chat.Escape(name))
		}
		var rel *event.RelatesTo
		if c, err := w.DB.Cases.Get(ctx, l.CaseID); err != nil {
			return err
		} else if c != nil && c.TeamEvent != "" {
			rel = chat.ThreadRel(c.TeamEvent)
		}
		if _, err := w.SendMarkdownTo(ctx, w.cfg.TeamRoom, md, rel, txn); err != nil {
			return err
		}
	}
	_, err := w.DB.Learned().Delete(ctx, l.ID)
	return err
}

// Untaught follows a team member's deletion of the message with which
// they taught a question (`!lehren …` or a guide named in the case's
// thread; evt is the redaction): the question is forgotten as with
// `!vergessen`, and the case's thread is told in words. On a bad day that
// is how a volunteer undoes a wrong guide: before (lib31), the deletion
// changed nothing and the question went on steering members' questions
// while the message that taught it was gone. Only the teacher's own
// deletion in the team room counts (the row records who taught it; an
// encrypted redaction's sender is the one its keys prove), and the role
// is not asked: forgetting only removes.
func (w *Workflow) Untaught(ctx context.Context, evt *event.Event, redacts id.EventID) error {
	if w.cfg.TeamRoom == "" || evt.RoomID != w.cfg.TeamRoom {
		return nil
	}
	l, err := w.DB.Learned().ByOrigin(ctx, redacts.String())
	if err != nil || l == nil || l.TaughtBy != evt.Sender.String() {
		return err
	}
	if err := w.takeBackOne(ctx, l, w.tx.Untaught, w.TxnID(evt.ID, "learn-untaught", int(l.ID))); err != nil {
		return err
	}
	return w.load(ctx, vetted{})
}

// OptedOut follows a member's objection (!nicht-merken, gaps.Config.OnOptOut):
// the questions learned from their words (their messages, or their cases)
// leave the database and the search at once, as on their deletion of the
// message (TakeBack); the team is told in each case's thread in words
// (number and guide, never the question). Before (lib31), the objection
// stopped only future teaching, and their earlier words stayed in the
// search until a team member forgot them. It works also while learning is
// off: the rows it reaches were made while it was on. Handling the
// command again is idempotent (transaction IDs of the command's event).
func (w *Workflow) OptedOut(ctx context.Context, member id.UserID) error {
	learned, err := w.DB.Learned().ByMember(ctx, member.String())
	if err != nil || len(learned) == 0 {
		return err
	}
	for _, l := range learned {
		if err := w.takeBackOne(ctx, l, w.tx.OptedOutForgotten, w.CauseTxn(ctx, "learn-opted-out", int(l.ID))); err != nil {
			return err
		}
	}
	return w.load(ctx, vetted{})
}

// recheck takes back what was just copied from src when the member
// deleted src meanwhile (between reading the case's question and
// recording the copy, TakeBack found nothing to take back). It reports
// whether it did. l is a learned question just added, or nil; copyEvent a
// copy just recorded, or "".
func (w *Workflow) recheck(ctx context.Context, src storage.QuestionSource, l *storage.LearnedQuestion, copyEvent string) (bool, error) {
	gone, err := w.DB.Copies().SourceErased(ctx, src)
	if err != nil || !gone {
		return false, err
	}
	if copyEvent != "" && w.cfg.TeamRoom != "" {
		if err := w.RedactCopy(ctx, w.cfg.TeamRoom, copyEvent, w.tx.CopyRedacted, w.CauseTxn(ctx, "redact-copy-"+copyEvent, 0)); err != nil {
			return true, err
		}
	}
	if l != nil {
		if err := w.takeBackOne(ctx, l, w.tx.TakenBack, w.CauseTxn(ctx, "learn-taken-back", int(l.ID))); err != nil {
			return true, err
		}
		return true, w.load(ctx, vetted{})
	}
	return true, nil
}

// redactCopies redacts Lotse's messages in the team room that quote the
// question from src and forgets them.
func (w *Workflow) redactCopies(ctx context.Context, evt *event.Event, src storage.QuestionSource) error {
	if w.cfg.TeamRoom == "" {
		return nil
	}
	copies, err := w.DB.Copies().BySource(ctx, src)
	if err != nil {
		return err
	}
	for _, c := range copies {
		if err := w.RedactCopy(ctx, w.cfg.TeamRoom, c.EventID, w.tx.CopyRedacted, w.TxnID(evt.ID, "redact-copy-"+c.EventID, 0)); err != nil {
			return err
		}
	}
	return nil
}
