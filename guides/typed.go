package guides

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// messageMarkdown reads a person's chat message the way Element renders
// what it sends: a single line break stays a line break (hard wraps),
// strikethrough and bare URLs as links; no tables (a message's "|" is
// seldom one).
var messageMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Strikethrough, extension.Linkify),
	goldmark.WithRendererOptions(ghtml.WithHardWraps()),
)

// RenderTyped turns Markdown a person typed in chat (a volunteer's answer
// to a member) into sanitised Matrix HTML, for the formatted_body beside
// the typed text as the body — as Element sends its own messages. Unlike
// [Render] it keeps single line breaks, drops images (a file goes as a
// file) and shows where a link goes: a link whose text is not its address
// reads "text (address)", so link text cannot hide the target. Raw HTML
// is dropped, relative links become plain text. Bidi embedding, override
// and isolate controls are dropped (one before a link would turn its
// shown address around: „(https://evil.test/#ed.knab…“ read backwards),
// and a line opening more than maxNesting blocks at once (">>>>…") has
// the rest as text: goldmark's work grows with the square of such a
// line's depth (60,000 ">" took it 20 seconds, for every try of
// fitBytes).
func RenderTyped(md string) string {
	src := []byte(capLineNesting(strings.Map(dropBidiControl, md), maxNesting))
	doc := messageMarkdown.Parser().Parse(text.NewReader(src))
	sanitizeMessageAST(doc, src)
	var buf bytes.Buffer
	// Rendering into a bytes.Buffer cannot fail.
	_ = messageMarkdown.Renderer().Render(&buf, src, doc)
	return strings.TrimSpace(matrixPolicy.Sanitize(buf.String()))
}

// sanitizeMessageAST is sanitizeAST for a person's message: raw HTML and
// images go, a link keeps only an allowed absolute address and shows it
// after its text when the two differ, an autolink of another scheme
// becomes code.
func sanitizeMessageAST(doc ast.Node, src []byte) {
	for _, n := range unsafeNodes(doc) {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock, *ast.Image:
			parent.RemoveChild(parent, n)
		case *ast.Link:
			u, ok := linkURL(string(n.Destination), "", nil)
			if !ok {
				unwrap(n)
				continue
			}
			n.Destination, n.Title = escapeDestination(u), nil
			if label := strings.TrimSpace(plainBlock(n, src, plainOptions{})); label != u {
				shown := ast.NewString([]byte(" (" + u + ")"))
				parent.InsertAfter(parent, n, shown)
			}
		case *ast.AutoLink:
			codeUnlinkable(n, src)
		}
	}
	limitNesting(doc, src, 0)
}

// dropBidiControl drops the bidi controls that change the direction of
// the text after them (embeddings, overrides, isolates); the marks
// U+200E and U+200F, which do not, stay. For strings.Map.
func dropBidiControl(r rune) rune {
	if r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
		return -1
	}
	return r
}

// capLineNesting escapes the block marker (">", a list item's "-", "*",
// "+" or "1." / "1)") with which a line would open more than max nested
// blocks, so that the rest of the line is text.
func capLineNesting(md string, max int) string {
	lines := strings.SplitAfter(md, "\n")
	changed := false
	for i, line := range lines {
		depth := 0
	scan:
		for j := 0; j < len(line); j++ {
			start := j
			switch c := line[j]; {
			case c == ' ' || c == '\t':
				continue
			case c == '>':
			case c == '-' || c == '*' || c == '+':
				if j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' && line[j+1] != '\n' {
					break scan
				}
			case c >= '0' && c <= '9':
				for j < len(line) && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j == len(line) || line[j] != '.' && line[j] != ')' {
					break scan
				}
			default:
				break scan
			}
			if depth++; depth > max {
				lines[i] = line[:start] + `\` + line[start:]
				changed = true
				break
			}
		}
	}
	if !changed {
		return md
	}
	return strings.Join(lines, "")
}
