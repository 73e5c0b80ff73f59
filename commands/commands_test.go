package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	mcommands "maunium.net/go/mautrix/commands"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

const botID = id.UserID("@lotse:test")

// fakeMatrix records what the handler sends.
type fakeMatrix struct {
	mu   sync.Mutex
	sent []sentMsg
	txns map[string]bool
	// joined lists room members (support tests); names their display names.
	joined map[id.RoomID]map[id.UserID]bool
	// invited lists those invited and not joined: like the state store
	// (bot.directMember), DirectMember counts them (left31).
	invited   map[id.RoomID]map[id.UserID]bool
	names     map[id.UserID]string
	encrypted map[id.RoomID]bool
	media     map[id.ContentURIString][]byte
	// db, if set, gets every send recorded like the bot's Sender does.
	db       *storage.DB
	redacted []string // "room event reason"
	// presence records typing notifications and read receipts, with the
	// number of messages sent before each.
	presence []string
	// events are the messages the homeserver has (FetchMessage); the
	// support tests' handle puts each event handled here.
	events  map[id.EventID]*event.Event
	fetched []id.EventID // what FetchMessage was asked for
	// onFetch, if set, runs at each FetchMessage before it answers (a
	// shutdown in the middle of a fetch).
	onFetch func()
	// fetchErr, if set, is FetchMessage's answer.
	fetchErr error
	// onSend, if set, runs at each Send before it is recorded (something
	// that happens while a message is on its way).
	onSend func(roomID id.RoomID)
	// sendErr, if set, is Send's answer before anything is recorded (nil:
	// sent), as a homeserver that does not answer (mend31b).
	sendErr func(roomID id.RoomID, txnID string) error
	// onName, if set, runs at each DisplayName before it answers
	// (something that happens while Lotse reads whose words it copies).
	onName func(user id.UserID)
	// redactErr, if set, is Redact's answer for eventID (nil: redacted).
	redactErr func(eventID id.EventID) error
	// refused counts the sends refused as too large for a homeserver.
	refused int
}

// FetchMessage returns a message of events in roomID, as a homeserver
// answers /event.
func (f *fakeMatrix) FetchMessage(ctx context.Context, roomID id.RoomID, eventID id.EventID) (*event.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fetched = append(f.fetched, eventID)
	if f.fetchErr != nil {
		return nil, f.fetchErr
	}
	if f.onFetch != nil {
		f.onFetch()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	evt := f.events[eventID]
	if evt == nil || evt.RoomID != roomID || evt.Type != event.EventMessage {
		return nil, errors.New("M_NOT_FOUND")
	}
	return evt, nil
}

// store puts evt among the messages the homeserver has.
func (f *fakeMatrix) store(evt *event.Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.events == nil {
		f.events = map[id.EventID]*event.Event{}
	}
	f.events[evt.ID] = evt
}

// forget drops an event from what the homeserver has (redacted, its key
// lost: FetchMessage fails).
func (f *fakeMatrix) forget(eventID id.EventID) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.events, eventID)
}

func (f *fakeMatrix) Typing(_ context.Context, roomID id.RoomID, typing bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.presence = append(f.presence, fmt.Sprintf("typing %v %s after %d", typing, roomID, len(f.sent)))
	return nil
}

func (f *fakeMatrix) MarkRead(_ context.Context, roomID id.RoomID, eventID id.EventID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.presence = append(f.presence, fmt.Sprintf("read %s %s after %d", roomID, eventID, len(f.sent)))
	return nil
}

func (f *fakeMatrix) Redact(_ context.Context, roomID id.RoomID, eventID id.EventID, reason, txnID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.txns == nil {
		f.txns = map[string]bool{}
	}
	if f.txns[txnID] {
		return nil // like a homeserver: the same transaction ID once
	}
	if f.redactErr != nil {
		if err := f.redactErr(eventID); err != nil {
			return err
		}
	}
	f.txns[txnID] = true
	f.redacted = append(f.redacted, roomID.String()+" "+eventID.String()+" "+reason)
	return nil
}

func (f *fakeMatrix) IsJoined(_ context.Context, roomID id.RoomID, user id.UserID) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.joined[roomID][user], nil
}

