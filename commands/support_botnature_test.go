package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// TestBotNatureOffersCase: "bist du ein Bot?" in a DM with support cases
// on gets the honest answer and the offer of a case right away, as "ich
// möchte mit einem Menschen sprechen" does — one word ("ja") or one tap
// (✅) to the team, not a sentence to write. Nothing reaches the team
// before that consent; "nein" sends nothing. The offer quotes the message
// that would be passed on. In a group room (no cases there) and with
// support off the answer names the fallback contact and offers nothing.
func TestBotNatureOffersCase(t *testing.T) {
	for _, tt := range []struct {
		name, msg string
		// then answers the offer: "ja", "nein" or "✅" (a reaction).
		then string
		// opened: a case reaches the team room after then.
		opened bool
		// want: the texts of the answer and the offer (German unless set).
		want []string
	}{
		{name: "German, ja", msg: "bist du ein Bot?", then: "ja", opened: true},
		{name: "German, tap", msg: "Bist du ein Mensch?", then: "✅", opened: true},
		// In English, in English (lang31): before, the German frame.
		{name: "English, yes", msg: "are you human?", then: "yes", opened: true,
			want: []string{"a bot and not a person", "rather talk to a person", "support case"}},
		{name: "after pressing", msg: "bist du ein Bot? antworte!", then: "ja", opened: true},
		{name: "German, nein", msg: "bist du ein Mensch?", then: "nein"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			sent := e.say(t, dmRoom, member, tt.msg, "")
			dm := in(sent, dmRoom)
			want := tt.want
			if want == nil {
				want = []string{"ein Bot und kein Mensch", "mit einem Menschen sprechen möchtest", "Supportfall"}
			}
			mustContain(t, dm, append(want, tt.msg, "✅")...)
			if all := bodies(dm); strings.Contains(all, "Schreib einfach") {
				t.Errorf("the member is told a sentence to write:\n%s", all)
			}
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team before the member agreed:\n%s", bodies(team))
			}
			if tt.then == "✅" {
				sent = e.react(t, dmRoom, member, id.EventID("$"+dm[0].txn), "✅")
			} else {
				sent = e.say(t, dmRoom, member, tt.then, "")
			}
			team := in(sent, teamRoom)
			if !tt.opened {
				mustContain(t, in(sent, dmRoom), "schicke nichts")
				if len(team) != 0 {
					t.Fatalf("a declined offer reached the team:\n%s", bodies(team))
				}
				return
			}
			mustContain(t, in(sent, dmRoom), "#1")
			mustContain(t, team, "Fall #1", tt.msg)
		})
	}
}

// TestBotNatureNoCases: without cases (a group room; support off) the
// question whether Lotse is a person names the fallback contact; no case
// is offered.
func TestBotNatureNoCases(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.FallbackContact = "Schreib an hilfe@example.org." })
	group := id.RoomID("!group:test")
	c := &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse, bist du ein Bot?", Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
	sent := e.handle(t, e.event(group, member, c), false)
	mustContain(t, in(sent, group), "ein Bot und kein Mensch", "hilfe@example.org")
	if all := bodies(sent); strings.Contains(all, "Supportfall") {
		t.Errorf("a case was offered in a group room:\n%s", all)
	}

	e.reconfigure(func(d *Deps) { d.Support = Support{} })
	sent = e.say(t, dmRoom, member, "bist du ein Mensch?", "")
	mustContain(t, in(sent, dmRoom), "ein Bot und kein Mensch", "hilfe@example.org")
	if all := bodies(sent); strings.Contains(all, "Supportfall") {
		t.Errorf("a case was offered with support off:\n%s", all)
	}
}
