package support

import (
	"context"
	"fmt"
	"time"

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
	if stay, err := w.staysPut(ctx, c); err != nil || stay {
		return c, err
	}
	// A chat the answers could not go to (made public, or Lotse may not
	// write there: bothIn) takes no case: the member's message reaches the
	// case where it is, as while it stays put. Before, the case moved
	// there, the team read that answers go there, and the move's note
	// went into the public chat (dm33).
	if ok, err := w.bothIn(ctx, roomID, member); err != nil || !ok {
		return c, err
	}
	return w.followMember(ctx, c, roomID)
}

// MoveInterval is how long a case that followed its member to another
// direct chat stays there while the member writes from a chat it left and
// is still in both: their messages reach the case, the team's answers go
// on to the chat the case moved to (the member is in it), and the team
// reads no note of a move (staysPut). A member writing alternately in two
// direct chats moved the case with each change, and the team read „schreibt
// jetzt aus einem anderen Direktchat“ again and again (sup30).
const MoveInterval = 24 * time.Hour

// staysPut reports whether open case c stays in its room although its
// member writes from another direct chat of theirs: c moved within
// MoveInterval, and member and Lotse are both still in c's room, which is
// still the member's direct chat (so answers reach them there). A room
// they left, or one that is no longer a direct chat (someone joined), is
// left at once.
func (w *Workflow) staysPut(ctx context.Context, c *storage.Case) (bool, error) {
	moved, err := w.DB.Cases.LastMove(ctx, c.ID)
	if err != nil || moved.IsZero() || !moved.After(w.Now().Add(-MoveInterval)) {
		return false, err
	}
	return w.directWith(ctx, id.RoomID(c.MemberRoom), id.UserID(c.MemberID))
}

// directWith reports whether room is still member's direct chat with
// Lotse: the two are in it, nobody else (chat.Matrix.DirectMember), and
// the recorded agreement names member.
func (w *Workflow) directWith(ctx context.Context, room id.RoomID, member id.UserID) (bool, error) {
	other, err := w.Matrix.DirectMember(ctx, room)
	if err != nil || other != member {
		return false, err
	}
	// DirectMember counts an invite as a member: a direct chat Lotse
	// opened and the member never joined (or one they were invited back
	// to) is no place for their case. Before, the team's answer moved the
	// case there, into a chat the member might never open (left31).
	if in, err := w.bothIn(ctx, room, member); err != nil || !in {
		return false, err
	}
	agreed, err := w.DB.DirectChats.Agreed(ctx, room.String())
	return err == nil && agreed == member.String(), err
}

// maxDirectChats bounds the member's agreed direct chats reachMember
// looks at (each a lookup in the state store).
const maxDirectChats = 10

// reachMember returns open case c as the team's answer is to go to it:
// in its room while the member is in it with Lotse. A member who left it
// (for a new chat they have not written in yet) is reached in their
// newest other direct chat with Lotse — recorded as agreed with them, and
// still the two of them (directWith): the case moves there, the thread
// and the member are told (as when the member moves it, followMember).
// With none, the team member is told plainly that nothing was sent, and
// reached is false: nothing is stored or sent, so the answer is neither
// lost in a room nobody reads nor counted as given (sup30). Before, the
// answer went to the room the member had left. The same holds for the
// resolution (`!erledigt`, with its solution and the rating question).
//
// resolving: for `!erledigt`, whose solution goes to the member; the note
// then says that the case stays open and how to close it without a
// message (UnreachableResolve).
func (w *Workflow) reachMember(ctx context.Context, c *storage.Case, resolving bool) (after *storage.Case, reached bool, err error) {
	member, room := id.UserID(c.MemberID), id.RoomID(c.MemberRoom)
	in, err := w.stillDirect(ctx, room, member)
	if err != nil {
		return nil, false, err
	}
	if in {
		return c, true, nil
	}
	// The case's chat made public: its member learns why the answer does
	// not come there (once, left34).
	if err := w.tellExposed(ctx, room, member, w.memberTx(c)); err != nil {
		return nil, false, err
	}
	rooms, err := w.DB.DirectChats.RoomsOf(ctx, member.String(), maxDirectChats)
	if err != nil {
		return nil, false, err
	}
	for _, r := range rooms {
		if r == c.MemberRoom {
			continue
		}
		if ok, err := w.directWith(ctx, id.RoomID(r), member); err != nil {
			return nil, false, err
		} else if !ok {
			continue
		}
		if _, err := w.toThread(ctx, c, chat.Format(w.tx.ReachMovedTeam, c.ID), "", w.CauseTxn(ctx, "case-reached", 0)); err != nil {
			return nil, false, err
		}
		if _, err := w.SendMarkdownTo(ctx, id.RoomID(r), chat.Format(w.memberTx(c).MovedMember, c.ID), nil, w.CauseTxn(ctx, "case-reached-member", 0)); err != nil {
			return nil, false, err
		}
		_, after, err := w.DB.Cases.MoveToRoom(ctx, c.ID, c.MemberID, c.MemberRoom, r, w.Now())
		if err != nil {
			return nil, false, err
		}
		if after == nil || after.Status != storage.CaseOpen {
			// Closed (or gone) meanwhile — by a reminder's auto-close,
			// the member, the erasure: nothing is sent, and the team
			// member reads so. Before (mend30a), nobody was told.
			if resolving {
				return nil, false, w.ReplyMarkdown(ctx, chat.Format(w.tx.NotOpen, c.ID))
			}
			return nil, false, w.ReplyMarkdown(ctx, chat.Format(w.tx.AnswerNotOpen, c.ID, c.ID))
		}
		// Open, and in r: moved by this call, or a moment before by the
		// member's own message from r (MoveToRoom changes nothing then).
		return after, true, nil
	}
	if err := w.tellShared(ctx, c); err != nil {
		return nil, false, err
	}
	unreachable := chat.Format(w.tx.Unreachable, c.ID)
	if resolving {
		unreachable = chat.Format(w.tx.UnreachableResolve, c.ID, c.ID, c.ID)
	}
	return nil, false, w.ReplyMarkdown(ctx, unreachable)
}

