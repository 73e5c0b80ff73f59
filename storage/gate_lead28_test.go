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
