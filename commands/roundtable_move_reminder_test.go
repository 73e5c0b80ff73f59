package commands

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRoundTableMoveWaitsForReminderRun (lead, twenty-eighth pass; Low:
// integrity): the coordinator moved the round table while a reminder run
// was sending the day-before reminders. The run had read the round table
// before the move, so the attendees after the move's notice still got a
// reminder of the old date — and went to the old one. Now the reminder run
// is a change like the others (one at a time, the round table read anew
// once it may go on): the move waits for the run, its notice comes after
// every reminder, and the next run uses the new date.
func TestRoundTableMoveWaitsForReminderRun(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Winterabend am 3.12. um 19 Uhr")
	e.react(t, annRoom1, mem1, post, "✅")
	e.react(t, annRoom1, mem2, post, "✅")
	// The run is slow (hundreds of attendees, a homeserver under load):
	// its first reminder is held until release.
	h := &holdingMatrix{fakeMatrix: e.fm, reached: make(chan struct{}), release: make(chan struct{}),
		match: func(_ id.RoomID, c *event.MessageEventContent) bool { return strings.Contains(c.Body, "Erinnerung") }}
	e.reconfigure(func(d *Deps) { d.Matrix = h })

	at := time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)
	e.now = at
	ticked := make(chan error, 1)
	go func() { ticked <- e.h.TickRoundTables(context.Background(), at) }()
	<-h.reached // the run sends its first reminder

	evt := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!verschieben 1 4.12. 19 Uhr"})
	item := storage.InboxItem{EventID: evt.ID.String(), RoomID: evt.RoomID.String(), Sender: evt.Sender.String(),
		EventType: evt.Type.Type, ReceivedAt: e.now, State: storage.InboxDone}
	if err := e.db.Inbox.Commit(context.Background(), []storage.InboxItem{item}, nil, ""); err != nil {
		t.Fatal(err)
	}
	e.fm.store(evt)
	err := e.h.Handle(context.Background(), Message{Event: evt, Direct: true})
	var busy interface{ Busy() bool }
	if err == nil {
		t.Error("the move went through in the middle of the reminder run")
	} else if !errors.As(err, &busy) || !busy.Busy() {
		t.Errorf("the move failed, not waited: %v", err)
	}
	close(h.release)
	if err := <-ticked; err != nil {
		t.Fatalf("tick: %v", err)
	}
	// The worker tries the move again.
	if err := e.h.Handle(context.Background(), Message{Event: evt, Direct: true}); err != nil {
		t.Fatalf("move retried: %v", err)
	}
	for _, m := range []id.UserID{mem1, mem2} {
		msgs := in(e.fm.sent, dmOf(m))
		notice, reminders, lastReminder := -1, 0, -1
		for i, msg := range msgs {
			switch {
			case strings.Contains(msg.content.Body, "verschoben"):
				notice = i
			case strings.Contains(msg.content.Body, "Erinnerung"):
				reminders, lastReminder = reminders+1, i
			}
		}
		if notice < 0 || lastReminder > notice {
			t.Errorf("%s: a reminder came after the move's notice (or no notice): %s", m, bodies(msgs))
		}
		if reminders != 1 {
			t.Errorf("%s got %d reminders of the old date: %s", m, reminders, bodies(msgs))
		}
	}
}
