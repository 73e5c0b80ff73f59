package dendrite_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/dendrite"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

func TestMain(m *testing.M) {
	os.Exit(dendritetest.Main(m, dendrite.Options{}))
}

// syncUntil long-polls /sync from since until found reports true for a
// response, and returns the next batch token.
func syncUntil(ctx context.Context, t *testing.T, cli *mautrix.Client, since string, found func(*mautrix.RespSync) bool) string {
	t.Helper()
	for {
		resp, err := cli.SyncRequest(ctx, 1000, since, "", false, event.PresenceOffline)
		if err != nil {
			t.Fatalf("failed to sync as %s: %v", cli.UserID, err)
		}
		since = resp.NextBatch
		if found(resp) {
			return since
		}
	}
}

// hasText reports whether resp holds an m.room.message with body in roomID.
func hasText(resp *mautrix.RespSync, roomID id.RoomID, body string) bool {
	room, ok := resp.Rooms.Join[roomID]
	if !ok {
		return false
	}
	for _, evt := range room.Timeline.Events {
		if evt.Type == event.EventMessage && evt.Content.Raw["body"] == body {
			return true
		}
	}
	return false
}

func TestInviteJoinAndMessage(t *testing.T) {
	srv := dendritetest.Shared()
	alice, _, _ := dendritetest.NewUser(t, srv, "alice")
	bob, bobID, _ := dendritetest.NewUser(t, srv, "bob")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()

	// Bob's initial sync, so the invite arrives as news.
	since := syncUntil(ctx, t, bob, "", func(*mautrix.RespSync) bool { return true })

	created, err := alice.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat", Name: "Lotse test"})
	if err != nil {
		t.Fatalf("failed to create room: %v", err)
	}
	roomID := created.RoomID
	if _, err := alice.InviteUser(ctx, roomID, &mautrix.ReqInviteUser{UserID: bobID}); err != nil {
		t.Fatalf("failed to invite: %v", err)
	}

	since = syncUntil(ctx, t, bob, since, func(resp *mautrix.RespSync) bool {
		_, ok := resp.Rooms.Invite[roomID]
		return ok
	})
	if _, err := bob.JoinRoomByID(ctx, roomID); err != nil {
		t.Fatalf("failed to join: %v", err)
	}
	const body = "Willkommen bei Lotse"
	if _, err := alice.SendText(ctx, roomID, body); err != nil {
		t.Fatalf("failed to send: %v", err)
	}
	syncUntil(ctx, t, bob, since, func(resp *mautrix.RespSync) bool { return hasText(resp, roomID, body) })
}

func TestRestartKeepsData(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	start := time.Now()
	srv := dendritetest.StartForTest(t, dendrite.Options{})
	t.Logf("start to ready: %s", time.Since(start))
	dataDir := srv.DataDir
	defer func() {
		if err := srv.Stop(); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(dataDir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Stop left the temporary data folder %s: %v", dataDir, err)
		}
	}()

	cli, _, password := dendritetest.NewUser(t, srv, "carol")
	created, err := cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat"})
	if err != nil {
		t.Fatalf("failed to create room: %v", err)
	}
	// sendAndSee sends body and waits until /sync shows it, i.e. until the
	// sync API has stored it. Without the wait a crash may hit an event in
	// flight between /send and the sync API.
	since := ""
	sendAndSee := func(body string) {
		t.Helper()
		if _, err := cli.SendText(ctx, created.RoomID, body); err != nil {
			t.Fatalf("failed to send: %v", err)
		}
		since = syncUntil(ctx, t, cli, since, func(resp *mautrix.RespSync) bool { return hasText(resp, created.RoomID, body) })
	}
	sendAndSee("before restart")

	check := func(stage string, bodies ...string) {
		t.Helper()
		joined, err := cli.JoinedRooms(ctx)
		if err != nil {
			t.Fatalf("%s: failed to list rooms with the old token: %v", stage, err)
		}
		if !slices.Contains(joined.JoinedRooms, created.RoomID) {
			t.Fatalf("%s: room %s lost, joined: %v", stage, created.RoomID, joined.JoinedRooms)
		}
		msgs, err := cli.Messages(ctx, created.RoomID, "", "", mautrix.DirectionBackward, nil, 50)
		if err != nil {
			t.Fatalf("%s: failed to read messages: %v", stage, err)
		}
		for _, body := range bodies {
			if !slices.ContainsFunc(msgs.Chunk, func(evt *event.Event) bool { return evt.Content.Raw["body"] == body }) {
				t.Fatalf("%s: message %q lost", stage, body)
			}
		}
	}

	url := srv.URL
	start = time.Now()
	if err := srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("graceful restart to ready: %s", time.Since(start))
	if srv.URL != url {
		t.Fatalf("URL changed on restart: %s -> %s", url, srv.URL)
	}
	check("after restart", "before restart")
	if _, err := srv.Login(ctx, cli.UserID.Localpart(), password); err != nil {
		t.Fatalf("failed to log in after restart: %v", err)
	}

	sendAndSee("before crash")
	srv.Kill()
	if srv.Running() {
		t.Fatal("server still running after Kill")
	}
	if _, err := cli.JoinedRooms(ctx); err == nil {
		t.Fatal("request to a killed server succeeded")
	}
	start = time.Now()
	if err := srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("restart after SIGKILL to ready: %s", time.Since(start))
	check("after crash", "before restart", "before crash")
	sendAndSee("after crash")
}

