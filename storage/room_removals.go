package storage

import (
	"context"
	"fmt"
	"time"

	"go.mau.fi/util/dbutil"
)

// RoomRemoval is a room the command line's erasure (`lotse privacy erase
// --yes`, which has no Matrix client) leaves the running bot to remove a
// person from: the team room or the approvals room of the roles the
// erasure deleted.
type RoomRemoval struct {
	UserID    string
	RoomID    string
	CreatedAt time.Time
}

// RoomRemovalQuery stores the queued room removals (v18).
type RoomRemovalQuery struct{ db *dbutil.Database }

// RoomRemovals returns the queued room removals.
func (db *DB) RoomRemovals() *RoomRemovalQuery { return &RoomRemovalQuery{db: db.Lotse} }

const (
	queueRoomRemovalQuery = `INSERT INTO room_removal (user_id, room_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, room_id) DO NOTHING`
	listRoomRemovalsQuery = `SELECT user_id, room_id, created_at FROM room_removal ORDER BY created_at, user_id, room_id LIMIT $1`
	doneRoomRemovalQuery  = `DELETE FROM room_removal WHERE user_id=$1 AND room_id=$2`
)

// Queue asks the running bot to remove user from rooms, in one transaction.
func (q *RoomRemovalQuery) Queue(ctx context.Context, user string, rooms []string, now time.Time) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	err := q.db.DoTxn(ctx, nil, func(ctx context.Context) error {
		for _, room := range rooms {
			if _, err := q.db.Exec(ctx, queueRoomRemovalQuery, user, room, now.UnixMilli()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("failed to queue room removals: %w", err)
	}
	return nil
}

// List returns at most limit queued removals, oldest first.
func (q *RoomRemovalQuery) List(ctx context.Context, limit int) ([]RoomRemoval, error) {
	return values(queryMany(ctx, q.db, func(row rowScanner) (*RoomRemoval, error) {
		var (
			r  RoomRemoval
			at int64
		)
		if err := row.Scan(&r.UserID, &r.RoomID, &at); err != nil {
			return nil, err
		}
		r.CreatedAt = time.UnixMilli(at)
		return &r, nil
	}, "room removals", listRoomRemovalsQuery, limit))
}

// Done forgets a removal that was made (or is not Lotse's to make).
func (q *RoomRemovalQuery) Done(ctx context.Context, r RoomRemoval) error {
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	if _, err := q.db.Exec(ctx, doneRoomRemovalQuery, r.UserID, r.RoomID); err != nil {
		return fmt.Errorf("failed to forget a room removal: %w", err)
	}
	return nil
}
