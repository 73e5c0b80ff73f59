package storage_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestSentKeyedAndOldRowsFound: with a key, sent_event holds no transaction
// ID as the bot made it (an unkeyed hash of a notice key can be confirmed by
// anyone who guesses the Matrix ID in it); rows an older version wrote
// unkeyed are rekeyed at start and still found, completed and begun, so a
// send of before the upgrade is neither repeated nor lost.
func TestSentKeyedAndOldRowsFound(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.UnixMilli(1_700_000_000_000)
			const (
				oldDone  = "lotse.0123456789abcdef01234567" // a welcome of before the upgrade
				oldBegun = "lotse.89abcdef0123456789abcdef" // begun, outcome unknown
				newTxn   = "lotse.fedcba9876543210fedcba98"
			)
			// An older version (no key) wrote these.
			if err := db.Inbox.RecordSent(ctx, storage.SentEvent{TxnID: oldDone, EventID: "$welcome", RoomID: "!dm", SentAt: now}); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.BeginSend(ctx, oldBegun, "!team", now); err != nil {
				t.Fatal(err)
			}
			db.SetSentKey([]byte("0123456789abcdef0123456789abcdef"))
			n, err := db.Inbox.RekeySent(ctx)
			if err != nil || n != 2 {
				t.Fatalf("RekeySent = %d, %v; want 2 rows rekeyed", n, err)
			}
			if n, err := db.Inbox.RekeySent(ctx); err != nil || n != 0 {
				t.Fatalf("second RekeySent = %d, %v; want nothing left to do", n, err)
			}
			if err := db.Inbox.RecordSent(ctx, storage.SentEvent{TxnID: newTxn, EventID: "$new", RoomID: "!dm", SentAt: now}); err != nil {
				t.Fatal(err)
			}
			if err := db.Inbox.Commit(ctx, nil, []storage.SentEvent{{TxnID: newTxn, EventID: "$other", RoomID: "!dm", SentAt: now}}, "s1"); err != nil {
				t.Fatal(err)
			}

			// The old send is found under its transaction ID, so not sent again.
			if got, err := db.Inbox.SentEventID(ctx, oldDone); err != nil || got != "$welcome" {
				t.Fatalf("SentEventID(old) = %q, %v; want $welcome", got, err)
			}
			if se, err := db.Inbox.SentEvent(ctx, newTxn); err != nil || se == nil || se.EventID != "$new" || se.TxnID != newTxn {
				t.Fatalf("SentEvent(new) = %+v, %v; want $new under %s", se, err, newTxn)
			}
			// The begun send is listed (in stored form, which the Sender
			// keys its open sends by) and settles by that form.
			open, err := db.Inbox.OpenSends(ctx, now.Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			stored := db.Inbox.StoredTxnID(oldBegun)
			if len(open) != 1 || open[stored] != "!team" {
				t.Fatalf("OpenSends = %v, want %s in !team", open, stored)
			}
			if err := db.Inbox.SettleSend(ctx, stored, now.Add(time.Second)); err != nil {
				t.Fatal(err)
			}
			if open, err := db.Inbox.OpenSends(ctx, now.Add(-time.Hour)); err != nil || len(open) != 0 {
				t.Fatalf("OpenSends after settling = %v, %v; want none", open, err)
			}

			// What a copy of the database shows: no transaction ID as made.
			rows, err := db.Lotse.Query(ctx, `SELECT txn_id FROM sent_event`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var txns []string
			for rows.Next() {
				var txn string
				if err := rows.Scan(&txn); err != nil {
					t.Fatal(err)
				}
				txns = append(txns, txn)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if len(txns) != 2 {
				t.Fatalf("sent_event holds %v, want 2 rows", txns)
			}
			for _, txn := range txns {
				if strings.HasPrefix(txn, "lotse.") || slices.Contains([]string{oldDone, oldBegun, newTxn}, txn) {
					t.Fatalf("sent_event holds %q unkeyed", txn)
				}
			}
		})
	}
}

