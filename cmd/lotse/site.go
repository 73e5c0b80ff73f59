package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/internal/httpserve"
	"github.com/lotse-bot/lotse/web"
)

// guidesBuildSite implements `lotse guides build-site [--audiences a,b]
// [-c config.yaml] [--dir DIR | DIR] [--out OUT | OUT]`: the web view of the
// library in DIR as a static site in OUT.
func guidesBuildSite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides build-site", stderr)
	audiences := fs.String("audiences", guides.DefaultAudience, "comma-separated audiences whose guides are included")
	dirFlag := fs.String("dir", "library", "guide library")
	outFlag := fs.String("out", "", "output folder")
	cfgPath := fs.String("c", "", "config file (site title, Impressum and privacy links, placeholder values)")
	cfg, dir, rest, err := siteArgs(fs, args, dirFlag, cfgPath)
	if err != nil {
		return err
	}
	out := *outFlag
	if len(rest) > 0 && out == "" {
		out, rest = rest[0], rest[1:]
	}
	if out == "" || len(rest) > 0 {
		return fail(exitUsage, errors.New("lotse guides build-site [--dir DIR | DIR] [--out OUT | OUT]"))
	}
	lib, err := loadLibrary(dir, stderr, siteLibraryOptions(cfg, *cfgPath)...)
	if err != nil {
		return err
	}
	opts, err := siteOptions(cfg)
	if err != nil {
		return err
	}
	opts.Audiences, opts.Dir = splitList(*audiences), dir
	opts.Log = zerolog.New(zerolog.ConsoleWriter{Out: stderr, NoColor: true}).Level(zerolog.WarnLevel)
	res, err := web.Build(ctx, lib, out, opts)
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintf(stdout, "%s: %s and %s written\n", out, fmt.Sprintf(chat.Plural("%d page|%d pages", res.Pages), res.Pages),
		fmt.Sprintf(chat.Plural("%d image|%d images", res.Images), res.Images))
	if len(res.Skipped) > 0 {
		fmt.Fprintf(stdout, "%s: %d SVG image(s) with active content not copied (see the warnings above): %s\n", out, len(res.Skipped), strings.Join(res.Skipped, ", "))
	}
	return nil
}

// siteArgs parses the arguments of a site verb and returns the config (for
// the site keys), the library folder (--dir, else a first argument, else the
// config's guides_dir when -c is given) and the other arguments.
func siteArgs(fs *flag.FlagSet, args []string, dirFlag, cfgPath *string) (config.Config, string, []string, error) {
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return config.Config{}, "", nil, err
	}
	cfg, err := siteConfig(*cfgPath)
	if err != nil {
		return cfg, "", nil, err
	}
	if *cfgPath != "" && !isSet(fs, "dir") {
		*dirFlag = cfg.GuidesDir
	}
	dir, rest, err := dirArg(*dirFlag, isSet(fs, "dir"), rest)
	return cfg, dir, rest, err
}

// siteLibraryOptions are the load options of a site verb: with a config
// file (-c), the library as Lotse loads it with that config (placeholder
// values, only the guides of the features that are on); without one, every
// guide, with the placeholder values of the environment.
func siteLibraryOptions(cfg config.Config, cfgPath string) []guides.Option {
	if cfgPath == "" {
		return []guides.Option{guides.WithVars(siteVars(cfg))}
	}
	return libraryOptions(cfg)
}

// siteConfig loads the config at path for the site keys, or the defaults
// when path is empty (the environment is read either way).
func siteConfig(path string) (config.Config, error) {
	cfg, err := config.Load(path, os.Getenv)
	if err != nil {
		return cfg, fail(exitConfig, err)
	}
	return cfg, nil
}

// siteOptions is webOptions for a command of its own: it loads the
// config's time zone.
func siteOptions(cfg config.Config) (web.Options, error) {
	loc, err := cfg.Location()
	if err != nil {
		return web.Options{}, fail(exitConfig, err)
	}
	return webOptions(cfg, loc), nil
}

// webOptions takes the web view's settings from the config; loc is its
// time zone ([config.Config.Location]).
func webOptions(cfg config.Config, loc *time.Location) web.Options {
	opts := web.Options{
		BaseURL:      cfg.GuideBaseURL,
		Audiences:    cfg.WebAudiences,
		SiteTitle:    cfg.Site.WebTitle,
		ImpressumURL: cfg.Site.ImpressumURL,
		PrivacyURL:   cfg.Site.PrivacyURL,
		ChatURL:      chatLink(cfg.UserID),
		Location:     loc,
		Language:     cfg.Language,
	}
	return opts
}

