package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/internal/httpserve"
	"github.com/lotse-bot/lotse/web"
)

// webServer bounds the web view's server (InternalError is set per
// language). The web view runs in the bot's process, and anyone on the
// internet may reach it: MaxConns keeps a flood of connections from taking
// the bot's memory and file descriptors (a reader beyond it waits until a
// connection closes; behind the reverse proxy the connections are the
// proxy's), the timeouts keep a slow reader from holding one for ever.
var webServer = httpserve.Default(256, "")

// serveWeb serves the web view of the guide library on cfg.WebListen (within
// webServer) until ctx ends; then it shuts the server down gracefully and
// returns nil. Pages are rendered again after every reload of the store.
//
// votes, when set, counts "War das hilfreich?" from the guide pages.
func serveWeb(ctx context.Context, cfg config.Config, loc *time.Location, store *guides.Store, votes web.Feedback, log zerolog.Logger) error {
	opts := webOptions(cfg, loc)
	opts.Dir, opts.Log, opts.Feedback = store.Dir(), log, votes
	h, err := web.NewHandler(store, opts)
	if err != nil {
		return fmt.Errorf("failed to set up the web view: %w", err)
	}
	if err := h.Prepare(store.Current()); err != nil {
		return fmt.Errorf("failed to render the web view: %w", err)
	}
	store.OnReload(func(lib *guides.Library, _ []guides.Problem) {
		go func() {
			if err := h.Prepare(lib); err != nil {
				log.Err(err).Msg("Failed to render the web view after a reload")
			}
		}()
	})

	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", cfg.WebListen)
	if err != nil {
		return fmt.Errorf("failed to listen on %s for the web view: %w", cfg.WebListen, err)
	}
	log.Info().Stringer("address", ln.Addr()).Str("base_url", cfg.GuideBaseURL).Msg("Serving the web view")
	s := webServer
	s.InternalError = web.TextsFor(cfg.Language).InternalError
	if err := httpserve.Serve(ctx, ln, h, s, log); err != nil {
		return fmt.Errorf("failed to serve the web view: %w", err)
	}
	return nil
}
