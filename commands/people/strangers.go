package people

import (
	"context"

	"maunium.net/go/mautrix/id"
)

// BelongsInRoom reports whether user has a role for the configured room
// key: the team room (team_room) for whoever holds the active team role
// or may manage roles, the approvals room (approvals_room) for admins,
// approvers and coordinators — the same rules as the join warnings
// (teamRoomJoined, approvalsRoomJoined). Lotse itself and other keys:
// false. The runtime keeps holding a room closed again after it was open
// while anyone without a role who joined meanwhile is in it (shut32).
func (w *Workflow) BelongsInRoom(ctx context.Context, key string, user id.UserID) (bool, error) {
	if user == w.Matrix.UserID() {
		return false, nil
	}
	switch key {
	case "team_room":
		return w.HasTeamRole(ctx, user) || w.CanManage(ctx, user), nil
	case "approvals_room":
		return w.belongsInApprovalsRoom(ctx, user)
	}
	return false, nil
}
