package flow

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

type staticGuides struct{ lib *guides.Library }

func (s staticGuides) Current() *guides.Library { return s.lib }

// fixture is one running answer workflow; restart builds a new one on the
// same database (what a restart of Lotse keeps).
type fixture struct {
	t    *testing.T
	lib  *guides.Library
	dbf  string
	db   *storage.DB
	fm   *chattest.Matrix
	w    *Workflow
	now  time.Time
	n    int
	room id.RoomID
}

func newFixture(t *testing.T) *fixture {
	lib, problems, err := guides.Load(filepath.Join("..", "..", "..", "library"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("load library: %v %v", err, problems)
	}
	f := &fixture{t: t, lib: lib, dbf: filepath.Join(t.TempDir(), "l.db"), now: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), room: "!dm:test"}
	f.restart()
	return f
}

func (f *fixture) restart() {
	if f.db != nil {
		_ = f.db.Close()
	}
	db := storagetest.Open(f.t, f.dbf)
	f.db = db
	f.fm = &chattest.Matrix{Me: "@lotse:test"}
	env := chat.Env{Matrix: f.fm, Guides: staticGuides{f.lib}, DB: db, Log: zerolog.Nop(), TxnID: chattest.TxnID,
		Now: func() time.Time { return f.now }}.WithDefaults()
	f.w = New(&env, Config{})
}

func (f *fixture) turn(evt *event.Event) context.Context {
	return chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: true})
}

// say sends text as sender and returns the bodies of what Lotse sent.
func (f *fixture) say(sender id.UserID, text string) []string {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$m%d", f.n)), RoomID: f.room, Sender: sender, Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: text}}}
	before := len(f.fm.Sent())
	if err := f.w.Text(f.turn(evt), text); err != nil {
		f.t.Fatalf("%q: %v", text, err)
	}
	return f.bodies(before)
}

func (f *fixture) react(room id.RoomID, sender id.UserID, target id.EventID, key string) []string {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$r%d", f.n)), RoomID: room, Sender: sender, Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: target, Key: key}}}}
	before := len(f.fm.Sent())
	if err := f.w.React(f.turn(evt), evt); err != nil {
		f.t.Fatal(err)
	}
	return f.bodies(before)
}

func (f *fixture) bodies(from int) []string {
	var out []string
	for _, s := range f.fm.Sent()[from:] {
		if s.Content != nil {
			out = append(out, s.Content.Body)
		}
	}
	return out
}

// lastMessageID is the event ID of the last message Lotse sent.
func (f *fixture) lastMessageID() id.EventID {
	sent := f.fm.Sent()
	for i := len(sent) - 1; i >= 0; i-- {
		if sent[i].Content != nil {
			return id.EventID("$" + sent[i].Txn)
		}
	}
	f.t.Fatal("nothing sent")
	return ""
}

const member, other = id.UserID("@member:test"), id.UserID("@other:test")

// TestMoreAfterRestart: "mehr" sends the rest of the last guide — also
// after a restart — and nothing once the follow-up has expired.
func TestMoreAfterRestart(t *testing.T) {
	f := newFixture(t)
	got := f.say(member, "Passwort vergessen")
	if len(got) != 1 || !strings.Contains(got[0], "Schreib mehr") {
		t.Fatalf("answer: %q", got)
	}
	f.restart()
	rest := f.say(member, "mehr")
	if len(rest) == 0 || !strings.Contains(rest[0], "der Rest der Anleitung") {
		t.Fatalf("mehr after restart: %q", rest)
	}
	g, _ := f.lib.Get("konto/passwort-vergessen.md")
	joined := strings.Join(append(got, rest...), "\n")
	for _, s := range g.Sections[1:] {
		if !strings.Contains(joined, s.Heading) {
			t.Errorf("section %q shown neither in the answer nor in the rest", s.Heading)
		}
	}
	// Another member's "mehr" refers to nothing of theirs.
	if got := f.say(other, "weiter"); len(got) != 1 || !strings.Contains(got[0], "Wovon") {
		t.Errorf("other member's mehr: %q", got)
	}
	f.now = f.now.Add(f.w.ChoiceTTL + time.Minute)
	if got := f.say(member, "Mehr!"); len(got) != 1 || !strings.Contains(got[0], "Wovon") {
		t.Errorf("mehr after expiry: %q", got)
	}
}

