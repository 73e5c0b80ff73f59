package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/web"
)

// guidesBuildSite implements `lotse guides build-site [--audiences a,b] DIR OUT`:
// the web view of the library in DIR as a static site in OUT.
func guidesBuildSite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("guides build-site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	audiences := fs.String("audiences", guides.DefaultAudience, "comma-separated audiences whose guides are included")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: lotse guides build-site [--audiences members,…] DIR OUT")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fail(exitUsage, err)
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fail(exitUsage, errors.New("lotse guides build-site DIR OUT"))
	}
	dir, out := fs.Arg(0), fs.Arg(1)
	lib, err := loadLibrary(dir, stderr)
	if err != nil {
		return err
	}
	var list []string
	for a := range strings.SplitSeq(*audiences, ",") {
		if a = strings.TrimSpace(a); a != "" {
			list = append(list, a)
		}
	}
	res, err := web.Build(ctx, lib, out, web.Options{
		Audiences: list,
		Dir:       dir,
		Log:       zerolog.New(zerolog.ConsoleWriter{Out: stderr, NoColor: true}).Level(zerolog.WarnLevel),
	})
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintf(stdout, "%s: %d pages and %d images written\n", out, res.Pages, res.Images)
	return nil
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
