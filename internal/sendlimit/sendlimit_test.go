package sendlimit

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestLimiter: sends beyond the allowance get the spec's 429 with
// retry_after_ms; other requests and a switched-off limiter pass.
func TestLimiter(t *testing.T) {
	l := New(2, time.Hour)
	next := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	h := l.Wrap(next)
	do := func(method, path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		return rec
	}
	send := "/_matrix/client/v3/rooms/!r:hs/send/m.room.message/txn1"
	tests := []struct {
		name   string
		method string
		path   string
		want   int
	}{
		{"first send", http.MethodPut, send, 200},
		{"second send", http.MethodPut, send, 200},
		{"third send is over", http.MethodPut, send, 429},
		{"sync passes", http.MethodGet, "/_matrix/client/v3/sync", 200},
		{"sendToDevice is not a room send", http.MethodPut, "/_matrix/client/v3/sendToDevice/m.room_key/t1", 200},
	}
	for _, tt := range tests {
		rec := do(tt.method, tt.path)
		if rec.Code != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, rec.Code, tt.want)
		}
		if rec.Code == 429 {
			var body struct {
				Errcode      string `json:"errcode"`
				RetryAfterMS int64  `json:"retry_after_ms"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Errcode != "M_LIMIT_EXCEEDED" || body.RetryAfterMS <= 0 {
				t.Errorf("%s: body %s (%v)", tt.name, rec.Body, err)
			}
		}
	}
	if l.Limited() != 1 {
		t.Errorf("limited %d, want 1", l.Limited())
	}
	l.SetOn(false)
	if rec := do(http.MethodPut, send); rec.Code != 200 {
		t.Errorf("switched off: %d, want 200", rec.Code)
	}
}

// TestEvery: the count-based limiter answers every n-th send with 429,
// however slowly they come.
func TestEvery(t *testing.T) {
	l := NewEvery(3, 250*time.Millisecond)
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }))
	send := "/_matrix/client/v3/rooms/!r:hs/send/m.room.message/t"
	var got []int
	for range 7 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPut, send, nil))
		got = append(got, rec.Code)
		if rec.Code == 429 && !strings.Contains(rec.Body.String(), `"retry_after_ms":250`) {
			t.Errorf("429 body %s", rec.Body.String())
		}
	}
	want := []int{200, 200, 429, 200, 200, 429, 200}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("codes %v, want %v", got, want)
	}
	if l.Limited() != 2 {
		t.Errorf("Limited() = %d, want 2", l.Limited())
	}
}
