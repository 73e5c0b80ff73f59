package commands

import (
	"context"
	"fmt"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestBBBRoomOneOwnerInOneTick: two approved requests of different members
// for the same BigBlueButton room (same meeting ID) that are set up in the
// same run of the worker do not both make their requester its moderator.
// The first-requester rule looked only at rooms set up already, and the
// worker sets up several requests at once: both found no owner, and the
// later requester got a moderator link to the other's room. An approved
// request that is not set up yet counts as the owner now when it is the
// earlier one (security review 22, Low 5).
func TestBBBRoomOneOwnerInOneTick(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		order []int // the order of the approvals
	}{
		{"approved in order", []int{1, 2}},
		{"later request approved first", []int{2, 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			for _, who := range []id.UserID{member, outsider} {
				for _, body := range []string{"!zugang bbb", "AG Umwelt Süd", "Monatliche Treffen", "ja"} {
					e.say(t, dmRoom, who, body, "")
				}
			}
			for _, n := range tt.order {
				e.say(t, approvals, carol, fmt.Sprintf("!genehmigen %d", n), "")
			}
			before := e.fm.count()
			if err := e.h.AccessTick(ctx, e.now); err != nil {
				t.Fatal(err)
			}
			var set []int64
			for n := int64(1); n <= 2; n++ {
				if r, _ := e.db.Access().Get(ctx, n); r.Status == storage.AccessProvisioned {
					set = append(set, n)
				}
			}
			if len(set) != 1 || set[0] != 1 {
				t.Errorf("set up: %v, want only the first request", set)
			}
			if got := bodies(in(e.fm.sent[before:], dmOf(outsider))); joinLink.MatchString(got) {
				t.Errorf("the second requester got a moderator link: %s", got)
			}
		})
	}
}

// TestRoomLinkOnlyForTheFirstRequester: two grants of one BigBlueButton
// room from before the first-requester rule (both set up): `!raum` gives
// the moderator link only to the first requester; the second gets the
// answer for a room not granted, without a link. Without the owner check
// in cmdRoom the second requester got a moderator link to the first one's
// room, and no test noticed (mut35).
func TestRoomLinkOnlyForTheFirstRequester(t *testing.T) {
	ctx := context.Background()
	e := newAccessEnv(t)
	for _, who := range []id.UserID{member, outsider} {
		for _, body := range []string{"!zugang bbb", "AG Umwelt Süd", "Monatliche Treffen", "ja"} {
			e.say(t, dmRoom, who, body, "")
		}
	}
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	// The second grant of the same room, as set up before the rule.
	if _, err := e.db.Lotse.Exec(ctx, `UPDATE access_request SET status='provisioned' WHERE id=2`); err != nil {
		t.Fatal(err)
	}
	if got := bodies(e.say(t, dmRoom, outsider, "!raum AG Umwelt Süd", "")); joinLink.MatchString(got) {
		t.Fatalf("the second requester got a moderator link: %s", got)
	}
	if got := bodies(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", "")); !joinLink.MatchString(got) {
		t.Fatalf("the first requester got no moderator link: %s", got)
	}
}
