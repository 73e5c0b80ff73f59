package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// redaction is a redaction event of target by sender in room.
func (e *supportEnv) redaction(room id.RoomID, sender id.UserID, target id.EventID) *event.Event {
	n := supportEvt.Add(1)
	return &event.Event{ID: id.EventID(fmt.Sprintf("$x%d", n)), RoomID: room, Sender: sender, Type: event.EventRedaction,
		Redacts: target, Content: event.Content{Parsed: &event.RedactionEventContent{Redacts: target}}}
}

// TestDeletedQuestionTakesItsAnswerAlong: a member deletes a question that
// Lotse answered by quoting it (no guide fits); Lotse removes its answer.
func TestDeletedQuestionTakesItsAnswerAlong(t *testing.T) {
	e := newSupportEnv(t)
	q := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Wie kann ich für den Bürgerschaftswahlkampf spenden? Meine IBAN ist DE00 1234"})
	sent := in(e.handle(t, q, true), dmRoom) // messages; the offer's reaction buttons stay
	if len(sent) == 0 || !strings.Contains(bodies(sent), "DE00 1234") {
		t.Fatalf("precondition: the answer quotes the question: %s", bodies(sent))
	}
	e.handle(t, e.redaction(dmRoom, member, q.ID), true)
	if len(e.fm.redacted) != len(sent) {
		t.Fatalf("redacted %v, want Lotse's %d replies", e.fm.redacted, len(sent))
	}
	for i, m := range sent {
		want := dmRoom.String() + " $" + m.txn + " "
		if !strings.HasPrefix(e.fm.redacted[i], want) {
			t.Errorf("redaction %d: %q, want %q…", i, e.fm.redacted[i], want)
		}
	}
	// The case offer that came with the answer is withdrawn: "ja" opens
	// no case with the deleted text.
	before := e.fm.count()
	ja := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "ja"})
	if err := e.h.Handle(context.Background(), Message{Event: ja, Direct: true}); err != nil {
		t.Fatal(err)
	}
	if after := in(e.fm.sent[before:], teamRoom); len(after) != 0 {
		t.Fatalf("the deleted question reached the team: %s", bodies(after))
	}
	if c, _ := e.db.Cases.ActiveForMember(context.Background(), member.String(), dmRoom.String()); c != nil {
		t.Fatalf("a case was opened from a deleted question: %+v", c)
	}
}

// TestDeletedCaseMessageLeavesTeamAndStore: a message relayed to the team
// in an open case is deleted by the member: the team's copy is redacted and
// its stored text erased. A redaction in a group room does nothing (its
// sender may not be the author).
func TestDeletedCaseMessageLeavesTeamAndStore(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "meine IBAN ist DE00 1234"})
	sent := e.handle(t, msg, true)
	relay := in(sent, teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}

	e.handle(t, e.redaction(teamRoom, bob, msg.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("a redaction in a group room redacted %v", e.fm.redacted)
	}

	e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
	want := teamRoom.String() + " $" + relay[0].txn + " "
	if len(e.fm.redacted) != 1 || !strings.HasPrefix(e.fm.redacted[0], want) {
		t.Fatalf("redacted %v, want the team's copy %q…", e.fm.redacted, want)
	}
	msgs, err := e.db.Cases.Messages(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Body, "DE00") {
			t.Fatalf("the deleted text is still stored: %+v", m)
		}
	}
	if !hasKind(msgs, storage.MsgMember) {
		t.Fatal("the message itself (that there was one) should stay in the case history")
	}
	history := e.say(t, teamRoom, alice, "!fall 1", "")
	if all := bodies(history); !strings.Contains(all, "vom Mitglied gelöscht") || strings.Contains(all, "DE00") {
		t.Errorf("case history after the deletion:\n%s", all)
	}
}

func hasKind(msgs []storage.CaseMessage, kind string) bool {
	for _, m := range msgs {
		if m.Kind == kind {
			return true
		}
	}
	return false
}

// forgetInbox drops the inbox's record of eventID, as the inbox retention
// does after a week: handleRedaction no longer knows its room and sender.
func (e *supportEnv) forgetInbox(t *testing.T, eventID id.EventID) {
	t.Helper()
	if _, err := e.db.Lotse.Exec(context.Background(), `DELETE FROM inbox WHERE event_id=$1`, eventID.String()); err != nil {
		t.Fatal(err)
	}
}

