package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestPutGateWritesOnlyOverWhatWasRead (lead, twenty-eighth pass; Low:
// integrity of the privacy gate): two managers change the same person's
// evidence at the same moment from two direct chats (handled in parallel) —
// one takes the declaration back, the other records the training. Each
// read the whole row and wrote it back, so the training's write put the
// declaration back that had just been taken back. Now the later write is
// refused (ErrGateChanged, a busy error: its event is handled again and
// reads the row anew), and its audit entry is not written either.
func TestPutGateWritesOnlyOverWhatWasRead(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			roles := db.Roles()
			now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
			const anna = "@anna:test"
			entry := func(key string) storage.RoleAuditEntry {
				return storage.RoleAuditEntry{Key: key, At: now, Actor: "@boss:test", Subject: anna, Action: key}
			}
			if err := roles.PutGate(ctx, storage.TeamGate{UserID: anna, DeclarationAt: now, DeclarationBy: "@boss:test", UpdatedAt: now},
				entry("declaration")); err != nil {
				t.Fatal(err)
			}
			// A second first record (never read) does not overwrite it.
			if err := roles.PutGate(ctx, storage.TeamGate{UserID: anna, UpdatedAt: now}, entry("again")); !errors.Is(err, storage.ErrGateChanged) {
				t.Fatalf("a write of evidence never read over stored evidence: %v", err)
			}

			revoke, _ := roles.Gate(ctx, anna)
			training, _ := roles.Gate(ctx, anna)
			revoke.DeclarationAt, revoke.DeclarationBy, revoke.UpdatedAt = time.Time{}, "", now.Add(time.Second)
			if err := roles.PutGate(ctx, *revoke, entry("declaration-revoke")); err != nil {
				t.Fatalf("revocation: %v", err)
			}
			training.TrainingAt, training.TrainingBy, training.UpdatedAt = now, "@coord:test", now.Add(2*time.Second)
			err := roles.PutGate(ctx, *training, entry("training"))
			var busy interface{ Busy() bool }
			if !errors.Is(err, storage.ErrGateChanged) || !errors.As(err, &busy) || !busy.Busy() {
				t.Fatalf("the training written over the revocation: %v", err)
			}
			if g, _ := roles.Gate(ctx, anna); !g.DeclarationAt.IsZero() || !g.TrainingAt.IsZero() {
				t.Fatalf("stored: declaration %v, training %v; want the revocation's row", g.DeclarationAt, g.TrainingAt)
			}
			if has, _ := roles.AuditHas(ctx, "training"); has {
				t.Error("the refused write's audit entry was stored")
			}
			// Read anew, the training goes through and the declaration stays taken back.
			again, _ := roles.Gate(ctx, anna)
			again.TrainingAt, again.TrainingBy, again.UpdatedAt = now, "@coord:test", now.Add(3*time.Second)
			if err := roles.PutGate(ctx, *again, entry("training")); err != nil {
				t.Fatalf("training read anew: %v", err)
			}
			if g, _ := roles.Gate(ctx, anna); !g.DeclarationAt.IsZero() || g.TrainingAt.IsZero() {
				t.Fatalf("stored: declaration %v, training %v", g.DeclarationAt, g.TrainingAt)
			}
		})
	}
}

// TestRoomRemovalQueue: the command line's erasure queues the rooms to
// remove the person from; the running bot lists and forgets them. A
// second queueing of the same room is one row.
func TestRoomRemovalQueue(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
			q := db.RoomRemovals()
			if err := q.Queue(ctx, "@t:hs", []string{"!team:hs", "!approvals:hs"}, now); err != nil {
				t.Fatal(err)
			}
			if err := q.Queue(ctx, "@t:hs", []string{"!team:hs"}, now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			list, err := q.List(ctx, 10)
			if err != nil || len(list) != 2 || list[0].RoomID != "!approvals:hs" || !list[0].CreatedAt.Equal(now) {
				t.Fatalf("queued: %+v, %v", list, err)
			}
			if err := q.Done(ctx, list[0]); err != nil {
				t.Fatal(err)
			}
			if list, _ := q.List(ctx, 10); len(list) != 1 || list[0].RoomID != "!team:hs" {
				t.Fatalf("after one done: %+v", list)
			}
		})
	}
}

// TestPutGateRaces (mend28b): the write over the row as read holds where
// updated_at alone did not tell two rows apart — two writes in the same
// millisecond (or one clock stepped back), a row deleted since it was read
// (the person erased, or the retention run), and a manager's Matrix ID
// replaced by a pseudonym since (the manager erased): each write back of the
// row as read is refused, nothing erased comes back.
func TestPutGateRaces(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	const anna, boss = "@anna:test", "@boss:test"
	entry := func(key string) storage.RoleAuditEntry {
		return storage.RoleAuditEntry{Key: key, At: now, Actor: boss, Subject: anna, Action: key}
	}
	tests := []struct {
		name string
		// between changes the stored evidence after both reads; the
		// first read is written back by it or left alone.
		between func(ctx context.Context, db *storage.DB, first *storage.TeamGate) error
		// gone is true when anna's evidence is erased afterwards.
		gone bool
	}{
		{name: "another write in the same millisecond", between: func(ctx context.Context, db *storage.DB, first *storage.TeamGate) error {
			first.DeclarationAt, first.DeclarationBy = time.Time{}, ""
			first.UpdatedAt = now // the same millisecond as the stored row
			return db.Roles().PutGate(ctx, *first, entry("declaration-revoke"))
		}},
		{name: "the person erased", gone: true, between: func(ctx context.Context, db *storage.DB, _ *storage.TeamGate) error {
			_, err := db.Privacy().Erase(ctx, anna, "", now.Add(time.Minute))
			return err
		}},
		{name: "the manager erased (pseudonym)", between: func(ctx context.Context, db *storage.DB, _ *storage.TeamGate) error {
			_, err := db.Privacy().Erase(ctx, boss, "", now.Add(time.Minute))
			return err
		}},
	}
	for name, db := range openTestDBs(t) {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				ctx := context.Background()
				roles := db.Roles()
				if _, err := db.Privacy().Erase(ctx, anna, "", now.Add(time.Minute)); err != nil {
					t.Fatal(err) // a clean start per case
				}
				if err := roles.PutGate(ctx, storage.TeamGate{UserID: anna, DeclarationAt: now, DeclarationBy: boss, UpdatedAt: now},
					entry("declaration")); err != nil {
					t.Fatal(err)
				}
				first, _ := roles.Gate(ctx, anna)
				second, _ := roles.Gate(ctx, anna)
				if err := tt.between(ctx, db, first); err != nil {
					t.Fatal(err)
				}
				second.TrainingAt, second.TrainingBy, second.UpdatedAt = now, "@coord:test", now
				if err := roles.PutGate(ctx, *second, entry("training")); !errors.Is(err, storage.ErrGateChanged) {
					t.Fatalf("the row as read written over a change since: %v", err)
				}
				g, err := roles.Gate(ctx, anna)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case tt.gone && g != nil:
					t.Fatalf("erased evidence came back: %+v", g)
				case !tt.gone && (g == nil || g.DeclarationBy == boss || !g.TrainingAt.IsZero()):
					t.Fatalf("stored: %+v; want the change made between, not the second write", g)
				}
			})
		}
	}
}
