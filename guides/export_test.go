package guides

import (
	"context"
	"time"
)

// WatchEvery is Watch with the debounce and the fingerprint recheck
// interval chosen by the test.
func (s *Store) WatchEvery(ctx context.Context, debounce, recheck time.Duration) error {
	return s.watch(ctx, debounce, recheck)
}

// Base is the second library of [Store.Libraries]: the files' library of
// the last load, without the learned questions.
func (s *Store) Base() *Library {
	return s.cur.Load().base()
}
