package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestAuditActionsSince (acc34): counts one request's entries of one
// action from a time on, not other requests', actions' or older ones.
func TestAuditActionsSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
			q := db.Access()
			for i, e := range []struct {
				req    int64
				action string
				ago    time.Duration
			}{{1, "join-link", 0}, {1, "join-link", 59 * time.Minute}, {1, "join-link", 61 * time.Minute}, {1, "error", 0}, {2, "join-link", 0}} {
				if err := q.Audit(ctx, storage.AuditEntry{Key: fmt.Sprintf("k%d", i), RequestID: e.req, At: now.Add(-e.ago), Actor: "@m:test", Action: e.action}); err != nil {
					t.Fatal(err)
				}
			}
			if n, err := q.AuditActionsSince(ctx, 1, "join-link", now.Add(-time.Hour)); err != nil || n != 2 {
				t.Fatalf("AuditActionsSince = %d, %v; want 2", n, err)
			}
		})
	}
}
