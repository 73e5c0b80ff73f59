package web

import (
	"net/url"
	"strings"
)

// links builds the URLs of one page: absolute paths below prefix for the
// server, or paths relative to the page for the static site.
type links struct {
	prefix string // server: the base URL's path without trailing "/"
	static bool
	up     string // static: "../" once per folder level of the page
}

// serverLinks returns the links of the server under prefix.
func serverLinks(prefix string) links { return links{prefix: prefix} }

// staticLinks returns the links of a static page depth folders below the
// site's root.
func staticLinks(depth int) links {
	return links{static: true, up: strings.Repeat("../", depth)}
}

// escapePath path-escapes each "/"-separated segment, as the bot does.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// guidePath returns a guide's path on the site: its ID without ".md".
func guidePath(id string) string { return strings.TrimSuffix(id, ".md") }

// Home returns the URL of the index.
func (l links) Home() string {
	if l.static {
		return l.up + "index.html"
	}
	return l.prefix + "/"
}

// Guide returns the URL of a guide's page.
func (l links) Guide(id string) string {
	p := escapePath(guidePath(id))
	if l.static {
		return l.up + p + "/index.html"
	}
	return l.prefix + "/" + p
}

// Topic returns the URL of a topic's section on the index.
func (l links) Topic(name string) string { return l.Home() + "#" + topicAnchor(name) }

// Search returns the URL of the search page (without query).
func (l links) Search() string {
	if l.static {
		return l.up + "suche/index.html"
	}
	return l.prefix + "/suche"
}

// CSS returns the URL of the stylesheet.
func (l links) CSS() string { return l.file("static/" + cssName) }

// Image returns the URL of a library image (library-relative path).
func (l links) Image(p string) string { return l.file("bilder/" + escapePath(p)) }

func (l links) file(p string) string {
	if l.static {
		return l.up + p
	}
	return l.prefix + "/" + p
}

// topicAnchor is the id of a topic's heading on the index.
func topicAnchor(name string) string {
	if name == "" {
		return "thema-sonstiges"
	}
	return "thema-" + name
}
