package storage_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessClaimAgainstLateDeny (mend34a): an approved request waits for
// its retry; the worker claims the due attempt while a denial and a
// hurried retry whose clock was read earlier (the attempt still ahead of
// it) reach the row at the same moment. Exactly one side wins, on SQLite
// and PostgreSQL: never a denied request whose attempt runs, nor a claim
// lost without a denial. After the claim, a stale denial and RetryNow are
// refused; the worker's outcome sets the next attempt again.
func TestAccessClaimAgainstLateDeny(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			next := now.Add(time.Minute)
			stale := next.Add(-time.Second)
			for i := range 12 {
				r, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: fmt.Sprintf("@m%d:test", i), MemberRoom: "!dm:test", Kind: storage.AccessNextcloud,
					Target: "AG", Email: fmt.Sprintf("m%d@example.org", i), Reason: "weil", Needed: 1}, fmt.Sprintf("$req%d", i), now)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := q.Approve(ctx, r.ID, "@b:test", fmt.Sprintf("$ok%d", i), now); err != nil {
					t.Fatal(err)
				}
				if err := q.RetryLater(ctx, r.ID, 1, "down", storage.FailOther, next, now); err != nil {
					t.Fatal(err)
				}
				var (
					wg               sync.WaitGroup
					claimed, denied  bool
					cerr, derr, rerr error
				)
				wg.Add(3)
				go func() { defer wg.Done(); claimed, cerr = q.Claim(ctx, r.ID, next) }()
				go func() {
					defer wg.Done()
					denied, _, derr = q.Deny(ctx, r.ID, "@a:test", "nein", storage.DenyWithReason, fmt.Sprintf("$no%d", i), stale)
				}()
				go func() {
					defer wg.Done()
					_, _, rerr = q.RetryNow(ctx, r.ID, "@a:test", fmt.Sprintf("$now%d", i), stale)
				}()
				wg.Wait()
				for _, err := range []error{cerr, derr, rerr} {
					if err != nil {
						t.Fatal(err)
					}
				}
				if claimed == denied {
					t.Fatalf("request %d: claimed %v, denied %v; want exactly one", i, claimed, denied)
				}
				after, _ := q.Get(ctx, r.ID)
				if claimed {
					if after.Status != storage.AccessApproved {
						t.Fatalf("request %d claimed, then %s", i, after.Status)
					}
					if ok, _, _ := q.Deny(ctx, r.ID, "@a:test", "nein", storage.DenyWithReason, fmt.Sprintf("$late%d", i), stale); ok {
						t.Fatalf("request %d: a stale denial after the claim went through", i)
					}
					if ok, _, _ := q.RetryNow(ctx, r.ID, "@a:test", fmt.Sprintf("$latenow%d", i), stale); ok {
						t.Fatalf("request %d: a stale RetryNow after the claim went through", i)
					}
					if err := q.RetryLater(ctx, r.ID, 2, "down", storage.FailOther, next.Add(time.Hour), next); err != nil {
						t.Fatal(err)
					}
					if got, _ := q.Get(ctx, r.ID); !got.NextAttempt.Equal(next.Add(time.Hour)) {
						t.Fatalf("request %d: next attempt %v after the outcome", i, got.NextAttempt)
					}
				} else if after.Status != storage.AccessDenied {
					t.Fatalf("request %d denied, then %s", i, after.Status)
				}
			}
		})
	}
}
