package chat_test

import (
	"context"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// rings reports whether the default push rules of the Matrix
// specification notify user of content, in their order: the override
// rules .m.rule.suppress_notices (an m.notice: never), then
// .m.rule.is_user_mention (m.mentions names user) and — on a homeserver
// without intentional mentions (legacy: Dendrite, Synapse before Matrix
// 1.7) — .m.rule.roomnotif („@room“ as a word in the body, from a sender
// allowed to notify the room, as Lotse is in the team room) and
// .m.rule.contains_display_name; then the underride rule of a room of
// two (.m.rule.room_one_to_one: any message). The edit rule
// (.m.rule.suppress_edits) is left out: edits are not tested here.
func rings(c *event.MessageEventContent, user id.UserID, name string, direct, legacy bool) bool {
	if c.MsgType == event.MsgNotice {
		return false
	}
	if !legacy && c.Mentions != nil {
		return c.Mentions.Has(user) || c.Mentions.Room || direct
	}
	for _, w := range strings.FieldsFunc(c.Body, func(r rune) bool {
		return r == ' ' || r == '\n' || r == ',' || r == '.' || r == ':' || r == '!' || r == '?'
	}) {
		if strings.EqualFold(w, "@room") || (name != "" && strings.EqualFold(w, name)) {
			return true
		}
	}
	return direct
}

// TestNotifying: a notice that mentions someone other than Lotse goes out
// as m.text (a notice never notifies: .m.rule.suppress_notices comes
// before every mention rule), on a copy; what mentions nobody, an edit,
// and what is no notice stay as they are.
func TestNotifying(t *testing.T) {
	const me = id.UserID("@lotse:test")
	notice := func(users ...id.UserID) *event.MessageEventContent {
		return &event.MessageEventContent{MsgType: event.MsgNotice, Body: "Hallo", Mentions: &event.Mentions{UserIDs: users}}
	}
	edit := notice("@alice:test")
	edit.RelatesTo = (&event.RelatesTo{}).SetReplace("$old")
	for _, tt := range []struct {
		name    string
		content *event.MessageEventContent
		want    event.MessageType
	}{
		{"mentions a person", notice("@alice:test"), event.MsgText},
		{"mentions a person and Lotse", notice(me, "@alice:test"), event.MsgText},
		{"mentions nobody", notice(), event.MsgNotice},
		{"no mentions at all", &event.MessageEventContent{MsgType: event.MsgNotice, Body: "Hallo"}, event.MsgNotice},
		{"mentions only Lotse", notice(me), event.MsgNotice},
		{"an edit", edit, event.MsgNotice},
		{"a file", &event.MessageEventContent{MsgType: event.MsgFile, Body: "a.ics", Mentions: &event.Mentions{UserIDs: []id.UserID{"@alice:test"}}}, event.MsgFile},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.content.MsgType
			got := chat.Notifying(tt.content, me).(*event.MessageEventContent)
			if got.MsgType != tt.want {
				t.Fatalf("msgtype %q, want %q", got.MsgType, tt.want)
			}
			if tt.content.MsgType != before {
				t.Fatalf("the caller's content was changed to %q", tt.content.MsgType)
			}
		})
	}
	if r := chat.Notifying(&event.ReactionEventContent{}, me); r == nil {
		t.Fatal("a reaction was dropped")
	}
}

// TestNotifyingDefusesRoomPing: a message made m.text carries no „@room“
// that an old push rule would ring the whole room for; the HTML and the
// rest of the text are unchanged, and a notice keeps its body.
func TestNotifyingDefusesRoomPing(t *testing.T) {
	const me = id.UserID("@lotse:test")
	body := "Mia schreibt: @room bitte alle lesen! @ROOM, @Room. mail@roomservice.de ä@room"
	c := &event.MessageEventContent{MsgType: event.MsgNotice, Body: body, Format: event.FormatHTML, FormattedBody: "<p>@room</p>",
		Mentions: &event.Mentions{UserIDs: []id.UserID{"@alice:test"}}}
	got := chat.Notifying(c, me).(*event.MessageEventContent)
	if rings(got, "@bob:test", "", false, true) {
		t.Fatalf("the body still rings the room on a legacy homeserver: %q", got.Body)
	}
	if strings.Contains(strings.ToLower(got.Body), "@room") || strings.ReplaceAll(got.Body, "\u2060", "") != body {
		t.Fatalf("body %q", got.Body)
	}
	if got.FormattedBody != "<p>@room</p>" || c.Body != body {
		t.Fatalf("html %q, caller's body %q", got.FormattedBody, c.Body)
	}
	quiet := &event.MessageEventContent{MsgType: event.MsgNotice, Body: body, Mentions: &event.Mentions{}}
	if chat.Notifying(quiet, me).(*event.MessageEventContent).Body != body {
		t.Fatal("a notice's body was changed")
	}
	// 60 KB of „@room“: one pass, every one broken.
	long := strings.Repeat("@room", 12_000)
	c = &event.MessageEventContent{MsgType: event.MsgNotice, Body: long, Mentions: &event.Mentions{UserIDs: []id.UserID{"@alice:test"}}}
	got = chat.Notifying(c, me).(*event.MessageEventContent)
	if strings.Count(got.Body, "@\u2060room") != 12_000 {
		t.Fatalf("%d of 12000 broken", strings.Count(got.Body, "@\u2060room"))
	}
}

