package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/access"
)

// TestAccessRoomLinksBounded: `!raum` hands out at most
// MaxRoomLinksPerHour moderator links for a room in an hour; past that
// the member reads why and what to do, and neither BigBlueButton is
// called nor the audit log written. An hour later a link comes again.
// Before, every `!raum` was a create call and an audit entry kept for
// years, without a bound (acc34).
func TestAccessRoomLinksBounded(t *testing.T) {
	e := newAccessEnv(t)
	ctx := t.Context()
	e.requestRoom(t, member, dmRoom)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	ask := func() []sentMsg {
		t.Helper()
		return in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom)
	}
	for range access.MaxRoomLinksPerHour {
		mustContain(t, ask(), "Dein Moderationslink für „AG Umwelt Süd“")
	}
	creates := e.bbb.Requests("create")
	audit, _ := e.db.Access().AuditLog(ctx, 1, "")
	got := ask()
	mustContain(t, got, fmt.Sprintf("schon %d Moderationslinks bekommen", access.MaxRoomLinksPerHour), "Nimm bitte den letzten")
	if b := bodies(got); strings.Contains(b, "http") {
		t.Errorf("a link past the bound:\n%s", b)
	}
	if n := e.bbb.Requests("create"); n != creates {
		t.Errorf("BigBlueButton called past the bound: %d create calls, want %d", n, creates)
	}
	if after, _ := e.db.Access().AuditLog(ctx, 1, ""); len(after) != len(audit) {
		t.Errorf("audit entries past the bound: %d, want %d", len(after), len(audit))
	}
	e.now = e.now.Add(time.Hour + time.Second)
	mustContain(t, ask(), "Dein Moderationslink für „AG Umwelt Süd“")
}
