package commands

import (
	"context"
	"fmt"

	"maunium.net/go/mautrix/crypto/attachment"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// attachFile uploads data for a message to roomID and sets it on content:
// encrypted with a fresh key (content.File) when the room is end-to-end
// encrypted, plain (content.URL, with mime) otherwise. data is encrypted in
// place. It reports whether the room is encrypted.
func (h *Handler) attachFile(ctx context.Context, roomID id.RoomID, content *event.MessageEventContent, data []byte, mime string) (bool, error) {
	encrypted, err := h.Matrix.IsEncrypted(ctx, roomID)
	if err != nil {
		return false, err
	}
	if encrypted {
		file := attachment.NewEncryptedFile()
		file.EncryptInPlace(data)
		uri, err := h.Matrix.Upload(ctx, data, "application/octet-stream")
		if err != nil {
			return true, fmt.Errorf("failed to upload %s: %w", content.Body, err)
		}
		content.File = &event.EncryptedFileInfo{EncryptedFile: *file, URL: uri}
		return true, nil
	}
	uri, err := h.Matrix.Upload(ctx, data, mime)
	if err != nil {
		return false, fmt.Errorf("failed to upload %s: %w", content.Body, err)
	}
	content.URL = uri
	return false, nil
}
