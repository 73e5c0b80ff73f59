package commands

import (
	"context"
	"fmt"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// sup29: the leftovers of support cases a member and a volunteer still meet.

// sayIn handles a member's text in room, a direct chat (direct) or not,
// and returns what was sent because of it.
func (e *supportEnv) sayIn(t *testing.T, room id.RoomID, sender id.UserID, body string, direct bool) []sentMsg {
	t.Helper()
	return e.handle(t, e.event(room, sender, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), direct)
}

// newDirectChat makes room a direct chat of user with Lotse: the two
// joined, the agreement recorded (as bot/direct.go does).
func (e *supportEnv) newDirectChat(t *testing.T, room id.RoomID, user id.UserID) {
	t.Helper()
	e.fm.mu.Lock()
	e.fm.joined[room] = map[id.UserID]bool{user: true, botID: true}
	e.fm.mu.Unlock()
	if err := e.db.DirectChats.Agree(context.Background(), room.String(), user.String(), e.now); err != nil {
		t.Fatal(err)
	}
}

// TestOpenCaseFollowsMemberToNewChat: a member who comes back in a new
// direct chat (they left the old one, or Element made a new one) finds
// their open case there: their message reaches the case's thread, the team
// reads that answers go to the new chat, the member that the case goes on
// here — and the team's answer arrives in the new chat, not in the old
// one. Before, the message started a new search (and could open a second
// case), and the answer went to the room the member had left.
func TestOpenCaseFollowsMemberToNewChat(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)

	sent := e.sayIn(t, newDM, member, "Ich bin es wieder, das Spendenformular lädt immer noch nicht", true)
	if boards := caseBoards(sent); len(boards) != 0 {
		t.Fatalf("a second case was opened:\n%s", bodies(boards))
	}
	team := in(sent, teamRoom)
	mustContain(t, team, "Fall #1", "anderen Direktchat", "Spendenformular lädt immer noch nicht")
	for _, m := range team {
		if m.content.RelatesTo == nil || m.content.RelatesTo.GetThreadParent() != root {
			t.Fatalf("not in the case's thread: %q", m.content.Body)
		}
	}
	dm := in(sent, newDM)
	if len(dm) != 1 {
		t.Fatalf("want one reply in the new chat, got:\n%s", bodies(dm))
	}
	mustContain(t, dm, "#1", "noch offen", "in diesem Chat")

	// The next message goes to the case without another notice.
	sent = e.sayIn(t, newDM, member, "Hier noch ein Detail", true)
	if dm := in(sent, newDM); len(dm) != 0 {
		t.Fatalf("the member was told again:\n%s", bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "Hier noch ein Detail")

	// The team's answer goes to the chat the member now uses.
	sent = e.say(t, teamRoom, alice, "!antwort Probier bitte einen anderen Browser.", root)
	if old := in(sent, dmRoom); len(old) != 0 {
		t.Fatalf("the answer went to the old chat:\n%s", bodies(old))
	}
	mustContain(t, in(sent, newDM), "anderen Browser")

	// !fall names the move in words.
	mustContain(t, in(e.say(t, teamRoom, alice, "!fall 1", ""), teamRoom), "schreibt jetzt aus einem anderen Direktchat")
}

// TestOpenCaseStaysOutsideOwnChat: the case follows its member only into
// their own direct chat with Lotse. Not into a room whose direct-chat
// agreement names someone else (the member once wrote there, or shares a
// display name with its member), not into a room without an agreement,
// not when the message comes from someone else; their messages there are
// questions as before, and the case stays where it was.
func TestOpenCaseStaysOutsideOwnChat(t *testing.T) {
	other := id.UserID("@mia:elsewhere.test")
	for _, tt := range []struct {
		name   string
		room   id.RoomID
		agreed id.UserID // "" = no agreement
		sender id.UserID
	}{
		{"agreed with someone else", "!other-dm:test", other, member},
		{"no agreement", "!unagreed:test", "", member},
		{"another sender in the member's chat", "!dm3:test", member, other},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			// The sender's open case, in their own chat.
			const home = id.RoomID("!home:test")
			if _, _, err := e.db.Cases.Create(context.Background(), &storage.Case{MemberID: tt.sender.String(), MemberRoom: home.String(), Summary: "Spende"},
				"$origin", "Spende", e.now); err != nil {
				t.Fatal(err)
			}
			e.fm.mu.Lock()
			e.fm.joined[tt.room] = map[id.UserID]bool{tt.sender: true, botID: true}
			e.fm.mu.Unlock()
			if tt.agreed != "" {
				if err := e.db.DirectChats.Agree(context.Background(), tt.room.String(), tt.agreed.String(), e.now); err != nil {
					t.Fatal(err)
				}
			}
			sent := e.sayIn(t, tt.room, tt.sender, "Wie kann ich für den Bürgerschaftswahlkampf spenden?", true)
			if team := in(sent, teamRoom); len(team) != 0 {
				t.Fatalf("reached the case's thread:\n%s", bodies(team))
			}
			c, err := e.db.Cases.Get(context.Background(), 1)
			if err != nil || c == nil || c.MemberRoom != home.String() {
				t.Fatalf("the case moved: %+v (%v)", c, err)
			}
		})
	}
}

