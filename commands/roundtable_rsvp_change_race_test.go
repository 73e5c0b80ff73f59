package commands

import (
	"context"
	"strings"
	"testing"
	"time"
)

// roundTableRead matches the read of a whole round table by its number
// (storage's Get; not the version SetRSVPAt reads in its transaction).
func roundTableRead(method, query string, _ []any) bool {
	return method == "QueryRow" && strings.Contains(query, "title, description") && strings.Contains(query, "FROM roundtable WHERE id=")
}

// TestRSVPWhileCoordinatorChanges: a member's ✅ on the announcement and
// the coordinator's cancellation or move in their direct chat, handled at
// the same moment (two rooms, two workers): the change lands after the
// RSVP's handler read the round table and before it wrote the answer.
// The member must hear what holds — the cancellation (or „abgesagt oder
// vorbei“), the new date — and nobody may be stored as coming to a
// cancelled round table unheard. Before race35's SetRSVPAt the „yes“ was
// stored after the change had told its attendees: the member got „du
// bist dabei“ for a cancelled round table, or at the old date, and never
// the cancellation or the move. Fails without the fix.
func TestRSVPWhileCoordinatorChanges(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, tt := range []struct {
		name, cmd string
		want      []string // in mem1's direct chat, one of them
		never     []string // in mem1's direct chat
		attending bool
	}{
		{"cancel", "!absagen 1 ja", []string{"abgesagt"}, []string{"Du bist beim Runden Tisch"}, false},
		{"move", "!verschieben 1 20 Uhr", []string{"20:00"}, []string{"19:00"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
			post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
			var changed []sentMsg
			fired, stop := onQuery(t, e.supportEnv, roundTableRead, func(context.Context) {
				changed = e.sayDirect(t, dmOf(coord), coord, tt.cmd)
			})
			got := e.react(t, annRoom1, mem1, post, "✅")
			stop()
			if !fired() {
				t.Fatal("the RSVP never read the round table")
			}
			mustContain(t, in(changed, dmOf(coord)), map[string]string{"cancel": "abgesagt", "move": "verschoben"}[tt.name])
			dm := bodies(in(got, dmOf(mem1)))
			found := false
			for _, w := range tt.want {
				found = found || strings.Contains(dm, w)
			}
			if !found {
				t.Errorf("the member was not told what holds after the %s (want one of %q):\n%s", tt.name, tt.want, dm)
			}
			for _, n := range tt.never {
				if strings.Contains(dm, n) {
					t.Errorf("the member was told %q after the %s:\n%s", n, tt.name, dm)
				}
			}
			r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String())
			if err != nil {
				t.Fatal(err)
			}
			if att := r != nil && r.Attending; att != tt.attending {
				t.Errorf("attending %v after the %s, want %v", att, tt.name, tt.attending)
			}
		})
	}
}
