package httpserve

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"

	"github.com/rs/zerolog"
)

// Recover answers a request whose handler panics with a plain 500 and the
// text internalError, and logs the panic with its stack to log, without
// anything about the request (no address, no path, no query). Without it
// net/http logs the panic with the client's address and just closes the
// connection. When the answer has begun already, the connection is closed
// (http.ErrAbortHandler, which net/http does not log): the reader sees a
// broken answer rather than a page that looks complete.
func Recover(next http.Handler, internalError string, log zerolog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &startWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			log.Error().Str("panic", fmt.Sprint(v)).Str("stack", string(debug.Stack())).
				Msg("A request's handler panicked")
			if sw.started {
				panic(http.ErrAbortHandler)
			}
			hdr := w.Header()
			for k := range hdr {
				if !securityHeaders[k] {
					delete(hdr, k)
				}
			}
			hdr.Set("Cache-Control", "no-store")
			http.Error(w, internalError, http.StatusInternalServerError)
		}()
		next.ServeHTTP(sw, r)
	})
}

// securityHeaders stay on the 500 of a panicking request; any other header
// the handler set (a page's ETag, a redirect's Location) goes.
var securityHeaders = map[string]bool{
	"Content-Security-Policy":      true,
	"X-Content-Type-Options":       true,
	"Referrer-Policy":              true,
	"X-Frame-Options":              true,
	"Cross-Origin-Resource-Policy": true,
}

// startWriter notes whether the answer has begun.
type startWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startWriter) WriteHeader(code int) {
	if code >= 200 || code == http.StatusSwitchingProtocols {
		w.started = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *startWriter) Write(p []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(p)
}

// Flush keeps the writer an http.Flusher (the live reload's event stream).
func (w *startWriter) Flush() {
	w.started = true
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// ReadFrom keeps sendfile for http.ServeContent.
func (w *startWriter) ReadFrom(r io.Reader) (int64, error) {
	w.started = true
	if rf, ok := w.ResponseWriter.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{w.ResponseWriter}, r)
}

// Unwrap lets http.ResponseController reach the connection (deadlines).
func (w *startWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
