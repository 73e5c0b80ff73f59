package support

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
	"maunium.net/go/mautrix/id"
)

// A member's message in a claimed case is relayed into the case thread
// mentioning the volunteer who claimed it (assigneePing), and a mention
// makes it an m.text that rings their phone (chat.Notifying, phone34).
// Nothing bounded that: a member — or a script on their account — who
// sent 500 lines in a minute rang the volunteer's phone 500 times, one
// event each, at night as well (thirty-fifth pass, amp35). Now the
// mentions from one member to one volunteer come from a token bucket
// (golang.org/x/time/rate): assigneeRingBurst at once, then one more
// every assigneeRingEvery.
// A relay beyond it is sent the same, into the same thread, as a notice
// without the mention: the volunteer, rung a moment before, reads it
// there. Nothing the member wrote is lost or delayed, and the member is
// not told (nothing changed for them).
//
// The buckets live in memory: a restart fills them again, so the worst
// case is assigneeRingBurst more rings per restart, and the member cannot
// restart Lotse. At most maxAssigneeRingKeys pairs are kept (golang-lru's
// simplelru, as the chat's ring log); a pair forgotten when full starts
// with a full bucket again, nothing worse.
const (
	assigneeRingBurst   = 3
	assigneeRingEvery   = 10 * time.Minute
	maxAssigneeRingKeys = 4096
)

// assigneeRings holds the token buckets of assigneeRing, one per member
// and volunteer. Safe for concurrent use.
type assigneeRings struct {
	mu      sync.Mutex
	buckets *simplelru.LRU[assigneeRingKey, *rate.Limiter]
}

type assigneeRingKey struct {
	member, assignee id.UserID
}

func newAssigneeRings() *assigneeRings {
	buckets, _ := simplelru.NewLRU[assigneeRingKey, *rate.Limiter](maxAssigneeRingKeys, nil) // errs only on a size ≤ 0
	return &assigneeRings{buckets: buckets}
}

// take reports whether a relay of member's message at now may mention
// assignee, and takes a token if so. The returned give puts the token
// back (the relay failed: its retry may ring); it is a no-op when take
// said no. A nil set always rings.
func (r *assigneeRings) take(member, assignee id.UserID, now time.Time) (ok bool, give func()) {
	if r == nil {
		return true, func() {}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := assigneeRingKey{member, assignee}
	lim, found := r.buckets.Get(k)
	if !found {
		lim = rate.NewLimiter(rate.Every(assigneeRingEvery), assigneeRingBurst)
		r.buckets.Add(k, lim)
	}
	res := lim.ReserveN(now, 1)
	if !res.OK() || res.DelayFrom(now) > 0 {
		res.CancelAt(now)
		return false, func() {}
	}
	return true, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		res.CancelAt(now)
	}
}
