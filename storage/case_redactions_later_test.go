package storage_test

import (
	"context"
	"testing"

	"github.com/lotse-bot/lotse/storage"
)

// TestRedactionLater (mend25a): a queued redaction that failed goes
// behind every other queued one, on SQLite and PostgreSQL.
func TestRedactionLater(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i, ev := range []string{"$a", "$b", "$c"} {
				if _, err := db.Lotse.Exec(ctx, `INSERT INTO case_redaction (kind, event_id, case_id, version, created_at) VALUES ('shown', $1, 1, 0, $2)`,
					ev, 10+i); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Cases.RedactionLater(ctx, storage.CaseRedaction{Kind: storage.RedactShown, EventID: "$a"}); err != nil {
				t.Fatal(err)
			}
			list, err := db.Cases.Redactions(ctx, 10)
			if err != nil || len(list) != 3 || list[0].EventID != "$b" || list[1].EventID != "$c" || list[2].EventID != "$a" {
				t.Fatalf("queue after RedactionLater: %+v %v, want $b, $c, $a", list, err)
			}
		})
	}
}
