package web

import (
	"strings"
	"testing"
)

// TestActiveSVGBypasses: ways around a list of forbidden things that the
// first check (lib27) let through — a style's text split by a comment or a
// CDATA section (the browser joins the pieces), CSS escapes and image-set,
// a reference in a presentation attribute or an animation's value,
// xml:base turning a local link into javascript:, and elements of another
// namespace a browser renders (XHTML's meta refresh or form, MathML). An
// SVG with one of them is not copied; the drawings of TestActiveSVG and
// those below still are.
func TestActiveSVGBypasses(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	active := map[string]string{
		"style url split by a comment":  open + `<style>rect{fill:ur<!-- -->l(https://x.test/p)}</style></svg>`,
		"style url split by CDATA":      open + `<style>rect{fill:ur<![CDATA[l(https://x.test/p)}]]></style></svg>`,
		"import split by CDATA":         open + `<style>@im<![CDATA[port "https://x.test/a.css";]]></style></svg>`,
		"CSS escape in url":             open + `<style>rect{fill:u\72 l(https://x.test/p)}</style></svg>`,
		"CSS escape in import":          open + `<style>@\69mport "https://x.test/a.css";</style></svg>`,
		"image-set with a string":       open + `<rect style="mask:image-set('https://x.test/p.png' 1x)"/></svg>`,
		"presentation attribute url":    open + `<rect fill="url(https://x.test/f.svg#g)" width="9" height="9"/></svg>`,
		"filter attribute url":          open + `<rect filter="url( 'https://x.test/f.svg#f' )"/></svg>`,
		"cursor attribute url":          open + `<rect cursor="url(https://x.test/c.png), auto"/></svg>`,
		"animated fill to a url":        open + `<rect><set attributeName="fill" to="url(https://x.test/p)"/></rect></svg>`,
		"animation values with a url":   open + `<rect><animate attributeName="fill" values="red;url(https://x.test/p)"/></rect></svg>`,
		"xml:base makes a link active":  open + `<a xml:base="javascript:alert(1)//" href="#x"><text>x</text></a></svg>`,
		"XHTML meta refresh":            open + `<h:meta xmlns:h="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0; url=https://phish.test"/></svg>`,
		"XHTML form":                    open + `<h:form xmlns:h="http://www.w3.org/1999/xhtml" action="https://phish.test"><h:input name="pw"/></h:form></svg>`,
		"XHTML as default namespace":    open + `<g><div xmlns="http://www.w3.org/1999/xhtml"><button formaction="https://phish.test">OK</button></div></g></svg>`,
		"MathML":                        open + `<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>x</m:mi></m:math></svg>`,
		"UTF-16 with a byte order mark": "\xff\xfe" + utf16LE(open+`<script>alert(1)</script></svg>`),
		"encoding declared otherwise":   `<?xml version="1.0" encoding="ISO-8859-1"?>` + open + `</svg>`,
	}
	for name, svg := range active {
		if why := activeSVG([]byte(svg)); why == "" {
			t.Errorf("%s: not found in %s", name, svg)
		}
	}
	clean := map[string]string{
		"Inkscape's metadata": `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ` +
			`xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ` +
			`xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
			`sodipodi:docname="bild(2).svg" inkscape:export-filename="C:\Users\anna\bild.png">` +
			`<sodipodi:namedview id="v" inkscape:zoom="1"/><metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Bild</dc:title></cc:Work></rdf:RDF></metadata>` +
			`<g inkscape:label="Ebene 1" inkscape:groupmode="layer"><path d="M0 0L5 5" style="fill:none;stroke:#000000;stroke-width:0.5"/></g></svg>`,
		"UTF-8 byte order mark":        "\xef\xbb\xbf" + open + `<rect width="1" height="1"/></svg>`,
		"transforms and colours":       open + `<g transform="translate(1,2) rotate(5) scale(0.5) matrix(1 0 0 1 0 0)"><rect style="fill:rgb(10,20,30);stroke:hsl(200,50%,50%);opacity:calc(1 - 0.5)"/></g></svg>`,
		"local fill and animation":     open + `<rect fill="url(#g)"><animate attributeName="fill" values="red;url(#g)" dur="1s"/></rect></svg>`,
		"style with CDATA and comment": open + `<style><![CDATA[.a{fill:url(#g)}]]><!-- x -->.b{stroke:red}</style></svg>`,
		"xml:space and xml:lang":       open + `<text xml:space="preserve" xml:lang="de">Hallo</text></svg>`,
	}
	for name, svg := range clean {
		if why := activeSVG([]byte(svg)); why != "" {
			t.Errorf("%s: found %q in a harmless drawing", name, why)
		}
	}
}

// utf16LE encodes ASCII text as UTF-16, little-endian.
func utf16LE(s string) string {
	var b strings.Builder
	for i := range len(s) {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}
