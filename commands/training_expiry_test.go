package commands

import (
	"context"
	"errors"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// dmRefused is the fake Matrix whose DirectRoom fails for some people.
type dmRefused struct {
	*fakeMatrix
	refuse map[id.UserID]error
}

func (f dmRefused) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	if err := f.refuse[user]; err != nil {
		return "", err
	}
	return f.fakeMatrix.DirectRoom(ctx, user)
}

// TestTrainingExpiryNotHeldUpByOthers: the worker that pauses the team
// role of someone whose training expired goes on when a notice to another
// person cannot be sent — a member whose onboarding reminder cannot reach
// them, a team member earlier in the list whose expiry notice cannot. It
// stopped at the first such error, every minute again, so an expired team
// member kept the active role, and with it the relayed cases, for as long
// as one other person could not be written to (security review 22,
// Medium 1). A person Lotse may not open a direct chat with (a permanent
// refusal) is not tried again every minute.
func TestTrainingExpiryNotHeldUpByOthers(t *testing.T) {
	const (
		early = id.UserID("@aaron:test") // sorts before zed
		zed   = id.UserID("@zed:test")
	)
	ctx := context.Background()
	for _, tt := range []struct {
		name      string
		who       id.UserID // whose direct chat cannot be opened
		permanent bool
	}{
		{"onboarding reminder, retryable", member, false},
		{"onboarding reminder, permanent", member, true},
		{"earlier team member, retryable", early, false},
		{"earlier team member, permanent", early, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, rooms := newRolesEnv(t)
			e.reconfigure(func(d *Deps) { d.Onboarding = Onboarding{Welcome: true, ReminderAfter: 24 * time.Hour} })
			e.say(t, dmRoom, member, "hallo", "") // welcomed: a reminder is due a day later
			trained := e.now.AddDate(-1, 0, -10)
			for _, u := range []id.UserID{early, zed} {
				setRole(t, e.db, u, storage.RoleTeam, storage.RoleActive)
				if err := e.db.Roles().PutGate(ctx, storage.TeamGate{UserID: u.String(), DeclarationAt: trained, DeclarationBy: approvr.String(),
					TrainingAt: trained, TrainingBy: approvr.String(), UpdatedAt: trained}, storage.RoleAuditEntry{}); err != nil {
					t.Fatal(err)
				}
			}
			err := error(errors.New("a direct chat was created moments ago"))
			if tt.permanent {
				err = permanentErr{}
			}
			e.reconfigure(func(d *Deps) { d.Matrix = dmRefused{e.fm, map[id.UserID]error{tt.who: err}} })
			e.now = e.now.Add(25 * time.Hour)
			tickErr := e.h.TickPeople(ctx, e.now)
			if has, _ := e.db.Roles().Has(ctx, zed.String(), storage.RoleTeam); has {
				t.Fatalf("the expired training of %s did not pause the team role (tick: %v)", zed, tickErr)
			}
			if !rooms.has(&rooms.kicks, teamRoom.String()+" "+zed.String()) {
				t.Errorf("%s not removed from the team room: %v", zed, rooms.kicks)
			}
			if tickErr == nil && !tt.permanent {
				t.Error("the tick hid the failed notice")
			}
			if tt.permanent {
				if err := e.h.TickPeople(ctx, e.now.Add(time.Minute)); err != nil {
					t.Errorf("a refused direct chat is tried again: %v", err)
				}
			}
		})
	}
}