// DirectMember is the one member of roomID beside the bot among those
// joined or invited, when there are exactly two (as bot.directMember).
func (f *fakeMatrix) DirectMember(_ context.Context, roomID id.RoomID) (id.UserID, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	members := map[id.UserID]bool{}
	for _, m := range []map[id.UserID]bool{f.joined[roomID], f.invited[roomID]} {
		for u, in := range m {
			members[u] = members[u] || in
		}
	}
	return chattest.DirectMemberOf(members, botID), nil
}

func (f *fakeMatrix) DisplayName(_ context.Context, _ id.RoomID, user id.UserID) string {
	f.mu.Lock()
	hook := f.onName
	f.mu.Unlock()
	if hook != nil {
		hook(user)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := f.names[user]; n != "" {
		return n
	}
	return user.String()
}

func (f *fakeMatrix) IsEncrypted(_ context.Context, roomID id.RoomID) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.encrypted[roomID], nil
}

func (f *fakeMatrix) Download(_ context.Context, uri id.ContentURIString) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, ok := f.media[uri]
	if !ok {
		return nil, errors.New("no such media")
	}
	return append([]byte(nil), data...), nil
}

func (f *fakeMatrix) Upload(_ context.Context, data []byte, _ string) (id.ContentURIString, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.media == nil {
		f.media = map[id.ContentURIString][]byte{}
	}
	uri := id.ContentURIString(fmt.Sprintf("mxc://test/m%d", len(f.media)+1))
	f.media[uri] = append([]byte(nil), data...)
	return uri, nil
}

type sentMsg struct {
	room    id.RoomID
	txn     string
	content *event.MessageEventContent
}

func (f *fakeMatrix) UserID() id.UserID { return botID }

func (f *fakeMatrix) Send(_ context.Context, roomID id.RoomID, _ event.Type, content any, txnID string) (id.EventID, error) {
	// Like a homeserver: a too-large event is refused (sec29).
	if raw, err := json.Marshal(content); err != nil || len(raw)+chattest.EventEnvelope > chattest.EventLimit {
		f.mu.Lock()
		f.refused++
		f.mu.Unlock()
		return "", fmt.Errorf("%w (%d bytes): %v", chattest.ErrTooLarge, len(raw), err)
	}
	f.mu.Lock()
	hook, fail := f.onSend, f.sendErr
	f.mu.Unlock()
	if hook != nil {
		hook(roomID)
	}
	if fail != nil {
		if err := fail(roomID, txnID); err != nil {
			return "", err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.txns == nil {
		f.txns = map[string]bool{}
	}
	if f.txns[txnID] {
		// Like a homeserver: the same transaction ID sends nothing new.
		return id.EventID("$" + txnID), nil
	}
	f.txns[txnID] = true
	mc, _ := content.(*event.MessageEventContent)
	f.sent = append(f.sent, sentMsg{roomID, txnID, mc})
	if mc != nil {
		// The homeserver has Lotse's message too (FetchMessage).
		stored := *mc
		if f.events == nil {
			f.events = map[id.EventID]*event.Event{}
		}
		f.events[id.EventID("$"+txnID)] = &event.Event{ID: id.EventID("$" + txnID), RoomID: roomID, Sender: botID,
			Type: event.EventMessage, Content: event.Content{Parsed: &stored}}
	}
	if f.db != nil {
		if err := f.db.Inbox.RecordSent(context.Background(), storage.SentEvent{TxnID: txnID, EventID: "$" + txnID, RoomID: roomID.String(), SentAt: time.Now()}); err != nil {
			return "", err
		}
	}
	return id.EventID("$" + txnID), nil
}

func (f *fakeMatrix) last(t *testing.T) *event.MessageEventContent {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	// The last message; reactions (nil content here) are skipped.
	for i := len(f.sent) - 1; i >= 0; i-- {
		if f.sent[i].content != nil {
			return f.sent[i].content
		}
	}
	t.Fatal("no message was sent")
	return nil
}

func (f *fakeMatrix) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sent)
}

type staticGuides struct{ lib *guides.Library }

func (s staticGuides) Current() *guides.Library { return s.lib }

func newTestHandler(t testing.TB) (*Handler, *fakeMatrix, *storage.DB) {
	t.Helper()
	lib, problems, err := guides.Load(filepath.Join("testdata", "library"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("load library: %v %v", err, problems)
	}
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "l.db"))
	fm := &fakeMatrix{db: db}
	h := New(Deps{
		Matrix: fm, Guides: staticGuides{lib}, DB: db, Texts: &German, Log: zerolog.Nop(),
		TxnID: func(cause id.EventID, purpose string, n int) string {
			return cause.String() + "/" + purpose + "/" + string(rune('0'+n))
		},
	})
	return h, fm, db
}

