package support

import (
	"context"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// EditAnswer follows a team member's edit of their answer target in the
// team room (the event being handled is the edit; text is its
// m.new_content's text without reply fallback): Lotse edits its copy of
// the answer in the member's direct chat (an m.replace of its own message,
// so the member sees the new text, „(bearbeitet)“) and the text stored
// with the case. A team member who pasted a password or a wrong link by
// mistake and edits it out takes it out of what the member reads as well
// (relay24).
//
// The caller has checked that the edit comes from target's sender, in
// target's room (the inbox's record), that target was handled and that
// the editor holds the team role: an edit event can name any event. Here
// only an answer counts that the editor wrote (storage.MsgAnswer), that is
// not taken back (deleted), whose copy Lotse sent the member (`!antwort`
// or the reply prefix; not a guide or a solution of `!erledigt`), to a case
// that is still open (as an answer needs): an edit cannot reach into a
// closed case's history. The edit must itself read as a text answer to
// the same case (`!antwort [Nr] Text` or the reply prefix); an edit is
// never run as a command. An edit of a note, of a command, of someone
// else's message or of an edit (clients target the original) changes
// nothing. When the case is not open or the edit is no answer, the thread
// says so and how to take the answer back (delete it); otherwise the team
// sees nothing, as in Element the answer shows as edited.
//
// Edits are applied in the order they arrived (Cases.BeginEdit): an older
// edit retried after a newer one changes nothing. The copy is cut to one
// event's bound as an answer is (answerBodies), so a 60 KB edit costs one
// bounded rendering and one send. Each step is idempotent (transaction IDs
// of the edit's event).
func (w *Workflow) EditAnswer(ctx context.Context, target id.EventID, text string) error {
	if !w.On() {
		return nil
	}
	evt := chat.TurnOf(ctx).Event
	log := zerolog.Ctx(ctx).With().Stringer("edits", target).Logger()
	m, err := w.DB.Cases.Message(ctx, target.String())
	if err != nil {
		return err
	}
	if m == nil || (m.Kind != storage.MsgAnswer && m.Kind != storage.MsgNote) || m.Sender != evt.Sender.String() {
		log.Info().Msg("Not editing an answer or note: no stored answer or note of the editor")
		return nil
	}
	if m.Body == "" {
		log.Info().Msg("Not editing an answer or note: it was taken back")
		return nil
	}
	c, err := w.DB.Cases.Get(ctx, m.CaseID)
	if err != nil || c == nil {
		return err
	}
	if m.Kind == storage.MsgNote {
		return w.editNote(ctx, c, m, text)
	}
	sent, err := w.DB.Inbox.SentEvent(ctx, w.TxnID(target, "to-member", 0))
	if err != nil {
		return err
	}
	if strings.HasPrefix(m.Body, guideAnswerMarker) {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNotAnswer, c.ID))
	}
	resolution, err := w.DB.Inbox.SentEvent(ctx, w.TxnID(target, "resolved-member", 0))
	if err != nil {
		return err
	}
	if resolution != nil {
		return w.editSolution(ctx, c, m, resolution, text)
	}
	if c.Status != storage.CaseOpen {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNotOpen, c.ID))
	}
	if sent == nil {
		// A solution (sent with the resolution, before a reopening), or an
		// answer whose send never completed: no copy to edit, and none
		// that the thread could name.
		log.Info().Msg("Not editing an answer: no copy of it sent to the member is known")
		return nil
	}
	answer, ok := w.answerText(text, c.ID)
	if !ok {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNotAnswer, c.ID))
	}
	if sent.RoomID != c.MemberRoom {
		log.Info().Msg("Not editing an answer: the member's chat of the case changed")
		return nil
	}
	if apply, err := w.DB.Cases.BeginEdit(ctx, m.SourceEvent, evt.ID.String()); err != nil || !apply {
		if err == nil {
			log.Info().Msg("Not editing an answer: a later edit of it was applied already")
		}
		return err
	}
	if _, err := w.DB.Cases.EditAnswer(ctx, m.SourceEvent, m.Sender, answer); err != nil {
		return err
	}
	plain, htmlBody, cut := w.answerBodies(ctx, c, evt.Sender, answer)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody}
	if _, err := w.EditTo(ctx, id.RoomID(sent.RoomID), id.EventID(sent.EventID), content, w.CauseTxn(ctx, "answer-edit", 0)); err != nil {
		return err
	}
	if !cut {
		return nil
	}
	return w.teamNote(ctx, c, w.tx.AnswerCutTeam)
}

