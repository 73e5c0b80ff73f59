package main

import (
	"context"
	"errors"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
)

// serveWeb serves the web view of the guide library until ctx ends.
// (The web view is not built yet; see the issue "The guide library on the web".)
func serveWeb(ctx context.Context, cfg config.Config, store *guides.Store, log zerolog.Logger) error {
	_, _, _, _ = ctx, cfg, store, log
	return errors.New("the web view is not available in this version; leave web_listen empty")
}