var evtCounter int

func msgEvent(body string) *event.Event {
	evtCounter++
	return &event.Event{
		ID: id.EventID("$q" + string(rune('a'+evtCounter%26)) + time.Now().Format("150405.000000000")), RoomID: "!dm:test", Sender: "@member:test", Type: event.EventMessage,
		Content: event.Content{Parsed: &event.MessageEventContent{MsgType: event.MsgText, Body: body}},
	}
}

func handle(t *testing.T, h *Handler, evt *event.Event, direct bool) {
	t.Helper()
	if err := h.Handle(context.Background(), Message{Event: evt, Direct: direct}); err != nil {
		t.Fatalf("handle %q: %v", evt.Content.AsMessage().Body, err)
	}
}

func TestReplies(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	tests := []struct {
		name    string
		body    string
		want    []string
		notWant []string
	}{
		{"guide answer", "passwort vergessen cloud", []string{"Cloud-Passwort vergessen", "👍"}, nil},
		{"help lists registry", "!hilfe", []string{"!anleitung <Suche>", "!anleitungen [Thema]"}, nil},
		// The English name is answered in English (en35).
		{"english alias", "!guides", []string{"Here are the topics"}, nil},
		{"topic list", "!anleitungen konto", []string{"Zwei-Faktor"}, nil},
		{"unknown topic", "!anleitungen kochen", []string{"kenne ich nicht"}, nil},
		{"unknown command suggests", "!anleitunng passwort", []string{"kenne ich nicht", "!anleitung"}, nil},
		{"guide without query", "!anleitung", []string{"Wonach soll ich suchen"}, nil},
		{"thanks", "Danke!!", []string{"Gern geschehen"}, nil},
		{"hello", "hallo", []string{"Hallo! Ich bin Lotse"}, nil},
		{"html is escaped", "<script>alert(1)</script> @room wie spende ich für plakate", []string{"keine passende Anleitung", "&lt;script&gt;"}, []string{"<script>"}},
		{"stale number", "2", []string{"worauf sich die Nummer bezieht"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fm.count()
			evt := msgEvent(tt.body)
			handle(t, h, evt, true)
			if fm.count() != before+1 {
				t.Fatalf("sent %d messages, want 1", fm.count()-before)
			}
			c := fm.last(t)
			for _, w := range tt.want {
				if !strings.Contains(c.Body, w) && !strings.Contains(c.FormattedBody, w) {
					t.Errorf("reply does not contain %q:\nbody: %s\nhtml: %s", w, c.Body, c.FormattedBody)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(c.FormattedBody, nw) {
					t.Errorf("reply HTML contains %q: %s", nw, c.FormattedBody)
				}
			}
			if c.MsgType != event.MsgNotice {
				t.Errorf("msgtype %s, want m.notice", c.MsgType)
			}
			if c.RelatesTo == nil || c.RelatesTo.GetReplyTo() != evt.ID {
				t.Errorf("reply does not point at the question")
			}
			if c.Mentions == nil || c.Mentions.Room {
				t.Errorf("mentions = %+v; want explicit, never @room", c.Mentions)
			}
			// Handling the same event again sends nothing new (idempotent).
			handle(t, h, evt, true)
			if fm.count() != before+1 {
				t.Fatalf("handling the same event twice sent again")
			}
		})
	}
}

func TestGroupRoomNeedsMentionOrCommand(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	handle(t, h, msgEvent("passwort vergessen"), false)
	if fm.count() != 0 {
		t.Fatal("answered a group message without mention")
	}
	mention := msgEvent("lotse: passwort vergessen")
	mention.Content.AsMessage().Mentions = &event.Mentions{UserIDs: []id.UserID{botID}}
	handle(t, h, mention, false)
	if fm.count() != 1 || !strings.Contains(fm.last(t).Body, "Passwort") {
		t.Fatalf("mention not answered")
	}
	if m := fm.last(t).Mentions; m == nil || !m.Has("@member:test") {
		t.Fatalf("group answer does not mention the asker: %+v", m)
	}
	handle(t, h, msgEvent("@lotse:test wie richte ich zwei faktor ein"), false)
	if fm.count() < 2 {
		t.Fatal("mention by user ID not answered")
	}
	before := fm.count()
	handle(t, h, msgEvent("!hilfe"), false)
	if fm.count() != before+1 {
		t.Fatal("command in group not answered")
	}
}

func TestNeverAnswersNoticesOrSelf(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	notice := msgEvent("!hilfe")
	notice.Content.AsMessage().MsgType = event.MsgNotice
	handle(t, h, notice, true)
	self := msgEvent("!hilfe")
	self.Sender = botID
	handle(t, h, self, true)
	edit := msgEvent("* !hilfe")
	edit.Content.AsMessage().RelatesTo = &event.RelatesTo{Type: event.RelReplace, EventID: "$orig"}
	handle(t, h, edit, true)
	if fm.count() != 0 {
		t.Fatalf("answered %d notices/own messages/edits", fm.count())
	}
}

func TestNotText(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	img := msgEvent("foto.jpg")
	img.Content.AsMessage().MsgType = event.MsgImage
	handle(t, h, img, true)
	if !strings.Contains(fm.last(t).Body, "nicht lesen") {
		t.Fatalf("image answered with %q", fm.last(t).Body)
	}
}

// offerPhoneChoice offers the member a choice of two guides about the
// phone, as a vague question would.
func offerPhoneChoice(t *testing.T, h *Handler) {
	t.Helper()
	q := msgEvent("irgendwas mit handy")
	ctx := chat.WithTurn(context.Background(), &chat.Turn{Event: q, Direct: true})
	hits := []search.Hit{{ID: "konto/zwei-faktor-einrichten.md"}, {ID: "matrix/benachrichtigungen-am-handy.md"}}
	if err := h.answers.OfferChoice(ctx, h.Guides.Current(), hits); err != nil {
		t.Fatal(err)
	}
}

func TestChoiceByNumber(t *testing.T) {
	h, fm, db := newTestHandler(t)
	offerPhoneChoice(t, h)
	if c := fm.last(t); !strings.Contains(c.Body, "Meintest du") || !strings.Contains(c.Body, "2. Element-Benachrichtigungen") {
		t.Fatalf("choice prompt: %s", c.Body)
	}
	handle(t, h, msgEvent("5"), true)
	if !strings.Contains(fm.last(t).Body, "von 1 bis 2") {
		t.Fatalf("out of range answered with %q", fm.last(t).Body)
	}
	handle(t, h, msgEvent("2"), true)
	if !strings.Contains(fm.last(t).Body, "Element-Benachrichtigungen auf dem Handy") {
		t.Fatalf("choice 2 answered with %q", fm.last(t).Body)
	}
	if ids, _ := db.Choices.Get(context.Background(), "!dm:test", "@member:test", time.Time{}); ids != nil {
		t.Fatalf("choice still open after picking: %v", ids)
	}
}

func TestChoiceByReaction(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	offerPhoneChoice(t, h)
	// The prompt plus one number button per candidate.
	var prompt string
	buttons := 0
	for _, s := range fm.sent {
		if s.content != nil && strings.Contains(s.content.Body, "Meintest du") {
			prompt = "$" + s.txn
		} else if s.content == nil {
			buttons++
		}
	}
	if prompt == "" || buttons != 2 {
		t.Fatalf("prompt %q with %d buttons, want 2", prompt, buttons)
	}
	react := &event.Event{ID: "$tap", RoomID: "!dm:test", Sender: "@member:test", Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: id.EventID(prompt), Key: "1️⃣"}}}}
	if err := h.Handle(context.Background(), Message{Event: react, Direct: true}); err != nil {
		t.Fatal(err)
	}
	if c := fm.last(t); !strings.Contains(c.Body, "Zwei-Faktor-Anmeldung") {
		t.Fatalf("tap on 1️⃣ answered with %q", c.Body)
	}
}

