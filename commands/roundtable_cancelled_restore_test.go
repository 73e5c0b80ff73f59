package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestRoundTableWithdrawWhileCancelled (mend33a, Low–Medium): while a
// round table was cancelled, a withdrawal counted for nothing — `!absage 1`
// was answered „abgesagt oder vorbei“ and a removed ✅ was ignored — so
// after rt33's restore whoever had said no meanwhile was an attendee
// again: told „deine Zusage gilt weiter“, reminded with a personal link,
// counted. Now a withdrawal counts while it is cancelled; a join still
// does not. Fails without the fix: the restore tells both again.
func TestRoundTableWithdrawWhileCancelled(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ctx := context.Background()
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Doch nicht am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	reaction := id.EventID(fmt.Sprintf("$r%d", supportEvt.Load()))
	mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!dabei 1"), dmOf(mem2)), "dabei")
	got := e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	mustContain(t, in(got, dmOf(mem2)), "abgesagt")

	// While it is cancelled: mem1 removes the ✅, mem2 withdraws by
	// command; joining stays refused.
	e.redact(t, annRoom1, mem1, reaction)
	mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!absage 1"), dmOf(mem2)), "zurückgezogen")
	mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!dabei 1"), dmOf(mem2)), "abgesagt oder vorbei")
	for _, u := range []id.UserID{mem1, mem2} {
		if r, err := e.db.RoundTables.RSVP(ctx, 1, u.String()); err != nil || r == nil || r.Attending {
			t.Fatalf("%s: the withdrawal did not count: %+v %v", u, r, err)
		}
	}

	got = e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1")
	for _, u := range []id.UserID{mem1, mem2} {
		if msgs := in(got, dmOf(u)); len(msgs) != 0 {
			t.Errorf("%s withdrew and was told again: %s", u, bodies(msgs))
		}
	}
	mustContain(t, in(got, dmOf(coord)), "findet doch statt", "0 Zugesagte sind informiert")
	rem := e.tick(t, time.Date(2026, 12, 9, 19, 0, 30, 0, berlin))
	for _, u := range []id.UserID{mem1, mem2} {
		if msgs := in(rem, dmOf(u)); len(msgs) != 0 {
			t.Errorf("%s withdrew and was reminded: %s", u, bodies(msgs))
		}
	}
	// Joining again after the restore works as ever.
	mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!dabei 1"), dmOf(mem2)), "dabei")
}

// TestRoundTableHostNotesNameOnlyWhatWorks (mend33a, Low, texts): rt33
// told every host of a stand-in's cancel „Zurücknehmen kannst du die Absage
// … mit !wiederherstellen“ and of another's announcement „absagen kannst
// du ihn mit !absagen“ — also a co-host without the coordinator role (whom
// both commands refuse) and for a cancelled draft (which cannot be
// restored), and asked a co-host who cancels „Wer ihn koordiniert oder
// mitmoderiert, kann die Absage … zurücknehmen“ (not the co-host who
// cancelled it). Now the command is named only to whom it answers. Fails
// without the fix: the co-host's notes name the commands.
func TestRoundTableHostNotesNameOnlyWhatWorks(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2() // mem2 co-hosts without the coordinator role
	post := e.announce(t, "!rundertisch Mit Moderation am 10.12. um 19 Uhr\nModeration: @mem2:test")
	e.react(t, annRoom1, mem1, post, "✅")
	// The question before the cancel: not „wer ihn mitmoderiert“ — the
	// co-host who cancels may not take it back.
	mustContain(t, e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1"), "wer ihn koordiniert, oder jemand anderes aus der Moderation (!wiederherstellen 1)")
	got := e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja")
	mustContain(t, in(got, dmOf(coord)), "hat den Runden Tisch #1", "!wiederherstellen 1")
	mustContain(t, in(got, dmOf(mem2)), "hat den Runden Tisch #1", "abgesagt")
	noneContains(t, in(got, dmOf(mem2)), "wiederherstellen")

	// A cancelled draft cannot be restored: nobody is told how.
	e.say(t, dmOf(coord), coord, "!rundertisch Nur Entwurf am 11.12. um 19 Uhr\nModeration: @mem2:test", "")
	got = e.sayDirect(t, dmOf(coord2), coord2, "!absagen 2")
	mustContain(t, in(got, dmOf(coord)), "hat den Runden Tisch #2", "abgesagt")
	noneContains(t, in(got, dmOf(coord)), "wiederherstellen")

	// Another's announcement of a draft: !absagen only to the coordinator.
	e.say(t, dmOf(coord), coord, "!rundertisch Noch ein Entwurf am 12.12. um 19 Uhr\nModeration: @mem2:test", "")
	got = e.sayDirect(t, dmOf(coord2), coord2, "!ankündigen 3")
	mustContain(t, in(got, dmOf(coord)), "bisher war er ein Entwurf", "!absagen 3")
	mustContain(t, in(got, dmOf(mem2)), "bisher war er ein Entwurf")
	noneContains(t, in(got, dmOf(mem2)), "!absagen")
}

// TestRoundTableRestoreLinksWork (mend33a, Medium, availability): a
// cancellation taken back in the last quarter of an hour — the mistaken
// `!absagen 1 ja` it was built for — left nobody able to get in. The last
// reminder had gone out with links bound to the meeting Lotse had created
// (its createTime); the cancellation ended that meeting, the restore forgot
// it, the next tick created it anew with a new createTime, and every link
// was refused — the reminder is not sent twice. Now everyone who got the
// last reminder gets a link to the new meeting once it exists. Fails
// without the fix: no new link, and the old one is refused.
func TestRoundTableRestoreLinksWork(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Gleich am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
	rem := in(e.tick(t, start.Add(-15*time.Minute)), dmOf(mem1))
	if len(rem) != 1 {
		t.Fatalf("want the last reminder with the link: %s", bodies(rem))
	}
	old := linkIn(rem[0].content.Body)

	e.now = start.Add(-8 * time.Minute)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja"), dmOf(mem1)), "abgesagt")
	e.now = start.Add(-6 * time.Minute)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")

	got := e.tick(t, start.Add(-5*time.Minute))
	links := in(got, dmOf(mem1))
	if len(links) != 1 {
		t.Fatalf("want one new link for mem1, got %s", bodies(got))
	}
	mustContain(t, links, "ist jetzt bereit", "Zur Videokonferenz")
	if ans := e.joinAnswer(t, linkIn(links[0].content.Body)); strings.Contains(ans, "FAILED") {
		t.Errorf("the new link does not get in: %s", ans)
	}
	// The coordinator's moderator link too.
	mustContain(t, in(got, dmOf(coord)), "ist jetzt bereit")
	// The reminder's link was bound to the ended meeting: refused.
	if ans := e.joinAnswer(t, old); !strings.Contains(ans, "mismatchCreateTimeParam") {
		t.Errorf("the old link: %s", ans)
	}
	// Once: the next tick sends nothing.
	if again := in(e.tick(t, start.Add(-4*time.Minute)), dmOf(mem1)); len(again) != 0 {
		t.Errorf("the link twice: %s", bodies(again))
	}
}
