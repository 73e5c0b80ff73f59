package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
)

// gapsJSON is the output of `lotse guides gaps --json`.
type gapsJSON struct {
	From      time.Time   `json:"from"`
	To        time.Time   `json:"to"`
	Questions int         `json:"questions"`
	Groups    []gapsGroup `json:"groups"`
}

// gapsGroup is a [gaps.Group] with the titles of its guides.
type gapsGroup struct {
	gaps.Group
	Guides []gapsGuide `json:"guides"`
}

type gapsGuide struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
}

// guidesGaps prints the questions Lotse could not answer, grouped by
// similarity, as the team room's weekly digest shows them (read-only).
func guidesGaps(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides gaps", stderr)
	path := fs.String("c", "", "config file (for the database and the guide library)")
	sinceFlag := fs.String("since", "30d", "how far back: days (30d), weeks (2w) or a duration (36h)")
	dirFlag := fs.String("dir", "", "guide library for the titles (default: guides_dir of the config)")
	asJSON := fs.Bool("json", false, "JSON instead of text")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse guides gaps [-c config.yaml] [--since 30d] [--dir DIR] [--json])", rest[0]))
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return fail(exitUsage, err)
	}
	cfg, db, err := openExisting(ctx, *path)
	if err != nil {
		return err
	}
	defer db.Close()
	loc, err := cfg.Location()
	if err != nil {
		return fail(exitConfig, err)
	}
	lib, _, err := configLibrary(cfg, *dirFlag, stderr)
	if err != nil {
		return err
	}
	// Like the digest: a choice younger than choice_ttl may still be picked.
	now := time.Now()
	from, to := now.Add(-since), now.Add(-cfg.ChoiceTTL)
	qs, n, err := db.Gaps().Latest(ctx, from, to, gaps.MaxGrouped)
	if err != nil {
		return err
	}
	groups := gaps.GroupQuestions(qs)
	if *asJSON {
		out := gapsJSON{From: from.UTC(), To: to.UTC(), Questions: n, Groups: []gapsGroup{}}
		for _, g := range groups {
			jg := gapsGroup{Group: g, Guides: []gapsGuide{}}
			for _, id := range g.Guides {
				gg := gapsGuide{ID: id}
				if gd, ok := lib.Get(id); ok {
					gg.Title = gd.Title
				}
				jg.Guides = append(jg.Guides, gg)
			}
			out.Groups = append(out.Groups, jg)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tx := gaps.TextsFor(cfg.Language)
	if n == 0 {
		fmt.Fprintf(stdout, "%s\n", noGaps(tx.Lang, since))
		return nil
	}
	plain, _ := chat.Render(gaps.Markdown(tx, lib, groups, n, from.In(loc), to.In(loc)))
	// Questions kept before control characters were dropped on keeping
	// still hold them: none reaches the terminal (line by line, the lines
	// stay).
	lines := strings.Split(plain, "\n")
	for i, l := range lines {
		lines[i] = chat.OneLineName(l)
	}
	_, err = fmt.Fprintln(stdout, strings.Join(lines, "\n"))
	return err
}

// noGaps says that nothing was kept in the period since (whole days, or
// hours when since is no whole number of days).
func noGaps(lang string, since time.Duration) string {
	n, forms := int(since/(24*time.Hour)), map[string]string{"de": "%d Tag|%d Tage", "en": "%d day|%d days"}
	if since%(24*time.Hour) != 0 {
		n, forms = int((since+time.Hour-1)/time.Hour), map[string]string{"de": "%d Stunde|%d Stunden", "en": "%d hour|%d hours"}
	}
	if lang != "en" {
		lang = "de"
	}
	period := chat.Format(chat.Plural(forms[lang], n), n)
	if lang == "en" {
		return "No unanswered questions kept – period: " + period + "."
	}
	return "Keine unbeantworteten Fragen gespeichert – Zeitraum: " + period + "."
}

// parseSince reads "30d", "2w" or a Go duration ("36h").
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := errors.New("--since must be like 30d, 2w or 36h, not " + strconv.Quote(s))
	var d time.Duration
	switch {
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil {
			return 0, bad
		}
		d = time.Duration(n) * 24 * time.Hour
		if strings.HasSuffix(s, "w") {
			d *= 7
		}
	default:
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, bad
		}
	}
	if d <= 0 || d > 10*365*24*time.Hour {
		return 0, bad
	}
	return d, nil
}

// configLibrary loads the guide library of a command with a --dir flag:
// dirFlag when set, else the config's guides_dir. It returns the folder
// it read, for messages.
func configLibrary(cfg config.Config, dirFlag string, stderr io.Writer) (*guides.Library, string, error) {
	dir := cfg.GuidesDir
	if dirFlag != "" {
		dir = dirFlag
	}
	lib, err := loadLibrary(dir, stderr)
	return lib, dir, err
}
