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

func TestPlural(t *testing.T) {
	tests := []struct {
		forms string
		n     int
		want  string
	}{
		{"ein Fall|%d Fälle", 1, "ein Fall"},
		{"ein Fall|%d Fälle", 0, "%d Fälle"},
		{"ein Fall|%d Fälle", 2, "%d Fälle"},
		{"%d Zusagen", 1, "%d Zusagen"},
		// A "|" in a code span is the command's, not the forms' (texts33:
		// learn's Regression was cut inside `!lehren … | <Frage>`).
		{"%d Frage (`!lehren #1 <A> | <Frage>`).|%d Fragen (`!lehren #1 <A> | <Frage>`).", 1, "%d Frage (`!lehren #1 <A> | <Frage>`)."},
		{"%d Frage (`!lehren #1 <A> | <Frage>`).|%d Fragen (`!lehren #1 <A> | <Frage>`).", 2, "%d Fragen (`!lehren #1 <A> | <Frage>`)."},
		{"`!protokoll [Nr|@name]`", 2, "`!protokoll [Nr|@name]`"},
	}
	for _, tt := range tests {
		if got := chat.Plural(tt.forms, tt.n); got != tt.want {
			t.Errorf("Plural(%q, %d) = %q, want %q", tt.forms, tt.n, got, tt.want)
		}
	}
}

// TestShorten: the chat quotes on one line, cut at max characters with
// "…" (guides.Shorten has the cases); Summarize and EscapeLong shorten the
// same way.
func TestShorten(t *testing.T) {
	if got := chat.Shorten("Wie  geht\n das?", 9); got != "Wie geht…" {
		t.Errorf("Shorten = %q", got)
	}
	long := strings.Repeat("ä", 130)
	if got := chat.Summarize(long); got != strings.Repeat("ä", 120)+"…" {
		t.Errorf("Summarize cut to %d runes", len([]rune(got)))
	}
	if got := chat.EscapeLong("*fett*  und\nmehr", 8); got != `\*fett\* u…` {
		t.Errorf("EscapeLong = %q", got)
	}
}

// TestReactEnforcesRoomAndRole: a reaction acts only from its target's
// room and only for a sender holding the target's role; a refusal is
// answered with the role's text.
func TestReactEnforcesRoomAndRole(t *testing.T) {
	const (
		home  = id.RoomID("!home:test")
		other = id.RoomID("!other:test")
		boss  = id.UserID("@boss:test")
		guest = id.UserID("@guest:test")
	)
	role := &chat.Role{Name: "boss", Check: func(_ context.Context, u id.UserID, _ id.RoomID, _ bool) (bool, string) {
		return u == boss, "nur die Chefin"
	}}
	var ran []id.UserID
	reactions := []chat.Reaction{{Name: "test", Find: func(_ context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
		if target != "$target" || key != "✅" {
			return nil, nil
		}
		return &chat.Target{Room: home, Role: role, Run: func(context.Context) error { ran = append(ran, evt.Sender); return nil }}, nil
	}}}
	fm := &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: fm, TxnID: chattest.TxnID}.WithDefaults()
	tests := []struct {
		name      string
		room      id.RoomID
		sender    id.UserID
		key       string
		handled   bool
		runs, say int
	}{
		{"other room", other, boss, "✅", true, 0, 0},
		{"no role", home, guest, "✅️", true, 0, 1},
		{"allowed (variation selector)", home, boss, "✅️", true, 1, 0},
		{"not the workflow's key", home, boss, "👀", false, 0, 0},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran = nil
			before := len(fm.Sent())
			evt := &event.Event{ID: id.EventID("$r" + string(rune('a'+i))), RoomID: tt.room, Sender: tt.sender, Type: event.EventReaction,
				Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: "$target", Key: tt.key}}}}
			ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: evt})
			handled, err := env.React(ctx, reactions, evt)
			if err != nil || handled != tt.handled || len(ran) != tt.runs || len(fm.Sent())-before != tt.say {
				t.Fatalf("handled %v err %v runs %d answers %d", handled, err, len(ran), len(fm.Sent())-before)
			}
		})
	}
}

func TestRef(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{{"12", 12, true}, {"#12", 12, true}, {" #3 ", 3, true}, {"0", 0, false}, {"-1", 0, false}, {"#", 0, false}, {"abc", 0, false}, {"1a", 0, false}} {
		if n, ok := chat.Ref(tt.in); ok != tt.ok || (ok && n != tt.want) {
			t.Errorf("Ref(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.want, tt.ok)
		}
	}
}

// TestEditToMentionsNobody: an edit replaces its target and neither the
// edit nor its new content mentions anyone, even when the content did.
func TestEditToMentionsNobody(t *testing.T) {
	fm := &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: fm, TxnID: chattest.TxnID}.WithDefaults()
	content := chat.MentionContent("Neuer Stand, @alice", "@alice:test")
	edit, err := env.EditTo(context.Background(), "!room:test", "$post", content, "txn-edit")
	if err != nil || edit == "" {
		t.Fatalf("edit %q, %v", edit, err)
	}
	sent := fm.Sent()
	if len(sent) != 1 || sent[0].Room != "!room:test" || sent[0].Txn != "txn-edit" {
		t.Fatalf("sent %+v", sent)
	}
	c := sent[0].Content
	if c.RelatesTo.GetReplaceID() != "$post" || c.NewContent == nil || c.NewContent.Body != "Neuer Stand, @alice" {
		t.Fatalf("not an edit of $post: %+v", c)
	}
	if c.Mentions == nil || len(c.Mentions.UserIDs) != 0 || c.NewContent.Mentions == nil || len(c.NewContent.Mentions.UserIDs) != 0 {
		t.Fatalf("the edit mentions %+v, its new content %+v", c.Mentions, c.NewContent.Mentions)
	}
}

// TestPage: the page argument and the bounds of its items; a page past the
// end is empty, anything but a number above 1 is the first page.
func TestPage(t *testing.T) {
	for _, tt := range []struct {
		args           []string
		total, size    int
		page, from, to int
	}{
		{nil, 120, 50, 1, 0, 50},
		{[]string{"2"}, 120, 50, 2, 50, 100},
		{[]string{"3"}, 120, 50, 3, 100, 120},
		{[]string{"9"}, 120, 50, 9, 120, 120},
		{[]string{"0"}, 120, 50, 1, 0, 50},
		{[]string{"zwei"}, 10, 50, 1, 0, 10},
	} {
		page, from, to := chat.Page(tt.args, tt.total, tt.size)
		if page != tt.page || from != tt.from || to != tt.to {
			t.Errorf("Page(%q, %d, %d) = %d, %d, %d; want %d, %d, %d", tt.args, tt.total, tt.size, page, from, to, tt.page, tt.from, tt.to)
		}
	}
}