// TestSentMentionsRing: what the Env sends rings the people it mentions
// (the default push rules, with and without intentional mentions) and
// nobody else: a message to the team room that mentions a volunteer, a
// reply in a group room (its asker); a reply in a direct chat and a
// message that mentions nobody stay quiet notices.
func TestSentMentionsRing(t *testing.T) {
	fm := &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: fm, TxnID: chattest.TxnID}.WithDefaults()
	ctx := context.Background()
	const team = id.RoomID("!team:test")
	alice := id.UserID("@alice:test")

	pill := `<a href="https://matrix.to/#/@alice:test">Alice</a>`
	if _, err := env.SendTo(ctx, team, "Alice, Fall #3 wartet seit 2 Tagen. Mia schrieb: @room hilfe", pill, nil, &event.Mentions{UserIDs: []id.UserID{alice}}, "t1"); err != nil {
		t.Fatal(err)
	}
	if _, err := env.SendTo(ctx, team, "Neuer Fall #4: @room hilfe", "", nil, nil, "t2"); err != nil {
		t.Fatal(err)
	}
	group := &event.Event{ID: "$q", RoomID: "!group:test", Sender: "@bob:test", Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "@lotse wie geht das?"}}}
	if _, err := env.Reply(chat.WithTurn(ctx, &chat.Turn{Event: group}), "So geht das.", ""); err != nil {
		t.Fatal(err)
	}
	dm := &event.Event{ID: "$d", RoomID: "!dm:test", Sender: "@mia:test", Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "Hallo"}}}
	if _, err := env.Reply(chat.WithTurn(ctx, &chat.Turn{Event: dm, Direct: true}), "Hallo Mia!", ""); err != nil {
		t.Fatal(err)
	}
	sent := fm.Sent()
	if len(sent) != 4 {
		t.Fatalf("%d sent", len(sent))
	}
	for _, legacy := range []bool{false, true} {
		for _, tt := range []struct {
			i      int
			user   id.UserID
			name   string
			direct bool
			want   bool
			// onlyNew: rings only where mentions are read (a legacy
			// homeserver reads the body: Bob's name is not in it).
			onlyNew bool
		}{
			{0, alice, "Alice", false, true, false},
			{0, "@carl:test", "Carl", false, false, false},
			{1, alice, "Alice", false, false, false},
			{1, "@carl:test", "Carl", false, false, false},
			{2, "@bob:test", "Bob", false, true, true},
			{3, "@mia:test", "Mia", true, false, false},
		} {
			want := tt.want && !(legacy && tt.onlyNew)
			if got := rings(sent[tt.i].Content, tt.user, tt.name, tt.direct, legacy); got != want {
				t.Errorf("legacy %v: message %d (%s %q) rings %s: %v, want %v", legacy, tt.i, sent[tt.i].Content.MsgType, sent[tt.i].Content.Body, tt.user, got, want)
			}
		}
	}
}

// TestReplyToReactionStaysInThread: a reaction on a message in a thread
// is answered in that thread, as a visible reply to the reacted message;
// one on a message in the timeline, or on one that cannot be fetched, is
// answered with a plain reply, as before.
func TestReplyToReactionStaysInThread(t *testing.T) {
	const room = id.RoomID("!group:test")
	fm := &chattest.Matrix{Me: "@lotse:test", Events: map[id.EventID]*event.Event{
		"$inthread": {ID: "$inthread", RoomID: room, Sender: "@lotse:test", Type: event.EventMessage,
			Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgNotice, Body: "1️⃣ oder 2️⃣?",
				RelatesTo: (&event.RelatesTo{}).SetThread("$root", "$q")}}},
		"$timeline": {ID: "$timeline", RoomID: room, Sender: "@lotse:test", Type: event.EventMessage,
			Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgNotice, Body: "1️⃣ oder 2️⃣?"}}},
	}}
	env := chat.Env{Matrix: fm, TxnID: chattest.TxnID}.WithDefaults()
	for _, tt := range []struct {
		target id.EventID
		direct bool
		root   id.EventID
	}{{"$inthread", false, "$root"}, {"$inthread", true, "$root"}, {"$timeline", false, ""}, {"$gone", false, ""}} {
		t.Run(string(tt.target), func(t *testing.T) {
			evt := &event.Event{ID: id.EventID("$r" + string(tt.target) + map[bool]string{true: "d"}[tt.direct]), RoomID: room, Sender: "@mia:test", Type: event.EventReaction,
				Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: tt.target, Key: "1️⃣"}}}}
			if _, err := env.Reply(chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: tt.direct}), "Antwort", ""); err != nil {
				t.Fatal(err)
			}
			sent := fm.Sent()
			rel := sent[len(sent)-1].Content.RelatesTo
			if rel.GetThreadParent() != tt.root || rel.GetReplyTo() != tt.target || rel.IsFallingBack {
				t.Fatalf("relates to %+v (reply to %s), want thread %q and a visible reply to %s", rel, rel.GetReplyTo(), tt.root, tt.target)
			}
		})
	}
}
