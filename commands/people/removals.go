package people

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// removalBatch bounds the queued room removals one tick works through.
const removalBatch = 20

// removalPatience is how long a removal that keeps failing for another
// reason than a refusal (the homeserver not reached) is tried again before
// the room is told, as after a refusal.
const removalPatience = 24 * time.Hour

// queuedRemovals removes people from the rooms that `lotse privacy erase
// --yes` queued (storage.RoomRemoval): the command line deletes a team
// member's or approver's roles but has no Matrix client, so the person went
// on reading every new case and request until an admin removed them by
// hand (the twenty-eighth pass; mend26a's Left). As !daten-löschen does in
// the chat (BeforeErasure), Lotse removes them from the team room and the
// approvals room — only from these two, and only if they do not belong
// there (again) now: a row for another room (the configuration changed
// since) or for someone who holds the right again is forgotten.
func (w *Workflow) queuedRemovals(ctx context.Context, now time.Time) error {
	if w.Rooms == nil {
		return nil
	}
	q := w.DB.RoomRemovals()
	list, err := q.List(ctx, removalBatch)
	if err != nil {
		return err
	}
	var errs []error
	for _, r := range list {
		if err := w.queuedRemoval(ctx, r, now); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := q.Done(ctx, r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// queuedRemoval makes one queued removal; nil when it is done or not
// Lotse's to make, an error when the next tick should try again.
func (w *Workflow) queuedRemoval(ctx context.Context, r storage.RoomRemoval, now time.Time) error {
	user, room := id.UserID(r.UserID), id.RoomID(r.RoomID)
	role := storage.RoleApprover
	switch {
	case room == "":
		return nil
	case room == w.cfg.TeamRoom:
		if w.HasTeamRole(ctx, user) || w.CanManage(ctx, user) {
			return nil
		}
		role = storage.RoleTeam
	case room == w.cfg.ApprovalsRoom:
		if ok, err := w.belongsInApprovalsRoom(ctx, user); err != nil || ok {
			return err
		}
	default:
		return nil
	}
	err := w.Rooms.Kick(ctx, room, user, w.tx.KickReason)
	if err == nil {
		return nil
	}
	if !errors.Is(err, mautrix.MForbidden) && now.Sub(r.CreatedAt) < removalPatience {
		return fmt.Errorf("failed to remove an erased person from a room: %w", err)
	}
	// Lotse may not remove them (their power level is not below its own):
	// the room is told once, as after a revocation.
	zerolog.Ctx(ctx).Warn().Err(err).Stringer("room_id", room).Msg("Could not remove an erased person from a room; told the room")
	base := fmt.Sprintf("erase-cli:%s:%s:%d", user, room, r.CreatedAt.UnixMilli())
	if err := w.kickFailedRoom(ctx, user, role, []id.RoomID{room}, base); err != nil {
		if now.Sub(r.CreatedAt) < removalPatience {
			return err
		}
		// Neither the removal nor the notice for a day (Lotse itself left
		// the room?): the row, which keeps the erased person's Matrix ID
		// and which no retention rule covers, is forgotten; the log says
		// so (whole28).
		zerolog.Ctx(ctx).Error().Err(err).Stringer("room_id", room).Msg("Could neither remove an erased person from a room nor tell the room for a day; forgetting the removal — check the room's members by hand")
	}
	return nil
}
