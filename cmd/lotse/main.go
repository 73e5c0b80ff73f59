// Command lotse is the Lotse Matrix bot: `lotse run` serves members,
// `lotse demo` starts a local homeserver, the bot and a terminal chat,
// `lotse guides …` works with a guide library, `lotse config …` with the
// configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes of `lotse run`, one per fatal path.
const (
	exitUsage     = 2
	exitConfig    = 10
	exitDatabase  = 12
	exitUpgrade   = 14
	exitGuides    = 16
	exitMatrix    = 18
	exitLocked    = 20 // another process uses the SQLite database
	exitLeaseLost = 22 // the PostgreSQL lease broke; a restart waits as standby
	// another Lotse with a different database runs for the bot account
	// (internal/instance; cmd/lotse/instance.go)
	exitOtherInstance = 24
	exitFailed        = 1
)

// exitError carries an exit code through the command functions, so that
// only main calls os.Exit.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func fail(code int, err error) error { return &exitError{code: code, err: err} }

const usage = `Lotse – der Hilfe-Bot des Digitalisierungsteams (Matrix)

Usage:
  lotse run [-c config.yaml] [--takeover]
                                        run the bot (config file and/or LOTSE_* variables)
  lotse setup [-c config.yaml] [--lang de|en]
                                        check a config against the homeserver, Nextcloud and BBB
  lotse demo [--dir DIR] [--lang de|en] local homeserver + bot + terminal chat (Ctrl-C ends it)
  lotse guides search [--dir DIR] [--json] [-n N] [question]
                                        search a guide library (stdin: one question per line)
  lotse guides eval [--dir DIR] --questions TSV
                                        measure answer quality on a question set
  lotse guides check [-c config.yaml] [--dir DIR | DIR]
                                        lint a guide library (exit code 1 on errors)
  lotse ask [-c config.yaml] [--dir DIR] [--json] [--team] [--lang de|en] [--cases=false] [--web URL]
            [--eval TSV] [--learned-from config.yaml] [MESSAGE…]
                                        what Lotse would reply (stdin: one message per line; no homeserver, no database)
  lotse guides stats [-c config.yaml]   feedback per guide (👍/👎, shown, unanswered)
  lotse guides gaps [-c config.yaml] [--since 30d] [--dir DIR] [--json]
                                        questions Lotse could not answer, grouped (as the team's weekly digest)
  lotse guides learned [-c config.yaml] [--dir DIR] [--export DIR]
                                        questions learned from cases; --export writes them into a copy of the library
  lotse guides build-site [--audiences a,b] [-c config.yaml] [--dir DIR | DIR] --out OUT
                                        write the web view of a library as static files
  lotse guides serve [--audiences a,b] [-c config.yaml] [--dir DIR | DIR] [--listen ADDR]
                                        web view for authors, reloads the page on every save
  lotse privacy retention [--dry-run] [-c config.yaml]
                                        apply (or count) the retention rules now
  lotse privacy export [-c config.yaml] @name:server
                                        every row Lotse keeps about a person, as JSON
  lotse privacy erase [-c config.yaml] [--yes] @name:server
                                        erase a person as !daten-löschen does (without --yes: only count)
  lotse backup [-c config.yaml] FILE    consistent copy of the SQLite database while Lotse runs
  lotse health [--url URL] [--timeout 3s]
                                        exit 0 if URL (default http://127.0.0.1:9180/healthz) answers 200
  lotse config example                  print a commented example configuration
  lotse config check [-c config.yaml]   validate the configuration
  lotse version                         print the version and build details

Every command takes -h or --help. Flags may come before or after other
arguments; the guide library is --dir DIR (default: library) or, where
shown, the first argument; the config file is -c FILE.
`

