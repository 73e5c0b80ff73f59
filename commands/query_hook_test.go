package commands

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"go.mau.fi/util/dbutil"
)

// queryHook is a database logger that calls fn after a query for which
// match holds, outside a call of its own (fn's own queries do not call
// it again), until fn reports that it has done its work: a test does
// there what another room's handler does between a workflow's read and
// its write (a role revoked, a case closed, a round table moved).
type queryHook struct {
	dbutil.DatabaseLogger
	match  func(method, query string, args []any) bool
	fn     func(ctx context.Context, args []any) bool
	err    bool // also after a query that failed
	inside atomic.Bool
	done   atomic.Bool
}

func (h *queryHook) QueryTiming(ctx context.Context, method, query string, args []any, nrows int, d time.Duration, err error) {
	h.DatabaseLogger.QueryTiming(ctx, method, query, args, nrows, d, err)
	if h.done.Load() || err != nil && !h.err || !h.match(method, query, args) || !h.inside.CompareAndSwap(false, true) {
		return
	}
	defer h.inside.Store(false)
	if h.fn(ctx, args) {
		h.done.Store(true)
	}
}

// onQuery installs a queryHook on e's database that calls fn once, after
// the first query that succeeded and for which match holds, until the
// returned stop (also on cleanup); fired reports whether fn ran.
func onQuery(t *testing.T, e *supportEnv, match func(method, query string, args []any) bool, fn func(ctx context.Context)) (fired func() bool, stop func()) {
	t.Helper()
	hook := &queryHook{DatabaseLogger: e.db.Root.Log, match: match, fn: func(ctx context.Context, _ []any) bool {
		fn(ctx)
		return true
	}}
	return hook.install(t, e)
}

// onQueryUntil installs a queryHook on e's database that calls fn after
// every query for which match holds (failed ones too) until fn returns
// true, until the returned stop (also on cleanup); fired reports whether
// fn returned true.
func onQueryUntil(t *testing.T, e *supportEnv, match func(method, query string, args []any) bool, fn func(ctx context.Context, args []any) bool) (fired func() bool, stop func()) {
	t.Helper()
	hook := &queryHook{DatabaseLogger: e.db.Root.Log, match: match, fn: fn, err: true}
	return hook.install(t, e)
}

func (h *queryHook) install(t *testing.T, e *supportEnv) (fired func() bool, stop func()) {
	e.db.Root.Log = h
	stop = func() { e.db.Root.Log = h.DatabaseLogger }
	t.Cleanup(stop)
	return h.done.Load, stop
}
