package guides

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// markdown is the one goldmark configuration used everywhere: CommonMark plus
// GFM tables, strikethrough and autolinks. Raw HTML is never passed through.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
)

// parseMarkdown parses src into an AST.
func parseMarkdown(src []byte) ast.Node {
	return markdown.Parser().Parse(text.NewReader(src))
}

// splitSections splits a body at top-level "##" and "###" headings and
// collects the anchors of all headings.
func splitSections(body string) ([]Section, []string) {
	src := []byte(body)
	doc := parseMarkdown(src)
	slugs := newSlugger()
	var anchors []string
	sections := []Section{{}}
	starts := []int{0}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			return ast.WalkContinue, nil
		}
		heading := plainInline(h, src, plainOptions{})
		anchor := slugs.slug(heading)
		anchors = append(anchors, anchor)
		if h.Parent() != doc || (h.Level != 2 && h.Level != 3) || h.Pos() < 0 {
			return ast.WalkSkipChildren, nil
		}
		starts = append(starts, lineStart(src, h.Pos()))
		sections = append(sections, Section{Heading: heading, Anchor: anchor, Level: h.Level})
		return ast.WalkSkipChildren, nil
	})
	for i := range sections {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		sections[i].Markdown = body[starts[i]:end]
	}
	slices.Sort(anchors)
	return sections, slices.Clip(anchors)
}

// lineStart returns the offset of the start of the line containing pos.
func lineStart(src []byte, pos int) int {
	pos = min(pos, len(src))
	return bytes.LastIndexByte(src[:pos], '\n') + 1
}

// lineOf returns the 1-based line number of offset pos in src.
func lineOf(src []byte, pos int) int {
	pos = max(min(pos, len(src)), 0)
	return bytes.Count(src[:pos], []byte("\n")) + 1
}

// slugger makes GitHub-style heading anchors, unique within one document.
type slugger struct{ seen map[string]int }

func newSlugger() *slugger { return &slugger{seen: map[string]int{}} }

// slug works like github-slugger: the first "x" stays "x", later ones
// become "x-1", "x-2", … (skipping anchors that are already taken).
func (s *slugger) slug(heading string) string {
	base := Anchor(heading)
	slug := base
	for {
		if _, taken := s.seen[slug]; !taken {
			break
		}
		s.seen[base]++
		slug = fmt.Sprintf("%s-%d", base, s.seen[base])
	}
	s.seen[slug] = 0
	return slug
}

// Anchor returns the GitHub-style anchor of a heading's plain text, e.g.
// "Raum beantragen (für AGs)" → "raum-beantragen-für-ags". Repeated headings
// in one guide get "-1", "-2", … appended (see [Section.Anchor]).
func Anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// PlainText converts Markdown to readable plain text: headings and paragraphs
// as lines, list items with "• " or "1. ", tables as "a | b" rows, links as
// "text (url)" when the URL adds something. Raw HTML and images are dropped.
func PlainText(markdown string) string {
	src := []byte(markdown)
	doc := parseMarkdown(src)
	sanitizeAST(doc, src, "", links{})
	return plainBlocks(doc, src, plainOptions{links: true})
}

// indexText is the plain text used for the search index: like PlainText but
// without URLs and without the section's own heading.
func indexText(markdown string, skipHeading bool) string {
	src := []byte(markdown)
	doc := parseMarkdown(src)
	sanitizeAST(doc, src, "", links{})
	if first := doc.FirstChild(); skipHeading && first != nil && first.Kind() == ast.KindHeading {
		doc.RemoveChild(doc, first)
	}
	return plainBlocks(doc, src, plainOptions{})
}

// plainOptions tunes the plain text renderer.
type plainOptions struct {
	links bool // append " (url)" to links whose text is not the URL
}

// plainBlocks renders the children of a block node, separated by blank lines
// (single newlines inside tight list items).
func plainBlocks(parent ast.Node, src []byte, o plainOptions) string {
	sep := "\n\n"
	if item, ok := parent.(*ast.ListItem); ok {
		if list, ok := item.Parent().(*ast.List); ok && list.IsTight {
			sep = "\n"
		}
	}
	var parts []string
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		if s := plainBlock(c, src, o); strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

// plainBlock renders one block node.
func plainBlock(n ast.Node, src []byte, o plainOptions) string {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		return strings.TrimSpace(plainInline(n, src, o))
	case *ast.ThematicBreak:
		return "──────────"
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
		return strings.TrimRight(b.String(), "\n")
	case *ast.HTMLBlock:
		return ""
	case *ast.Blockquote:
		return prefixLines(plainBlocks(n, src, o), "> ", "> ")
	case *ast.List:
		sep := "\n"
		if !n.IsTight {
			sep = "\n\n"
		}
		var items []string
		num := max(n.Start, 0)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			marker := "• "
			if n.IsOrdered() {
				marker = fmt.Sprintf("%d. ", num)
				num++
			}
			items = append(items, prefixLines(plainBlocks(c, src, o), marker, strings.Repeat(" ", len([]rune(marker)))))
		}
		return strings.Join(items, sep)
	case *east.Table:
		var rows []string
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var cells []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.TrimSpace(plainInline(c, src, o)))
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
		return strings.Join(rows, "\n")
	default:
		if n.Type() == ast.TypeInline {
			return plainInline(n, src, o)
		}
		return plainBlocks(n, src, o)
	}
}

// prefixLines puts first before the first line and rest before the others.
func prefixLines(s, first, rest string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			p = strings.TrimRight(p, " ")
		}
		lines[i] = p + l
	}
	return strings.Join(lines, "\n")
}

// plainInline renders the inline content of n.
func plainInline(n ast.Node, src []byte, o plainOptions) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeInline(&b, c, src, o)
	}
	return b.String()
}

func writeInline(b *strings.Builder, n ast.Node, src []byte, o plainOptions) {
	switch n := n.(type) {
	case *ast.Text:
		if n.IsRaw() {
			b.Write(n.Value(src))
		} else {
			b.WriteString(unescapeMarkdown(n.Value(src)))
		}
		switch {
		case n.HardLineBreak():
			b.WriteByte('\n')
		case n.SoftLineBreak():
			b.WriteByte(' ')
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			b.Write(n.Value)
		} else {
			b.WriteString(unescapeMarkdown(n.Value))
		}
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
	case *ast.AutoLink:
		b.Write(n.Label(src))
	case *ast.Link:
		label := plainInline(n, src, o)
		b.WriteString(label)
		dest := destinationURL(n.Destination)
		if o.links && dest != "" && dest != label && strings.TrimPrefix(dest, "mailto:") != label {
			fmt.Fprintf(b, " (%s)", dest)
		}
	case *ast.Image:
		// Only mxc:// images survive sanitising; their alt text stands in.
		if alt := plainInline(n, src, o); alt != "" {
			b.WriteString(alt)
		}
	case *ast.RawHTML:
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeInline(b, c, src, o)
		}
	}
}

// unescapeMarkdown resolves backslash escapes and character references the
// way goldmark's HTML writer does, then undoes the HTML escaping.
func unescapeMarkdown(v []byte) string {
	if !bytes.ContainsAny(v, `\&`) && bytes.IndexByte(v, 0) < 0 {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return stdhtml.UnescapeString(buf.String())
}
