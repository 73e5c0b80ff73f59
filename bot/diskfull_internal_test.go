package bot

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// TestDiskFullLogged: a sync batch that cannot be committed because the
// database's disk is full (modelled by triggers that refuse every write to
// kv with SQLite's words for SQLITE_FULL) is logged at error level saying
// the disk is full and what to do, not as the generic warning "Sync
// stopped, restarting" that sent the admin to the homeserver (adm27).
func TestDiskFullLogged(t *testing.T) {
	var logs bytes.Buffer
	s := newWatchBot(t, nil, &logs)
	b := s.bot
	b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"next_batch":"s1"}`))
	}))
	b.Client.DefaultHTTPRetries = 0
	b.sender = NewSender(b.Client, b.db.Inbox, zerolog.Nop())
	s.FilterJSON = newSyncer(&Bot{opts: Options{TimelineLimit: 50}}).FilterJSON
	store, err := newSyncStore(b.db, s.FilterJSON)
	if err != nil {
		t.Fatal(err)
	}
	b.Client.Syncer, b.Client.Store = s, store
	for _, op := range []string{"INSERT", "UPDATE"} {
		q := "CREATE TRIGGER full_" + op + " BEFORE " + op + " ON kv BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END"
		if _, err := b.db.Root.Exec(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	b.restartPause = func(context.Context, time.Duration) { cancel() }
	if err := b.syncLoop(ctx); err != nil {
		t.Fatalf("syncLoop: %v", err)
	}
	out := logs.String()
	if !strings.Contains(out, `"level":"error"`) || !strings.Contains(out, "disk is full: Lotse answers nothing until there is space again") {
		t.Errorf("log does not say at error level that the disk is full:\n%s", out)
	}
}
