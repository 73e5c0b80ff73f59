package commands

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// edit is an edit (m.replace) by sender in room of target to newContent,
// as clients send it: a fallback body and the new content.
func (e *supportEnv) edit(room id.RoomID, sender id.UserID, target id.EventID, newContent *event.MessageEventContent) *event.Event {
	if newContent.MsgType == "" {
		newContent.MsgType = event.MsgText
	}
	c := &event.MessageEventContent{MsgType: newContent.MsgType, Body: "* " + newContent.Body, URL: newContent.URL, File: newContent.File,
		NewContent: newContent, RelatesTo: (&event.RelatesTo{}).SetReplace(target)}
	return e.event(room, sender, c)
}

// editText is an edit of target to the text body.
func (e *supportEnv) editText(room id.RoomID, sender id.UserID, target id.EventID, body string) *event.Event {
	return e.edit(room, sender, target, &event.MessageEventContent{MsgType: event.MsgText, Body: body})
}

// caseTexts are the stored texts of case 1's messages.
func (e *supportEnv) caseTexts(t *testing.T) string {
	t.Helper()
	msgs, err := e.db.Cases.Messages(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString(m.Body + "\n")
	}
	return b.String()
}

// textOrFile is a member's message with body: a text, or with file an
// image (uri) with body as its caption.
func textOrFile(file bool, uri id.ContentURIString, body string) *event.MessageEventContent {
	if !file {
		return &event.MessageEventContent{MsgType: event.MsgText, Body: body}
	}
	return &event.MessageEventContent{MsgType: event.MsgImage, Body: body, FileName: "s.png", URL: uri,
		Info: &event.FileInfo{MimeType: "image/png", Size: 9}}
}

// messageKind returns what a member's case message of this kind looks
// like with a given text: a text, or (file) an image uploaded once to the
// fake homeserver with the text as its caption.
func (e *supportEnv) messageKind(t *testing.T, file bool) func(body string) *event.MessageEventContent {
	t.Helper()
	var uri id.ContentURIString
	if file {
		uploaded, err := e.fm.Upload(context.Background(), []byte("\x89PNG fake"), "image/png")
		if err != nil {
			t.Fatal(err)
		}
		uri = uploaded
	}
	return func(body string) *event.MessageEventContent { return textOrFile(file, uri, body) }
}

// pendingInInbox records msg in the inbox as still waiting to be handled
// (it failed once and waits for its retry).
func (e *supportEnv) pendingInInbox(t *testing.T, msg *event.Event) {
	t.Helper()
	item := storage.InboxItem{EventID: msg.ID.String(), RoomID: dmRoom.String(), Sender: member.String(), EventType: event.EventMessage.Type,
		Payload: []byte("{}"), ReceivedAt: e.now, State: storage.InboxPending}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
}

// relayEdit checks that sent is one edit of relay in the team room and
// returns its new content.
func relayEdit(t *testing.T, sent []sentMsg, relay sentMsg) *event.MessageEventContent {
	t.Helper()
	team := in(sent, teamRoom)
	if len(team) != 1 {
		t.Fatalf("want one edit in the team room, got %d: %s", len(team), bodies(team))
	}
	c := team[0].content
	if c.RelatesTo.GetReplaceID() != id.EventID("$"+relay.txn) || c.NewContent == nil {
		t.Fatalf("not an edit of the relay $%s: %+v", relay.txn, c)
	}
	if c.NewContent.RelatesTo != nil || c.NewContent.Mentions == nil || len(c.NewContent.Mentions.UserIDs) != 0 {
		t.Errorf("new content relates or mentions: %+v", c.NewContent)
	}
	return c.NewContent
}

