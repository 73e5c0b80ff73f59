package commands

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestAddressedFloodPaced: a script that mentions Lotse again and again
// in a public room gets paceBurst answers, then one „Du schreibst mir
// gerade sehr schnell …“ and silence — not one answer per message into
// the room. Another member in the same room is answered meanwhile; the
// bound is the sender's in all rooms together (a second room does not
// give them a second one); ten minutes later the sender is answered
// again. The handling of a refused message does not fail (it is not
// retried), and handling an event again decides as before.
func TestAddressedFloodPaced(t *testing.T) {
	lib, problems, err := guides.Load(filepath.Join("testdata", "library"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("load library: %v %v", err, problems)
	}
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "l.db"))
	fm := &fakeMatrix{db: db}
	now := time.Date(2026, 12, 7, 23, 0, 0, 0, time.UTC)
	h := New(Deps{
		Matrix: fm, Guides: staticGuides{lib}, DB: db, Texts: &German, Log: zerolog.Nop(),
		Now: func() time.Time { return now },
		TxnID: func(cause id.EventID, purpose string, n int) string {
			return cause.String() + "/" + purpose + "/" + string(rune('0'+n))
		},
	})
	n := 0
	handle := func(evtID id.EventID, room id.RoomID, sender id.UserID) []string {
		t.Helper()
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse: Passwort vergessen", Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
		evt := &event.Event{ID: evtID, RoomID: room, Sender: sender, Type: event.EventMessage, Content: event.Content{Parsed: c}}
		before := len(fm.sent)
		if err := h.Handle(context.Background(), Message{Event: evt}); err != nil {
			t.Fatal(err)
		}
		var bodies []string
		for _, m := range fm.sent[before:] {
			if m.content != nil {
				bodies = append(bodies, m.content.Body)
			}
		}
		return bodies
	}
	ask := func(room id.RoomID, sender id.UserID) []string {
		t.Helper()
		n++
		return handle(id.EventID(fmt.Sprintf("$flood%d", n)), room, sender)
	}
	const public, other = id.RoomID("!public:test"), id.RoomID("!other:test")
	const script, anna = id.UserID("@script:evil.example"), id.UserID("@anna:test")

	answered, told := 0, 0
	for i := range 200 {
		room := public
		if i%2 == 1 {
			room = other
		}
		got := ask(room, script)
		switch {
		case len(got) == 1 && got[0] == German.TooFast:
			told++
		case len(got) > 0:
			answered++
		}
	}
	if told != 1 || answered != paceBurst {
		t.Fatalf("200 mentions: %d answered, told %d times; want %d answered, told once", answered, told, paceBurst)
	}
	// An event handled again (a retry, a replay after a crash) gets the
	// decision it got before: the first ask is answered, never told off.
	for _, b := range handle("$flood1", public, script) {
		if b == German.TooFast {
			t.Fatal("an answered message handled again was told „zu schnell“")
		}
	}
	if got := ask(public, anna); len(got) == 0 || got[0] == German.TooFast {
		t.Fatalf("another member in the room is not answered during the flood: %q", got)
	}
	now = now.Add(paceToldEvery)
	if got := ask(public, script); len(got) == 0 || got[0] == German.TooFast {
		t.Fatalf("ten minutes later the sender is not answered: %q", got)
	}
}
