package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/answer/flow"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
)

// askLine is one line of `lotse ask --json`.
type askLine struct {
	Message string   `json:"message"`
	Outcome string   `json:"outcome"`
	Guides  []string `json:"guides"`
	Reply   string   `json:"reply"`
}

// cmdAsk prints what Lotse would reply to each message, without a
// homeserver and without a database (or, with --learned-from, with the
// questions learned from cases in the config's database): the same
// decision as the chat path.
func cmdAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "library", "guide library")
	asJSON := fs.Bool("json", false, "one JSON object per message")
	team := fs.Bool("team", false, "ask as a team member (team guides count)")
	lang := fs.String("lang", "de", "reply language (de or en)")
	cases := fs.Bool("cases", true, "support cases are on (a person is offered through a case)")
	web := fs.String("web", "", "web address of the guides (guide_base_url); without it answers offer \"mehr\" instead of a link")
	evalPath := fs.String("eval", "", "TSV file (question<TAB>expected guide ID, smalltalk, human, command or none): print helped, confident-wrong and misses per outcome")
	learnedPath := fs.String("learned-from", "", "config file: also count the questions learned from cases (!lehren) in its database")
	cfgPath := fs.String("c", "", "config file: answer as Lotse with it (its guides_dir, site values, language, guide_base_url, and only the guides of the features it switches on)")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	var loadOpts []guides.Option
	if *cfgPath != "" {
		// Without -c the whole library counts: the engine is measured on
		// it, and the question sets expect every guide.
		cfg, err := config.Load(*cfgPath, os.Getenv)
		if err != nil {
			return fail(exitConfig, err)
		}
		loadOpts = libraryOptions(cfg)
		// A flag given beside -c wins over the config.
		for _, f := range []struct {
			name  string
			value *string
			cfg   string
		}{{"dir", dir, cfg.GuidesDir}, {"lang", lang, cfg.Language}, {"web", web, cfg.GuideBaseURL}} {
			if !isSet(fs, f.name) {
				*f.value = f.cfg
			}
		}
		if !isSet(fs, "cases") {
			*cases = slices.Contains(cfg.Features(), guides.FeatureCases)
		}
	}
	if *learnedPath != "" {
		learned, err := learnedFrom(ctx, *learnedPath)
		if err != nil {
			return err
		}
		loadOpts = append(loadOpts, learned)
	}
	lib, problems, err := loadLibraryProblems(*dir, stderr, loadOpts...)
	if err != nil {
		return err
	}
	opts := answer.Options{Team: *team, Cases: *cases, Texts: answer.TextsFor(*lang)}
	if *evalPath != "" {
		qs, err := readEvalSet(*evalPath, newExpectedChecker(lib, problems, true), *dir, stderr)
		if err != nil {
			return err
		}
		return answer.Evaluate(lib, qs, opts).Write(stdout)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	one := func(msg string) error {
		// The frame follows the language of the message, as in the chat
		// (answer.MessageLang); each message is read on its own, so a
		// follow-up without words of a language gets the install's.
		opts := opts
		opts.Texts = answer.TextsFor(answer.MessageLang(msg, *lang))
		d := answer.Decide(msg, lib, opts)
		// The reply as members get it in the chat (the short answer, the
		// numbered choice), as plain text.
		d.Reply = answer.Compose(d, lib, *team, opts.Texts, answer.ReplyOptions{URL: guideURL(*web)}).Plain
		if *asJSON {
			return enc.Encode(askLine{Message: msg, Outcome: string(d.Outcome), Guides: d.Guides(), Reply: d.Reply})
		}
		note := ""
		if followUp(msg) {
			note = "  (" + askFollowUpNote + ")\n"
		}
		_, err := fmt.Fprintf(stdout, "%s\n  → %s %s\n%s  %s\n\n", msg, d.Outcome, strings.Join(d.Guides(), " "), note,
			strings.ReplaceAll(d.Reply, "\n", "\n  "))
		return err
	}
	if len(words) > 0 {
		return one(strings.Join(words, " "))
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		n++
		if err := one(sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fail(exitUsage, err)
	}
	if n == 0 {
		return fail(exitUsage, errors.New("no message: give one as arguments or one per line on stdin"))
	}
	return nil
}

// askFollowUpNote is printed under a message that only means something
// after an earlier reply of Lotse's: piped as a conversation („mehr“,
// „2“, „ja“), each line was answered alone with "no guide fits" and the
// offer of a case, and the admin checking the library before going live
// read that as Lotse failing (fresh30).
const askFollowUpNote = "in the chat this continues Lotse's previous reply (the rest of a guide, a numbered choice, yes/no to an offer); lotse ask answers every message on its own"

// followUp reports whether msg is a whole message that answers an earlier
// reply: „mehr“, a number from a choice, or a yes or no.
func followUp(msg string) bool {
	if flow.IsMore(msg) {
		return true
	}
	w := chat.NormWords(msg)
	if n, err := strconv.Atoi(w); err == nil && n >= 1 && n <= 9 {
		return true
	}
	return chat.YesWords[w] || chat.NoWords[w] || chat.YesParticles[w] || chat.NoParticles[w]
}
