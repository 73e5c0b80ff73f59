package commands

import (
	"context"
	"strings"
	"testing"
	"time"
)

// After erasure, no role_audit key names the member.
func TestErasureLeavesNoRoleKeyNamingMember(t *testing.T) {
	e, _ := newRolesEnv(t)
	ctx := context.Background()
	e.say(t, dmRoom, member, "!team beitreten", "")
	if _, err := e.db.Privacy().Erase(ctx, member.String(), "", e.now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	entries, err := e.db.Roles().AuditLog(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range entries {
		if strings.Contains(a.Key, member.String()) {
			t.Errorf("after erasure the role audit key still names the member: %q (subject %q)", a.Key, a.Subject)
		}
	}
}
