package httpserve

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestRecover: a panicking handler answers a plain 500 without a stack (before,
// net/http closed the connection and logged the panic with the reader's
// address); the log has the panic and its stack, nothing about the reader.
// An answer that has begun is cut off instead, so it does not look complete.
func TestRecover(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		status  int    // 0: the connection breaks
		logged  string // "": nothing logged
	}{
		{"before the answer", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Security-Policy", "default-src 'none'")
			w.Header().Set("ETag", `"abc"`)
			w.Header().Set("Location", "/elsewhere")
			panic("boom")
		}, http.StatusInternalServerError, `"panic":"boom"`},
		{"a runtime error", func(_ http.ResponseWriter, r *http.Request) {
			var hits []int
			hits[len(r.URL.Path)]++
		}, http.StatusInternalServerError, `"panic":"runtime error: index out of range [1] with length 0"`},
		{"after the answer began", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "<p>Halb")
			http.NewResponseController(w).Flush()
			panic("boom")
		}, 0, `"panic":"boom"`},
		{"http.ErrAbortHandler", func(http.ResponseWriter, *http.Request) {
			panic(http.ErrAbortHandler)
		}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf := newLogBuffer()
			c := serveTCP(t, tt.handler, testSettings(), buf.logger())
			br := bufio.NewReader(c)
			if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: lotse.test\r\n\r\n"); err != nil {
				t.Fatal(err)
			}
			res, err := http.ReadResponse(br, nil)
			var body []byte
			if err == nil {
				body, err = io.ReadAll(res.Body)
				res.Body.Close()
			}
			switch {
			case tt.status == 0 && err == nil:
				t.Errorf("a complete answer: %s %q", res.Status, body)
			case tt.status != 0 && err != nil:
				t.Fatalf("no answer: %v", err)
			case tt.status != 0:
				if res.StatusCode != tt.status || string(body) != "Interner Fehler\n" {
					t.Errorf("answer: %s %q", res.Status, body)
				}
				if res.Header.Get("ETag") != "" || res.Header.Get("Location") != "" || res.Header.Get("Cache-Control") != "no-store" ||
					res.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
					t.Errorf("headers of the 500: %v", res.Header)
				}
				if tt.name == "before the answer" && res.Header.Get("Content-Security-Policy") == "" {
					t.Errorf("the 500 lost the security headers: %v", res.Header)
				}
			default:
				if !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
					t.Errorf("broken answer: %v", err)
				}
			}
			// Recover and net/http log before the connection is answered or closed.
			out := buf.String()
			_, port, _ := net.SplitHostPort(c.LocalAddr().String())
			if strings.Contains(out, "127.0.0.1") || strings.Contains(out, ":"+port) {
				t.Errorf("the client's address is logged: %s", out)
			}
			if tt.logged == "" {
				if out != "" {
					t.Errorf("logged: %s", out)
				}
				return
			}
			if strings.Count(out, "\n") != 1 || !strings.Contains(out, tt.logged) || !strings.Contains(out, `"stack":"goroutine`) ||
				!strings.Contains(out, `"level":"error"`) {
				t.Errorf("log: %s", out)
			}
		})
	}
}
