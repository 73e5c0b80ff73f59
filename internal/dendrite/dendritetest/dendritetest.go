// Package dendritetest runs tests against a real Dendrite homeserver: one
// shared server per test package (Main, Shared), a server of a test's own
// (StartForTest) and fresh users (NewUser). It is the only part of the
// homeserver support that links package testing; the demo and the load
// program use package dendrite.
package dendritetest

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/dendrite"
)

// BuildTimeout bounds Build in Main. A cold build takes about 1.5 minutes on
// 2 cores, longer while `go test ./...` compiles other packages; stay below
// go test's default -timeout of 10 minutes.
const BuildTimeout = 8 * time.Minute

// startTimeout bounds Start in Main (Dendrite is usually ready in 0.2–0.3 s).
const startTimeout = time.Minute

var shared atomic.Pointer[dendrite.Server]

// Main runs a test package against one shared Dendrite. Call it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(dendritetest.Main(m, dendrite.Options{})) }
//
// It builds Dendrite if needed, starts it with opts, makes it available
// through Shared, runs the tests, prints Dendrite's log to stderr only if the
// run failed and stops the server. It returns the exit code for os.Exit.
func Main(m *testing.M, opts dendrite.Options) int {
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.TimeOnly}).
		With().Timestamp().Str("component", "dendrite").Logger()

	if opts.BinDir == "" {
		ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
		binDir, err := dendrite.Build(ctx, log)
		cancel()
		if err != nil {
			fmt.Fprintf(os.Stderr, "dendritetest.Main: %v\n", err)
			return 1
		}
		opts.BinDir = binDir
	}

	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	start := time.Now()
	srv, err := dendrite.Start(ctx, opts)
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "dendritetest.Main: %v\n", err)
		return 1
	}
	log.Debug().Str("url", srv.URL).Stringer("took", time.Since(start)).Msg("Dendrite is ready")
	shared.Store(srv)

	code := m.Run()

	shared.Store(nil)
	if err := srv.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "dendritetest.Main: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	if code != 0 {
		fmt.Fprintf(os.Stderr, "--- Dendrite log (%s):\n%s--- end of Dendrite log\n", srv.URL, srv.Log())
	}
	return code
}

// Shared returns the server Main started for this test package. It panics
// when TestMain does not call Main.
func Shared() *dendrite.Server {
	srv := shared.Load()
	if srv == nil {
		panic("dendritetest.Shared: no server; call dendritetest.Main from TestMain")
	}
	return srv
}

// StartForTest starts a server of its own for one test, e.g. with a
// RateLimit or to Kill it, and stops it when the test ends; if the test
// failed, it logs Dendrite's output. It fails the test on error.
func StartForTest(t testing.TB, opts dendrite.Options) *dendrite.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), BuildTimeout+startTimeout)
	defer cancel()
	if opts.BinDir == "" {
		binDir, err := dendrite.Build(ctx, zerolog.New(zerolog.NewTestWriter(t)))
		if err != nil {
			t.Fatalf("failed to build Dendrite: %v", err)
		}
		opts.BinDir = binDir
	}
	srv, err := dendrite.Start(ctx, opts)
	if err != nil {
		t.Fatalf("failed to start Dendrite: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("failed to stop Dendrite: %v", err)
		}
		if t.Failed() {
			t.Logf("Dendrite log (%s):\n%s", srv.URL, srv.Log())
		}
	})
	return srv
}

// NewUser registers a fresh user whose localpart starts with prefix, logs it
// in as a new device and returns the client, the user ID and the password.
// It fails the test on error. The caller owns the client.
func NewUser(t testing.TB, srv *dendrite.Server, prefix string) (*mautrix.Client, id.UserID, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	localpart := dendrite.UniqueLocalpart(prefix)
	password := dendrite.RandomPassword()
	userID, err := srv.RegisterUser(ctx, localpart, password, false)
	if err != nil {
		t.Fatalf("failed to create test user: %v", err)
	}
	cli, err := srv.Login(ctx, localpart, password)
	if err != nil {
		t.Fatalf("failed to log in test user: %v", err)
	}
	return cli, userID, password
}
