package guides

import (
	"bytes"
	"fmt"
	"regexp"
)

// leftoverMarkerRE finds the notes authors leave for themselves and
// filler text: TODO, FIXME, XXX, TBD (whole words in capitals: „Todo-Liste“
// and „XXXXX“ are text), „Lorem ipsum“ in any case, and [TODO], [TBD],
// [Platzhalter], [Placeholder] in brackets („hier Screenshot einfügen“ is
// left to a reader; these are the unmistakable ones).
var leftoverMarkerRE = regexp.MustCompile(`\b(TODO|FIXME|XXX|TBD)\b|(?i)\blorem ipsum\b|\[(?i:(?:todo|tbd|platzhalter|placeholder))\]`)

// leftoverMarker returns the first author note in a line of text, or "".
// A word in inline code (`TODO.txt`) is an example, not a note, and XXX
// beside digits or other X's is a number's format („0151 XXX XXXX“,
// „XXX-XXX“), not a note.
func leftoverMarker(line []byte) string {
	for _, m := range leftoverMarkerRE.FindAllIndex(line, -1) {
		if bytes.Count(line[:m[0]], []byte("`"))%2 == 1 {
			continue // inside inline code
		}
		if string(line[m[0]:m[1]]) == "XXX" && (placeholderToken(bytes.TrimRight(line[:m[0]], placeholderSeparators), true) ||
			placeholderToken(bytes.TrimLeft(line[m[1]:], placeholderSeparators), false)) {
			continue
		}
		return string(line[m[0]:m[1]])
	}
	return ""
}

// placeholderSeparators are what separates the groups of a number's
// format: spaces, hyphens, slashes, dots, parentheses.
const placeholderSeparators = " \t-/.()+"

// placeholderToken tells whether the token at the end (before) or the
// start (after) of s is made of digits and X's only.
func placeholderToken(s []byte, before bool) bool {
	var tok []byte
	if before {
		tok = s[bytes.LastIndexAny(s, placeholderSeparators)+1:]
	} else if end := bytes.IndexAny(s, placeholderSeparators); end >= 0 {
		tok = s[:end]
	} else {
		tok = s
	}
	tok = bytes.TrimRight(tok, ",;:")
	if len(tok) == 0 {
		return false
	}
	for _, c := range tok {
		if (c < '0' || c > '9') && c != 'X' && c != 'x' {
			return false
		}
	}
	return true
}

// yamlCommentRE finds where a YAML comment starts on a front-matter line
// (a "#" at the start or after a space; one inside a quoted value is
// taken for a comment too, which only hides a note after it).
var yamlCommentRE = regexp.MustCompile(`(^|\s)#`)

// leftoverMarkerProblems reports author notes left in a guide's file, as
// warnings with their line: members would read „TODO: Screenshot“ word
// for word. Lines in fenced code blocks are skipped (a code example may
// show such a word), and so are comments, which members never see: HTML
// comments in the text and YAML comments in the front matter.
func leftoverMarkerProblems(src []byte) []Problem {
	// Comments are for authors (guide drafts put their TODOs there):
	// HTML comments in the text, YAML comments in the front matter.
	src = htmlCommentRE.ReplaceAllFunc(src, func(c []byte) []byte {
		return bytes.Repeat([]byte("\n"), bytes.Count(c, []byte("\n")))
	})
	// The front matter as the loader finds it (splitFrontMatter: Windows
	// line ends, a closing "..." or blanks after the delimiter): lines
	// 1 to frontEnd, 0 without one. An unclosed one is an error of its
	// own; its lines are read as front matter.
	frontEnd, closeLine := 0, 0
	if fm, state := splitFrontMatter(src); state.closed {
		frontEnd, closeLine = fm.closeLine, fm.closeLine
	} else if state.found {
		frontEnd = bytes.Count(src, []byte("\n")) + 1
	}
	var problems []Problem
	warn := func(i int, line []byte) {
		if m := leftoverMarker(line); m != "" {
			problems = append(problems, Problem{Line: i + 1, Warning: true,
				Message: fmt.Sprintf("%q looks like a note left for authors; members would read it as it is", m)})
		}
	}
	var fence []byte // the open fence ("```" or "~~~"), nil outside
	for i, line := range bytes.Split(src, []byte("\n")) {
		if n := i + 1; n <= frontEnd {
			if n == 1 || n == closeLine {
				continue // a delimiter
			}
			if c := yamlCommentRE.FindIndex(line); c != nil {
				line = line[:c[0]]
			}
			warn(i, line)
			continue
		}
		trimmed := bytes.TrimLeft(line, " ")
		if fence != nil {
			if bytes.HasPrefix(trimmed, fence) {
				fence = nil
			}
			continue
		}
		if bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")) {
			fence = trimmed[:3]
			continue
		}
		warn(i, line)
	}
	return problems
}
