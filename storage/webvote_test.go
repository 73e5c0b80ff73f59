package storage_test

import (
	"context"
	"testing"
)

// TestWebVoteCountsWithoutPersonalData: a vote from a guide's web page
// changes only the guide's counters — no vote row, nothing about a person.
func TestWebVoteCountsWithoutPersonalData(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for _, helpful := range []bool{true, true, false} {
				if err := db.Feedback.WebVote(ctx, "konto/passwort.md", helpful); err != nil {
					t.Fatal(err)
				}
			}
			stats, _, err := db.Feedback.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(stats) != 1 || stats[0].Helpful != 2 || stats[0].Unhelpful != 1 || stats[0].Shown != 0 {
				t.Fatalf("stats %+v", stats)
			}
			var votes int
			if err := db.Lotse.QueryRow(ctx, `SELECT COUNT(*) FROM answer_vote`).Scan(&votes); err != nil {
				t.Fatal(err)
			}
			if votes != 0 {
				t.Fatalf("%d vote rows with a person", votes)
			}
		})
	}
}