// TestTicketInNewChatAddsToOpenCase: `!ticket …` in a new direct chat
// while the member's case is open elsewhere adds to that case (and moves
// it here) instead of offering a second one.
func TestTicketInNewChatAddsToOpenCase(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	const newDM = id.RoomID("!dm2:test")
	e.newDirectChat(t, newDM, member)
	e.now = e.now.Add(time.Hour)
	sent := e.sayIn(t, newDM, member, "!ticket Das Formular hängt weiter", true)
	if boards := caseBoards(sent); len(boards) != 0 {
		t.Fatalf("a second case was opened:\n%s", bodies(boards))
	}
	mustContain(t, in(sent, teamRoom), "anderen Direktchat", "Das Formular hängt weiter")
	mustContain(t, in(sent, newDM), "#1", "noch offen")
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.MemberRoom != newDM.String() {
		t.Fatalf("the case did not follow: %+v (%v)", c, err)
	}
}

// TestCasesPerDayBoundSurvivesErasure: a member who opened
// support.MaxCasesPerDay cases and then had their data erased cannot
// open more the same day (before, the count went with the cases: five
// more, and five more after the next erasure); a day later they can,
// and the support worker's tick has forgotten the record by then.
func TestCasesPerDayBoundSurvivesErasure(t *testing.T) {
	e := newSupportEnv(t)
	for i := 1; i <= support.MaxCasesPerDay; i++ {
		e.say(t, dmRoom, member, fmt.Sprintf("!ticket Frage Nummer %d", i), "")
		if boards := caseBoards(e.say(t, dmRoom, member, "ja", "")); len(boards) != 1 {
			t.Fatalf("case %d was not opened", i)
		}
		e.say(t, dmRoom, member, fmt.Sprintf("!schließen %d", i), "")
	}
	mustContain(t, in(e.confirmErasure(t), dmRoom), "Erledigt")
	e.say(t, dmRoom, member, "!ticket noch eine nach dem Löschen", "")
	sent := e.say(t, dmRoom, member, "ja", "")
	if team := in(sent, teamRoom); len(team) != 0 {
		t.Fatalf("a case beyond the bound reached the team after the erasure:\n%s", bodies(team))
	}
	mustContain(t, in(sent, dmRoom), "schon viele Supportfälle")

	e.now = e.now.Add(storage.CaseOpeningKept + time.Minute)
	e.tick(t)
	n, err := e.db.Cases.OpenedSince(context.Background(), member.String(), time.Time{})
	if err != nil || n != 0 {
		t.Fatalf("a day later %d openings are still kept (%v)", n, err)
	}
	e.say(t, dmRoom, member, "!ticket am nächsten Tag", "")
	if boards := caseBoards(e.say(t, dmRoom, member, "ja", "")); len(boards) != 1 {
		t.Fatal("a day later no case was opened")
	}
}

// TestResolveWithFile: `!erledigt …` sent as a screenshot's caption
// resolves the case and sends the member the screenshot too, under its
// file name; the thread says it went along. Before, the member got the
// caption's text alone.
func TestResolveWithFile(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...)
	e := newSupportEnv(t)
	root := e.openCase(t)
	img := e.encryptedImage(t, png, "einstellung.png", "!erledigt Schalte die Einstellung auf dem Bild ein.")
	img.RelatesTo = (&event.RelatesTo{}).SetThread(root, root)
	sent := e.handle(t, e.event(teamRoom, alice, img), false)
	dm := in(sent, dmRoom)
	mustContain(t, dm, "Schalte die Einstellung")
	var file *event.MessageEventContent
	for _, m := range dm {
		if m.content.URL != "" || m.content.File != nil {
			file = m.content
		}
	}
	if file == nil || file.Body != "einstellung.png" {
		t.Fatalf("the file did not reach the member: %+v\n%s", file, bodies(dm))
	}
	mustContain(t, in(sent, teamRoom), "mit Datei an das Mitglied gesendet (Alice)")
	if c, err := e.db.Cases.Get(context.Background(), 1); err != nil || c.Status != storage.CaseResolved {
		t.Fatalf("the case is not resolved: %+v, %v", c, err)
	}
}
