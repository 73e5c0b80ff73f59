package commands

import (
	"context"
	"errors"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
)

// errEdit marks every error of following an edit (handleMessage wraps
// them): an edit Lotse gives up on is not a question, the member gets no
// "could not handle your message" notice (GiveUp); only one that failed
// while its relay was edited (support.ErrEditUnfinished) is told so.
var errEdit = errors.New("edit not followed")

// handleEdit follows an edit (m.replace) of a message: an edit of a
// member's message that Lotse relayed to the team in a case edits the
// relay (support.Workflow.EditRelay), so that a password typed and edited
// out does not stay with the team. Edits are never answered as questions,
// and an edit of anything else (a command, a question Lotse answered)
// changes nothing.
//
// Only the author's own edit counts: an edit event names its target in
// m.relates_to, which its sender chooses freely (inside an encrypted event
// no server even sees it), and no server checks that the editor wrote the
// target. So the edit must come from the target's sender, in its room, as
// the inbox recorded them (for an encrypted event its outer, server-checked
// room and sender, which is what the decrypted edit carries too). A target
// the inbox does not know (never seen, or older than its retention) is not
// followed: its relay is found through the same retention.
//
// In the team room, an edit of a team member's answer to a case edits the
// member's copy (support.Workflow.EditAnswer), under the same check of
// author and room, and only while the editor holds the team role (as the
// answer needed): a password pasted into an answer by mistake and edited
// out does not stay with the member. An edit is never run as a command.
//
// In every room, with support cases on or off, the author's edit of a
// message that still waits to be handled takes its place in the inbox
// (one lookup by primary key per edit): the edited text is what is
// answered, never both.
func (h *Handler) handleEdit(ctx context.Context, evt *event.Event, content *event.MessageEventContent) error {
	target := content.RelatesTo.GetReplaceID()
	team := h.support.On() && evt.RoomID == h.support.TeamRoom()
	relevant := h.support.On() && content.NewContent != nil && (team || chat.TurnOf(ctx).Direct)
	origin, err := h.DB.Inbox.Origin(ctx, target.String())
	if err != nil {
		return err
	}
	if origin == nil || origin.RoomID != evt.RoomID.String() || origin.Sender != evt.Sender.String() {
		if relevant {
			zerolog.Ctx(ctx).Info().Stringer("edits", target).Bool("known", origin != nil).
				Msg("Ignoring an edit of an event the inbox does not know, not by its sender or not in its room")
		}
		return nil
	}
	if origin.Pending && content.NewContent != nil {
		// Its message still waits to be handled (its handling failed, or
		// its room key has not come): the edit takes its place in the
		// inbox, and the message is handled with the newest text, however
		// late (Inbox.ReplaceWaiting). Before, the edit waited for it and
		// gave up after the runtime's retries, and the message handled
		// after that went out with the text its author had edited out
		// (relay24's leftover). What a failed try made of it already (a
		// relay, an answer's copy) is edited below as for a handled one.
		// This holds in every room and with support cases off as well: a
		// question edited while it waits is answered with its new text,
		// never with both (before case25, with cases off, the old text
		// was answered and the edit dropped).
		if _, err := h.DB.Inbox.ReplaceWaiting(ctx, target.String(), evt.ID.String(), h.Now()); err != nil {
			return err
		}
	}
	if !relevant {
		// Cases live in direct chats and the team room only: an edit in a
		// group room cannot be of a relayed message or an answer.
		return nil
	}
	if team {
		if ok, err := h.env.Enforce(ctx, h.support.TeamRole().Silent(), evt.Sender, evt.RoomID); !ok {
			return err
		}
		c := *content.NewContent
		c.RemoveReplyFallback()
		return h.support.EditAnswer(ctx, target, strings.TrimSpace(c.Body))
	}
	_, text := h.stripMention(content.NewContent)
	return h.support.EditRelay(ctx, target, content.NewContent, text)
}
