package commands

import (
	"context"
	"fmt"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// forbiddenKicks is fakeRooms whose kicks the homeserver refuses
// (M_FORBIDDEN: the person's power level is not below Lotse's).
type forbiddenKicks struct{ *fakeRooms }

func (forbiddenKicks) Kick(_ context.Context, room id.RoomID, user id.UserID, _ string) error {
	return fmt.Errorf("failed to remove %s from %s: %w", user, room, mautrix.MForbidden)
}

// TestQueuedRoomRemovals (lead, twenty-eighth pass; DSGVO Art. 17/32):
// `lotse privacy erase --yes` deletes a team member's roles but has no
// Matrix client; the person went on reading every new case in the team
// room until an admin removed them by hand. The command line now queues
// the removal and the running bot makes it on its next tick — from the
// team and approvals rooms only, not from a room the configuration no
// longer names, and not when the person holds the right again. A refused
// removal is told to the room once. Fails without the fix: nobody is
// removed.
func TestQueuedRoomRemovals(t *testing.T) {
	ctx := context.Background()
	e, rooms := newRolesEnv(t)
	erased := id.UserID("@erased:test")
	q := e.db.RoomRemovals()
	if err := q.Queue(ctx, erased.String(), []string{teamRoom.String(), approvRm.String(), "!elsewhere:test"}, e.now); err != nil {
		t.Fatal(err)
	}
	// alice got the team role again before the bot ran.
	setRole(t, e.db, alice, storage.RoleTeam, storage.RoleActive)
	if err := q.Queue(ctx, alice.String(), []string{teamRoom.String()}, e.now); err != nil {
		t.Fatal(err)
	}
	if err := e.h.TickPeople(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{teamRoom.String() + " " + erased.String(), approvRm.String() + " " + erased.String()} {
		if !rooms.has(&rooms.kicks, want) {
			t.Errorf("not removed: %s (kicks %v)", want, rooms.kicks)
		}
	}
	for _, not := range []string{"!elsewhere:test " + erased.String(), teamRoom.String() + " " + alice.String()} {
		if rooms.has(&rooms.kicks, not) {
			t.Errorf("removed: %s", not)
		}
	}
	if left, _ := q.List(ctx, 10); len(left) != 0 {
		t.Errorf("left in the queue: %+v", left)
	}

	// Refused: the team room is told, once, and the row is forgotten.
	e.reconfigure(func(d *Deps) { d.Rooms = forbiddenKicks{rooms} })
	if err := q.Queue(ctx, erased.String(), []string{teamRoom.String()}, e.now); err != nil {
		t.Fatal(err)
	}
	before := e.fm.count()
	for range 2 {
		e.now = e.now.Add(time.Minute)
		if err := e.h.TickPeople(ctx, e.now); err != nil {
			t.Fatal(err)
		}
	}
	e.fm.mu.Lock()
	told := in(append([]sentMsg(nil), e.fm.sent[before:]...), teamRoom)
	e.fm.mu.Unlock()
	if len(told) != 1 {
		t.Fatalf("the team room was told %d times: %s", len(told), bodies(told))
	}
	mustContain(t, told, "@erased:test ist noch im Teamraum")
	if left, _ := q.List(ctx, 10); len(left) != 0 {
		t.Errorf("left in the queue after a refusal: %+v", left)
	}
}

// TestQueuedRoomRemovalGivenUp (whole28's find): when neither the removal
// nor the notice to the room works (Lotse itself was removed from the
// room), the row — the erased person's Matrix ID, under no retention
// rule — is tried again for a day and then forgotten, not kept for good.
func TestQueuedRoomRemovalGivenUp(t *testing.T) {
	ctx := context.Background()
	e, rooms := newRolesEnv(t)
	erased := id.UserID("@erased:test")
	q := e.db.RoomRemovals()
	if err := q.Queue(ctx, erased.String(), []string{teamRoom.String()}, e.now); err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) {
		d.Rooms = forbiddenKicks{rooms}
		d.Matrix = &flakyMatrix{fakeMatrix: e.fm}
	})
	if err := e.h.TickPeople(ctx, e.now.Add(time.Minute)); err == nil {
		t.Error("a notice that failed was not reported")
	}
	if left, _ := q.List(ctx, 10); len(left) != 1 {
		t.Fatalf("forgotten before its day: %+v", left)
	}
	if err := e.h.TickPeople(ctx, e.now.Add(25*time.Hour)); err != nil {
		t.Fatalf("after a day: %v", err)
	}
	if left, _ := q.List(ctx, 10); len(left) != 0 {
		t.Errorf("kept after a day: %+v", left)
	}
}
