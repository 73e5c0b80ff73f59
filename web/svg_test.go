package web

import (
	"strings"
	"testing"
)

// TestActiveSVG: drawings as programs export them pass; anything that runs
// a script, navigates or loads something when the SVG is opened as a
// document is found.
func TestActiveSVG(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	clean := map[string]string{
		"a rectangle": open + `<rect width="10" height="10" fill="#336"/></svg>`,
		"XML declaration and doctype": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n" +
			open + `<circle r="4"/></svg>`,
		"local gradient and use": open + `<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>` +
			`<rect id="r" style="fill:url(#g)" width="5" height="5"/><use xlink:href="#r" x="5"/></svg>`,
		"style element with local url":     open + `<style>.a{fill:url(#g)} text{font-family:sans-serif}</style><rect class="a"/></svg>`,
		"embedded raster image":            open + `<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/></svg>`,
		"text mentioning url() and onload": open + `<text x="0" y="5">Klick auf url(https://x.test) onload</text></svg>`,
	}
	for name, svg := range clean {
		if why := activeSVG([]byte(svg)); why != "" {
			t.Errorf("%s: found %q in a harmless drawing", name, why)
		}
	}
	active := map[string]string{
		"script":                open + `<script>alert(document.domain)</script></svg>`,
		"namespaced script":     open + `<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>`,
		"event handler":         `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`,
		"event handler, case":   open + `<rect ONCLICK="alert(1)"/></svg>`,
		"foreignObject":         open + `<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://x.test"/></foreignObject></svg>`,
		"javascript link":       open + `<a href="javascript:alert(1)"><rect width="9" height="9"/></a></svg>`,
		"xlink javascript link": open + `<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		"link to a page":        open + `<a href="https://phish.test/login"><text>Anmelden</text></a></svg>`,
		"external use":          open + `<use href="https://x.test/sprite.svg#i"/></svg>`,
		"external image":        open + `<image href="https://tracker.test/pixel.png"/></svg>`,
		"svg data image":        open + `<image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`,
		"animated href":         open + `<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`,
		"style import":          open + `<style>@import "https://x.test/a.css";</style></svg>`,
		"style url":             open + `<style>rect{fill:url(https://x.test/f.svg#g)}</style></svg>`,
		"style attribute url":   open + `<rect style="fill:url('https://x.test/p')"/></svg>`,
		"xml-stylesheet":        `<?xml-stylesheet href="https://x.test/a.css"?>` + open + `</svg>`,
		"entity":                `<!DOCTYPE svg [<!ENTITY x "y">]>` + open + `</svg>`,
		"not well-formed":       open + `<rect></svg>`,
		"HTML entity":           open + `<text>&nbsp;</text></svg>`,
	}
	for name, svg := range active {
		if why := activeSVG([]byte(svg)); why == "" {
			t.Errorf("%s: not found in %s", name, svg)
		} else if strings.TrimSpace(why) == "" {
			t.Errorf("%s: empty reason", name)
		}
	}
}
