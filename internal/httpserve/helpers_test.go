package httpserve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rs/zerolog"
)

// pipeListener hands out the server ends of net.Pipe connections; inside a
// synctest bubble everything on it blocks durably, so synctest.Wait and
// the bubble's clock work.
type pipeListener struct {
	conns   chan net.Conn // a backlog, like the kernel's accept queue
	done    chan struct{}
	once    sync.Once
	accepts atomic.Int32 // calls of Accept
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn, 16), done: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	l.accepts.Add(1)
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

// dial opens a connection; it waits in the backlog until accepted.
func (l *pipeListener) dial() net.Conn {
	server, client := net.Pipe()
	l.conns <- server
	return client
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }

// get sends a GET for path on c and reads the answer.
func get(c net.Conn, br *bufio.Reader, path string) (int, string, error) {
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: lotse.test\r\n\r\n", path); err != nil {
		return 0, "", err
	}
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, string(body), err
}

// logBuffer captures zerolog's JSON lines (written by net/http's and the
// test's goroutines alike).
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func newLogBuffer() *logBuffer { return &logBuffer{} }

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() zerolog.Logger { return zerolog.New(b) }

// testSettings are the servers' own bounds (Default) with 4 connections:
// in a synctest bubble their lengths cost no real time.
func testSettings() Settings {
	return Default(4, "Interner Fehler")
}

// serveTCP serves h through Serve with s on a local TCP port until the
// test ends (checking that Serve then returns nil), logging to log, and
// returns a connection to it, closed at the test's end.
func serveTCP(t testing.TB, h http.Handler, s Settings, log zerolog.Logger) net.Conn {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, s, log) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
