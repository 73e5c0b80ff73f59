package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRSVPChangedTwiceWaitsAndAnswersOnce: a member's ✅ while the
// coordinator moves the round table twice in a row — once between the
// RSVP's read and its write, once more between its second read and
// write. The handler decides on the round table read anew only once;
// changed again, it stores nothing, sends nothing and asks to be tried
// again (a Busy error: the worker retries it later without counting an
// attempt). Tried again, the ✅ is answered once, with the last date, and
// handled a third time nothing more is sent: never answered twice, never
// left unanswered.
func TestRSVPChangedTwiceWaitsAndAnswersOnce(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")

	var firstMoved atomic.Bool
	_, stopFirst := onQuery(t, e.supportEnv, roundTableRead, func(context.Context) {
		e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 20 Uhr")
		firstMoved.Store(true)
	})
	// The second move comes after the answer's write found the first one
	// (its read of the version) and the round table was read anew.
	var refused atomic.Bool
	fired, stopSecond := onQuery(t, e.supportEnv, func(method, query string, args []any) bool {
		if firstMoved.Load() && strings.Contains(query, "SELECT version FROM roundtable WHERE id=") {
			refused.Store(true)
		}
		return refused.Load() && roundTableRead(method, query, args)
	}, func(context.Context) {
		e.sayDirect(t, dmOf(coord), coord, "!verschieben 1 21 Uhr")
	})

	n := supportEvt.Add(1)
	evt := &event.Event{ID: id.EventID(fmt.Sprintf("$r%d", n)), RoomID: annRoom1, Sender: mem1, Type: event.EventReaction,
		Content: event.Content{Parsed: &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: post, Key: "✅"}}}}
	item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(),
		EventType: evt.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
	e.fm.store(evt)
	toMember := func() []sentMsg {
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return in(e.fm.sent, dmOf(mem1))
	}

	err := e.h.Handle(context.Background(), Message{Event: evt})
	stopSecond()
	stopFirst()
	if !fired() {
		t.Fatal("the RSVP did not read the round table a second time")
	}
	var busy interface{ Busy() bool }
	if !errors.As(err, &busy) || !busy.Busy() {
		t.Fatalf("changed twice under the RSVP: error %v, want a Busy one (tried again later)", err)
	}
	for _, m := range toMember() {
		if strings.Contains(m.content.Body, "Du bist beim Runden Tisch") {
			t.Errorf("the member was told before anything was stored: %s", m.content.Body)
		}
	}
	if r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String()); err != nil || r != nil {
		t.Fatalf("stored while busy: %+v, %v", r, err)
	}

	// The worker's retry: answered once, at the date that holds now.
	before := len(toMember())
	if err := e.h.Handle(context.Background(), Message{Event: evt}); err != nil {
		t.Fatalf("the retry: %v", err)
	}
	got := toMember()[before:]
	if len(got) != 1 {
		t.Fatalf("the retry sent the member %d messages, want 1: %s", len(got), bodies(got))
	}
	mustContain(t, got, "21:00")
	if r, err := e.db.RoundTables.RSVP(context.Background(), 1, mem1.String()); err != nil || r == nil || !r.Attending {
		t.Errorf("not attending after the retry: %+v, %v", r, err)
	}
	if err := e.h.Handle(context.Background(), Message{Event: evt}); err != nil {
		t.Fatalf("handled again: %v", err)
	}
	if n := len(toMember()) - before; n != 1 {
		t.Errorf("handled again, the member has %d answers, want 1", n)
	}
}
