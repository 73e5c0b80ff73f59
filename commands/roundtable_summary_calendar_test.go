package commands

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// deleteAnnouncement lets mod delete post in annRoom1 as the homeserver
// applies it (served redacted afterwards) and returns what Lotse sent.
func (e *rtEnv) deleteAnnouncement(t *testing.T, mod id.UserID, post id.EventID) []sentMsg {
	t.Helper()
	e.fm.mu.Lock()
	e.fm.events[post].Content = event.Content{Parsed: &event.MessageEventContent{}}
	e.fm.events[post].Unsigned.RedactedBecause = &event.Event{Sender: mod}
	e.fm.mu.Unlock()
	return e.redact(t, annRoom1, mod, post)
}

// TestRoundTableWithdrawAfterAnnouncementDeleted (rt25, fix24a's Left): a
// member who removed their ✅ after a moderator had deleted the
// announcement stayed an attendee — reminders and the personal link kept
// coming, because the withdrawal wanted an announcement Lotse still knew in
// that room. Now the member's own removal withdraws (and says so); the
// moderator's removal of the member's ✅ withdraws nothing.
func TestRoundTableWithdrawAfterAnnouncementDeleted(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Blockade am 3.12. um 19 Uhr")
	mod := id.UserID("@mod:test")
	e.fm.joined[annRoom1][mod] = true
	e.react(t, annRoom1, mem1, post, "✅")
	reaction := id.EventID(fmt.Sprintf("$r%d", supportEvt.Load()))
	mustContain(t, in(e.deleteAnnouncement(t, mod, post), dmOf(coord)), "gelöscht")

	// The moderator cleans up the deleted announcement's reactions: the
	// member did not say no.
	if got := e.redact(t, annRoom1, mod, reaction); len(got) != 0 {
		t.Fatalf("a moderator's removal of the member's ✅ was acted on: %s", bodies(got))
	}
	if r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String()); err != nil || r == nil || !r.Attending {
		t.Fatalf("the moderator's removal withdrew the RSVP: %+v %v", r, err)
	}
	// A removal sent in a room the ✅ was not in counts for nothing.
	if got := e.redact(t, id.RoomID("!elsewhere:test"), mem1, reaction); len(got) != 0 {
		t.Fatalf("a removal from a room without the round table was acted on: %s", bodies(got))
	}

	// The member removes their own ✅: withdrawn, told, no reminder.
	got := e.redact(t, annRoom1, mem1, reaction)
	mustContain(t, in(got, dmOf(mem1)), "zurückgezogen", "„Blockade“")
	if r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String()); err != nil || r == nil || r.Attending {
		t.Fatalf("the RSVP was not withdrawn: %+v %v", r, err)
	}
	if got := e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)); len(in(got, dmOf(mem1))) != 0 {
		t.Errorf("a reminder after the withdrawal: %s", bodies(in(got, dmOf(mem1))))
	}
}

// openLink follows a join link as a browser does: the attendee enters the
// fake meeting with what the link carries.
func (e *rtEnv) openLink(t *testing.T, link string) {
	t.Helper()
	resp, err := e.fake.Client().Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("join link: %s", resp.Status)
	}
}

// TestRoundTableSummaryNamesMembersNow (rt25, Low, privacy and integrity):
// the attendance summary listed the names BigBlueButton showed, kept tied
// to nobody: a member who had renamed appeared under the name they no
// longer use (beside their current one among the RSVPs), someone dialled
// in by phone under their number, and an erasure left the name. Now Lotse
// keeps the Matrix ID the personal link carries and names members as the
// RSVP list does; people without a link are only counted.
func TestRoundTableSummaryNamesMembersNow(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
	got := e.tick(t, time.Date(2026, 12, 3, 18, 45, 0, 0, berlin))
	reminders := in(got, dmOf(mem1))
	if len(reminders) != 1 {
		t.Fatalf("want one reminder with the link: %s", bodies(got))
	}
	e.openLink(t, linkIn(reminders[0].content.Body))
	m, ok := e.fake.Meeting(fmt.Sprintf("lotse-rt-1-%d", time.Date(2026, 12, 3, 19, 0, 0, 0, berlin).Unix()))
	if !ok {
		t.Fatal("no meeting")
	}
	if err := e.fake.Join(m.MeetingID, "+49 171 ***89", "VIEWER"); err != nil { // dialled in
		t.Fatal(err)
	}
	e.tick(t, time.Date(2026, 12, 3, 19, 10, 0, 0, berlin))

	e.fm.mu.Lock()
	e.fm.names[mem1] = "Mia Neu"
	e.fm.mu.Unlock()
	got = e.tick(t, time.Date(2026, 12, 3, 20, 31, 0, 0, berlin))
	summary := in(got, dmOf(coord))
	mustContain(t, summary, "In der Videokonferenz waren 2 Personen: Mia Neu, 1 ohne persönlichen Link (z. B. per Telefon)", "Zugesagt hatte 1 Person: Mia Neu")
	for _, old := range []string{"Mia Eins", "+49"} {
		if strings.Contains(bodies(summary), old) {
			t.Errorf("the summary shows %q: %s", old, bodies(summary))
		}
	}
}

// visibleText is what Element shows of a message with HTML: the text
// without tags (a link shows its label).
func visibleText(c *event.MessageEventContent) string {
	if c.FormattedBody == "" {
		return c.Body
	}
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(c.FormattedBody, ""))
}

