package commands

import (
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// TestAuditSplitsOnlyNextcloudMail: !protokoll takes the part after „ <“ of
// a request for an e-mail address only for Nextcloud requests (only they
// have one), and at the last „ <“: a BBB room or a group whose name holds
// „<…@…>“ is shown whole.
func TestAuditSplitsOnlyNextcloudMail(t *testing.T) {
	e := newAccessEnv(t)
	for i, r := range []*storage.AccessRequest{
		{MemberID: member.String(), MemberRoom: dmRoom.String(), Kind: storage.AccessBBB, Target: "Treffen <info@example.org>", Needed: 1},
		{MemberID: member.String(), MemberRoom: dmRoom.String(), Kind: storage.AccessNextcloud, Target: "AG <Süd>", Email: "mia@example.org", Needed: 1},
	} {
		if _, _, err := e.db.Access().Create(t.Context(), r, "$req"+string(rune('a'+i)), e.now); err != nil {
			t.Fatal(err)
		}
	}
	got := in(e.say(t, approvals, carol, "!protokoll", ""), approvals)
	mustContain(t, got, "BBB-Raum „Treffen <info@example.org>“", "Nextcloud, Gruppe „AG <Süd>“ <mia@example.org>")
}
