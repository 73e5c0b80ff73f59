package main

import (
	"bytes"
	"path/filepath"
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
// without the fix: no room is named.
func TestPrivacyEraseNamesRoomsToLeave(t *testing.T) {
	const team, approvals = "!team:hs", "!approvals:hs"
	tests := []struct {
		name, user, role string
		want, not        []string
	}{
		{"team member", "@t:hs", storage.RoleTeam, []string{team, approvals}, nil},
		{"approver", "@a:hs", storage.RoleApprover, []string{approvals}, []string{team}},
		{"approver by configuration", "@cfg:hs", storage.RoleTeam, []string{team, approvals, "configuration"}, nil},
		{"member without a role", "@m:hs", "", nil, []string{team, approvals, "remove"}},
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
			}
		})
	}
}
