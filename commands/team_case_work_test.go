package commands

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// A second member with a case of their own (team26's tests).
const (
	otherMember = id.UserID("@jo:test")
	otherDMRoom = id.RoomID("!dm-jo:test")
)

// otherCase opens case #2, of otherMember, beside the supportEnv member's
// case #1 (stored directly: how it was opened does not matter here).
func (e *supportEnv) otherCase(t *testing.T) *storage.Case {
	t.Helper()
	e.fm.joined[otherDMRoom] = map[id.UserID]bool{otherMember: true, botID: true}
	c := &storage.Case{MemberID: otherMember.String(), MemberRoom: otherDMRoom.String(), Summary: "Drucker druckt nicht"}
	if _, _, err := e.db.Cases.Create(context.Background(), c, "$jo-origin", "Drucker druckt nicht", e.now); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestThreadNumberNamesOtherCase: in the thread of case #1, a command
// whose text begins with a number („!antwort 2 Minuten warten …“,
// „!erledigt 3 Neustarts …“) must not be read as case #2 — another
// member's case. Before team26 the answer went to case #2's member and
// the solution resolved case #2. The thread's own number, or a number
// outside any thread, still works; and outside threads a reply to the
// case message counts as written in its thread.
func TestThreadNumberNamesOtherCase(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	other := e.otherCase(t)
	if other.ID != 2 {
		t.Fatalf("other case is #%d", other.ID)
	}
	ctx := context.Background()
	for _, cmd := range []string{
		"!antwort 2 Minuten warten, dann neu starten",
		"!erledigt 2 Neustarts haben geholfen",
		"!übernehmen 2",
		"!zuweisen 2 @bob:test",
	} {
		sent := e.say(t, teamRoom, alice, cmd, root)
		if got := in(sent, otherDMRoom); len(got) != 0 {
			t.Errorf("%q in case #1's thread reached case #2's member:\n%s", cmd, bodies(got))
		}
		if got := in(sent, dmRoom); len(got) != 0 {
			t.Errorf("%q reached case #1's member:\n%s", cmd, bodies(got))
		}
		mustContain(t, in(sent, teamRoom), "Thread von Fall #1", "„2“", "ich habe nichts getan")
		c, err := e.db.Cases.Get(ctx, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != storage.CaseOpen || c.Assignee != "" {
			t.Errorf("%q changed case #2: status %d, assignee %q", cmd, c.Status, c.Assignee)
		}
	}
	// With the thread's own number first, the text may begin with a number.
	sent := e.say(t, teamRoom, alice, "!antwort 1 2 Minuten warten, dann neu starten", root)
	if dm := in(sent, dmRoom); len(dm) != 1 || !strings.Contains(dm[0].content.Body, "2 Minuten warten") {
		t.Fatalf("answer with the thread's own number: %s", bodies(sent))
	}
	// Outside any thread the number names the case, as before.
	sent = e.say(t, teamRoom, bob, "!antwort 2 Bitte schalte ihn einmal aus und an.", "")
	if dm := in(sent, otherDMRoom); len(dm) != 1 || !strings.Contains(dm[0].content.Body, "aus und an") {
		t.Fatalf("answer outside threads: %s", bodies(sent))
	}
	// A phone's reply to case #2's message, outside its thread: case #2.
	c2, _ := e.db.Cases.Get(ctx, other.ID)
	if err := e.db.Cases.SetTeamEvent(ctx, other.ID, "$board-2"); err != nil {
		t.Fatal(err)
	}
	reply := &event.MessageEventContent{MsgType: event.MsgText, Body: "!erledigt", RelatesTo: (&event.RelatesTo{}).SetReplyTo("$board-2")}
	e.handle(t, e.event(teamRoom, bob, reply), false)
	if c, _ := e.db.Cases.Get(ctx, other.ID); c.Status != storage.CaseResolved || c2.Status != storage.CaseOpen {
		t.Fatalf("!erledigt in reply to case #2's message: status %d", c.Status)
	}
}

// TestUnclaimedRemindersBundled: 40 cases waiting at once are one
// reminder in the team room, not 40 (before team26: one message per
// case, all at once); it names the first ten and counts the rest, is
// sent once across ticks, and a case that becomes due later is reminded
// of on its own.
func TestUnclaimedRemindersBundled(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.DigestHour = -1 })
	ctx := context.Background()
	for i := range 40 {
		c := &storage.Case{MemberID: otherMember.String(), MemberRoom: otherDMRoom.String(), Summary: "Frage"}
		if _, _, err := e.db.Cases.Create(ctx, c, fmt.Sprintf("$busy-%d", i), "Frage", e.now); err != nil {
			t.Fatal(err)
		}
	}
	reminders := func() []string {
		var out []string
		for _, m := range in(e.fm.sent, teamRoom) {
			if strings.HasPrefix(m.content.Body, "⏰") {
				out = append(out, m.content.Body)
			}
		}
		return out
	}
	for _, at := range []time.Duration{5 * time.Hour, 5*time.Hour + time.Minute} {
		if err := e.h.Tick(ctx, e.now.Add(at)); err != nil {
			t.Fatal(err)
		}
	}
	got := reminders()
	if len(got) != 1 {
		t.Fatalf("want one reminder for 40 waiting cases, got %d:\n%s", len(got), strings.Join(got, "\n---\n"))
	}
	for _, want := range []string{"40 Fälle warten", "#1 (seit 5 Std.)", "#10 (seit 5 Std.)", "Dazu kommen 30 weitere", "!offen"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("reminder lacks %q:\n%s", want, got[0])
		}
	}
	if strings.Contains(got[0], "#11 ") {
		t.Errorf("reminder lists more than ten cases:\n%s", got[0])
	}
	// One more case, due later: a reminder of its own.
	late := &storage.Case{MemberID: otherMember.String(), MemberRoom: otherDMRoom.String(), Summary: "Frage"}
	if _, _, err := e.db.Cases.Create(ctx, late, "$busy-late", "Frage", e.now.Add(5*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := e.h.Tick(ctx, e.now.Add(10*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got = reminders(); len(got) != 2 || !strings.Contains(got[1], "Fall #41 wartet seit 5 Std.") {
		t.Fatalf("later case's reminder: %q", got)
	}
}

// TestIdleClaimFallsBack: a volunteer claims a case and goes to bed (or
// away for the week). The reminder after StaleAfter says when the case
// goes back; another StaleAfter later without activity it is open for
// claiming again, the thread names who had it, the board shows it open,
// and the reminder of unclaimed cases follows. Activity after the
// reminder keeps it claimed. Before team26 it stayed claimed for good.
func TestIdleClaimFallsBack(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Support.DigestHour = -1 })
	root := e.openCase(t) // Monday 10:00 Berlin
	ctx := context.Background()
	e.say(t, teamRoom, alice, "!übernehmen", root)
	loc := e.h.Support.Location
	tick := func(at time.Time) []sentMsg {
		t.Helper()
		before := e.fm.count()
		if err := e.h.Tick(ctx, at); err != nil {
			t.Fatal(err)
		}
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return append([]sentMsg(nil), e.fm.sent[before:]...)
	}
	assignee := func() string {
		c, err := e.db.Cases.Get(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		return c.Assignee
	}
	// Thursday 10:05: three days idle, Alice is reminded and told when.
	sent := tick(time.Date(2026, 3, 5, 10, 5, 0, 0, loc))
	mustContain(t, sent, "Alice, in Fall #1", "in 3 Tagen für das Team wieder frei")
	// Saturday: not yet three days after the reminder.
	if sent := tick(time.Date(2026, 3, 7, 12, 0, 0, 0, loc)); len(sent) != 0 || assignee() != alice.String() {
		t.Fatalf("returned too early: %s", bodies(sent))
	}
	// Sunday 10:05: returned, in the thread, on the board.
	sent = tick(time.Date(2026, 3, 8, 10, 5, 0, 0, loc))
	if assignee() != "" {
		t.Fatal("idle case still claimed three days after the reminder")
	}
	mustContain(t, sent, "Fall #1 ist wieder offen zur Übernahme", "Bei Alice", "[OFFEN]")
	for _, m := range in(sent, dmRoom) {
		t.Errorf("the member was told: %s", m.content.Body)
	}
	if sent := tick(time.Date(2026, 3, 8, 10, 6, 0, 0, loc)); len(sent) != 0 {
		t.Fatalf("second tick sent: %s", bodies(sent))
	}
	// The history says who had it.
	mustContain(t, e.say(t, teamRoom, bob, "!fall", root), "zurück in die Warteschlange (lag bei Alice)")
	// Later, the reminder of unclaimed cases.
	mustContain(t, tick(time.Date(2026, 3, 8, 14, 10, 0, 0, loc)), "Fall #1 wartet seit 4 Std.")

	// Activity after the reminder keeps the case with its assignee.
	e.now = time.Date(2026, 3, 8, 15, 0, 0, 0, loc)
	e.say(t, teamRoom, bob, "!übernehmen", root)
	mustContain(t, tick(time.Date(2026, 3, 11, 15, 5, 0, 0, loc)), "Bob, in Fall #1")
	e.now = time.Date(2026, 3, 12, 9, 0, 0, 0, loc)
	e.say(t, teamRoom, bob, "Habe Mia angerufen, sie schickt Screenshots.", root)
	if tick(time.Date(2026, 3, 14, 15, 10, 0, 0, loc)); assignee() != bob.String() {
		t.Fatal("a case with a note after the reminder was returned")
	}
}

// TestMemberActiveFileIsDownload: a member's file with web content — a
// login page declared as „screenshot.png“, an SVG with a script, an HTML
// file — reaches the team as a plain download (m.file, application/
// octet-stream), never as an image, and the thread warns the team not to
// open it in a browser. Before team26 it went on as the member declared
// it. A real picture stays a picture, without a warning.
func TestMemberActiveFileIsDownload(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	for _, tc := range []struct {
		name     string
		data     []byte
		declared string
		active   bool
	}{
		{"a page declared as a png", []byte("<!DOCTYPE html><html><body><form>Passwort: <input type=password></form></body></html>"), "image/png", true},
		{"an svg with a script", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch('x')</script></svg>`), "image/svg+xml", true},
		{"an svg declared as a png", []byte(`  <svg xmlns="http://www.w3.org/2000/svg"><a href="https://evil.example/login"><text>Login</text></a></svg>`), "image/png", true},
		{"an html file", []byte("<p>Hallo</p>"), "text/html", true},
		{"a picture", png, "image/png", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			img := e.encryptedImage(t, tc.data, "screenshot.png", "")
			img.Info.MimeType = tc.declared
			team := in(e.handle(t, e.event(dmRoom, member, img), true), teamRoom)
			var media *event.MessageEventContent
			for _, m := range team {
				if m.content.File != nil {
					media = m.content
				}
			}
			if media == nil {
				t.Fatalf("no file relayed: %s", bodies(team))
			}
			warned := strings.Contains(bodies(team), "nicht im Browser")
			if tc.active {
				if media.MsgType != event.MsgFile || media.Info == nil || media.Info.MimeType != "application/octet-stream" {
					t.Errorf("relayed as %s %+v", media.MsgType, media.Info)
				}
				if !warned {
					t.Errorf("no warning in the thread: %s", bodies(team))
				}
			} else if media.MsgType != event.MsgImage || media.Info.MimeType != "image/png" || warned {
				t.Errorf("a picture became %s %+v (warned: %v)", media.MsgType, media.Info, warned)
			}
			if got := e.teamFile(t, media); !bytes.Equal(got, tc.data) {
				t.Errorf("team's file carries %q", got)
			}
		})
	}
}

// TestRevokedMidCase: a volunteer loses the team role while holding a
// case. The case goes back to the queue with a note in its thread and on
// the board, they are removed from the team room, and whatever they still
// send there — a claim, an answer, an edit of their earlier answer —
// reaches neither the case nor the member.
func TestRevokedMidCase(t *testing.T) {
	e, rooms := newRolesEnv(t)
	root := e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen", root)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort Ich schaue es mir an.",
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	if dm := in(e.handle(t, answer, false), dmRoom); len(dm) != 1 {
		t.Fatalf("answer before the revocation: %s", bodies(dm))
	}
	sent := e.say(t, approvRm, approvr, "!rolle @alice:test team entziehen", "")
	mustContain(t, in(sent, teamRoom), "Fall #1 ist wieder offen zur Übernahme", "[OFFEN]")
	if !rooms.has(&rooms.kicks, teamRoom.String()+" "+alice.String()) {
		t.Errorf("not removed from the team room: %v", rooms.kicks)
	}
	if c, _ := e.db.Cases.Get(context.Background(), 1); c.Assignee != "" {
		t.Fatalf("case still with %s", c.Assignee)
	}
	for name, evt := range map[string]*event.Event{
		"claim":  e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!übernehmen 1"}),
		"answer": e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Hier ist deine IBAN …"}),
		"edit":   e.editText(teamRoom, alice, answer.ID, "!antwort Neue Nummer: 0171 …"),
	} {
		sent := e.handle(t, evt, false)
		if dm := in(sent, dmRoom); len(dm) != 0 {
			t.Errorf("%s after the revocation reached the member: %s", name, bodies(dm))
		}
		if c, _ := e.db.Cases.Get(context.Background(), 1); c.Assignee != "" {
			t.Errorf("%s after the revocation claimed the case", name)
		}
	}
}

// TestTeamFileAnswer: a volunteer sends a screenshot with the caption
// „!antwort …“ (or the reply prefix) in the case thread. The member gets
// the answer and the file, under its file name (never the command), and
// the thread says so; deleting the answer takes the file back as well. A
// file with web content goes nowhere, and the thread says the answer went
// without it. Before team26 the member got the caption alone, and the
// thread said „Antwort gesendet“.
func TestTeamFileAnswer(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...)
	for _, tc := range []struct {
		name, prefix, caption string
		data                  []byte
		sent                  bool
	}{
		{"a screenshot with !antwort", "", "!antwort Tipp oben rechts auf das Zahnrad.", png, true},
		{"a screenshot with the reply prefix", "@@", "@@ Tipp oben rechts auf das Zahnrad.", png, true},
		{"a web page with !antwort", "", "!antwort Tipp oben rechts auf das Zahnrad.", []byte("<html><form>Passwort</form></html>"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.Support.ReplyPrefix = tc.prefix })
			root := e.openCase(t)
			img := e.encryptedImage(t, tc.data, "zahnrad.png", tc.caption)
			img.RelatesTo = (&event.RelatesTo{}).SetThread(root, root)
			answer := e.event(teamRoom, alice, img)
			sent := e.handle(t, answer, false)
			dm := in(sent, dmRoom)
			var file *event.MessageEventContent
			for _, m := range dm {
				if m.content.URL != "" || m.content.File != nil {
					file = m.content
				}
			}
			if !strings.Contains(bodies(dm), "Zahnrad") {
				t.Fatalf("the answer's text did not reach the member: %s", bodies(dm))
			}
			if !tc.sent {
				if file != nil {
					t.Fatalf("a web page reached the member: %+v", file)
				}
				mustContain(t, in(sent, teamRoom), "ohne die Datei", "Web-Inhalt")
				return
			}
			if file == nil {
				t.Fatalf("the file did not reach the member: %s", bodies(dm))
			}
			if file.Body != "zahnrad.png" || strings.Contains(file.Body, "antwort") || file.MsgType != event.MsgImage {
				t.Errorf("member's file: %s %q", file.MsgType, file.Body)
			}
			if got, _ := e.fm.Download(context.Background(), file.URL); !bytes.Equal(got, tc.data) {
				t.Errorf("member's file carries %q", got)
			}
			mustContain(t, in(sent, teamRoom), "Antwort mit Datei an das Mitglied gesendet (Alice)")
			// Deleting the answer takes the file back too.
			e.handle(t, e.redaction(teamRoom, alice, answer.ID), false)
			redacted := e.redactedIn(dmRoom)
			for _, m := range dm {
				if _, ok := redacted[id.EventID("$"+m.txn)]; !ok {
					t.Errorf("still with the member after the deletion: %q", m.content.Body)
				}
			}
		})
	}
}

// TestOpenListPaged: with 40 open cases, `!offen` is a page of 15 —
// unclaimed first, oldest first, each summary shortened — and names the
// next page, which lists the rest. Before team26 one message listed 30
// with whole summaries, and the 10 after them could not be listed.
func TestOpenListPaged(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	long := strings.Repeat("Mein Kalender zeigt die Termine der Ortsgruppe doppelt an ", 3)
	for i := range 40 {
		c := &storage.Case{MemberID: otherMember.String(), MemberRoom: otherDMRoom.String(), Summary: fmt.Sprintf("Frage %d: %s", i+1, long)}
		if _, _, err := e.db.Cases.Create(ctx, c, fmt.Sprintf("$list-%d", i), "Frage", e.now.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if i < 5 { // the five oldest are claimed
			if _, _, err := e.db.Cases.Claim(ctx, c.ID, bob.String(), e.now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.now = e.now.Add(2 * time.Hour)
	lines := func(body string) []string {
		var out []string
		for l := range strings.SplitSeq(body, "\n") {
			if strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "• ") {
				out = append(out, l)
			}
		}
		return out
	}
	first := in(e.say(t, teamRoom, alice, "!offen", ""), teamRoom)
	if len(first) != 1 {
		t.Fatalf("want one reply, got %d", len(first))
	}
	got := lines(first[0].content.Body)
	if len(got) != 15 || !strings.Contains(got[0], "#6 ") || !strings.Contains(got[14], "#20 ") {
		t.Fatalf("first page, unclaimed oldest first:\n%s", first[0].content.Body)
	}
	// The age stands alone after the case: German needs „seit“ before its
	// dative („– seit 2 Std.“, „– seit 366 Tagen“, not „– 366 Tagen“).
	if !strings.Contains(got[0], " – seit ") {
		t.Errorf("a case's age without „seit“: %q", got[0])
	}
	mustContain(t, first, "Offene Fälle: 40, davon 35 ohne Bearbeitung", "… und 25 weitere: !offen 2")
	if strings.Contains(first[0].content.Body, "doppelt an Mein Kalender zeigt die Termine der Ortsgruppe doppelt") {
		t.Errorf("summaries are not shortened:\n%s", first[0].content.Body)
	}
	third := in(e.say(t, teamRoom, alice, "!offen 3", ""), teamRoom)
	got = lines(third[0].content.Body)
	if len(got) != 10 || !strings.Contains(got[5], "#1 ") || !strings.Contains(got[5], "IN ARBEIT: Bob") || strings.Contains(third[0].content.Body, "weitere") {
		t.Fatalf("last page, claimed at the end:\n%s", third[0].content.Body)
	}
	mustContain(t, in(e.say(t, teamRoom, alice, "!offen 4", ""), teamRoom), "Seite 4 ist leer")
}

// TestReopenWithoutFormerAssignee: a case resolved by a volunteer who has
// left the team since is reopened — by its member writing again, or by
// `!wiedereröffnen`. It comes back open for claiming, not „IN ARBEIT“ for
// someone no longer there (before team26 it did, and nobody took it up);
// the thread says so. A volunteer still in the team keeps their case.
func TestReopenWithoutFormerAssignee(t *testing.T) {
	for _, tc := range []struct {
		name   string
		left   bool
		reopen func(t *testing.T, e *supportEnv, root id.EventID) []sentMsg
	}{
		{"the member writes again", true, func(t *testing.T, e *supportEnv, _ id.EventID) []sentMsg {
			return e.say(t, dmRoom, member, "Es geht leider doch wieder nicht.", "")
		}},
		{"the team reopens", true, func(t *testing.T, e *supportEnv, root id.EventID) []sentMsg {
			return e.say(t, teamRoom, bob, "!wiedereröffnen", root)
		}},
		{"the assignee is still in the team", false, func(t *testing.T, e *supportEnv, _ id.EventID) []sentMsg {
			return e.say(t, dmRoom, member, "Es geht leider doch wieder nicht.", "")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			root := e.openCase(t)
			e.say(t, teamRoom, alice, "!übernehmen", root)
			e.say(t, teamRoom, alice, "!erledigt Neu gestartet.", root)
			if tc.left {
				setRole(t, e.db, alice, storage.RoleTeam, storage.RoleRemoved)
			}
			e.now = e.now.Add(24 * time.Hour)
			sent := tc.reopen(t, e, root)
			c, err := e.db.Cases.Get(context.Background(), 1)
			if err != nil || c.Status != storage.CaseOpen {
				t.Fatalf("not reopened: %+v %v", c, err)
			}
			if !tc.left {
				if c.Assignee != alice.String() {
					t.Fatalf("assignee %q, want alice", c.Assignee)
				}
				return
			}
			if c.Assignee != "" {
				t.Fatalf("reopened for %s, who left the team", c.Assignee)
			}
			mustContain(t, in(sent, teamRoom), "wieder offen zur Übernahme", "[OFFEN]")
			mustContain(t, e.say(t, teamRoom, bob, "!fall", root), "hat den Fall wieder geöffnet (lag vorher bei Alice)")
		})
	}
}
