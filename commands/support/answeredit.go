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
	if m == nil || m.Kind != storage.MsgAnswer || m.Sender != evt.Sender.String() {
		log.Info().Msg("Not editing an answer: no stored answer of the editor")
		return nil
	}
	if m.Body == "" {
		log.Info().Msg("Not editing an answer: it was taken back")
		return nil
	}
	c, err := w.DB.Cases.Get(ctx, m.CaseID)
	if err != nil || c == nil {
		return err
	}
	sent, err := w.DB.Inbox.SentEvent(ctx, w.TxnID(target, "to-member", 0))
	if err != nil {
		return err
	}
	if strings.HasPrefix(m.Body, guideAnswerMarker) {
		return w.teamNote(ctx, c, chat.Format(w.tx.EditNotAnswer, c.ID))
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
	if err := w.EditTo(ctx, id.RoomID(sent.RoomID), id.EventID(sent.EventID), content, w.CauseTxn(ctx, "answer-edit", 0)); err != nil {
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
	st := w.tx
	head := st.TeamAnswerAnonymous
	if !w.cfg.Anonymous {
		head = chat.Format(st.TeamAnswer, chat.Escape(w.name(ctx, from.String())))
	}
	headPlain, headHTML := chat.Render(head)
	footPlain, footHTML := chat.Render(chat.Format(st.AnswerFooter, c.ID))
	bodies := func(t string) (string, string) {
		return headPlain + "\n\n" + t + "\n\n" + footPlain, "<p>" + headHTML + "</p><p>" + chat.TextHTML(t) + "</p><p>" + footHTML + "</p>"
	}
	text, cut = fitBytes(text, "…\n\n"+st.AnswerCut, MaxRelayBytes, func(t string) int {
		p, h := bodies(t)
		return jsonLen(p) + jsonLen(h)
	})
	plain, htmlBody = bodies(text)
	return plain, htmlBody, cut
}
