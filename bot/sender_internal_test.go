package bot

import (
	"net/http"
	"testing"
	"time"

	"maunium.net/go/mautrix"
)

// TestRateLimitWait: Retry-After (seconds or an HTTP date) comes first,
// then the spec's retry_after_ms, then the fallback.
func TestRateLimitWait(t *testing.T) {
	const slack = 10 * time.Millisecond
	resp := func(h string) *http.Response {
		r := &http.Response{Header: http.Header{}}
		if h != "" {
			r.Header.Set("Retry-After", h)
		}
		return r
	}
	ms := func(v float64) *mautrix.RespError {
		return &mautrix.RespError{ErrCode: "M_LIMIT_EXCEEDED", ExtraData: map[string]any{"retry_after_ms": v}}
	}
	tests := []struct {
		name string
		err  mautrix.HTTPError
		want time.Duration
	}{
		{"seconds", mautrix.HTTPError{Response: resp("3"), RespError: ms(500)}, 3*time.Second + slack},
		{"zero seconds", mautrix.HTTPError{Response: resp("0")}, slack},
		{"retry_after_ms without a header", mautrix.HTTPError{Response: resp(""), RespError: ms(1500)}, 1500*time.Millisecond + slack},
		{"nonsense header falls back to the body", mautrix.HTTPError{Response: resp("soon"), RespError: ms(200)}, 200*time.Millisecond + slack},
		{"date in the past falls back", mautrix.HTTPError{Response: resp(time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat))}, 7 * time.Second},
		{"nothing", mautrix.HTTPError{}, 7 * time.Second},
	}
	for _, tt := range tests {
		if got := rateLimitWait(tt.err, 7*time.Second); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	// An HTTP date in the future: about that long.
	future := mautrix.HTTPError{Response: resp(time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat))}
	if got := rateLimitWait(future, 0); got < 80*time.Second || got > 95*time.Second {
		t.Errorf("future date: %v, want about 90 s", got)
	}
}
