package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestLearnedAddMeetsErasure (mend31c) runs a teaching and the member's
// erasure at the same time on PostgreSQL, in both orders, as the team
// room's and the member's workers do (lib31's own test runs them one after
// the other). An erasure that deleted the case and has not committed makes
// the teaching wait (FOR SHARE) and then refuse it with ErrCaseGone;
// without the lock the teaching reads the row as it was and stores the
// member's words after the erasure. A teaching that locked the case first
// makes the erasure wait, and the erasure's second learned_question step
// deletes what the teaching stored; without that step the question stays.
// CaseQuery.Exists waits the same way. SQLite writes one transaction at a
// time (_txlock=immediate).
func TestLearnedAddMeetsErasure(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55441)) to test PostgreSQL; CI sets it")
	}
	now := time.UnixMilli(1_790_000_000_000)
	add := func(ctx context.Context, member, origin string, caseID int64) error {
		_, _, err := db.Learned().Add(ctx, storage.LearnedQuestion{GuideID: "a.md", Question: "Wie geht das mit dem Raum " + origin + "?",
			Norm: "wie geht das mit dem raum " + origin, CaseID: caseID, TaughtBy: "@team:hs", TaughtAt: now,
			Source: storage.QuestionSource{Event: "$ask" + origin, Room: "!dm" + member, User: member}}, origin)
		return err
	}
	open := func(member string) int64 {
		c, _, err := db.Cases.Create(context.Background(), &storage.Case{MemberID: member, MemberRoom: "!dm" + member, Summary: "Frage"},
			"$ask"+member, "Wie geht das mit dem Raum?", now)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}

	// The erasure first: its deletion of the case is not committed yet.
	c1 := open("@m1:hs")
	err := whileHolding(t, db, "FROM support_case WHERE id", func(ctx context.Context) error {
		_, err := db.Lotse.Exec(ctx, `DELETE FROM support_case WHERE id=$1`, c1)
		return err
	}, func() error { return add(context.Background(), "@m1:hs", "$t1", c1) })
	if !errors.Is(err, storage.ErrCaseGone) {
		t.Fatalf("teaching while the case's deletion commits: %v, want ErrCaseGone", err)
	}

	// The same wait for a prompt or draft that looks at its case after
	// sending it (CaseQuery.Exists): the uncommitted deletion is waited for.
	c3 := open("@m3:hs")
	var here bool
	err = whileHolding(t, db, "FROM support_case WHERE id", func(ctx context.Context) error {
		_, err := db.Lotse.Exec(ctx, `DELETE FROM support_case WHERE id=$1`, c3)
		return err
	}, func() (err error) {
		here, err = db.Cases.Exists(context.Background(), c3)
		return err
	})
	if err != nil || here {
		t.Fatalf("the case is there while its deletion commits: %v (%v)", here, err)
	}

	// The teaching first: it holds the case and has stored the question.
	c2 := open("@m2:hs")
	err = whileHolding(t, db, "DELETE FROM support_case", func(ctx context.Context) error {
		return add(ctx, "@m2:hs", "$t2", c2)
	}, func() error {
		_, err := db.Privacy().Erase(context.Background(), "@m2:hs", "", now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.Learned().Count(context.Background()); err != nil || n != 0 {
		t.Fatalf("%d learned questions after the members' erasures (%v)", n, err)
	}
}
