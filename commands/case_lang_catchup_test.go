package commands

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestCaseLangCatchUpWithoutMessage (mend33b): after the two notes an
// hour allows, a third switch is followed silently, and only the member's
// next message told the thread the language then in use: a member who
// wrote nothing more left the thread's last „🌐“ note naming the other
// language for good. Now the worker's tick tells it once the bound allows,
// once; within the hour nothing. Fails without the fix: no note at the
// tick after the hour.
func TestCaseLangCatchUpWithoutMessage(t *testing.T) {
	const (
		english = "sorry, I do not speak German, can you write to me in English?"
		german  = "Danke, jetzt ist es mir klar, ich probiere das gleich aus"
	)
	e := newSupportEnv(t)
	e.openCase(t)
	ctx := context.Background()
	notes := func(sent []sentMsg) []string {
		var out []string
		for _, m := range in(sent, teamRoom) {
			if strings.HasPrefix(m.content.Body, "🌐 Fall #1") {
				out = append(out, m.content.Body)
			}
		}
		return out
	}
	tick := func() []string {
		t.Helper()
		before := e.fm.count()
		if err := e.h.Tick(ctx, e.now); err != nil {
			t.Fatal(err)
		}
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return notes(append([]sentMsg(nil), e.fm.sent[before:]...))
	}
	var told []string
	for _, msg := range []string{english, german, english} {
		e.now = e.now.Add(time.Minute)
		told = append(told, notes(e.say(t, dmRoom, member, msg, ""))...)
	}
	if len(told) != 2 {
		t.Fatalf("want two notes for three switches in three minutes, got %d: %v", len(told), told)
	}
	e.now = e.now.Add(10 * time.Minute)
	if got := tick(); len(got) != 0 {
		t.Fatalf("a note within the hour: %v", got)
	}
	e.now = e.now.Add(time.Hour)
	got := tick()
	if len(got) != 1 || !strings.Contains(got[0], "auf Englisch") {
		t.Fatalf("at the tick after the hour, want one note that the member writes English, got %v", got)
	}
	e.now = e.now.Add(time.Minute)
	if got := tick(); len(got) != 0 {
		t.Fatalf("the catch-up note came again: %v", got)
	}
	if got := notes(e.say(t, dmRoom, member, "ok", "")); len(got) != 0 {
		t.Fatalf("the member's next message told it again: %v", got)
	}
}