// TestRedactionByAnotherTakesNothing: a redaction naming a member's case
// message, sent by someone else from their own direct chat (e.g. inside
// an encrypted event, which no server checks), redacts nothing and erases
// nothing – whether or not the inbox still knows the message; the
// member's own deletion still does (sec20 review, Medium 1).
func TestRedactionByAnotherTakesNothing(t *testing.T) {
	const otherDM = id.RoomID("!dm-outsider:test")
	for _, tc := range []struct {
		name        string
		forgotten   bool // the inbox no longer knows the message
		room        id.RoomID
		sender      id.UserID
		wantRedacts int
		wantErased  bool
	}{
		{"another member, from their direct chat", false, otherDM, outsider, 0, false},
		{"another member, inbox forgot the message", true, otherDM, outsider, 0, false},
		{"the member, from another room", false, otherDM, member, 0, false},
		// Same room, another sender (a direct chat with a third person in
		// it): only the check of the sender stops it (mut35).
		{"someone else, in the member's direct chat", false, dmRoom, outsider, 0, false},
		{"the member, in the direct chat", false, dmRoom, member, 1, true},
		{"the member, inbox forgot the message", true, dmRoom, member, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "meine IBAN ist DE00 1234"})
			if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 1 {
				t.Fatalf("precondition: relayed once, got %d", len(relay))
			}
			if tc.forgotten {
				e.forgetInbox(t, msg.ID)
			}
			e.handle(t, e.redaction(tc.room, tc.sender, msg.ID), true)
			if len(e.fm.redacted) != tc.wantRedacts {
				t.Errorf("redacted %v, want %d", e.fm.redacted, tc.wantRedacts)
			}
			msgs, err := e.db.Cases.Messages(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			erased := true
			for _, m := range msgs {
				if strings.Contains(m.Body, "DE00") {
					erased = false
				}
			}
			if erased != tc.wantErased {
				t.Errorf("case text erased: %v, want %v", erased, tc.wantErased)
			}
		})
	}
}

// TestDeletedEditedCaseMessageTakesEditsAlong: a member edits a relayed
// case message (a text, or a file's caption) and then deletes it: Lotse's
// edit events in the team room, which hold the edited text (and the
// re-uploaded file), are redacted with the relay, each once.
func TestDeletedEditedCaseMessageTakesEditsAlong(t *testing.T) {
	for _, file := range []bool{false, true} {
		t.Run(map[bool]string{false: "text", true: "file"}[file], func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			content := e.messageKind(t, file)
			msg := e.event(dmRoom, member, content("Login geht nicht"))
			team := in(e.handle(t, msg, true), teamRoom)
			for _, body := range []string{"Login geht nicht, Passwort hunter2", "Login geht nicht, Passwort hunter3"} {
				team = append(team, in(e.handle(t, e.edit(dmRoom, member, msg.ID, content(body)), true), teamRoom)...)
			}
			if want := map[bool]int{false: 3, true: 6}[file]; len(team) != want {
				t.Fatalf("precondition: relay and edits %d, want %d: %s", len(team), want, bodies(team))
			}
			e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
			redacted := strings.Join(e.fm.redacted, "\n")
			for _, m := range team {
				if n := strings.Count(redacted, teamRoom.String()+" $"+m.txn+" "); n != 1 {
					t.Errorf("Lotse's %q redacted %d times; redacted:\n%s", m.txn, n, redacted)
				}
			}
			if len(e.fm.redacted) != len(team) {
				t.Errorf("redacted %d events, want %d:\n%s", len(e.fm.redacted), len(team), redacted)
			}
		})
	}
}

// refusingRedact refuses redactions in room with err (a homeserver
// answers M_FORBIDDEN in a room Lotse has left), or, with once, only the
// first one (a crash or a lost connection: the retry goes through).
type refusingRedact struct {
	*fakeMatrix
	room    id.RoomID
	err     error
	once    bool
	refused *int
}