// guideAnswerMarker begins the stored text of a guide sent as an answer.
const guideAnswerMarker = "[guide] "

// answerText reads the text of a team answer to case caseID from text (an
// edit's new content): `!antwort [Nr] Text` (or `!reply`), read as the
// command reads it, or the text after the reply prefix. ok is false for
// anything else: a note, another command, a guide (`!antwort Nr anleitung
// …`), another case's number, or no text.
func (w *Workflow) answerText(text string, caseID int64) (answer string, ok bool) {
	if p := w.cfg.ReplyPrefix; p != "" && strings.HasPrefix(text, p) {
		answer = strings.TrimSpace(strings.TrimPrefix(text, p))
		return answer, answer != ""
	}
	parts := strings.Fields(text)
	if len(parts) < 2 {
		return "", false
	}
	if name := strings.ToLower(parts[0]); name != "!antwort" && name != "!reply" {
		return "", false
	}
	answer = strings.TrimSpace(strings.TrimPrefix(text, parts[0]))
	args := parts[1:]
	if n, isRef := chat.Ref(args[0]); isRef {
		if n != caseID {
			return "", false
		}
		answer = strings.TrimSpace(strings.TrimPrefix(answer, args[0]))
		args = args[1:]
	}
	if len(args) >= 2 && (strings.EqualFold(args[0], "anleitung") || strings.EqualFold(args[0], "guide")) {
		return "", false
	}
	return answer, answer != ""
}

// answerBodies are the plain and HTML bodies of the member's copy of a
// team answer from a team member to case c: its head (who answered, or
// the team), text, and the footer. A text too long for one event is cut
// (whole runes) so that the bodies stay within MaxRelayBytes, and ends
// with a note to the member; cut reports that it had to. Before, a long
// answer made an event over Matrix's limit that the homeserver refused at
// every try.
func (w *Workflow) answerBodies(ctx context.Context, c *storage.Case, from id.UserID, text string) (plain, htmlBody string, cut bool) {
	st := w.memberTx(c)
	head := st.TeamAnswerAnonymous
	if !w.cfg.Anonymous {
		head = chat.Format(st.TeamAnswer, chat.Escape(w.name(ctx, from.String())))
	}
	headPlain, headHTML := chat.Render(head)
	footPlain, footHTML := chat.Render(chat.Format(st.AnswerFooter, c.ID))
	bodies := func(t string) (string, string) {
		return headPlain + "\n\n" + t + "\n\n" + footPlain, "<p>" + headHTML + "</p>" + chat.MessageHTML(t) + "<p>" + footHTML + "</p>"
	}
	text, cut = fitBytes(text, "…\n\n"+st.AnswerCut, MaxRelayBytes, func(t string) int {
		p, h := bodies(t)
		return jsonLen(p) + jsonLen(h)
	})
	plain, htmlBody = bodies(text)
	return plain, htmlBody, cut
}

