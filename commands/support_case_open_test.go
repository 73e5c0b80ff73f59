package commands

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// sup28: support cases read from the member's side.

// caseBoards returns the case messages (thread roots: „Fall #N“ boards)
// among the team-room messages of sent.
func caseBoards(sent []sentMsg) []sentMsg {
	var out []sentMsg
	for _, m := range in(sent, teamRoom) {
		if m.content.RelatesTo == nil && strings.Contains(m.content.Body, "[OFFEN]") {
			out = append(out, m)
		}
	}
	return out
}

// TestTicketWhileCaseOpenAddsToIt: `!ticket …` while the member's case is
// open adds the text to that case and opens no second one; the member is
// told where it went. Before, `!ticket` offered a new case and „ja“
// opened it beside the first, again and again.
func TestTicketWhileCaseOpenAddsToIt(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	sent := e.say(t, dmRoom, member, "!ticket Mein Drucker geht auch nicht", "")
	if boards := caseBoards(sent); len(boards) != 0 {
		t.Fatalf("a second case was opened:\n%s", bodies(boards))
	}
	mustContain(t, in(sent, teamRoom), "(#1)", "Mein Drucker geht auch nicht")
	dm := in(sent, dmRoom)
	if len(dm) != 1 {
		t.Fatalf("want one reply, got:\n%s", bodies(dm))
	}
	mustContain(t, dm, "#1", "noch offen")
	if strings.Contains(dm[0].content.Body, "Supportfall für das") {
		t.Fatalf("a new case was offered:\n%s", dm[0].content.Body)
	}
	sent = e.say(t, dmRoom, member, "ja", "")
	if boards := caseBoards(sent); len(boards) != 0 {
		t.Fatalf("„ja“ opened a second case:\n%s", bodies(boards))
	}
	cases, err := e.db.Cases.ListForMember(context.Background(), member.String(), 10)
	if err != nil || len(cases) != 1 {
		t.Fatalf("the member has %d cases (%v), want 1", len(cases), err)
	}
	// The member regrets it: deleting the `!ticket` message takes its
	// copy back from the team, as for any message of the case.
	ticket := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "!ticket meine IBAN ist DE00 1234"})
	relay := in(e.handle(t, ticket, true), teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got:\n%s", bodies(relay))
	}
	e.handle(t, e.redaction(dmRoom, member, ticket.ID), true)
	if !slices.ContainsFunc(e.fm.redacted, func(r string) bool { return strings.HasPrefix(r, teamRoom.String()+" $"+relay[0].txn+" ") }) {
		t.Fatalf("the team's copy was not redacted: %v", e.fm.redacted)
	}
}

// TestYesWhileCaseOpenAddsToIt: a yes to an offer made before the
// member's case opened (here: opened beside it) adds the offer's text to
// the open case instead of opening a second one.
func TestYesWhileCaseOpenAddsToIt(t *testing.T) {
	e := newSupportEnv(t)
	sent := e.say(t, dmRoom, member, "!ticket Mein Drucker druckt nur Streifen", "")
	mustContain(t, in(sent, dmRoom), "Supportfall")
	if _, _, err := e.db.Cases.Create(context.Background(), &storage.Case{MemberID: member.String(), MemberRoom: dmRoom.String(), Summary: "Passwort"},
		"$elsewhere", "Passwort", e.now); err != nil {
		t.Fatal(err)
	}
	sent = e.say(t, dmRoom, member, "ja", "")
	if boards := caseBoards(sent); len(boards) != 0 {
		t.Fatalf("a second case was opened:\n%s", bodies(boards))
	}
	mustContain(t, in(sent, teamRoom), "Streifen")
	mustContain(t, in(sent, dmRoom), "#1", "noch offen")
	// The offer is used up: another „ja“ opens nothing either.
	if boards := caseBoards(e.say(t, dmRoom, member, "ja", "")); len(boards) != 0 {
		t.Fatalf("a later „ja“ opened a case:\n%s", bodies(boards))
	}
}

