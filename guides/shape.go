package guides

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Short answers: a chat answer is the part of a guide that matched the
// question (its steps), not the whole guide; the rest follows on "mehr" in
// parts below the event limit. Cuts fall only between blocks or between
// list items, so numbered lists keep their numbers and a code block or a
// link is never split.

// DefaultAnswerRunes is the plain-text budget of the guide part of a short
// answer: about one phone screen. A section longer than this is cut after
// the last block or list item that fits.
const DefaultAnswerRunes = 1200

// MaxAnswerRunes bounds the guide part of a short answer even when its
// first block alone is longer than the budget; such a block is cut at a
// word boundary and marked with "…".
const MaxAnswerRunes = 3000

// AnswerOptions controls [ShapeAnswer].
type AnswerOptions struct {
	// Section is the section the search matched; 0 or less (or out of
	// range) picks the guide's first section with numbered steps.
	Section int
	// MaxRunes is the plain-text budget of the guide part; 0 means
	// [DefaultAnswerRunes]. It is capped at [MaxAnswerRunes].
	MaxRunes int
	// Resolver rewrites relative links; without one they become plain text.
	Resolver LinkResolver
	// Hint is added after the text of a link to a guide that Resolver
	// cannot resolve.
	Hint LinkHint
}

// Answer is the guide part of a short chat answer.
type Answer struct {
	// Section is the index of the section shown (with its subsections).
	Section int
	// Heading is that section's heading ("" for the text before the first
	// heading). It is rendered at the start of HTML and Plain.
	Heading string
	// HTML and Plain are the rendered section (Matrix HTML subset, text).
	HTML, Plain string
	// Cut is set when the section did not fit whole.
	Cut bool
	// More is set when the guide has text that the answer does not show.
	More bool
}

// ShapeAnswer renders the section of g that answers a question: the matched
// section with its subsections (or the first section with numbered steps),
// within opts.MaxRunes of plain text.
func ShapeAnswer(g *Guide, opts AnswerOptions) Answer {
	budget := opts.MaxRunes
	if budget <= 0 {
		budget = DefaultAnswerRunes
	}
	budget = min(budget, MaxAnswerRunes)
	render := guideRenderer(g, opts.Resolver, opts.Hint)
	first, end := answerSpan(g, opts.Section)
	a := Answer{Section: first}
	var md strings.Builder
	if first < len(g.Sections) {
		s := g.Sections[first]
		a.Heading = s.Heading
		body := s.Markdown
		if first == 0 {
			body = withoutTitleLine(body)
		} else {
			body = withoutFirstLine(body)
			md.WriteString("**" + escapeMarkdown(s.Heading) + "**\n\n")
		}
		md.WriteString(body)
		for i := first + 1; i < end; i++ {
			md.WriteString(g.Sections[i].Markdown)
		}
	} else {
		md.WriteString(withoutTitleLine(g.Body))
	}
	fits := func(r Rendered) bool { return utf8.RuneCountInString(r.Plain) <= budget }
	src := md.String()
	r, used := packBlocks(src, fits, render)
	if used == 0 {
		// The first block alone is longer than the budget: cut it at a
		// word boundary within the hard limit.
		r = cutToFit("", src, func(r Rendered) bool { return utf8.RuneCountInString(r.Plain) <= MaxAnswerRunes }, render)
	}
	a.HTML, a.Plain, a.Cut = r.HTML, r.Plain, used < len(src)
	a.More = a.Cut || guideHasMore(g, first, end)
	return a
}

// answerSpan returns the sections [first, end) that answer: the matched
// section and the deeper sections that follow it.
func answerSpan(g *Guide, matched int) (first, end int) {
	n := len(g.Sections)
	if n == 0 {
		return 0, 0
	}
	first = -1
	if matched > 0 && matched < n {
		first = matched
	} else {
		for i, s := range g.Sections {
			md := s.Markdown
			if i == 0 {
				md = withoutTitleLine(md)
			}
			if hasOrderedList(md) {
				first = i
				break
			}
		}
		if first < 0 {
			first = 0
			if strings.TrimSpace(withoutTitleLine(g.Sections[0].Markdown)) == "" && n > 1 {
				first = 1
			}
		}
	}
	end = first + 1
	if level := g.Sections[first].Level; level > 0 {
		for end < n && g.Sections[end].Level > level {
			end++
		}
	}
	return first, end
}

// guideHasMore reports whether g has text outside the sections [first, end).
func guideHasMore(g *Guide, first, end int) bool {
	for i, s := range g.Sections {
		if i >= first && i < end {
			continue
		}
		md := s.Markdown
		if i == 0 {
			md = withoutTitleLine(md)
		}
		if strings.TrimSpace(md) != "" {
			return true
		}
	}
	return false
}

