package bot

import (
	"context"
	"errors"
	"fmt"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// Send sends content into roomID with the Sender (Sender.Send). A send
// into a direct chat that the homeserver refuses with M_FORBIDDEN while
// the state store, too, says that Lotse may not write there (MayWrite:
// the member took Lotse's voice) fails for good (ErrPermanent): every
// try would meet the same refusal until the member gives the voice back,
// and the event was tried ten times over some eight minutes (sec33's
// Left, dm33). A refusal the store does not explain is tried again as
// before: the store may lag (the member muted and unmuted Lotse, a
// membership not yet synced), and the next try asks anew — the support
// workflow's bothIn then tells the team at once.
func (b *Bot) Send(ctx context.Context, roomID id.RoomID, evtType event.Type, content any, txnID string) (id.EventID, error) {
	evtID, err := b.sender.Send(ctx, roomID, evtType, content, txnID)
	if err != nil && b.refusedForGood(ctx, roomID, err) {
		// Logged without the content: the room and the refusal only.
		b.log.Warn().Stringer("room_id", roomID).Str("txn_id", txnID).
			Msg("The homeserver refused a send into a direct chat where Lotse may not write; not trying again")
		return "", fmt.Errorf("%w: %w", ErrPermanent, err)
	}
	return evtID, err
}

// refusedForGood reports whether err, a send's failure in roomID, is a
// refusal (M_FORBIDDEN) that trying again cannot mend: roomID is Lotse's
// direct chat with a member and the store's power levels do not let Lotse
// write there. A store it cannot read counts as no.
func (b *Bot) refusedForGood(ctx context.Context, roomID id.RoomID, err error) bool {
	if !errors.Is(err, mautrix.MForbidden) {
		return false
	}
	if may, err := b.MayWrite(ctx, roomID); err != nil || may {
		return false
	}
	direct, err := b.isDirect(ctx, roomID)
	return err == nil && direct
}