// TestRoundTableLinkLabelledOnPhone (rt25, texts on a phone): the reminder
// showed the personal join link as a bare URL — some 250 characters of
// query and checksum across half a phone screen. Now it is a link with a
// label; the coordinator's says it opens the meeting as moderator. The
// plain body keeps the URL (notifications, clients without HTML).
func TestRoundTableLinkLabelledOnPhone(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin))
	got := e.tick(t, time.Date(2026, 12, 3, 18, 45, 0, 0, berlin))
	for _, who := range []id.UserID{mem1, coord} {
		msgs := in(got, dmOf(who))
		if len(msgs) != 1 {
			t.Fatalf("%s: want one reminder, got %s", who, bodies(msgs))
		}
		c := msgs[0].content
		shown := visibleText(c)
		if strings.Contains(shown, "http") || strings.Contains(shown, "checksum") {
			t.Errorf("%s: the phone shows the bare URL: %s", who, shown)
		}
		if !strings.Contains(c.FormattedBody, `<a href="http`) || !strings.Contains(shown, "Zur Videokonferenz") {
			t.Errorf("%s: no labelled link: %s", who, c.FormattedBody)
		}
		if _, err := e.fake.VerifyJoinURL(linkIn(c.Body)); err != nil {
			t.Errorf("%s: the plain body lost the link: %v (%s)", who, err, c.Body)
		}
		if moderator := strings.Contains(shown, "Moderation"); moderator != (who == coord) {
			t.Errorf("%s: moderator label %v: %s", who, moderator, shown)
		}
		if n := utf8.RuneCountInString(shown); n > 300 {
			t.Errorf("%s: the reminder is %d characters on a phone: %s", who, n, shown)
		}
	}
}

// icsLine returns the (unfolded) content line of ics that starts with prop
// followed by ":" or ";", or "".
func icsLine(ics, prop string) string {
	for _, l := range strings.Split(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n") {
		if strings.HasPrefix(l, prop+":") || strings.HasPrefix(l, prop+";") {
			return l
		}
	}
	return ""
}

// TestRoundTableCalendarChangeReachesAttendees (rt25): a move or a
// cancellation put a new calendar file into the announcement rooms only;
// a member who had joined was told in their direct chat, without the file,
// and had to find it in the room. A calendar file opened from a chat is
// imported, not processed as an invitation, so the file alone does not
// remove the entry everywhere: the member now gets the file with the
// notice and is told what to do if their calendar keeps the old entry.
// The file matches the first one (UID, ORGANIZER), has a higher SEQUENCE,
// and names no attendee: the event was published without any (RFC 5546
// 3.2.1), and the rooms' copy would otherwise list who joined.
func TestRoundTableCalendarChangeReachesAttendees(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
	first := e.icsOf(t, roomFiles(files(e.fm.sent))[0])
	mustContain(t, in(e.say(t, annRoom1, mem1, "!dabei 1", ""), dmOf(mem1)), "dabei")

	dmFile := func(got []sentMsg) (string, []sentMsg) {
		t.Helper()
		msgs := in(got, dmOf(mem1))
		if len(msgs) != 2 || msgs[1].content.MsgType != event.MsgFile {
			t.Fatalf("want the notice and the calendar file in the direct chat, got %s", bodies(msgs))
		}
		return e.icsOf(t, msgs[1]), msgs
	}
	check := func(ics, method, seq string) {
		t.Helper()
		for prop, want := range map[string]string{"METHOD": "METHOD:" + method, "SEQUENCE": "SEQUENCE:" + seq,
			"UID": icsLine(first, "UID"), "ORGANIZER": icsLine(first, "ORGANIZER")} {
			if got := icsLine(ics, prop); got != want {
				t.Errorf("%s: %q, want %q", prop, got, want)
			}
		}
		if strings.Contains(ics, "ATTENDEE") || strings.Contains(ics, "mem1") {
			t.Errorf("the calendar file names attendees:\n%s", ics)
		}
	}

	ics, msgs := dmFile(e.say(t, dmOf(coord), coord, "!verschieben 1 4.12. um 19 Uhr", ""))
	mustContain(t, msgs[:1], "verschoben", "Kalenderdatei", "alten Termin")
	check(ics, "PUBLISH", "1")
	if !strings.Contains(ics, "\r\nDTSTART;TZID=Europe/Berlin:20261204T190000\r\n") {
		t.Errorf("not moved:\n%s", ics)
	}

	question := e.say(t, dmOf(coord), coord, "!absagen 1", "")
	if shown := visibleText(question[0].content); !strings.Contains(shown, "\nWenn du sicher bist: !absagen 1 ja\n") {
		t.Errorf("the command to confirm is not on its own line on a phone: %q", shown)
	}
	ics, msgs = dmFile(e.say(t, dmOf(coord), coord, "!absagen 1 ja", ""))
	mustContain(t, msgs[:1], "abgesagt", "Kalenderdatei")
	check(ics, "CANCEL", "2")
	if got := icsLine(ics, "STATUS"); got != "STATUS:CANCELLED" {
		t.Errorf("STATUS %q", got)
	}
	for _, m := range roomFiles(files(e.fm.sent)) {
		if room := e.icsOf(t, m); strings.Contains(room, "ATTENDEE") {
			t.Errorf("a room's calendar file names attendees:\n%s", room)
		}
	}
}
