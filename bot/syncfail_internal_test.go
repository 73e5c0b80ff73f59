package bot

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix"
)

// syncHTTPError is a failed /sync answer as mautrix reports it.
func syncHTTPError(status int, code string, extra map[string]any, header http.Header) error {
	resp := &http.Response{StatusCode: status, Header: header}
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	httpErr := mautrix.HTTPError{Response: resp}
	if code != "" {
		httpErr.RespError = &mautrix.RespError{ErrCode: code, Err: "x", StatusCode: status, ExtraData: extra}
	}
	return httpErr
}

// TestSyncFailureBackoff: the homeserver is down for an hour (502 from its
// proxy), rate-limits Lotse, or refuses the sync. Lotse used to retry
// every 5 s whatever the error, ignoring retry_after_ms, and logged a
// warning each time: 720 lines for an hour's outage. Now the pause grows
// to a minute, a rate limit is waited out as the homeserver asks (bounded),
// the log has a dozen lines for the hour, a refusal is an error line, the
// first success logs the recovery and starts the pause anew, and an
// invalid access token still ends the loop.
func TestSyncFailureBackoff(t *testing.T) {
	var logs bytes.Buffer
	s := newWatchBot(t, nil, &logs)
	down := syncHTTPError(http.StatusBadGateway, "", nil, nil)

	var waits []time.Duration
	var total time.Duration
	for total < time.Hour {
		wait, err := s.OnFailedSync(nil, down)
		if err != nil {
			t.Fatalf("failure %d stopped the sync: %v", len(waits)+1, err)
		}
		waits = append(waits, wait)
		total += wait
	}
	if want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}; !slices.Equal(waits[:7], want) {
		t.Errorf("pauses %v, want %v then a minute each", waits[:7], want)
	}
	if lines := strings.Count(logs.String(), "\n"); lines > 15 {
		t.Errorf("an hour's outage logged %d lines, want at most 15:\n%s", lines, logs.String())
	}
	if strings.Contains(logs.String(), `"level":"error"`) {
		t.Errorf("a homeserver that is down is logged as an error; want warnings:\n%s", logs.String())
	}

	// Back: one line, and the next trouble starts with a short pause.
	logs.Reset()
	s.syncSucceeded(s.bot.opts.Now())
	if !strings.Contains(logs.String(), "Sync works again") {
		t.Errorf("recovery not logged: %s", logs.String())
	}
	if wait, _ := s.OnFailedSync(nil, down); wait != 2*time.Second {
		t.Errorf("first pause after a recovery %v, want 2s", wait)
	}

	for _, tt := range []struct {
		name      string
		err       error
		wantWait  time.Duration
		wantStop  bool
		wantLevel string
	}{
		{"rate limit, retry_after_ms", syncHTTPError(http.StatusTooManyRequests, "M_LIMIT_EXCEEDED", map[string]any{"retry_after_ms": float64(90_000)}, nil),
			90*time.Second + 10*time.Millisecond, false, "warn"},
		{"rate limit, Retry-After header", syncHTTPError(http.StatusTooManyRequests, "M_LIMIT_EXCEEDED", nil, http.Header{"Retry-After": {"120"}}),
			120*time.Second + 10*time.Millisecond, false, "warn"},
		{"rate limit of a day", syncHTTPError(http.StatusTooManyRequests, "M_LIMIT_EXCEEDED", map[string]any{"retry_after_ms": float64(86_400_000)}, nil),
			10 * time.Minute, false, "warn"},
		{"sync position refused", syncHTTPError(http.StatusBadRequest, "M_INVALID_PARAM", nil, nil), 2 * time.Second, false, "error"},
		{"timeout", fmt.Errorf("failed to GET /sync: %w", errors.New("context deadline exceeded")), 2 * time.Second, false, "warn"},
		{"access token gone", syncHTTPError(http.StatusUnauthorized, mautrix.MUnknownToken.ErrCode, map[string]any{"soft_logout": true}, nil), 0, true, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			s.failures = 0
			wait, err := s.OnFailedSync(nil, tt.err)
			if (err != nil) != tt.wantStop || wait != tt.wantWait {
				t.Errorf("OnFailedSync = %v, %v; want %v, stop %v", wait, err, tt.wantWait, tt.wantStop)
			}
			if tt.wantLevel != "" && !strings.Contains(logs.String(), `"level":"`+tt.wantLevel+`"`) {
				t.Errorf("want a line at level %s: %s", tt.wantLevel, logs.String())
			}
		})
	}
}
