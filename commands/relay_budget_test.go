package commands

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
)

// TestRelayBudgetPerMember (relay30): a member's files in their case are
// relayed to the team until their bytes of the day pass the budget
// (Config.RelayBytesPerWindow, here two files: each counts at least 64 KiB). Beyond it
// a file is neither copied nor uploaded; the team reads its line and a
// short note in the thread, the member a friendly message; a text still
// reaches the team, and so does a file after a day. An edit that carries
// another file beyond the budget keeps the team's copy. Fails without the
// budget: every file is uploaded into the team room.
func TestRelayBudgetPerMember(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.RelayBytesPerWindow = 2 * 64 << 10 })
	e.openCase(t)
	uploads := func() int { e.fm.mu.Lock(); defer e.fm.mu.Unlock(); return len(e.fm.media) }
	file := func(n int) *event.Event {
		img := e.encryptedImage(t, []byte("\x89PNG fake image "+strings.Repeat("x", 4)), "bild.png", "Bild "+strings.Repeat("!", n))
		return e.event(dmRoom, member, img)
	}
	relayed := func(sent []sentMsg) bool {
		for _, s := range in(sent, teamRoom) {
			if s.content.File != nil || s.content.URL != "" {
				return true
			}
		}
		return false
	}
	var first *event.Event
	for i := 1; i <= 2; i++ {
		msg := file(i)
		if first == nil {
			first = msg
		}
		if sent := e.handle(t, msg, true); !relayed(sent) {
			t.Fatalf("file %d within the budget was not relayed: %s", i, bodies(sent))
		}
	}
	for i := 3; i <= 10; i++ {
		msg := file(i) // the member's own upload
		before := uploads()
		sent := e.handle(t, msg, true)
		if relayed(sent) || uploads() != before {
			t.Fatalf("file %d beyond the budget was relayed (%d uploads): %s", i, uploads()-before, bodies(sent))
		}
		team := in(sent, teamRoom)
		mustContain(t, team, "Bild "+strings.Repeat("!", i), "vorerst nicht weiter")
		mustContain(t, in(sent, dmRoom), "sehr viele Dateien", "morgen", "wenn seit der ersten davon 24 Stunden vergangen sind")
		for _, s := range append(team, in(sent, dmRoom)...) {
			for _, internal := range []string{"$", "mxc://", "!dm", "@member", "Budget", "budget"} {
				if strings.Contains(s.content.Body, internal) {
					t.Errorf("%q names an internal word: %s", internal, s.content.Body)
				}
			}
		}
	}
	// An edit with yet another file: the team's copy stays, nothing is
	// uploaded.
	other := e.encryptedImage(t, []byte("\x89PNG ganz anderes Bild"), "neu.png", "Neu")
	before := uploads()
	e.handle(t, e.edit(dmRoom, member, first.ID, other), true)
	if uploads() != before {
		t.Errorf("an edit beyond the budget uploaded %d copies", uploads()-before)
	}
	// Text still reaches the team.
	mustContain(t, in(e.say(t, dmRoom, member, "Hier steht, was auf dem Bild ist.", ""), teamRoom), "Hier steht, was auf dem Bild ist.")
	// A day later the budget is new.
	e.now = e.now.Add(24 * time.Hour)
	if sent := e.handle(t, file(11), true); !relayed(sent) {
		t.Fatalf("a file a day later was not relayed: %s", bodies(sent))
	}
}

// TestRelayBudgetCountsUndecryptable (mend30c): a file whose event names a
// wrong hash is downloaded and does not decrypt; its bytes count in the
// member's budget all the same, so a script sending such events stops
// costing downloads once the budget is spent. Before, only files that
// decrypted counted, and each such event fetched the file uncounted.
func TestRelayBudgetCountsUndecryptable(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.RelayBytesPerWindow = 2 * 64 << 10 })
	e.openCase(t)
	for i := range 2 {
		img := e.encryptedImage(t, []byte("\x89PNG fake image"), "bild.png", fmt.Sprintf("Kaputt %d", i))
		img.File.Hashes.SHA256 = base64.RawStdEncoding.EncodeToString(make([]byte, 32)) // not the file's
		evt := e.event(dmRoom, member, img)
		e.fm.store(evt)
		if err := e.h.Handle(context.Background(), Message{Event: evt, Direct: true}); err == nil {
			t.Fatalf("file %d with a wrong hash: no error", i+1)
		}
	}
	img := e.encryptedImage(t, []byte("\x89PNG fake image"), "bild.png", "Heil")
	sent := e.handle(t, e.event(dmRoom, member, img), true)
	for _, s := range in(sent, teamRoom) {
		if s.content.File != nil || s.content.URL != "" {
			t.Fatalf("a file beyond the budget was relayed after two that did not decrypt: %s", bodies(sent))
		}
	}
	mustContain(t, in(sent, dmRoom), "sehr viele Dateien")
}
