package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/lotse.css
var css []byte

// cssName is the stylesheet's file name; it carries a hash of the content
// so that browsers may cache it for good.
var cssName = func() string {
	sum := sha256.Sum256(css)
	return "lotse." + hex.EncodeToString(sum[:4]) + ".css"
}()

// pageTemplates are the page templates, each combined with the layout.
var pageTemplates = func() map[string]*template.Template {
	layout := template.Must(template.ParseFS(templateFS, "templates/layout.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"index", "guide", "search", "notfound"} {
		t := template.Must(template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html"))
		out[name] = t
	}
	return out
}()

// DefaultSiteTitle is the name shown in the header and the window title.
const DefaultSiteTitle = "Lotse-Anleitungen"

// maxQueryRunes bounds the search query taken from the URL.
const maxQueryRunes = 200

// searchLimit is the number of hits a search page shows.
const searchLimit = 10

// site is one library as the web view shows it: the visible guides and
// their rendered bodies. It is immutable once built.
type site struct {
	lib    *guides.Library
	title  string
	texts  *Texts
	opts   Options
	byPath map[string]*guides.Guide // visible guides by ID without ".md"
	topics []guides.Topic           // visible guides only, empty topics left out
	bodies map[string]guideBody     // by guide ID
	images map[string]bool          // library images that visible guides embed
	search *guides.Library          // what the search page searches (see searchLibrary)
}

// newSite renders the guides of lib that have one of opts.Audiences; images
// are looked up in opts.Dir. Guides whose path starts like a page of the
// site itself ("suche", "static/…", "bilder/…") are left out.
func newSite(lib *guides.Library, opts Options) *site {
	audiences, dir := opts.Audiences, opts.Dir
	s := &site{
		lib:    lib,
		title:  opts.SiteTitle,
		texts:  TextsFor(opts.Language),
		opts:   opts,
		byPath: map[string]*guides.Guide{},
		bodies: map[string]guideBody{},
		images: map[string]bool{},
	}
	shown := func(g *guides.Guide) bool {
		return slices.ContainsFunc(audiences, g.HasAudience)
	}
	for _, t := range lib.Topics() {
		t.Guides = slices.DeleteFunc(t.Guides, func(g *guides.Guide) bool {
			if reserved(guidePath(g.ID)) {
				opts.Log.Warn().Str("guide", g.ID).Msg("Guide path is taken by a page of the web view; not shown")
				return true
			}
			return !shown(g)
		})
		if len(t.Guides) == 0 {
			continue
		}
		s.topics = append(s.topics, t)
		for _, g := range t.Guides {
			s.byPath[guidePath(g.ID)] = g
		}
	}
	visible := func(id string) (*guides.Guide, bool) {
		g, ok := lib.Get(id)
		if !ok || s.byPath[guidePath(g.ID)] != g {
			return nil, false
		}
		return g, true
	}
	checked := map[string]bool{}
	image := func(p string) bool {
		ok, seen := checked[p]
		if !seen {
			ok = imageFile(dir, p) == nil
			checked[p] = ok
		}
		if ok {
			s.images[p] = true
		}
		return ok
	}
	for _, g := range s.byPath {
		s.bodies[g.ID] = renderBody(g, visible, image)
	}
	s.search = searchLibrary(lib, s.byPath)
	return s
}

// searchLibrary is the library the public search page searches: the
// visible guides as their files have them. Not the whole library: guides
// the site does not show would take places among the hits and sway the
// confidence, which tells a stranger what they contain. And without the
// questions the team taught the guides from support cases
// (guides.Guide.Learned): they are members' own words, names included,
// and a search for a name would tell anyone on the internet which guide
// a member with that name asked about. When lib is just that, it is used
// as it is; otherwise this builds a search index of its own (about as long
// as loading the library, once per library: BenchmarkRenderLibrary).
func searchLibrary(lib *guides.Library, byPath map[string]*guides.Guide) *guides.Library {
	if lib.Len() == len(byPath) && !slices.ContainsFunc(lib.Guides(), func(g *guides.Guide) bool { return len(g.Learned) > 0 }) {
		return lib
	}
	gs := make([]*guides.Guide, 0, len(byPath))
	for _, g := range byPath {
		if len(g.Learned) > 0 {
			cp := *g
			cp.Learned = nil
			g = &cp
		}
		gs = append(gs, g)
	}
	return guides.NewLibrary(gs)
}

// topic reports whether name is a topic with visible guides.
func (s *site) topic(name string) bool {
	return slices.ContainsFunc(s.topics, func(t guides.Topic) bool { return t.Name == name && name != "" })
}

// layoutData is what the layout template needs; page data embeds it.
type layoutData struct {
	Title       string // the window title
	Description string
	SiteTitle   string
	T           *Texts // the web view's own texts
	L           links
	Search      bool   // show the search form
	Query       string // the search query, shown in the form
	// Impressum and Privacy are the footer's legal links (may be empty).
	Impressum, Privacy string
	// LiveReload is the URL of the live-reload script (authors' server only).
	LiveReload string
	// NoIndex asks search engines not to index the page (the search page,
	// which repeats whatever query a link carries).
	NoIndex bool
}

type indexData struct {
	layoutData
	Count  int
	Topics []topicView
}

type topicView struct {
	Anchor, Title string
	Guides        []guideLink
}

type guideLink struct {
	URL, Title, Summary string
}

type guideData struct {
	layoutData
	Guide      *guides.Guide
	TopicTitle string
	TopicURL   string
	TOC        []tocEntry
	Body       template.HTML
	// Modified is when the guide last changed (nil: unknown).
	Modified *pageDate
	// FeedbackURL is where the 👍/👎 form posts ("": no form).
	FeedbackURL string
	// AskURL leads to Lotse in the chat ("": not configured).
	AskURL string
}

// pageDate is a day as a reader expects it ("4. Dezember 2026", "4
// December 2026"), with the machine-readable form for <time>.
type pageDate struct{ ISO, Text string }

func newPageDate(t time.Time, loc *time.Location, texts *Texts) *pageDate {
	if t.IsZero() {
		return nil
	}
	t = t.In(loc)
	return &pageDate{ISO: t.Format("2006-01-02"), Text: texts.date(t.Day(), int(t.Month()), t.Year())}
}

type searchData struct {
	layoutData
	Static bool
	// IndexScript and SearchScript are the static site's prebuilt index
	// and the script that searches it in the browser.
	IndexScript, SearchScript string
	Confident                 bool
	Hits                      []searchHit
	// AskURL leads to Lotse in the chat when nothing fits ("": not
	// configured).
	AskURL string
}

// notFoundData is the 404 page: a guide that is gone, and the way to a
// person.
type notFoundData struct {
	layoutData
	// AskURL leads to Lotse in the chat ("": not configured).
	AskURL string
}

type searchHit struct {
	URL, Title, Summary string
	// Section, SectionURL and Excerpt show the best matching section.
	Section, SectionURL, Excerpt string
}

func (s *site) layout(l links, title, description string) layoutData {
	full := s.title
	if title != "" {
		full = title + " – " + s.title
	}
	d := layoutData{Title: full, Description: description, SiteTitle: s.title, T: s.texts, L: l, Search: true,
		Impressum: s.opts.ImpressumURL, Privacy: s.opts.PrivacyURL}
	if s.opts.LiveReload && !l.static {
		d.LiveReload = l.prefix + LiveReloadPath + "reload.js"
	}
	return d
}

func execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := pageTemplates[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("failed to render %s page: %w", name, err)
	}
	return buf.Bytes(), nil
}

// indexPage renders the index of all visible guides.
func (s *site) indexPage(l links) ([]byte, error) {
	d := indexData{layoutData: s.layout(l, "", s.texts.IndexDescription)}
	for _, t := range s.topics {
		tv := topicView{Anchor: topicAnchor(t.Name), Title: t.Title}
		for _, g := range t.Guides {
			tv.Guides = append(tv.Guides, guideLink{URL: l.Guide(g.ID), Title: g.Title, Summary: g.Summary})
		}
		d.Count += len(t.Guides)
		d.Topics = append(d.Topics, tv)
	}
	return execute("index", d)
}

// guidePage renders one visible guide.
func (s *site) guidePage(g *guides.Guide, l links) ([]byte, error) {
	b := s.bodies[g.ID]
	d := guideData{
		layoutData: s.layout(l, g.Title, g.Summary),
		Guide:      g,
		TopicTitle: topicTitle(s.topics, g.Topic()),
		TopicURL:   l.Topic(g.Topic()),
		TOC:        b.toc,
		// The body came out of guides.RenderGuide (sanitised); rewriteBody
		// only inserts escaped URLs and ids.
		Body: template.HTML(rewriteBody(b.html, l, s.images)),
	}
	if len(d.TOC) < 2 {
		d.TOC = nil
	}
	d.Modified = newPageDate(g.ModTime, s.opts.Location, s.texts)
	d.AskURL = s.opts.ChatURL
	if s.opts.Feedback != nil && !l.static {
		d.FeedbackURL = l.Guide(g.ID)
	}
	return execute("guide", d)
}

func topicTitle(topics []guides.Topic, name string) string {
	for _, t := range topics {
		if t.Name == name {
			return t.Title
		}
	}
	return name
}

// searchPage runs the query and renders the results; hits for guides that
// are not shown are left out. With static links it renders the page that
// explains that a static site has no search.
func (s *site) searchPage(query string, l links) ([]byte, error) {
	query = cleanQuery(query)
	d := searchData{layoutData: s.layout(l, s.texts.SearchTitle, ""), Static: l.static, AskURL: s.opts.ChatURL}
	d.NoIndex = true
	if l.static {
		d.IndexScript, d.SearchScript = l.up+"suche/"+indexScriptName, l.up+"static/"+searchScriptName
	}
	if query != "" && !l.static {
		d.Title = s.texts.F(s.texts.SearchTitleQuery, query) + " – " + s.title
		d.Query = query
		hits, confident := s.search.Search(query, searchLimit).Shown()
		d.Confident = confident && len(hits) > 0
		for _, h := range hits {
			g, ok := s.byPath[guidePath(h.ID)]
			if !ok {
				continue
			}
			hit := searchHit{URL: l.Guide(g.ID), Title: g.Title, Summary: g.Summary}
			if h.Section > 0 && h.Section < len(g.Sections) {
				sec := g.Sections[h.Section]
				if s.bodies[g.ID].ids[sec.Anchor] {
					hit.SectionURL = hit.URL + "#" + sec.Anchor
				}
				hit.Section = sec.Heading
				_, hit.Excerpt = guides.Excerpt(g, h.Section)
				if hit.Excerpt == g.Summary {
					hit.Excerpt = ""
				}
			}
			d.Hits = append(d.Hits, hit)
			if len(d.Hits) == searchLimit {
				break
			}
		}
	}
	return execute("search", d)
}

// cleanQuery makes a query from the URL safe to search and show: valid
// UTF-8, single spaces, at most maxQueryRunes runes.
func cleanQuery(q string) string {
	q = strings.Join(strings.Fields(strings.ToValidUTF8(q, "")), " ")
	if utf8.RuneCountInString(q) > maxQueryRunes {
		q = string([]rune(q)[:maxQueryRunes])
	}
	return q
}

// notFoundPage renders the page for unknown, hidden and removed guides: a
// member who follows an old link from the chat learns where to go on, to
// the index and, when the chat is linked, to Lotse.
func (s *site) notFoundPage(l links) ([]byte, error) {
	return execute("notfound", notFoundData{layoutData: s.layout(l, s.texts.NotFoundTitle, ""), AskURL: s.opts.ChatURL})
}

// reserved reports whether a guide path is taken by a page of the site
// itself (a topic named "static", "bilder" or "suche", or 404.html).
func reserved(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return first == "static" || first == "bilder" || first == "suche" || p == "404.html" || p == "index.html"
}
