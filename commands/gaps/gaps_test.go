package gaps_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer/flow"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

type staticGuides struct{ lib *guides.Library }

func (s staticGuides) Current() *guides.Library { return s.lib }

var (
	libOnce sync.Once
	lib     *guides.Library
)

func library(t *testing.T) *guides.Library {
	t.Helper()
	libOnce.Do(func() {
		l, problems, err := guides.Load(filepath.Join("..", "..", "library"))
		if err != nil || len(problems) > 0 {
			t.Fatalf("load library: %v %v", err, problems)
		}
		lib = l
	})
	return lib
}

// countingMatrix is the homeserver: it keeps each transaction once (like
// chattest.Matrix) and counts every attempt; fail makes the next sends
// fail after the homeserver kept them (a crash before Lotse saw the reply).
type countingMatrix struct {
	*chattest.Matrix
	attempts []string
	fail     bool
	// reject makes sends fail before the homeserver keeps them.
	reject bool
	// names are display names (default: the user ID).
	names map[id.UserID]string
}

func (m *countingMatrix) DisplayName(ctx context.Context, room id.RoomID, user id.UserID) string {
	if n, ok := m.names[user]; ok {
		return n
	}
	return m.Matrix.DisplayName(ctx, room, user)
}

func (m *countingMatrix) Send(ctx context.Context, room id.RoomID, t event.Type, content any, txn string) (id.EventID, error) {
	m.attempts = append(m.attempts, txn)
	if m.reject {
		return "", fmt.Errorf("forbidden")
	}
	evt, err := m.Matrix.Send(ctx, room, t, content, txn)
	if m.fail {
		return "", fmt.Errorf("connection lost")
	}
	return evt, err
}

const (
	teamRoom  = id.RoomID("!team:test")
	approvals = id.RoomID("!approvals:test")
	dm        = id.RoomID("!dm:test")
	lobby     = id.RoomID("!lobby:test")
	member    = id.UserID("@member:test")
	other     = id.UserID("@other:test")
)

// fixture is Lotse with the answer and gaps workflows on one database;
// restart builds them anew on the same database and homeserver.
type fixture struct {
	t   *testing.T
	uri string
	db  *storage.DB
	hs  *countingMatrix
	gw  *gaps.Workflow
	fw  *flow.Workflow
	cfg gaps.Config
	now time.Time
	n   int
}

var berlin, _ = time.LoadLocation("Europe/Berlin")

func newFixture(t *testing.T, uri string) *fixture {
	f := &fixture{t: t, uri: uri, hs: &countingMatrix{Matrix: &chattest.Matrix{Me: "@lotse:test"}},
		cfg: gaps.Config{Keep: true, TeamRoom: teamRoom, Private: []id.RoomID{teamRoom, approvals}, Weekday: 1, Hour: 9, Location: berlin},
		// Friday, 4 December 2026, 10:00 in Berlin.
		now: time.Date(2026, 12, 4, 10, 0, 0, 0, berlin)}
	f.restart()
	return f
}

func (f *fixture) restart() {
	if f.db != nil {
		_ = f.db.Close()
	}
	db := storagetest.Open(f.t, f.uri)
	f.db = db
	env := chat.Env{Matrix: f.hs, Guides: staticGuides{library(f.t)}, DB: db, Log: zerolog.Nop(), TxnID: chattest.TxnID,
		Now: func() time.Time { return f.now }}.WithDefaults()
	f.gw = gaps.New(&env, f.cfg)
	f.fw = flow.New(&env, flow.Config{Gaps: f.gw, TeamRoom: teamRoom})
}

// ask sends text as sender in room.
func (f *fixture) ask(room id.RoomID, sender id.UserID, text string) {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$q%d", f.n)), RoomID: room, Sender: sender, Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: text}}}
	ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: room == dm})
	if err := f.fw.Text(ctx, text); err != nil {
		f.t.Fatalf("%q: %v", text, err)
	}
}

func (f *fixture) react(room id.RoomID, sender id.UserID, target id.EventID, key string) {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$r%d", f.n)), RoomID: room, Sender: sender, Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: target, Key: key}}}}
	if err := f.fw.React(chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: room == dm}), evt); err != nil {
		f.t.Fatal(err)
	}
}

// command runs a gaps command as sender in room, through the role check.
func (f *fixture) command(room id.RoomID, sender id.UserID, name string, args ...string) string {
	f.t.Helper()
	f.n++
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$c%d", f.n)), RoomID: room, Sender: sender, Type: event.EventMessage}
	ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: evt, Direct: room == dm})
	for _, c := range f.gw.Commands() {
		if c.Name == name {
			before := len(f.hs.Sent())
			call := &chat.Call{Ctx: ctx, Event: evt, Command: name, Args: args, RawArgs: strings.Join(args, " ")}
			if err := f.gw.Env.Dispatch(call, &c); err != nil {
				f.t.Fatal(err)
			}
			var out []string
			for _, s := range f.hs.Sent()[before:] {
				out = append(out, s.Content.Body)
			}
			return strings.Join(out, "\n")
		}
	}
	f.t.Fatalf("no command %s", name)
	return ""
}

