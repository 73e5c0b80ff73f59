package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// ContentSecurityPolicy is sent with every response: nothing but the site's
// own stylesheet and images may load, and no scripts at all.
const ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// svgPolicy replaces ContentSecurityPolicy for SVG images, which are
// documents of their own: no scripts, no loads, sandboxed.
const svgPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

// Source hands out the current library; *guides.Store is one.
type Source interface {
	Current() *guides.Library
}

var _ Source = (*guides.Store)(nil)

// Options configures a [Handler] and [Build].
type Options struct {
	// BaseURL is the public URL of the web view (guide_base_url). The
	// handler serves and links below its path: with
	// "https://example.org/anleitungen" the index is /anleitungen/ and a
	// guide /anleitungen/konto/passwort-vergessen, so a reverse proxy must
	// pass the path on unchanged. Empty means "/". [Build] ignores it.
	BaseURL string
	// Audiences are the guide audiences shown; default
	// [guides.DefaultAudience].
	Audiences []string
	// Dir is the library folder that images are read from; empty shows
	// no images.
	Dir string
	// SiteTitle is the name in the header; default the texts' SiteTitle
	// ([DefaultSiteTitle] in German).
	SiteTitle string
	// Language chooses the web view's own texts ([TextsFor]: "de", the
	// default, or "en"); the guides are shown as they are.
	Language string
	// ImpressumURL and PrivacyURL are linked in every page's footer (a
	// German association's public site needs both); empty: no link.
	ImpressumURL, PrivacyURL string
	// Feedback, when set, adds "War das hilfreich? 👍/👎" to every guide
	// page of the server (a form, no script) and counts the votes there;
	// the static build has no server and shows no form.
	Feedback Feedback
	// ChatURL is where a reader asks Lotse (a matrix.to link to the bot);
	// empty: no link.
	ChatURL string
	// Location is the time zone of the "last changed" dates (default UTC).
	Location *time.Location
	// LiveReload makes every page load the live-reload script under
	// [LiveReloadPath] (for `lotse guides serve`; never in production: it
	// relaxes the Content-Security-Policy to scripts from the site itself).
	LiveReload bool
	// Log receives errors (nothing per request).
	Log zerolog.Logger
}

