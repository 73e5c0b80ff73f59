package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sync/atomic"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// otherDatabase returns cfg's database setting for a second, fresh
// database (SQLite, or a PostgreSQL schema under LOTSE_TEST_POSTGRES).
func otherDatabase(t *testing.T) string {
	t.Helper()
	if uri := os.Getenv("LOTSE_TEST_POSTGRES"); uri != "" {
		return storagetest.FreshPostgresSchema(t, uri)
	}
	return filepath.Join(t.TempDir(), "other.db")
}

// TestSecondInstanceRefused: a second Lotse with the same bot account and
// another database (an old service still running after a move) is refused
// at start, before its first sync, with what the admin does; the first
// keeps answering, and a restart of the first on its own database is not
// refused.
func TestSecondInstanceRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("homeserver test")
	}
	first := startLotse(t, copyLibrary(t), nil)
	second := first.cfg
	second.Database = otherDatabase(t)
	var logs syncBuffer
	log := zerolog.New(io.MultiWriter(&logs, zerolog.NewTestWriter(t))).Level(zerolog.InfoLevel)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute) // a liveness bound
	defer cancel()
	var synced atomic.Bool
	err := runBot(ctx, second, log, func(*bot.Bot) { synced.Store(true) })
	var exit *exitError
	if !errors.As(err, &exit) || exit.code != exitOtherInstance {
		t.Fatalf("second Lotse: %v, want exit code %d (another instance)", err, exitOtherInstance)
	}
	if synced.Load() {
		t.Error("the refused Lotse synced")
	}
	for _, want := range []string{"stop that one first", "--takeover"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not say %q", err, want)
		}
	}
	m := newMember(t, "ri")
	room := openDM(t, m, first.userID, false)
	ask(t, m, room, first.userID, text("passwort vergessen"))
	// The same database again is the same instance: never refused.
	restartLotse(t, first)
	ask(t, m, room, first.userID, text("passwort vergessen"))
}

// TestSecondInstanceTakeover: a second Lotse started with takeover on
// another database makes the first stop handling: from then on every
// message is answered once, by the second; the first says so in the team
// room once, and keeps running (stopped by its admin).
func TestSecondInstanceTakeover(t *testing.T) {
	if testing.Short() {
		t.Skip("homeserver test")
	}
	const beat = time.Second // both processes' heartbeat (a minute in production)
	alice := newMember(t, "alice")
	botID, password := registerAccount(t, "lotse")
	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = dendritetest.Shared().URL, botID.String(), password
	cfg.PickleKey = "integration-test-pickle-key"
	cfg.Database = otherDatabase(t)
	cfg.GuidesDir = copyLibrary(t)
	teamRoom, err := alice.CreateRoom(t.Context(), "Digitalisierungsteam", true, botID)
	if err != nil {
		t.Fatal(err)
	}
	cfg.TeamRoom, cfg.SupportQuietHours = teamRoom.String(), "off"
	grantRoles(t, &cfg, storage.RoleTeam, alice.Cli.UserID)
	a := &lotse{userID: botID, cfg: cfg, log: &syncBuffer{}, opts: runOptions{heartbeat: beat}}
	a.run(t)
	joinCtx, cancelJoin := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancelJoin()
	if err := alice.WaitJoined(joinCtx, teamRoom, a.userID); err != nil {
		t.Fatal(err)
	}

	m := newMember(t, "tk")
	room := openDM(t, m, a.userID, false)
	ask(t, m, room, a.userID, text("passwort vergessen")) // the first answers

	bcfg := cfg
	bcfg.Database = otherDatabase(t)
	b := &lotse{userID: a.userID, cfg: bcfg, log: &syncBuffer{}, opts: runOptions{heartbeat: beat, takeover: true}}
	b.run(t)                                                        // returns after the second's first sync
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second) // a liveness bound
	defer cancel()
	if err := waitUntil(ctx, func() bool { return strings.Contains(a.log.String(), "ANOTHER LOTSE PROCESS IS RUNNING") }); err != nil {
		t.Fatalf("the first Lotse did not notice the takeover; its log:\n%s", a.log.String())
	}
	notice, err := alice.Wait(ctx, teamRoom, a.userID, func(evt *event.Event) bool {
		return strings.Contains(evt.Content.AsMessage().Body, "zweiter Lotse")
	})
	if err != nil {
		t.Fatalf("the team was not told: %v", err)
	}
	if body := notice.Content.AsMessage().Body; strings.Contains(body, "@") || strings.Contains(body, teamRoom.String()) {
		t.Errorf("the notice shows Matrix IDs: %q", body)
	}

	answeredOnce(t, m, room, a.userID, "passwort vergessen", "wie komme ich in die cloud", "danke")
	notices := 0
	for _, evt := range alice.Received(teamRoom, a.userID) {
		if strings.Contains(evt.Content.AsMessage().Body, "zweiter Lotse") {
			notices++
		}
	}
	if notices != 1 {
		t.Errorf("the team room got %d notices of the takeover, want one", notices)
	}
}

