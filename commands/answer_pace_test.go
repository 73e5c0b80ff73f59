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
		Now: func() time.Time { return now }, Paced: true,
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

// TestManyAccountsPaced: a homeserver that joins many accounts to a public
// room, each mentioning Lotse once, gets paceServerBurst answers, then one
// „Gerade bekomme ich sehr viele Nachrichten …“ for the storm — not one
// answer (or one notice) per account. Many servers together meet the
// bound of all other servers. A member of Lotse's own server is answered
// all the while.
func TestManyAccountsPaced(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Paced = true })
	n := 0
	ask := func(sender id.UserID) (answered, busy bool) {
		t.Helper()
		n++
		c := &event.MessageEventContent{MsgType: event.MsgText, Body: "Lotse: Passwort vergessen", Mentions: &event.Mentions{UserIDs: []id.UserID{botID}}}
		sent := e.handle(t, &event.Event{ID: id.EventID(fmt.Sprintf("$storm%d", n)), RoomID: "!public:test", Sender: sender,
			Type: event.EventMessage, Content: event.Content{Parsed: c}}, false)
		for _, m := range sent {
			if m.content.Body == German.TooBusy {
				return false, true
			}
		}
		return len(sent) > 0, false
	}
	count := func(senders func(i int) id.UserID, total int) (answered, busy int) {
		for i := range total {
			a, b := ask(senders(i))
			if a {
				answered++
			}
			if b {
				busy++
			}
		}
		return answered, busy
	}
	answered, busy := count(func(i int) id.UserID { return id.UserID(fmt.Sprintf("@bot%d:evil.example", i)) }, 150)
	if answered != paceServerBurst || busy != 1 {
		t.Fatalf("150 accounts of one server: %d answered, told %d times; want %d and once", answered, busy, paceServerBurst)
	}
	if a, _ := ask("@anna:test"); !a {
		t.Fatal("a member of Lotse's own server is not answered during the storm")
	}
	// Many servers, one account each: the bound of all other servers
	// together (60 of it were taken above).
	answered, busy = count(func(i int) id.UserID { return id.UserID(fmt.Sprintf("@x:s%d.example", i)) }, 300)
	if want := paceForeignBurst - paceServerBurst; answered != want || busy != 1 {
		t.Fatalf("300 servers: %d answered, told %d times; want %d and once", answered, busy, want)
	}
	if a, _ := ask("@bob:test"); !a {
		t.Fatal("a member of Lotse's own server is not answered during the storm of many servers")
	}
}
