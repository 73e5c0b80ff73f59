package support

import (
	"context"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// exposedToldKey is the key-value record that the member was told that
// their direct chat room is public (tellExposed); deleted when the chat is
// found private again, so that a new exposure is told again. It names the
// room only; erased with the member (storage.PrivacyQuery.Erase).
func exposedToldKey(room id.RoomID) string { return storage.ChatPublicToldPrefix + room.String() }

// tellExposed tells the member, once in room (their own direct chat with
// Lotse), that the chat is public and what follows: the team's answers go
// to another direct chat of theirs, or are not sent, until they make it
// private again — and how (dm33's Left, left34: a member who made the
// chat public was not told, and waited for answers that never came). Not
// again for the same chat until it was private in between: the record
// (exposedToldKey) is deleted when room is read as private. Nothing is
// sent where Lotse may not write, nor to a member who left the chat. tx:
// the member's language.
func (w *Workflow) tellExposed(ctx context.Context, room id.RoomID, member id.UserID, tx *Texts) error {
	exposed, err := chat.Exposed(ctx, w.Matrix, room)
	if err != nil {
		return wrapCheck(err)
	}
	key := exposedToldKey(room)
	told, err := w.DB.KV.Get(ctx, key)
	if err != nil {
		return err
	}
	if !exposed {
		if told == "" {
			return nil
		}
		return w.DB.KV.Delete(ctx, key)
	}
	if told != "" {
		return nil
	}
	if in, err := w.Matrix.IsJoined(ctx, room, member); err != nil || !in {
		return wrapCheck(err)
	}
	if may, err := chat.MayWrite(ctx, w.Matrix, room); err != nil || !may {
		return wrapCheck(err)
	}
	if _, err := w.SendMarkdownTo(ctx, room, tx.ChatPublic, nil, w.CauseTxn(ctx, "chat-public", 0)); err != nil {
		return err
	}
	return w.DB.KV.Set(ctx, key, "1")
}