// RestOfGuide renders what [ShapeAnswer] did not show of g — the title and
// every section outside the shown one, or the whole guide when the answer
// was cut — in parts of at most opts.MaxBytes each (see [Rendered.Size]; 0 means
// [DefaultMaxBytes]; opts.Section is ignored). Parts are cut between
// sections, blocks or list items.
// At most [MaxRestParts] parts are made; complete is false when the guide
// had more (the caller points to the web page for it).
func RestOfGuide(g *Guide, shown Answer, opts RenderOptions) (parts []Rendered, complete bool) {
	maxBytes, render := opts.maxBytes(), guideRenderer(g, opts.Resolver, opts.Hint)
	var md strings.Builder
	if shown.Cut || len(g.Sections) == 0 {
		md.WriteString(g.Body)
	} else {
		first, end := answerSpan(g, shown.Section)
		for i, s := range g.Sections {
			if i < first || i >= end {
				md.WriteString(s.Markdown)
				if !strings.HasSuffix(s.Markdown, "\n") {
					md.WriteString("\n")
				}
			}
		}
	}
	rest := md.String()
	fits := func(r Rendered) bool { return r.Size() <= maxBytes }
	for strings.TrimSpace(rest) != "" && len(parts) < MaxRestParts {
		r, used := packBlocks(rest, fits, render)
		if used == 0 {
			// One block larger than a whole event: cut it at a word boundary
			// (only a guide with a paragraph of over 20 KB gets here).
			r = cutToFit("", rest, fits, render)
			used = len(rest)
		}
		if strings.TrimSpace(r.Plain) != "" {
			parts = append(parts, r)
		}
		rest = rest[used:]
	}
	return parts, strings.TrimSpace(rest) == ""
}

// MaxRestParts bounds the number of events one "mehr" can cause.
const MaxRestParts = 8

// packBlocks renders the longest prefix of md, cut between top-level
// blocks or between the items of a top-level list, that fits, and returns
// how many bytes of md it covers (0 when not even the first block fits).
func packBlocks(md string, fits func(Rendered) bool, render func(string) Rendered) (r Rendered, used int) {
	bounds := cutPoints(md)
	// Largest k with md[:bounds[k]] fitting (bounds[0] = 0), by binary
	// search: rendering is linear in the text, so this stays O(n log n).
	k := 0
	var best Rendered
	for lo, hi := 1, len(bounds)-1; lo <= hi; {
		mid := (lo + hi) / 2
		if c := render(md[:bounds[mid]]); fits(c) {
			k, best = mid, c
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	return best, bounds[k]
}

// cutPoints returns the offsets at which md may be cut: 0, the start of
// every top-level block after the first, the start of every item of a
// top-level list, and len(md).
func cutPoints(md string) []int {
	src := []byte(md)
	doc := parseMarkdown(src)
	points := []int{0}
	add := func(n ast.Node) {
		p := firstPos(n)
		if p <= 0 {
			return
		}
		if s := lineStart(src, p); s > points[len(points)-1] {
			points = append(points, s)
		}
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		add(c)
		if list, ok := c.(*ast.List); ok {
			for item := list.FirstChild(); item != nil; item = item.NextSibling() {
				if item != list.FirstChild() {
					add(item)
				}
			}
		}
	}
	if points[len(points)-1] != len(md) {
		points = append(points, len(md))
	}
	return points
}

// firstPos returns the source offset of a block node's first line (list
// items and lists carry no position of their own; their first text does).
func firstPos(n ast.Node) int {
	if p := n.Pos(); p > 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := firstPos(c); p > 0 {
			return p
		}
	}
	return -1
}

// hasOrderedList reports whether md contains a numbered list.
func hasOrderedList(md string) bool {
	src := []byte(md)
	found := false
	_ = ast.Walk(parseMarkdown(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.List); ok && entering && l.IsOrdered() {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// withoutTitleLine drops a leading "# " title line (section 0 may carry
// one; the answer names the guide itself).
func withoutTitleLine(md string) string {
	trimmed := strings.TrimLeftFunc(md, unicode.IsSpace)
	if strings.HasPrefix(trimmed, "# ") {
		return withoutFirstLine(trimmed)
	}
	return md
}

// withoutFirstLine drops md's first line.
func withoutFirstLine(md string) string {
	if _, rest, ok := strings.Cut(md, "\n"); ok {
		return rest
	}
	return ""
}