// editNote follows the author's edit of their internal note m of case c
// (case25): the stored note gets the edit's text, under the rules of an
// answer's edit (EditAnswer: the author, holding the team role, in order
// of arrival, the case open). A note stays a note: an edit that reads as
// an answer or a command sends nothing and is stored as the note's text
// (a password edited out goes all the same), and the thread says that
// nothing went to the member. A note of a file keeps its marker; the edit
// is its new caption.
func (w *Workflow) editNote(ctx context.Context, c *storage.Case, m *storage.CaseMessage, text string) error {
	evt := chat.TurnOf(ctx).Event
	if c.Status != storage.CaseOpen {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNoteNotOpen, c.ID))
	}
	body := text
	if t, ok := storedFileType(m.Body); ok {
		body = "[" + string(t) + "] " + text
	}
	if text == "" {
		zerolog.Ctx(ctx).Info().Str("edits", m.SourceEvent).Msg("Not editing a note: the edit has no text")
		return nil
	}
	if apply, err := w.DB.Cases.BeginEdit(ctx, m.SourceEvent, evt.ID.String()); err != nil || !apply {
		if err == nil {
			zerolog.Ctx(ctx).Info().Str("edits", m.SourceEvent).Msg("Not editing a note: a later edit of it was applied already")
		}
		return err
	}
	if _, err := w.DB.Cases.EditNote(ctx, m.SourceEvent, m.Sender, body); err != nil {
		return err
	}
	if _, isAnswer := w.answerText(text, c.ID); isAnswer || strings.HasPrefix(text, "!") {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNoteStaysNote, c.ID))
	}
	return nil
}

// editSolution follows the author's edit of their `!erledigt` command m
// of case c, whose resolution Lotse sent the member as resolution
// (case25). The edit must read as the same command for the same case
// with a solution (`!erledigt [Nr] Text`, solutionText); otherwise the
// thread says that the old solution stays. Then, in order of arrival
// (BeginEdit), the stored solution (answer and resolve event) gets the new
// text, and Lotse's message to the member is edited to it, in any state
// of the case: the solution is the team's last word on it, and a
// password or a wrong detail edited out goes from the member's chat as
// well. If a guide draft was made from the case after the solution, it
// keeps the old text (a file in the thread): the author is told so once.
func (w *Workflow) editSolution(ctx context.Context, c *storage.Case, m *storage.CaseMessage, resolution *storage.SentEvent, text string) error {
	evt := chat.TurnOf(ctx).Event
	solution, ok := solutionText(text, c.ID)
	if !ok {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNotSolution, c.ID))
	}
	if apply, err := w.DB.Cases.BeginEdit(ctx, m.SourceEvent, evt.ID.String()); err != nil || !apply {
		if err == nil {
			zerolog.Ctx(ctx).Info().Str("edits", m.SourceEvent).Msg("Not editing a solution: a later edit of it was applied already")
		}
		return err
	}
	if _, err := w.DB.Cases.EditSolution(ctx, c.ID, m.SourceEvent, m.Sender, m.Body, solution); err != nil {
		return err
	}
	plain, htmlBody, cut := w.resolvedBodies(c, solution)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody}
	if _, err := w.EditTo(ctx, id.RoomID(resolution.RoomID), id.EventID(resolution.EventID), content, w.CauseTxn(ctx, "solution-edit", 0)); err != nil {
		return err
	}
	if cut {
		if err := w.teamNote(ctx, c, w.tx.AnswerCutTeam); err != nil {
			return err
		}
	}
	drafted, err := w.DB.Cases.DraftedSince(ctx, c.ID, m.CreatedAt)
	if err != nil || !drafted {
		return err
	}
	md := chat.Format(w.tx.SolutionDraftKeeps, c.ID)
	plain, htmlBody = chat.Render(md)
	_, err = w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(c.TeamEvent), nil,
		w.KeyTxn("lotse-solution/"+m.SourceEvent, "draft-keeps", 0))
	return err
}

// solutionText reads the solution of `!erledigt [Nr] Text` (or
// `!resolve`) for case caseID from text (an edit's new content), as the
// command reads it. ok is false for anything else: another command,
// another case's number, or no solution.
func solutionText(text string, caseID int64) (solution string, ok bool) {
	parts := strings.Fields(text)
	if len(parts) < 2 {
		return "", false
	}
	if name := strings.ToLower(parts[0]); name != "!erledigt" && name != "!resolve" {
		return "", false
	}
	solution = strings.TrimSpace(strings.TrimPrefix(text, parts[0]))
	if n, isRef := chat.Ref(parts[1]); isRef {
		if n != caseID {
			return "", false
		}
		solution = strings.TrimSpace(strings.TrimPrefix(solution, parts[1]))
	}
	return solution, solution != ""
}
