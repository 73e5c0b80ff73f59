// Package web serves a read-only web view of the guide library and writes
// the same pages as a static site.
//
// The pages are rendered from the guides' Markdown by the same pipeline as
// the bot's answers ([guides.RenderGuide]): the sanitised HTML that comes out
// of it is the only markup that reaches the templates unescaped. Links
// between guides and images from the library folder are resolved through a
// [guides.LinkResolver] to placeholder URLs, which this package then
// replaces by the page URLs of the web view (see rewriteBody).
//
// # URLs
//
// Relative to the path of the configured base URL (guide_base_url):
//
//	/                       index of all visible guides, grouped by topic
//	/<topic>/<slug>         one guide: its ID without ".md", the segments
//	                        path-escaped (the bot's links use the same form)
//	/<topic>                redirects to the topic on the index
//	/suche?q=…              server-side search (works without JavaScript)
//	/static/<name>          the stylesheet (content-hashed name, cached long)
//	/bilder/<path>          images of the library that visible guides embed
//
// Only guides whose audience is one of [Options.Audiences] are shown; every
// other guide answers 404 exactly like a guide that does not exist.
//
// # Caching
//
// A [Handler] renders all pages of a library once and keeps them until the
// [Source] hands out another *guides.Library (the Store swaps libraries on
// reload); search pages are rendered per request.
//
// # Static site
//
// [Build] writes index.html, <topic>/<slug>/index.html, suche/index.html,
// 404.html, the stylesheet and the images with relative links, so the
// result works from any folder of any web server and from the file system.
// A static site searches in the browser: the build writes a prebuilt index
// of the visible guides (a script, so that it also works from the file
// system) and suche.js, which ranks it; without JavaScript its search page
// points to the index.
package web
