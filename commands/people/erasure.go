package people

import (
	"context"
	"slices"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// BeforeErasure takes the consequences of losing every role before user's
// data are erased (!daten-löschen; gdpr26), as revoking them does: Lotse
// removes the person from the team room (team role) and the approvals room
// (any role; an admin or approver from the configuration stays, their
// right does not come from the erased rows) and gives their open cases
// back to the queue, with a note in each case thread. Before, the erasure
// only deleted the role rows: the person stayed in both rooms and went on
// reading every new case and request (the rooms are end-to-end encrypted
// for their members, not for a role), with no role or declaration on file
// any more that an approver could revoke, and the cases they had claimed
// stayed with a pseudonym nobody answers for. A removal Lotse cannot make
// is told to the room of the role, as for a revocation. base names the
// erasure request (transaction IDs); a retried request removes and
// returns nothing twice.
func (w *Workflow) BeforeErasure(ctx context.Context, user id.UserID, base string) error {
	held := map[string]bool{}
	for _, role := range []string{storage.RoleTeam, storage.RoleApprover, storage.RoleCoordinator} {
		r, err := w.DB.Roles().Get(ctx, user.String(), role)
		if err != nil {
			return err
		}
		held[role] = r != nil && r.Status != storage.RoleRemoved
	}
	base = "erase:" + base
	// The role log's "erase" entries (the roles end; onb31) are written
	// by the erasure, in its transaction (storage.PrivacyQuery.Erase;
	// roles32): written here, before it, an erasure that failed wrote
	// an end that never came.
	var stillIn []id.RoomID
	remove := func(room id.RoomID) {
		if room == "" || w.Rooms == nil {
			return
		}
		if err := w.Rooms.Kick(ctx, room, user, w.tx.KickReason); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Stringer("room_id", room).Msg("Could not remove an erased person from a room")
			if joined, jerr := w.Matrix.IsJoined(ctx, room, user); jerr != nil || joined {
				stillIn = append(stillIn, room)
			}
		}
	}
	if held[storage.RoleTeam] {
		remove(w.cfg.TeamRoom)
	}
	configured := w.isAdmin(user) || slices.Contains(w.cfg.Approvers, user)
	if (held[storage.RoleTeam] || held[storage.RoleApprover] || held[storage.RoleCoordinator]) && !configured {
		remove(w.cfg.ApprovalsRoom)
	}
	if len(stillIn) > 0 {
		role := storage.RoleApprover
		if held[storage.RoleTeam] {
			role = storage.RoleTeam
		}
		if err := w.kickFailedRoom(ctx, user, role, stillIn, base); err != nil {
			return err
		}
	}
	if held[storage.RoleTeam] && w.teamOn() && w.cfg.OnTeamRemoved != nil {
		// The support workflow gives the person's cases back to the queue.
		return w.cfg.OnTeamRemoved(ctx, user, base)
	}
	return nil
}
