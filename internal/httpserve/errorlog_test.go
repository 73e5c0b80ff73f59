package httpserve

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestErrorLogWithoutAddress: net/http's own log lines reach zerolog
// without any IP address (before, they went to the standard logger and
// named the client's address, a reader's personal data).
func TestErrorLogWithoutAddress(t *testing.T) {
	tests := []struct {
		line, want, level string
	}{
		{"http: panic serving 192.0.2.1:4711: boom\ngoroutine 7 [running]:\nmain.f()\n\t/src/main.go:42 +0x1d\n",
			"http: panic serving <address>: boom", "error"},
		{"http: panic serving [2001:db8::1]:4711: boom\n", "http: panic serving <address>: boom", "error"},
		{"http: TLS handshake error from 192.0.2.1:4711: EOF\n", "http: TLS handshake error from <address>: EOF", "warn"},
		{"http: TLS handshake error from [fe80::1%eth0]:4711: remote error\n", "http: TLS handshake error from <address>: remote error", "warn"},
		{"http2: server: error reading preface from client 2001:db8::1: EOF\n", "http2: server: error reading preface from client <address>: EOF", "warn"},
		{"closing conn from (192.0.2.1), \"[2001:db8::1]\".\n", "closing conn from (<address>), \"<address>\".", "warn"},
		{"http: Accept error: accept tcp [::]:8080: too many open files; retrying in 5ms\n", "http: Accept error: accept tcp <address>: too many open files; retrying in 5ms", "warn"},
		{"http: superfluous response.WriteHeader call from web.(*Handler).ServeHTTP (handler.go:123)\n",
			"http: superfluous response.WriteHeader call from web.(*Handler).ServeHTTP (handler.go:123)", "warn"},
		{"version 1.27.3 at main.go:42 +0x1d\n", "version 1.27.3 at main.go:42 +0x1d", "warn"},
		{"read tcp 127.0.0.1:443->192.0.2.1:4711: i/o timeout\n", "read tcp <address>-><address>: i/o timeout", "warn"},
		{"conn remote=192.0.2.1:4711,local=[2001:db8::2]:80;peer=<2001:db8::1>\n",
			"conn remote=<address>,local=<address>;peer=<<address>>", "warn"},
		{"from [fe80::1%wlan-0]:4711|192.0.2.1/24\n", "from <address>|<address>/24", "warn"},
		{"http: x-forwarded 192.0.2.1{4711} to-do a->b\n", "http: x-forwarded <address>{4711} to-do a->b", "warn"},
	}
	for _, tt := range tests {
		buf := newLogBuffer()
		ErrorLog(buf.logger()).Print(tt.line)
		var got struct{ Level, Message, Stack string }
		if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
			t.Fatalf("%q: %v in %s", tt.line, err, buf)
		}
		if got.Message != tt.want || got.Level != tt.level {
			t.Errorf("%q: %s %q, want %s %q", tt.line, got.Level, got.Message, tt.level, tt.want)
		}
		if strings.Contains(buf.String(), "192.0.2.1") || strings.Contains(buf.String(), "db8") {
			t.Errorf("%q: an address is logged: %s", tt.line, buf)
		}
	}
	buf := newLogBuffer()
	ErrorLog(buf.logger()).Print(tests[0].line)
	if !strings.Contains(buf.String(), `"stack":"goroutine 7 [running]:\nmain.f()\n\t/src/main.go:42 +0x1d"`) {
		t.Errorf("the stack of a panic is not in its own field: %s", buf)
	}
}

// TestErrorLogOfServer: a panic that reaches net/http (a server without
// Recover) is logged through ErrorLog, without the client's address.
func TestErrorLogOfServer(t *testing.T) {
	buf := newLogBuffer()
	srv := &http.Server{
		Handler:           http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }),
		ReadHeaderTimeout: testSettings().ReadHeaderTimeout,
		ErrorLog:          ErrorLog(buf.logger()),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, _, err := get(c, bufio.NewReader(c), "/"); err == nil {
		t.Fatal("net/http answered a panicking request")
	}
	// net/http logs before it closes the connection.
	out := buf.String()
	_, port, _ := net.SplitHostPort(c.LocalAddr().String())
	if !strings.Contains(out, `"message":"http: panic serving <address>: boom"`) || strings.Contains(out, "127.0.0.1") || strings.Contains(out, ":"+port) {
		t.Errorf("net/http's log of the panic: %s", out)
	}
}

var _ io.Writer = errorLogWriter{}

// TestServeLogsThroughErrorLog: Serve gives its server the ErrorLog: a
// handler's misuse that net/http logs (a second WriteHeader) reaches the
// logger passed to Serve, not the standard logger, and names no client
// address.
func TestServeLogsThroughErrorLog(t *testing.T) {
	buf := newLogBuffer()
	c := serveTCP(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.WriteHeader(http.StatusTeapot)
	}), testSettings(), buf.logger())
	if code, _, err := get(c, bufio.NewReader(c), "/"); err != nil || code != http.StatusOK {
		t.Fatalf("answer: %d %v", code, err)
	}
	// net/http logs the superfluous call inside the handler, before the
	// answer ends.
	out := buf.String()
	_, port, _ := net.SplitHostPort(c.LocalAddr().String())
	if !strings.Contains(out, `"level":"warn"`) || !strings.Contains(out, "superfluous response.WriteHeader call") ||
		strings.Contains(out, "127.0.0.1") || strings.Contains(out, ":"+port) {
		t.Errorf("net/http's line in the log passed to Serve: %q", out)
	}
}