// offer asks "Meintest du …?" with three guides and returns its event.
func (f *fixture) offer(ids ...string) id.EventID {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$m%d", f.n)), RoomID: f.room, Sender: member, Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "handy"}}}
	var hits []search.Hit
	for _, id := range ids {
		hits = append(hits, search.Hit{ID: id})
	}
	if err := f.w.OfferChoice(f.turn(evt), f.lib, hits); err != nil {
		f.t.Fatal(err)
	}
	return f.lastMessageID()
}

var three = []string{"konto/zwei-faktor-einrichten.md", "matrix/benachrichtigungen-am-handy.md", "nextcloud/mobile-app.md"}

func TestChoiceByTitleWordAfterRestart(t *testing.T) {
	f := newFixture(t)
	f.offer(three...)
	f.restart()
	// One word of one title picks it.
	g, _ := f.lib.Get(three[1])
	got := f.say(member, "Benachrichtigungen")
	if len(got) != 1 || !strings.Contains(got[0], g.Title) {
		t.Fatalf("title word: %q", got)
	}
	if got := f.say(member, "2"); len(got) != 1 || !strings.Contains(got[0], "worauf sich die Nummer") {
		t.Errorf("number after the pick: %q", got)
	}
}

// TestChoiceReactionOnlyOwnPromptRoomAndAsker: a number reaction picks only
// on Lotse's own choice message, in its room, by the person who asked.
func TestChoiceReactionOnlyOwnPromptRoomAndAsker(t *testing.T) {
	f := newFixture(t)
	prompt := f.offer(three...)
	if got := f.react(f.room, other, prompt, "2️⃣"); len(got) != 0 {
		t.Errorf("someone else's tap answered: %q", got)
	}
	if got := f.react("!elsewhere:test", member, prompt, "2️⃣"); len(got) != 0 {
		t.Errorf("tap from another room answered: %q", got)
	}
	if got := f.react(f.room, member, "$someothermessage", "2️⃣"); len(got) != 0 {
		t.Errorf("tap on another message answered: %q", got)
	}
	f.restart()
	g, _ := f.lib.Get(three[1])
	if got := f.react(f.room, member, prompt, "2️⃣"); len(got) != 1 || !strings.Contains(got[0], g.Title) {
		t.Errorf("tap on 2️⃣: %q", got)
	}
}

// TestThumbsDownOffersRunnersUp: without support cases, 👎 on an answer
// with close runners-up offers them as a choice.
func TestThumbsDownOffersRunnersUp(t *testing.T) {
	f := newFixture(t)
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$m%d", f.n)), RoomID: f.room, Sender: member, Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: "x"}}}
	if err := f.w.sendGuide(f.turn(evt), f.lib, search.Hit{ID: three[0], Section: -1, Score: 1},
		[]search.Hit{{ID: three[1], Score: 0.5}, {ID: three[2], Score: 0.4}}); err != nil {
		t.Fatal(err)
	}
	answerID := f.lastMessageID()
	f.restart()
	got := f.react(f.room, member, answerID, "👎")
	g1, _ := f.lib.Get(three[1])
	g2, _ := f.lib.Get(three[2])
	if len(got) != 1 || !strings.Contains(got[0], "Meintest du") || !strings.Contains(got[0], g1.Title) || !strings.Contains(got[0], g2.Title) {
		t.Fatalf("after 👎: %q", got)
	}
	if got := f.say(member, "1"); len(got) != 1 || !strings.Contains(got[0], g1.Title) {
		t.Errorf("pick after 👎: %q", got)
	}
}

func TestIsMore(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"mehr", true}, {"Mehr!", true}, {" weiter ", true}, {"Ganze Anleitung", true}, {"mehr speicher", false}, {"weiter geht's nicht", false}} {
		if got := isMore(tt.in); got != tt.want {
			t.Errorf("isMore(%q) = %v", tt.in, got)
		}
	}
}

// teamSupport says everyone holds the team role (cases off).
type teamSupport struct{}

