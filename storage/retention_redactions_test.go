package storage_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// retentionFixture makes, at now, a case of member (closed at once, with
// its case message, a relayed message, an edit of it, a history that
// showed it) and a denied access request with its message in the
// approvals room. Its events are named after n ("$root1", …).
func retentionFixture(t *testing.T, db *storage.DB, now time.Time, n, member string) {
	t.Helper()
	ctx := context.Background()
	c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: member, MemberRoom: "!dm" + n + ":test", Summary: "Frage"}, "$origin"+n, "Frage", now)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Cases.SetTeamEvent(ctx, c.ID, "$root"+n); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$msg" + n, CaseID: c.ID, Kind: storage.MsgMember, Sender: member, Body: "hallo", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Cases.BeginEdit(ctx, "$msg"+n, "$edit"+n); err != nil {
		t.Fatal(err)
	}
	if err := db.Cases.Shown(ctx, "$history"+n, c.ID); err != nil {
		t.Fatal(err)
	}
	if ok, _, err := db.Cases.Close(ctx, c.ID, "@alice:test", now); err != nil || !ok {
		t.Fatalf("close: %v, %v", ok, err)
	}
	r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: member, MemberRoom: "!dm" + n + ":test", Kind: storage.AccessNextcloud,
		Target: "AG", Email: "m" + n + "@example.org", DisplayName: "M" + n, Reason: "weil"}, "$req"+n, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Access().SetApprovalsEvent(ctx, r.ID, "$approval"+n); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Access().Deny(ctx, r.ID, "@ben:test", "nein", storage.DenyWithReason, "$deny"+n, now); err != nil {
		t.Fatal(err)
	}
	// Lotse's edit of the request message and its note in the thread
	// (priv30); the edit recorded twice counts once.
	for _, ev := range []string{"$board" + n, "$note" + n, "$board" + n} {
		if err := db.Access().Shown(ctx, r.ID, ev); err != nil {
			t.Fatal(err)
		}
	}
}

func redactionNames(list []storage.CaseRedaction) []string {
	var got []string
	for _, r := range list {
		got = append(got, r.Kind+" "+r.EventID+" "+r.Cause)
	}
	slices.Sort(got)
	return got
}

// TestRetentionQueuesRoomRedactions (priv29): a case or access request
// deleted at the end of its retention period queues Lotse's own messages
// that show the member in the team and approvals room (the pieces an
// erasure queues), with the cause "retention" and read apart from the
// erasures'; a case or request still within its period queues nothing;
// the dry run counts the messages in words' reach and queues nothing;
// KeepRoomMessages queues nothing. Fails without the fix: retention
// deleted the rows and queued nothing, so the messages stayed in the
// rooms' history for good. On SQLite and PostgreSQL alike.
func TestRetentionQueuesRoomRedactions(t *testing.T) {
	day := 24 * time.Hour
	policy := storage.RetentionPolicy{Cases: 90 * day, Access: 365 * day}
	start := time.UnixMilli(1_700_000_000_000)
	now := start.Add(400 * day)
	for _, keep := range []bool{false, true} {
		for name, db := range openTestDBs(t) {
			t.Run(fmt.Sprintf("%s/keep=%v", name, keep), func(t *testing.T) {
				ctx := context.Background()
				retentionFixture(t, db, start, "1", "@anna:test")
				// Ben's case and request were closed a day ago: they stay.
				retentionFixture(t, db, now.Add(-day), "2", "@ben:test")
				p := policy
				p.KeepRoomMessages = keep

				res, err := db.Retention(ctx, p, now, true)
				if err != nil {
					t.Fatal(err)
				}
				counted := map[string]int64{}
				for _, r := range res {
					if r.Messages {
						counted[r.Table] = r.Rows
					}
				}
				want := map[string]int64{storage.TeamRoomMessages: 2, storage.ApprovalsRoomMessages: 3} // case message and history; request message, its edit and note
				if keep {
					want = map[string]int64{}
				}
				if len(counted) != len(want) || counted[storage.TeamRoomMessages] != want[storage.TeamRoomMessages] ||
					counted[storage.ApprovalsRoomMessages] != want[storage.ApprovalsRoomMessages] {
					t.Errorf("dry run counts room messages %v, want %v", counted, want)
				}
				if list, err := db.Cases.ExpiredRedactions(ctx, 100); err != nil || len(list) != 0 {
					t.Fatalf("the dry run queued %v, %v", list, err)
				}

				if _, err := db.Retention(ctx, p, now, false); err != nil {
					t.Fatal(err)
				}
				team, err := db.Cases.ExpiredRedactions(ctx, 100)
				if err != nil {
					t.Fatal(err)
				}
				approvals, err := db.Cases.ExpiredAccessRedactions(ctx, 100)
				if err != nil {
					t.Fatal(err)
				}
				wantTeam := []string{"edit $edit1 retention", "question $origin1 retention", "relay $msg1 retention", "root $root1 retention", "shown $history1 retention"}
				wantApprovals := []string{"access $approval1 retention", "access $board1 retention", "access $note1 retention"}
				if keep {
					wantTeam, wantApprovals = nil, nil
				}
				if got := redactionNames(team); !slices.Equal(got, wantTeam) {
					t.Errorf("queued in the team room %q, want %q", got, wantTeam)
				}
				if got := redactionNames(approvals); !slices.Equal(got, wantApprovals) {
					t.Errorf("queued in the approvals room %q, want %q", got, wantApprovals)
				}
				for _, r := range slices.Concat(team, approvals) {
					if !r.CreatedAt.Equal(now) || r.CaseID != 1 || (r.Kind == storage.RedactRoot && r.Version == 0) {
						t.Errorf("queued %+v, want case or request 1 at the retention's time (with the case's version)", r)
					}
					// The request message has the request's version; its
					// edit and note are only themselves (priv30).
					if shown := r.EventID != "$approval1"; r.Kind == storage.RedactAccess && shown != (r.Version == storage.AccessShownVersion) {
						t.Errorf("queued %+v: the version tells the request message from its edits and notes wrongly", r)
					}
				}
				// The erasures' queues hold none of them.
				if l, _ := db.Cases.Redactions(ctx, 100); len(l) != 0 {
					t.Errorf("the erasures' queue holds %v", l)
				}
				if l, _ := db.Cases.AccessRedactions(ctx, 100); len(l) != 0 {
					t.Errorf("the erasures' approvals queue holds %v", l)
				}
				// The rows are gone, Ben's are not.
				if c, err := db.Cases.Get(ctx, 1); err != nil || c != nil {
					t.Errorf("the expired case stayed: %+v, %v", c, err)
				}
				if c, err := db.Cases.Get(ctx, 2); err != nil || c == nil {
					t.Errorf("the fresh case went: %v", err)
				}
				if r, err := db.Access().Get(ctx, 2); err != nil || r == nil {
					t.Errorf("the fresh request went: %v", err)
				}
			})
		}
	}
}

