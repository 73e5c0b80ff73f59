package commands

import (
	"context"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// attachFile uploads data for a message to roomID (chat.Env.AttachFile).
func (h *Handler) attachFile(ctx context.Context, roomID id.RoomID, content *event.MessageEventContent, data []byte, mime string) (bool, error) {
	return h.env.AttachFile(ctx, roomID, content, data, mime)
}
