package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/storage"
)

// edits are the announcement edits among msgs, by their new text.
func edits(msgs []sentMsg) []string {
	var out []string
	for _, m := range msgs {
		if m.content != nil && m.content.RelatesTo != nil && m.content.RelatesTo.Type == event.RelReplace && m.content.NewContent != nil {
			out = append(out, m.content.NewContent.Body)
		}
	}
	return out
}

// fileText reads a sent m.file (decrypting it if needed): any file
// (the export's text, rt33), icsOf's calendar files too.
func (e *rtEnv) fileText(t *testing.T, m sentMsg) string {
	t.Helper()
	if m.content.File != nil {
		// As a client gets it: from the event's JSON. The sent struct
		// keeps mautrix's key cache from the encryption, made before the
		// hash, and failed the hash check („mismatching SHA-256 digest“).
		var file event.EncryptedFileInfo
		raw, err := json.Marshal(m.content.File)
		if err != nil || json.Unmarshal(raw, &file) != nil {
			t.Fatalf("file info: %v", err)
		}
		data, err := e.fm.Download(context.Background(), file.URL)
		if err != nil {
			t.Fatal(err)
		}
		if err := file.DecryptInPlace(data); err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	data, err := e.fm.Download(context.Background(), m.content.URL)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// withCoHost makes mem2 a coordinator too (a co-host with the role).
func (e *rtEnv) withCoHost() {
	e.reconfigure(func(d *Deps) { d.RoundTables.Coordinators = []id.UserID{coord, coord2, mem2} })
}

// TestRoundTableRestore (rt33, Low–Medium: a stand-in's cancel was for
// good): any coordinator may cancel any round table, and the members were
// told it is off with nothing to bring it back. Now its coordinator takes
// the cancellation back: status announced, the announcements edited back
// („findet doch statt“), the attendees told once with a calendar file of a
// higher SEQUENCE and STATUS:CONFIRMED, audited with who did it; the
// owner's note on the cancel says how. A retry of the event repeats
// nothing, a second restore is refused. Fails without the fix: there is no
// such command (the member is not told).
func TestRoundTableRestore(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ctx := context.Background()
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Zurück am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")

	got := e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja")
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	mustContain(t, in(got, dmOf(coord)), "hat den Runden Tisch #1", "abgesagt", "!wiederherstellen 1")
	noneContains(t, in(got, dmOf(coord2)), "wiederherstellen") // the stand-in is not told how

	// The stand-in who cancelled, as any other coordinator, may not.
	got = e.sayDirect(t, dmOf(coord2), coord2, "!wiederherstellen 1")
	mustContain(t, got, "nur von der Person wiederherstellen, die ihn koordiniert, oder von der Moderation")
	if len(in(got, dmOf(mem1))) != 0 {
		t.Fatalf("a stand-in restored: %s", bodies(got))
	}

	e.now = time.Date(2026, 12, 2, 9, 0, 0, 0, berlin)
	evt := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!wiederherstellen 1"})
	got = e.handle(t, evt, true)
	msgs := in(got, dmOf(mem1))
	if len(msgs) != 2 || msgs[1].content.MsgType != event.MsgFile {
		t.Fatalf("want the notice and the calendar file, got %s", bodies(msgs))
	}
	mustContain(t, msgs[:1], "findet doch statt", "Do, 10.12.2026, 19:00", "Kalenderdatei")
	ics := e.icsOf(t, msgs[1])
	for prop, want := range map[string]string{"METHOD": "METHOD:PUBLISH", "SEQUENCE": "SEQUENCE:2", "STATUS": "STATUS:CONFIRMED"} {
		if got := icsLine(ics, prop); got != want {
			t.Errorf("%s: %q, want %q", prop, got, want)
		}
	}
	if n := len(roomFiles(files(got))); n != 2 {
		t.Errorf("%d calendar files in the rooms, want 2", n)
	}
	ed := edits(got)
	if len(ed) != 2 {
		t.Fatalf("want both announcements edited, got %q", ed)
	}
	for _, b := range ed {
		if strings.Contains(b, "ABGESAGT") || !strings.Contains(b, "Findet doch statt") || strings.Contains(b, "Verschoben") {
			t.Errorf("announcement: %q", b)
		}
	}
	mustContain(t, in(got, dmOf(coord)), "findet doch statt", "1 Zugesagte ist informiert")
	if rt, _ := e.db.RoundTables.Get(ctx, 1); rt.Status != storage.RoundTableAnnounced || rt.Sequence != 2 {
		t.Fatalf("round table: %+v", rt)
	}
	audit := e.standInAudits(t, coord)
	if len(audit) != 2 || audit[1].Action != "roundtable-restore" || audit[1].Actor != coord.String() {
		t.Fatalf("audit: %+v", audit)
	}

	// The worker's retry of the same event sends nothing new.
	if again := e.handle(t, evt, true); len(again) != 0 {
		t.Errorf("the retry sent again: %s", bodies(again))
	}
	mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), "ist nicht abgesagt")

	// The reminders resume: the one of the day before goes out.
	rem := in(e.tick(t, time.Date(2026, 12, 9, 19, 0, 30, 0, berlin)), dmOf(mem1))
	mustContain(t, rem, "Erinnerung", "Zurück")
	if again := in(e.tick(t, time.Date(2026, 12, 9, 19, 5, 0, 0, berlin)), dmOf(mem1)); len(again) != 0 {
		t.Errorf("a reminder twice: %s", bodies(again))
	}
}

