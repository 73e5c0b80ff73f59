package storage_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseMoveToRoom: an open case follows its own member to another room
// (their new direct chat, sup29), recorded as the case event "move"; a
// closed case, someone else's case and a move to the room it is in
// already change nothing. OpenElsewhere finds the case from the new room.
func TestCaseMoveToRoom(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$open", now)
			if got, err := db.Cases.OpenElsewhere(ctx, "@m:hs", c.MemberRoom); err != nil || got != nil {
				t.Fatalf("OpenElsewhere from the case's own room = %+v, %v; want nil", got, err)
			}
			if got, err := db.Cases.OpenElsewhere(ctx, "@m:hs", "!new"); err != nil || got == nil || got.ID != c.ID {
				t.Fatalf("OpenElsewhere from a new room = %+v, %v; want case %d", got, err, c.ID)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@other:hs", c.MemberRoom, "!new", now); err != nil || moved {
				t.Fatalf("someone else moved the case: %v, %v", moved, err)
			}
			moved, after, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", c.MemberRoom, "!new", now)
			if err != nil || !moved || after.MemberRoom != "!new" {
				t.Fatalf("MoveToRoom = %v, %+v, %v", moved, after, err)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, c.ID, "@m:hs", c.MemberRoom, "!new", now); err != nil || moved {
				t.Fatalf("a second move to the same room changed the case: %v, %v", moved, err)
			}
			events, err := db.Cases.Events(ctx, c.ID)
			if err != nil || len(events) == 0 || events[len(events)-1].Kind != "move" || events[len(events)-1].Actor != "@m:hs" {
				t.Fatalf("events %+v, %v; want a last \"move\" by the member", events, err)
			}
			closed := newCase(t, db, "@m:hs", "$closed", now)
			if _, _, err := db.Cases.Close(ctx, closed.ID, "@m:hs", now); err != nil {
				t.Fatal(err)
			}
			if moved, _, err := db.Cases.MoveToRoom(ctx, closed.ID, "@m:hs", closed.MemberRoom, "!new", now); err != nil || moved {
				t.Fatalf("a closed case moved: %v, %v", moved, err)
			}
		})
	}
}

// TestClaimByTeamChecksRole: a claim (and an assignment) by someone
// without the active team role is refused by the write itself; with the
// role it goes through (sup29: the claim racing a revocation).
func TestClaimByTeamChecksRole(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c := newCase(t, db, "@m:hs", "$claim", now)
			setTeam := func(user, status string) {
				t.Helper()
				if _, err := db.Roles().Set(ctx, user, storage.RoleTeam, status, "@lead:hs", storage.RoleAuditEntry{}, now); err != nil {
					t.Fatal(err)
				}
			}
			setTeam("@paused:hs", storage.RolePaused)
			for _, user := range []string{"@nobody:hs", "@paused:hs"} {
				if ok, after, err := db.Cases.ClaimByTeam(ctx, c.ID, user, now); err != nil || ok || after.Assignee != "" {
					t.Fatalf("ClaimByTeam(%s) = %v, %+v, %v; want refused", user, ok, after, err)
				}
				if ok, after, err := db.Cases.AssignToTeam(ctx, c.ID, "@lead:hs", user, now); err != nil || ok || after.Assignee != "" {
					t.Fatalf("AssignToTeam(%s) = %v, %+v, %v; want refused", user, ok, after, err)
				}
			}
			setTeam("@vera:hs", storage.RoleActive)
			if ok, after, err := db.Cases.ClaimByTeam(ctx, c.ID, "@vera:hs", now); err != nil || !ok || after.Assignee != "@vera:hs" {
				t.Fatalf("ClaimByTeam with the role = %v, %+v, %v", ok, after, err)
			}
			setTeam("@tom:hs", storage.RoleActive)
			if ok, after, err := db.Cases.AssignToTeam(ctx, c.ID, "@lead:hs", "@tom:hs", now); err != nil || !ok || after.Assignee != "@tom:hs" {
				t.Fatalf("AssignToTeam with the role = %v, %+v, %v", ok, after, err)
			}
		})
	}
}

// TestCaseOpeningsSurviveErasure: the cases a member opened in the last
// day are still counted after their erasure (sup29), under a keyed hash
// that is neither their ID nor their pseudonym; the export shows them;
// PruneOpenings forgets them after CaseOpeningKept.
func TestCaseOpeningsSurviveErasure(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			newCase(t, db, "@m:hs", "$one", now.Add(-time.Hour))
			newCase(t, db, "@m:hs", "$two", now)
			newCase(t, db, "@other:hs", "$three", now)
			exp, err := db.Privacy().Export(ctx, "@m:hs")
			if err != nil || len(exp["case_opening"]) != 2 {
				t.Fatalf("export of case_opening: %v (%v); want two rows", exp["case_opening"], err)
			}
			if _, err := db.Privacy().Erase(ctx, "@m:hs", "", now); err != nil {
				t.Fatal(err)
			}
			since := now.Add(-storage.CaseOpeningKept)
			if n, err := db.Cases.OpenedSince(ctx, "@m:hs", since); err != nil || n != 2 {
				t.Fatalf("after the erasure OpenedSince = %d, %v; want 2", n, err)
			}
			if n, err := db.Cases.OpenedSince(ctx, "@other:hs", since); err != nil || n != 1 {
				t.Fatalf("the other member's OpenedSince = %d, %v; want 1", n, err)
			}
			key, err := db.Privacy().MemberKey(ctx, "@m:hs")
			pseudo, _ := db.Privacy().Pseudonym(ctx, "@m:hs")
			if err != nil || key == "" || strings.Contains(key, "@m:hs") || strings.Contains(pseudo, key) || strings.Contains(key, strings.TrimPrefix(pseudo, "gelöscht-")) {
				t.Fatalf("MemberKey %q (%v) names the member or equals the pseudonym %q", key, err, pseudo)
			}
			// A day after the newest opening nothing is kept.
			if err := db.Cases.PruneOpenings(ctx, now.Add(time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			if n, err := db.Cases.OpenedSince(ctx, "@m:hs", time.Time{}); err != nil || n != 0 {
				t.Fatalf("after pruning OpenedSince = %d, %v; want 0", n, err)
			}
		})
	}
}