// TestRestoredCopyRefused: a copy of the live database (lotse backup, then
// started beside the running Lotse — a restore on a second server while the
// first still runs) has the same instance ID. Before the twenty-ninth pass
// it started as a restart and took over: the live Lotse stopped answering
// and the copy answered from old data. Now its database does not know the
// live Lotse's heartbeat, the marker moves on while it watches, and it is
// refused with exit 24 and words naming a restored copy, before its first
// sync; the live one answers every message exactly once.
func TestRestoredCopyRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("homeserver test")
	}
	const beat = time.Second // the heartbeat of both (a minute in production)
	botID, password := registerAccount(t, "lotse")
	cfg := config.Defaults()
	cfg.HomeserverURL, cfg.UserID, cfg.Password = dendritetest.Shared().URL, botID.String(), password
	cfg.PickleKey = "integration-test-pickle-key"
	cfg.Database = filepath.Join(t.TempDir(), "lotse.db") // SQLite: lotse backup copies it while Lotse runs
	cfg.GuidesDir = copyLibrary(t)
	first := &lotse{userID: botID, cfg: cfg, log: &syncBuffer{}, opts: runOptions{heartbeat: beat}}
	first.run(t)
	m := newMember(t, "rc")
	room := openDM(t, m, first.userID, false)
	ask(t, m, room, first.userID, text("passwort vergessen"))

	// lotse backup beside the running Lotse, installed as another
	// installation's database.
	live, err := storage.Open(cfg.Database, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	copyPath := filepath.Join(t.TempDir(), "restored.db")
	if err := live.Backup(t.Context(), copyPath); err != nil {
		t.Fatal(err)
	}
	restored, err := storage.Open(copyPath, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	copied, ok, err := beatRecord{restored.KV}.LastBeat(t.Context())
	restored.Close()
	if err != nil || !ok {
		t.Fatalf("the backup has no heartbeat record: %v", err)
	}
	// The live Lotse goes on: two more heartbeats recorded in its database
	// mean its marker has moved on beyond the copy's by at least one.
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second) // a liveness bound
	defer cancel()
	if err := waitUntil(ctx, func() bool {
		b, _, err := beatRecord{live.KV}.LastBeat(ctx)
		return err == nil && b.Run == copied.Run && b.Beat >= copied.Beat+2
	}); err != nil {
		t.Fatalf("the live Lotse's heartbeat did not move on: %v", err)
	}

	second := cfg
	second.Database = copyPath
	var logs syncBuffer
	log := zerolog.New(io.MultiWriter(&logs, zerolog.NewTestWriter(t))).Level(zerolog.InfoLevel)
	runCtx, stopCopy := context.WithTimeout(t.Context(), 2*time.Minute) // a liveness bound
	defer stopCopy()
	var synced atomic.Bool
	err = runBotWith(runCtx, second, log, func(*bot.Bot) { synced.Store(true); stopCopy() }, runOptions{heartbeat: beat})
	var exit *exitError
	if !errors.As(err, &exit) || exit.code != exitOtherInstance {
		t.Fatalf("the restored copy: %v, want exit code %d (another instance)", err, exitOtherInstance)
	}
	if synced.Load() {
		t.Error("the refused copy synced")
	}
	for _, want := range []string{"restored backup", "old data", "--takeover"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not say %q", err, want)
		}
	}

	// The live one answers every message once; it was not displaced.
	answeredOnce(t, m, room, first.userID, "passwort vergessen", "wie komme ich in die cloud")
	if strings.Contains(first.log.String(), "ANOTHER LOTSE PROCESS IS RUNNING") {
		t.Errorf("the live Lotse was displaced by the refused copy; its log:\n%s", first.log.String())
	}
}

// answeredOnce sends each message to room and checks that bot answers
// every one exactly once: it waits for each reply, then asks once more as
// a marker (a duplicate would have come before its answer).
func answeredOnce(t *testing.T, m *chatclient.Client, room id.RoomID, bot id.UserID, msgs ...string) {
	t.Helper()
	var sent []id.EventID
	for _, q := range msgs {
		evtID, err := m.SendText(t.Context(), room, q)
		if err != nil {
			t.Fatal(err)
		}
		sent = append(sent, evtID)
	}
	for _, s := range sent {
		ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
		_, err := m.Wait(ctx, room, bot, chatclient.ReplyTo(s))
		cancel()
		if err != nil {
			t.Fatalf("message %s was never answered: %v", s, err)
		}
	}
	ask(t, m, room, bot, text("danke")) // marker: a duplicate would have come before it
	for _, s := range sent {
		if n := m.RepliesTo(room, bot, s); n != 1 {
			t.Errorf("message %s answered %d times, want once", s, n)
		}
	}
}
