// Package sendlimit rate-limits the /send requests that pass through an
// HTTP handler in front of a Matrix homeserver, answering the ones over the
// limit with 429 M_LIMIT_EXCEEDED and retry_after_ms as the client-server
// spec describes. Dendrite v0.13.8 rate-limits many endpoints but not /send
// (see internal/dendrite's TestRateLimit), so the tests and the load program
// put this in front of the real homeserver to see Lotse under rate limits.
package sendlimit

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Limiter allows a number of sends per fixed window. It is safe for
// concurrent use and switched on when created.
type Limiter struct {
	allow  int
	window time.Duration
	// every, when set, makes the limit count-based: every every-th send is
	// over, whatever the time (see [NewEvery]).
	every int

	on      atomic.Bool
	limited atomic.Int64

	mu    sync.Mutex
	start time.Time
	count int
}

// New returns a limiter that lets allow sends through per window.
func New(allow int, window time.Duration) *Limiter {
	l := &Limiter{allow: allow, window: window}
	l.on.Store(true)
	return l
}

// NewEvery returns a limiter that answers every n-th send with 429 and
// retry_after_ms of retryAfter. Unlike [New] it does not depend on how fast
// the client sends, so a test on a slow, busy machine still meets the limit.
func NewEvery(n int, retryAfter time.Duration) *Limiter {
	l := &Limiter{every: max(n, 1), window: retryAfter}
	l.on.Store(true)
	return l
}

// SetOn switches the limit on or off (off: every request passes).
func (l *Limiter) SetOn(on bool) { l.on.Store(on) }

// Limited returns how many sends were answered with 429 so far.
func (l *Limiter) Limited() int64 { return l.limited.Load() }

// IsSend reports whether r sends a room event (PUT …/send/…).
func IsSend(r *http.Request) bool {
	return r.Method == http.MethodPut && strings.Contains(r.URL.Path, "/send/")
}

// Wrap answers sends over the limit with 429 and passes every other
// request to next.
func (l *Limiter) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.on.Load() && IsSend(r) {
			if over, wait := l.take(); over {
				l.limited.Add(1)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusTooManyRequests)
				fmt.Fprintf(w, `{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":%d}`, wait.Milliseconds())
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// take counts one send and reports whether it is over the limit, and how
// long until the current window ends.
func (l *Limiter) take() (over bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.every > 0 {
		l.count++
		return l.count%l.every == 0, l.window
	}
	now := time.Now()
	if now.Sub(l.start) > l.window {
		l.start, l.count = now, 0
	}
	l.count++
	return l.count > l.allow, l.window - now.Sub(l.start)
}
