package storage_test

import (
	"context"
	"testing"
	"time"

	"go.mau.fi/util/dbutil"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestAccessCausesStored: a denial and a failed set-up keep their cause
// as a code beside the texts; approving again and setting it up clear the
// failure's code with its text.
func TestAccessCausesStored(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_700_000_000_000)
			create := func(origin string) *storage.AccessRequest {
				t.Helper()
				r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: "AG " + origin},
					origin, now)
				if err != nil {
					t.Fatal(err)
				}
				return r
			}
			for _, tt := range []struct {
				reason string
				how    storage.DenyCause
			}{
				{"ohne Begründung (per Reaktion)", storage.DenyNoReason},
				// A reason that reads like another language's note stays a reason.
				{"no reason given (by reaction)", storage.DenyWithReason},
			} {
				r := create("$deny-" + string(tt.how))
				ok, after, err := q.Deny(ctx, r.ID, "@a:hs", tt.reason, tt.how, "$d-"+string(tt.how), now)
				if err != nil || !ok || after.DenyCause != tt.how || after.DenyReason != tt.reason {
					t.Fatalf("deny %q: %v %+v %v", tt.how, ok, after, err)
				}
				if got, _ := q.Get(ctx, r.ID); got.DenyCause != tt.how || got.FailCause != "" {
					t.Fatalf("read back: %+v", got)
				}
			}

			r := create("$fail")
			if _, _, err := q.Approve(ctx, r.ID, "@a:hs", "$ap1", now); err != nil {
				t.Fatal(err)
			}
			if err := q.RetryLater(ctx, r.ID, 1, "vorübergehend", storage.FailOther, now.Add(time.Minute), now); err != nil {
				t.Fatal(err)
			}
			if got, _ := q.Get(ctx, r.ID); got.FailCause != storage.FailOther || got.LastError != "vorübergehend" {
				t.Fatalf("after a retry: %+v", got)
			}
			ok, after, err := q.Fail(ctx, r.ID, "Raum vergeben", storage.FailRoomTaken, now)
			if err != nil || !ok || after.FailCause != storage.FailRoomTaken || after.LastError != "Raum vergeben" || after.DenyCause != "" {
				t.Fatalf("fail: %v %+v %v", ok, after, err)
			}
			if _, after, _ := q.Approve(ctx, r.ID, "@a:hs", "$ap2", now); after.Status != storage.AccessApproved || after.FailCause != "" || after.LastError != "" {
				t.Fatalf("approved again: %+v", after)
			}
			if err := q.RetryLater(ctx, r.ID, 1, "mehrdeutig", storage.FailByHand, now.Add(time.Minute), now); err != nil {
				t.Fatal(err)
			}
			if _, after, _ := q.Provisioned(ctx, r.ID, "room x", now); after.Status != storage.AccessProvisioned || after.FailCause != "" || after.LastError != "" {
				t.Fatalf("provisioned: %+v", after)
			}
		})
	}
}

// TestUpgradeKeepsAccessRequests: a database at schema v12 upgrades to v13
// with its access requests as they were; their causes are unknown ("") so
// that the texts keep telling them (commands/access).
func TestUpgradeKeepsAccessRequests(t *testing.T) {
	uris := testDBURIs(t)
	if len(upgrades.Table) < 13 {
		t.Fatalf("%d upgrades, want at least 13 (this test builds a v12 database)", len(upgrades.Table))
	}
	for name, uri := range uris {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := openNotUpgraded(t, uri)
			// The schema as v12 left it.
			db.Lotse.UpgradeTable = upgrades.Table[:12]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			// Not dbutil's ColumnExists: on PostgreSQL it looks in every
			// schema, and another test's schema at v13 made this fail now
			// and then.
			q := "SELECT EXISTS(SELECT 1 FROM pragma_table_info($1) WHERE name=$2)"
			if db.Lotse.Dialect == dbutil.Postgres {
				q = "SELECT EXISTS(SELECT 1 FROM information_schema.columns WHERE table_schema=current_schema() AND table_name=$1 AND column_name=$2)"
			}
			var ok bool
			if err := db.Lotse.QueryRow(ctx, q, "access_request", "deny_cause").Scan(&ok); err != nil || ok {
				t.Fatalf("deny_cause at v12: %v %v", ok, err)
			}
			const insert = `INSERT INTO access_request (id, member_id, member_room, kind, target, status, decided_by, deny_reason, last_error,
				origin_event, created_at, updated_at) VALUES ($1, '@m:hs', '!dm', 'bbb', $2, $3, '@a:hs', $4, $5, $6, 1, 2)`
			rows := []struct {
				id                         int64
				status, denyReason, errTxt string
			}{
				{1, "denied", "ohne Begründung (per Reaktion)", ""},
				{2, "failed", "", "Einen BigBlueButton-Raum mit diesem Namen hat schon ein anderes Mitglied."},
				{3, "pending", "", ""},
			}
			for _, r := range rows {
				if _, err := db.Lotse.Exec(ctx, insert, r.id, "Raum "+r.status, r.status, r.denyReason, r.errTxt, "$o"+r.status); err != nil {
					t.Fatal(err)
				}
			}

			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			var version int
			if err := db.Lotse.QueryRow(ctx, `SELECT version FROM lotse_version`).Scan(&version); err != nil || version != len(upgrades.Table) {
				t.Fatalf("schema version %d, %v", version, err)
			}
			for _, want := range rows {
				got, err := db.Access().Get(ctx, want.id)
				if err != nil || got == nil {
					t.Fatalf("request %d after the upgrade: %v", want.id, err)
				}
				if string(got.Status) != want.status || got.DenyReason != want.denyReason || got.LastError != want.errTxt ||
					got.Target != "Raum "+want.status || got.DecidedBy != "@a:hs" {
					t.Errorf("request %d changed: %+v", want.id, got)
				}
				if got.DenyCause != "" || got.FailCause != "" {
					t.Errorf("request %d has a cause it never had: %q %q", want.id, got.DenyCause, got.FailCause)
				}
			}
			// The new columns take codes.
			if ok, after, err := db.Access().Deny(ctx, 3, "@a:hs", "kein Mitglied", storage.DenyWithReason, "$d3", time.UnixMilli(3)); err != nil || !ok ||
				after.DenyCause != storage.DenyWithReason {
				t.Fatalf("deny after the upgrade: %v %+v %v", ok, after, err)
			}
		})
	}
}
