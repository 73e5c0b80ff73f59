package guides

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// DefaultMaxBytes is the default size budget of [RenderGuide]: HTML and
// plain text together, counted as JSON-encoded bytes. It stays well below
// Matrix's 64 KiB event limit and leaves room for the rest of the event.
const DefaultMaxBytes = 24_000

// maxNesting bounds the depth of the Markdown tree that is rendered as
// structure; deeper blockquotes, lists and inline markup are flattened to
// text. Every tree level becomes at most two HTML elements, so the HTML
// stays within Matrix's nesting limit of 100.
const maxNesting = 40

// LinkResolver turns a relative link in a guide into an absolute URL.
// guideID is the link's target relative to the library root ("/"-separated,
// e.g. "bbb/raum.md"; for links to a heading in the same guide it is the
// guide's own ID) and anchor the part after "#" (may be empty). Returning
// ok=false renders the link as plain text. Relative images are passed in
// the same way; an image is kept only if the URL returned is an mxc:// URL.
type LinkResolver func(guideID, anchor string) (url string, ok bool)

// LinkHint names how to open a guide in chat when a link to it has no web
// address, e.g. "!anleitung Raum anlegen"; ok=false leaves the link's text
// alone. It keeps links between guides from turning into dead text.
type LinkHint func(guideID string) (hint string, ok bool)

// links is how a rendering treats relative links.
type links struct {
	resolve LinkResolver
	hint    LinkHint
}

// RenderOptions controls [RenderGuide].
type RenderOptions struct {
	// MaxBytes bounds len(HTML)+len(Plain) as they appear JSON-encoded in
	// the event, i.e. with Go's escaping of <, >, & and quotes;
	// 0 means DefaultMaxBytes.
	MaxBytes int
	// Section is the section the search matched (-1 for none). If the
	// whole guide does not fit, rendering starts at this section (after
	// the guide's title) instead of at the beginning.
	Section int
	// Resolver rewrites relative links; without one they become plain text.
	Resolver LinkResolver
	// Hint is added after the text of a link to a guide that Resolver
	// cannot resolve.
	Hint LinkHint
}

// Rendered is a guide rendered for a chat message.
type Rendered struct {
	// HTML is sanitised HTML within the Matrix subset (formatted_body).
	HTML string
	// Plain is the readable plain-text version (body).
	Plain string
	// Truncated is set when only part of the guide is included; the caller
	// should add a pointer to the rest.
	Truncated bool
}

// Size returns the size of HTML and Plain together as counted against
// [RenderOptions.MaxBytes].
func (r Rendered) Size() int {
	return jsonSize(r.HTML) + jsonSize(r.Plain)
}

// mxcURL matches a Matrix content URI: mxc://<server name>/<media ID>.
var mxcURL = regexp.MustCompile(`^mxc://[A-Za-z0-9.:\[\]-]+/[A-Za-z0-9_-]+$`)

// matrixPolicy allows exactly the HTML subset of the Matrix spec (v1.13,
// "m.room.message msgtypes"), with links restricted to absolute URLs of the
// schemes Matrix lists and images restricted to mxc:// sources.
var matrixPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("del", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "p", "a", "ul", "ol",
		"sup", "sub", "li", "b", "i", "u", "strong", "em", "s", "code", "hr", "br", "div", "table",
		"thead", "tbody", "tr", "th", "td", "caption", "pre", "span", "img", "details", "summary")
	p.AllowAttrs("href").Matching(regexp.MustCompile(`^(?i)(https?|ftp|mailto|magnet):`)).OnElements("a")
	p.AllowAttrs("target").Matching(regexp.MustCompile(`^_blank$`)).OnElements("a")
	p.AllowURLSchemes("https", "http", "ftp", "mailto", "magnet", "mxc")
	p.RequireParseableURLs(true)
	p.AllowAttrs("src").Matching(mxcURL).OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,4}$`)).OnElements("img")
	p.AllowAttrs("alt", "title").OnElements("img")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^-?[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[\w-]+$`)).OnElements("code")
	p.AllowAttrs("data-mx-color", "data-mx-bg-color").Matching(regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)).OnElements("span")
	p.AllowAttrs("data-mx-spoiler", "data-mx-maths").OnElements("span")
	p.AllowAttrs("data-mx-maths").OnElements("div")
	return p
}()

