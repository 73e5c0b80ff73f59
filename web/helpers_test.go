package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/web"
)

// testLibrary is the fixture library: guides for members and the team, an
// image, a table, a title with <script>, a guide at the root.
const testLibrary = "testdata/library"

// realLibrary is the project's own guide library.
const realLibrary = "../library"

// source is a Source whose library a test can swap.
type source struct {
	lib atomic.Pointer[guides.Library]
}

func (s *source) Current() *guides.Library { return s.lib.Load() }

func loadLibrary(tb testing.TB, dir string) *guides.Library {
	tb.Helper()
	lib, _, err := guides.Load(dir)
	if err != nil {
		tb.Fatalf("load %s: %v", dir, err)
	}
	return lib
}

// newHandler serves the library in dir with opts (Dir is set to dir).
func newHandler(tb testing.TB, dir string, opts web.Options) (*web.Handler, *source) {
	tb.Helper()
	src := &source{}
	src.lib.Store(loadLibrary(tb, dir))
	opts.Dir = dir
	opts.Log = zerolog.Nop()
	h, err := web.NewHandler(src, opts)
	if err != nil {
		tb.Fatalf("NewHandler: %v", err)
	}
	return h, src
}

// response is a recorded response.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request with the raw target (not cleaned) to h.
func do(tb testing.TB, h http.Handler, method, target string, header http.Header) response {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(body)}
}

func get(tb testing.TB, h http.Handler, target string) response {
	tb.Helper()
	return do(tb, h, http.MethodGet, target, nil)
}

func urlPathEscape(s string) string { return url.PathEscape(s) }
