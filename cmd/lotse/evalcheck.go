package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// maxBadRowsShown is how many rows with an unknown expected value an
// evaluation names; the rest are counted.
const maxBadRowsShown = 5

// maxHintLen bounds the expected values a hint is looked for (and the
// length shown): an ID is a few dozen characters, and a pasted paragraph
// in the wrong column must not cost more than reading it.
const maxHintLen = 300

// expectedChecker tells whether an expected value of a question set names
// something the evaluation knows: a guide of the library as loaded, or
// one of the words the verb takes (words). Everything else would be
// counted as a miss that no engine can ever hit — 0 % helped and
// "confident wrong" for a typo in the file, not for the engine.
type expectedChecker struct {
	lib   *guides.Library
	verb  string   // "lotse ask --eval" or "lotse guides eval"
	words []string // the non-guide values the verb takes
	// outcomes are the other verb's words: named in the hint when one is
	// given to the verb that does not take it.
	outcomes []string
	// skipped are the files the load skipped (errors), as slash paths.
	skipped []string
	leftOut map[string]bool
	// bySuffix maps every trailing part of a guide ID after a slash
	// ("x.md" of "bbb/x.md") to the IDs ending in it, for a library loaded
	// from the folder above the one the set's IDs start in.
	bySuffix map[string][]string
	byFold   map[string][]string // lower-case ID → IDs
}

// badRow is one row whose expected value the evaluation does not know.
type badRow struct {
	line     int
	expected string
	hint     string // "did you mean …?" or why, or ""
	// suggest is the guide ID or word the value probably meant, or "".
	suggest string
}

// newExpectedChecker prepares the checks for lib, loaded with problems;
// ask selects the words of `lotse ask --eval` (outcomes), else those of
// `lotse guides eval` (only "-").
func newExpectedChecker(lib *guides.Library, problems []guides.Problem, ask bool) *expectedChecker {
	c := &expectedChecker{lib: lib, leftOut: map[string]bool{}, bySuffix: map[string][]string{}, byFold: map[string][]string{}}
	outcomes := slices.DeleteFunc(answer.ExpectedWords(), func(w string) bool { return w == search.OutOfScope })
	if ask {
		c.verb, c.words = "lotse ask --eval", answer.ExpectedWords()
	} else {
		c.verb, c.words, c.outcomes = "lotse guides eval", []string{search.OutOfScope}, outcomes
	}
	for _, p := range problems {
		if !p.Warning {
			c.skipped = append(c.skipped, filepath.ToSlash(p.File))
		}
	}
	for _, id := range lib.LeftOut() {
		c.leftOut[id] = true
	}
	for _, g := range lib.Guides() {
		c.byFold[strings.ToLower(g.ID)] = append(c.byFold[strings.ToLower(g.ID)], g.ID)
		for i := range len(g.ID) {
			if g.ID[i] == '/' {
				c.bySuffix[g.ID[i+1:]] = append(c.bySuffix[g.ID[i+1:]], g.ID)
			}
		}
	}
	return c
}

// check returns the rows whose expected value is unknown, and the number
// of rows that expect a guide the config's features leave out (known, and
// counted as misses: Lotse with this config cannot answer them).
func (c *expectedChecker) check(rows []search.Row) (bad []badRow, leftOut int) {
	for _, r := range rows {
		exp := r.Expected
		switch {
		case slices.Contains(c.words, exp) || c.lib.Has(exp):
		case c.leftOut[exp]:
			leftOut++
		default:
			row := badRow{line: r.Line, expected: exp}
			if len(bad) < maxBadRowsShown { // only the rows shown get a hint
				row.hint, row.suggest = c.hint(exp)
			}
			bad = append(bad, row)
		}
	}
	return bad, leftOut
}

