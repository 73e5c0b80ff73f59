package chat

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"maunium.net/go/mautrix/id"
)

// ringWindow is how long after a reply that rang someone in a group room
// (Reply: a mention, sent as m.text by Notifying) the next replies to the
// same person in the same room stay quiet notices without a mention.
const ringWindow = 10 * time.Minute

// maxRingEntries bounds the people ringLog remembers: when full, the one
// rung longest ago is forgotten (golang-lru's simplelru, as the language
// notes of cases and answers keep theirs; a forgotten sender is rung once
// more, nothing worse).
const maxRingEntries = 4096

// ringLog remembers whom a reply in a group room rang, and when, so that
// one person in one room is rung at most once per ringWindow (ring).
//
// A reply that mentions its asker goes out as m.text so that it notifies
// them (phone34). By the Matrix convention, bots answer m.text but never
// m.notice; Lotse's replies were notices, and another bot in a group room
// that answers whoever mentions or replies to it (an AI chat bot, an echo
// bot) stopped after one answer. As m.text, each of Lotse's replies was a
// new message for that bot to answer, and each answer of that bot one that
// mentions Lotse or replies to its answer, for Lotse to answer again: two
// bots talking without end, every round a message in the room for
// everyone (thirty-fourth pass, mend34b). With the log, the second reply
// to the same sender within ringWindow is a notice again, which the other
// bot does not answer: the loop ends after at most two rounds. A person
// still gets the first answer rung; in a conversation with Lotse they
// are reading anyway.
type ringLog struct {
	mu   sync.Mutex
	last *simplelru.LRU[ringKey, time.Time]
}

type ringKey struct {
	room id.RoomID
	user id.UserID
}

func newRingLog() *ringLog {
	last, _ := simplelru.NewLRU[ringKey, time.Time](maxRingEntries, nil) // errs only on a size ≤ 0
	return &ringLog{last: last}
}

// ring reports whether a reply to user in room may ring them at now (no
// ring to them there within ringWindow before), and notes it if so. A nil
// log always rings.
func (r *ringLog) ring(room id.RoomID, user id.UserID, now time.Time) bool {
	if r == nil {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := ringKey{room, user}
	if t, ok := r.last.Peek(k); ok && now.Sub(t) < ringWindow && !now.Before(t) {
		return false
	}
	r.last.Add(k, now)
	return true
}

// forget takes back the ring that ring noted for user in room at at (the
// reply failed: its retry may ring).
func (r *ringLog) forget(room id.RoomID, user id.UserID, at time.Time) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	k := ringKey{room, user}
	if t, ok := r.last.Peek(k); ok && t.Equal(at) {
		r.last.Remove(k)
	}
}