// verbHelp is the help of each command (`lotse VERB --help`); a command
// without an entry shows the whole usage.
var verbHelp = map[string]string{
	"run": `lotse run [-c config.yaml] [--takeover]
  Runs the bot. Every config key can also come from LOTSE_<KEY>; see
  lotse config example and docs/deployment.md. Another Lotse with a
  different database running for the same bot account refuses the start
  (exit code 24); --takeover (or LOTSE_TAKEOVER=true) starts anyway, and
  that one stops answering (docs/operations.md).`,
	"setup": `lotse setup [-c config.yaml] [--lang de|en]
  Checks a configuration against the real services: the bot can log in,
  every configured room exists, Lotse is in it and it is encrypted where it
  must be, Nextcloud and BigBlueButton answer with the credentials. Prints
  each finding with the fix. Exit code 1 if anything is missing.`,
	"demo": `lotse demo [--dir DIR] [--lang de|en]
  Starts a local homeserver, the bot with the guides in DIR (default
  library) and a terminal chat. Edit a guide while it runs: it reloads.`,
	"ask": `lotse ask [-c config.yaml] [--dir DIR] [--json] [--team] [--lang de|en] [--cases=false] [--web URL] [--eval TSV] [--learned-from config.yaml] [MESSAGE…]
  Prints the reply Lotse would send to each message (arguments, or one per
  line from stdin), without a homeserver and without a database. --json:
  one object per message with the outcome and the guides offered. --team
  asks as a team member (team guides count); --lang en replies in English;
  --cases=false answers as with support cases off (the fallback contact
  instead of a case); --web URL links the guides as guide_base_url does
  (without it a reply offers “mehr” instead of a link). --eval
  TSV measures a question set per outcome (question<TAB>expected: a guide
  ID, smalltalk, human, command, none or -); a row naming a guide the
  library does not have, or an unknown word, is an error (exit code 2,
  no figures) with its line. --learned-from also counts the
  questions the team taught from cases (!lehren), read from that config's
  database, as the running bot does. Without -c every guide of the library
  counts (the engine is measured so); -c answers as Lotse with that config:
  only the guides of the features it switches on (front matter requires),
  its site values, guides_dir, language, guide_base_url and whether support
  cases are on (flags given beside it win).`,
	"guides search": `lotse guides search [--dir DIR] [--json] [-n N] [question]
  Searches the library. Without a question, reads one question per line
  from stdin. --json prints one JSON object per question.`,
	"guides eval": `lotse guides eval [--dir DIR] --questions TSV
  Measures answer quality; TSV lines are question<TAB>expected guide ID
  (- for out of scope). A row naming a guide the library does not have is
  an error (exit code 2, no figures) with its line and a "did you mean".`,
	"guides check": `lotse guides check [-c config.yaml] [--dir DIR | DIR]
  Lints a library: front matter (also the feature names in requires),
  links, anchors, images, unknown placeholders and leftover example.org
  addresses; every guide, whatever the config switches on. With -c, also
  lists the placeholders the config's site block leaves unset. Exit code 1
  on errors and for a folder without a guide.`,
	"guides stats": `lotse guides stats [-c config.yaml]
  Feedback per guide from the database (read-only: a missing database is
  an error, never created).`,
	"guides gaps": `lotse guides gaps [-c config.yaml] [--since 30d] [--dir DIR] [--json]
  The questions Lotse could not answer (kept for failed_question_retention),
  grouped by similarity with counts, example questions and the guides that
  came closest: the same as the weekly digest in the team room, for guide
  authors. Read-only; no user IDs. --dir: the library for the titles
  (default: guides_dir of the config).`,
	"guides learned": `lotse guides learned [-c config.yaml] [--dir DIR] [--export DIR]
  Lists the questions the team taught from support cases (!lehren). With
  --export DIR, copies the library (the config's guides_dir or --dir) to
  the new or empty folder DIR and adds the learned questions to each
  guide's "fragen" list, every other byte unchanged, for review in git;
  they are then marked as exported (!gelernt shows it).`,
	"guides build-site": `lotse guides build-site [--audiences a,b] [-c config.yaml] [--dir DIR | DIR] [--out OUT | OUT]
  Writes the web view of the library as static files, with a prebuilt
  search index; -c takes the site title, Impressum and privacy links and
  placeholder values from the config and leaves out the guides of features
  it has off (front matter requires). --audiences: the audiences whose
  guides are included (default: members).`,
	"guides serve": `lotse guides serve [--audiences a,b] [-c config.yaml] [--dir DIR | DIR] [--listen 127.0.0.1:8080]
  Serves the web view for guide authors and reloads the open page in the
  browser whenever a file in DIR changes. With -c, as build-site -c.
  --audiences: the audiences whose guides are shown (default: the
  config's web_audiences, else members).`,
	"privacy": `lotse privacy retention [--dry-run] [-c config.yaml]
  Applies (or with --dry-run counts) the retention rules now.
lotse privacy export [-c config.yaml] @name:server
  Prints every row Lotse keeps about the person as JSON (what !meine-daten
  sends them): for a request by letter, and as proof after an erasure.
lotse privacy erase [-c config.yaml] [--yes] @name:server
  Erases the person as !daten-löschen does, for a request that does not
  come through the chat. Without --yes it only counts the rows; with it, it
  erases, exports again and prints what is left (exit code 1 if anything).
  Needs the pickle key, as lotse run: it keys the pseudonyms.`,
	"backup": `lotse backup [-c config.yaml] FILE
  Writes a consistent copy of the SQLite database while Lotse runs.`,
	"health": `lotse health [--url URL] [--timeout 3s]
  Exit code 0 if URL answers 200 (container health check).`,
	"config": `lotse config example | check [-c config.yaml]
  example prints a commented example configuration; check validates one,
  also against the guides Lotse would load with it: a site key a guide uses
  and the config leaves unset is an error (exit code 10).`,
	"version": `lotse version
  Prints the version, the commit and the Go version it was built with.`,
}