func TestFeedbackReaction(t *testing.T) {
	h, fm, db := newTestHandler(t)
	q := msgEvent("passwort vergessen cloud")
	handle(t, h, q, true)
	answerID := id.EventID("$" + fm.sent[len(fm.sent)-1].txn)
	react := func(key string) {
		evt := &event.Event{ID: id.EventID("$r" + key), RoomID: "!dm:test", Sender: "@member:test", Type: event.EventReaction,
			Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: answerID, Key: key}}}}
		if err := h.Handle(context.Background(), Message{Event: evt, Direct: true}); err != nil {
			t.Fatal(err)
		}
	}
	react("👍️")
	if !strings.Contains(fm.last(t).Body, "Danke") {
		t.Fatalf("thumbs up answered with %q", fm.last(t).Body)
	}
	n := fm.count()
	react("👍")
	if fm.count() != n {
		t.Fatal("second vote by the same member was answered again")
	}
	react("🎉")
	stats, _, _ := db.Feedback.Stats(context.Background())
	if len(stats) != 1 || stats[0].Helpful != 1 || stats[0].Shown != 1 {
		t.Fatalf("stats = %+v", stats)
	}
}

func TestStripMention(t *testing.T) {
	h, _, _ := newTestHandler(t)
	tests := []struct {
		body      string
		mentions  bool
		mentioned bool
		text      string
	}{
		{"Lotse: wie geht das", true, true, "wie geht das"},
		{"lotse, hilfe", false, true, "hilfe"},
		{"@lotse:test !hilfe", false, true, "!hilfe"},
		{"Lotsendienst ist toll", false, false, "Lotsendienst ist toll"},
		{"wie geht das", false, false, "wie geht das"},
	}
	for _, tt := range tests {
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: tt.body}
		if tt.mentions {
			c.Mentions = &event.Mentions{UserIDs: []id.UserID{botID}}
		}
		mentioned, text := h.stripMention(c)
		if mentioned != tt.mentioned || text != tt.text {
			t.Errorf("stripMention(%q) = %v, %q; want %v, %q", tt.body, mentioned, text, tt.mentioned, tt.text)
		}
	}
}