func (f *fixture) kept() []string {
	f.t.Helper()
	qs, err := f.db.Gaps().List(context.Background(), time.Time{}, f.now.Add(time.Hour))
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.Outcome+":"+q.Question)
	}
	return out
}

func (f *fixture) lastSent() id.EventID {
	s := f.hs.Sent()
	return id.EventID("$" + s[len(s)-1].Txn)
}

// databases are SQLite always and PostgreSQL when LOTSE_TEST_POSTGRES
// names one.
func databases(t *testing.T) map[string]string {
	dbs := map[string]string{"sqlite": filepath.Join(t.TempDir(), "lotse.db")}
	if uri := os.Getenv("LOTSE_TEST_POSTGRES"); uri != "" {
		dbs["postgres"] = storagetest.FreshPostgresSchema(t, uri)
	}
	return dbs
}

const noGuide = "Wie melde ich eine Demo an?"

// TestKeptOrNot: what is kept and what not — per outcome, per room, and
// for a member who opted out.
func TestKeptOrNot(t *testing.T) {
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	f.ask(dm, member, noGuide)
	f.ask(lobby, other, "Wo bekomme ich Flyer für den Wahlkampf?")
	f.ask(teamRoom, other, "Wer zahlt die Fahrtkosten zum Parteitag?")
	f.ask(approvals, other, "Wer zahlt die Fahrtkosten zum Parteitag?")
	f.ask(dm, member, "Hallo!")
	want := []string{"none:" + noGuide, "none:Wo bekomme ich Flyer für den Wahlkampf?"}
	if got := f.kept(); !slices.Equal(got, want) {
		t.Fatalf("kept %q, want %q", got, want)
	}

	// An answer is not listed; the asker's 👎 within the window makes it one.
	f.ask(dm, member, "Passwort vergessen")
	answer := f.lastSent()
	f.ask(dm, other, "Passwort vergessen")
	answerOther := f.lastSent()
	if got := f.kept(); len(got) != 2 {
		t.Fatalf("an answer was listed: %q", got)
	}
	f.restart()
	f.react(dm, member, answer, "👎")
	f.react(dm, member, answerOther, "👎") // not the asker
	if got := f.kept(); len(got) != 3 || got[2] != "thumbsdown:Passwort vergessen" {
		t.Fatalf("after 👎: %q", got)
	}

	// Opted out: nothing new is kept, and what was kept is gone; only in the DM.
	if got := f.command(lobby, member, "nicht-merken"); !strings.Contains(got, "Direktchat") {
		t.Errorf("opt-out outside the DM: %q", got)
	}
	if got := f.command(dm, member, "nicht-merken"); !strings.Contains(got, "nicht mehr") {
		t.Errorf("opt-out: %q", got)
	}
	f.ask(dm, member, "Wer zahlt die Fahrtkosten zum Parteitag?")
	f.ask(lobby, member, "Wer zahlt die Fahrtkosten zum Parteitag?")
	if got := f.kept(); !slices.Equal(got, []string{"none:Wo bekomme ich Flyer für den Wahlkampf?"}) {
		t.Fatalf("after opt-out: %q", got)
	}
	if got := f.command(dm, member, "nicht-merken"); !strings.Contains(got, "schon so") {
		t.Errorf("second opt-out: %q", got)
	}
	if got := f.command(dm, member, "nicht-merken", "zurück"); !strings.Contains(got, "wieder") {
		t.Errorf("opt-in: %q", got)
	}
	f.ask(dm, member, noGuide)
	if got := f.kept(); len(got) != 2 {
		t.Fatalf("after opt-in: %q", got)
	}

	// Keeping off: nothing.
	f.cfg.Keep = false
	f.restart()
	f.ask(dm, other, "Wer zahlt die Fahrtkosten zum Parteitag?")
	if got := f.kept(); len(got) != 2 {
		t.Fatalf("kept with keeping off: %q", got)
	}
}

