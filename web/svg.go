package web

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// An SVG image is a document of its own: opened directly (bilder/x.svg),
// a browser runs its scripts and follows its links on the origin that
// serves it. The server sends SVG with svgPolicy (sandboxed, no scripts),
// but the static build's files are served by any web host, often the
// association's own website, with whatever headers that host sends. So
// the static build copies an SVG only if activeSVG finds nothing active in
// it; an <img> shows such an image all the same.

// svgDataImage is the one kind of non-local reference an SVG may keep: a
// raster image embedded as a data: URL (drawing programs write them).
var svgDataImage = regexp.MustCompile(`(?i)^data:image/(png|jpeg|gif|webp);base64,`)

// svgCSSURL finds url(…) references and @import in style text; only
// local ones (url(#id)) may stay.
var svgCSSURL = regexp.MustCompile(`(?i)url\s*\(\s*['"]?\s*([^'")\s]*)|@import`)

// activeSVG returns why the SVG data could run a script, navigate or load
// something when opened as a document (empty if nothing): a script,
// foreignObject or other embedding element, an event handler attribute,
// a reference that is not local (href, xlink:href, CSS url(), @import,
// xml-stylesheet), an animation that sets a reference, an entity
// declaration, or XML the parser does not accept.
func activeSVG(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	inStyle := 0 // depth of <style> elements around the current token
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			return "not well-formed XML"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if why := activeElement(t); why != "" {
				return why
			}
			if strings.EqualFold(t.Name.Local, "style") {
				inStyle++
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") && inStyle > 0 {
				inStyle--
			}
		case xml.CharData:
			if inStyle > 0 {
				if why := cssReference(string(t)); why != "" {
					return why
				}
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml-stylesheet") {
				return "an xml-stylesheet instruction"
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return "an entity declaration"
			}
		}
	}
}

// svgEmbedding are elements that run or embed other documents.
var svgEmbedding = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "embed": true,
	"object": true, "handler": true, "listener": true, "audio": true, "video": true,
}

// activeElement checks one start tag (element names are compared without
// namespace and case: <html:script> is a script too).
func activeElement(t xml.StartElement) string {
	name := strings.ToLower(t.Name.Local)
	if svgEmbedding[name] {
		return fmt.Sprintf("a <%s> element", t.Name.Local)
	}
	for _, a := range t.Attr {
		attr := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(attr, "on"):
			return fmt.Sprintf("an event handler (%s)", a.Name.Local)
		case attr == "href" || attr == "src":
			if !strings.HasPrefix(strings.TrimSpace(a.Value), "#") && !svgDataImage.MatchString(strings.TrimSpace(a.Value)) {
				return fmt.Sprintf("a reference that is not local (%s=%q)", a.Name.Local, a.Value)
			}
		case attr == "attributename":
			if strings.Contains(strings.ToLower(a.Value), "href") {
				return fmt.Sprintf("an animation of a reference (<%s attributeName=%q>)", t.Name.Local, a.Value)
			}
		case attr == "style":
			if why := cssReference(a.Value); why != "" {
				return why
			}
		}
	}
	return ""
}

// cssReference reports a url() to anything but a local #id, or @import.
func cssReference(css string) string {
	for _, m := range svgCSSURL.FindAllStringSubmatch(css, -1) {
		if strings.EqualFold(m[0], "@import") {
			return "a CSS @import"
		}
		if !strings.HasPrefix(m[1], "#") && !svgDataImage.MatchString(m[1]) {
			return fmt.Sprintf("a CSS reference that is not local (url(%s))", m[1])
		}
	}
	return ""
}
