package commands

import (
	"context"

	"maunium.net/go/mautrix/id"
)

// BelongsInRoom reports whether user has a role for the configured room
// key (team_room, approvals_room): see people.Workflow.BelongsInRoom.
func (h *Handler) BelongsInRoom(ctx context.Context, key string, user id.UserID) (bool, error) {
	return h.people.BelongsInRoom(ctx, key, user)
}
