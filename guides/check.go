package guides

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// Check lints the library in dir. It reports everything [Load] reports plus
// duplicate titles, IDs that differ only in case, relative links to missing
// guides, anchors or files, links that leave the library or use a scheme
// Matrix does not allow, images pointing to missing files, and (as warnings)
// raw HTML and images Matrix will not show. The error is non-nil only if dir
// cannot be read. Use [HasErrors] to decide the exit code. It also fails on
// unknown placeholders, on example addresses (example.org) left in a
// guide (the shipped guides use placeholders such as {{cloud_url}}) and
// on an audience other than members or team (a warning when loading), and
// it warns about author notes left in a guide (TODO, FIXME, XXX, TBD,
// „Lorem ipsum“, [Platzhalter]).
func Check(dir string, opts ...Option) ([]Problem, error) {
	gs, problems, err := loadGuides(dir, newLoadOptions(opts))
	if err != nil {
		return nil, err
	}
	for i, p := range problems {
		if p.Warning && strings.HasPrefix(p.Message, unknownAudience) {
			// Loading keeps such a guide from members; for the author it
			// is an error: most likely a typo ("member", "mitglieder").
			problems[i].Warning = false
			problems[i].Message += "; members do not see this guide"
		}
	}
	lib := NewLibrary(gs)
	c := checker{dir: dir, lib: lib}
	problems = append(problems, duplicateTitles(lib, false)...)
	folded := map[string]*Guide{}
	for _, g := range lib.Guides() {
		id := strings.ToLower(g.ID)
		if first, dup := folded[id]; dup {
			problems = append(problems, c.problem(g, 1, false, "ID differs from %s only in upper/lower case", first.ID))
		} else {
			folded[id] = g
		}
		problems = append(problems, c.checkBody(g)...)
		problems = append(problems, c.checkExampleAddresses(g)...)
	}
	sortProblems(problems)
	return problems, nil
}

// checker holds what the link checks need.
type checker struct {
	dir string
	lib *Library
}

func (c checker) problem(g *Guide, line int, warning bool, format string, args ...any) Problem {
	file := g.Path
	if file == "" {
		file = g.ID
	}
	return Problem{File: file, Line: max(line, 1), Message: fmt.Sprintf(format, args...), Warning: warning}
}

// checkBody checks the links, images and raw HTML in a guide's body.
func (c checker) checkBody(g *Guide) []Problem {
	src := []byte(g.Body)
	doc := parseMarkdown(src)
	var problems []Problem
	rawHTMLLines := map[int]bool{}
	lineAt := func(n ast.Node) int {
		for ; n != nil; n = n.Parent() {
			if p := n.Pos(); p >= 0 {
				return g.bodyLine + lineOf(src, p) - 1
			}
		}
		return g.bodyLine
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if msg, warn := c.checkLink(g, string(n.Destination)); msg != "" {
				problems = append(problems, c.problem(g, lineAt(n), warn, "%s", msg))
			}
			if text := plainInline(n, src, plainOptions{}); vagueLinkText(text) {
				problems = append(problems, c.problem(g, lineAt(n), true,
					"link text %q says nothing on its own (a screen reader lists a page's links by their text): name where the link leads, e.g. [Passwort ändern](…)", strings.TrimSpace(text)))
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && !allowedURL(string(n.URL(src))) {
				problems = append(problems, c.problem(g, lineAt(n), false,
					"link %q uses a scheme Matrix does not allow (only https, http, ftp, mailto, magnet)", n.URL(src)))
			}
		case *ast.Image:
			if msg, warn := c.checkImage(g, string(n.Destination)); msg != "" {
				problems = append(problems, c.problem(g, lineAt(n), warn, "%s", msg))
			}
			if strings.TrimSpace(plainInline(n, src, plainOptions{})) == "" {
				problems = append(problems, c.problem(g, lineAt(n), true,
					"image without a description: a screen reader and the chat's plain text have nothing to show for it; write what it shows, e.g. ![Knopf „Teilen“ oben rechts](…)"))
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 && strings.HasPrefix(string(n.Segments.Value(src)), "<!--") {
				return ast.WalkContinue, nil
			}
			if line := lineAt(n); !rawHTMLLines[line] { // once per line, not per tag
				rawHTMLLines[line] = true
				problems = append(problems, c.problem(g, line, true, "raw HTML is not shown to users; use Markdown instead"))
			}
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 { // type 2 is a comment
				problems = append(problems, c.problem(g, lineAt(n), true, "raw HTML is not shown to users; use Markdown instead"))
			}
		}
		return ast.WalkContinue, nil
	})
	return problems
}

