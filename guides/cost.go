package guides

import (
	"bytes"
	"fmt"
)

// The Markdown parser (goldmark) takes time that grows with the square of
// some inputs: containers nested thousands of levels deep ("- - - - …",
// "> > > …", ever deeper indented lists) and many unclosed link
// destinations in one paragraph ("[a](" repeated). A 16 KB guide of the
// first kind took seconds to load and to render each answer; a 1 MB one
// would hold a load (and the reload lock) for an hour. [Parse] rejects
// such a guide before parsing it; no readable guide comes near these
// bounds.
const (
	// maxLineNesting bounds the containers one line opens: block quote
	// markers, list markers, and the indentation before a list marker
	// (two spaces count as one level).
	maxLineNesting = 100
	// maxLinkWork bounds, per paragraph (lines between blank lines), the
	// number of "](" times the paragraph's length in bytes: each unclosed
	// link destination is searched to the end of its paragraph.
	maxLinkWork = 1 << 27
)

// costlyMarkdown returns the 1-based line (relative to body) and a message
// if parsing body would take too long, else 0 and "".
func costlyMarkdown(body []byte) (int, string) {
	lineNo, blockStart, blockLine, links := 1, 0, 1, 0
	endBlock := func(end int) (int, string) {
		if links > 0 && links*(end-blockStart) > maxLinkWork {
			return blockLine, fmt.Sprintf("the paragraph starting here has %d links (\"](\") in %d bytes, too many to read in time; split it with blank lines", links, end-blockStart)
		}
		return 0, ""
	}
	for start := 0; start < len(body); lineNo++ {
		end := len(body)
		if i := bytes.IndexByte(body[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := body[start:end]
		if len(bytes.TrimSpace(line)) == 0 {
			if l, msg := endBlock(start); msg != "" {
				return l, msg
			}
			blockStart, blockLine, links = end+1, lineNo+1, 0
		} else {
			links += bytes.Count(line, []byte("]("))
			if n := lineNesting(line); n > maxLineNesting {
				return lineNo, fmt.Sprintf("lists or quotes nested %d levels deep (at most %d)", n, maxLineNesting)
			}
		}
		start = end + 1
	}
	return endBlock(len(body))
}

// lineNesting counts the containers at the start of line: ">" markers,
// list markers ("-", "*", "+", "1." or "1)" before a space) and, before
// each marker, one level per two spaces of indentation (a tab counts four
// spaces).
func lineNesting(line []byte) int {
	depth, spaces := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			spaces++
			i++
		case c == '\t':
			spaces += 4
			i++
		case c == '>':
			depth += 1 + spaces/2
			spaces = 0
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			depth += 1 + spaces/2
			spaces = 0
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				depth += 1 + spaces/2
				spaces = 0
				i = j + 1
				continue
			}
			return depth
		default:
			return depth
		}
	}
	return depth
}