// TestEditedCaseMessageEditsRelay: a member edits a message relayed to the
// team in an open case (a password typed by mistake); Lotse edits its relay
// in the team room to the new text, keeps its first line, stores the new
// text with the case, and answers nothing (security review 20, Low 10).
func TestEditedCaseMessageEditsRelay(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2, geht nicht"})
	relay := in(e.handle(t, msg, true), teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}
	sent := e.handle(t, e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht"), true)
	if dm := in(sent, dmRoom); len(dm) != 0 {
		t.Errorf("the edit was answered: %s", bodies(dm))
	}
	nc := relayEdit(t, sent, relay[0])
	if want := "💬 Mia Mitglied (#1):\nMein Passwort geht nicht"; nc.Body != want {
		t.Errorf("edited relay %q, want %q", nc.Body, want)
	}
	if !strings.Contains(nc.FormattedBody, "Mein Passwort geht nicht") || strings.Contains(nc.FormattedBody, "hunter2") || nc.MsgType != event.MsgNotice {
		t.Errorf("edited relay's HTML: %+v", nc)
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") || !strings.Contains(texts, "Mein Passwort geht nicht") {
		t.Errorf("stored case texts after the edit:\n%s", texts)
	}
	// A second edit edits the relay again (the original stays the target).
	sent = e.handle(t, e.editText(dmRoom, member, msg.ID, "Mein Passwort geht immer noch nicht"), true)
	if nc := relayEdit(t, sent, relay[0]); !strings.HasSuffix(nc.Body, "immer noch nicht") {
		t.Errorf("second edit: %q", nc.Body)
	}
}

// TestEditOnlyByTheAuthor: an edit event names its target freely and no
// server checks that the editor wrote it. An edit by someone else, an
// edit from another room, an edit of a message Lotse did not relay (a
// command, a question it answered, an unknown event, Lotse's own) and an
// edit whose target the inbox no longer knows change nothing: no edit in
// the team room, no reply, the stored text as it was.
func TestEditOnlyByTheAuthor(t *testing.T) {
	const otherDM = id.RoomID("!dm-outsider:test")
	for _, tc := range []struct {
		name   string
		room   id.RoomID
		sender id.UserID
		// target: "relayed" (the case message), "command", "question",
		// "unknown", "lotse" (Lotse's own relay)
		target    string
		forgotten bool // the inbox no longer knows the relayed message
	}{
		{"another member, from their direct chat", otherDM, outsider, "relayed", false},
		{"a team member, in the team room", teamRoom, alice, "relayed", false},
		{"the member, from another room", otherDM, member, "relayed", false},
		// Same room, another sender: only the check of the sender stops it.
		{"someone else, in the member's direct chat", dmRoom, outsider, "relayed", false},
		{"the member, inbox forgot the message", dmRoom, member, "relayed", true},
		{"the member's command", dmRoom, member, "command", false},
		{"the member's answered question", dmRoom, member, "question", false},
		{"an unknown event", dmRoom, member, "unknown", false},
		{"Lotse's relay itself", dmRoom, member, "lotse", false},
		{"Lotse's relay itself, in the team room", teamRoom, alice, "lotse", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			question := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Wie kann ich für den Bürgerschaftswahlkampf spenden?"})
			e.handle(t, question, true)
			e.say(t, dmRoom, member, "ja", "")
			msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
			relay := in(e.handle(t, msg, true), teamRoom)
			if len(relay) != 1 {
				t.Fatalf("precondition: relayed once, got %d", len(relay))
			}
			cmd := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "!meine"})
			e.handle(t, cmd, true)
			target := map[string]id.EventID{"relayed": msg.ID, "command": cmd.ID, "question": question.ID, "unknown": "$unknown",
				"lotse": id.EventID("$" + relay[0].txn)}[tc.target]
			if tc.forgotten {
				e.forgetInbox(t, msg.ID)
			}
			before := e.caseTexts(t)
			// otherDM is a direct chat too: handled as one, the edit reaches
			// the relay path and only the check of author and room stops
			// it (as a group room's it stopped before that check: the row
			// "from another room" passed without it, mut35).
			sent := e.handle(t, e.editText(tc.room, tc.sender, target, "Mein Passwort ist geheim"), tc.room == dmRoom || tc.room == otherDM)
			if len(sent) != 0 {
				t.Errorf("the edit sent %d messages: %s", len(sent), bodies(sent))
			}
			if after := e.caseTexts(t); after != before {
				t.Errorf("stored texts changed:\n%s\nwas:\n%s", after, before)
			}
		})
	}
}

