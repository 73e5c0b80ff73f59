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
// is dropped, relative links become plain text.
func RenderTyped(md string) string {
	src := []byte(md)
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
	var nodes []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *ast.RawHTML, *ast.HTMLBlock, *ast.Link, *ast.Image, *ast.AutoLink:
				nodes = append(nodes, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range nodes {
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
			if n.AutoLinkType == ast.AutoLinkURL && !allowedURL(string(n.URL(src))) {
				s := ast.NewString(n.Label(src))
				s.SetCode(true)
				parent.ReplaceChild(parent, n, s)
			}
		}
	}
	limitNesting(doc, src, 0)
}
