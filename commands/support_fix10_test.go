package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"
)

// TestSupportNoThanks: with a case offer pending, a "no" with words that
// ask nothing and are no criticism ("nein danke, ich komme klar", "nein,
// passt schon", "no thanks, I'm fine") declines the offer, like a bare
// "nein" (fix10: it was searched as a question, and the offer was made
// again quoting it). "nein, keine davon" still makes the offer again.
func TestSupportNoThanks(t *testing.T) {
	for _, tt := range []struct {
		msg      string
		declined bool
		// then: what follows the decline; "" = nothing. (A rest that
		// asks something is answered after the decline:
		// TestSupportNoAndNewQuestion. "no thanks, I'm fine" was
		// answered with the support test library's choice for "fine"
		// until fix11 read it as a decline: answer.declineOnly.)
		then string
	}{
		{"nein danke, ich komme klar", true, ""},
		{"nein, passt schon", true, ""},
		{"Nein danke, ich komme schon klar.", true, ""},
		{"no thanks, I'm fine", true, ""},
		{"no thanks, I'll manage on my own", true, ""},
		{"no, all good", true, ""},
		{"nein, keine davon", false, ""},
	} {
		t.Run(tt.msg, func(t *testing.T) {
			e := newSupportEnv(t)
			e.offerPending(t, "zwei faktor einrichten")
			sent := e.say(t, dmRoom, member, tt.msg, "")
			dm := in(sent, dmRoom)
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			if !tt.declined {
				mustContain(t, dm, "Supportfall", "zwei faktor einrichten")
				return
			}
			if len(dm) == 0 || !strings.Contains(dm[0].content.Body, "schicke nichts") {
				t.Fatalf("want the decline first, got:\n%s", bodies(dm))
			}
			if tt.then == "" && len(dm) != 1 {
				t.Fatalf("want the decline alone, got:\n%s", bodies(dm))
			}
			if tt.then != "" {
				mustContain(t, dm[1:], tt.then)
			}
			if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
				t.Fatalf("a ja after the decline opened a case:\n%s", bodies(team))
			}
		})
	}
}

// TestSupportLapsedOfferPrompt: a ✅ on the prompt of an offer that is no
// longer open — a follow-up question was answered in between, or the
// offer was declined — tells the member so and how to reach the team now
// (fix10: it did nothing and said nothing, and a member on a phone
// expects a reaction). Once per reaction (handle checks a replay sends
// nothing new), also after a restart; never for someone else's reaction
// or a message that was no prompt; a ❌ is told that nothing was sent;
// nothing reaches the team.
func TestSupportLapsedOfferPrompt(t *testing.T) {
	for _, tt := range []struct {
		name string
		// lapse are the member's messages after the offer.
		lapse   []string
		restart bool
		sender  id.UserID
		key     string
		// onAnswer: the reaction is on the answer to the follow-up,
		// not on the prompt.
		onAnswer bool
		told     bool
		// nothingSent: the reply is that nothing was sent (a ❌).
		nothingSent bool
	}{
		{name: "✅ after a follow-up was answered", lapse: []string{"bildschirm teilen bbb"}, sender: member, key: "✅", told: true},
		{name: "👍 after a follow-up was answered", lapse: []string{"bildschirm teilen bbb"}, sender: member, key: "👍", told: true},
		{name: "✅ after two follow-ups", lapse: []string{"bildschirm teilen bbb", "kalender im handy einrichten"},
			sender: member, key: "✅", told: true},
		{name: "✅ after the offer was declined", lapse: []string{"nein"}, sender: member, key: "✅", told: true},
		{name: "✅ after a restart", lapse: []string{"bildschirm teilen bbb"}, restart: true, sender: member, key: "✅", told: true},
		{name: "✅ of someone else", lapse: []string{"bildschirm teilen bbb"}, sender: outsider, key: "✅"},
		{name: "❌ after a follow-up", lapse: []string{"bildschirm teilen bbb"}, sender: member, key: "❌", nothingSent: true},
		{name: "✅ on the first answer, no prompt", lapse: []string{"bildschirm teilen bbb"}, onAnswer: true, sender: member, key: "✅"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.fm.joined[dmRoom][outsider] = true
			first, prompt := e.offerPending(t, "zwei faktor einrichten")
			for _, msg := range tt.lapse {
				if dm := in(e.say(t, dmRoom, member, msg, ""), dmRoom); strings.Contains(bodies(dm), "Supportfall") {
					t.Fatalf("%q made an offer; the test wants it to lapse:\n%s", msg, bodies(dm))
				}
			}
			if tt.restart {
				e.reconfigure(func(*Deps) {})
			}
			target := prompt
			if tt.onAnswer {
				target = id.EventID("$" + first[0].txn)
			}
			sent := e.react(t, dmRoom, tt.sender, target, tt.key)
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the team room:\n%s", bodies(team))
			}
			dm := in(sent, dmRoom)
			if tt.nothingSent {
				if len(dm) != 1 || strings.Contains(bodies(dm), "Menschen") {
					t.Fatalf("want one reply that nothing was sent, got:\n%s", bodies(dm))
				}
				mustContain(t, dm, "nicht mehr offen", "nichts an das Team geschickt")
				return
			}
			if !tt.told {
				if strings.Contains(bodies(dm), "nicht mehr offen") {
					t.Fatalf("told of a lapsed offer:\n%s", bodies(dm))
				}
				return
			}
			if len(dm) != 1 {
				t.Fatalf("want one reply, got:\n%s", bodies(dm))
			}
			mustContain(t, dm, "nicht mehr offen", "Ich möchte mit einem Menschen sprechen")
			if rel := dm[0].content.RelatesTo; rel == nil || rel.GetReplyTo() != prompt {
				t.Errorf("the reply is not to the prompt reacted to")
			}
		})
	}
}
