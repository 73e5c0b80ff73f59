package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/upgrades"
)

// TestNumbersNeverReused: deleting the newest case, access request, round
// table or learned question (an erasure, retention, `!vergessen`) does not
// give its number to the next new row — transaction IDs and redaction
// lists are keyed by it (mend25a). A row an older binary made with
// MAX(id)+1 beside the counter is respected too.
func TestNumbersNeverReused(t *testing.T) {
	now := time.UnixMilli(1_790_000_000_000)
	type kind struct {
		name   string
		create func(ctx context.Context, db *storage.DB, n string) (int64, error)
		remove func(ctx context.Context, db *storage.DB, id int64) error
	}
	kinds := []kind{
		{"case", func(ctx context.Context, db *storage.DB, n string) (int64, error) {
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@m" + n + ":hs", MemberRoom: "!dm" + n, Summary: "Frage"}, "$case"+n, "Frage", now)
			if err != nil {
				return 0, err
			}
			return c.ID, nil
		}, func(ctx context.Context, db *storage.DB, id int64) error {
			c, err := db.Cases.Get(ctx, id)
			if err != nil {
				return err
			}
			if _, err := db.Privacy().Erase(ctx, c.MemberID, "", now); err != nil {
				return err
			}
			// The redactions were made (FinishErasures): nothing of the
			// case is left.
			_, err = db.Lotse.Exec(ctx, `DELETE FROM case_redaction`)
			return err
		}},
		{"access", func(ctx context.Context, db *storage.DB, n string) (int64, error) {
			r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: "@m" + n + ":hs", MemberRoom: "!dm" + n, Kind: storage.AccessNextcloud,
				Target: "AG", Email: "m@example.org", DisplayName: "M", Reason: "weil"}, "$req"+n, now)
			if err != nil {
				return 0, err
			}
			return r.ID, nil
		}, func(ctx context.Context, db *storage.DB, id int64) error {
			r, err := db.Access().Get(ctx, id)
			if err != nil {
				return err
			}
			if _, err := db.Privacy().Erase(ctx, r.MemberID, "", now); err != nil {
				return err
			}
			_, err = db.Lotse.Exec(ctx, `DELETE FROM access_audit`)
			return err
		}},
		{"roundtable", func(ctx context.Context, db *storage.DB, n string) (int64, error) {
			rt, _, err := db.RoundTables.Create(ctx, &storage.RoundTable{Title: "Runde " + n, Start: now.Add(time.Hour), Duration: time.Hour,
				Coordinator: "@c:hs", OriginEvent: "$rt" + n, OriginRoom: "!dm:hs"}, now)
			if err != nil {
				return 0, err
			}
			return rt.ID, nil
		}, func(ctx context.Context, db *storage.DB, id int64) error {
			// As retention deletes an ended round table.
			_, err := db.Lotse.Exec(ctx, `DELETE FROM roundtable WHERE id=$1`, id)
			return err
		}},
		{"learned", func(ctx context.Context, db *storage.DB, n string) (int64, error) {
			l, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "a.md", Question: "Frage " + n, Norm: "frage " + n,
				TaughtBy: "@t:hs", TaughtAt: now}, "$teach"+n)
			if err != nil {
				return 0, err
			}
			return l.ID, nil
		}, func(ctx context.Context, db *storage.DB, id int64) error {
			_, err := db.Learned().Delete(ctx, id)
			return err
		}},
	}
	for name, db := range openTestDBs(t) {
		for _, k := range kinds {
			t.Run(name+"/"+k.name, func(t *testing.T) {
				ctx := context.Background()
				for i, n := range []string{"1", "2"} {
					if id, err := k.create(ctx, db, n); err != nil || id != int64(i+1) {
						t.Fatalf("create %s: %d %v", n, id, err)
					}
				}
				if err := k.remove(ctx, db, 2); err != nil {
					t.Fatal(err)
				}
				if id, err := k.create(ctx, db, "3"); err != nil || id != 3 {
					t.Fatalf("after deleting the newest: number %d (%v), want 3", id, err)
				}
				// An older binary (v15) beside this one made rows with
				// MAX(id)+1 and left the counter behind them.
				if _, err := db.Lotse.Exec(ctx, `UPDATE id_counter SET value=1 WHERE name=$1`, k.name); err != nil {
					t.Fatal(err)
				}
				if id, err := k.create(ctx, db, "4"); err != nil || id != 4 {
					t.Fatalf("with the counter behind the rows: number %d (%v), want 4", id, err)
				}
			})
		}
	}
}

// TestUpgradeSeedsIDCounters: a v15 database whose newest case was erased
// (its redaction list still pending) and whose newest round table left
// only its sends gives out numbers above them after the upgrade to v16.
func TestUpgradeSeedsIDCounters(t *testing.T) {
	if len(upgrades.Table) < 16 {
		t.Fatalf("%d upgrades, want at least 16", len(upgrades.Table))
	}
	now := time.UnixMilli(1_790_000_000_000)
	for name, uri := range testDBURIs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := openNotUpgraded(t, uri)
			db.Lotse.UpgradeTable = upgrades.Table[:15]
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				`INSERT INTO support_case (id, member_id, member_room, summary, origin_event, created_at, updated_at, status_at)
					VALUES (4, '@m:hs', '!dm', 'Frage', '$c4', 1, 1, 1)`,
				`INSERT INTO case_redaction (kind, event_id, case_id, version, created_at) VALUES ('root', '$team7', 7, 3, 1)`,
				`INSERT INTO roundtable_sent (key, roundtable_id, sent_at) VALUES ('5|@a:hs|reminder|1', 5, 1)`,
				`INSERT INTO access_audit (key, request_id, at, actor, action) VALUES ('k6', 6, 1, '', 'create')`,
			} {
				if _, err := db.Lotse.Exec(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			db.Lotse.UpgradeTable = upgrades.Table
			if err := db.Upgrade(ctx); err != nil {
				t.Fatal(err)
			}
			c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: "@n:hs", MemberRoom: "!dm2", Summary: "Neu"}, "$new", "Neu", now)
			if err != nil || c.ID != 8 {
				t.Fatalf("case after the upgrade: %+v %v, want number 8", c, err)
			}
			rt, _, err := db.RoundTables.Create(ctx, &storage.RoundTable{Title: "Neu", Start: now.Add(time.Hour), Duration: time.Hour,
				Coordinator: "@c:hs", OriginEvent: "$rt", OriginRoom: "!dm:hs"}, now)
			if err != nil || rt.ID != 6 {
				t.Fatalf("round table after the upgrade: %+v %v, want number 6", rt, err)
			}
			r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: "@n:hs", MemberRoom: "!dm2", Kind: storage.AccessNextcloud,
				Target: "AG", Email: "n@example.org", DisplayName: "N", Reason: "weil"}, "$req", now)
			if err != nil || r.ID != 7 {
				t.Fatalf("access request after the upgrade: %+v %v, want number 7", r, err)
			}
		})
	}
}
