package bot

import (
	"errors"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestDirectChatCooldown: a second direct chat with the same member is not
// created within dmCooldown of the first (sec20 review, Low 11: rejecting
// each invite and writing „!dabei 1“ in a group room made Lotse create a
// room every time); the refusal is retryable, not permanent, so the event
// gets its direct chat once the cooldown is over. Other members are not
// held up.
func TestDirectChatCooldown(t *testing.T) {
	const alice, bob = id.UserID("@alice:hs"), id.UserID("@bob:hs")
	t0 := time.UnixMilli(1_790_000_000_000)
	b := &Bot{}
	if err := b.mayCreateDirect(alice, t0); err != nil {
		t.Fatalf("first direct chat refused: %v", err)
	}
	b.directCreated(alice, t0)
	for _, tc := range []struct {
		user    id.UserID
		at      time.Time
		refused bool
	}{
		{alice, t0.Add(time.Second), true},
		{alice, t0.Add(dmCooldown - time.Second), true},
		{bob, t0.Add(time.Second), false},
		{alice, t0.Add(dmCooldown), false},
	} {
		err := b.mayCreateDirect(tc.user, tc.at)
		if (err != nil) != tc.refused {
			t.Errorf("%s at +%v: %v, want refused=%v", tc.user, tc.at.Sub(t0), err, tc.refused)
		}
		if err != nil && (errors.Is(err, ErrPermanent) || !errors.Is(err, errDMCooldown)) {
			t.Errorf("%s at +%v: %v, want the retryable cooldown error", tc.user, tc.at.Sub(t0), err)
		}
	}
	// The cooldown is counted from the last creation; old entries go.
	b.directCreated(bob, t0.Add(dmCooldown))
	if _, ok := b.dmCreated[alice]; ok {
		t.Error("a creation older than the cooldown is still remembered")
	}
	// The cooldown's length must leave the retries time (see retryDelay):
	// the last of the ten attempts comes after it.
	var waited time.Duration
	for a := range 9 {
		waited += retryDelay(a)
	}
	if waited <= dmCooldown {
		t.Errorf("the 10th attempt comes %v after the first, within the cooldown of %v", waited, dmCooldown)
	}
}
