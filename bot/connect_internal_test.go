package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// lineWriter hands each log line to a channel: a test waits for a line
// instead of for time to pass.
type lineWriter chan []byte

func (w lineWriter) Write(p []byte) (int, error) {
	w <- append([]byte(nil), p...)
	return len(p), nil
}

// TestConnectHonoursLoginRateLimit: the login at start was rate-limited
// (429 M_LIMIT_EXCEEDED with retry_after_ms; homeservers limit logins per
// IP and account) and connect asked again after its own pause of a second,
// two, four …, which only prolongs the limit. Now it waits as long as the
// homeserver asks, bounded as the sync is (rateLimitPause): at most
// maxRateLimitWait, at least the ordinary pause; its log line says it is
// a rate limit (it said „Homeserver not reachable“).
//
// The test reads the pause connect chose from its log line, which it
// writes before it waits, and then cancels the wait: it measures no time,
// so a busy machine cannot make it fail (fix24b's first form recorded the
// pauses through a hook on Bot that only the test used).
func TestConnectHonoursLoginRateLimit(t *testing.T) {
	for _, tt := range []struct {
		name  string
		extra string
		want  time.Duration
	}{
		{"retry_after_ms", `,"retry_after_ms":45000`, 45*time.Second + 10*time.Millisecond},
		{"a day, capped", `,"retry_after_ms":86400000`, maxRateLimitWait},
		{"zero, the ordinary pause", `,"retry_after_ms":0`, time.Second},
		{"none, the ordinary pause", ``, time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lines := make(lineWriter, 16)
			b := newWatchBot(t, nil, new(bytes.Buffer)).bot
			b.log = zerolog.New(lines)
			b.opts.UserID, b.opts.Password = "@lotse:hs", "secret"
			b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.URL.Path != "/_matrix/client/v3/login" {
					w.WriteHeader(http.StatusNotFound)
					_, _ = w.Write([]byte(`{"errcode":"M_UNRECOGNIZED","error":"x"}`))
					return
				}
				// Every login is limited: connect ends only when the test
				// cancels its wait.
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = fmt.Fprintf(w, `{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"%s}`, tt.extra)
			}))
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() {
				_, err := b.connect(ctx)
				done <- err
			}()
			var line struct {
				Msg     string  `json:"message"`
				RetryIn float64 `json:"retry_in"` // zerolog: milliseconds
			}
			if err := json.Unmarshal(<-lines, &line); err != nil {
				t.Fatal(err)
			}
			cancel()
			if err := <-done; err == nil || !strings.Contains(err.Error(), "gave up waiting") {
				t.Errorf("connect = %v, want it to give up when cancelled", err)
			}
			if got := time.Duration(line.RetryIn * float64(time.Millisecond)); got != tt.want {
				t.Errorf("first pause %v (%q), want %v", got, line.Msg, tt.want)
			}
			// The admin reads why: a rate limit, not a homeserver that is down.
			if !strings.Contains(line.Msg, "rate limit") {
				t.Errorf("log line %q does not say the login is rate-limited", line.Msg)
			}
		})
	}
}
