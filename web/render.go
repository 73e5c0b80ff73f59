package web

import (
	"encoding/base64"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"

	"github.com/lotse-bot/lotse/guides"
)

// The guides renderer only lets absolute http(s) links and mxc:// images
// through its sanitiser (it produces Matrix HTML). The resolver therefore
// hands out placeholder URLs on a reserved host (.invalid never resolves),
// carrying the target as base64url, and rewriteBody swaps them for the web
// view's own URLs after sanitising.
const (
	placeholderHost = "lotse-web.invalid"
	linkPlaceholder = "https://" + placeholderHost + "/g/"
	imgPlaceholder  = "mxc://" + placeholderHost + "/"
)

var (
	// placeholderLinkRE matches an href the resolver produced: the guide ID
	// token and an optional fragment (already URL- and HTML-escaped).
	placeholderLinkRE = regexp.MustCompile(`href="https://lotse-web\.invalid/g/([A-Za-z0-9_-]+)(#[^"<>]*)?"`)
	// placeholderImgRE matches an img src the resolver produced.
	placeholderImgRE = regexp.MustCompile(`src="mxc://lotse-web\.invalid/([A-Za-z0-9_-]+)"`)
	// headingRE matches a heading as the sanitiser writes it (no attributes
	// survive on headings, and headings do not nest).
	headingRE = regexp.MustCompile(`(?s)<h([1-6])>(.*?)</h[1-6]>`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
)

// imageTypes are the image files served from the library folder, with their
// Content-Type.
var imageTypes = map[string]string{
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
	".svg":  "image/svg+xml",
}

// maxImageBytes bounds the images served or copied.
const maxImageBytes = 10 << 20

func encodeToken(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func decodeToken(t string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(t)
	return string(b), err == nil
}

// validRelPath reports whether p is a clean, "/"-separated path inside the
// library: no empty, ".", ".." or hidden segments, no backslashes or control
// characters.
func validRelPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if !validSegment(seg) {
			return false
		}
	}
	return true
}

// validSegment reports whether one URL path segment may name a page or file.
func validSegment(seg string) bool {
	if seg == "" || strings.HasPrefix(seg, ".") {
		return false
	}
	for _, r := range seg {
		if r < 0x20 || r == 0x7f || r == '\\' || r == '\uFFFD' {
			return false
		}
	}
	return true
}

// imageFile checks that p names a regular image file of at most
// maxImageBytes in the library folder dir (opened as an [os.Root], so
// neither ".." nor symlinks lead out of it).
func imageFile(dir, p string) error {
	if dir == "" {
		return fs.ErrNotExist
	}
	if !validRelPath(p) || imageTypes[strings.ToLower(path.Ext(p))] == "" {
		return fs.ErrNotExist
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("failed to open library folder: %w", err)
	}
	defer root.Close()
	info, err := root.Stat(p)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() || info.Size() > maxImageBytes {
		return fs.ErrNotExist
	}
	return nil
}

// guideBody is a guide rendered once per library: sanitised HTML with
// placeholder URLs and heading ids, and the table of contents.
type guideBody struct {
	html string
	toc  []tocEntry
	ids  map[string]bool // heading ids in html
}

// tocEntry is one "##" section in a guide's table of contents.
type tocEntry struct {
	Anchor, Heading string
}

// renderBody renders g with the guides renderer. visible returns the shown
// guide for a link target; image registers an image path and reports
// whether it can be served.
func renderBody(g *guides.Guide, visible func(id string) (*guides.Guide, bool), image func(p string) bool) guideBody {
	resolve := func(target, anchor string) (string, bool) {
		if t, ok := visible(target); ok {
			u := linkPlaceholder + encodeToken(t.ID)
			if anchor != "" && t.HasAnchor(anchor) {
				u += "#" + anchor
			}
			return u, true
		}
		if image(target) {
			return imgPlaceholder + encodeToken(target), true
		}
		return "", false
	}
	r := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: 1 << 30, Section: -1, Resolver: resolve})
	return addHeadingIDs(g, r.HTML)
}

// addHeadingIDs gives the rendered headings the anchors the guides package
// computed (GitHub's rules), drops a leading "#" title (the page has its
// own h1) and demotes other h1 to h2, so a page has exactly one h1. An id
// is only set if the guide knows the anchor, so a heading whose text does
// not survive rendering never gets a wrong one.
func addHeadingIDs(g *guides.Guide, body string) guideBody {
	var out strings.Builder
	var toc []tocEntry
	ids := map[string]bool{}
	slugs := map[string]int{}
	last := 0
	for i, m := range headingRE.FindAllStringSubmatchIndex(body, -1) {
		level := int(body[m[2]] - '0')
		inner := body[m[4]:m[5]]
		text := strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(inner, "")))
		anchor := slug(slugs, text)
		out.WriteString(body[last:m[0]])
		last = m[1]
		if i == 0 && level == 1 && strings.TrimSpace(body[:m[0]]) == "" {
			continue // the title line
		}
		if level == 1 {
			level = 2
		}
		if g.HasAnchor(anchor) {
			fmt.Fprintf(&out, `<h%d id="%s">%s</h%d>`, level, html.EscapeString(anchor), inner, level)
			ids[anchor] = true
			if level == 2 {
				toc = append(toc, tocEntry{Anchor: anchor, Heading: text})
			}
		} else {
			fmt.Fprintf(&out, `<h%d>%s</h%d>`, level, inner, level)
		}
	}
	out.WriteString(body[last:])
	return guideBody{html: strings.TrimSpace(out.String()), toc: toc, ids: ids}
}

// slug returns the GitHub-style anchor of a heading, unique among the
// headings seen so far ("x", "x-1", "x-2", …), like the guides package.
func slug(seen map[string]int, heading string) string {
	base := guides.Anchor(heading)
	s := base
	for {
		if _, taken := seen[s]; !taken {
			break
		}
		seen[base]++
		s = fmt.Sprintf("%s-%d", base, seen[base])
	}
	seen[s] = 0
	return s
}

// rewriteBody replaces the placeholder URLs of a rendered body by the URLs
// of l. Image placeholders are only rewritten for images in images; any
// other one (a literal mxc://lotse-web.invalid/… in a guide) stays an mxc://
// URL, which browsers do not load.
func rewriteBody(body string, l links, images map[string]bool) string {
	body = placeholderLinkRE.ReplaceAllStringFunc(body, func(m string) string {
		sub := placeholderLinkRE.FindStringSubmatch(m)
		id, ok := decodeToken(sub[1])
		if !ok {
			return m
		}
		return `href="` + html.EscapeString(l.Guide(id)) + sub[2] + `"`
	})
	return placeholderImgRE.ReplaceAllStringFunc(body, func(m string) string {
		sub := placeholderImgRE.FindStringSubmatch(m)
		p, ok := decodeToken(sub[1])
		if !ok || !images[p] {
			return m
		}
		return `src="` + html.EscapeString(l.Image(p)) + `"`
	})
}
