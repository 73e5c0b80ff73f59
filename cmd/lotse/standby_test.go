package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/chatclient"
	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// waitUntil polls cond every 50 ms until it is true or ctx ends.
func waitUntil(ctx context.Context, cond func() bool) error {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	return nil
}

// httpStatus returns the status code of GET url, or 0. Its timeout is a
// liveness bound: a process on a busy machine may take seconds to answer.
func httpStatus(url string) int {
	c := http.Client{Timeout: 30 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// TestStandbyTakeover runs two lotse processes on one PostgreSQL database:
// one is active, the other waits as standby. SIGKILL the active one while
// members write; the standby must take over within 15 s and every message
// must be answered exactly once.
func TestStandbyTakeover(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills processes")
	}
	uri := os.Getenv("LOTSE_TEST_POSTGRES")
	if uri == "" {
		t.Skip("set LOTSE_TEST_POSTGRES (uri=$(bash .ci/postgres.sh /tmp/pg-ops 55444)) to test the PostgreSQL standby; CI sets it")
	}
	bin := lotseBinary(t)
	srv := dendritetest.Shared()
	botID, password := registerAccount(t, "lotse")
	dbURI := storagetest.FreshPostgresSchema(t, uri)
	env := append(os.Environ(),
		"LOTSE_HOMESERVER_URL="+srv.URL, "LOTSE_USER_ID="+botID.String(), "LOTSE_PASSWORD="+password,
		"LOTSE_DATABASE="+dbURI, "LOTSE_GUIDES_DIR="+filepath.Join("..", "..", "library"),
		"LOTSE_PICKLE_KEY=standby-test-pickle-key", "LOTSE_LOG_FORMAT=json")
	type instance struct {
		cmd  *exec.Cmd
		log  *syncBuffer
		addr string
	}
	start := func() *instance {
		in := &instance{log: &syncBuffer{}, addr: freeAddr(t)}
		in.cmd = exec.Command(bin, "run")
		in.cmd.Env = append(env, "LOTSE_OPS_LISTEN="+in.addr)
		in.cmd.Stdout, in.cmd.Stderr = in.log, in.log
		if err := in.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = in.cmd.Process.Kill()
			_ = in.cmd.Wait()
			if t.Failed() {
				t.Logf("lotse %s log:\n%s", in.addr, in.log.String())
			}
		})
		return in
	}
	ready := func(in *instance) bool { return httpStatus("http://"+in.addr+"/readyz") == http.StatusOK }

	a := start()
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	if err := waitUntil(ctx, func() bool { return ready(a) }); err != nil {
		t.Fatalf("first lotse never became ready: %v", err)
	}
	b := start()
	// The ops endpoints start listening on a goroutine of their own, which
	// may come after the standby's log line on a busy machine: wait for both.
	for _, line := range []string{"waiting as standby", "Serving /healthz"} {
		if err := waitUntil(ctx, func() bool { return strings.Contains(b.log.String(), line) }); err != nil {
			t.Fatalf("second lotse never logged %q: %v", line, err)
		}
	}
	if code := httpStatus("http://" + b.addr + "/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("standby /readyz = %d, want 503", code)
	}
	if code := httpStatus("http://" + b.addr + "/healthz"); code != http.StatusOK {
		t.Errorf("standby /healthz = %d, want 200", code)
	}

	members := []*chatclient.Client{newMember(t, "s1"), newMember(t, "s2")}
	rooms := make([]id.RoomID, len(members))
	for i, m := range members {
		rooms[i] = openDM(t, m, botID, i == 0)
	}
	type sentMsg struct {
		m  int
		id id.EventID
	}
	var sent []sentMsg
	send := func(round int) {
		for i, m := range members {
			evtID, err := m.SendText(t.Context(), rooms[i], fmt.Sprintf("passwort vergessen (%d)", round))
			if err != nil {
				t.Fatal(err)
			}
			sent = append(sent, sentMsg{i, evtID})
		}
	}
	send(0)
	send(1)
	killed := time.Now()
	_ = a.cmd.Process.Kill() // SIGKILL right after the sends: some are mid-handling
	_ = a.cmd.Wait()
	send(2)                                                          // while nobody is active
	ctx2, cancel2 := context.WithTimeout(t.Context(), 2*time.Minute) // a liveness bound, not a budget
	defer cancel2()
	if err := waitUntil(ctx2, func() bool { return ready(b) }); err != nil {
		t.Fatalf("standby did not take over: %v", err)
	}
	takeover := time.Since(killed)
	t.Logf("standby ready %v after SIGKILL of the active process", takeover.Round(time.Millisecond))
	send(3)
	for _, s := range sent {
		ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
		_, err := members[s.m].Wait(ctx, rooms[s.m], botID, chatclient.ReplyTo(s.id))
		cancel()
		if err != nil {
			t.Fatalf("message %s was never answered: %v", s.id, err)
		}
	}
	for i, m := range members {
		ask(t, m, rooms[i], botID, text("danke")) // marker: duplicates would have arrived before it
	}
	duplicated := 0
	for _, s := range sent {
		if n := members[s.m].RepliesTo(rooms[s.m], botID, s.id); n > 1 {
			duplicated += n - 1
		}
	}
	t.Logf("asked %d, answered %d, duplicated %d, takeover %v", len(sent), len(sent), duplicated, takeover.Round(time.Millisecond))
	if duplicated != 0 {
		t.Fatalf("%d duplicate answers after the takeover", duplicated)
	}
}
