package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// newNextcloudRequest files the Nextcloud request the access tests start
// from: member @m:test in !dm:test asks for the group „AG“, needing
// `needed` approvals, filed by the event origin at now.
func newNextcloudRequest(t *testing.T, q *storage.AccessQuery, needed int, origin string, now time.Time) *storage.AccessRequest {
	t.Helper()
	r, _, err := q.Create(context.Background(), &storage.AccessRequest{MemberID: "@m:test", MemberRoom: "!dm:test", Kind: storage.AccessNextcloud,
		Target: "AG", Email: "m@example.org", Reason: "weil", Needed: needed}, origin, now)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