// wantsHelp reports whether args ask for help (-h, --help or -help before a
// "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--help", "-help":
			return true
		}
	}
	return false
}

// printHelp prints the help of the command in args (its first one or two
// words) or the whole usage.
func printHelp(w io.Writer, args []string) {
	if len(args) >= 2 {
		if h, ok := verbHelp[args[0]+" "+args[1]]; ok {
			fmt.Fprintln(w, "usage: "+h)
			return
		}
	}
	if len(args) >= 1 {
		if h, ok := verbHelp[args[0]]; ok {
			fmt.Fprintln(w, "usage: "+h)
			return
		}
	}
	fmt.Fprint(w, usage)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := runMain(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		code := exitFailed
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		if code != 0 {
			fmt.Fprintln(os.Stderr, "lotse:", err)
		}
		os.Exit(code)
	}
}

func runMain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fail(exitUsage, errors.New("no command given"))
	}
	if wantsHelp(args) {
		printHelp(stdout, args)
		return nil
	}
	switch args[0] {
	case "run":
		return cmdRun(ctx, args[1:], stderr)
	case "demo":
		return cmdDemo(ctx, args[1:], stdin, stdout, stderr)
	case "guides":
		return cmdGuides(ctx, args[1:], stdin, stdout, stderr)
	case "ask":
		return cmdAsk(ctx, args[1:], stdin, stdout, stderr)
	case "config":
		return cmdConfig(args[1:], stdout, stderr)
	case "privacy":
		return cmdPrivacyCLI(ctx, args[1:], stdout, stderr)
	case "health":
		return cmdHealth(ctx, args[1:], stdout, stderr)
	case "backup":
		return cmdBackup(ctx, args[1:], stdout, stderr)
	case "setup":
		return cmdSetup(ctx, args[1:], stdout, stderr)
	case "version":
		return cmdVersion(args[1:], stdout)
	case "help":
		printHelp(stdout, args[1:])
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fail(exitUsage, fmt.Errorf("unknown command %q", args[0]))
	}
}