// TestRetentionQueuesInItsTransaction (priv29): the queueing of an expired
// case's or request's room messages and the deletion of its rows are one
// transaction: when the queue cannot be written (here: its table is
// gone), the case and the request stay, to be deleted with their messages
// queued at the next run — never deleted with their event IDs lost, as a
// crash between two transactions would. Fails without the fix (the rows
// went, nothing was queued). On SQLite and PostgreSQL alike.
func TestRetentionQueuesInItsTransaction(t *testing.T) {
	day := 24 * time.Hour
	start := time.UnixMilli(1_700_000_000_000)
	now := start.Add(400 * day)
	for _, rule := range []struct {
		name   string
		policy storage.RetentionPolicy
	}{
		{"cases", storage.RetentionPolicy{Cases: 90 * day}},
		{"access", storage.RetentionPolicy{Access: 365 * day}},
	} {
		for name, db := range openTestDBs(t) {
			t.Run(rule.name+"/"+name, func(t *testing.T) {
				ctx := context.Background()
				retentionFixture(t, db, start, "1", "@anna:test")
				if _, err := db.Lotse.Exec(ctx, `DROP TABLE case_redaction`); err != nil {
					t.Fatal(err)
				}
				if _, err := db.Retention(ctx, rule.policy, now, false); err == nil {
					t.Error("retention deleted although it could not queue the room messages")
				}
				if c, err := db.Cases.Get(ctx, 1); err != nil || c == nil {
					t.Errorf("the case went without its room messages queued: %v", err)
				}
				if r, err := db.Access().Get(ctx, 1); err != nil || r == nil {
					t.Errorf("the request went without its room message queued: %v", err)
				}
			})
		}
	}
}

// TestErasureQueuesApprovalsRoomMessages (priv30, DSGVO Art. 17): an
// erasure queues, besides the member's request message, Lotse's edits of
// it and its notes in the request's thread that were recorded with the
// request (access_shown) — found by their IDs, not through sent_event,
// which inbox_retention may have forgotten — and another member's request
// keeps its own. The rows go with the request. Fails without the fix: only
// the request message was queued. On SQLite and PostgreSQL alike.
func TestErasureQueuesApprovalsRoomMessages(t *testing.T) {
	day := 24 * time.Hour
	now := time.UnixMilli(1_700_000_000_000)
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			retentionFixture(t, db, now, "1", "@anna:test")
			retentionFixture(t, db, now, "2", "@ben:test")
			// The record of sends is long gone.
			if _, err := db.Retention(ctx, storage.RetentionPolicy{Inbox: 7 * day}, now.Add(30*day), false); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Privacy().Erase(ctx, "@anna:test", "", now.Add(30*day)); err != nil {
				t.Fatal(err)
			}
			list, err := db.Cases.AccessRedactions(ctx, 100)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"access $approval1 erasure", "access $board1 erasure", "access $note1 erasure"}
			if got := redactionNames(list); !slices.Equal(got, want) {
				t.Errorf("the erasure queued %q in the approvals room, want %q", got, want)
			}
			var left int
			if err := db.Lotse.QueryRow(ctx, `SELECT COUNT(*) FROM access_shown`).Scan(&left); err != nil || left != 2 {
				t.Errorf("access_shown holds %d rows (%v), want Ben's 2", left, err)
			}
		})
	}
}