// TestCasesPerDayBounded: a member opens at most support.MaxCasesPerDay
// cases in 24 hours, also when they close each one at once; the next is
// refused with a way to reach the team, and a day later it opens again.
func TestCasesPerDayBounded(t *testing.T) {
	e := newSupportEnv(t)
	for i := 1; i <= support.MaxCasesPerDay; i++ {
		e.say(t, dmRoom, member, fmt.Sprintf("!ticket Frage Nummer %d", i), "")
		if boards := caseBoards(e.say(t, dmRoom, member, "ja", "")); len(boards) != 1 {
			t.Fatalf("case %d was not opened", i)
		}
		e.say(t, dmRoom, member, fmt.Sprintf("!schließen %d", i), "")
	}
	e.say(t, dmRoom, member, "!ticket noch eine", "")
	sent := e.say(t, dmRoom, member, "ja", "")
	if team := in(sent, teamRoom); len(team) != 0 {
		t.Fatalf("a case beyond the bound reached the team:\n%s", bodies(team))
	}
	mustContain(t, in(sent, dmRoom), "schon viele Supportfälle", "!meine")
	// The refused offer is gone: a later „ja“ opens nothing.
	if team := in(e.say(t, dmRoom, member, "ja", ""), teamRoom); len(team) != 0 {
		t.Fatalf("a later „ja“ reached the team:\n%s", bodies(team))
	}
	e.now = e.now.Add(25 * time.Hour)
	e.say(t, dmRoom, member, "!ticket am nächsten Tag", "")
	if boards := caseBoards(e.say(t, dmRoom, member, "ja", "")); len(boards) != 1 {
		t.Fatal("a day later no case was opened")
	}
}

// TestSolvedWhileCaseOpen: „danke, hat sich erledigt“ while the case is
// open reaches the team, and the member learns how to close the case
// (before: silence, and the case stayed open). Any other message gets no
// such reply.
func TestSolvedWhileCaseOpen(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	sent := e.say(t, dmRoom, member, "Ich habe noch ein Foto gemacht, kommt gleich", "")
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Fatalf("a plain message was answered:\n%s", bodies(dm))
	}
	sent = e.say(t, dmRoom, member, "danke, hat sich erledigt", "")
	mustContain(t, in(sent, teamRoom), "hat sich erledigt")
	mustContain(t, in(sent, dmRoom), "weitergegeben", "!schließen 1")
}

// TestMineShowsMemberStatus: !meine names a case's state in words for the
// member, not with the team board's label (it read „[IN ARBEIT: …]“).
func TestMineShowsMemberStatus(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")
	dm := in(e.say(t, dmRoom, member, "!meine", ""), dmRoom)
	mustContain(t, dm, "#1", "in Bearbeitung")
	if all := bodies(dm); strings.Contains(all, "[") || strings.Contains(all, "…") {
		t.Fatalf("!meine shows the board's label:\n%s", all)
	}
}

// tick runs the support worker at e.now and returns what it sent.
func (e *supportEnv) tick(t *testing.T) []sentMsg {
	t.Helper()
	before := e.fm.count()
	if err := e.h.Tick(context.Background(), e.now); err != nil {
		t.Fatalf("tick: %v", err)
	}
	e.fm.mu.Lock()
	defer e.fm.mu.Unlock()
	return append([]sentMsg(nil), e.fm.sent[before:]...)
}

// TestMemberToldWhileWaiting: a member whose case has no answer after
// support.MemberWaitAfter is told once that it is not forgotten (before:
// only the team was reminded, the member heard nothing for a week); a
// case the team answered in time gets no such notice.
func TestMemberToldWhileWaiting(t *testing.T) {
	for _, answered := range []bool{false, true} {
		e := newSupportEnv(t)
		root := e.openCase(t)
		if answered {
			e.say(t, teamRoom, alice, "!antwort Wir schauen es uns an.", root)
		}
		start := e.now
		e.now = start.Add(support.MemberWaitAfter - time.Hour)
		if dm := in(e.tick(t), dmRoom); len(dm) != 0 {
			t.Fatalf("answered %v: the member was told too early:\n%s", answered, bodies(dm))
		}
		e.now = start.Add(support.MemberWaitAfter + time.Hour)
		dm := in(e.tick(t), dmRoom)
		if answered {
			if len(dm) != 0 {
				t.Fatalf("the member of an answered case was told it waits:\n%s", bodies(dm))
			}
			continue
		}
		if len(dm) != 1 {
			t.Fatalf("want one notice to the member, got:\n%s", bodies(dm))
		}
		mustContain(t, dm, "#1", "nicht vergessen")
		e.now = e.now.Add(3 * 24 * time.Hour)
		if dm := in(e.tick(t), dmRoom); len(dm) != 0 {
			t.Fatalf("the member was told again:\n%s", bodies(dm))
		}
	}
}
