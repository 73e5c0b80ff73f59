package support

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// The open case follows its member (sup29). A member who comes back in a
// new direct chat with Lotse — they left the old one, or their client made
// a new one — was not linked to their open case there: what they wrote
// started a new search or a new case, and the team's answers went to the
// old room, which they no longer read. Now their first message there moves
// the case to that chat: the team reads in the case's thread that answers
// go there from now on, the member that their case is still open and that
// the answers come here.
//
// Only the case's own member moves it, and only from their own direct
// chat with Lotse: the turn is direct (two in the room, Lotse and the
// member, a room one of them created and both agreed on — bot/direct.go),
// and the agreement names the sender, not merely someone who was in the
// room once. A group room never takes a case, nor does a person who only
// shares the member's display name: cases are found by Matrix ID.

// activeCase returns the member's open case for their message in roomID:
// the one in roomID, or else, when roomID is the member's own direct chat
// with Lotse, their open case in another room, moved here (followMember).
// nil when they have none.
func (w *Workflow) activeCase(ctx context.Context, member id.UserID, roomID id.RoomID) (*storage.Case, error) {
	c, err := w.DB.Cases.ActiveForMember(ctx, member.String(), roomID.String())
	if err != nil || c != nil {
		return c, err
	}
	own, err := w.ownDirectChat(ctx, member, roomID)
	if err != nil || !own {
		return nil, err
	}
	c, err = w.DB.Cases.OpenElsewhere(ctx, member.String(), roomID.String())
	if err != nil || c == nil {
		return nil, err
	}
	return w.followMember(ctx, c, roomID)
}

// ownDirectChat reports whether roomID, where the turn's event came from,
// is member's own direct chat with Lotse: a direct turn from member, in a
// room whose recorded agreement names member.
func (w *Workflow) ownDirectChat(ctx context.Context, member id.UserID, roomID id.RoomID) (bool, error) {
	t := chat.TurnOf(ctx)
	if t == nil || !t.Direct || t.Event == nil || t.Event.RoomID != roomID || t.Event.Sender != member {
		return false, nil
	}
	agreed, err := w.DB.DirectChats.Agreed(ctx, roomID.String())
	return err == nil && agreed == member.String(), err
}

// followMember moves open case c to roomID, the member's direct chat the
// turn's event came from: the team is told in the case's thread, the
// member in roomID, each with a transaction ID of this event; both notes
// go out before the move, so a retry after a crash in between sends them
// (once: the same IDs) and then moves the case. Answers, reminders and
// the resolution go to roomID from then on.
func (w *Workflow) followMember(ctx context.Context, c *storage.Case, roomID id.RoomID) (*storage.Case, error) {
	if _, err := w.toThread(ctx, c, chat.Format(w.tx.MovedTeam, c.ID), "", w.CauseTxn(ctx, "case-moved", 0)); err != nil {
		return nil, err
	}
	plain, htmlBody := chat.Render(chat.Format(w.tx.MovedMember, c.ID))
	rel := (&event.RelatesTo{}).SetReplyTo(chat.TurnOf(ctx).Event.ID)
	if _, err := w.SendTo(ctx, roomID, plain, htmlBody, rel, nil, w.CauseTxn(ctx, "case-moved-member", 0)); err != nil {
		return nil, err
	}
	_, after, err := w.DB.Cases.MoveToRoom(ctx, c.ID, c.MemberID, c.MemberRoom, roomID.String(), w.Now())
	if err != nil || after == nil || after.Status != storage.CaseOpen || after.MemberRoom != roomID.String() {
		return nil, err
	}
	return after, nil
}