// TestEditAfterDeletionStaysDeleted: a message its author deleted stays
// deleted when an edit of it follows (the member's own, as a client may
// send it late): its text is not stored again and nothing is sent.
func TestEditAfterDeletionStaysDeleted(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	e.handle(t, msg, true)
	e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
	if sent := e.handle(t, e.editText(dmRoom, member, msg.ID, "neu"), true); len(sent) != 0 {
		t.Errorf("the edit of a deleted message sent: %s", bodies(sent))
	}
	m, err := e.db.Cases.Message(context.Background(), msg.ID.String())
	if err != nil || m == nil || m.Body != "" {
		t.Errorf("deleted message after the edit: %+v, %v", m, err)
	}
}

// TestEditedRelayCutToEventLimit: the edited relay is cut as a relay is,
// with the team's note, and the member is told.
func TestEditedRelayCutToEventLimit(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "kurz"})
	relay := in(e.handle(t, msg, true), teamRoom)
	long := strings.Repeat("Fehlermeldung <dump> & log line 1234567890\n", 600)
	sent := e.handle(t, e.editText(dmRoom, member, msg.ID, long), true)
	nc := relayEdit(t, sent, relay[0])
	raw, err := json.Marshal(in(sent, teamRoom)[0].content)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw)*4/3 > 60000 {
		t.Errorf("edit content is %d bytes, over the event limit once encrypted", len(raw))
	}
	if !strings.HasPrefix(nc.Body, "💬 Mia Mitglied (#1):\nFehlermeldung") || !strings.Contains(nc.Body, "zu lang für eine Chatnachricht") {
		t.Errorf("edited relay not cut with the note: …%s", nc.Body[max(0, len(nc.Body)-200):])
	}
	if dm := bodies(in(sent, dmRoom)); !strings.Contains(dm, "nur ihr Anfang") {
		t.Errorf("member not told of the cut: %s", dm)
	}
}

// TestEditedFileCaptionEditsRelay: a member edits the caption of a file
// relayed in a case; the thread line and the relayed file are edited, the
// stored text too, keeping its file marker. The edit may carry the file
// (it is uploaded again, with the new caption) or, as some clients send
// it, only text: the edit follows what was relayed, a file, and the
// relayed file no longer carries the old caption.
func TestEditedFileCaptionEditsRelay(t *testing.T) {
	for _, tc := range []struct {
		name     string
		withFile bool // the edit's m.new_content carries the file
	}{{"edit with the file", true}, {"text-only edit", false}} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			image := e.messageKind(t, true)
			msg := e.event(dmRoom, member, image("Login mit hunter2"))
			relay := in(e.handle(t, msg, true), teamRoom)
			if len(relay) != 2 {
				t.Fatalf("precondition: thread line and file, got %d", len(relay))
			}
			edit := e.editText(dmRoom, member, msg.ID, "Login")
			if tc.withFile {
				edit = e.edit(dmRoom, member, msg.ID, image("Login"))
			}
			sent := in(e.handle(t, edit, true), teamRoom)
			if len(sent) != 2 {
				t.Fatalf("want edits of the thread line and the file, got %d: %s", len(sent), bodies(sent))
			}
			for i, m := range sent {
				nc := m.content.NewContent
				if m.content.RelatesTo.GetReplaceID() != id.EventID("$"+relay[i].txn) || nc == nil || strings.Contains(nc.Body, "hunter2") {
					t.Fatalf("edit %d: %+v", i, m.content)
				}
			}
			if line := sent[0].content.NewContent.Body; line != "📎 Mia Mitglied (#1) hat eine Datei geschickt: Login" {
				t.Errorf("thread line %q", line)
			}
			file := sent[1].content.NewContent
			if file.Body != "Login" || (tc.withFile && (file.MsgType != event.MsgImage || file.File == nil)) {
				t.Errorf("relayed file after the edit: %+v", file)
			}
			if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") || !strings.Contains(texts, "[m.image] Login") {
				t.Errorf("stored case texts:\n%s", texts)
			}
		})
	}
}

