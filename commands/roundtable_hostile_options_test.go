package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/roundtable"
)

// TestRoundTableHostileOptions (sec29): one !rundertisch names at most
// roundtable.MaxCoHosts people in `Moderation:` and roundtable.MaxRooms
// rooms in `Räume:`, a repeated one counted once; more get a friendly
// refusal and plan nothing. Fails without the bound: 1,000 people in
// `Moderation:` were planned, and the 24-hour reminder went to 1,001
// direct chats (each opened for a stranger), with a moderator link each
// 15 minutes before; 1,000 times the same room read „in 1000 Räumen“.
func TestRoundTableHostileOptions(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	hosts := make([]string, 1000)
	for i := range hosts {
		hosts[i] = fmt.Sprintf("@h%d:elsewhere.example", i)
	}
	many := make([]string, roundtable.MaxRooms+1)
	for i := range many {
		many[i] = fmt.Sprintf("!r%d:test", i)
	}
	// Within roundtable.MaxDescription (rt31 bounded it; it was 5,000
	// times the text, 55 KB, and the announcement lost its last lines).
	desc := "\nBeschreibung: " + strings.Repeat("Text <x> & ", roundtable.MaxDescription/11)
	for _, tt := range []struct {
		name, options, want string
	}{
		{"1,000 co-hosts", "\nModeration: " + strings.Join(hosts, " ") + desc, "höchstens 10 Personen"},
		{"21 rooms", "\nRäume: " + strings.Join(many, " "), "höchstens 20 Räume"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
			sent := in(e.say(t, dmOf(coord), coord, "!rundertisch Test am 29.3. um 19 Uhr"+tt.options, ""), dmOf(coord))
			mustContain(t, sent, tt.want)
			if rt, err := e.db.RoundTables.Get(t.Context(), 1); err == nil && rt != nil {
				t.Errorf("planned round table %d with %d people in Moderation", rt.ID, len(rt.CoHosts))
			}
		})
	}
	t.Run("repeated names count once", func(t *testing.T) {
		e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
		sent := in(e.say(t, dmOf(coord), coord, "!rundertisch Test am 29.3. um 19 Uhr\nRäume: "+strings.Repeat(annRoom1.String()+" ", 1000)+
			"\nModeration: "+strings.Repeat("@h1:elsewhere.example ", 1000)+desc, ""), dmOf(coord))
		mustContain(t, sent, "Vorschau", "Ankündigung in 1 Raum")
		sent = e.react(t, dmOf(coord), coord, id.EventID("$"+sent[0].txn), "✅")
		if n := len(in(sent, annRoom1)); n != 2 {
			t.Errorf("room 1 got %d messages, want the announcement and its calendar file", n)
		}
		// The coordinator and one co-host, each reminded once.
		if got := e.tick(t, time.Date(2026, 3, 28, 19, 0, 0, 0, berlin)); len(got) != 2 {
			t.Errorf("24 h reminders: %d, want 2", len(got))
		}
	})
}

// BenchmarkRoundTableLongLine: the cost of one !rundertisch whose first
// line is a near-64 KB text (title and date are looked for in it).
func BenchmarkRoundTableLongLine(b *testing.B) {
	h, _, _ := newTestHandler(b)
	h.Deps.RoundTables = RoundTables{Coordinators: []id.UserID{"@member:test"}, Rooms: []id.RoomID{annRoom1}, Location: time.UTC}
	h = New(h.Deps)
	msg := "!rundertisch " + strings.Repeat("Wort <x> & „ä“ ", 3800)
	for b.Loop() {
		if err := h.Handle(b.Context(), Message{Event: msgEvent(msg), Direct: true}); err != nil {
			b.Fatal(err)
		}
	}
}
