package httpserve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
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

// stallCase is a client that stalls a connection in one way, and the
// handler that meets it (nil: the connection ends without reaching one).
type stallCase struct {
	name    string
	handler func(w http.ResponseWriter, r *http.Request) error
	client  func(c net.Conn, br *bufio.Reader)
}

// stallCases: a header that never ends (ReadHeaderTimeout), a body that
// never ends (ReadTimeout), a reader who does not read the answer
// (WriteTimeout), an idle kept-alive connection (IdleTimeout).
var stallCases = []stallCase{
	{"a header that never ends", nil, func(c net.Conn, _ *bufio.Reader) {
		_, _ = io.WriteString(c, "GET / HTTP/1.1\r\nHost: lotse.test\r\n")
	}},
	{"a body that never ends", func(_ http.ResponseWriter, r *http.Request) error {
		_, err := io.ReadAll(r.Body)
		return err
	}, func(c net.Conn, _ *bufio.Reader) {
		_, _ = io.WriteString(c, "POST / HTTP/1.1\r\nHost: lotse.test\r\nContent-Length: 100\r\n\r\nhilfreich=")
	}},
	{"a reader who does not read the answer", func(w http.ResponseWriter, _ *http.Request) error {
		// Until the write blocks: a loopback TCP connection's buffers take
		// megabytes before it does.
		chunk := make([]byte, 64<<10)
		for {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
	}, func(c net.Conn, _ *bufio.Reader) {
		_, _ = io.WriteString(c, "GET / HTTP/1.1\r\nHost: lotse.test\r\n\r\n")
	}},
	{"an idle kept-alive connection", nil, func(c net.Conn, br *bufio.Reader) {
		_, _, _ = get(c, br, "/")
	}},
}

// stall runs tc against the server dial starts for a handler, and returns
// once the server gave up: the handler's error, or the connection's end.
// In a synctest bubble, without the bound that cuts the stall every
// goroutine blocks for good and synctest fails the test as a deadlock.
func stall(tc stallCase, dial func(h http.Handler) net.Conn) error {
	handlerErr := make(chan error, 1)
	c := dial(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tc.handler != nil {
			handlerErr <- tc.handler(w, r)
		}
	}))
	defer c.Close()
	br := bufio.NewReader(c)
	tc.client(c, br)
	if tc.handler != nil {
		return <-handlerErr
	}
	_, err := io.ReadAll(br)
	return err
}

// TestServeTimeouts: a connection stalled in each way is given up — the
// handler's read or write fails with a timeout, or the connection ends —
// instead of holding its slot for ever (in the bubble's clock, no real
// waiting). That the server has the bound for each is
// TestServerTakesEveryBound's; how long a stall holds its slot is a figure
// of the stall benchmark, not an assertion.
func TestServeTimeouts(t *testing.T) {
	for _, tc := range stallCases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				err := stall(tc, func(h http.Handler) net.Conn { return serveInBubble(t, h, testSettings()).dial() })
				switch {
				case tc.handler != nil && (err == nil || !strings.Contains(err.Error(), "timeout")):
					t.Fatalf("handler: %v, want a timeout", err)
				case tc.handler == nil && err != nil:
					t.Fatalf("connection: %v, want its end", err)
				}
			})
		})
	}
}

// TestServerTakesEveryBound: the server Serve runs has every bound of its
// Settings, net/http's error log and the Recover wrapper.
func TestServerTakesEveryBound(t *testing.T) {
	s := Settings{MaxConns: 1, ReadHeaderTimeout: 1, ReadTimeout: 2, WriteTimeout: 3, IdleTimeout: 4,
		MaxHeaderBytes: 5, ShutdownTimeout: 6, InternalError: "x"}
	srv := newServer(t.Context(), http.NotFoundHandler(), s, zerolog.Nop())
	got := Settings{MaxConns: 1, ReadHeaderTimeout: srv.ReadHeaderTimeout, ReadTimeout: srv.ReadTimeout,
		WriteTimeout: srv.WriteTimeout, IdleTimeout: srv.IdleTimeout, MaxHeaderBytes: srv.MaxHeaderBytes,
		ShutdownTimeout: 6, InternalError: "x"}
	if got != s {
		t.Errorf("server bounds %+v, want %+v", got, s)
	}
	if srv.ErrorLog == nil {
		t.Error("the server logs to the standard logger")
	}
	rec := httptest.NewRecorder()
	srv.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("handler answered %d, want the wrapped handler's 404", rec.Code)
	}
}

// BenchmarkServeStalls: how long a stalled connection holds a slot on a
// real TCP connection, with the bounds scaled down to 10, 20, 30 and 40 ms
// (header, whole request, answer, idle): the time per operation is the
// bound plus what the machine adds until the server notices. A figure,
// not a test (docs/performance.md); TestServeTimeouts asserts that each
// stall is cut at all.
func BenchmarkServeStalls(b *testing.B) {
	s := Default(4, "Interner Fehler")
	s.ReadHeaderTimeout, s.ReadTimeout = 10*time.Millisecond, 20*time.Millisecond
	s.WriteTimeout, s.IdleTimeout = 30*time.Millisecond, 40*time.Millisecond
	for _, tc := range stallCases {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				err := stall(tc, func(h http.Handler) net.Conn { return serveTCP(b, h, s, zerolog.Nop()) })
				if tc.handler != nil && (err == nil || !strings.Contains(err.Error(), "timeout")) {
					b.Fatalf("handler: %v, want a timeout (the figure would not be the stall's)", err)
				}
			}
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
