package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestKeepAfterOptOut: a question whose handling read the opt-out before
// the member's !nicht-merken (their direct chat has a worker of its own,
// the question came in a group room) and keeps it after the opt-out's
// deletion of the kept questions is not kept: Keep reads the opt-out in
// its own transaction (learn34). Another member's question is kept.
func TestKeepAfterOptOut(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			g := db.Gaps()
			now := time.UnixMilli(1_800_000_000_000)
			keep := keeper(t, g)
			keep("$before", "@out:t", storage.FailedNone, "", now)
			if _, err := g.OptOut(ctx, "@out:t", now.Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			keep("$late", "@out:t", storage.FailedNone, "", now.Add(2*time.Second))
			keep("$answered", "@out:t", storage.FailedAnswer, "$ans", now.Add(2*time.Second))
			keep("$other", "@other:t", storage.FailedNone, "", now.Add(2*time.Second))
			for user, want := range map[string]int{"@out:t": 0, "@other:t": 1} {
				exp, err := db.Privacy().Export(ctx, user)
				if err != nil {
					t.Fatal(err)
				}
				if n := len(exp["failed_question"]); n != want {
					t.Errorf("%s: %d kept questions, want %d: %v", user, n, want, exp["failed_question"])
				}
			}
		})
	}
}