// waitingWithPayload records evt in the inbox as the sync does (its JSON
// as payload), still waiting to be handled.
func (e *supportEnv) waitingWithPayload(t *testing.T, evt *event.Event) {
	t.Helper()
	raw, err := json.Marshal(evt)
	if err != nil {
		t.Fatal(err)
	}
	item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(), EventType: evt.Type.Type,
		Payload: raw, ReceivedAt: e.now, State: storage.InboxPending}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
}

// waitingBody is the body of what the inbox holds for the waiting event
// eventID (its own event, or the edit that took its place).
func (e *supportEnv) waitingBody(t *testing.T, eventID id.EventID) string {
	t.Helper()
	due, err := e.db.Inbox.Pending(context.Background(), e.now.Add(time.Hour), 50, 500)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range due {
		if it.EventID != eventID.String() {
			continue
		}
		var evt event.Event
		if err := json.Unmarshal(it.Payload, &evt); err != nil {
			t.Fatal(err)
		}
		if err := evt.Content.ParseRaw(evt.Type); err != nil {
			t.Fatal(err)
		}
		c := evt.Content.AsMessage()
		if c.NewContent != nil {
			return c.NewContent.Body
		}
		return c.Body
	}
	t.Fatalf("%s is not waiting", eventID)
	return ""
}

// TestEditOfWaitingMessageSticks: a member edits a message that still
// waits to be handled (its handling failed, or its room key comes late) —
// a password typed and edited out. The edit waited for it and gave up
// after the runtime's ten tries; the message handled after that was
// relayed with the password (relay24's leftover). Now the edit takes the
// message's place in the inbox, so the message is handled with the newest
// text (the bot unwraps it: bot's TestWaitingEventHandledWithItsEdit); an
// older edit retried after a newer one, or an edit by someone else,
// changes nothing. Fails without the fix: the edit returned
// errEditedPending and the inbox still held the password.
func TestEditOfWaitingMessageSticks(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	ctx := context.Background()
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	e.waitingWithPayload(t, msg)
	e1 := e.editText(dmRoom, member, msg.ID, "Mein Passwort ist hunter3")
	e2 := e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht")
	forged := e.editText(dmRoom, alice, msg.ID, "!hilfe")
	for _, ed := range []*event.Event{e1, e2, forged} {
		e.waitingWithPayload(t, ed)
	}
	before := e.fm.count()
	for _, ed := range []*event.Event{e2, e1, forged} { // e1 retried after e2
		if err := e.h.Handle(ctx, Message{Event: ed, Direct: true}); err != nil {
			t.Fatalf("edit %s of a waiting message: %v", ed.ID, err)
		}
		if got := e.waitingBody(t, msg.ID); got != "Mein Passwort geht nicht" {
			t.Fatalf("after edit %s the waiting message reads %q, want the newest edit", ed.ID, got)
		}
	}
	if sent := e.fm.sent[before:]; len(sent) != 0 {
		t.Errorf("the edits of a waiting message sent: %s", bodies(sent))
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "hunter") {
		t.Errorf("stored:\n%s", texts)
	}
	// Deleted afterwards, it is never handled (the edit's text neither).
	e.handle(t, e.redaction(dmRoom, member, msg.ID), true)
	if pending, err := e.db.Inbox.IsPending(ctx, msg.ID.String()); err != nil || pending {
		t.Fatalf("deleted after its edit, still pending: %v", err)
	}
}

// TestEditAfterFailedTryEditsRelay: a try relayed the message and then
// failed (it still waits); the member's edit edits the relay as for a
// handled message, and the message's retry sends no second relay.
func TestEditAfterFailedTryEditsRelay(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	ctx := context.Background()
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Mein Passwort ist hunter2"})
	e.waitingWithPayload(t, msg)
	e.fm.store(msg)
	before := e.fm.count()
	if err := e.h.Handle(ctx, Message{Event: msg, Direct: true}); err != nil {
		t.Fatal(err)
	}
	relay := in(e.fm.sent[before:], teamRoom)
	if len(relay) != 1 {
		t.Fatalf("precondition: relayed once, got %d", len(relay))
	}
	ed := e.editText(dmRoom, member, msg.ID, "Mein Passwort geht nicht")
	e.waitingWithPayload(t, ed)
	before = e.fm.count()
	if err := e.h.Handle(ctx, Message{Event: ed, Direct: true}); err != nil {
		t.Fatal(err)
	}
	if nc := relayEdit(t, e.fm.sent[before:], relay[0]); !strings.HasSuffix(nc.Body, "geht nicht") {
		t.Fatalf("relay edit: %q", nc.Body)
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") {
		t.Errorf("stored:\n%s", texts)
	}
}

