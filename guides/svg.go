package guides

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
// serves it. The web view's server sends SVG sandboxed, but the static
// build's files are served by any web host, often the association's own
// website, with whatever headers that host sends. So the static build
// copies an SVG only if ActiveSVG finds nothing active in it, and
// `lotse guides check` warns about such an image beforehand.
//
// The check keeps to what it knows is inert rather than listing what is
// forbidden: elements of the SVG namespace and of the metadata namespaces
// drawing programs write (an XHTML or MathML element would be rendered:
// a meta refresh, a form), xml:space and xml:lang but no other xml:
// attribute (xml:base can turn a local link into javascript:), and in
// CSS — a style element's whole text, a style attribute, a presentation
// attribute such as fill or an animation's values — only the functions
// of svgCSSFunctions, url() only to a local #id or an embedded raster
// image, no escapes and no @import.

const (
	svgNamespace = "http://www.w3.org/2000/svg"
	xmlNamespace = "http://www.w3.org/XML/1998/namespace"
)

// svgElementSpaces are the namespaces an element may have: SVG, none
// (inert in a browser), and the metadata of Inkscape, Sodipodi, RDF,
// Creative Commons and Dublin Core, which a browser shows nothing of.
var svgElementSpaces = map[string]bool{
	svgNamespace: true,
	"":           true,
	"http://www.inkscape.org/namespaces/inkscape":        true,
	"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": true,
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#":        true,
	"http://creativecommons.org/ns#":                     true,
	"http://web.resource.org/cc/":                        true,
	"http://purl.org/dc/elements/1.1/":                   true,
	"http://purl.org/dc/terms/":                          true,
}

// svgDataImage is the one kind of non-local reference an SVG may keep: a
// raster image embedded as a data: URL (drawing programs write them).
var svgDataImage = regexp.MustCompile(`(?i)^data:image/(png|jpeg|gif|webp);base64,`)

// svgCSSFunction finds a CSS function call (a name directly followed by
// "(" — with a space between, CSS does not call anything).
var svgCSSFunction = regexp.MustCompile(`([-\w]+)\(`)

// svgCSSFunctions are the CSS functions an SVG may use: colours,
// transforms, arithmetic, gradients, filters, shapes and timing, none of
// which loads anything; url() is checked on its own.
var svgCSSFunctions = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`url rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix
		translate translatex translatey translatez translate3d rotate rotatex rotatey rotatez rotate3d
		scale scalex scaley scalez scale3d skew skewx skewy matrix matrix3d perspective
		calc min max clamp var linear-gradient radial-gradient conic-gradient
		repeating-linear-gradient repeating-radial-gradient repeating-conic-gradient
		blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia
		inset circle ellipse polygon cubic-bezier steps format`) {
		svgCSSFunctions[f] = true
	}
}

// ActiveSVG returns why the SVG data could run a script, navigate or load
// something when opened as a document (empty if nothing): a script,
// foreignObject or other embedding element, an element of a namespace
// that is not SVG or metadata, an event handler attribute, xml:base, a
// reference that is not local (href, xlink:href, CSS url(), @import,
// xml-stylesheet), CSS it does not know to be inert, an animation that
// sets a reference, an entity declaration, or XML the parser does not
// accept (an encoding other than UTF-8 among it).
func ActiveSVG(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	inStyle := 0           // depth of <style> elements around the current token
	var style bytes.Buffer // a style element's text: comments and CDATA split it, the browser joins it
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
				if inStyle == 0 {
					if why := cssReference(style.String()); why != "" {
						return why
					}
					style.Reset()
				}
			}
		case xml.CharData:
			if inStyle > 0 {
				style.Write(t)
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
// case: <SCRIPT> counts as a script too).
func activeElement(t xml.StartElement) string {
	name := strings.ToLower(t.Name.Local)
	if svgEmbedding[name] {
		return fmt.Sprintf("a <%s> element", t.Name.Local)
	}
	if !svgElementSpaces[t.Name.Space] {
		return fmt.Sprintf("an element of another namespace (<%s> of %s)", t.Name.Local, t.Name.Space)
	}
	for _, a := range t.Attr {
		attr := strings.ToLower(a.Name.Local)
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
			continue // a namespace declaration
		case strings.HasPrefix(attr, "on"):
			return fmt.Sprintf("an event handler (%s)", a.Name.Local)
		case a.Name.Space == xmlNamespace && attr != "space" && attr != "lang":
			return fmt.Sprintf("an xml:%s attribute", a.Name.Local)
		case attr == "href" || attr == "src":
			if !strings.HasPrefix(strings.TrimSpace(a.Value), "#") && !svgDataImage.MatchString(strings.TrimSpace(a.Value)) {
				return fmt.Sprintf("a reference that is not local (%s=%q)", a.Name.Local, a.Value)
			}
		case attr == "attributename" && strings.Contains(strings.ToLower(a.Value), "href"):
			return fmt.Sprintf("an animation of a reference (<%s attributeName=%q>)", t.Name.Local, a.Value)
		case a.Name.Space == "":
			// style, a presentation attribute (fill, filter, cursor) or
			// an animation's to, from or values: CSS to a browser.
			if why := cssReference(a.Value); why != "" {
				return why
			}
		}
	}
	return ""
}

// cssReference reports in CSS text what could load something: an escape
// (u\72l( is url(), a function not in svgCSSFunctions (image-set takes
// strings), a url() to anything but a local #id or an embedded raster
// image, or @import.
func cssReference(css string) string {
	if strings.Contains(css, `\`) {
		return "a CSS escape"
	}
	if strings.Contains(strings.ToLower(css), "@import") {
		return "a CSS @import"
	}
	for _, m := range svgCSSFunction.FindAllStringSubmatchIndex(css, -1) {
		name := strings.ToLower(css[m[2]:m[3]])
		if !svgCSSFunctions[name] {
			return fmt.Sprintf("a CSS function that is not known to be inert (%s())", css[m[2]:m[3]])
		}
		if name != "url" {
			continue
		}
		arg := strings.TrimLeft(css[m[1]:], " \t\r\n\f'\"")
		if !strings.HasPrefix(arg, "#") && !svgDataImage.MatchString(arg) {
			end := strings.IndexAny(arg, `'")`)
			if end < 0 {
				end = len(arg)
			}
			return fmt.Sprintf("a CSS reference that is not local (url(%s))", arg[:end])
		}
	}
	return ""
}
