package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoundTableRestore (rt33): Restore takes back the cancellation of an
// announced round table before its start — status, SEQUENCE, the meeting
// forgotten, updated_at — and records the event (Handled), the restore
// (RestoredKey), a stand-in's StandInChangeKeyPrefix record and the audit
// entry, in one transaction; a second restore, one after the start and a
// cancelled draft change and record nothing.
func TestRoundTableRestore(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			start := announcedRoundTable(ctx, t, q, now)
			if err := q.SetMeeting(ctx, 1, "m-1", 42); err != nil {
				t.Fatal(err)
			}
			if ok, _, err := q.Cancel(ctx, 1, "$c", now, nil); err != nil || !ok {
				t.Fatalf("cancel: %v %v", ok, err)
			}
			later := now.Add(time.Hour)
			audit := &storage.RoleAuditEntry{Key: "roundtable-restore:$r", At: later, Actor: "@h:hs", Subject: "@c:hs", Action: "roundtable-restore", Detail: "round table 1"}
			ok, rt, err := q.Restore(ctx, 1, "$r", later, audit, true)
			if err != nil || !ok || rt.Status != storage.RoundTableAnnounced || rt.Sequence != 2 || rt.MeetingID != "" || rt.CreateTime != 0 ||
				rt.LastEvent != "$r" || !rt.UpdatedAt.Equal(later) {
				t.Fatalf("restore: %v %+v %v", ok, rt, err)
			}
			for key, want := range map[string]bool{storage.RestoredKey("$r"): true, "change:$r": true, storage.StandInChangeKeyPrefix + "$r": true, storage.RestoredKey("$c"): false} {
				if got, err := q.IsSent(ctx, key); err != nil || got != want {
					t.Errorf("%s: %v %v, want %v", key, got, err, want)
				}
			}
			if actor, err := db.Roles().AuditActor(ctx, audit.Key); err != nil || actor != "@h:hs" {
				t.Errorf("audit actor: %q %v", actor, err)
			}
			if ok, _, err := q.Restore(ctx, 1, "$r2", later, nil, false); err != nil || ok {
				t.Errorf("restored an announced round table: %v %v", ok, err)
			}
			if got, _ := q.Handled(ctx, "$r2"); got {
				t.Error("a restore that did not happen is recorded")
			}
			// After the start: no.
			if ok, _, err := q.Cancel(ctx, 1, "$c2", later, nil); err != nil || !ok {
				t.Fatalf("cancel again: %v %v", ok, err)
			}
			if ok, _, err := q.Restore(ctx, 1, "$r3", start, nil, false); err != nil || ok {
				t.Errorf("restored at the start: %v %v", ok, err)
			}
			// A cancelled draft: no.
			if _, _, err := q.Create(ctx, &storage.RoundTable{Title: "D", Start: start, Duration: time.Hour, Coordinator: "@c:hs",
				Rooms: []string{"!a:hs"}, OriginEvent: "$new2"}, now); err != nil {
				t.Fatal(err)
			}
			if ok, _, err := q.Cancel(ctx, 2, "$c3", now, nil); err != nil || !ok {
				t.Fatalf("cancel the draft: %v %v", ok, err)
			}
			if ok, _, err := q.Restore(ctx, 2, "$r4", now, nil, false); err != nil || ok {
				t.Errorf("restored a draft: %v %v", ok, err)
			}
		})
	}
}

// TestRoundTableAnnouncedSince (rt33): each announcement is recorded once
// with its round table, and counted per coordinator (whoever announced).
func TestRoundTableAnnouncedSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.RoundTables
			now := time.UnixMilli(1_790_000_000_000)
			for i, who := range []string{"@c:hs", "@c:hs", "@o:hs"} {
				rt, _, err := q.Create(ctx, &storage.RoundTable{Title: "T", Start: now.Add(48 * time.Hour), Duration: time.Hour, Coordinator: who,
					Rooms: []string{"!a:hs"}, OriginEvent: "$new" + who + string(rune('0'+i))}, now)
				if err != nil {
					t.Fatal(err)
				}
				for range 2 { // a retry records nothing more
					if _, _, err := q.Announce(ctx, rt.ID, "$a", now); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, c := range []struct {
				who   string
				since time.Time
				want  int
			}{{"@c:hs", now.Add(-time.Hour), 2}, {"@o:hs", now.Add(-time.Hour), 1}, {"@x:hs", now.Add(-time.Hour), 0}, {"@c:hs", now, 0}} {
				if n, err := q.AnnouncedSince(ctx, c.who, c.since); err != nil || n != c.want {
					t.Errorf("%s since %v: %d %v, want %d", c.who, c.since, n, err, c.want)
				}
			}
		})
	}
}