// TestOlderEditAfterNewerChangesNothing: edits are applied in the
// member's order (the inbox's order of arrival), not in handling order.
// The member edits a password in (E1) and out again (E2); E1 fails once
// and its retry is handled after E2: it edits neither the relay nor the
// stored text back to E1's text.
func TestOlderEditAfterNewerChangesNothing(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)
	msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Login geht nicht"})
	relay := in(e.handle(t, msg, true), teamRoom)
	e1 := e.editText(dmRoom, member, msg.ID, "Login geht nicht, Passwort hunter2")
	e2 := e.editText(dmRoom, member, msg.ID, "Login geht nicht (Passwort entfernt)")
	// Both arrive in the member's order.
	var items []storage.InboxItem
	for _, ed := range []*event.Event{e1, e2} {
		items = append(items, storage.InboxItem{EventID: ed.ID.String(), RoomID: dmRoom.String(), Sender: member.String(),
			EventType: event.EventMessage.Type, Payload: []byte("{}"), ReceivedAt: e.now, State: storage.InboxPending})
	}
	if err := e.db.Inbox.Commit(context.Background(), items, nil, ""); err != nil {
		t.Fatal(err)
	}
	if nc := relayEdit(t, e.handle(t, e2, true), relay[0]); !strings.HasSuffix(nc.Body, "(Passwort entfernt)") {
		t.Fatalf("E2: %q", nc.Body)
	}
	if sent := e.handle(t, e1, true); len(sent) != 0 {
		t.Errorf("E1's retry after E2 sent: %s", bodies(sent))
	}
	if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") || !strings.Contains(texts, "(Passwort entfernt)") {
		t.Errorf("stored case texts after E1's retry:\n%s", texts)
	}
	// A later edit still applies.
	if nc := relayEdit(t, e.handle(t, e.editText(dmRoom, member, msg.ID, "Login geht wieder"), true), relay[0]); !strings.HasSuffix(nc.Body, "geht wieder") {
		t.Errorf("a later edit: %q", nc.Body)
	}
}

// TestEditLeavesRelayInAnotherRoom: a relay sent to another room than
// today's team room (team_room changed since) is not edited there, nor
// is an edit sent to the new team room, and the member is not told of a
// cut; the stored text is edited all the same.
func TestEditLeavesRelayInAnotherRoom(t *testing.T) {
	for _, file := range []bool{false, true} {
		t.Run(map[bool]string{false: "text", true: "file"}[file], func(t *testing.T) {
			e := newSupportEnv(t)
			e.openCase(t)
			content := e.messageKind(t, file)
			msg := e.event(dmRoom, member, content("Login mit hunter2"))
			if relay := in(e.handle(t, msg, true), teamRoom); len(relay) == 0 {
				t.Fatal("precondition: not relayed")
			}
			// The relays went to the team room of before.
			if _, err := e.db.Lotse.Exec(context.Background(), `UPDATE sent_event SET room_id='!oldteam:test' WHERE room_id=$1`, teamRoom.String()); err != nil {
				t.Fatal(err)
			}
			long := strings.Repeat("Login ", 12000)
			if sent := e.handle(t, e.edit(dmRoom, member, msg.ID, content(long)), true); len(sent) != 0 {
				t.Errorf("the edit sent: %s", bodies(sent))
			}
			if texts := e.caseTexts(t); strings.Contains(texts, "hunter2") || !strings.Contains(texts, "Login Login") {
				t.Errorf("stored case texts:\n%.200s", texts)
			}
		})
	}
}
