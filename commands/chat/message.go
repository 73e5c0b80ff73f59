package chat

import (
	"context"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
)

// Message builds one message from parts: our own Markdown texts and
// already rendered pieces (a guide), joined by blank lines. It is
// [guides.Message], which package answer composes its replies with too.
type Message = guides.Message

// Vote reads a reaction key as a vote, ignoring skin tones and variation
// selectors: 👍/✅ helpful, 👎/❌ not — and the other check and cross
// marks that Element's emoji picker offers for „check“ and „cross“
// (✔️ ☑️, ✖️ ❎): a member who picks one of those meant the same
// (phone34; before, ✔️ on the offer of a case did nothing).
func Vote(key string) (helpful, ok bool) {
	switch StripModifiers(key) {
	case "👍", "+1", "👌", "✅", "✔", "☑":
		return true, true
	case "👎", "-1", "❌", "✖", "❎":
		return false, true
	}
	return false, false
}

// maxRepliesPerEvent bounds the replies looked up for one event (a
// question gets one to three: the answer, perhaps an offer).
const maxRepliesPerEvent = 8

// RepliesTo returns Lotse's replies to eventID (see Env.Reply: their
// transaction IDs are numbered per event), in order.
func (e *Env) RepliesTo(ctx context.Context, eventID id.EventID) ([]id.EventID, error) {
	var out []id.EventID
	for seq := range maxRepliesPerEvent {
		sent, err := e.DB.Inbox.SentEventID(ctx, e.TxnID(eventID, "reply", seq))
		if err != nil || sent == "" {
			return out, err
		}
		out = append(out, id.EventID(sent))
	}
	return out, nil
}
