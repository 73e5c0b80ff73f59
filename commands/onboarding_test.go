package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/people"
)

// TestStopAndUndo: !stopp keeps the onboarding reminder away, !stopp zurück
// lets it come again; both answer the member.
func TestStopAndUndo(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	e.reconfigure(func(d *Deps) { d.Onboarding = Onboarding{Welcome: true, ReminderAfter: 24 * time.Hour} })
	sent := e.say(t, dmRoom, member, "hallo", "")
	mustContain(t, in(sent, dmRoom), "!stopp")
	sent = e.say(t, dmRoom, member, "!stopp", "")
	mustContain(t, in(sent, dmRoom), "nur noch, wenn du mich etwas fragst", "!stopp zurück")

	e.now = e.now.Add(25 * time.Hour)
	before := e.fm.count()
	if err := e.h.TickPeople(ctx, e.now); err != nil {
		t.Fatal(err)
	}
	if n := e.fm.count() - before; n != 0 {
		t.Fatalf("%d unsolicited messages after !stopp: %s", n, bodies(e.fm.sent[before:]))
	}

	sent = e.say(t, dmRoom, member, "!stopp zurück", "")
	mustContain(t, in(sent, dmRoom), "wieder von mir aus schreiben")
	before = e.fm.count()
	for range 2 {
		if err := e.h.TickPeople(ctx, e.now); err != nil {
			t.Fatal(err)
		}
	}
	reminders := in(e.fm.sent[before:], dmRoom)
	if len(reminders) != 1 || !strings.Contains(reminders[0].content.Body, people.GermanOnboarding.Reminder[:20]) {
		t.Fatalf("want one reminder after !stopp zurück, got %d: %s", len(reminders), bodies(reminders))
	}
}
