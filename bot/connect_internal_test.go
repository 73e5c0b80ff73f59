package bot

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// TestConnectHonoursLoginRateLimit: the login at start was rate-limited
// (429 M_LIMIT_EXCEEDED with retry_after_ms; homeservers limit logins per
// IP and account) and connect asked again after its own pause of a second,
// two, four …, which only prolongs the limit. Now it waits as long as the
// homeserver asks, bounded as the sync is (rateLimitPause): at most
// maxRateLimitWait, at least the ordinary pause.
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
			var logs bytes.Buffer
			b := newWatchBot(t, nil, &logs).bot
			b.opts.UserID, b.opts.Password = "@lotse:hs", "secret"
			logins := 0
			b.Client = newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.URL.Path != "/_matrix/client/v3/login" {
					w.WriteHeader(http.StatusNotFound)
					_, _ = w.Write([]byte(`{"errcode":"M_UNRECOGNIZED","error":"x"}`))
					return
				}
				logins++
				if logins == 1 {
					w.WriteHeader(http.StatusTooManyRequests)
					_, _ = fmt.Fprintf(w, `{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"%s}`, tt.extra)
					return
				}
				w.WriteHeader(http.StatusForbidden) // ends connect
				_, _ = w.Write([]byte(`{"errcode":"M_FORBIDDEN","error":"Invalid password"}`))
			}))
			var pauses []time.Duration
			b.after = func(d time.Duration) <-chan time.Time {
				pauses = append(pauses, d)
				c := make(chan time.Time, 1)
				c <- time.Time{}
				return c
			}
			if _, err := b.connect(t.Context()); err == nil {
				t.Fatal("connect succeeded, want the refused login")
			}
			if want := []time.Duration{tt.want}; !slices.Equal(pauses, want) || logins != 2 {
				t.Errorf("pauses %v after %d logins, want %v after 2", pauses, logins, want)
			}
		})
	}
}
