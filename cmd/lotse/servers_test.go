package main

import (
	"testing"

	"github.com/lotse-bot/lotse/internal/httpserve"
)

// TestServersBounded: every HTTP server of the binary (the web view, the
// operations endpoints, `lotse guides serve`) bounds its connections and
// every phase of a request (httpserve.Serve refuses to start without; the
// web view's and guides serve's InternalError is set per language).
// Before, the operations server had no ReadTimeout or IdleTimeout, guides
// serve only a ReadHeaderTimeout, and none bounded its connections.
func TestServersBounded(t *testing.T) {
	for name, s := range map[string]httpserve.Settings{"web view": webServer, "ops": opsServer, "guides serve": guidesServeServer} {
		if s.MaxConns <= 0 || s.ReadHeaderTimeout <= 0 || s.ReadTimeout < s.ReadHeaderTimeout || s.WriteTimeout <= 0 ||
			s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 || s.MaxHeaderBytes > 64<<10 || s.ShutdownTimeout <= 0 {
			t.Errorf("%s: %+v", name, s)
		}
	}
	if opsServer.InternalError == "" {
		t.Error("ops: no text for a panicking request")
	}
}