func (o Options) withDefaults() Options {
	if len(o.Audiences) == 0 {
		o.Audiences = []string{guides.DefaultAudience}
	}
	if o.SiteTitle == "" {
		o.SiteTitle = TextsFor(o.Language).SiteTitle
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	return o
}

// Feedback counts votes from the web pages (*storage.FeedbackQuery is
// one): the guide's counters only, no personal data.
type Feedback interface {
	WebVote(ctx context.Context, guideID string, helpful bool) error
}

// Handler serves the web view. It is safe for concurrent use.
type Handler struct {
	src      Source
	opts     Options
	prefix   string
	votes    *voteGuard
	searches *searchGate
	texts    *Texts

	mu  sync.Mutex // serialises building the cache
	cur atomic.Pointer[serverPages]
}

// serverPages are the pages of one library as the server shows them.
type serverPages struct {
	site     *site
	pages    map[string]page // by guide path; "" is the index
	notFound []byte
}

// page is a rendered page with its entity tag.
type page struct {
	body []byte
	etag string
}

func newPage(body []byte) page {
	sum := sha256.Sum256(body)
	return page{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// NewHandler returns a handler for the libraries src hands out. It fails if
// opts.BaseURL is not an absolute http(s) URL or a path.
func NewHandler(src Source, opts Options) (*Handler, error) {
	opts = opts.withDefaults()
	prefix, err := basePath(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	return &Handler{src: src, opts: opts, prefix: prefix, votes: newVoteGuard(), searches: newSearchGate(), texts: TextsFor(opts.Language)}, nil
}

// basePath returns the path of the base URL without trailing "/".
func basePath(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("failed to parse the guide base URL: %w", err)
	}
	if (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("guide base URL %q: want http(s)://host/path without query or fragment", base)
	}
	p := strings.TrimRight(u.Path, "/")
	if p != "" && !validRelPath(p[1:]) {
		return "", fmt.Errorf("guide base URL %q: invalid path", base)
	}
	return p, nil
}

// Prepare renders the pages of lib if it is the current library and not
// rendered yet, so that no request has to wait for it. Call it after a
// reload (see [guides.Store.OnReload]); it is safe to call concurrently.
func (h *Handler) Prepare(lib *guides.Library) error {
	if lib != h.src.Current() {
		return nil
	}
	_, err := h.pages(lib)
	return err
}

// pages returns the rendered pages of lib, rendering them if needed.
func (h *Handler) pages(lib *guides.Library) (*serverPages, error) {
	if p := h.cur.Load(); p != nil && p.site.lib == lib {
		return p, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if p := h.cur.Load(); p != nil && p.site.lib == lib {
		return p, nil
	}
	start := time.Now()
	s := newSite(lib, h.opts)
	l := serverLinks(h.prefix)
	sp := &serverPages{site: s, pages: make(map[string]page, len(s.byPath)+1)}
	body, err := s.indexPage(l)
	if err != nil {
		return nil, err
	}
	sp.pages[""] = newPage(body)
	for p, g := range s.byPath {
		body, err := s.guidePage(g, l)
		if err != nil {
			return nil, err
		}
		sp.pages[p] = newPage(body)
	}
	if sp.notFound, err = s.notFoundPage(l); err != nil {
		return nil, err
	}
	h.cur.Store(sp)
	h.opts.Log.Debug().Int("guides", len(s.byPath)).Int("images", len(s.images)).
		Dur("took", time.Since(start)).Msg("Rendered the web view")
	return sp, nil
}

// liveReloadPolicy replaces ContentSecurityPolicy with Options.LiveReload:
// the site's own script may run and open its event stream.
const liveReloadPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// setSecurityHeaders sets the headers every response carries.
func (h *Handler) setSecurityHeaders(hdr http.Header) {
	setSecurityHeaders(hdr)
	if h.opts.LiveReload {
		hdr.Set("Content-Security-Policy", liveReloadPolicy)
	}
}

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// ServeHTTP serves the web view (GET and HEAD; POST on a guide page counts
// a vote when Options.Feedback is set).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.setSecurityHeaders(w.Header())
	if r.Method == http.MethodPost && h.opts.Feedback != nil {
		h.vote(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", h.allowed(r))
		http.Error(w, h.texts.MethodNotAllowed, http.StatusMethodNotAllowed)
		return
	}
	sp, err := h.pages(h.src.Current())
	if err != nil {
		h.opts.Log.Err(err).Msg("Failed to render the web view")
		http.Error(w, h.texts.InternalError, http.StatusInternalServerError)
		return
	}
	rel, ok := h.relPath(r)
	if !ok {
		h.notFound(w, r, sp)
		return
	}
	switch {
	case rel == "":
		if r.URL.Path != h.prefix+"/" { // the prefix without "/"
			h.redirect(w, h.prefix+"/")
			return
		}
		servePage(w, r, sp.pages[""], "no-cache")
	case rel == "suche":
		h.search(w, r, sp)
	case strings.HasPrefix(rel, "static/"):
		if rel != "static/"+cssName {
			h.notFound(w, r, sp)
			return
		}
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(css))
	case strings.HasPrefix(rel, "bilder/"):
		h.image(w, r, sp, strings.TrimPrefix(rel, "bilder/"))
	default:
		trimmed := strings.TrimSuffix(rel, "/")
		if p, ok := sp.pages[trimmed]; ok {
			if trimmed != rel {
				h.redirect(w, serverLinks(h.prefix).Guide(trimmed))
				return
			}
			servePage(w, r, p, "no-cache")
			return
		}
		if sp.site.topic(trimmed) {
			h.redirect(w, serverLinks(h.prefix).Topic(trimmed))
			return
		}
		h.notFound(w, r, sp)
	}
}

// allowed lists the methods r's path takes, for a 405: POST too on a guide
// page with the 👍/👎 form.
func (h *Handler) allowed(r *http.Request) string {
	if h.opts.Feedback != nil {
		if sp, err := h.pages(h.src.Current()); err == nil {
			if rel, ok := h.relPath(r); ok && sp.site.byPath[rel] != nil {
				return "GET, HEAD, POST"
			}
		}
	}
	return "GET, HEAD"
}

// relPath returns the request path below the prefix without the leading
// "/" ("" for the index). It rejects paths that are not plain: encoded
// slashes, backslashes, dots or NULs, empty, ".", ".." or hidden segments,
// control characters and invalid UTF-8.
func (h *Handler) relPath(r *http.Request) (string, bool) {
	esc := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2f", "%5c", "%2e", "%00"} {
		if strings.Contains(esc, bad) {
			return "", false
		}
	}
	p := r.URL.Path
	if p == h.prefix {
		return "", true // redirected to prefix + "/"
	}
	rel, ok := strings.CutPrefix(p, h.prefix+"/")
	if !ok {
		return "", false
	}
	if rel == "" {
		return "", true
	}
	check := strings.TrimSuffix(rel, "/")
	if !validRelPath(check) || !utf8Valid(check) {
		return "", false
	}
	return rel, true
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// servePage writes a cached page; conditional requests get 304.
func servePage(w http.ResponseWriter, r *http.Request, p page, cacheControl string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cacheControl)
	w.Header().Set("ETag", p.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(p.body))
}

// writeHTML writes an uncached HTML response with a status (Cache-Control
// "no-cache" unless already set).
func writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, sp *serverPages) {
	writeHTML(w, r, http.StatusNotFound, sp.notFound)
}

// redirect sends a permanent redirect to a URL of this site.
func (h *Handler) redirect(w http.ResponseWriter, to string) {
	w.Header().Set("Location", to)
	w.WriteHeader(http.StatusMovedPermanently)
}

// search renders the search page for the query in q.
//
// The page repeats the query („Keine Anleitung passt zu „…““), so anyone
// can make a link that shows words of their choosing on the association's
// domain; X-Robots-Tag keeps search engines from indexing such pages.
func (h *Handler) search(w http.ResponseWriter, r *http.Request, sp *serverPages) {
	w.Header().Set("X-Robots-Tag", "noindex")
	q := r.URL.Query().Get("q")
	var body []byte
	var err error
	render := func() { body, err = sp.site.searchPage(q, serverLinks(h.prefix)) }
	if cleanQuery(q) == "" { // the empty search page costs nothing
		render()
	} else {
		// Members type their own words, personal data included: no cache
		// keeps the page.
		w.Header().Set("Cache-Control", "no-store")
		if !h.searches.run(r.Context(), render) {
			w.Header().Set("Retry-After", "1")
			http.Error(w, h.texts.SearchBusy, http.StatusServiceUnavailable)
			return
		}
	}
	if err != nil {
		h.opts.Log.Err(err).Msg("Failed to render a search page")
		http.Error(w, h.texts.InternalError, http.StatusInternalServerError)
		return
	}
	writeHTML(w, r, http.StatusOK, body)
}

// image serves a library image that a visible guide embeds.
func (h *Handler) image(w http.ResponseWriter, r *http.Request, sp *serverPages, p string) {
	if !sp.site.images[p] {
		h.notFound(w, r, sp)
		return
	}
	f, info, err := openImage(h.opts.Dir, p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			h.opts.Log.Warn().Err(err).Str("image", p).Msg("Failed to open an image")
		}
		h.notFound(w, r, sp)
		return
	}
	defer f.Close()
	ctype := imageTypes[strings.ToLower(path.Ext(p))]
	if ctype == "image/svg+xml" {
		w.Header().Set("Content-Security-Policy", svgPolicy)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "", info.ModTime(), f)
}

// openImage opens a library image below dir through an [os.Root].
func openImage(dir, p string) (*os.File, fs.FileInfo, error) {
	if err := imageFile(dir, p); err != nil {
		return nil, nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to open library folder: %w", err)
	}
	defer root.Close()
	f, err := root.Open(p)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to open image: %w", err)
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}
