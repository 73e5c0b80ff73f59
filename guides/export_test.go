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