// SanitizeHTML restricts HTML to the Matrix subset Lotse sends: the tags and
// attributes of the spec's allow-list, absolute http(s)/ftp/mailto/magnet
// links and mxc:// images only.
func SanitizeHTML(s string) string {
	return matrixPolicy.Sanitize(s)
}

// Render converts Markdown to sanitised Matrix HTML and readable plain text.
// Raw HTML is dropped, relative links become plain text; use [RenderGuide]
// to resolve links between guides.
func Render(md string) (html, plain string) {
	return renderMarkdown(md, "", links{})
}

// renderMarkdown renders md; base is the ID of the guide it comes from
// (relative links are resolved against it).
func renderMarkdown(md, base string, l links) (html, plain string) {
	src := []byte(md)
	doc := parseMarkdown(src)
	sanitizeAST(doc, src, base, l)
	var buf bytes.Buffer
	// Rendering into a bytes.Buffer cannot fail.
	_ = markdown.Renderer().Render(&buf, src, doc)
	html = strings.TrimSpace(matrixPolicy.Sanitize(buf.String()))
	plain = strings.TrimSpace(plainBlocks(doc, src, plainOptions{links: true}))
	return html, plain
}

// maxBytes is opts.MaxBytes, or [DefaultMaxBytes] when that is 0 or less.
func (opts RenderOptions) maxBytes() int {
	if opts.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return opts.MaxBytes
}

// guideRenderer returns a function that renders Markdown of g (its
// relative links are relative to g), rewriting links with resolve and
// hint.
func guideRenderer(g *Guide, resolve LinkResolver, hint LinkHint) func(md string) Rendered {
	l := links{resolve, hint}
	return func(md string) Rendered {
		html, plain := renderMarkdown(md, g.ID, l)
		return Rendered{HTML: html, Plain: plain}
	}
}

// RenderGuide renders a guide for a chat message within opts.MaxBytes. If
// the whole guide is too long, it renders the guide's title and as many
// sections as fit, starting at opts.Section (or at the beginning), cutting
// the first of them at a block or word boundary if needed, and sets
// Truncated.
func RenderGuide(g *Guide, opts RenderOptions) Rendered {
	limit, render := opts.maxBytes(), guideRenderer(g, opts.Resolver, opts.Hint)
	if r := render(g.Body); r.Size() <= limit {
		return r
	}

	start, prefix := 0, ""
	if opts.Section > 0 && opts.Section < len(g.Sections) {
		start, prefix = opts.Section, "# "+escapeMarkdown(g.Title)+"\n\n"
	}
	sections := g.Sections
	if len(sections) == 0 {
		sections = []Section{{Markdown: g.Body}}
	}
	// Whole sections while they fit, then as much of the next one as fits.
	md := prefix
	i := start
	for ; i < len(sections); i++ {
		candidate := md + sections[i].Markdown
		if render(candidate).Size() > limit {
			break
		}
		md = candidate
	}
	var r Rendered
	if i < len(sections) {
		r = cutToFit(md, sections[i].Markdown, func(r Rendered) bool { return r.Size() <= limit }, render)
	} else {
		r = render(md)
	}
	r.Truncated = true
	return r
}

