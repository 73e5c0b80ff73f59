package main

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestPrivacyEraseNamesRoomsToLeave (mend26a): `lotse privacy erase`
// deletes a team member's or approver's roles but cannot remove them from
// the team and approvals rooms (!daten-löschen does, gdpr26), and it said
// so nowhere: the person went on reading every new case and request. The
// count and the erasure now name the rooms to remove them from by hand;
// one whose right comes from the configuration is pointed there. Fails
// without the fix: no room is named. Since the twenty-eighth pass the
// erasure queues the removals for the running bot
// (TestQueuedRoomRemovals in commands makes them).
func TestPrivacyEraseNamesRoomsToLeave(t *testing.T) {
	const team, approvals = "!team:hs", "!approvals:hs"
	tests := []struct {
		name, user, role  string
		want, not, queued []string
	}{
		{"team member", "@t:hs", storage.RoleTeam, []string{team, approvals}, nil, []string{approvals, team}},
		{"approver", "@a:hs", storage.RoleApprover, []string{approvals}, []string{team}, []string{approvals}},
		{"approver by configuration", "@cfg:hs", storage.RoleTeam, []string{team, approvals, "configuration"}, nil, []string{team}},
		{"member without a role", "@m:hs", "", nil, []string{team, approvals, "remove"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			dbPath := filepath.Join(dir, "lotse.db")
			cfgPath := writeConfig(t, dir, "database: "+dbPath+"\nteam_room: \""+team+"\"\napprovals_room: \""+approvals+
				"\"\napprovers: [\"@cfg:hs\"]\nnextcloud_url: https://cloud.example.org\nnextcloud_user: lotse\nnextcloud_groups: [\"AG\"]\n")
			t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
			t.Setenv("LOTSE_NEXTCLOUD_PASSWORD", "x")
			ctx := t.Context()
			db := storagetest.Open(t, dbPath)
			now := time.Now()
			if tt.role != "" {
				if _, err := db.Roles().Set(ctx, tt.user, tt.role, storage.RoleActive, "@admin:hs",
					storage.RoleAuditEntry{Key: "grant:" + tt.user, At: now, Actor: "@admin:hs", Subject: tt.user, Action: "grant"}, now); err != nil {
					t.Fatal(err)
				}
			}
			for _, args := range [][]string{{tt.user}, {tt.user, "--yes"}} {
				var out, errOut bytes.Buffer
				if err := runMain(ctx, append([]string{"privacy", "erase", "-c", cfgPath}, args...), nil, &out, &errOut); err != nil {
					t.Fatalf("%v: %v (%s)", args, err, errOut.String())
				}
				for _, w := range tt.want {
					if !strings.Contains(out.String(), w) {
						t.Errorf("%v: the output does not name %q:\n%s", args, w, out.String())
					}
				}
				for _, w := range tt.not {
					if strings.Contains(out.String(), w) {
						t.Errorf("%v: the output names %q:\n%s", args, w, out.String())
					}
				}
				// The erasure queues the removals from the rooms of the
				// erased roles for the running bot (twenty-eighth pass);
				// counting queues nothing, and a room whose right comes
				// from the configuration stays the admin's.
				check := storagetest.Open(t, dbPath)
				queued, err := check.RoomRemovals().List(ctx, 10)
				if err != nil {
					t.Fatal(err)
				}
				var rooms []string
				for _, r := range queued {
					if r.UserID != tt.user {
						t.Errorf("queued for %s", r.UserID)
					}
					rooms = append(rooms, r.RoomID)
				}
				slices.Sort(rooms)
				want := tt.queued
				if len(args) == 1 {
					want = nil
				}
				if !slices.Equal(rooms, want) {
					t.Errorf("%v: queued %v, want %v", args, rooms, want)
				}
			}
		})
	}
}

// TestPrivacyEraseNamesRoomsWhenQueueFails (whole28): the erasure deletes
// the roles first and then queues the removals; when the queue could not be
// written, the command failed without naming a room, and a second run no
// longer finds them (roomsToLeave reads the deleted roles): the person
// stayed in the team and approvals rooms with nobody told. The rooms are
// now named as the admin's to remove them from. Fails without the fix: the
// output names no room.
func TestPrivacyEraseNamesRoomsWhenQueueFails(t *testing.T) {
	const team, approvals, user = "!team:hs", "!approvals:hs", "@t:hs"
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\nteam_room: \""+team+"\"\napprovals_room: \""+approvals+
		"\"\nnextcloud_url: https://cloud.example.org\nnextcloud_user: lotse\nnextcloud_groups: [\"AG\"]\n")
	t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123456789abcdef")
	t.Setenv("LOTSE_NEXTCLOUD_PASSWORD", "x")
	ctx := t.Context()
	db := storagetest.Open(t, dbPath)
	now := time.Now()
	if _, err := db.Roles().Set(ctx, user, storage.RoleTeam, storage.RoleActive, "@admin:hs",
		storage.RoleAuditEntry{Key: "grant:" + user, At: now, Actor: "@admin:hs", Subject: user, Action: "grant"}, now); err != nil {
		t.Fatal(err)
	}
	// The queue cannot be written (a stand-in for a database that fails
	// between the erasure and the queue).
	if _, err := db.Lotse.Exec(ctx, `CREATE TRIGGER no_queue BEFORE INSERT ON room_removal BEGIN SELECT RAISE(ABORT, 'queue down'); END`); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runMain(ctx, []string{"privacy", "erase", "-c", cfgPath, "--yes", user}, nil, &out, &errOut); err == nil {
		t.Fatalf("the erasure succeeded although the queue failed:\n%s", out.String())
	}
	for _, w := range []string{team, approvals, "in a Matrix client"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the output does not name %q:\n%s", w, out.String())
		}
	}
	if strings.Contains(out.String(), "queued") {
		t.Errorf("the output says the removals were queued:\n%s", out.String())
	}
}
