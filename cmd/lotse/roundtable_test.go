package main

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
	"github.com/lotse-bot/lotse/internal/chatclient"
)

// autoJoin makes c join every room it is invited to (the DMs Lotse opens)
// and returns a function that waits for the first such room.
func autoJoin(t *testing.T, c *chatclient.Client, skip ...id.RoomID) func() id.RoomID {
	t.Helper()
	rooms := make(chan id.RoomID, 8)
	var once sync.Map
	for _, r := range skip {
		once.Store(r, true)
	}
	c.OnInvite(func(roomID id.RoomID, _ id.UserID) {
		if _, dup := once.LoadOrStore(roomID, true); dup {
			return
		}
		go func() {
			if _, err := c.Cli.JoinRoomByID(context.Background(), roomID); err == nil {
				rooms <- roomID
			}
		}()
	})
	return func() id.RoomID {
		select {
		case r := <-rooms:
			return r
		case <-time.After(30 * time.Second):
			t.Fatalf("%s was never invited to a DM", c.Cli.UserID)
			return ""
		}
	}
}

func countContaining(c *chatclient.Client, room id.RoomID, sender id.UserID, s string) int {
	n := 0
	for _, e := range c.Received(room, sender) {
		if strings.Contains(body(e), s) {
			n++
		}
	}
	return n
}

// TestRoundTableOnHomeserver runs a round table through the real
// homeserver with the fake BBB: announcement with .ics to two rooms (one
// encrypted), RSVP by reaction and by command, DMs Lotse opens itself,
// reminders with valid signed join links, withdrawal by redaction,
// reschedule, a restart, cancel.
func TestRoundTableOnHomeserver(t *testing.T) {
	fake := bbbtest.New(t, "bbb-secret")
	coordU, m1, m2 := newMember(t, "coord"), newMember(t, "rsvp1"), newMember(t, "rsvp2")
	var room1, room2 id.RoomID
	l := startLotse(t, copyLibrary(t), func(cfg *config.Config) {
		var err error
		if room1, err = coordU.CreateRoom(t.Context(), "Ortsverband", false, id.UserID(cfg.UserID), m1.Cli.UserID); err != nil {
			t.Fatal(err)
		}
		if room2, err = coordU.CreateRoom(t.Context(), "AG Digitales", true, id.UserID(cfg.UserID), m2.Cli.UserID); err != nil {
			t.Fatal(err)
		}
		cfg.Coordinators = []string{coordU.Cli.UserID.String()}
		cfg.AnnouncementRooms = []string{room1.String(), room2.String()}
		// One reminder, due right away (it is the last, so it is sent late, with the link).
		cfg.RoundTableReminders = []string{"72h"}
		cfg.RoundTableMeetingLead = 96 * time.Hour
		cfg.RoundTableTick = time.Second
		cfg.BBBURL, cfg.BBBSecret = fake.URL(), "bbb-secret"
	})
	for _, x := range []struct {
		c    *chatclient.Client
		room id.RoomID
	}{{m1, room1}, {m2, room2}} {
		if _, err := x.c.Cli.JoinRoomByID(t.Context(), x.room); err != nil {
			t.Fatal(err)
		}
	}
	next1, next2 := autoJoin(t, m1, room1, room2), autoJoin(t, m2, room1, room2)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for _, r := range []id.RoomID{room1, room2} {
		if err := coordU.WaitJoined(ctx, r, l.userID); err != nil {
			t.Fatal(err)
		}
	}
	dm := openDM(t, coordU, l.userID, true)

	// Plan, preview, confirm.
	reply, _ := ask(t, coordU, dm, l.userID, text("!rundertisch Digitaler Stammtisch "+berlinDay(t, 1)+" 19 Uhr\nBeschreibung: Alles rund um die Cloud"))
	if !strings.Contains(body(reply), "Vorschau") || !strings.Contains(body(reply), "19:00–20:30 Uhr") {
		t.Fatalf("preview: %s", body(reply))
	}
	reply, _ = ask(t, m1, room1, l.userID, text("!rundertisch Nein morgen 19 Uhr"))
	if !strings.Contains(body(reply), "Koordinator:innen") {
		t.Fatalf("member could plan: %s", body(reply))
	}
	reply, _ = ask(t, coordU, dm, l.userID, text("!ankündigen 1"))
	if !strings.Contains(body(reply), "angekündigt") {
		t.Fatalf("announce: %s", body(reply))
	}
	post := waitFor(t, m1, room1, l.userID, "Runder Tisch #1", "Digitaler Stammtisch", "!dabei 1")
	waitFor(t, m2, room2, l.userID, "Runder Tisch #1")
	ctx2, cancel2 := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel2()
	file, err := m2.Wait(ctx2, room2, l.userID, func(e *event.Event) bool { return e.Content.AsMessage().MsgType == event.MsgFile })
	if err != nil {
		t.Fatal("no .ics in the encrypted room")
	}
	fc := file.Content.AsMessage()
	if fc.File == nil || fc.Info == nil || fc.Info.MimeType != "text/calendar" {
		t.Fatalf("ics in encrypted room: file %v info %+v", fc.File != nil, fc.Info)
	}
	uri, _ := fc.File.URL.Parse()
	data, err := m2.Cli.DownloadBytes(t.Context(), uri)
	if err != nil || fc.File.DecryptInPlace(data) != nil || !strings.Contains(string(data), "BEGIN:VCALENDAR") || !strings.Contains(string(data), "TZID=Europe/Berlin") {
		t.Fatalf("cannot read the .ics: %v", err)
	}

	// RSVP by reaction: Lotse opens a DM, confirms, then reminds with the link.
	reaction, err := m1.React(t.Context(), room1, post.ID, "✅")
	if err != nil {
		t.Fatal(err)
	}
	dm1 := next1()
	waitFor(t, m1, dm1, l.userID, "dabei", "Digitaler Stammtisch")
	rem := waitFor(t, m1, dm1, l.userID, "Erinnerung", "Zugangslink")
	info, err := fake.VerifyJoinURL(linkIn(body(rem)))
	if err != nil || info.Role != "VIEWER" || info.CreateTime == 0 || info.FullName == "" {
		t.Fatalf("join link: %+v %v", info, err)
	}
	// RSVP by command in the encrypted room.
	if _, err := m2.SendText(t.Context(), room2, "!dabei 1"); err != nil {
		t.Fatal(err)
	}
	dm2 := next2()
	waitFor(t, m2, dm2, l.userID, "dabei")
	waitFor(t, m2, dm2, l.userID, "Erinnerung", "Zugangslink")

	// Withdrawal by removing the reaction.
	if _, err := m1.Cli.RedactEvent(t.Context(), room1, reaction); err != nil {
		t.Fatal(err)
	}
	waitFor(t, m1, dm1, l.userID, "zurückgezogen")

	// Reschedule: m2 is told, the announcement is edited.
	reply, _ = ask(t, coordU, dm, l.userID, text("!verschieben 1 "+berlinDay(t, 2)+" 20 Uhr"))
	if !strings.Contains(body(reply), "verschoben") || !strings.Contains(body(reply), "1 Zugesagte") {
		t.Fatalf("reschedule: %s", body(reply))
	}
	waitFor(t, m2, dm2, l.userID, "verschoben", "20:00")
	waitEdit(t, m1, room1, l.userID, post.ID, "Verschoben", "20:00")

	// Restart while the reminder for the new date is due: it arrives exactly once.
	restartLotse(t, l)
	waitFor(t, m2, dm2, l.userID, "Erinnerung", "20:00")
	// No third reminder may follow: watch three scheduler ticks for one.
	quiet, cancelQuiet := context.WithTimeout(t.Context(), 3*time.Second)
	_, err = m2.Wait(quiet, dm2, l.userID, func(*event.Event) bool { return countContaining(m2, dm2, l.userID, "Erinnerung") > 2 })
	cancelQuiet()
	if err == nil {
		t.Fatal("a reminder was sent twice after the restart")
	}
	if n := countContaining(m2, dm2, l.userID, "Erinnerung"); n != 2 {
		t.Fatalf("m2 got %d reminders, want 2 (one per date)", n)
	}

	// Cancel: with an attendee Lotse asks first; „ja“ cancels.
	reply, _ = ask(t, coordU, dm, l.userID, text("!absagen 1"))
	if !strings.Contains(body(reply), "!absagen 1 ja") {
		t.Fatalf("cancel question: %s", body(reply))
	}
	reply, _ = ask(t, coordU, dm, l.userID, text("!absagen 1 ja"))
	if !strings.Contains(body(reply), "ist abgesagt") {
		t.Fatalf("cancel: %s", body(reply))
	}
	waitFor(t, m2, dm2, l.userID, "abgesagt")
	waitEdit(t, m1, room1, l.userID, post.ID, "ABGESAGT")

	// Join links only in DMs, never in rooms, never in the log.
	for _, x := range []struct {
		c    *chatclient.Client
		room id.RoomID
	}{{m1, room1}, {m2, room2}} {
		for _, e := range x.c.Received(x.room, l.userID) {
			if strings.Contains(body(e), "checksum=") {
				t.Fatalf("a join link was posted in a room: %s", body(e))
			}
		}
	}
	if strings.Contains(l.log.String(), "checksum=") {
		t.Fatal("a join link was logged")
	}
}

