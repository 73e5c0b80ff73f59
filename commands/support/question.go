package support

import (
	"context"
	"strconv"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// ForgetQuestion follows a member's deletion of a message whose words are
// a case's question (evt is the redaction, redacts the deleted event;
// DSGVO Art. 17): the message the case keeps as its question (a !ticket)
// or one the offer carried into the case when a „ja“ or ✅ opened it
// (storage.CaseDraft.QuestionEvents, sup30). Before, a case opened by „ja“
// kept the „ja“ as its question's event, and deleting the message with
// the member's real words reached nothing.
//
// Lotse redacts its copy of the question in the case's thread, empties
// the case's summary (the board shows a placeholder from now on; the
// board's earlier versions stay in the room's edit history — only
// redacting the case message itself would take them, which the erasure
// does) and tells the thread once. The case's stored question, a learned
// question and Lotse's other copies (the learning prompt, a guide draft)
// are taken back by learn.Workflow.TakeBack, which reads the same
// records ([storage.CaseQuery.QuestionsFrom]).
//
// Only the member's own deletion in the chat they wrote it in counts:
// QuestionsFrom matches the case's member and the room the question was
// written in, so a redaction by someone else or naming the event from
// another room finds nothing. Each step has a transaction ID of the
// redaction event, so the handler can be repeated after a crash; work is
// bounded by QuestionsFrom's 20 cases.
func (w *Workflow) ForgetQuestion(ctx context.Context, evt *event.Event, redacts id.EventID, reason string) error {
	if !w.On() || evt.RoomID == w.cfg.TeamRoom {
		return nil
	}
	questions, err := w.DB.Cases.QuestionsFrom(ctx, redacts.String(), evt.Sender.String(), evt.RoomID.String())
	if err != nil {
		return err
	}
	for _, q := range questions {
		if !q.Words {
			// The „ja“ or ✅ that opened the case, its words from other
			// messages: taking back a ✅ (or deleting the „ja“) is no
			// deletion of the question. Before (mend30a), it redacted
			// the team's copy, blanked the board's summary and told the
			// thread the member had deleted their question.
			continue
		}
		if err := w.forgetQuestion(ctx, evt, q, reason); err != nil {
			return err
		}
	}
	return nil
}

// forgetQuestion takes back Lotse's copy of case question q in the team
// room and the case's summary (ForgetQuestion).
func (w *Workflow) forgetQuestion(ctx context.Context, evt *event.Event, q storage.CaseQuestion, reason string) error {
	key := "-" + strconv.FormatInt(q.CaseID, 10)
	if err := w.redactSent(ctx, w.TxnID(id.EventID(q.Event), "case-question", 0), reason, w.TxnID(evt.ID, "redact-case-question"+key, 0)); err != nil {
		return err
	}
	if _, err := w.DB.Cases.EraseSummary(ctx, q.CaseID); err != nil {
		return err
	}
	c, err := w.DB.Cases.Get(ctx, q.CaseID)
	if err != nil || c == nil || c.TeamEvent == "" {
		return err
	}
	// Told once per deletion and case (the transaction ID); a repeat
	// after a crash, with the summary erased already, tells again under
	// the same ID (the homeserver drops it).
	if _, err := w.toThread(ctx, c, chat.Format(w.tx.QuestionDeletedTeam, c.ID), "", w.TxnID(evt.ID, "question-deleted"+key, 0)); err != nil {
		return err
	}
	return w.updateBoard(ctx, c.ID)
}

// summary is what the team and the member read as c's summary: the
// beginning of its question, or SummaryDeleted after the member deleted
// the message it came from (ForgetQuestion).
func (w *Workflow) summary(c *storage.Case) string {
	if c.Summary == "" {
		return w.tx.SummaryDeleted
	}
	return c.Summary
}
