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
	exitFailed    = 1
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
  lotse run [-c config.yaml]            run the bot (config file and/or LOTSE_* variables)
  lotse demo [-guides DIR]              local homeserver + bot + terminal chat (Ctrl-C ends it)
  lotse guides search --dir DIR [--json] [question]
                                        search a guide library (stdin: one question per line)
  lotse guides eval --dir DIR --questions TSV
                                        measure answer quality on a question set
  lotse ask [--dir DIR] [--json] [--team] [--eval TSV] [MESSAGE…]
                                        what Lotse would reply (stdin: one message per line; no homeserver, no database)
  lotse guides check DIR                lint a guide library (exit code 1 on errors)
  lotse guides stats [-c config.yaml]   feedback per guide (👍/👎, shown, unanswered)
  lotse guides build-site DIR OUT       write the web view of a library as static files
  lotse privacy retention [--dry-run] [-c config.yaml]
                                        apply (or count) the retention rules now
  lotse backup [-c config.yaml] FILE    consistent copy of the SQLite database while Lotse runs
  lotse health [--url URL]              exit 0 if URL (default http://127.0.0.1:9180/healthz) answers 200
  lotse config example                  print a commented example configuration
  lotse config check [-c config.yaml]   validate the configuration
`

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
	switch args[0] {
	case "run":
		return cmdRun(ctx, args[1:], stderr)
	case "demo":
		return cmdDemo(ctx, args[1:], stdin, stdout, stderr)
	case "guides":
		return cmdGuides(ctx, args[1:], stdin, stdout, stderr)
	case "ask":
		return cmdAsk(args[1:], stdin, stdout, stderr)
	case "config":
		return cmdConfig(args[1:], stdout)
	case "privacy":
		return cmdPrivacyCLI(ctx, args[1:], stdout, stderr)
	case "health":
		return cmdHealth(ctx, args[1:], stdout, stderr)
	case "backup":
		return cmdBackup(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fail(exitUsage, fmt.Errorf("unknown command %q", args[0]))
	}
}
