package httpserve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/rs/zerolog"
)

// serveInBubble runs Serve on a pipeListener inside a synctest bubble and
// stops it when the test ends.
func serveInBubble(t *testing.T, h http.Handler, s Settings) *pipeListener {
	t.Helper()
	ln := newPipeListener()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, s, zerolog.Nop()) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		for len(ln.conns) > 0 {
			(<-ln.conns).Close()
		}
	})
	return ln
}

// TestServeLimitsConnections: with MaxConns connections open, a further
// reader waits until one closes; it is not answered meanwhile.
func TestServeLimitsConnections(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var served atomic.Int32
		s := testSettings()
		s.MaxConns = 1
		ln := serveInBubble(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			served.Add(1)
			_, _ = io.WriteString(w, "Seite")
		}), s)
		first := ln.dial()
		defer first.Close()
		if code, _, err := get(first, bufio.NewReader(first), "/"); err != nil || code != http.StatusOK {
			t.Fatalf("first reader: %d %v", code, err)
		}
		// The first connection stays open (keep-alive); the second waits.
		second := ln.dial()
		defer second.Close()
		answered := make(chan int, 1)
		go func() {
			code, _, _ := get(second, bufio.NewReader(second), "/")
			answered <- code
		}()
		synctest.Wait()
		if len(answered) != 0 || served.Load() != 1 {
			t.Fatalf("second reader served while the first holds the only connection (%d requests)", served.Load())
		}
		first.Close()
		if code := <-answered; code != http.StatusOK || served.Load() != 2 {
			t.Fatalf("second reader after the first left: %d (%d requests)", code, served.Load())
		}
	})
}

// TestServeTimeouts: a slow or silent reader loses its connection after
// the bound for what it is doing, in the bubble's clock (no real waiting).
func TestServeTimeouts(t *testing.T) {
	s := testSettings()
	tests := []struct {
		name     string
		handler  func(w http.ResponseWriter, r *http.Request) error
		client   func(c net.Conn, br *bufio.Reader)
		min, max time.Duration // when the connection or the handler gives up
	}{
		{"a header that never ends", nil, func(c net.Conn, _ *bufio.Reader) {
			_, _ = io.WriteString(c, "GET / HTTP/1.1\r\nHost: lotse.test\r\n")
		}, s.ReadHeaderTimeout, s.ReadTimeout},
		{"a body that never ends", func(_ http.ResponseWriter, r *http.Request) error {
			_, err := io.ReadAll(r.Body)
			return err
		}, func(c net.Conn, _ *bufio.Reader) {
			_, _ = io.WriteString(c, "POST / HTTP/1.1\r\nHost: lotse.test\r\nContent-Length: 100\r\n\r\nhilfreich=")
		}, s.ReadTimeout, s.WriteTimeout},
		{"a reader who does not read the answer", func(w http.ResponseWriter, _ *http.Request) error {
			_, err := w.Write(make([]byte, 1<<20))
			return err
		}, func(c net.Conn, _ *bufio.Reader) {
			_, _ = io.WriteString(c, "GET / HTTP/1.1\r\nHost: lotse.test\r\n\r\n")
		}, s.WriteTimeout, s.IdleTimeout},
		{"an idle kept-alive connection", nil, func(c net.Conn, br *bufio.Reader) {
			_, _, _ = get(c, br, "/")
		}, s.IdleTimeout, s.IdleTimeout + time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				handlerErr := make(chan error, 1)
				ln := serveInBubble(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if tt.handler != nil {
						handlerErr <- tt.handler(w, r)
					}
				}), s)
				c := ln.dial()
				defer c.Close()
				br := bufio.NewReader(c)
				start := time.Now()
				tt.client(c, br)
				if tt.handler != nil {
					if err := <-handlerErr; err == nil || !strings.Contains(err.Error(), "timeout") {
						t.Fatalf("handler: %v, want a timeout", err)
					}
				} else if _, err := io.ReadAll(br); err != nil {
					t.Fatalf("connection: %v", err)
				}
				if took := time.Since(start); took < tt.min || took >= tt.max {
					t.Errorf("gave up after %s, want %s to %s", took, tt.min, tt.max)
				}
			})
		})
	}
}

// TestServeNeedsEveryBound: a server without one of its bounds does not
// start; Default sets every one.
func TestServeNeedsEveryBound(t *testing.T) {
	if err := Default(1, "Interner Fehler").check(); err != nil {
		t.Errorf("Default: %v", err)
	}
	for _, unset := range []func(*Settings){
		func(s *Settings) { s.MaxConns = 0 },
		func(s *Settings) { s.ReadHeaderTimeout = 0 },
		func(s *Settings) { s.ReadTimeout = 0 },
		func(s *Settings) { s.WriteTimeout = 0 },
		func(s *Settings) { s.IdleTimeout = 0 },
		func(s *Settings) { s.MaxHeaderBytes = 0 },
		func(s *Settings) { s.ShutdownTimeout = 0 },
		func(s *Settings) { s.InternalError = "" },
	} {
		s := testSettings()
		unset(&s)
		ln := newPipeListener()
		if err := Serve(t.Context(), ln, http.NotFoundHandler(), s, zerolog.Nop()); err == nil || !strings.Contains(err.Error(), "not set") {
			t.Errorf("Serve with %+v: %v", s, err)
		}
		select {
		case <-ln.done:
		default:
			t.Errorf("listener left open")
		}
	}
}

// TestServeClosesOnListenerError: when the listener fails (not at
// shutdown), Serve returns the error and closes the connections still
// open, instead of leaving them and its shutdown goroutine until ctx ends.
func TestServeClosesOnListenerError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ln := newPipeListener()
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		done := make(chan error, 1)
		go func() {
			done <- Serve(ctx, ln, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				_, _ = io.WriteString(w, "Seite")
			}), testSettings(), zerolog.Nop())
		}()
		c := ln.dial()
		defer c.Close()
		br := bufio.NewReader(c)
		if code, _, err := get(c, br, "/"); err != nil || code != http.StatusOK {
			t.Fatalf("answer: %d %v", code, err)
		}
		closed := make(chan error, 1)
		go func() {
			_, err := br.ReadByte()
			closed <- err
		}()
		ln.Close() // the listener fails while ctx goes on
		if err := <-done; err == nil {
			t.Error("Serve returned nil at a failed listener")
		}
		synctest.Wait() // no time passes: IdleTimeout would close it too
		select {
		case err := <-closed:
			if err == nil {
				t.Errorf("the kept-alive connection read a byte")
			}
		default:
			t.Error("the kept-alive connection stays open after Serve returned")
		}
	})
}
