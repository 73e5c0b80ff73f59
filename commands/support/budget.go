package support

import (
	"errors"
	"sync"
	"time"

	"maunium.net/go/mautrix/id"
)

// A member's file in their case is fetched (up to the runtime's 8 MiB),
// decrypted, encrypted again and uploaded into the team room: one copy
// per message, and one per edit that carries another file. A member — or
// someone who took over their account — sending a different file again
// and again filled the homeserver's media store and Lotse's bandwidth
// without bound but the homeserver's rate limit (sec30, Not fixed). Now
// each member has a budget of fetched bytes per RelayWindow; beyond it
// the file is not fetched, the team reads a short note in the case's
// thread and the member a friendly message. The file's line in the thread
// (its caption, the member's text) was sent before and stays: nothing the
// member wrote is lost (relay30).
//
// The budget lives in memory: a restart begins it anew. Keeping it in the
// database would mean a schema step or a row per member in kv that names
// them (a Matrix ID the privacy erasure does not know), for a bound that a
// member cannot lift by their own doing — they cannot restart Lotse.

// MaxRelayedBytes is how many bytes of a member's files Lotse fetches to
// relay into the team room per RelayWindow (Config.RelayBytesPerWindow
// overrides it). 50 MiB is six photos at the 8 MiB limit, or hundreds of
// screenshots — more than a case needs in a day — while a script's flood
// ends after a few copies.
const MaxRelayedBytes = 50 << 20

// RelayWindow is the span a member's relay budget covers: it begins at
// their first relayed file and ends a day later.
const RelayWindow = 24 * time.Hour

// minRelayCharge is what one fetched file counts at least: an empty or
// tiny file still costs a download, an upload and two events, and the
// floor bounds the files counted per window (MaxRelayedBytes /
// minRelayCharge, 800) and so what relaySpent remembers.
const minRelayCharge = 64 << 10

// errRelayBudget says a member's relay budget for this window is spent.
var errRelayBudget = errors.New("the member's relay budget is spent")

// relayBudget counts the bytes of each member's files fetched for the
// team room within RelayWindow. Safe for concurrent use.
type relayBudget struct {
	mu    sync.Mutex
	limit int64
	spent map[id.UserID]relaySpent
}

// relaySpent is one member's count: bytes fetched since since, and for
// each turn's event that counted a file whether it fitted: the same event
// handled again (a retry after a crash) is not counted twice, and gets
// the same decision, so that its messages are the ones it sent before.
type relaySpent struct {
	since  time.Time
	bytes  int64
	events map[id.EventID]bool
}

func newRelayBudget(limit int64) *relayBudget {
	if limit <= 0 {
		limit = MaxRelayedBytes
	}
	return &relayBudget{limit: limit, spent: map[id.UserID]relaySpent{}}
}

// current returns member's count at now, a new one when their window
// ended. Windows that ended are dropped (the map holds only members who
// relayed within a day). Called with mu held.
func (b *relayBudget) current(member id.UserID, now time.Time) relaySpent {
	for m, s := range b.spent {
		if !now.Before(s.since.Add(RelayWindow)) {
			delete(b.spent, m)
		}
	}
	s, ok := b.spent[member]
	if !ok {
		s = relaySpent{since: now, events: map[id.EventID]bool{}}
	}
	return s
}

// allows reports whether member may have a file fetched for evt at now:
// their budget is not spent, or evt counted before (take decides again).
func (b *relayBudget) allows(member id.UserID, evt id.EventID, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.current(member, now)
	_, counted := s.events[evt]
	return counted || s.bytes < b.limit
}

// take counts n fetched bytes (at least minRelayCharge) of evt's file for
// member at now and reports whether they fit in the budget (the file may
// go on to the team). Fetched bytes count also when they do not fit: the
// fetch was the cost. An evt counted before is not counted again; its
// decision stands.
func (b *relayBudget) take(member id.UserID, evt id.EventID, n int64, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.current(member, now)
	if ok, counted := s.events[evt]; counted {
		return ok
	}
	s.bytes += max(n, minRelayCharge)
	ok := s.bytes <= b.limit
	s.events[evt] = ok
	b.spent[member] = s
	return ok
}
