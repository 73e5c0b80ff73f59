package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestCaseDraftExpiry: an expired case draft loses the member's question
// at once, goes whole when it made no case offer, and keeps the event IDs
// of its offers CaseOfferMemory longer — the same by the support worker's
// PruneDrafts and by the hourly retention rule (review rvR12, findings 2
// and 6: the retention deleted the kept row within the hour, and rows
// without an offer kept who asked when for a week).
func TestCaseDraftExpiry(t *testing.T) {
	ttl := 30 * time.Minute
	for name, db := range openTestDBs(t) {
		for _, how := range []string{"prune", "retention"} {
			t.Run(name+"/"+how, func(t *testing.T) {
				ctx := context.Background()
				created := time.UnixMilli(1_800_000_000_000)
				offered := storage.CaseDraft{RoomID: "!dm", UserID: "@offered:t", Question: "mein passwort", Guides: []string{"konto/a.md"},
					AnswerEvent: "$answer", PromptEvent: "$prompt", EarlierPrompts: []string{"$older"}, Offered: true, CreatedAt: created}
				plain := storage.CaseDraft{RoomID: "!dm2", UserID: "@plain:t", Question: "kalender", AnswerEvent: "$a2", CreatedAt: created}
				fresh := storage.CaseDraft{RoomID: "!dm3", UserID: "@fresh:t", Question: "frisch", CreatedAt: created.Add(2 * time.Hour)}
				for _, d := range []storage.CaseDraft{offered, plain, fresh} {
					if err := db.Cases.PutDraft(ctx, d); err != nil {
						t.Fatal(err)
					}
				}
				expire := func(now time.Time) {
					t.Helper()
					var err error
					if how == "prune" {
						err = db.Cases.PruneDrafts(ctx, now.Add(-ttl))
					} else {
						_, err = db.Retention(ctx, storage.RetentionPolicy{Choices: ttl}, now, false)
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				get := func(d storage.CaseDraft) *storage.CaseDraft {
					t.Helper()
					got, err := db.Cases.Draft(ctx, d.RoomID, d.UserID, time.Time{})
					if err != nil {
						t.Fatal(err)
					}
					return got
				}
				expire(created.Add(ttl + time.Hour))
				got := get(offered)
				if got == nil || got.Question != "" || len(got.Guides) != 0 || got.AnswerEvent != "" ||
					got.PromptEvent != "$prompt" || len(got.EarlierPrompts) != 1 || !got.Offered {
					t.Fatalf("expired offered draft = %+v; want only its offers' event IDs", got)
				}
				if got := get(plain); got != nil {
					t.Fatalf("an expired draft without an offer is kept: %+v", got)
				}
				if got := get(fresh); got == nil || got.Question != "frisch" {
					t.Fatalf("a draft not yet expired changed: %+v", got)
				}
				expire(created.Add(ttl + storage.CaseOfferMemory + time.Minute))
				if got := get(offered); got != nil {
					t.Fatalf("the offer's event IDs are kept past CaseOfferMemory: %+v", got)
				}
			})
		}
	}
}