func (f refusingRedact) Redact(ctx context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error {
	if roomID == f.room && (!f.once || *f.refused == 0) {
		*f.refused++
		return fmt.Errorf("failed to redact %s: %w", eventID, f.err)
	}
	return f.fakeMatrix.Redact(ctx, roomID, eventID, reason, txnID)
}

// TestDeletionErasesBeforeRedacting: a member deletes an edited case
// message and a redaction of its relays fails. The stored text is erased
// all the same (the database steps come first). A refusal in a room that
// is no longer the team room (team_room changed, Lotse left it) is
// skipped; one in today's team room, or any other failure, fails the
// handling, and its retry redacts the relay and Lotse's edit event once
// each – found after the erase.
func TestDeletionErasesBeforeRedacting(t *testing.T) {
	const oldTeam = id.RoomID("!oldteam:test")
	forbidden := mautrix.HTTPError{RespError: &mautrix.RespError{ErrCode: mautrix.MForbidden.ErrCode, Err: "not in room"}}
	notFound := mautrix.HTTPError{RespError: &mautrix.RespError{ErrCode: mautrix.MNotFound.ErrCode, Err: "unknown room"}}
	for _, tc := range []struct {
		name        string
		moved       bool // the relays went to a team room of before
		err         error
		once        bool
		wantFail    bool // the first handling fails
		wantRedacts int  // after the retry
	}{
		{"left the old team room", true, forbidden, false, false, 0},
		{"old team room gone", true, notFound, false, false, 0},
		{"refused in today's team room", false, forbidden, true, true, 2},
		{"crash before the redactions", false, errors.New("connection reset"), true, true, 2},
		{"old team room, lost connection", true, errors.New("connection reset"), true, true, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Login geht nicht"})
			if relay := in(e.handle(t, msg, true), teamRoom); len(relay) != 1 {
				t.Fatal("precondition: not relayed")
			}
			if edit := in(e.handle(t, e.editText(dmRoom, member, msg.ID, "Login geht nicht, Passwort hunter2"), true), teamRoom); len(edit) != 1 {
				t.Fatal("precondition: relay not edited")
			}
			room := teamRoom
			if tc.moved {
				room = oldTeam
				if _, err := e.db.Lotse.Exec(context.Background(), `UPDATE sent_event SET room_id=$2 WHERE room_id=$1`, teamRoom.String(), oldTeam.String()); err != nil {
					t.Fatal(err)
				}
			}
			refused := 0
			e.reconfigure(func(d *Deps) { d.Matrix = refusingRedact{e.fm, room, tc.err, tc.once, &refused} })
			red := e.redaction(dmRoom, member, msg.ID)
			err := e.h.Handle(context.Background(), Message{Event: red, Direct: true})
			if (err != nil) != tc.wantFail || refused == 0 {
				t.Fatalf("first handling: %v (refused %d), want failure %v", err, refused, tc.wantFail)
			}
			if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") || strings.Contains(texts, "Login") {
				t.Errorf("the deleted message's text is still stored:\n%s", texts)
			}
			if err := e.h.Handle(context.Background(), Message{Event: red, Direct: true}); err != nil {
				t.Fatalf("retry: %v", err)
			}
			if len(e.fm.redacted) != tc.wantRedacts {
				t.Errorf("redacted %v, want %d (the relay and Lotse's edit)", e.fm.redacted, tc.wantRedacts)
			}
		})
	}
}

// TestDeletionErasesBeforeRedactingReplies: a member deletes a case message
// Lotse answered in the direct chat (the notice that only the beginning of a
// long message reached the team), and redacting that reply fails. The
// stored text is erased and the relay redacted all the same: the support
// workflow's steps come before Lotse's replies in the direct chat, whose
// retry redacts the reply once.
func TestDeletionErasesBeforeRedactingReplies(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	long := strings.Repeat("Fehlermeldung <dump> & log line 1234567890\n", 1200)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: long})
	sent := e.handle(t, msg, true)
	if len(in(sent, teamRoom)) != 1 || !strings.Contains(bodies(in(sent, dmRoom)), "nur ihr Anfang") {
		t.Fatal("precondition: not relayed cut, with a reply to the member")
	}
	refused := 0
	e.reconfigure(func(d *Deps) {
		d.Matrix = refusingRedact{e.fm, dmRoom, errors.New("connection reset"), true, &refused}
	})
	red := e.redaction(dmRoom, member, msg.ID)
	if err := e.h.Handle(context.Background(), Message{Event: red, Direct: true}); err == nil || refused == 0 {
		t.Fatalf("first handling: %v (refused %d), want the reply's redaction to fail", err, refused)
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "Fehlermeldung") {
		t.Errorf("the deleted message's text is still stored after a failed reply redaction")
	}
	if len(e.fm.redacted) != 1 {
		t.Errorf("redacted %v before the retry, want the relay", e.fm.redacted)
	}
	if err := e.h.Handle(context.Background(), Message{Event: red, Direct: true}); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if len(e.fm.redacted) != 2 {
		t.Errorf("redacted %v after the retry, want the relay and the reply once each", e.fm.redacted)
	}
}

