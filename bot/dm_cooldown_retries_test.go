package bot

import (
	"errors"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestDirectChatRetriesAfterFailedCreate: an event whose createRoom fails
// keeps several tries within its ten attempts (retryDelay's schedule): a
// failed createRoom holds the next one off for dmRetryCooldown, not the full
// dmCooldown, which left the event a single second try at its tenth attempt
// (whole-change review 22, M2). A createRoom that succeeded still keeps a
// second room away for dmCooldown.
func TestDirectChatRetriesAfterFailedCreate(t *testing.T) {
	const member = id.UserID("@alice:hs")
	hs := &fakeDirectHomeserver{joined: map[id.RoomID]string{}}
	t0 := time.UnixMilli(1_790_000_000_000)
	now := t0
	b, creates := newFakeDirectBot(t, hs, &now)

	var at time.Duration
	for attempt := range 10 {
		now = t0.Add(at)
		if room, err := b.DirectRoom(t.Context(), member); err == nil || errors.Is(err, ErrPermanent) {
			t.Fatalf("attempt %d: %q, %v; want a retryable error", attempt+1, room, err)
		}
		at += retryDelay(attempt)
	}
	if got := creates(); got < 5 {
		t.Errorf("an event whose createRoom fails tried it %d times in its ten attempts, want at least 5", got)
	}

	// Once createRoom works, the room is made; a second one (the member
	// left the first) waits for the full cooldown.
	hs.mu.Lock()
	hs.succeed = true
	hs.mu.Unlock()
	now = now.Add(time.Hour)
	made := now
	room, err := b.DirectRoom(t.Context(), member)
	if err != nil {
		t.Fatalf("createRoom succeeding: %v", err)
	}
	_ = b.Client.StateStore.SetMembership(t.Context(), room, member, event.MembershipLeave)
	before := creates()
	for _, wait := range []time.Duration{dmRetryCooldown, time.Minute, dmCooldown - time.Second} {
		now = made.Add(wait)
		if _, err := b.DirectRoom(t.Context(), member); !errors.Is(err, errDMCooldown) {
			t.Errorf("%v after a direct chat was made: %v, want the cooldown error", wait, err)
		}
	}
	if got := creates(); got != before {
		t.Errorf("%d createRoom requests within the cooldown after a success, want none", got-before)
	}
}