// hint says what an unknown expected value probably meant, in English
// for the CLI, and the value it probably meant ("" if none).
func (c *expectedChecker) hint(exp string) (hint, suggest string) {
	if len(exp) > maxHintLen {
		return "", ""
	}
	lower := strings.ToLower(exp)
	typo := func(w string) bool {
		return lower == w || (!strings.ContainsAny(exp, "/.") && levenshtein.ComputeDistance(lower, w) <= 2)
	}
	// A word of the other verb, or one in another case or with a typo.
	for _, w := range c.outcomes {
		if typo(w) {
			return fmt.Sprintf("%s is an outcome of lotse ask --eval; %s takes a guide ID, or %s if no guide answers", w, c.verb, search.OutOfScope), ""
		}
	}
	for _, w := range c.words {
		if w != search.OutOfScope && typo(w) {
			return "did you mean " + w + "?", w
		}
	}
	if id := c.guideFor(exp); id != "" {
		if strings.HasSuffix(id, "/"+strings.TrimPrefix(exp, "./")) || strings.HasSuffix(id, "/"+strings.TrimPrefix(exp, "./")+".md") {
			return "did you mean " + id + "? (is --dir the folder above the library?)", id
		}
		return "did you mean " + id + "?", id
	}
	for _, f := range c.skipped {
		if f == exp || strings.HasSuffix(f, "/"+exp) {
			return "the file is in the library but has errors and was not loaded (see above; lotse guides check)", ""
		}
	}
	return "", ""
}

