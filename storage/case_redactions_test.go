package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestEraseQueuesTeamRedactions (case25): the erasure queues, in its own
// transaction, the team-room pieces of the member's cases (case message
// with its version, origin, relayed messages, applied edits, the events
// that showed it) and nothing
// of another member's case; the queue's rows go one by one. On SQLite and
// PostgreSQL alike.
func TestEraseQueuesTeamRedactions(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			for i, who := range []string{"@anna:test", "@ben:test"} {
				n := string(rune('1' + i))
				c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: who, MemberRoom: "!dm" + n + ":test", Summary: "Frage"}, "$origin"+n, "Frage", now)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.Cases.SetTeamEvent(ctx, c.ID, "$root"+n); err != nil {
					t.Fatal(err)
				}
				for _, m := range []storage.CaseMessage{
					{SourceEvent: "$msg" + n, CaseID: c.ID, Kind: storage.MsgMember, Sender: who, Body: "hallo", CreatedAt: now},
					{SourceEvent: "$note" + n, CaseID: c.ID, Kind: storage.MsgNote, Sender: "@alice:test", Body: "intern", CreatedAt: now},
				} {
					if _, _, err := db.Cases.AddMessage(ctx, m); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := db.Cases.BeginEdit(ctx, "$msg"+n, "$edit"+n); err != nil {
					t.Fatal(err)
				}
				if _, _, err := db.Cases.Claim(ctx, c.ID, "@alice:test", now); err != nil {
					t.Fatal(err)
				}
				// A list of both cases, and a history of this one (twice: once).
				if err := db.Cases.Shown(ctx, "$history"+n, c.ID); err != nil {
					t.Fatal(err)
				}
				if err := db.Cases.Shown(ctx, "$history"+n, c.ID, 99); err != nil { // 99: no such case
					t.Fatal(err)
				}
			}
			if err := db.Cases.Shown(ctx, "$list", 1, 2); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Privacy().Erase(ctx, "@anna:test", "", now); err != nil {
				t.Fatal(err)
			}
			list, err := db.Cases.Redactions(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range list {
				got = append(got, r.Kind+" "+r.EventID)
				if r.CaseID != 1 || (r.Kind == storage.RedactRoot && r.Version != 2) {
					t.Errorf("queued %+v, want case 1 (version 2 for the root)", r)
				}
			}
			slices.Sort(got)
			want := []string{"edit $edit1", "question $origin1", "relay $msg1", "root $root1", "shown $history1", "shown $list"}
			if !slices.Equal(got, want) {
				t.Fatalf("queued %q, want %q", got, want)
			}
			for _, r := range list {
				if err := db.Cases.RedactionDone(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if left, err := db.Cases.Redactions(ctx, 10); err != nil || len(left) != 0 {
				t.Errorf("left after done: %v, %v", left, err)
			}
		})
	}
}

// TestEditSolutionAndDrafts (case25): a solution's edit changes the stored
// answer and the resolve event together, not an erased one; a guide draft
// is found from its time on.
func TestEditSolutionAndDrafts(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@anna:test", MemberRoom: "!dm:test", Summary: "Frage"}, "$origin", "Frage", now)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.Resolve(ctx, c.ID, "@alice:test", "alt", now); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$cmd", CaseID: c.ID, Kind: storage.MsgAnswer,
				Sender: "@alice:test", Body: "alt", CreatedAt: now}); err != nil {
				t.Fatal(err)
			}
			if ok, err := db.Cases.EditSolution(ctx, c.ID, "$cmd", "@bob:test", "alt", "Bob"); err != nil || ok {
				t.Fatalf("someone else's edit: %v, %v", ok, err)
			}
			if ok, err := db.Cases.EditSolution(ctx, c.ID, "$cmd", "@alice:test", "alt", "neu"); err != nil || !ok {
				t.Fatalf("the author's edit: %v, %v", ok, err)
			}
			events, err := db.Cases.Events(ctx, c.ID)
			if err != nil || events[len(events)-1].Detail != "neu" {
				t.Fatalf("resolve event: %+v, %v", events, err)
			}
			if drafted, err := db.Cases.DraftedSince(ctx, c.ID, now); err != nil || drafted {
				t.Fatalf("drafted before any draft: %v, %v", drafted, err)
			}
			if err := db.Cases.MarkDrafted(ctx, c.ID, now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if err := db.Cases.MarkDrafted(ctx, c.ID, now); err != nil { // an older mark changes nothing
				t.Fatal(err)
			}
			if drafted, err := db.Cases.DraftedSince(ctx, c.ID, now.Add(time.Minute)); err != nil || !drafted {
				t.Fatalf("draft not found: %v, %v", drafted, err)
			}
			if drafted, err := db.Cases.DraftedSince(ctx, c.ID, now.Add(2*time.Minute)); err != nil || drafted {
				t.Fatalf("a draft before the solution counted: %v, %v", drafted, err)
			}
		})
	}
}
