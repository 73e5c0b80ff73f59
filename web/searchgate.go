package web

import (
	"context"
	"runtime"
	"sync/atomic"
)

// The web view runs in the bot's process, and a search is its one page that
// costs CPU per request (up to about a millisecond for a query of
// maxQueryRunes runes; the other pages are rendered once). A flood of
// searches must not take the cores the bot answers with: searchGate lets
// at most half of them (at least one) search at a time, lets
// maxSearchWaiting more requests wait for their turn, and turns any further
// one away with 503.

// maxSearchWaiting bounds the search requests waiting for a slot.
const maxSearchWaiting = 64

// searchGate bounds concurrent searches.
type searchGate struct {
	slots   chan struct{}
	waiting atomic.Int32
}

func newSearchGate() *searchGate {
	return &searchGate{slots: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))}
}

// acquire takes a slot, waiting while ctx lasts and the queue has room; it
// reports whether the caller may search (then it must call release).
func (g *searchGate) acquire(ctx context.Context) bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
	}
	if g.waiting.Add(1) > maxSearchWaiting {
		g.waiting.Add(-1)
		return false
	}
	defer g.waiting.Add(-1)
	select {
	case g.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (g *searchGate) release() { <-g.slots }

// run calls f in a slot (see acquire) and frees the slot as soon as f
// returns or panics, so that the slot bounds the search, not the writing
// of its page: a reader who does not read the answer would otherwise hold
// the slot until the server's write timeout. It reports whether f ran.
func (g *searchGate) run(ctx context.Context, f func()) bool {
	if !g.acquire(ctx) {
		return false
	}
	defer g.release()
	f()
	return true
}