// guideFor returns the one guide an unknown expected value most likely
// names: with "./", a leading folder (the library's own name) or the
// ".md" left out or added, or in another case; "" if none or several.
func (c *expectedChecker) guideFor(exp string) string {
	s := strings.TrimLeft(strings.ReplaceAll(exp, `\`, "/"), "/")
	for strings.HasPrefix(s, "./") {
		s = strings.TrimLeft(s[2:], "/")
	}
	forms := func(s string) []string {
		if strings.HasSuffix(s, ".md") {
			return []string{s}
		}
		return []string{s, s + ".md"}
	}
	// The ID itself, then without each leading folder in turn.
	for i, rest := 0, s; rest != "" && i < 8; i++ {
		for _, f := range forms(rest) {
			if c.lib.Has(f) || c.leftOut[f] {
				return f
			}
		}
		_, after, ok := strings.Cut(rest, "/")
		if !ok {
			break
		}
		rest = after
	}
	for _, f := range forms(s) {
		// The library was loaded from the folder above: its IDs carry a
		// folder the set's IDs do not.
		if ids := c.bySuffix[f]; len(ids) == 1 {
			return ids[0]
		}
		if ids := c.byFold[strings.ToLower(f)]; len(ids) == 1 {
			return ids[0]
		}
	}
	return ""
}

// expectedError is the error of a question set with rows the evaluation
// does not know: how many, the first few with their lines, and what to
// do. No figures are printed for such a set.
func expectedError(path string, bad []badRow, c *expectedChecker, dir string) error {
	var b strings.Builder
	fmt.Fprintf(&b, chat.Plural("%s: %d row expects a guide or outcome that %s does not know|%s: %d rows expect guides or outcomes that %s does not know", len(bad)),
		path, len(bad), c.verb)
	fmt.Fprintf(&b, " (library folder %s: %s; %s also takes %s):", dir,
		fmt.Sprintf(chat.Plural("%d guide|%d guides", c.lib.Len()), c.lib.Len()), c.verb, strings.Join(c.words, ", "))
	for _, r := range bad[:min(len(bad), maxBadRowsShown)] {
		fmt.Fprintf(&b, "\n  line %d: %s", r.line, shownExpected(r.expected))
		if r.hint != "" {
			fmt.Fprintf(&b, " — %s", r.hint)
		}
	}
	if n := len(bad) - maxBadRowsShown; n > 0 {
		fmt.Fprintf(&b, chat.Plural("\n  … and %d more row|\n  … and %d more rows", n), n)
	}
	b.WriteString("\nno figures: every such row would count as a miss. Fix the expected column (guide IDs as lotse guides search shows them), or --dir if the set is for another library")
	return fail(exitUsage, errors.New(b.String()))
}

// readEvalSet reads the question set at path for the verb of c and checks
// its expected column against the library: an unknown value is an error
// (exitUsage) that names the rows, as is a set without questions. A row
// expecting a guide the config leaves out is noted on stderr and counted
// as a miss.
func readEvalSet(path string, c *expectedChecker, dir string, stderr io.Writer) ([]search.Question, error) {
	rows, err := search.ReadRowsFile(path)
	if err != nil {
		return nil, fail(exitUsage, err)
	}
	if len(rows) == 0 {
		return nil, fail(exitUsage, fmt.Errorf("%s: no questions, only the header", path))
	}
	bad, leftOut := c.check(rows)
	if len(bad) > 0 {
		return nil, expectedError(path, bad, c, dir)
	}
	if leftOut > 0 {
		fmt.Fprintf(stderr, chat.Plural("note: %d row expects a guide the config leaves out (its feature is off); it counts as a miss\n|note: %d rows expect guides the config leaves out (their feature is off); they count as misses\n", leftOut), leftOut)
	}
	qs := make([]search.Question, len(rows))
	for i, r := range rows {
		qs[i] = r.Question
	}
	return qs, nil
}

// shownExpected is an expected value as a message shows it: cut at
// maxHintLen bytes.
func shownExpected(exp string) string {
	if len(exp) > maxHintLen {
		return strings.ToValidUTF8(exp[:maxHintLen], "") + "…"
	}
	return exp
}

// checkLearnEval is `lotse setup`'s finding on learn_eval_questions: the
// guard before !lehren judges its rows on the library as loaded (lib,
// with problems), and a row naming a guide or outcome the library does
// not know is never right, before or after — a row that protects
// nothing, silently. A file that does not read is a problem (Lotse does
// not start).
func checkLearnEval(cfg config.Config, lib *guides.Library, problems []guides.Problem) []finding {
	path := cfg.LearnEvalQuestions
	if path == "" || lib == nil {
		return nil
	}
	rows, err := search.ReadRowsFile(path)
	if err != nil {
		return []finding{problem(findFail, "learn_eval_questions lässt sich nicht lesen: "+err.Error(), "learn_eval_questions cannot be read: "+err.Error(),
			"Korrigier die Datei (Kopfzeile „question<TAB>expected“, eine Frage pro Zeile).", "Fix the file (header “question<TAB>expected”, one question per line).")}
	}
	bad, _ := newExpectedChecker(lib, problems, true).check(rows)
	if len(bad) == 0 {
		return []finding{ok(fmt.Sprintf(chat.Plural("learn_eval_questions: %d Frage, alle mit bekannter Anleitung oder bekanntem Ergebnis.|learn_eval_questions: %d Fragen, alle mit bekannter Anleitung oder bekanntem Ergebnis.", len(rows)), len(rows)),
			fmt.Sprintf(chat.Plural("learn_eval_questions: %d question, every one with a known guide or outcome.|learn_eval_questions: %d questions, every one with a known guide or outcome.", len(rows)), len(rows)))}
	}
	var de, en []string
	for _, r := range bad[:min(len(bad), maxBadRowsShown)] {
		d, e := fmt.Sprintf("Zeile %d: %s", r.line, shownExpected(r.expected)), fmt.Sprintf("line %d: %s", r.line, shownExpected(r.expected))
		if r.suggest != "" {
			d += " (meintest du " + r.suggest + "?)"
			e += " (did you mean " + r.suggest + "?)"
		}
		de, en = append(de, d), append(en, e)
	}
	if n := len(bad) - maxBadRowsShown; n > 0 {
		de = append(de, fmt.Sprintf(chat.Plural("… und %d weitere Zeile|… und %d weitere Zeilen", n), n))
		en = append(en, fmt.Sprintf(chat.Plural("… and %d more row|… and %d more rows", n), n))
	}
	return []finding{problem(findWarn,
		fmt.Sprintf(chat.Plural("In learn_eval_questions (%s) nennt %d Zeile eine Anleitung oder ein Ergebnis, das Lotse nicht kennt; die Prüfung vor !lehren übergeht sie: %s|In learn_eval_questions (%s) nennen %d Zeilen eine Anleitung oder ein Ergebnis, das Lotse nicht kennt; die Prüfung vor !lehren übergeht sie: %s", len(bad)), path, len(bad), strings.Join(de, "; ")),
		fmt.Sprintf(chat.Plural("In learn_eval_questions (%s), %d row names a guide or outcome Lotse does not know; the check before !lehren passes over it: %s|In learn_eval_questions (%s), %d rows name a guide or outcome Lotse does not know; the check before !lehren passes over them: %s", len(bad)), path, len(bad), strings.Join(en, "; ")),
		"Trag in der Spalte expected die ID einer Anleitung ein (wie lotse guides search sie zeigt) oder smalltalk, human, command, none oder -.",
		"Write a guide's ID in the expected column (as lotse guides search shows it), or smalltalk, human, command, none or -.")}
}
