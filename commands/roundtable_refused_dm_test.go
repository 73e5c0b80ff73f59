package commands

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
)

// refusingMatrix refuses a direct chat with the members in refuse as the
// runtime does when the homeserver will not open one (bot.ErrPermanent:
// their server refuses Lotse's invite) and counts the tries.
type refusingMatrix struct {
	*fakeMatrix
	refuse map[id.UserID]bool
	mu     sync.Mutex
	tries  map[id.UserID]int
}

type refusedDM struct{}

func (refusedDM) Error() string   { return "permanent: cannot open a direct chat: M_FORBIDDEN" }
func (refusedDM) Permanent() bool { return true }

func (f *refusingMatrix) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	if f.refuse[user] {
		f.mu.Lock()
		f.tries[user]++
		f.mu.Unlock()
		return "", refusedDM{}
	}
	return f.fakeMatrix.DirectRoom(ctx, user)
}

// TestRoundTableRefusedDMNotRetriedEachTick (mend24b, Low): an attendee
// whose server refuses Lotse's direct chat for good. Since rt24 the others
// get their reminders; but the refused one was tried again on every tick
// (each minute) until the date had passed — a createRoom or invite each
// minute for a day, and each minute a warning with the member's Matrix ID.
// Now a permanent refusal gives that reminder up (once per start); the
// tick reports no error for it, and the next reminder is tried anew.
func TestRoundTableRefusedDMNotRetriedEachTick(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	blocker := e.blockedRoundTable(t)
	fm := &refusingMatrix{fakeMatrix: e.fm, refuse: map[id.UserID]bool{blocker: true}, tries: map[id.UserID]int{}}
	e.reconfigure(func(d *Deps) { d.Matrix = fm })

	at := time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)
	for i := range 5 {
		now := at.Add(time.Duration(i) * time.Minute)
		e.now = now
		if err := e.h.TickRoundTables(context.Background(), now); err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("tick %d: %v (a refused direct chat is no error to retry)", i+1, err)
		}
	}
	if n := fm.tries[blocker]; n != 1 {
		t.Errorf("the refused direct chat was tried %d times in 5 ticks, want once", n)
	}
	if len(in(e.fm.sent, dmOf(mem1))) == 0 {
		t.Errorf("the other attendee got no reminder")
	}
	// The last reminder (15 minutes before) is a new send: tried once more.
	last := time.Date(2026, 12, 3, 18, 45, 0, 0, berlin)
	for i := range 3 {
		e.now = last.Add(time.Duration(i) * time.Minute)
		_ = e.h.TickRoundTables(context.Background(), e.now)
	}
	if n := fm.tries[blocker]; n != 2 {
		t.Errorf("tries after the last reminder's ticks: %d, want 2", n)
	}
}

// TestRoundTableRefusedDMOwedLinkNotRetriedEachTick (fix24a): mend24b's
// give-up for a direct chat refused for good, on the owed-link path. A
// reminder went out while BigBlueButton failed (the link follows later);
// when the meeting exists, the attendee's direct chat is refused for good.
// The link is tried once, not on every tick; the others get theirs; the
// tick reports no error for it.
func TestRoundTableRefusedDMOwedLinkNotRetriedEachTick(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	blocker := e.blockedRoundTable(t)
	e.tick(t, time.Date(2026, 12, 2, 19, 0, 0, 0, berlin)) // the 24 h reminders

	// 15 minutes before: BBB fails, the reminders go out without a link.
	e.fake.FailNext(1_000_000, 503)
	at := time.Date(2026, 12, 3, 18, 45, 0, 0, berlin)
	e.now = at
	_ = e.h.TickRoundTables(context.Background(), at)
	if b := in(e.fm.sent, dmOf(blocker)); len(b) == 0 || !strings.Contains(b[len(b)-1].content.Body, "sobald sie bereit ist") {
		t.Fatalf("the blocker's reminder without its link: %s", bodies(b))
	}

	// BBB is back; the blocker's server now refuses the direct chat for good.
	e.fake.FailNext(0, 0)
	fm := &refusingMatrix{fakeMatrix: e.fm, refuse: map[id.UserID]bool{blocker: true}, tries: map[id.UserID]int{}}
	e.reconfigure(func(d *Deps) { d.Matrix = fm })
	before := e.fm.count()
	for i := range 5 {
		e.now = at.Add(time.Duration(i+1) * time.Minute)
		if err := e.h.TickRoundTables(context.Background(), e.now); err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("tick %d: %v (a refused direct chat is no error to retry)", i+1, err)
		}
	}
	if n := fm.tries[blocker]; n != 1 {
		t.Errorf("the refused owed link was tried %d times in 5 ticks, want once", n)
	}
	e.fm.mu.Lock()
	got := append([]sentMsg(nil), e.fm.sent[before:]...)
	e.fm.mu.Unlock()
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(coord))) != 1 {
		t.Errorf("the others' owed links: %s", bodies(got))
	}
}

// mixedMatrix refuses the direct chat of refuse for good (refusedDM) and
// fails that of flaky for now (a plain error: may work when tried again).
type mixedMatrix struct {
	refusingMatrix
	flaky map[id.UserID]bool
}

func (f *mixedMatrix) DirectRoom(ctx context.Context, user id.UserID) (id.RoomID, error) {
	f.mu.Lock()
	flaky := f.flaky[user]
	f.mu.Unlock()
	if flaky {
		return "", errors.New("homeserver unreachable")
	}
	return f.refusingMatrix.DirectRoom(ctx, user)
}

// TestRoundTableNoticeRefusedForOneOnly (fix24a, Low): when one attendee's
// direct chat was refused for good during !absagen (or !verschieben,
// !nachbereitung), the joined error made the whole event permanent: another
// attendee's temporary failure in the same event was never retried, and
// they never learnt of the cancellation. Now a permanent refusal counts for
// its recipient only: the event is retried for the temporary failure, the
// refused one is not tried again on the retry.
func TestRoundTableNoticeRefusedForOneOnly(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 12, 1, 10, 0, 0, 0, berlin))
	blocker := e.blockedRoundTable(t)
	fm := &mixedMatrix{refusingMatrix: refusingMatrix{fakeMatrix: e.fm, refuse: map[id.UserID]bool{blocker: true},
		tries: map[id.UserID]int{}}, flaky: map[id.UserID]bool{mem1: true}}
	e.reconfigure(func(d *Deps) { d.Matrix = fm })

	cancel := e.event(dmOf(coord), coord, &event.MessageEventContent{MsgType: event.MsgText, Body: "!absagen 1 ja"})
	_, err := e.handleErr(cancel)
	if err == nil || chat.IsPermanent(err) {
		t.Fatalf("error of the first try: %v, want one to retry (not permanent)", err)
	}
	// The worker tries the event again; mem1's homeserver is back.
	fm.mu.Lock()
	fm.flaky[mem1] = false
	fm.mu.Unlock()
	got, err := e.handleErr(cancel)
	if err != nil {
		t.Errorf("retry: %v (the refused one is no error to retry)", err)
	}
	mustContain(t, in(got, dmOf(mem1)), "abgesagt")
	if n := fm.tries[blocker]; n != 1 {
		t.Errorf("the refused direct chat was tried %d times in two tries of the event, want once", n)
	}
}