func (teamSupport) On() bool                               { return false }
func (teamSupport) IsTeam(context.Context, id.UserID) bool { return true }
func (teamSupport) RememberQuestion(context.Context, string, []string, id.EventID, bool, string) error {
	return nil
}
func (teamSupport) OfferAfterThumbsDown(context.Context, *event.Event, id.EventID) (bool, error) {
	return false, nil
}
func (teamSupport) OfferReaction(context.Context, *event.Event, id.EventID, string) (bool, error) {
	return false, nil
}

// TestTeamGuidesOnlyWhereTheTeamReads: a team member gets a team-only
// guide in a direct chat and in the team room, but in a group room they are
// answered like a member, so the team guide is not posted where members
// read it (issue 15, Low).
func TestTeamGuidesOnlyWhereTheTeamReads(t *testing.T) {
	const question = "Wie übernehme ich einen Supportfall und antworte dem Mitglied?"
	const teamGuide = "Supportfälle übernehmen und beantworten"
	tests := []struct {
		name   string
		room   id.RoomID
		direct bool
		want   bool
	}{
		{"direct chat", "!dm:test", true, true},
		{"team room", "!team:test", false, true},
		{"group room", "!lobby:test", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.w = New(f.w.Env, Config{Support: teamSupport{}, TeamRoom: "!team:test"})
			evt := &event.Event{ID: "$q", RoomID: tt.room, Sender: "@team:test", Type: event.EventMessage,
				Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: question}}}
			ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: tt.direct})
			if err := f.w.Text(ctx, question); err != nil {
				t.Fatal(err)
			}
			got := strings.Contains(strings.Join(f.bodies(0), "\n"), teamGuide)
			if got != tt.want {
				t.Errorf("team guide shown: %v, want %v:\n%s", got, tt.want, strings.Join(f.bodies(0), "\n"))
			}
		})
	}
}

// TestRenderGuideLinks: a guide the team sends to a member links the
// guides a member may read to their web pages; a link to a team-only guide
// or to a guide that does not exist stays plain text.
func TestRenderGuideLinks(t *testing.T) {
	parse := func(id, src string) *guides.Guide {
		g, problems := guides.Parse(id, []byte(src))
		if g == nil {
			t.Fatalf("parse %s: %v", id, problems)
		}
		return g
	}
	sent := parse("hilfe/senden.md", "---\ntitle: \"Senden\"\nsummary: \"Wie man sendet.\"\ntags: [senden]\n---\n\n"+
		"# Senden\n\nSiehe [Ablauf](../team/ablauf.md#schritte), [Mehr](../hilfe/mehr.md#a) und [Alt](../hilfe/weg.md).\n")
	more := parse("hilfe/mehr.md", "---\ntitle: \"Mehr\"\nsummary: \"Für alle.\"\ntags: [mehr]\n---\n\n# Mehr\n\n## A\n\nTun.\n")
	team := parse("team/ablauf.md", "---\ntitle: \"Ablauf\"\nsummary: \"Für das Team.\"\ntags: [ablauf]\naudience: team\n---\n\n# Ablauf\n\n## Schritte\n\nTun.\n")
	lib := guides.NewLibrary([]*guides.Guide{sent, team, more})
	env := chat.Env{Matrix: &chattest.Matrix{Me: "@lotse:test"}, Guides: staticGuides{lib}, Log: zerolog.Nop(), TxnID: chattest.TxnID,
		GuideURL: func(id string) string { return "https://wiki.test/" + strings.TrimSuffix(id, ".md") }}.WithDefaults()
	_, htmlBody := New(&env, Config{}).RenderGuide(sent)
	if !strings.Contains(htmlBody, `href="https://wiki.test/hilfe/mehr#a"`) {
		t.Errorf("no web link to the member guide: %s", htmlBody)
	}
	if strings.Contains(htmlBody, "team/ablauf") || !strings.Contains(htmlBody, "Ablauf") {
		t.Errorf("the link to the team-only guide is not plain text: %s", htmlBody)
	}
	if strings.Contains(htmlBody, "hilfe/weg") || !strings.Contains(htmlBody, "Alt") {
		t.Errorf("the dead link is not plain text: %s", htmlBody)
	}
}