// linkIn extracts the first URL from a message body.
func linkIn(s string) string {
	i := strings.Index(s, "http")
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(s[i:], " \n")
	if end < 0 {
		end = len(s) - i
	}
	// The plain body shows a labelled link as „label (URL)“ (rt25).
	return strings.TrimSuffix(s[i:i+end], ")")
}

// waitEdit waits for an edit of target whose new content contains all of want.
func waitEdit(t *testing.T, c *chatclient.Client, room id.RoomID, sender id.UserID, target id.EventID, want ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err := c.Wait(ctx, room, sender, func(e *event.Event) bool {
		mc := e.Content.AsMessage()
		if mc.RelatesTo == nil || mc.RelatesTo.GetReplaceID() != target || mc.NewContent == nil {
			return false
		}
		for _, w := range want {
			if !strings.Contains(mc.NewContent.Body, w) {
				return false
			}
		}
		return true
	})
	if err != nil {
		t.Fatalf("no edit of the announcement containing %q", want)
	}
}

// berlinDay is the date days from now in the association's time zone
// (DD.MM.YYYY). The round-table commands name the day by date, not as
// „morgen“: typed between midnight and five in the morning, „morgen“ asks
// for a confirmation first (schedule.WarnAfterMidnight), and this test runs
// on the real clock at any hour.
func berlinDay(t *testing.T, days int) string {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return time.Now().In(loc).AddDate(0, 0, days).Format("02.01.2006")
}
