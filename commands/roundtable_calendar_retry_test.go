package commands

import (
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
)

// TestRoundTableCalendarRetryUploadsNothing (mend25a): handling a move
// again (the runtime retries an event whose handling failed, e.g. for
// another attendee's direct chat) sent nothing twice, but uploaded every
// attendee's and room's calendar file again — media nobody's message ever
// points to, one per attendee and try. Fails without the check of the
// send before the upload.
func TestRoundTableCalendarRetryUploadsNothing(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	e.announce(t, "!rundertisch Treffen am 3.12. um 19 Uhr")
	e.say(t, annRoom1, mem1, "!dabei 1", "")
	e.say(t, annRoom2, mem2, "!dabei 1", "")
	move := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!verschieben 1 4.12. um 19 Uhr"})
	if _, err := e.handleErr(move); err != nil {
		t.Fatal(err)
	}
	media := func() int {
		e.fm.mu.Lock()
		defer e.fm.mu.Unlock()
		return len(e.fm.media)
	}
	uploaded := media()
	sent, err := e.handleErr(move)
	if err != nil {
		t.Fatal(err)
	}
	if got := media(); got != uploaded {
		t.Errorf("handling the move again uploaded %d calendar files more", got-uploaded)
	}
	if len(files(sent)) != 0 {
		t.Errorf("handling the move again sent %d files", len(files(sent)))
	}
}
