package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAccessOpenLimitConcurrent: a member at one below the limit of open
// requests confirms several requests at the same moment (from several
// chats). Exactly one is filed; the others are refused with the number of
// open requests. Counted before the transaction that files the request,
// all of them passed (security pass 23). A confirmation that filed its
// request already gets it back, also at the limit (a retry after a crash).
func TestAccessOpenLimitConcurrent(t *testing.T) {
	const limit, racers = 5, 8
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Access()
			now := time.UnixMilli(1_790_000_000_000)
			request := func(target string) *storage.AccessRequest {
				return &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: target}
			}
			for i := range limit - 1 {
				if _, _, err := q.CreateBounded(ctx, request(fmt.Sprint("Raum ", i)), fmt.Sprint("$before", i), now, limit); err != nil {
					t.Fatal(err)
				}
			}
			// Another member's requests do not count.
			if _, _, err := q.Create(ctx, &storage.AccessRequest{MemberID: "@n:hs", MemberRoom: "!dm2", Kind: storage.AccessBBB, Target: "X"}, "$other", now); err != nil {
				t.Fatal(err)
			}
			var (
				start   = make(chan struct{})
				wg      sync.WaitGroup
				mu      sync.Mutex
				created []string
				refused int
			)
			for i := range racers {
				wg.Go(func() {
					<-start
					origin := fmt.Sprint("$race", i)
					_, ok, err := q.CreateBounded(ctx, request(origin), origin, now, limit)
					var full *storage.OpenLimitError
					mu.Lock()
					defer mu.Unlock()
					switch {
					case errors.As(err, &full) && full.Open == limit:
						refused++
					case err != nil:
						t.Errorf("%s: %v", origin, err)
					case ok:
						created = append(created, origin)
					}
				})
			}
			close(start)
			wg.Wait()
			if len(created) != 1 || refused != racers-1 {
				t.Errorf("%d filed (%v), %d refused; want 1 and %d", len(created), created, refused, racers-1)
			}
			if n, err := q.PendingOf(ctx, "@m:hs"); err != nil || n != limit {
				t.Errorf("%d open requests (%v), want %d", n, err, limit)
			}
			if len(created) == 0 {
				return
			}
			again, ok, err := q.CreateBounded(ctx, request("anders"), created[0], now, limit)
			if err != nil || ok || again.Target != created[0] {
				t.Errorf("the filed confirmation again: %+v created=%v %v, want its request back", again, ok, err)
			}
		})
	}
}

// TestAccessOpenLimitWaitsForOpenCreation: on PostgreSQL (READ COMMITTED)
// a creation whose transaction has not committed yet holds the member's
// last place: a second creation waits for it and is then refused, instead
// of counting the committed rows only (security pass 23). SQLite writes
// one transaction at a time (_txlock=immediate); the test above covers both.
func TestAccessOpenLimitWaitsForOpenCreation(t *testing.T) {
	db, ok := openTestDBs(t)["postgres"]
	if !ok {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg 55444)) to test PostgreSQL; CI sets it")
	}
	ctx := context.Background()
	q := db.Access()
	now := time.UnixMilli(1_790_000_000_000)
	request := func(target string) *storage.AccessRequest {
		return &storage.AccessRequest{MemberID: "@m:hs", MemberRoom: "!dm", Kind: storage.AccessBBB, Target: target}
	}
	if _, _, err := q.CreateBounded(ctx, request("Erster"), "$c1", now, 2); err != nil {
		t.Fatal(err)
	}
	err := whileHolding(t, db, "access_request", func(ctx context.Context) error {
		_, _, err := q.CreateBounded(ctx, request("Zweiter"), "$c2", now, 2)
		return err
	}, func() error {
		_, _, err := q.CreateBounded(context.Background(), request("Dritter"), "$c3", now, 2)
		return err
	})
	var full *storage.OpenLimitError
	if !errors.As(err, &full) || full.Open != 2 {
		t.Errorf("third request: %v, want refused at 2 open", err)
	}
	if n, _ := q.PendingOf(ctx, "@m:hs"); n != 2 {
		t.Errorf("%d open requests, want 2", n)
	}
}
