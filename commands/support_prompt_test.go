// Tests of reactions on the prompt of a case offer that is no longer open:
// lapsed (a follow-up was answered, or the offer was declined), superseded
// by a new offer, expired (also after the worker pruned the draft), or
// with a case open. The member is told the offer is no longer open and
// where to go now; nothing reaches the team. (A reaction on an earlier
// prompt of the offer still pending: TestSupportEarlierOfferPrompt in
// support_reoffer_test.go.)

package commands

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

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
			noTeam(t, sent)
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

// TestSupportSupersededOfferPrompt: a ✅ on the prompt of an OLD offer —
// one that lapsed (a follow-up was answered) or was declined — after a
// NEW offer was made, or on the prompt of a draft that expired, said
// nothing (fix11). Now: with the new offer pending, one reply that the
// old offer is no longer open and how to accept the current one; the old
// prompt opens nothing (the member agreed to what it quoted, not to the
// new draft), and the pending offer stays open ("ja" opens it). An
// expired draft's prompt is told it is no longer open, with the way to a
// person. Once per reaction (handle checks a replay sends nothing new),
// also after a restart; never for someone else's reaction; nothing
// reaches the team. A ❌ on the old prompt is a no to sending: the
// pending offer is declined too (a later "ja" opens nothing), and on an
// expired offer the member is told nothing was sent.
func TestSupportSupersededOfferPrompt(t *testing.T) {
	for _, tt := range []struct {
		name string
		// before makes the old offer lapse, then the new offer is made
		// by "hat nicht geholfen"; expire instead waits past the TTL.
		before []string
		expire bool
		// prune runs the worker's tick after the expiry (it deletes the
		// draft's question); forgotten runs it a week and a day later
		// (it deletes the draft).
		prune, forgotten bool
		restart          bool
		sender           id.UserID
		key              string
		// want: the reply's words; "" = no reply.
		want []string
		// declines: the reaction declined the pending offer too.
		declines bool
	}{
		{name: "✅ after a follow-up and a new offer", before: []string{"bildschirm teilen bbb"}, sender: member, key: "✅",
			want: []string{"nicht mehr offen", "neues", "antworte ja"}},
		{name: "👍 after a follow-up and a new offer", before: []string{"bildschirm teilen bbb"}, sender: member, key: "👍",
			want: []string{"nicht mehr offen", "neues"}},
		{name: "✅ after a decline and a new offer", before: []string{"nein", "bildschirm teilen bbb"}, sender: member, key: "✅",
			want: []string{"nicht mehr offen", "neues"}},
		{name: "✅ after a new offer and a restart", before: []string{"bildschirm teilen bbb"}, restart: true, sender: member,
			key: "✅", want: []string{"nicht mehr offen", "neues"}},
		{name: "✅ of someone else", before: []string{"bildschirm teilen bbb"}, sender: outsider, key: "✅"},
		{name: "❌ on the old prompt", before: []string{"bildschirm teilen bbb"}, sender: member, key: "❌",
			want: []string{"schicke nichts"}, declines: true},
		{name: "👎 on the old prompt after a decline", before: []string{"nein", "bildschirm teilen bbb"}, sender: member,
			key: "👎", want: []string{"schicke nichts"}, declines: true},
		{name: "❌ of someone else", before: []string{"bildschirm teilen bbb"}, sender: outsider, key: "❌"},
		{name: "❌ on an expired offer", expire: true, sender: member, key: "❌",
			want: []string{"nicht mehr offen", "nichts an das Team geschickt"}},
		{name: "✅ on an expired offer", expire: true, sender: member, key: "✅",
			want: []string{"nicht mehr offen", "Ich möchte mit einem Menschen sprechen"}},
		{name: "✅ on an expired offer after a restart", expire: true, restart: true, sender: member, key: "✅",
			want: []string{"nicht mehr offen", "Ich möchte mit einem Menschen sprechen"}},
		{name: "✅ of someone else on an expired offer", expire: true, sender: outsider, key: "✅"},
		{name: "✅ on an expired offer after the worker pruned it", expire: true, prune: true, sender: member, key: "✅",
			want: []string{"nicht mehr offen", "Ich möchte mit einem Menschen sprechen"}},
		{name: "❌ on an expired offer after the worker pruned it", expire: true, prune: true, sender: member, key: "❌",
			want: []string{"nicht mehr offen", "nichts an das Team geschickt"}},
		{name: "✅ on an offer more than a week old", expire: true, forgotten: true, sender: member, key: "✅"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.fm.joined[dmRoom][outsider] = true
			_, old := e.offerPending(t, "zwei faktor einrichten")
			for _, msg := range tt.before {
				if dm := in(e.say(t, dmRoom, member, msg, ""), dmRoom); msg != "nein" && strings.Contains(bodies(dm), "Supportfall") {
					t.Fatalf("%q made an offer; the test wants it to lapse:\n%s", msg, bodies(dm))
				}
			}
			if len(tt.before) > 0 {
				if p := offerPrompt(t, e.say(t, dmRoom, member, "hat nicht geholfen", "")); p == old {
					t.Fatal("the new offer has the old prompt's event")
				}
			}
			if tt.expire {
				e.now = e.now.Add(31 * time.Minute)
			}
			if tt.forgotten {
				e.now = e.now.Add(storage.CaseOfferMemory)
			}
			if tt.prune || tt.forgotten {
				if err := e.h.Tick(context.Background(), e.now); err != nil {
					t.Fatal(err)
				}
				d, err := e.db.Cases.Draft(context.Background(), dmRoom.String(), member.String(), time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				if tt.forgotten != (d == nil) {
					t.Fatalf("after the tick the draft is %+v; want it deleted: %v", d, tt.forgotten)
				}
				if d != nil && (d.Question != "" || len(d.Guides) > 0 || d.AnswerEvent != "") {
					t.Fatalf("the expired draft keeps what the member wrote: %+v", d)
				}
			}
			if tt.restart {
				e.reconfigure(func(*Deps) {})
			}
			sent := e.react(t, dmRoom, tt.sender, old, tt.key)
			noTeam(t, sent)
			dm := in(sent, dmRoom)
			if len(tt.want) == 0 {
				if len(dm) != 0 {
					t.Fatalf("want no reply, got:\n%s", bodies(dm))
				}
			} else {
				if len(dm) != 1 {
					t.Fatalf("want one reply, got:\n%s", bodies(dm))
				}
				mustContain(t, dm, tt.want...)
				if rel := dm[0].content.RelatesTo; rel == nil || rel.GetReplyTo() != old {
					t.Errorf("the reply is not to the prompt reacted to")
				}
			}
			switch {
			case tt.declines:
				// The pending offer was declined with the old one: a
				// "ja" now sends nothing to the team.
				if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
					t.Fatalf("a declined offer reached the team room:\n%s", bodies(team))
				}
			case len(tt.before) > 0:
				// The new offer is still pending: "ja" opens it, with
				// the new question.
				mustContain(t, in(e.say(t, dmRoom, member, "ja", ""), teamRoom), "Fall #1", "bildschirm teilen bbb")
			}
		})
	}
}

