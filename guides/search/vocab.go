package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// vocabHeader is the column line of a vocabulary file.
const vocabHeader = "member_words\tguide_words\tnote"

// parseVocab reads a vocabulary file: comment lines starting with "#",
// blank lines, the column line vocabHeader, then one row per concept,
// "member words<TAB>guide words<TAB>note", the words comma-separated,
// single lower-case words (no spaces). Every row becomes one glossary
// entry (member words → guide words) with the given source. A bad row is
// skipped and reported in the returned error, so that a mistake in the
// file costs that row, never the bot; a test fails on the error.
func parseVocab(text, source string) ([]glossaryEntry, error) {
	var out []glossaryEntry
	var errs []error
	header := false
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if line != vocabHeader {
				return nil, fmt.Errorf("vocabulary line %d: want the column line %q, got %q", n+1, vocabHeader, line)
			}
			header = true
			continue
		}
		e, err := parseVocabRow(line, source)
		if err != nil {
			errs = append(errs, fmt.Errorf("vocabulary line %d: %w", n+1, err))
			continue
		}
		out = append(out, e)
	}
	if !header {
		errs = append(errs, errors.New("vocabulary: no column line"))
	}
	return out, errors.Join(errs...)
}

// parseVocabRow parses one row of a vocabulary file.
func parseVocabRow(line, source string) (glossaryEntry, error) {
	f := strings.Split(line, "\t")
	if len(f) < 2 || len(f) > 3 {
		return glossaryEntry{}, fmt.Errorf("want 2 or 3 tab-separated fields, got %d", len(f))
	}
	from, err := vocabWords(f[0])
	if err != nil {
		return glossaryEntry{}, fmt.Errorf("member words: %w", err)
	}
	to, err := vocabWords(f[1])
	if err != nil {
		return glossaryEntry{}, fmt.Errorf("guide words: %w", err)
	}
	return glossaryEntry{From: from, To: to, Source: source}, nil
}

// vocabWords splits a comma-separated list of single lower-case words.
func vocabWords(s string) ([]string, error) {
	var out []string
	for _, w := range strings.Split(s, ",") {
		w = strings.TrimSpace(w)
		switch {
		case w == "":
			return nil, fmt.Errorf("empty word in %q", s)
		case strings.IndexFunc(w, unicode.IsSpace) >= 0:
			return nil, fmt.Errorf("%q is more than one word", w)
		case strings.ToLower(w) != w:
			return nil, fmt.Errorf("%q is not lower case", w)
		case strings.IndexFunc(w, notWordRune) >= 0 || normThesWord(w) == "":
			return nil, fmt.Errorf("%q is not a word (letters, digits, hyphens)", w)
		}
		out = append(out, w)
	}
	return out, nil
}

// notWordRune reports a rune a vocabulary word may not contain: anything
// but letters, digits and the hyphen of a joined word.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
}
