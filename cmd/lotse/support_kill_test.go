package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestSupportRelayKillExactlyOnce SIGKILLs Lotse while a member keeps
// writing into an open case: every message reaches the case thread in the
// team room exactly once.
func TestSupportRelayKillExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a process")
	}
	botID, password := registerAccount(t, "lotse")
	alice := newMember(t, "alice")
	teamRoom, err := alice.CreateRoom(t.Context(), "Digitalisierungsteam", true, botID)
	if err != nil {
		t.Fatal(err)
	}
	proc := startProcess(t, processEnv(t, botID, password,
		"LOTSE_TEAM_ROOM="+teamRoom.String(), "LOTSE_SUPPORT_QUIET_HOURS=off"))
	start, kill := proc.start, proc.kill
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	if err := alice.WaitJoined(ctx, teamRoom, botID); err != nil {
		t.Fatal(err)
	}
	m := newMember(t, "member")
	dm := openDM(t, m, botID, true)
	ask(t, m, dm, botID, text("!ticket Mein Zugang zur Cloud ist gesperrt"))
	if reply, _ := ask(t, m, dm, botID, text("ja")); !strings.Contains(body(reply), "#1") {
		t.Fatalf("case not opened: %s", body(reply))
	}
	root := waitFor(t, alice, teamRoom, botID, "Fall #1")

	const n = 16
	token := func(i int) string { return fmt.Sprintf("relay-token-%02d", i) }
	for i := range n {
		if _, err := m.SendText(t.Context(), dm, "Noch ein Detail: "+token(i)); err != nil {
			t.Fatal(err)
		}
		if i%4 == 3 {
			// Kill at a random moment while Lotse relays (fault injection).
			time.Sleep(time.Duration(rand.IntN(120)) * time.Millisecond)
			kill()
			start()
		}
	}
	for i := range n {
		waitFor(t, alice, teamRoom, botID, token(i))
	}
	// A marker after everything: once relayed, duplicates would have arrived.
	if _, err := m.SendText(t.Context(), dm, "Letzte Nachricht: relay-token-end"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, teamRoom, botID, "relay-token-end")
	counts := map[string]int{}
	for _, evt := range alice.Received(teamRoom, botID) {
		b := body(evt)
		for i := range n {
			if strings.Contains(b, token(i)) {
				counts[token(i)]++
				if mc := evt.Content.AsMessage(); mc.RelatesTo.GetThreadParent() != root.ID {
					t.Errorf("%s was not relayed into the case thread", token(i))
				}
			}
		}
	}
	lost, dup := 0, 0
	for i := range n {
		switch c := counts[token(i)]; {
		case c == 0:
			lost++
		case c > 1:
			dup += c - 1
		}
	}
	t.Logf("relayed %d messages with 4 SIGKILLs: lost %d, duplicated %d", n, lost, dup)
	if lost != 0 || dup != 0 {
		t.Fatalf("exactly-once relay violated: lost %d, duplicated %d", lost, dup)
	}
}
