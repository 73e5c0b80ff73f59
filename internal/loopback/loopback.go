// Package loopback serves an http.Handler on a free loopback port, like
// httptest.NewServer but without linking package testing (net/http/httptest
// imports it), so that programs such as the demo can run the fake
// Nextcloud and BigBlueButton servers.
package loopback

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Server is a plain-HTTP server on 127.0.0.1 (or ::1), a free port.
type Server struct {
	// URL is the base address, "http://127.0.0.1:port", without a slash.
	URL    string
	srv    *http.Server
	client *http.Client
}

// Start serves h; it panics if no loopback port is free (as
// httptest.NewServer does).
func Start(h http.Handler) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if ln, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			panic(fmt.Sprintf("loopback: failed to listen on a port: %v", err))
		}
	}
	s := &Server{
		URL:    "http://" + ln.Addr().String(),
		srv:    &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second},
		client: &http.Client{Transport: &http.Transport{}},
	}
	go func() { _ = s.srv.Serve(ln) }()
	return s
}

// Client returns an *http.Client for the server; Close closes its idle
// connections.
func (s *Server) Client() *http.Client { return s.client }

// Close stops accepting connections and waits for requests in progress.
func (s *Server) Close() {
	s.client.CloseIdleConnections()
	_ = s.srv.Shutdown(context.Background())
	s.client.CloseIdleConnections()
}
