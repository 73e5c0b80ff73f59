package bot

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/storage"
)

// TestRestartDelayResetAfterSuccess: a sync whose batch cannot be committed
// (here: the backfill of a limited room fails; in production mostly the
// database) ends the sync loop, and Run starts it again after a pause that
// doubles up to 30 s. The pause was never reset: after four failures in a
// row and a day of working syncs, the next single failure still cost 16 s
// (and from then on 30 s each). Now a restarted sync that committed a batch
// starts the pauses from a second again.
func TestRestartDelayResetAfterSuccess(t *testing.T) {
	var logs bytes.Buffer
	s := newWatchBot(t, nil, &logs)
	b := s.bot
	if err := b.db.KV.Set(t.Context(), storage.KeyNextBatch, "s0"); err != nil {
		t.Fatal(err)
	}
	const limited = `{"next_batch":"bad","rooms":{"join":{"!r:hs":{"timeline":{"events":[],"limited":true,"prev_batch":"p1"}}}}}`
	var syncs atomic.Int32
	b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/_matrix/client/v3/sync":
			// Four failing syncs, one that works, then failing ones again.
			if syncs.Add(1) == 5 {
				_, _ = w.Write([]byte(`{"next_batch":"good"}`))
				return
			}
			_, _ = w.Write([]byte(limited))
		default: // the backfill's /messages
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"errcode":"M_INVALID_PARAM","error":"x"}`))
		}
	}))
	b.Client.DefaultHTTPRetries = 0
	b.sender = NewSender(b.Client, b.db.Inbox, zerolog.Nop())
	s.FilterJSON = newSyncer(&Bot{opts: Options{TimelineLimit: 50}}).FilterJSON
	store, err := newSyncStore(b.db, s.FilterJSON)
	if err != nil {
		t.Fatal(err)
	}
	b.Client.Syncer, b.Client.Store = s, store

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var pauses []time.Duration
	b.restartPause = func(_ context.Context, d time.Duration) {
		pauses = append(pauses, d)
		if len(pauses) == 6 {
			cancel()
		}
	}
	if err := b.syncLoop(ctx); err != nil {
		t.Fatalf("syncLoop: %v", err)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, time.Second, 2 * time.Second}
	if !slices.Equal(pauses, want) {
		t.Errorf("pauses %v, want %v (from a second again after the working sync)", pauses, want)
	}
}