// TestSupportLapsedOfferOpenCase: a ✅ on the prompt of an offer that is no
// longer open (the draft expired) while the member has a case open — the
// offer was made before that case opened (a "!ticket" beside an open case
// makes no offer since sup28: the text goes to the case) — says the offer
// is no longer open and that the open case is where to write, not to ask
// for a person (review rvM, "not mended": it suggested „Ich möchte mit
// einem Menschen sprechen“ although a case was open). Nothing reaches the
// team; also after a restart.
func TestSupportLapsedOfferOpenCase(t *testing.T) {
	for _, restart := range []bool{false, true} {
		e := newSupportEnv(t)
		prompt := offerPrompt(t, e.say(t, dmRoom, member, "!ticket Und mein Kalender synchronisiert nicht", ""))
		if _, _, err := e.db.Cases.Create(context.Background(), &storage.Case{MemberID: member.String(), MemberRoom: dmRoom.String(), Summary: "Passwort"},
			"$opened-beside", "Passwort", e.now); err != nil {
			t.Fatal(err)
		}
		e.now = e.now.Add(31 * time.Minute)
		if restart {
			e.reconfigure(func(*Deps) {})
		}
		sent := e.react(t, dmRoom, member, prompt, "✅")
		if team := in(sent, teamRoom); len(team) != 0 {
			t.Fatalf("restart %v: reached the team room:\n%s", restart, bodies(team))
		}
		dm := in(sent, dmRoom)
		if len(dm) != 1 {
			t.Fatalf("restart %v: want one reply, got:\n%s", restart, bodies(dm))
		}
		mustContain(t, dm, "nicht mehr offen", "#1", "Schreib einfach hier")
		if strings.Contains(bodies(dm), "Ich möchte mit einem Menschen sprechen") {
			t.Errorf("restart %v: the reply asks for a person although a case is open:\n%s", restart, bodies(dm))
		}
	}
}