// TestDeletedTeamAnswerLeavesMember: a team member answers a case with
// another member's details by mistake (!antwort, and !erledigt with a
// solution) and deletes the command in the team room: Lotse redacts what
// it sent the member for it and erases the stored text, and tells the
// thread. A deletion by another team member, or of a note (never sent to
// the member), takes nothing from the member; a note's text is erased by
// its author's deletion all the same (sec23, Medium 1).
func TestDeletedTeamAnswerLeavesMember(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Die IBAN von Jo ist DE99 5555"})
	toMember := in(e.handle(t, answer, false), dmRoom)
	if len(toMember) != 1 || !strings.Contains(bodies(toMember), "DE99") {
		t.Fatalf("precondition: the answer reached the member once: %s", bodies(toMember))
	}
	resolve := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!erledigt 1 Jo hat DE99 5555"})
	resolved := in(e.handle(t, resolve, false), dmRoom)
	if len(resolved) != 1 || !strings.Contains(bodies(resolved), "DE99") {
		t.Fatalf("precondition: the solution reached the member once: %s", bodies(resolved))
	}
	note := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "Notiz: Jo DE99 5555",
		RelatesTo: (&event.RelatesTo{}).SetThread(id.EventID(e.caseTeamEvent(t)), id.EventID(e.caseTeamEvent(t)))})
	e.handle(t, note, false)

	// Another team member's deletion of alice's answer takes nothing.
	e.handle(t, e.redaction(teamRoom, bob, answer.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("bob's deletion of alice's answer redacted %v", e.fm.redacted)
	}
	// The note's deletion erases its text and redacts nothing.
	e.handle(t, e.redaction(teamRoom, alice, note.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("deleting a note redacted %v", e.fm.redacted)
	}

	before := e.fm.count()
	e.handle(t, e.redaction(teamRoom, alice, answer.ID), false)
	e.handle(t, e.redaction(teamRoom, alice, resolve.ID), false)
	want := []string{dmRoom.String() + " $" + toMember[0].txn + " ", dmRoom.String() + " $" + resolved[0].txn + " "}
	if len(e.fm.redacted) != 2 || !strings.HasPrefix(e.fm.redacted[0], want[0]) || !strings.HasPrefix(e.fm.redacted[1], want[1]) {
		t.Fatalf("redacted %v, want the member's copies %q…", e.fm.redacted, want)
	}
	e.fm.mu.Lock()
	told := in(e.fm.sent[before:], teamRoom)
	e.fm.mu.Unlock()
	mustContain(t, told, "Fall #1", "beim Mitglied gelöscht")
	msgs, err := e.db.Cases.Messages(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Body, "DE99") {
			t.Fatalf("the deleted text is still stored: %+v", m)
		}
	}
	history := e.say(t, teamRoom, alice, "!fall 1", "")
	if all := bodies(history); !strings.Contains(all, "im Teamraum gelöscht") || strings.Contains(all, "DE99") {
		t.Errorf("case history after the deletions:\n%s", all)
	}
	// A guide draft from the case draws on no deleted answer.
	mustContain(t, in(e.say(t, teamRoom, alice, "!anleitung-entwurf 1", ""), teamRoom), "nichts geantwortet")
}

// caseTeamEvent is the team-room event of case 1 (its thread root).
func (e *supportEnv) caseTeamEvent(t *testing.T) string {
	t.Helper()
	c, err := e.db.Cases.Get(context.Background(), 1)
	if err != nil || c == nil || c.TeamEvent == "" {
		t.Fatalf("case 1: %+v, %v", c, err)
	}
	return c.TeamEvent
}

