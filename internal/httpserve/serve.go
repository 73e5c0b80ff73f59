// Package httpserve runs Lotse's HTTP servers (the web view, `lotse guides
// serve`, the operations endpoints) with the same guards: every timeout set,
// a bound on open connections, a panicking handler answered with a plain
// 500, and net/http's own log lines in zerolog without the client's
// address (a reader's IP address is personal data).
package httpserve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// Settings bound one server. Every field must be set: a slow client must
// not hold a connection for ever, and a flood of connections must not take
// the bot's memory or file descriptors.
type Settings struct {
	// MaxConns is how many connections may be open at once; further ones
	// wait in the kernel's accept queue until one closes.
	MaxConns int
	// ReadHeaderTimeout bounds reading a request's header, ReadTimeout the
	// whole request with its body, WriteTimeout writing the answer (from
	// the end of the request's header on), IdleTimeout a kept-alive
	// connection between requests.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// MaxHeaderBytes bounds a request's header, request line included.
	MaxHeaderBytes int
	// ShutdownTimeout is how long open requests may take once ctx ends.
	ShutdownTimeout time.Duration
	// InternalError is the body of the 500 that a panicking request gets.
	InternalError string
}

// Default returns the bounds Lotse's servers share, for maxConns open
// connections and internalError as the text of a panicking request's 500
// ("" for a server that sets it per language before it serves): 5 s to
// read a request's header, 10 s for the whole request, 30 s to write the
// answer (a CPU profile's ?seconds= must stay below), 2 min for an idle
// kept-alive connection, a 16 KB header, 5 s for open requests at
// shutdown.
func Default(maxConns int, internalError string) Settings {
	return Settings{
		MaxConns:          maxConns,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
		ShutdownTimeout:   5 * time.Second,
		InternalError:     internalError,
	}
}

// check reports the first bound that is not set.
func (s Settings) check() error {
	for _, b := range []struct {
		name string
		ok   bool
	}{
		{"MaxConns", s.MaxConns > 0},
		{"ReadHeaderTimeout", s.ReadHeaderTimeout > 0},
		{"ReadTimeout", s.ReadTimeout > 0},
		{"WriteTimeout", s.WriteTimeout > 0},
		{"IdleTimeout", s.IdleTimeout > 0},
		{"MaxHeaderBytes", s.MaxHeaderBytes > 0},
		{"ShutdownTimeout", s.ShutdownTimeout > 0},
		{"InternalError", s.InternalError != ""},
	} {
		if !b.ok {
			return fmt.Errorf("httpserve: %s is not set", b.name)
		}
	}
	return nil
}

// newServer is the http.Server Serve runs: h wrapped in [Recover], every
// bound of s, net/http's log lines to log, requests' contexts from ctx.
func newServer(ctx context.Context, h http.Handler, s Settings, log zerolog.Logger) *http.Server {
	return &http.Server{
		Handler:           Recover(h, s.InternalError, log),
		ReadHeaderTimeout: s.ReadHeaderTimeout,
		ReadTimeout:       s.ReadTimeout,
		WriteTimeout:      s.WriteTimeout,
		IdleTimeout:       s.IdleTimeout,
		MaxHeaderBytes:    s.MaxHeaderBytes,
		ErrorLog:          ErrorLog(log),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// Serve serves h on ln within s until ctx ends; then it shuts the server
// down gracefully (at most s.ShutdownTimeout) and returns nil. Requests'
// contexts end with ctx. h is wrapped in [Recover]; net/http's own log
// lines go to log ([ErrorLog]). Serve closes ln. If serving fails before
// (the listener fails), Serve closes the server, its open connections too,
// and returns the error.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, s Settings, log zerolog.Logger) error {
	if err := s.check(); err != nil {
		ln.Close()
		return err
	}
	srv := newServer(ctx, h, s, log)
	stopped := make(chan error, 1)
	stop := context.AfterFunc(ctx, func() {
		shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.ShutdownTimeout)
		defer cancel()
		stopped <- srv.Shutdown(shutdownCtx)
	})
	if err := srv.Serve(LimitListener(ln, s.MaxConns)); !errors.Is(err, http.ErrServerClosed) {
		// The listener failed: the open connections end now, not when
		// ctx does, and the shutdown no longer waits for ctx.
		stop()
		srv.Close()
		return err
	}
	if err := <-stopped; err != nil {
		log.Warn().Err(err).Msg("Server did not shut down in time")
	}
	return nil
}
