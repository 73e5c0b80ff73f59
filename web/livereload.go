package web

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// LiveReloadPath is where [LiveReload] serves its script and event stream,
// below the site's base path.
const LiveReloadPath = "/_lotse/"

// liveReloadJS reloads the page when the server says the library changed.
// EventSource reconnects by itself after a server restart.
const liveReloadJS = `(function () {
  "use strict";
  var es = new EventSource(document.currentScript.src.replace(/reload\.js$/, "events"));
  es.addEventListener("reload", function () { window.location.reload(); });
  window.lotseLiveReload = es;
})();
`

// LiveReload tells open pages to reload after the library changed, for
// guide authors (`lotse guides serve`). Mount it at [LiveReloadPath] and
// set Options.LiveReload on the [Handler]. It is safe for concurrent use.
type LiveReload struct {
	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every Notify
}

// NewLiveReload returns a LiveReload without open pages.
func NewLiveReload() *LiveReload {
	return &LiveReload{changed: make(chan struct{})}
}

// Notify makes every open page reload.
func (lr *LiveReload) Notify() {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	close(lr.changed)
	lr.changed = make(chan struct{})
}

// wait returns the channel closed on the next Notify.
func (lr *LiveReload) wait() <-chan struct{} {
	lr.mu.Lock()
	defer lr.mu.Unlock()
	return lr.changed
}

// ServeHTTP serves reload.js and the event stream "events".
func (lr *LiveReload) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	switch {
	case strings.HasSuffix(r.URL.Path, LiveReloadPath+"reload.js"):
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(liveReloadJS))
	case strings.HasSuffix(r.URL.Path, LiveReloadPath+"events"):
		lr.events(w, r)
	default:
		http.NotFound(w, r)
	}
}

// liveReloadKeepAlive is how often the event stream sends a comment, and
// liveReloadWriteTimeout how long each of its writes may take.
const (
	liveReloadKeepAlive    = 30 * time.Second
	liveReloadWriteTimeout = time.Minute
)

// events streams one "reload" event per change until the client leaves;
// a comment every 30 s keeps proxies from closing the stream. The stream
// outlives the server's WriteTimeout, so every write gets a deadline of
// its own: a page that stops reading still loses its connection.
func (lr *LiveReload) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	rc := http.NewResponseController(w)
	deadline := func() { _ = rc.SetWriteDeadline(time.Now().Add(liveReloadWriteTimeout)) }
	// Subscribe before the client sees the stream open: a change right
	// after that must reach it.
	changed := lr.wait()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	deadline()
	fmt.Fprint(w, ": lotse live reload\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(liveReloadKeepAlive)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-keepAlive.C:
			deadline()
			fmt.Fprint(w, ": ping\n\n")
		case <-changed:
			changed = lr.wait()
			deadline()
			fmt.Fprint(w, "event: reload\ndata: {}\n\n")
		}
		flusher.Flush()
	}
}
