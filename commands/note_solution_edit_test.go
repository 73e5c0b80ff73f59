package commands

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/storage"
)

// note has alice write an internal note with body into case 1's thread.
func (e *supportEnv) note(t *testing.T, body string) *event.Event {
	t.Helper()
	root := id.EventID(e.caseTeamEvent(t))
	n := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: body,
		RelatesTo: (&event.RelatesTo{}).SetThread(root, root)})
	if sent := e.handle(t, n, false); len(sent) != 0 {
		t.Fatalf("precondition: a note sends nothing: %s", bodies(sent))
	}
	return n
}

// storedBody is the stored text of the case message from source.
func (e *supportEnv) storedBody(t *testing.T, source id.EventID) string {
	t.Helper()
	m, err := e.db.Cases.Message(context.Background(), source.String())
	if err != nil || m == nil {
		t.Fatalf("case message %s: %+v, %v", source, m, err)
	}
	return m.Body
}

// TestEditedNote (case25): a team member edits their internal note (an
// IBAN pasted by mistake): the stored note kept the old text, which the
// history (`!fall`) and the export showed. Now the author's edit replaces
// it, under an answer's rules: the author, still holding the team role,
// in order of arrival, while the case is open; an edit never reaches the
// member, and one that reads as an answer or a command stays a note (the
// thread says so). Fails without the fix: the stored note keeps the IBAN.
func TestEditedNote(t *testing.T) {
	for _, tc := range []struct {
		name string
		// prepare returns the edits to handle, in order.
		prepare   func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event
		want      string // the stored note afterwards
		tellsTeam string
	}{
		{"the author's edit", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			return []*event.Event{e.editText(teamRoom, alice, note.ID, "Notiz: IBAN liegt im Tresor")}
		}, "Notiz: IBAN liegt im Tresor", ""},
		{"an edit that reads as an answer", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			return []*event.Event{e.editText(teamRoom, alice, note.ID, "!antwort 1 Deine IBAN ist falsch")}
		}, "!antwort 1 Deine IBAN ist falsch", "bleibt eine interne Notiz"},
		{"an older edit after a newer", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			older := e.editText(teamRoom, alice, note.ID, "Notiz: IBAN DE11")
			newer := e.editText(teamRoom, alice, note.ID, "Notiz: IBAN im Tresor")
			e.waitingWithPayload(t, older)
			e.waitingWithPayload(t, newer)
			return []*event.Event{newer, older}
		}, "Notiz: IBAN im Tresor", ""},
		{"another team member's edit", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			return []*event.Event{e.editText(teamRoom, bob, note.ID, "Bob war hier")}
		}, "Notiz: IBAN DE99 1234", ""},
		{"an author without the team role", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			setRole(t, e.db, alice, storage.RoleTeam, storage.RoleRemoved)
			return []*event.Event{e.editText(teamRoom, alice, note.ID, "Notiz: geändert")}
		}, "Notiz: IBAN DE99 1234", ""},
		{"a resolved case", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			e.say(t, teamRoom, alice, "!erledigt 1", "")
			return []*event.Event{e.editText(teamRoom, alice, note.ID, "Notiz: geändert")}
		}, "Notiz: IBAN DE99 1234", "nicht mehr offen"},
		{"a deleted note", func(t *testing.T, e *supportEnv, note *event.Event) []*event.Event {
			e.handle(t, e.redaction(teamRoom, alice, note.ID), false)
			return []*event.Event{e.editText(teamRoom, alice, note.ID, "Notiz: wieder da")}
		}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			note := e.note(t, "Notiz: IBAN DE99 1234")
			var sent []sentMsg
			for _, ed := range tc.prepare(t, e, note) {
				e.fm.store(ed)
				before := e.fm.count()
				if err := e.h.Handle(context.Background(), Message{Event: ed}); err != nil {
					t.Fatalf("edit: %v", err)
				}
				e.fm.mu.Lock()
				sent = append(sent, e.fm.sent[before:]...)
				e.fm.mu.Unlock()
			}
			if got := e.storedBody(t, note.ID); got != tc.want {
				t.Errorf("stored note %q, want %q", got, tc.want)
			}
			if dm := in(sent, dmRoom); len(dm) != 0 {
				t.Errorf("a note's edit reached the member: %s", bodies(dm))
			}
			if tc.tellsTeam == "" && len(sent) != 0 {
				t.Errorf("the edit sent: %s", bodies(sent))
			}
			if tc.tellsTeam != "" {
				mustContain(t, in(sent, teamRoom), tc.tellsTeam, "Fall #1")
			}
		})
	}
}

// resolvedWith opens case 1 and has alice resolve it with the command
// body; it returns the command and the member's resolution message.
func (e *supportEnv) resolvedWith(t *testing.T, body string) (*event.Event, sentMsg) {
	t.Helper()
	e.openCase(t)
	cmd := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: body})
	dm := in(e.handle(t, cmd, false), dmRoom)
	if len(dm) != 1 || !strings.Contains(dm[0].content.Body, "erledigt") {
		t.Fatalf("precondition: one resolution to the member: %s", bodies(dm))
	}
	return cmd, dm[0]
}

// solutionDetail is the detail of case 1's resolve event.
func (e *supportEnv) solutionDetail(t *testing.T) string {
	t.Helper()
	events, err := e.db.Cases.Events(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == "resolve" {
			return events[i].Detail
		}
	}
	t.Fatal("case 1 has no resolve event")
	return ""
}