// tellShared tells the member of case c, once per case and room, in the
// case's room, when the team's answer did not go there only because the
// chat is no longer the two of them (stillDirect; the member and Lotse are
// both still in it, Lotse may write and it is not public): how to get the
// answers again (SharedChatMember). The note names neither the team
// member nor the answer. Before, the member in such a chat heard nothing,
// and their replies there reached no case.
func (w *Workflow) tellShared(ctx context.Context, c *storage.Case) error {
	room, member := id.RoomID(c.MemberRoom), id.UserID(c.MemberID)
	if in, err := w.bothIn(ctx, room, member); err != nil || !in {
		return err
	}
	_, err := w.SendMarkdownTo(ctx, room, chat.Format(w.memberTx(c).SharedChatMember, c.ID), nil,
		w.KeyTxn(fmt.Sprintf("lotse-case/%d/shared/%s", c.ID, room), "shared-member", 0))
	return err
}

// noticeRoom returns where a notice to the member of case c reaches
// them, without moving the case: c's room while they and Lotse are both
// in it (bothIn), else their newest other direct chat with Lotse
// (directWith, as reachMember looks for it), else "" — nowhere. The
// reminder that a case waits and `!schließen`'s notice went to c's room
// even when the member had left it or removed Lotse (relay30); an answer
// of theirs from the other chat moves an open case there (activeCase).
func (w *Workflow) noticeRoom(ctx context.Context, c *storage.Case) (id.RoomID, error) {
	member, room := id.UserID(c.MemberID), id.RoomID(c.MemberRoom)
	if in, err := w.stillDirect(ctx, room, member); err != nil || in {
		return room, err
	}
	rooms, err := w.DB.DirectChats.RoomsOf(ctx, member.String(), maxDirectChats)
	if err != nil {
		return "", err
	}
	for _, r := range rooms {
		if r == c.MemberRoom {
			continue
		}
		if ok, err := w.directWith(ctx, id.RoomID(r), member); err != nil || ok {
			return id.RoomID(r), err
		}
	}
	return "", nil
}

// stillDirect reports whether room, the room of a member's case, is still
// member's direct chat with Lotse: the two of them and nobody else,
// joined or invited (chat.Matrix.DirectMember), and bothIn. Before sup34
// only bothIn was asked: a member who invited someone into their chat
// with Lotse (a relative helping, a shared account, a mistake) went on
// getting the team's answers there, with the answering team member's name,
// read by the third person, while their own replies there were no longer
// relayed (a group room's messages are not a case's) although the answer
// said „antworte einfach hier“. Such a room counts like one the member
// left: the answer goes to their other direct chat, or nowhere and the
// team member reads so.
func (w *Workflow) stillDirect(ctx context.Context, room id.RoomID, member id.UserID) (bool, error) {
	other, err := w.Matrix.DirectMember(ctx, room)
	if err != nil {
		return false, wrapCheck(err)
	}
	if other != member {
		return false, nil
	}
	return w.bothIn(ctx, room, member)
}

// bothIn reports whether member and Lotse are both joined in room, as
// the state store has it, and Lotse may write there. The member's
// membership alone could say yes for a chat Lotse was removed from (a
// member may kick Lotse out of their direct chat): the state store keeps
// the member's last membership there, and the answer failed at the
// homeserver instead of going to the member's other direct chat
// (mend30a). The same for a chat in which the member took Lotse's voice
// (power levels, chat.MayWrite): the team's answer failed at the
// homeserver and was tried again for some eight minutes before the team
// member heard „konnte ich nicht bearbeiten“ (sec33). And the same for a
// chat the member made public (chat.Exposed: a join rule without invite,
// or history anyone may read): the team's answers, with the answering
// team member's name, were sent on where whoever joined read them (dm33).
func (w *Workflow) bothIn(ctx context.Context, room id.RoomID, member id.UserID) (bool, error) {
	for _, u := range []id.UserID{member, w.Matrix.UserID()} {
		in, err := w.Matrix.IsJoined(ctx, room, u)
		if err != nil {
			return false, fmt.Errorf("failed to check the member's chat: %w", err)
		}
		if !in {
			return false, nil
		}
	}
	may, err := chat.MayWrite(ctx, w.Matrix, room)
	if err != nil || !may {
		return false, wrapCheck(err)
	}
	exposed, err := chat.Exposed(ctx, w.Matrix, room)
	if err != nil {
		return false, wrapCheck(err)
	}
	return !exposed, nil
}

// wrapCheck wraps err (nil stays nil) as a failed check of the member's
// chat.
func wrapCheck(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("failed to check the member's chat: %w", err)
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
	plain, htmlBody := chat.Render(chat.Format(w.memberTx(c).MovedMember, c.ID))
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