// TestRekeySentInBatches: a large sent_event of an older version is rekeyed
// in batches, each in its own transaction, so a start stopped half-way
// (here: its context ends after the first batch, as a SIGKILL or the query
// timeout would end it) keeps what it did and the next start rekeys only
// the rest (mend23c: one transaction for every row ran into the query
// timeout on a large inbox at every start, and Lotse never started).
func TestRekeySentInBatches(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			now := time.UnixMilli(1_700_000_000_000)
			var txns []string
			for i := range 5 {
				txn := fmt.Sprintf("lotse.%024x", i)
				txns = append(txns, txn)
				if err := db.Inbox.RecordSent(t.Context(), storage.SentEvent{TxnID: txn, EventID: fmt.Sprintf("$e%d", i), RoomID: "!dm", SentAt: now}); err != nil {
					t.Fatal(err)
				}
			}
			db.SetSentKey([]byte("0123456789abcdef0123456789abcdef"))
			ctx, stop := context.WithCancel(t.Context())
			defer storage.SetRekeyBatchForTest(2, stop)()
			if n, err := db.Inbox.RekeySent(ctx); err == nil || n != 2 {
				t.Fatalf("RekeySent stopped after one batch = %d, %v; want 2 rows and the context's error", n, err)
			}
			keyed := func() int {
				var k int
				if err := db.Lotse.QueryRow(t.Context(), `SELECT COUNT(*) FROM sent_event WHERE txn_id LIKE 'k1:%'`).Scan(&k); err != nil {
					t.Fatal(err)
				}
				return k
			}
			if k := keyed(); k != 2 {
				t.Fatalf("%d rows keyed after the stopped start; want the first batch's 2 kept", k)
			}
			storage.SetRekeyBatchForTest(2, nil)
			if n, err := db.Inbox.RekeySent(t.Context()); err != nil || n != 3 {
				t.Fatalf("next RekeySent = %d, %v; want the 3 rows left", n, err)
			}
			if k := keyed(); k != 5 {
				t.Fatalf("%d rows keyed; want all 5", k)
			}
			for i, txn := range txns {
				if got, err := db.Inbox.SentEventID(t.Context(), txn); err != nil || got != fmt.Sprintf("$e%d", i) {
					t.Fatalf("SentEventID(%s) = %q, %v after rekeying", txn, got, err)
				}
			}
		})
	}
}

// TestRekeySentPrefersCompletedSend: after an upgrade, a downgrade and
// another upgrade, a send may have two rows: the keyed one begun by the
// newer binary (no event yet) and the unkeyed one the older binary
// completed. The completed one wins, so the send is found and not
// repeated (mend23c; before, the begun keyed row stayed and the event
// was lost).
func TestRekeySentPrefersCompletedSend(t *testing.T) {
	for name, db := range openTestDBs(t) {
		t.Run(name, func(t *testing.T) {
			now := time.UnixMilli(1_700_000_000_000)
			const txn = "lotse.00112233445566778899aabb"
			// The older binary completed the send (unkeyed).
			if err := db.Inbox.RecordSent(t.Context(), storage.SentEvent{TxnID: txn, EventID: "$done", RoomID: "!dm", SentAt: now}); err != nil {
				t.Fatal(err)
			}
			db.SetSentKey([]byte("0123456789abcdef0123456789abcdef"))
			// The newer binary had begun it (keyed), before the downgrade.
			if err := db.Inbox.BeginSend(t.Context(), txn, "!dm", now.Add(-time.Minute)); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Inbox.RekeySent(t.Context()); err != nil {
				t.Fatal(err)
			}
			if got, err := db.Inbox.SentEventID(t.Context(), txn); err != nil || got != "$done" {
				t.Fatalf("SentEventID = %q, %v; want the completed send $done", got, err)
			}
		})
	}
}
