package commands

import (
	"context"
	"strings"
	"testing"
)

// TestTeamApplicationAuditedOnce: „!team beitreten“ sent again and again
// writes one entry of the role audit log per state of the person's team
// role, not one per message; every role command read the whole log, so a
// member could make each of them dearer without a bound (security review
// 22, Low 2).
func TestTeamApplicationAuditedOnce(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	applications := func() int {
		t.Helper()
		entries, err := e.db.Roles().AuditLog(ctx, member.String())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range entries {
			if strings.HasPrefix(a.Key, "apply-gate:") {
				n++
			}
		}
		return n
	}
	for _, tt := range []struct {
		name   string
		before []string // the approvers' commands first
		want   int      // application entries so far
	}{
		{"pending", nil, 2}, // the first message's, and one for the pending role it made
		{"revoked", []string{"!erklärung @member:test erhalten", "!schulung @member:test heute", "!rolle @member:test team entziehen"}, 3},
	} {
		for _, cmd := range tt.before {
			e.say(t, approvRm, approvr, cmd, "")
		}
		for range 5 {
			e.say(t, dmRoom, member, "!team beitreten", "")
		}
		if got := applications(); got != tt.want {
			t.Errorf("%s: %d application entries, want %d", tt.name, got, tt.want)
		}
	}
}