// checkLink returns a message if a link destination is broken.
func (c checker) checkLink(g *Guide, dest string) (msg string, warning bool) {
	dest = strings.TrimSpace(normalizeDestination(dest))
	switch {
	case dest == "":
		return "link without a target", true
	case allowedURL(dest):
		return "", false
	case strings.HasPrefix(dest, "//"):
		return fmt.Sprintf("link %q has no scheme; write https://…", dest), false
	}
	target, anchor, ok := relativeTarget(dest, g.ID)
	if !ok {
		if strings.Contains(dest, ":") && !strings.HasPrefix(dest, "#") {
			return fmt.Sprintf("link %q uses a scheme Matrix does not allow (only https, http, ftp, mailto, magnet) or is malformed", dest), false
		}
		return fmt.Sprintf("link %q points outside the guide library", dest), false
	}
	if !strings.EqualFold(path.Ext(target), ".md") {
		if _, found := c.lib.Get(target + ".md"); found {
			return fmt.Sprintf("link to %s: the file is %s.md", target, target), false
		}
		if !c.exists(target) {
			if strings.Contains(target, "@") {
				return fmt.Sprintf("link to missing file %s (write mailto: before an e-mail address)", target), false
			}
			return fmt.Sprintf("link to missing file %s", target), false
		}
		return "", false
	}
	tg, found := c.lib.Get(target)
	switch {
	case found:
	case c.exists(target):
		return fmt.Sprintf("link to %s, which is not loaded: fix the problems listed for that file", target), false
	default:
		return fmt.Sprintf("link to missing guide %s", target), false
	}
	if anchor != "" && !tg.HasAnchor(anchor) {
		return fmt.Sprintf("link to %s#%s: that guide has no heading with this anchor", target, anchor), false
	}
	return "", false
}

// checkImage returns a message if an image cannot be shown, and a
// warning if it is an SVG with active content (see [ActiveSVG]), which
// the static site leaves out.
func (c checker) checkImage(g *Guide, dest string) (msg string, warning bool) {
	dest = strings.TrimSpace(normalizeDestination(dest))
	if mxcURL.MatchString(dest) {
		return "", false
	}
	if strings.HasPrefix(dest, "mxc:") {
		return fmt.Sprintf("image %q is not a valid mxc:// URL (mxc://server/media-id)", dest), false
	}
	if allowedURL(dest) || strings.HasPrefix(dest, "//") {
		return fmt.Sprintf("image %q is not shown: Matrix only displays mxc:// images", dest), true
	}
	target, _, ok := relativeTarget(dest, g.ID)
	if !ok {
		return fmt.Sprintf("image %q is neither a file in the library nor an mxc:// URL", dest), false
	}
	if !c.exists(target) {
		return fmt.Sprintf("image %s does not exist", target), false
	}
	if strings.EqualFold(path.Ext(target), ".svg") {
		data, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(target)))
		if err != nil {
			return fmt.Sprintf("image %s cannot be read: %v", target, unwrapPathError(err)), false
		}
		if why := ActiveSVG(data); why != "" {
			return fmt.Sprintf("image %s is left out of the static site (lotse guides build-site), it has active content: %s; export it as PNG or without scripts, links and external references", target, why), true
		}
	}
	return "", false
}

// exists reports whether a library-relative path names an existing file.
func (c checker) exists(target string) bool {
	info, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(target)))
	return err == nil && !info.IsDir()
}

// checkExampleAddresses reads the guide's file again (before substitution)
// and reports example addresses and author notes in it.
func (c checker) checkExampleAddresses(g *Guide) []Problem {
	if g.Path == "" {
		return nil
	}
	src, err := os.ReadFile(g.Path)
	if err != nil {
		return []Problem{c.problem(g, 1, false, "failed to read: %v", unwrapPathError(err))}
	}
	problems := append(exampleAddressProblems(src), leftoverMarkerProblems(src)...)
	for i := range problems {
		problems[i].File = g.Path
	}
	return problems
}

// vagueLinkTexts are link texts that say nothing without the sentence
// around them. A screen reader lists a page's links by their text alone
// (the rotor of VoiceOver, the links list of NVDA and TalkBack), where
// five times „hier“ tells nothing apart; the web view's checks (axe-core)
// find a link without text, not one with such a text (a11y35).
var vagueLinkTexts = map[string]bool{
	"hier": true, "hierher": true, "klick hier": true, "klicke hier": true, "hier klicken": true,
	"hier entlang": true, "link": true, "dieser link": true, "diesen link": true, "mehr": true,
	"weiter": true, "weiterlesen": true, "mehr lesen": true, "mehr erfahren": true, "dort": true, "da": true,
	"here": true, "click here": true, "this link": true, "more": true, "read more": true, "learn more": true,
	"this": true, "there": true,
}

// vagueLinkText reports whether a link's text (its plain words) is one
// of vagueLinkTexts, case and surrounding punctuation aside.
func vagueLinkText(text string) bool {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) }))
	return vagueLinkTexts[strings.Join(strings.Fields(t), " ")]
}
