package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
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
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	cfg, err := siteConfig(*cfgPath)
	if err != nil {
		return err
	}
	if *cfgPath != "" && !isSet(fs, "dir") {
		*dirFlag = cfg.GuidesDir
	}
	dir, rest, err := dirArg(*dirFlag, isSet(fs, "dir"), rest)
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
	lib, err := loadLibrary(dir, stderr, guides.WithVars(siteVars(cfg)))
	if err != nil {
		return err
	}
	var list []string
	for a := range strings.SplitSeq(*audiences, ",") {
		if a = strings.TrimSpace(a); a != "" {
			list = append(list, a)
		}
	}
	opts := webOptions(cfg)
	opts.Audiences, opts.Dir = list, dir
	opts.Log = zerolog.New(zerolog.ConsoleWriter{Out: stderr, NoColor: true}).Level(zerolog.WarnLevel)
	res, err := web.Build(ctx, lib, out, opts)
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintf(stdout, "%s: %d pages and %d images written\n", out, res.Pages, res.Images)
	return nil
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

// webOptions takes the web view's settings from the config.
func webOptions(cfg config.Config) web.Options {
	return web.Options{
		BaseURL:   cfg.GuideBaseURL,
		Audiences: cfg.WebAudiences,
		SiteTitle: cfg.Site.WebTitle,
	}
}

// siteVars turns the site block of the config into the guides' placeholder
// values; the bot's own Matrix ID is {{bot_id}}.
func siteVars(cfg config.Config) guides.Vars {
	s := cfg.Site
	return guides.Vars{
		guides.VarSiteName:     s.Name,
		guides.VarContactEmail: s.ContactEmail,
		guides.VarWebsiteURL:   s.WebsiteURL,
		guides.VarCloudURL:     s.CloudURL,
		guides.VarMeetURL:      s.MeetURL,
		guides.VarChatURL:      s.ChatURL,
		guides.VarMatrixServer: s.MatrixServer,
		guides.VarBotID:        cfg.UserID,
	}
}