// cutToFit renders prefix (which must fit) plus as many top-level blocks of
// md as fit, plus the start of the next block cut at a word boundary and
// marked with "…".
func cutToFit(prefix, md string, fit func(Rendered) bool, render func(string) Rendered) Rendered {
	bounds := blockBounds(md)
	// Largest k such that prefix+md[:bounds[k]] fits (bounds[0] = 0).
	k := 0
	best := render(prefix)
	if !fit(best) {
		best = Rendered{}
	}
	for lo, hi := 1, len(bounds)-1; lo <= hi; {
		mid := (lo + hi) / 2
		if r := render(prefix + md[:bounds[mid]]); fit(r) {
			k, best = mid, r
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	if k == len(bounds)-1 {
		return best
	}
	// Largest cut n (at a rune boundary) of the next block that fits, then
	// back off to a word boundary.
	head, block := prefix+md[:bounds[k]], md[bounds[k]:bounds[k+1]]
	fits := func(n int) (Rendered, bool) {
		r := render(head + strings.TrimRightFunc(block[:n], unicode.IsSpace) + " …")
		return r, fit(r)
	}
	var cuts []int
	for i := range block {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	n := 0
	for lo, hi := 0, len(cuts)-1; lo <= hi; {
		mid := (lo + hi) / 2
		if r, fit := fits(cuts[mid]); fit {
			n, best = cuts[mid], r
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	if n == 0 {
		return best
	}
	if i := strings.LastIndexFunc(block[:n], unicode.IsSpace); i > 0 && n-i < 80 {
		if r, fit := fits(i); fit {
			return r
		}
	}
	return best
}

// blockBounds returns the line-start offsets of md's top-level blocks after
// the first, preceded by 0 and followed by len(md).
func blockBounds(md string) []int {
	src := []byte(md)
	doc := parseMarkdown(src)
	bounds := []int{0}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if p := c.Pos(); p > 0 {
			if s := lineStart(src, p); s > bounds[len(bounds)-1] {
				bounds = append(bounds, s)
			}
		}
	}
	if bounds[len(bounds)-1] != len(md) {
		bounds = append(bounds, len(md))
	}
	return bounds
}

// Excerpt returns a short plain-text excerpt (about 300 characters) of a
// section for "other candidates" lines, and the same text as HTML. It falls
// back to the guide's summary for section 0, a section without text or an
// out-of-range index.
func Excerpt(g *Guide, section int) (html, plain string) {
	const maxRunes = 300
	if section > 0 && section < len(g.Sections) {
		plain = strings.Join(strings.Fields(indexText(g.Sections[section].Markdown, true)), " ")
	}
	if plain == "" {
		plain = g.Summary
	}
	if utf8.RuneCountInString(plain) > maxRunes {
		cut := plain[:len(string([]rune(plain)[:maxRunes]))]
		if i := strings.LastIndexByte(cut, ' '); i > maxRunes/2 {
			cut = cut[:i]
		}
		plain = strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + " …"
	}
	return escapeHTML(plain), plain
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// escapeMarkdown backslash-escapes ASCII punctuation so s renders literally.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf && util.IsPunct(byte(r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// jsonSize returns the length of s as a JSON string body encoded by Go's
// encoding/json (which escapes <, > and & as \u003c etc.).
func jsonSize(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029':
			n += 6
		case r == '"' || r == '\\' || r == '\n' || r == '\r' || r == '\t':
			n += 2
		case r < 0x20:
			n += 6
		case r == utf8.RuneError:
			n += 3
		default:
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// sanitizeAST prepares a parsed document for output: it drops raw HTML,
// resolves or unwraps links that are not absolute http(s)/ftp/mailto/magnet
// URLs, drops images without an mxc:// source and flattens overly deep
// nesting.
func sanitizeAST(doc ast.Node, src []byte, base string, l links) {
	for _, n := range unsafeNodes(doc) {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			parent.RemoveChild(parent, n)
		case *ast.Link:
			if u, ok := linkURL(string(n.Destination), base, l.resolve); ok {
				n.Destination = escapeDestination(u)
				n.Title = nil
				continue
			}
			if hint, ok := linkHint(string(n.Destination), base, l.hint); ok {
				// In italics: a code span needs its text in the source.
				em := ast.NewEmphasis(1)
				em.AppendChild(em, ast.NewString([]byte(hint)))
				// Inserted right after the link in reverse: " (" hint ")".
				parent.InsertAfter(parent, n, ast.NewString([]byte(")")))
				parent.InsertAfter(parent, n, em)
				parent.InsertAfter(parent, n, ast.NewString([]byte(" (")))
			}
			unwrap(n)
		case *ast.Image:
			if u, ok := imageURL(string(n.Destination), base, l.resolve); ok {
				n.Destination = escapeDestination(u)
			} else {
				parent.RemoveChild(parent, n)
			}
		case *ast.AutoLink:
			codeUnlinkable(n, src)
		}
	}
	limitNesting(doc, src, 0)
}

// unsafeNodes lists, in document order, the nodes a sanitiser must look
// at: raw HTML, links, images and autolinks. They are collected first and
// changed after the walk, which must not see the tree change under it.
func unsafeNodes(doc ast.Node) []ast.Node {
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
	return nodes
}

// codeUnlinkable turns a bare URL of a scheme Matrix clients may not link
// to (javascript:, data:, …) into code: shown, never a link.
func codeUnlinkable(n *ast.AutoLink, src []byte) {
	if n.AutoLinkType == ast.AutoLinkURL && !allowedURL(string(n.URL(src))) {
		s := ast.NewString(n.Label(src))
		s.SetCode(true)
		n.Parent().ReplaceChild(n.Parent(), n, s)
	}
}

// unwrap replaces a node by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; c = n.FirstChild() {
		parent.InsertBefore(parent, n, c)
	}
	parent.RemoveChild(parent, n)
}

// limitNesting flattens blockquotes, lists and inline markup nested deeper
// than maxNesting into text.
func limitNesting(n ast.Node, src []byte, depth int) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if depth+1 >= maxNesting && c.HasChildren() {
			switch c.(type) {
			case *ast.Blockquote, *ast.List:
				s := ast.NewString([]byte(plainBlock(c, src, plainOptions{})))
				s.SetCode(true)
				p := ast.NewParagraph()
				p.AppendChild(p, s)
				n.ReplaceChild(n, c, p)
				c = next
				continue
			case *ast.Emphasis, *ast.Link, *east.Strikethrough, *ast.CodeSpan:
				s := ast.NewString([]byte(plainInline(c, src, plainOptions{})))
				s.SetCode(true)
				n.ReplaceChild(n, c, s)
				c = next
				continue
			}
		}
		limitNesting(c, src, depth+1)
		c = next
	}
}

// normalizeDestination resolves backslash escapes and character references in
// a link destination the way goldmark does before rendering it.
func normalizeDestination(dest string) string {
	v := util.UnescapePunctuations([]byte(dest))
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// escapeDestination protects a final URL against goldmark's unescaping.
func escapeDestination(u string) []byte {
	return []byte(strings.NewReplacer(`\`, `\\`, `&`, `\&`).Replace(u))
}

// destinationURL returns the URL goldmark writes for a (sanitised) destination.
func destinationURL(dest []byte) string {
	return string(util.URLEscape(dest, true))
}

var allowedSchemes = map[string]bool{"https": true, "http": true, "ftp": true, "mailto": true, "magnet": true}

// allowedURL reports whether u is an absolute URL Matrix clients may link to.
func allowedURL(u string) bool {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil || !allowedSchemes[strings.ToLower(parsed.Scheme)] {
		return false
	}
	switch strings.ToLower(parsed.Scheme) {
	case "mailto", "magnet":
		return parsed.Opaque != "" || parsed.RawQuery != ""
	default:
		return parsed.Host != ""
	}
}

// relativeTarget splits a relative link into its target ID and anchor. ok is
// false for absolute URLs and for links that leave the library.
func relativeTarget(dest, base string) (target, anchor string, ok bool) {
	parsed, err := url.Parse(dest)
	if err != nil || parsed.Scheme != "" || parsed.Host != "" || parsed.Opaque != "" || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	p := parsed.Path
	switch {
	case p == "":
		target = base
	case strings.HasPrefix(p, "/"):
		target = path.Clean(strings.TrimLeft(p, "/"))
	default:
		target = path.Join(path.Dir(base), p)
	}
	if target == "" || target == "." || target == ".." || strings.HasPrefix(target, "../") {
		return "", "", false
	}
	return target, parsed.Fragment, true
}

// linkURL returns the URL a link should point to, or false if it should be
// rendered as text.
func linkURL(dest, base string, resolve LinkResolver) (string, bool) {
	dest = strings.TrimSpace(normalizeDestination(dest))
	if dest == "" {
		return "", false
	}
	if allowedURL(dest) {
		return dest, true
	}
	target, anchor, ok := relativeTarget(dest, base)
	if !ok || resolve == nil {
		return "", false
	}
	u, ok := resolve(target, anchor)
	if !ok || !allowedURL(u) {
		return "", false
	}
	return u, true
}

// linkHint returns the chat hint for a relative link to a guide.
func linkHint(dest, base string, hint LinkHint) (string, bool) {
	if hint == nil {
		return "", false
	}
	target, _, ok := relativeTarget(strings.TrimSpace(normalizeDestination(dest)), base)
	if !ok || target == base {
		return "", false
	}
	return hint(target)
}

// imageURL returns the mxc:// URL of an image, or false if it is dropped.
func imageURL(dest, base string, resolve LinkResolver) (string, bool) {
	dest = strings.TrimSpace(normalizeDestination(dest))
	isMXC := mxcURL.MatchString
	if isMXC(dest) {
		return dest, true
	}
	target, _, ok := relativeTarget(dest, base)
	if !ok || resolve == nil {
		return "", false
	}
	u, ok := resolve(target, "")
	if !ok || !isMXC(u) {
		return "", false
	}
	return u, true
}
