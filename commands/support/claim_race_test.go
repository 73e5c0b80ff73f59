// Tests of a claim racing the revocation of its author's team role
// (sup29): the interleavings are made by hand — the role check passes,
// then the role is revoked (and the volunteer's cases given back), then
// the claim is written — with no clock and no sleep.

package support

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

const (
	raceTeamRoom  = id.RoomID("!team:test")
	raceVolunteer = id.UserID("@vera:test")
)

// rolePeople answers the team role from the database; before, if set, runs
// before the n-th answer (1, 2, …): a revocation landing at that moment.
type rolePeople struct {
	db     *storage.DB
	calls  int
	before func(n int)
}

func (p *rolePeople) HasTeamRole(ctx context.Context, user id.UserID) bool {
	p.calls++
	if p.before != nil {
		p.before(p.calls)
	}
	ok, err := p.db.Roles().Has(ctx, user.String(), storage.RoleTeam)
	return err == nil && ok
}

type noGuides struct{}

func (noGuides) Current() *guides.Library { return &guides.Library{} }

// raceEnv is a support workflow on a fresh database with one open case
// and a volunteer who holds the team role.
type raceEnv struct {
	w      *Workflow
	db     *storage.DB
	fm     *chattest.Matrix
	people *rolePeople
	c      *storage.Case
	now    time.Time
}

func newRaceEnv(t *testing.T) *raceEnv {
	t.Helper()
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "l.db"))
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	e := &raceEnv{db: db, fm: &chattest.Matrix{Me: "@lotse:test"}, people: &rolePeople{db: db}, now: now}
	env := chat.Env{Matrix: e.fm, DB: db, Guides: noGuides{}, TxnID: chattest.TxnID, Now: func() time.Time { return e.now }}.WithDefaults()
	e.w = New(&env, Config{TeamRoom: raceTeamRoom}, e.people)
	ctx := context.Background()
	c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@member:test", MemberRoom: "!dm:test", Summary: "Drucker"}, "$origin", "Drucker", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Cases.SetTeamEvent(ctx, c.ID, "$root"); err != nil {
		t.Fatal(err)
	}
	c.TeamEvent = "$root"
	e.c = c
	e.setRole(t, storage.RoleActive)
	return e
}

func (e *raceEnv) setRole(t *testing.T, status string) {
	t.Helper()
	if _, err := e.db.Roles().Set(context.Background(), raceVolunteer.String(), storage.RoleTeam, status, "@lead:test",
		storage.RoleAuditEntry{}, e.now); err != nil {
		t.Error(err)
	}
}

// revoke removes the volunteer's team role and gives their cases back, as
// the revocation does (OnTeamRemoved → ReturnCases).
func (e *raceEnv) revoke(t *testing.T) {
	t.Helper()
	e.setRole(t, storage.RoleRemoved)
	if err := e.w.ReturnCases(context.Background(), raceVolunteer, "revoked"); err != nil {
		t.Error(err)
	}
}

// claimTurn is the context of the volunteer's `!übernehmen` in the case's
// thread.
func (e *raceEnv) claimTurn() context.Context {
	evt := &event.Event{ID: "$claim", RoomID: raceTeamRoom, Sender: raceVolunteer, Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "!übernehmen"}}}
	return chat.WithTurn(context.Background(), &chat.Turn{Event: evt})
}

// TestClaimRacingRevocation: a volunteer's claim passes the role check,
// then their team role is revoked and their cases given back, then the
// claim is written — once before the write's own check (the write refuses
// it), once after it but before the revocation could see the claim (the
// check after the write gives it back). Either way the case ends unclaimed
// and the thread says it is free, without a name. Before, the volunteer
// held it until the stale-claim return, days later.
func TestClaimRacingRevocation(t *testing.T) {
	for _, tt := range []struct {
		name string
		// race revokes at the right moment; the role check of the
		// command is the people's first answer.
		race func(e *raceEnv, t *testing.T, ctx context.Context)
	}{
		{"revoked before the write", func(e *raceEnv, t *testing.T, ctx context.Context) {
			if ok, _ := e.w.TeamRole().Check(ctx, raceVolunteer, raceTeamRoom, false); !ok {
				t.Fatal("precondition: the role check refused the volunteer")
			}
			e.revoke(t)
		}},
		{"revoked while the write committed", func(e *raceEnv, t *testing.T, ctx context.Context) {
			if ok, _ := e.w.TeamRole().Check(ctx, raceVolunteer, raceTeamRoom, false); !ok {
				t.Fatal("precondition: the role check refused the volunteer")
			}
			// The revocation commits after the write's check, and its
			// ReturnCases ran before the claim was visible: only the
			// role changes after the write.
			e.people.before = func(n int) {
				if n == 2 {
					e.setRole(t, storage.RoleRemoved)
				}
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRaceEnv(t)
			ctx := e.claimTurn()
			tt.race(e, t, ctx)
			if err := e.w.claim(ctx, e.c, raceVolunteer); err != nil {
				t.Fatal(err)
			}
			after, err := e.db.Cases.Get(context.Background(), e.c.ID)
			if err != nil || after.Assignee != "" {
				t.Fatalf("the case is held by %q after the revocation (%v)", after.Assignee, err)
			}
			var notes []string
			for _, s := range e.fm.Sent() {
				if s.Content != nil && s.Room == raceTeamRoom {
					notes = append(notes, s.Content.Body)
				}
			}
			all := strings.Join(notes, "\n")
			if !strings.Contains(all, "bleibt offen zur Übernahme") || strings.Contains(all, "hat Fall") || strings.Contains(all, raceVolunteer.String()) {
				t.Fatalf("the thread got:\n%s", all)
			}
		})
	}
}

// TestAssignRacingRevocation: `!zuweisen` checked the target's role, then
// the target's role is revoked; the write refuses it (AssignToTeam).
func TestAssignRacingRevocation(t *testing.T) {
	e := newRaceEnv(t)
	e.revoke(t)
	changed, after, err := e.db.Cases.AssignToTeam(context.Background(), e.c.ID, "@lead:test", raceVolunteer.String(), e.now)
	if err != nil || changed || after.Assignee != "" {
		t.Fatalf("AssignToTeam = %v, %+v, %v; want refused", changed, after, err)
	}
	e.setRole(t, storage.RoleActive)
	if changed, after, err := e.db.Cases.AssignToTeam(context.Background(), e.c.ID, "@lead:test", raceVolunteer.String(), e.now); err != nil || !changed ||
		after.Assignee != raceVolunteer.String() {
		t.Fatalf("AssignToTeam with the role = %v, %+v, %v", changed, after, err)
	}
}
