package support

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// EditRelay follows a member's edit of their message target (the event
// being handled is the edit; content is its m.new_content and text that
// content's text as a message is read, without mention or reply
// fallback): if Lotse relayed target into a case thread, its relay there
// is edited to the new text, with the same first line and cut to the same
// bound as a relay, and the text stored with the case is replaced. A
// member who typed something by mistake (a password) and edits it out
// takes it out of what the team reads as well (security review 20,
// finding 10).
//
// The caller has checked that the edit comes from target's sender, in
// target's room (the inbox's record): an edit event can name any event.
// Here only the author's own member message of a case counts as well,
// and a message its author deleted stays deleted. Edits of anything else
// (a command, a question Lotse answered) change nothing. Each step is
// idempotent (transaction IDs of the edit's event), so handling the edit
// again after a crash repeats nothing.
func (w *Workflow) EditRelay(ctx context.Context, target id.EventID, content *event.MessageEventContent, text string) error {
	if !w.On() {
		return nil
	}
	relay, err := w.DB.Inbox.SentEventID(ctx, w.TxnID(target, "relay", 0))
	if err != nil || relay == "" {
		return err
	}
	evt := chat.TurnOf(ctx).Event
	m, err := w.DB.Cases.Message(ctx, target.String())
	if err != nil {
		return err
	}
	if m == nil || m.Kind != storage.MsgMember || m.Sender != evt.Sender.String() || m.Body == "" {
		zerolog.Ctx(ctx).Info().Stringer("edits", target).Msg("Not editing a relay: no stored message of the editor")
		return nil
	}
	if apply, err := w.DB.Cases.BeginEdit(ctx, m.SourceEvent, evt.ID.String()); err != nil || !apply {
		if err == nil {
			zerolog.Ctx(ctx).Info().Stringer("edits", target).Msg("Not editing a relay: a later edit of the message was applied already")
		}
		return err
	}
	if err := w.applyEdit(ctx, target, m, content, text); err != nil {
		return fmt.Errorf("%w: %w", ErrEditUnfinished, err)
	}
	return w.editedAfterAnswer(ctx, target, m)
}

// editedAfterAnswer tells the case's thread, in reply to the relay, that
// the member edited m (from target) after the team answered: the relay
// shows the new text, and the answer read the old one. Before sup34 the
// relay changed without a word (a client's small „(bearbeitet)“ at most):
// a member could rewrite a question the team had answered, and the thread
// and `!fall` read as if the team had answered the new words. Once per
// message (the transaction ID names the message, not the edit), so an
// edit flood adds one note in all; the note quotes nothing (the edit may
// have taken a password out).
func (w *Workflow) editedAfterAnswer(ctx context.Context, target id.EventID, m *storage.CaseMessage) error {
	answered, err := w.DB.Cases.AnsweredSince(ctx, m.CaseID, m.CreatedAt)
	if err != nil || !answered {
		return err
	}
	relay, err := w.sentToTeam(ctx, w.TxnID(target, "relay", 0))
	if err != nil || relay == "" {
		return err
	}
	c, err := w.DB.Cases.Get(ctx, m.CaseID)
	if err != nil || c == nil || c.TeamEvent == "" {
		return err
	}
	plain, htmlBody := chat.Render(chat.Format(w.tx.EditedAfterAnswer, c.ID))
	rel := chat.ThreadRel(c.TeamEvent).SetReplyTo(id.EventID(relay))
	_, err = w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, rel, nil, w.TxnID(target, "edited-after-answer", 0))
	return err
}

// ErrEditUnfinished marks an error of EditRelay after it began to apply
// the edit (BeginEdit): the relay or the stored text may still hold the
// old text, and the member who gives up on it is told.
var ErrEditUnfinished = errors.New("edit of a relay not finished")

// applyEdit applies the edit (EditRelay) to the stored text of m and to
// its relay.
func (w *Workflow) applyEdit(ctx context.Context, target id.EventID, m *storage.CaseMessage, content *event.MessageEventContent, text string) error {
	evt := chat.TurnOf(ctx).Event
	// The relay is edited only where it is: in today's team room (after a
	// change of team_room it stays as it was in the old one).
	relay, err := w.sentToTeam(ctx, w.TxnID(target, "relay", 0))
	if err != nil {
		return err
	}
	name := w.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender)
	if msgType, isFile, err := w.relayedFile(ctx, m, content); err != nil {
		return err
	} else if isFile {
		return w.editMediaRelay(ctx, m, id.EventID(relay), content, msgType, name)
	}
	if _, err := w.DB.Cases.EditMessage(ctx, m.SourceEvent, m.Sender, text); err != nil {
		return err
	}
	if relay == "" {
		zerolog.Ctx(ctx).Info().Stringer("edits", target).Msg("Not editing a relay: it is not in the team room")
		return nil
	}
	relayed, note, cut := w.fitMember(relayPrefix(name, m.CaseID), text, "")
	plain, htmlBody := memberBodies(relayPrefix(name, m.CaseID), relayed, note)
	if err := w.editBodies(ctx, m.CaseID, id.EventID(relay), plain, htmlBody, w.CauseTxn(ctx, "relay-edit", 0)); err != nil || !cut {
		return err
	}
	// Only the beginning reached the team: the member is told.
	return w.ReplyMarkdown(ctx, w.caseMemberTx(ctx, m.CaseID).RelayCutMember)
}

