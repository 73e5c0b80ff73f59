package main

import (
	"context"
	"errors"
	"os/exec"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/internal/dendrite"
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
	srv := dendrite.Shared()
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
	exited := make(chan error, 1)
	go func() { exited <- proc.cmd.Wait() }()
	select {
	case err := <-exited:
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
