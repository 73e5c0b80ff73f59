package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

func cmdGuides(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fail(exitUsage, errors.New("lotse guides search | eval | check | stats | gaps | learned | build-site | serve (lotse guides CMD --help)"))
	}
	switch args[0] {
	case "search":
		return guidesSearch(args[1:], stdin, stdout, stderr)
	case "eval":
		return guidesEval(args[1:], stdout, stderr)
	case "check":
		return guidesCheck(args[1:], stdout, stderr)
	case "stats":
		return guidesStats(ctx, args[1:], stdout, stderr)
	case "gaps":
		return guidesGaps(ctx, args[1:], stdout, stderr)
	case "learned":
		return guidesLearned(ctx, args[1:], stdout, stderr)
	case "build-site":
		return guidesBuildSite(ctx, args[1:], stdout, stderr)
	case "serve":
		return guidesServe(ctx, args[1:], stdout, stderr)
	}
	return fail(exitUsage, fmt.Errorf("unknown guides command %q", args[0]))
}

// loadLibrary loads dir and reports skipped files on stderr.
func loadLibrary(dir string, stderr io.Writer, opts ...guides.Option) (*guides.Library, error) {
	lib, _, err := loadLibraryProblems(dir, stderr, opts...)
	return lib, err
}

// loadLibraryProblems is loadLibrary that also returns the problems. A
// library without a guide is an error (exitGuides) that says why: every
// answer, search and figure of an empty library would read as the
// engine failing (an empty folder or --dir pointing at the wrong one).
func loadLibraryProblems(dir string, stderr io.Writer, opts ...guides.Option) (*guides.Library, []guides.Problem, error) {
	lib, problems, err := guides.Load(dir, opts...)
	if err != nil {
		return nil, nil, fail(exitGuides, err)
	}
	for _, p := range problems {
		if p.Warning {
			fmt.Fprintln(stderr, p.String())
		} else {
			fmt.Fprintf(stderr, "%s (skipped)\n", p.String())
		}
	}
	if lib.Len() == 0 {
		return nil, nil, fail(exitGuides, noGuidesError(dir, problems, len(lib.LeftOut())))
	}
	return lib, problems, nil
}

// skippedFiles counts the files that did not load: the files with an
// error among problems. Not the errors: a file with three faults was
// „3 files have errors“ (mend31a).
func skippedFiles(problems []guides.Problem) int {
	files := map[string]bool{}
	for _, p := range problems {
		if !p.Warning {
			files[p.File] = true
		}
	}
	return len(files)
}

// noGuidesError says why the library in dir has no guide: every file has
// errors (skipped files), every guide needs a feature the config switches
// off (leftOut), or there is no guide file at all.
func noGuidesError(dir string, problems []guides.Problem, leftOut int) error {
	skipped := skippedFiles(problems)
	switch {
	case skipped > 0:
		return fmt.Errorf(chat.Plural("no guide loaded from %s: %d file has errors and was skipped (see above; lotse guides check %s)|no guide loaded from %s: %d files have errors and were skipped (see above; lotse guides check %s)", skipped), dir, skipped, dir)
	case leftOut > 0:
		if leftOut == 1 {
			return fmt.Errorf("no guide loaded from %s: its only guide needs a feature the config switches off", dir)
		}
		return fmt.Errorf("no guide loaded from %s: all %d guides need features the config switches off", dir, leftOut)
	}
	return fmt.Errorf("no guide in %s: it has no .md guide files; is it the library folder (shipped: library)?", dir)
}

// searchLine is one line of `lotse guides search --json` (the benchmark interface).
type searchLine struct {
	Query     string       `json:"query"`
	Confident bool         `json:"confident"`
	Results   []searchItem `json:"results"`
}

type searchItem struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Score float64 `json:"score"`
}

func guidesSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("guides search", stderr)
	dir := fs.String("dir", "library", "guide library")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	limit := fs.Int("n", 5, "results per question")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return fail(exitUsage, errors.New("-n must be at least 1"))
	}
	lib, err := loadLibrary(*dir, stderr)
	if err != nil {
		return err
	}
	answer := func(q string) error {
		res := lib.Search(q, *limit)
		hits, confident := res.Shown()
		if *asJSON {
			line := searchLine{Query: q, Confident: confident, Results: []searchItem{}}
			for _, h := range hits {
				line.Results = append(line.Results, searchItem{ID: h.ID, Title: h.Title, Score: h.Score})
			}
			return json.NewEncoder(stdout).Encode(line)
		}
		verdict := "kein sicherer Treffer (\"keine passende Anleitung\")"
		if confident {
			verdict = "sicher (Lotse antwortet mit Platz 1)"
		} else if res.Close {
			verdict = "unsicher (Lotse fragt „Meintest du …?“)"
		}
		fmt.Fprintf(stdout, "%s\n  → %s\n", q, verdict)
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		for i, h := range hits {
			fmt.Fprintf(tw, "  %d.\t%.3f\t%s\t%s\n", i+1, h.Score, h.ID, h.Title)
		}
		return tw.Flush()
	}
	if q := strings.TrimSpace(strings.Join(words, " ")); q != "" {
		return answer(q)
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		if q := strings.TrimSpace(sc.Text()); q != "" {
			n++
			if err := answer(q); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fail(exitUsage, err)
	}
	if n == 0 {
		// An empty pipe printed nothing and exited 0: a benchmark fed the
		// wrong file measured nothing without a word.
		return fail(exitUsage, errors.New("no question: give one as arguments or one per line on stdin"))
	}
	return nil
}

func guidesEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides eval", stderr)
	dirFlag := fs.String("dir", "library", "guide library")
	questions := fs.String("questions", "", "TSV file: question<TAB>expected guide ID (- for out of scope)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	dir, rest, err := dirArg(*dirFlag, isSet(fs, "dir"), rest)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q", rest[0]))
	}
	if *questions == "" {
		return fail(exitUsage, errors.New("--questions is required"))
	}
	lib, problems, err := loadLibraryProblems(dir, stderr)
	if err != nil {
		return err
	}
	qs, err := readEvalSet(*questions, newExpectedChecker(lib, problems, false), dir, stderr)
	if err != nil {
		return err
	}
	return lib.Evaluate(qs).Write(stdout)
}

func guidesCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides check", stderr)
	dirFlag := fs.String("dir", "library", "guide library")
	cfgPath := fs.String("c", "", "config file (placeholder values from its site block; its guides_dir is the default library)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	var opts []guides.Option
	var withCfg *config.Config
	if *cfgPath != "" {
		cfg, err := config.Load(*cfgPath, os.Getenv)
		if err != nil {
			return fail(exitConfig, err)
		}
		if !isSet(fs, "dir") {
			*dirFlag = cfg.GuidesDir
		}
		opts = append(opts, guides.WithVars(siteVars(cfg)))
		withCfg = &cfg
	}
	dir, rest, err := dirArg(*dirFlag, isSet(fs, "dir"), rest)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse guides check [--dir DIR | DIR])", rest[0]))
	}
	if withCfg != nil {
		warnUnsetPlaceholders(stdout, *withCfg, dir)
	}
	problems, err := guides.Check(dir, opts...)
	if err != nil {
		return fail(exitGuides, err)
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p.String())
	}
	if guides.HasErrors(problems) {
		return fail(exitFailed, fmt.Errorf(chat.Plural("%d problem in %s|%d problems in %s", len(problems)), len(problems), dir))
	}
	// A folder without a guide has no problem either: say that it is
	// empty, not "no problems found" (an empty folder, or the wrong one).
	lib, _, err := guides.Load(dir, opts...)
	if err != nil {
		return fail(exitGuides, err)
	}
	if lib.Len() == 0 {
		return fail(exitFailed, noGuidesError(dir, nil, 0))
	}
	count := fmt.Sprintf(chat.Plural("%d guide|%d guides", lib.Len()), lib.Len())
	if len(problems) > 0 {
		// Warnings only: the library loads as it is, but say so, not
		// "no problems" under a list of them.
		fmt.Fprintf(stdout, "%s: no errors, %d warning(s) (%s)\n", dir, len(problems), count)
		return nil
	}
	fmt.Fprintf(stdout, "%s: no problems found (%s)\n", dir, count)
	return nil
}

// warnUnsetPlaceholders warns, as `lotse config check` fails, about every
// site key that a guide of the library in dir, loaded as Lotse loads it
// with cfg, uses and cfg leaves unset. A library that does not load is
// left to guides.Check's own report.
func warnUnsetPlaceholders(w io.Writer, cfg config.Config, dir string) {
	lib, _, err := guides.Load(dir, libraryOptions(cfg)...)
	if err != nil {
		return
	}
	for _, p := range cfg.PlaceholderProblems(lib.Placeholders()) {
		fmt.Fprintf(w, "warning: %s\n", p)
	}
}

func guidesStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("guides stats", stderr)
	path := fs.String("c", "", "config file (for the database)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected argument %q (lotse guides stats [-c config.yaml])", rest[0]))
	}
	_, db, err := openExisting(ctx, *path)
	if err != nil {
		return err
	}
	defer db.Close()
	stats, noMatch, err := db.Feedback.Stats(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "guide\tshown\t👍\t👎")
	for _, s := range stats {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", s.GuideID, s.Shown, s.Helpful, s.Unhelpful)
	}
	fmt.Fprintf(tw, "(no guide fitted)\t%d\t\t\n", noMatch)
	return tw.Flush()
}

// databaseExists reports an error if uri is a SQLite file that does not
// exist (opening it would create an empty database).
func databaseExists(uri string) error {
	if storage.IsPostgres(uri) || uri == ":memory:" {
		return nil
	}
	file, _, _ := strings.Cut(strings.TrimPrefix(uri, "file:"), "?")
	if _, err := os.Stat(file); err != nil {
		return fmt.Errorf("no database at %s (Lotse has not run with this config yet, or -c points to another config): %w", file, err)
	}
	return nil
}
