package main

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// demoOutput collects the demo's terminal output and lets a test wait for
// a text to appear after a position.
type demoOutput struct {
	mu      sync.Mutex
	buf     strings.Builder
	changed chan struct{}
}

func (o *demoOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	close(o.changed)
	o.changed = make(chan struct{})
	return len(p), nil
}

// waitFor waits until want appears after position from and returns the
// position after it.
func (o *demoOutput) waitFor(t *testing.T, from int, want string) int {
	t.Helper()
	deadline := time.After(90 * time.Second)
	for {
		o.mu.Lock()
		s, ch := o.buf.String(), o.changed
		o.mu.Unlock()
		if i := strings.Index(s[from:], want); i >= 0 {
			return from + i + len(want)
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("demo never printed %q; output after %d:\n%s", want, from, s[from:])
		}
	}
}

// TestDemoWelcomeAndSupportCase plays the newcomer's demo: the first
// question brings the welcome DM and an answer; a question no guide answers
// becomes a support case the demo's team member sees in the team room,
// claims and answers; the member reads the answer. Then the member requests
// a Nextcloud account, the demo's approver approves it in the approvals
// room, the stand-in Nextcloud shows the account and the member is told.
func TestDemoWelcomeAndSupportCase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a homeserver of its own")
	}
	inR, inW := io.Pipe()
	out := &demoOutput{changed: make(chan struct{})}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- runMain(ctx, []string{"demo", "--dir", "../../library"}, inR, out, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		inW.Close()
		if err := <-done; err != nil {
			t.Errorf("demo: %v", err)
		}
	})
	type step struct{ send, want string }
	pos := out.waitFor(t, 0, "Strg-C beendet die Demo.")
	for _, s := range []step{
		{"passwort vergessen", "Willkommen!"},
		{"", "Passwort"},
		// A line of only 👍 is the member's reaction under the answer, as
		// the answer asks for it (fresh30: the terminal could not react).
		{"👍", "(Reaktion 👍 unter Lotses letzte Nachricht gesetzt)"},
		{"", "Danke für deine Rückmeldung"},
		{"Wie kann ich für den Bürgerschaftswahlkampf spenden?", "Supportfall"},
		{"ja", "#1"},
		{"", "Lotse im Teamraum:"},
		{"team: !übernehmen 1", "übernommen"},
		{"team: !antwort 1 Schau bitte auf die Spendenseite.", "Schau bitte auf die Spendenseite."},
	} {
		if s.send != "" {
			if _, err := io.WriteString(inW, s.send+"\n"); err != nil {
				t.Fatal(err)
			}
		}
		pos = out.waitFor(t, pos, s.want)
	}
	// The answer reached the member's chat, not only the team room.
	out.waitFor(t, 0, "\nLotse:\n"+indent("")) // at least one DM block
	waitDMBlock(t, out, "Schau bitte auf die Spendenseite.")

	// Access request against the stand-in Nextcloud.
	approved := 0
	for _, s := range []step{
		{"!zugang nextcloud AG Digitales", "E-Mail-Adresse"},
		{"demo@example.org", "Wofür"},
		{"Ich mache in der AG Digitales mit", "Bitte prüf"},
		{"ja", "#1"},
		// The request reaches the approvals room (before or after the
		// member's receipt).
		{"", ""},
		{"freigabe: !genehmigen 1", "Antrag #1 ist eingerichtet"},
	} {
		if strings.HasPrefix(s.send, "freigabe:") {
			approved = pos
		}
		if s.send != "" {
			if _, err := io.WriteString(inW, s.send+"\n"); err != nil {
				t.Fatal(err)
			}
		}
		if s.want == "" {
			out.waitFor(t, out.waitFor(t, 0, "Lotse im Genehmigungsraum:"), "Antrag #1")
			continue
		}
		pos = out.waitFor(t, pos, s.want)
	}
	// The stand-in shows the account once Lotse created it.
	out.waitFor(t, approved, "(Nextcloud-Nachbau: Konto „demo“ angelegt, E-Mail demo@example.org, Gruppen: AG Digitales)")
	waitDMBlock(t, out, "Nextcloud-Konto")
}

// waitDMBlock waits until a block of the member's chat contains want.
func waitDMBlock(t *testing.T, out *demoOutput, want string) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for !dmBlockContains(out, want) {
		out.mu.Lock()
		ch := out.changed
		out.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			out.mu.Lock()
			t.Fatalf("the member never saw %q:\n%s", want, out.buf.String())
		}
	}
}

// dmBlockContains reports whether a block the demo printed as the member's
// chat ("Lotse:") contains want.
func dmBlockContains(o *demoOutput, want string) bool {
	o.mu.Lock()
	s := o.buf.String()
	o.mu.Unlock()
	for _, block := range strings.Split(s, "\nLotse:\n")[1:] {
		// Up to the next room's block ("Lotse im Teamraum:", "Lotse im
		// Genehmigungsraum:"); message lines are indented.
		block, _, _ = strings.Cut(block, "\nLotse im ")
		if strings.Contains(block, want) {
			return true
		}
	}
	return false
}

// TestDemoReactionLines: only a line of one reaction key alone is sent as
// a reaction; a text with the emoji in it stays a message.
func TestDemoReactionLines(t *testing.T) {
	for line, want := range map[string]string{
		"👍": "👍", " 👎 ": "👎", "✅": "✅", "✅\ufe0f": "✅", "👍🏽": "👍", "1️⃣": "1️⃣", "1\u20e3": "1️⃣", "❌": "❌",
		"👍 danke": "", "ja": "", "1": "", "+1": "", "": "", "👍👍": "",
	} {
		got, ok := demoReaction(line)
		if got != want || ok != (want != "") {
			t.Errorf("demoReaction(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}
