package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// fixedSource hands out one library.
type fixedSource struct{ lib *guides.Library }

func (s fixedSource) Current() *guides.Library { return s.lib }

// testdataHandler is a Handler of the test library (testdata/library).
func testdataHandler(t *testing.T) *Handler {
	t.Helper()
	lib, _, err := guides.Load("testdata/library")
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(fixedSource{lib}, Options{Dir: "testdata/library"})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestSearchGate: searches are bounded overall, not only per request. With
// every slot taken, a search waits while its request lasts and while the
// queue has room; otherwise it gets 503 with Retry-After (before, any
// number of searches ran at once, taking every core of the bot's process).
// The empty search page and the other pages are not held up.
func TestSearchGate(t *testing.T) {
	h := testdataHandler(t)
	serve := func(target string, ctx context.Context) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, http.MethodGet, target, nil))
		return rec
	}
	if rec := serve("/suche?q=passwort", t.Context()); rec.Code != http.StatusOK {
		t.Fatalf("free gate: %d", rec.Code)
	}
	for range cap(h.searches.slots) {
		if !h.searches.acquire(t.Context()) {
			t.Fatal("a free slot was refused")
		}
	}
	gone, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name    string
		target  string
		ctx     context.Context
		waiting int32
		want    int
	}{
		{"a search whose reader left while waiting", "/suche?q=passwort", gone, 0, http.StatusServiceUnavailable},
		{"a search with the queue full", "/suche?q=passwort", t.Context(), maxSearchWaiting, http.StatusServiceUnavailable},
		{"the empty search page", "/suche", t.Context(), maxSearchWaiting, http.StatusOK},
		{"a query of spaces only", "/suche?q=+++", t.Context(), maxSearchWaiting, http.StatusOK},
		{"a guide page", "/konto/passwort-vergessen", t.Context(), maxSearchWaiting, http.StatusOK},
	}
	for _, tt := range tests {
		h.searches.waiting.Store(tt.waiting)
		rec := serve(tt.target, tt.ctx)
		if rec.Code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, rec.Code, tt.want)
		}
		if tt.want == http.StatusServiceUnavailable && rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: no Retry-After", tt.name)
		}
		if got := h.searches.waiting.Load(); got != tt.waiting {
			t.Errorf("%s: %d waiting afterwards, want %d", tt.name, got, tt.waiting)
		}
	}
	h.searches.waiting.Store(0)
	h.searches.release()
	if rec := serve("/suche?q=passwort", t.Context()); rec.Code != http.StatusOK {
		t.Errorf("after a release: %d", rec.Code)
	}
	if n := len(h.searches.slots); n != cap(h.searches.slots)-1 {
		t.Errorf("%d slots taken after the search, want %d", n, cap(h.searches.slots)-1)
	}
}

// TestSearchNotStored: a search result page carries what the member typed
// (personal data too), so no cache may keep it (before: "no-cache", which
// lets browsers and shared caches store it); the page without a query and
// the guide pages stay revalidated.
func TestSearchNotStored(t *testing.T) {
	h := testdataHandler(t)
	for target, want := range map[string]string{
		"/suche?q=passwort":         "no-store",
		"/suche?q=gibt+es+nicht+xq": "no-store",
		"/suche":                    "no-cache",
		"/konto/passwort-vergessen": "no-cache",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if got := rec.Header().Get("Cache-Control"); rec.Code != http.StatusOK || got != want {
			t.Errorf("GET %s: %d, Cache-Control %q, want 200, %q", target, rec.Code, got, want)
		}
	}
}

// stalledWriter is a reader who does not read: Write reports that it was
// called and then blocks until unblock is closed.
type stalledWriter struct {
	header           http.Header
	writing, unblock chan struct{}
}

func (w *stalledWriter) Header() http.Header { return w.header }
func (w *stalledWriter) WriteHeader(int)     {}
func (w *stalledWriter) Write(p []byte) (int, error) {
	select {
	case w.writing <- struct{}{}:
	default:
	}
	<-w.unblock
	return len(p), nil
}

// TestSearchGateFreedBeforeWriting: the slot bounds the search itself, not
// the writing of its page (before, a reader who did not read the answer
// held a slot until the server's write timeout; with one slot on two cores
// one such connection stopped every search).
func TestSearchGateFreedBeforeWriting(t *testing.T) {
	h := testdataHandler(t)
	w := &stalledWriter{header: http.Header{}, writing: make(chan struct{}), unblock: make(chan struct{})}
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(w, httptest.NewRequestWithContext(t.Context(), http.MethodGet, "/suche?q=passwort", nil))
	}()
	<-w.writing
	taken := len(h.searches.slots)
	close(w.unblock)
	<-done
	if taken != 0 {
		t.Errorf("%d slots taken while the page is written, want 0", taken)
	}
	if n := len(h.searches.slots); n != 0 {
		t.Errorf("%d slots taken after the search, want 0", n)
	}
}
