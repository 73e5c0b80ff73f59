package flow

import (
	"fmt"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// smallLibrary builds a library of guides a/<name>.md titled Name; the
// names in team are team-only.
func smallLibrary(t *testing.T, names []string, team ...string) *guides.Library {
	t.Helper()
	var gs []*guides.Guide
	for _, n := range names {
		aud := "members"
		for _, tn := range team {
			if tn == n {
				aud = "team"
			}
		}
		title := strings.ToUpper(n[:1]) + n[1:] + " einrichten"
		src := fmt.Sprintf("---\ntitle: %q\nsummary: \"Geheimtipp %s.\"\ntags: [%s]\naudience: %s\n---\n\n# %s\n\nInhalt von %s.\n\n## Schritt\n\nMehr von %s.\n",
			title, n, n, aud, title, n, n)
		g, problems := guides.Parse("a/"+n+".md", []byte(src))
		if g == nil {
			t.Fatalf("parse %s: %v", n, problems)
		}
		gs = append(gs, g)
	}
	return guides.NewLibrary(gs)
}

// TestChoiceAfterReload: the guide a member picks from "Meintest du …?"
// (by number, by reaction or by 👎's runners-up) or asks "mehr" of may
// have been removed, renamed or made team-only by a reload in between.
// The member then hears that the guide is gone — never the team-only
// guide's title or text, and never "I don't know what that number
// refers to" while the choice is still open.
func TestChoiceAfterReload(t *testing.T) {
	names := []string{"eins", "zwei", "drei"}
	tests := []struct {
		name  string
		after *guides.Library
	}{
		{"removed", nil},
		{"team-only", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := smallLibrary(t, names)
			after := smallLibrary(t, []string{"eins", "drei"}) // zwei removed or renamed
			if tt.name == "team-only" {
				after = smallLibrary(t, names, "zwei")
			}
			for _, pick := range []string{"text", "reaction"} {
				f := newFixture(t)
				f.lib = before
				f.restart()
				prompt := f.offer("a/eins.md", "a/zwei.md", "a/drei.md")
				f.lib = after
				f.restart()
				var got []string
				if pick == "text" {
					got = f.say(member, "2")
				} else {
					got = f.react(f.room, member, prompt, "2️⃣")
				}
				joined := strings.Join(got, "\n")
				if len(got) != 1 || !strings.Contains(joined, "gibt es gerade nicht mehr") || !strings.Contains(joined, "andere Nummer") {
					t.Errorf("%s: pick of a guide gone: %q", pick, got)
				}
				if strings.Contains(joined, "Zwei") || strings.Contains(joined, "zwei") {
					t.Errorf("%s: the guide gone shows: %q", pick, got)
				}
				// The choice stays open: another number still works.
				if got := f.say(member, "3"); len(got) != 1 || !strings.Contains(got[0], "Drei einrichten") {
					t.Errorf("%s: next pick: %q", pick, got)
				}
			}
			if tt.name != "team-only" {
				return
			}
			// "mehr" of a guide that turned team-only since it was shown.
			f := newFixture(t)
			f.lib = before
			f.restart()
			f.n++
			evt := &event.Event{ID: id.EventID(fmt.Sprintf("$m%d", f.n)), RoomID: f.room, Sender: member, Type: event.EventMessage,
				Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "x"}}}
			if err := f.w.sendGuide(f.turn(evt), f.lib, search.Hit{ID: "a/eins.md", Section: 1, Score: 1},
				[]search.Hit{{ID: "a/zwei.md", Score: 0.9}, {ID: "a/drei.md", Score: 0.9}}); err != nil {
				t.Fatal(err)
			}
			answerID := f.lastMessageID()
			f.lib = smallLibrary(t, names, "eins", "zwei")
			f.restart()
			if got := strings.Join(f.say(member, "mehr"), "\n"); strings.Contains(got, "Eins") || !strings.Contains(got, "gibt es gerade nicht mehr") {
				t.Errorf("mehr of a guide turned team-only: %q", got)
			}
			// 👎 on the answer offers only the runners-up a member may read.
			got := strings.Join(f.react(f.room, member, answerID, "👎"), "\n")
			if strings.Contains(got, "Zwei") || !strings.Contains(got, "Drei einrichten") {
				t.Errorf("runners-up after 👎: %q", got)
			}
			// Only one runner-up is left: no choice of one hidden guide.
			f.lib = smallLibrary(t, names, "zwei", "drei")
			f.restart()
			got = strings.Join(f.react(f.room, member, answerID, "👎"), "\n")
			if strings.Contains(got, "Zwei") || strings.Contains(got, "Drei") || strings.Contains(got, "Meintest") {
				t.Errorf("👎 with only team-only runners-up: %q", got)
			}
		})
	}
}