// TestDeletionOfWaitingMessageSticks: a member's message in an open case
// still waits to be handled (its handling failed, or, encrypted, its room
// key comes late) when the member deletes it. The deletion waited for it
// (sec23) and gave up after the runtime's ten tries, some 17 minutes; a
// message handled after that was relayed to the team although its author
// had deleted it. Now the deletion marks it deleted in the inbox: it is no
// longer pending (the worker reads that before it handles an item, and
// Pending lists none), so it is never handled; and what a failed try made
// of it before (here: the relay, sent before the try failed) is taken
// back as for a handled message (relay24). Fails without the fix: the
// deletion returned an error and the message stayed pending.
func TestDeletionOfWaitingMessageSticks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		triedOn bool // a try relayed it, then failed (it stays pending)
	}{
		{"never handled", false},
		{"relayed by a failed try", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			ctx := context.Background()
			msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "mein Passwort ist Hunter2"})
			e.pendingInInbox(t, msg)
			e.fm.store(msg)
			var relay []sentMsg
			if tc.triedOn {
				before := e.fm.count()
				if err := e.h.Handle(ctx, Message{Event: msg, Direct: true}); err != nil {
					t.Fatal(err)
				}
				e.fm.mu.Lock()
				relay = in(e.fm.sent[before:], teamRoom)
				e.fm.mu.Unlock()
				if len(relay) != 1 {
					t.Fatalf("precondition: the try relayed the message once, got %d", len(relay))
				}
			}
			del := e.redaction(dmRoom, member, msg.ID)
			e.handle(t, del, true)
			if pending, err := e.db.Inbox.IsPending(ctx, msg.ID.String()); err != nil || pending {
				t.Fatalf("the deleted message is still pending (%v): the worker would handle it", err)
			}
			due, err := e.db.Inbox.Pending(ctx, e.now.Add(365*24*time.Hour), 50, 500)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range due {
				if it.EventID == msg.ID.String() {
					t.Fatalf("the deleted message is listed as due: %+v", it)
				}
			}
			if tc.triedOn {
				want := teamRoom.String() + " $" + relay[0].txn + " "
				if len(e.fm.redacted) != 1 || !strings.HasPrefix(e.fm.redacted[0], want) {
					t.Fatalf("redacted %v, want the team's copy %q…", e.fm.redacted, want)
				}
			} else if len(e.fm.redacted) != 0 {
				t.Fatalf("redacted %v, want nothing (nothing was sent)", e.fm.redacted)
			}
			if texts := e.caseTexts(t); strings.Contains(texts, "Hunter2") {
				t.Fatalf("the deleted text is stored:\n%s", texts)
			}
			// The deletion handled again (a retry after a crash) does nothing new.
			e.handle(t, del, true)
		})
	}
}

// TestDeletedTeamAnswerReasonForMember: the member's copy of a team answer
// its author deleted is redacted with a reason that says the team took it
// back, not the reason of a member's own deletion („Die Nachricht, auf die
// sich das bezog, wurde gelöscht“), which told the member that their own
// message had been deleted (mend23c).
func TestDeletedTeamAnswerReasonForMember(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	answer := e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!antwort 1 Versuch es mit 0171 1234567"})
	if toMember := in(e.handle(t, answer, false), dmRoom); len(toMember) != 1 {
		t.Fatalf("precondition: the answer reached the member once: %s", bodies(toMember))
	}
	e.handle(t, e.redaction(teamRoom, alice, answer.ID), false)
	if len(e.fm.redacted) != 1 || !strings.HasPrefix(e.fm.redacted[0], dmRoom.String()+" ") ||
		!strings.HasSuffix(e.fm.redacted[0], " Das Team hat diese Nachricht zurückgenommen.") {
		t.Fatalf("redacted %q, want the member's copy with the team's reason", e.fm.redacted)
	}
}

// TestDeletionInGroupRoomTakesNothingAlong: a member deletes their own
// question in a group room (the inbox knows it as theirs, in that room):
// Lotse's answer there stays and nothing is redacted. Following deletions
// is for direct chats only; in a group room the room's moderators decide
// what stays (handleRedaction). Without the check, the member's deletion
// redacted Lotse's reply in the group room, and no test noticed (mut35).
func TestDeletionInGroupRoomTakesNothingAlong(t *testing.T) {
	const group = id.RoomID("!group:test")
	e := newSupportEnv(t)
	q := e.event(group, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "!hilfe"})
	if sent := in(e.handle(t, q, false), group); len(sent) == 0 {
		t.Fatal("precondition: Lotse answers !hilfe in the group room")
	}
	e.handle(t, e.redaction(group, member, q.ID), false)
	if len(e.fm.redacted) != 0 {
		t.Fatalf("a deletion in a group room redacted %v", e.fm.redacted)
	}
}
