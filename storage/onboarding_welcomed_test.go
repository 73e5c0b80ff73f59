package storage_test

import (
	"context"
	"testing"
	"time"
)

// TestWelcomedSince (mend27a): the welcomes of a day are counted per
// server and for all servers but Lotse's own together; a welcome before
// the window, a member not welcomed and a server name that only ends like
// another, or holds LIKE's wildcards, do not count.
func TestWelcomedSince(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			q := db.Onboarding()
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			welcome := func(user string, at time.Time) {
				if _, err := q.Seen(ctx, user, "!dm-"+user, at); err != nil {
					t.Fatal(err)
				}
				if err := q.MarkWelcomed(ctx, user, at); err != nil {
					t.Fatal(err)
				}
			}
			welcome("@a:evil.test", now)
			welcome("@b:evil.test", now.Add(-time.Hour))
			welcome("@old:evil.test", now.Add(-48*time.Hour))
			welcome("@c:notevil.test", now)
			welcome("@d:evil_test", now)
			welcome("@e:own.test", now)
			if _, err := q.Seen(ctx, "@quiet:evil.test", "", now); err != nil { // seen, never welcomed
				t.Fatal(err)
			}
			since := now.Add(-24 * time.Hour)
			for _, tt := range []struct {
				server      string
				onServer    int
				wantForeign int
			}{
				{"evil.test", 2, 4},
				{"notevil.test", 1, 4},
				{"evil_test", 1, 4},
				{"evil%", 0, 4},
				{"own.test", 1, 4},
			} {
				on, foreign, err := q.WelcomedSince(ctx, since, tt.server, "own.test")
				if err != nil || on != tt.onServer || foreign != tt.wantForeign {
					t.Errorf("WelcomedSince(%s) = %d, %d, %v; want %d, %d", tt.server, on, foreign, err, tt.onServer, tt.wantForeign)
				}
			}
		})
	}
}