func TestTextsComplete(t *testing.T) {
	for _, tx := range []*Texts{&German, &English} {
		h := New(Deps{Texts: tx, Matrix: &fakeMatrix{}})
		for _, c := range h.commands {
			if c.Usage == "" || c.Description == "" {
				t.Errorf("%s: command %s has no help text", tx.Lang, c.Name)
			}
		}
	}
}

func FuzzHandleText(f *testing.F) {
	for _, s := range []string{"!hilfe", "!anleitung passwort", "lotse: x", "2", "<b>", "!", "!!", "\x00", "!anleitungen ü", "<script>alert(1)</script> passwort", "!anleitung <script>"} {
		f.Add(s)
	}
	h, fm, _ := newTestHandler(f)
	f.Fuzz(func(t *testing.T, body string) {
		before := fm.count()
		evt := msgEvent(body)
		// Handle recovers panics and answers with InternalError, so a
		// panic shows as that answer (or as an error), never as a crash.
		if err := h.Handle(context.Background(), Message{Event: evt, Direct: true}); err != nil {
			t.Fatalf("Handle(%q): %v", body, err)
		}
		if fm.count() > before {
			if c := fm.last(t); c != nil && strings.Contains(c.Body, h.Texts.InternalError) {
				t.Fatalf("Handle(%q) hit the panic path", body)
			}
			if c := fm.last(t); c != nil && strings.Contains(c.FormattedBody, "<script") {
				t.Fatalf("Handle(%q) put raw HTML into the answer: %s", body, c.FormattedBody)
			}
		}
	})
}

// TestCommandPanicAnswered: a panic in a command handler is answered with
// an apology (not a crash, not silence), like one anywhere else.
func TestCommandPanicAnswered(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	h.proc.Register(&mcommands.Handler[*chat.Env]{Name: "kaputt", Func: h.run(func(*chat.Call) error { panic("boom") })})
	var logs strings.Builder
	ctx := zerolog.New(&logs).WithContext(context.Background())
	if err := h.Handle(ctx, Message{Event: msgEvent("!kaputt"), Direct: true}); err != nil {
		t.Fatal(err)
	}
	if c := fm.last(t); !strings.Contains(c.Body, h.Texts.InternalError) {
		t.Fatalf("panic answered with %q", c.Body)
	}
	// Recovered where it happened, not after a second panic in mautrix's
	// recovery (which reacts through a client Lotse does not give it).
	if !strings.Contains(logs.String(), `"panic":"boom"`) || strings.Contains(logs.String(), "nil pointer") {
		t.Fatalf("panic not recovered at the command: %s", logs.String())
	}
}
