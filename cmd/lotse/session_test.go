package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// TestSessionSignedOut is a bad day on the real homeserver: someone signs
// out all of the bot's sessions (Element: "Sign out of all other
// sessions", or an admin). Lotse stops with the Matrix exit code (18, which
// the systemd unit and Docker restart), logs in again with its password on
// the same device ID and keeps answering in the existing encrypted DM.
func TestSessionSignedOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a process")
	}
	srv := dendritetest.Shared()
	botID, password := registerAccount(t, "lotse")
	proc := startProcess(t, processEnv(t, botID, password))
	m := newMember(t, "signout")
	roomID := openDM(t, m, botID, true)
	ask(t, m, roomID, botID, text("passwort vergessen"))
	oldDevices, err := m.Devices(t.Context(), botID)
	if err != nil || len(oldDevices) != 1 {
		t.Fatalf("the member sees the bot's devices %v (%v), want one", oldDevices, err)
	}

	admin, err := srv.Login(t.Context(), botID.Localpart(), password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.LogoutAll(t.Context()); err != nil {
		t.Fatalf("logout/all: %v", err)
	}
	select {
	case <-proc.exited:
		err := proc.exitErr
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitMatrix {
			t.Fatalf("lotse after sign-out: %v, want exit code %d", err, exitMatrix)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("lotse did not notice within 60 s that its session was signed out")
	}
	proc.start() // what systemd or Docker do
	// The old device is gone with its keys: Lotse comes back as a new
	// device. Once the member's client knows it, it encrypts to it.
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	if _, err := m.WaitNewDevice(ctx, botID, oldDevices...); err != nil {
		t.Fatal(err)
	}
	reply, _ := ask(t, m, roomID, botID, text("wie richte ich element ein"))
	if body(reply) == "" {
		t.Fatal("empty answer after signing in again")
	}
}

// TestHomeserverDownAtStart: Lotse is started while the homeserver cannot
// be reached (down for an upgrade). It keeps trying instead of exiting (a
// process that exits is restarted only a few times by systemd) and answers
// once the homeserver is there.
func TestHomeserverDownAtStart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a process")
	}
	addr := freeAddr(t) // nothing listens here yet
	botID, password := registerAccount(t, "lotse")
	proc := startProcess(t, processEnv(t, botID, password, "LOTSE_HOMESERVER_URL=http://"+addr))
	waitLog(t, proc, "Homeserver not reachable")

	target, err := url.Parse(dendritetest.Shared().URL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: httputil.NewSingleHostReverseProxy(target), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	m := newMember(t, "down")
	roomID := openDM(t, m, botID, true)
	ask(t, m, roomID, botID, text("passwort vergessen"))
}

// waitLog waits until the process has logged want, failing if it exits first.
func waitLog(t *testing.T, p *lotseProcess, want string) {
	t.Helper()
	waitLogCount(t, p, want, 1)
}

// waitLogCount waits until the process has logged want at least n times,
// failing if it exits first.
func waitLogCount(t *testing.T, p *lotseProcess, want string, n int) {
	t.Helper()
	if !waitLogged(t, p.logs, p.exited, want, n) {
		t.Fatalf("lotse exited (%v) before logging %q:\n%s", p.exitErr, want, p.logs.String())
	}
}

// waitLogged waits until logs holds want at least n times, failing after
// 30 s. It reports false if exited (nil: never) closes first.
func waitLogged(t *testing.T, logs *syncBuffer, exited <-chan struct{}, want string, n int) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for strings.Count(logs.String(), want) < n {
		select {
		case <-exited:
			return false
		case <-ctx.Done():
			t.Fatalf("lotse did not log %q %d times:\n%s", want, n, logs.String())
		case <-tick.C:
		}
	}
	return true
}