// relayedFile reports whether m was relayed as a file, and its message
// type: the path of an edit is chosen by what was relayed, never by the
// edit, since a client may edit a file's caption with a text-only
// m.new_content, and a member may send any m.new_content. A file was
// relayed if Lotse sent it to the team (relay-media) or the stored text
// carries a file's marker (a file too large to pass on). An edit that
// carries a file does not make a text a file (sec33): before, the edit of
// a relayed text to an m.new_content with a file address turned the
// team's thread line into „hat eine Datei geschickt“ for a file that never
// came, and stored the text with a file's marker, so that every later
// edit said so too; now the edit's text takes the text's place.
func (w *Workflow) relayedFile(ctx context.Context, m *storage.CaseMessage, content *event.MessageEventContent) (event.MessageType, bool, error) {
	if msgType, ok := storedFileType(m.Body); ok {
		return msgType, true, nil
	}
	media, err := w.DB.Inbox.SentEvent(ctx, w.TxnID(id.EventID(m.SourceEvent), "relay-media", 0))
	if err != nil || media == nil {
		return "", false, err
	}
	return content.MsgType, true, nil
}

// storedFileType returns the message type in the marker that
// relayFromMember puts before a file's caption in the stored text
// ("[m.image] caption").
func storedFileType(body string) (event.MessageType, bool) {
	marker, _, ok := strings.Cut(body, "] ")
	t := event.MessageType(strings.TrimPrefix(marker, "["))
	if !ok || !strings.HasPrefix(marker, "[") || !isFileType(t) {
		return "", false
	}
	return t, true
}

// isFileType reports whether t is a message type that carries a file.
func isFileType(t event.MessageType) bool {
	switch t {
	case event.MsgImage, event.MsgFile, event.MsgAudio, event.MsgVideo:
		return true
	}
	return false
}

// editMediaRelay edits the relay of a file (m, of type msgType, relayed
// as the thread line relay and the file itself) to the caption of
// content: the thread line, and the relayed file with its new caption
// (editTeamFile: an edit replaces the whole content, so the edit's file is
// uploaded again, or, at a text-only edit, which some clients send for a
// caption, the team's copy keeps the file it shows). A file too large to
// pass on leaves the relayed file as it was.
func (w *Workflow) editMediaRelay(ctx context.Context, m *storage.CaseMessage, relay id.EventID, content *event.MessageEventContent, msgType event.MessageType, name string) error {
	if _, err := w.DB.Cases.EditMessage(ctx, m.SourceEvent, m.Sender, "["+string(msgType)+"] "+content.Body); err != nil {
		return err
	}
	if relay == "" {
		zerolog.Ctx(ctx).Info().Str("edits", m.SourceEvent).Msg("Not editing a relayed file: it is not in the team room")
		return nil
	}
	head, text, caption, cut := w.mediaLine(name, m.CaseID, content.Body)
	if err := w.editThread(ctx, m.CaseID, relay, head, text, w.CauseTxn(ctx, "relay-edit", 0)); err != nil {
		return err
	}
	file, err := w.sentToTeam(ctx, w.TxnID(id.EventID(m.SourceEvent), "relay-media", 0))
	if err != nil {
		return err
	}
	if file != "" {
		if err := w.editTeamFile(ctx, m, id.EventID(file), content, caption); err != nil {
			return err
		}
	}
	if !cut {
		return nil
	}
	return w.ReplyMarkdown(ctx, w.caseMemberTx(ctx, m.CaseID).RelayCutMember)
}

// editThread edits the case-thread message relay of case caseID (sent by
// toThread) to prefix and text.
func (w *Workflow) editThread(ctx context.Context, caseID int64, relay id.EventID, prefix, text, txn string) error {
	plain, htmlBody := threadBodies(prefix, text)
	return w.editBodies(ctx, caseID, relay, plain, htmlBody, txn)
}

// editBodies edits the case-thread message relay of case caseID to the
// plain and HTML bodies given.
func (w *Workflow) editBodies(ctx context.Context, caseID int64, relay id.EventID, plain, htmlBody, txn string) error {
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody}
	return w.editShown(ctx, caseID, w.cfg.TeamRoom, relay, content, txn)
}

// sentToTeam returns the event Lotse sent under txn if it went to today's
// team room, else "".
func (w *Workflow) sentToTeam(ctx context.Context, txn string) (string, error) {
	sent, err := w.DB.Inbox.SentEvent(ctx, txn)
	if err != nil || sent == nil || sent.RoomID != w.cfg.TeamRoom.String() {
		return "", err
	}
	return sent.EventID, nil
}