// TestChoiceWithoutPick: a choice counts when the member picks nothing —
// it expires, or they write something else — and not when they pick.
func TestChoiceWithoutPick(t *testing.T) {
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	q := chooseQuestion(t)
	f.ask(dm, member, q)
	f.ask(dm, member, "1")
	if got := f.kept(); len(got) != 0 {
		t.Fatalf("picked choice kept: %q", got)
	}
	f.ask(dm, other, q)
	f.ask(dm, other, noGuide)
	f.ask(lobby, member, q)
	f.restart()
	f.now = f.now.Add(time.Hour) // the choices expired
	f.ask(lobby, member, "2")
	want := []string{"choose:" + q, "none:" + noGuide, "choose:" + q}
	if got := f.kept(); !slices.Equal(got, want) {
		t.Fatalf("kept %q, want %q", got, want)
	}

	// A pick from another choice (the runners-up after a 👎) does not
	// settle an earlier question's choice.
	f.ask(dm, member, q)
	f.ask(dm, member, "Passwort vergessen")
	f.react(dm, member, f.lastSent(), "👎")
	got := f.kept()
	if len(got) != 5 || got[3] != "choose:"+q || got[4] != "thumbsdown:Passwort vergessen" {
		t.Fatalf("after the 👎: %q", got)
	}
	last := ""
	for _, s := range f.hs.Sent() {
		if s.Content != nil {
			last = s.Content.Body
		}
	}
	if !strings.Contains(last, "Meintest du") {
		t.Fatalf("no runners-up offered after the 👎: %q", last)
	}
	f.ask(dm, member, "1")
	if after := f.kept(); !slices.Equal(after, got) {
		t.Fatalf("a pick of the runners-up changed %q to %q", got, after)
	}
}

func chooseQuestion(t *testing.T) string {
	t.Helper()
	f := newFixture(t, filepath.Join(t.TempDir(), "probe.db"))
	for _, q := range []string{"Webcam bleibt schwarz in der Konferenz", "Mikro funktioniert nicht im Videocall",
		"es pfeift und hallt die ganze zeit wenn ich rede", "I can't hear anyone in the meeting"} {
		before := len(f.hs.Sent())
		f.ask(dm, member, q)
		for _, s := range f.hs.Sent()[before:] {
			if s.Content != nil && strings.Contains(s.Content.Body, "Meintest du") {
				return q
			}
		}
	}
	t.Fatal("none of the questions gets a choice any more: pick new ones")
	return ""
}

// TestTeamQuestionsNotKept: an active team member's own questions are not
// kept, in their DM or elsewhere, whatever the outcome (a 👎 included);
// a member's are, in the same rooms.
func TestTeamQuestionsNotKept(t *testing.T) {
	const teamMember = id.UserID("@team-member:test")
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	f.cfg.IsTeam = func(_ context.Context, u id.UserID) bool { return u == teamMember }
	f.restart()
	f.ask(dm, teamMember, noGuide)
	f.ask(lobby, teamMember, noGuide)
	f.ask(dm, teamMember, chooseQuestion(t))
	f.ask(dm, teamMember, "Passwort vergessen")
	f.react(dm, teamMember, f.lastSent(), "👎")
	if got := f.kept(); len(got) != 0 {
		t.Fatalf("kept a team member's questions: %q", got)
	}
	f.ask(dm, member, noGuide)
	if got := f.kept(); !slices.Equal(got, []string{"none:" + noGuide}) {
		t.Fatalf("a member's question: %q", got)
	}
}

// TestKeptWithoutPersonalData: the asker's display name, its parts (the
// first name alone, as learned questions and drafts leave it out) and user name,
// Matrix IDs, e-mail addresses, phone numbers and a password (know23 M3)
// are not kept with the question (the digest shows its text to the team); the question is.
func TestKeptWithoutPersonalData(t *testing.T) {
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	f.hs.names = map[id.UserID]string{member: "Mia Beispiel"}
	f.ask(dm, member, "Hallo, hier Mia Beispiel (member): wie melde ich eine Demo an? Ruft mich an: 0151 2345678, "+
		"mia@example.org oder @mia:example.org, mein Passwort ist Sommer2024! Danke, Mia")
	got := f.kept()
	if len(got) != 1 {
		t.Fatalf("kept %q", got)
	}
	for _, absent := range []string{"Mia", "Beispiel", "member", "0151", "example.org", "@mia", "Sommer2024"} {
		if strings.Contains(got[0], absent) {
			t.Errorf("kept %q with %q", got[0], absent)
		}
	}
	if !strings.Contains(got[0], "Demo") || !strings.Contains(got[0], gaps.RedactedMark) {
		t.Errorf("kept %q", got[0])
	}
}

// TestKeptWithoutLinkSecrets (loop28): a link in a kept question keeps
// only its host — a share link's token or a reset link's code is not
// kept for weeks and shown in the digest —, and an IBAN is gone whole.
func TestKeptWithoutLinkSecrets(t *testing.T) {
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	f.ask(dm, member, "Wie melde ich eine Demo an? Der Link https://cloud.example.org/s/x7YkQ2pW geht nicht, "+
		"und die Spende von DE89 3704 0044 0532 0130 00 kam nicht an")
	got := f.kept()
	if len(got) != 1 {
		t.Fatalf("kept %q", got)
	}
	for _, absent := range []string{"x7YkQ2pW", "/s/", "DE89", "3704"} {
		if strings.Contains(got[0], absent) {
			t.Errorf("kept %q with %q", got[0], absent)
		}
	}
	if !strings.Contains(got[0], "https://cloud.example.org/…") || !strings.Contains(got[0], "Demo") {
		t.Errorf("kept %q", got[0])
	}
}