// chatLink is the matrix.to link that opens a chat with Lotse, or "" when
// no bot account is configured.
func chatLink(userID string) string {
	if !strings.HasPrefix(userID, "@") || !strings.Contains(userID, ":") {
		return ""
	}
	return "https://matrix.to/#/" + url.PathEscape(userID)
}

// guidesServeServer bounds the server of `lotse guides serve`, for one
// author's browser (every open page holds a live-reload stream).
var guidesServeServer = httpserve.Default(64, "")

// guidesServe implements `lotse guides serve [-c config.yaml] [--dir DIR |
// DIR] [--listen ADDR]`: the web view for guide authors. Every change in
// DIR reloads the library and the open pages in the browser.
func guidesServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides serve", stderr)
	dirFlag := fs.String("dir", "library", "guide library")
	listen := fs.String("listen", "127.0.0.1:8080", "address to serve on (keep it on loopback)")
	audiences := fs.String("audiences", "", "comma-separated audiences shown (default: the config's web_audiences, else members)")
	cfgPath := fs.String("c", "", "config file (site title, links, placeholder values)")
	cfg, dir, rest, err := siteArgs(fs, args, dirFlag, cfgPath)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse guides serve [--dir DIR | DIR])", rest[0]))
	}
	log := zerolog.New(zerolog.ConsoleWriter{Out: stderr, NoColor: true}).Level(zerolog.InfoLevel).With().Timestamp().Logger()
	store, err := guides.NewStore(dir, log, siteLibraryOptions(cfg, *cfgPath)...)
	if err != nil {
		return fail(exitGuides, err)
	}
	opts, err := siteOptions(cfg)
	if err != nil {
		return err
	}
	opts.BaseURL = "" // served at the root, whatever the production URL is
	if *audiences != "" {
		opts.Audiences = splitList(*audiences)
	}
	opts.Dir, opts.Log, opts.LiveReload = dir, log, true
	h, err := web.NewHandler(store, opts)
	if err != nil {
		return fail(exitConfig, err)
	}
	lr := web.NewLiveReload()
	store.OnReload(func(lib *guides.Library, _ []guides.Problem) {
		if err := h.Prepare(lib); err != nil {
			log.Err(err).Msg("Failed to render the web view after a reload")
		}
		lr.Notify()
	})
	mux := http.NewServeMux()
	mux.Handle(web.LiveReloadPath, lr)
	mux.Handle("/", h)
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", *listen)
	if err != nil {
		return fail(exitUsage, fmt.Errorf("failed to listen on %s: %w", *listen, err))
	}
	var handler http.Handler = mux
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
		handler = web.LocalOnly(cfg.Language, mux) // no DNS rebinding from a page the author opens
	}
	watchErr := make(chan error, 1)
	go func() { watchErr <- store.Watch(ctx) }()
	fmt.Fprintf(stdout, "Guides at http://%s/ – every change in %s reloads the page (Ctrl-C stops).\n", ln.Addr(), dir)
	s := guidesServeServer
	s.InternalError = web.TextsFor(cfg.Language).InternalError
	if err := httpserve.Serve(ctx, ln, handler, s, log); err != nil {
		return fail(exitFailed, err)
	}
	if err := <-watchErr; err != nil {
		return fail(exitGuides, err)
	}
	return nil
}

// splitList splits a comma-separated flag value.
func splitList(s string) []string {
	var list []string
	for a := range strings.SplitSeq(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			list = append(list, a)
		}
	}
	return list
}

// siteVars turns the site block of the config into the guides' placeholder
// values; the bot's own Matrix ID is {{bot_id}}.
func siteVars(cfg config.Config) guides.Vars {
	return guides.Vars(cfg.PlaceholderValues())
}

// libraryOptions are how Lotse loads the library with cfg: the site's
// placeholder values, and only the guides of the features cfg switches on
// (front matter "requires").
func libraryOptions(cfg config.Config) []guides.Option {
	return []guides.Option{guides.WithVars(siteVars(cfg)), guides.WithFeatures(cfg.Features()...)}
}