// TestRoundTableRestoreWho (rt33): who may restore, and when. A co-host
// (with the coordinator role) may, and the coordinator is told; the
// co-host who cancelled may not, nor a member, nor anyone after the start
// or for a cancelled draft. A round table moved and then cancelled comes
// back at its moved date. Fails without the fix: no command.
func TestRoundTableRestoreWho(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	setup := func(t *testing.T) *rtEnv {
		e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
		e.withCoord2()
		e.withCoHost()
		post := e.announce(t, "!rundertisch Runde am 10.12. um 19 Uhr\nModeration: @mem2:test")
		e.react(t, annRoom1, mem1, post, "✅")
		return e
	}
	t.Run("co-host after a stand-in", func(t *testing.T) {
		e := setup(t)
		mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja"), dmOf(mem1)), "abgesagt")
		got := e.sayDirect(t, dmOf(mem2), mem2, "!wiederherstellen 1")
		mustContain(t, in(got, dmOf(mem1)), "findet doch statt")
		mustContain(t, in(got, dmOf(coord)), "(@mem2:test) hat die Absage des Runden Tischs #1 „Runde“", "zurückgenommen")
		if len(in(got, dmOf(coord2))) != 0 {
			t.Errorf("the stand-in, no host, was told: %s", bodies(in(got, dmOf(coord2))))
		}
		audit := e.standInAudits(t, mem2)
		if len(audit) != 1 || audit[0].Action != "roundtable-restore" || audit[0].Subject != coord.String() {
			t.Fatalf("audit: %+v", audit)
		}
	})
	t.Run("the co-host who cancelled", func(t *testing.T) {
		e := setup(t)
		mustContain(t, in(e.sayDirect(t, dmOf(mem2), mem2, "!absagen 1 ja"), dmOf(mem1)), "abgesagt")
		got := e.sayDirect(t, dmOf(mem2), mem2, "!wiederherstellen 1")
		mustContain(t, got, "selbst abgesagt")
		if len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("the co-host undid their own cancel: %s", bodies(got))
		}
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")
	})
	t.Run("a member", func(t *testing.T) {
		e := setup(t)
		e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
		got := e.sayDirect(t, dmOf(mem1), mem1, "!wiederherstellen 1")
		mustContain(t, got, "Koordinator:innen")
		if rt, _ := e.db.RoundTables.Get(context.Background(), 1); rt.Status != storage.RoundTableCancelled {
			t.Fatalf("restored by a member: %+v", rt)
		}
	})
	t.Run("after the start", func(t *testing.T) {
		e := setup(t)
		e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
		e.now = time.Date(2026, 12, 10, 19, 0, 0, 0, berlin)
		got := e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1")
		mustContain(t, got, "hätte schon begonnen")
		if len(in(got, dmOf(mem1))) != 0 {
			t.Fatalf("restored after the start: %s", bodies(got))
		}
	})
	t.Run("a draft", func(t *testing.T) {
		e := setup(t)
		e.say(t, dmOf(coord), coord, "!rundertisch Entwurf am 11.12. um 19 Uhr", "")
		e.sayDirect(t, dmOf(coord), coord, "!absagen 2")
		mustContain(t, e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 2"), "nur geplant und nie angekündigt")
		if rt, _ := e.db.RoundTables.Get(context.Background(), 2); rt.Status != storage.RoundTableCancelled {
			t.Fatalf("a draft restored: %+v", rt)
		}
	})
	t.Run("moved, then cancelled", func(t *testing.T) {
		e := setup(t)
		mustContain(t, in(e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 11.12. 18 Uhr"), dmOf(mem1)), "verschoben")
		e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja")
		got := e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1")
		mustContain(t, in(got, dmOf(mem1)), "findet doch statt", "Fr, 11.12.2026, 18:00")
	})
	t.Run("no reminder for times past", func(t *testing.T) {
		// Cancelled before the reminder of the day before, restored after
		// its time: that one is not owed (the notice told the date), the
		// last one with the link goes out.
		e := setup(t)
		e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
		e.now = time.Date(2026, 12, 10, 18, 0, 0, 0, berlin)
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")
		if got := in(e.tick(t, time.Date(2026, 12, 10, 18, 1, 0, 0, berlin)), dmOf(mem1)); len(got) != 0 {
			t.Fatalf("a reminder for a time past: %s", bodies(got))
		}
		mustContain(t, in(e.tick(t, time.Date(2026, 12, 10, 18, 45, 30, 0, berlin)), dmOf(mem1)), "Erinnerung", "Zur Videokonferenz")
	})
	t.Run("cancelled twice", func(t *testing.T) {
		e := setup(t)
		e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
		mustContain(t, e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja"), "abgesagt oder vorbei")
		mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")
	})
}

// TestRoundTableRestoreBounded (rt33, Low): cancel and restore in turn
// each message every attendee. A restore counts as a change in rt32's
// bound (MaxMoves within 24 hours, the coordinator's own apart from the
// stand-ins'): the coordinator's third own change is their last that day.
// Fails without the bound: the fourth change goes out.
func TestRoundTableRestoreBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Hin und her am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	got := e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja")
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	mustContain(t, in(got, dmOf(coord)), "Zurücknehmen kannst du die Absage bis zum Beginn mit !wiederherstellen 1")
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!absagen 1 ja"), dmOf(mem1)), "abgesagt")
	got = e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1")
	if len(in(got, dmOf(mem1))) != 0 {
		t.Fatalf("the fourth change went out: %s", bodies(got))
	}
	mustContain(t, got, "schon 3-mal geändert")
	e.now = e.now.Add(25 * time.Hour)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1"), dmOf(mem1)), "findet doch statt")
}

// TestRoundTableAnnouncementsBounded (rt33, Low): one coordinator account
// — in the wrong hands — announced as many round tables as it liked, each
// a post, a ✅ and a calendar file in every announcement room. Now at most
// roundtable.MaxAnnouncedPerDay of one coordinator's round tables are
// announced within a day; the draft stays and can be announced later.
// Fails without the bound: the eleventh is posted.
func TestRoundTableAnnouncementsBounded(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	for i := 1; i <= roundtable.MaxAnnouncedPerDay; i++ {
		e.announce(t, fmt.Sprintf("!rundertisch Runde %d am 10.12. um 19 Uhr", i))
	}
	n := roundtable.MaxAnnouncedPerDay + 1
	e.say(t, dmOf(coord), coord, "!rundertisch Noch eine am 10.12. um 19 Uhr", "")
	got := e.sayDirect(t, dmOf(coord), coord, fmt.Sprintf("!ankündigen %d", n))
	if n := len(in(got, annRoom1)); n != 0 {
		t.Fatalf("the eleventh was announced: %d messages in the room", n)
	}
	mustContain(t, got, fmt.Sprintf("schon %d Runde Tische angekündigt", roundtable.MaxAnnouncedPerDay), fmt.Sprintf("!ankündigen %d", n))
	e.now = e.now.Add(25 * time.Hour)
	mustContain(t, in(e.sayDirect(t, dmOf(coord), coord, fmt.Sprintf("!ankündigen %d", n)), annRoom1), "Noch eine")
}

// TestRoundTableDraftAnnouncedByOther (rt33, Low): another coordinator
// could announce someone's draft (!ankündigen or ✅ on the preview)
// without its author learning of it. Now the author and the co-hosts are
// told, with name and Matrix ID; the author's own announcement tells
// nobody. Fails without the fix: the author gets nothing.
func TestRoundTableDraftAnnouncedByOther(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	e.say(t, dmOf(coord), coord, "!rundertisch Fremder Entwurf am 10.12. um 19 Uhr", "")
	got := e.sayDirect(t, dmOf(coord2), coord2, "!ankündigen 1")
	if len(in(got, annRoom1)) == 0 {
		t.Fatalf("not announced: %s", bodies(got))
	}
	mustContain(t, in(got, dmOf(coord)), "Cem Zwei (@coord2:test) hat den Runden Tisch #1 „Fremder Entwurf“", "bisher war er ein Entwurf", "!absagen 1")
	mustContain(t, in(got, dmOf(coord2)), "hat davon eine Nachricht von mir bekommen")
	e.say(t, dmOf(coord), coord, "!rundertisch Eigener am 10.12. um 19 Uhr", "")
	got = e.sayDirect(t, dmOf(coord), coord, "!ankündigen 2")
	noneContains(t, got, "Cem Zwei", "Nachricht von mir bekommen", "bisher war er ein Entwurf")
}

// TestRoundTableStandInExportInWords (mend32a's Left, rt33, Low): the
// role log's round-table entries read „roundtable-move“ and „round table
// 1: 2026-12-10T18:00:00Z -> …“ in a member's export (!meine-daten and
// `lotse privacy export`, both privacy.Export). Now the member's language
// and the configured zone. Fails without the fix: the stored words.
func TestRoundTableStandInExportInWords(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ctx := context.Background()
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.withCoord2()
	post := e.announce(t, "!rundertisch Worte am 10.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.sayDirect(t, dmOf(coord2), coord2, "!verschieben 1 18 Uhr")
	e.sayDirect(t, dmOf(coord2), coord2, "!nachbereitung 1 Danke")
	e.sayDirect(t, dmOf(coord2), coord2, "!absagen 1 ja")
	e.sayDirect(t, dmOf(coord), coord, "!wiederherstellen 1")

	for _, c := range []struct {
		lang, user string
		table      string
		want       []string
	}{
		{"de", coord.String(), "role_audit", []string{"Runden Tisch verschoben", "Runder Tisch #1, vom 10.12.2026, 19:00 Uhr auf den 10.12.2026, 18:00 Uhr",
			"Nachbereitung an die Zugesagten eines Runden Tischs geschickt", "Runder Tisch #1", "Runden Tisch abgesagt", "Runder Tisch #1 am 10.12.2026, 18:00 Uhr",
			"Absage eines Runden Tischs zurückgenommen"}},
		{"en", coord2.String(), "role_audit_by_you_for_others", []string{"moved a round table", "round table #1, from 10 Dec 2026, 19:00 to 10 Dec 2026, 18:00",
			"cancelled a round table", "round table #1 on 10 Dec 2026, 18:00"}},
	} {
		tables, err := e.db.Privacy().Export(ctx, c.user)
		if err != nil {
			t.Fatal(err)
		}
		file := privacy.Export(tables, c.user, e.now, c.lang, false, berlin)
		raw, _ := json.Marshal(file.Tables[c.table])
		for _, w := range c.want {
			if !strings.Contains(string(raw), w) {
				t.Errorf("%s %s lacks %q: %s", c.lang, c.table, w, raw)
			}
		}
		for _, w := range []string{"roundtable-move", "roundtable-cancel", "round table 1", "T18:00:00Z", "-\\u003e"} {
			if strings.Contains(string(raw), w) {
				t.Errorf("%s %s still reads %q: %s", c.lang, c.table, w, raw)
			}
		}
	}

	// The chat's file is built the same way, in the configured zone (one
	// for the whole install, as cmd/lotse wires it).
	e.reconfigure(func(d *Deps) { d.Support.Location = berlin })
	sent := in(e.sayDirect(t, dmOf(coord), coord, "!meine-daten"), dmOf(coord))
	if len(sent) == 0 || sent[0].content.MsgType != event.MsgFile {
		t.Fatalf("no export file: %s", bodies(sent))
	}
	mustContainText(t, e.fileText(t, sent[0]), "Runden Tisch verschoben", "Runder Tisch #1, vom 10.12.2026, 19:00 Uhr auf den 10.12.2026, 18:00 Uhr")
}

// mustContainText fails unless s contains every one of words.
func mustContainText(t *testing.T, s string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(s, w) {
			t.Errorf("missing %q in %s", w, s)
		}
	}
}