// TestRateLimit checks that Options.RateLimit makes Dendrite answer 429
// M_LIMIT_EXCEEDED. Dendrite v0.13.8 limits typing, receipts, read markers,
// invite, join, leave, profile, login and register, but not /send.
func TestRateLimit(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	exemptLocalpart := dendrite.UniqueLocalpart("exempt")
	srv := dendritetest.StartForTest(t, dendrite.Options{RateLimit: &dendrite.RateLimit{
		Threshold:     3,
		CooloffMS:     30_000, // no slot frees up during the test
		ExemptUserIDs: []string{id.NewUserID(exemptLocalpart, "localhost").String()},
	}})

	limited, _, _ := dendritetest.NewUser(t, srv, "limited")
	if _, err := srv.RegisterUser(ctx, exemptLocalpart, "secret-password", false); err != nil {
		t.Fatal(err)
	}
	exempt, err := srv.Login(ctx, exemptLocalpart, "secret-password")
	if err != nil {
		t.Fatal(err)
	}

	// hammer creates a room and then calls req up to 20 times.
	hammer := func(cli *mautrix.Client, req func(id.RoomID) error) (done int, err error) {
		created, err := cli.CreateRoom(ctx, &mautrix.ReqCreateRoom{Preset: "private_chat"})
		if err != nil {
			return 0, err
		}
		for done = 0; done < 20; done++ {
			if err := req(created.RoomID); err != nil {
				return done, err
			}
		}
		return done, nil
	}
	typing := func(cli *mautrix.Client) func(id.RoomID) error {
		return func(roomID id.RoomID) error {
			_, err := cli.UserTyping(ctx, roomID, true, 5*time.Second)
			return err
		}
	}
	send := func(cli *mautrix.Client) func(id.RoomID) error {
		return func(roomID id.RoomID) error {
			_, err := cli.SendText(ctx, roomID, "spam")
			return err
		}
	}

	done, err := hammer(limited, typing(limited))
	if !errors.Is(err, mautrix.MLimitExceeded) {
		t.Fatalf("sent %d typing notifications, then got %v; want M_LIMIT_EXCEEDED", done, err)
	}
	var httpErr mautrix.HTTPError
	if !errors.As(err, &httpErr) || httpErr.Response == nil || httpErr.Response.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("want HTTP 429, got %v", err)
	}
	if done != 3 {
		t.Errorf("limited after %d requests, want after the threshold of 3", done)
	}
	t.Logf("limited user got %v after %d typing notifications", err, done)

	if done, err := hammer(exempt, typing(exempt)); err != nil {
		t.Fatalf("exempt user was limited after %d typing notifications: %v", done, err)
	}
	// A known gap of Dendrite v0.13.8, checked so that a homeserver change
	// shows up here: /send is not rate-limited.
	if done, err := hammer(limited, send(limited)); err != nil {
		t.Fatalf("/send was limited after %d messages (Dendrite v0.13.8 does not limit it): %v", done, err)
	}
}

func TestBuildUsesCache(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), dendritetest.BuildTimeout)
	defer cancel()
	start := time.Now()
	binDir, err := dendrite.Build(ctx, zerolog.New(zerolog.NewTestWriter(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Build with a cached Dendrite took %s", time.Since(start))
	for _, name := range []string{"dendrite", "generate-keys", "create-account"} {
		if _, err := os.Stat(filepath.Join(binDir, name)); err != nil {
			t.Errorf("Build returned %s without %s: %v", binDir, name, err)
		}
	}
}