// TestEditedSolution (case25): a team member edits their `!erledigt`
// command (a password in the solution): the stored solution, which may
// become a guide draft, kept the old text, and so did the member's
// message. Now the author's edit that still reads as the same command
// replaces the solution (answer and resolve event) and edits Lotse's
// message to the member; once a guide draft was made from the case, the
// author is told once that the draft keeps the old text. An edit that is
// no solution for the case changes nothing and says so. Deleting the
// command afterwards takes Lotse's edit along. Fails without the fix: the
// thread says „nicht mehr offen“ and the old solution stays.
func TestEditedSolution(t *testing.T) {
	e := newSupportEnv(t)
	cmd, resolution := e.resolvedWith(t, "!erledigt 1 Dein Passwort ist Sommer2024")
	sent := e.handle(t, e.editText(teamRoom, alice, cmd.ID, "!erledigt 1 Dein Passwort kommt per Mail"), false)
	nc := memberEdit(t, sent, resolution)
	if !strings.Contains(nc.Body, "Dein Passwort kommt per Mail") || strings.Contains(nc.Body+nc.FormattedBody, "Sommer2024") ||
		!strings.Contains(nc.Body, "Fall") || !strings.Contains(nc.Body, "👍") {
		t.Errorf("edited resolution: %q", nc.Body)
	}
	if got := e.storedBody(t, cmd.ID); got != "Dein Passwort kommt per Mail" {
		t.Errorf("stored solution %q", got)
	}
	if got := e.solutionDetail(t); got != "Dein Passwort kommt per Mail" {
		t.Errorf("resolve event's solution %q", got)
	}

	// No solution for this case: nothing changes, the thread says so.
	for _, text := range []string{"!erledigt 2 für jemand anderen", "nur eine Notiz", "!erledigt 1"} {
		sent := e.handle(t, e.editText(teamRoom, alice, cmd.ID, text), false)
		if len(in(sent, dmRoom)) != 0 {
			t.Errorf("edit %q reached the member: %s", text, bodies(sent))
		}
		mustContain(t, in(sent, teamRoom), "keine Lösung", "Fall #1")
		if got := e.storedBody(t, cmd.ID); got != "Dein Passwort kommt per Mail" {
			t.Errorf("after edit %q the stored solution is %q", text, got)
		}
	}
	// Someone else's edit changes nothing.
	if sent := e.handle(t, e.editText(teamRoom, bob, cmd.ID, "!erledigt 1 Bobs Link"), false); len(sent) != 0 {
		t.Errorf("bob's edit sent: %s", bodies(sent))
	}

	// After a guide draft, the author is told once that it keeps the old text.
	e.say(t, teamRoom, alice, "!anleitung-entwurf 1", "")
	var told int
	for _, text := range []string{"!erledigt 1 Passwort per Post", "!erledigt Passwort per Brief"} {
		sent := e.handle(t, e.editText(teamRoom, alice, cmd.ID, text), false)
		if len(in(sent, dmRoom)) != 1 {
			t.Errorf("edit %q after the draft did not edit the member's message: %s", text, bodies(sent))
		}
		if team := in(sent, teamRoom); len(team) > 0 {
			mustContain(t, team, "Anleitungsentwurf", "bisherige")
			told++
		}
	}
	if told != 1 {
		t.Errorf("the author was told %d times that the draft keeps the old text, want once", told)
	}
	if got := e.solutionDetail(t); got != "Passwort per Brief" {
		t.Errorf("resolve event's solution %q", got)
	}

	// Deleted, the command takes Lotse's edits of the member's message along.
	e.handle(t, e.redaction(teamRoom, alice, cmd.ID), false)
	redacted := e.redactedIn(dmRoom)
	if _, ok := redacted[id.EventID("$"+resolution.txn)]; !ok {
		t.Errorf("the resolution is not redacted: %v", redacted)
	}
	if len(redacted) < 4 {
		t.Errorf("the member's chat keeps Lotse's edits of the solution: %d redactions %v", len(redacted), redacted)
	}
}

// TestLongSolutionEditCutToEventLimit (case25): an edit of `!erledigt`
// with a solution of 60 KB edits the member's resolution message within
// one event's bound (cut, with the note to the member, the team told), as
// an answer's edit is; before, the edit went out whole and the homeserver
// refused it at every try. The stored solution keeps the whole text.
func TestLongSolutionEditCutToEventLimit(t *testing.T) {
	e := newSupportEnv(t)
	long := strings.Repeat("<Zeile> mit Log & Text\n", 60<<10/23)
	cmd, resolution := e.resolvedWith(t, "!erledigt 1 kurz")
	sent := e.handle(t, e.editText(teamRoom, alice, cmd.ID, "!erledigt 1 "+long), false)
	dm := in(sent, dmRoom)
	if len(dm) != 1 {
		t.Fatalf("want one edit of the member's message: %s", bodies(sent))
	}
	b, err := json.Marshal(dm[0].content)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > support.MaxRelayBytes+1024 || dm[0].content.RelatesTo.GetReplaceID() != id.EventID("$"+resolution.txn) ||
		!strings.Contains(dm[0].content.NewContent.Body, "zu lang") {
		t.Errorf("the long solution's edit: %d bytes", len(b))
	}
	mustContain(t, in(sent, teamRoom), "nur ihr Anfang")
	if got := e.storedBody(t, cmd.ID); got != strings.TrimSpace(long) {
		t.Errorf("stored solution has %d bytes, want the whole %d", len(got), len(strings.TrimSpace(long)))
	}
}
