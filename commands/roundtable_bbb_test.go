package commands

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/bbb"
)

// TestRoundTableRemindersWhenBBBFails (issue 19 point 10): a failing
// BigBlueButton create does not stop the reminders — they go out without a
// link and say it follows; when BBB is back, the link follows once; create
// is called once per occurrence, not on every tick.
func TestRoundTableRemindersWhenBBBFails(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
	post := e.announce(t, "!rundertisch Digitaler Wandel am 29.3. um 19 Uhr 90 min")
	e.react(t, annRoom1, mem1, post, "✅")
	e.tick(t, time.Date(2026, 3, 28, 19, 0, 0, 0, berlin)) // the 24 h reminders, no BBB call yet

	// 15 min before: BBB answers 503 on everything.
	e.fake.FailNext(1_000_000, 503)
	at := time.Date(2026, 3, 29, 18, 45, 0, 0, berlin)
	e.now = at
	before := e.fm.count()
	if err := e.h.TickRoundTables(context.Background(), at); err == nil {
		t.Error("a failing BBB was not reported to the worker's log")
	}
	got := append([]sentMsg(nil), e.fm.sent[before:]...)
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("reminders while BBB fails: %s", bodies(got))
	}
	mustContain(t, got, "Erinnerung", "nicht erreichbar", "sobald sie bereit ist")
	if strings.Contains(bodies(got), "http") {
		t.Fatalf("a link that cannot work was sent: %s", bodies(got))
	}

	// Still down a minute later: nothing is sent twice.
	e.now = at.Add(time.Minute)
	before = e.fm.count()
	_ = e.h.TickRoundTables(context.Background(), e.now)
	if e.fm.count() != before {
		t.Fatalf("sent again while BBB is down: %s", bodies(e.fm.sent[before:]))
	}

	// BBB is back: the link follows, once, bound to the meeting.
	e.fake.FailNext(0, 0)
	creates := e.fake.Requests("create")
	got = e.tick(t, at.Add(2*time.Minute))
	if len(in(got, dmOf(mem1))) != 1 || len(in(got, dmOf(coord))) != 1 {
		t.Fatalf("links after recovery: %s", bodies(got))
	}
	mustContain(t, got, "jetzt bereit", "Zugangslink")
	m, ok := e.fake.Meeting("lotse-rt-1-" + fmt.Sprint(time.Date(2026, 3, 29, 19, 0, 0, 0, berlin).Unix()))
	if !ok {
		t.Fatal("meeting not created after recovery")
	}
	for _, msg := range got {
		info, err := e.fake.VerifyJoinURL(linkIn(msg.content.Body))
		if err != nil || info.CreateTime != m.CreateTime {
			t.Fatalf("link after recovery: %+v, %v", info, err)
		}
	}
	if len(e.tick(t, at.Add(3*time.Minute))) != 0 {
		t.Fatal("the link was sent twice")
	}
	// create once per occurrence: the ticks after it do not call it again.
	for i := 4; i < 30; i++ {
		e.tick(t, at.Add(time.Duration(i)*time.Minute))
	}
	if got := e.fake.Requests("create") - creates; got != 1 {
		t.Errorf("create was called %d times after recovery, want 1", got)
	}
}

// expiring hides meetings from GetMeetingInfo while gone is set, as BBB
// does once a meeting nobody joined has expired.
type expiring struct {
	Meetings
	gone atomic.Bool
}

func (x *expiring) GetMeetingInfo(ctx context.Context, id string) (*bbb.MeetingInfo, error) {
	if x.gone.Load() {
		return nil, fmt.Errorf("getMeetingInfo: %w", bbb.ErrNotFound)
	}
	return x.Meetings.GetMeetingInfo(ctx, id)
}

// TestRoundTableMeetingRecreatedAfterExpiry: create is called once per
// occurrence — but a meeting BBB no longer knows (expired before anyone
// joined) is created again on the next tick.
func TestRoundTableMeetingRecreatedAfterExpiry(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
	x := &expiring{Meetings: e.h.RoundTables.Meetings}
	e.reconfigure(func(d *Deps) { d.RoundTables.Meetings = x })
	post := e.announce(t, "!rundertisch Digitaler Wandel am 29.3. um 19 Uhr 90 min")
	e.react(t, annRoom1, mem1, post, "✅")
	start := time.Date(2026, 3, 29, 19, 0, 0, 0, berlin)
	e.tick(t, start.Add(-15*time.Minute))
	e.tick(t, start.Add(5*time.Minute))
	if got := e.fake.Requests("create"); got != 1 {
		t.Fatalf("create called %d times before the expiry, want 1", got)
	}
	x.gone.Store(true)
	e.tick(t, start.Add(20*time.Minute)) // BBB says: no such meeting
	x.gone.Store(false)
	e.tick(t, start.Add(21*time.Minute))
	if got := e.fake.Requests("create"); got != 2 {
		t.Fatalf("create called %d times after the expiry, want 2", got)
	}
}
