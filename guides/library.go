package guides

import (
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/lotse-bot/lotse/guides/search"
)

// RootTopicTitle is the title of the topic that holds guides lying directly
// in the library root.
const RootTopicTitle = "Sonstiges"

// Library is an immutable, searchable set of guides. It is safe for
// concurrent use; the guides it returns are shared and must not be modified.
type Library struct {
	guides []*Guide
	byID   map[string]*Guide
	topics []Topic
	// botGuides are the IDs of the guides about the bot (BotGuides).
	botGuides []string
	index     *search.Index
	// leftOut are the IDs of the guides [Load] left out because a feature
	// they require is off ([WithFeatures]).
	leftOut []string
}

// Topic is a top-level folder of the library and the guides in it.
type Topic struct {
	// Name is the folder name ("" for guides at the root).
	Name string
	// Title is the folder name with a capital first letter.
	Title string
	// Guides are the topic's guides, sorted by ID.
	Guides []*Guide
}

// NewLibrary builds a library from parsed guides and indexes them for
// search. If two guides share an ID, the first one wins.
func NewLibrary(gs []*Guide) *Library {
	l := &Library{byID: make(map[string]*Guide, len(gs))}
	for _, g := range gs {
		if g == nil || l.byID[g.ID] != nil {
			continue
		}
		l.byID[g.ID] = g
		l.guides = append(l.guides, g)
	}
	slices.SortFunc(l.guides, func(a, b *Guide) int { return strings.Compare(a.ID, b.ID) })

	byTopic := map[string][]*Guide{}
	for _, g := range l.guides {
		byTopic[g.Topic()] = append(byTopic[g.Topic()], g)
	}
	names := slices.Sorted(maps.Keys(byTopic))
	if len(names) > 0 && names[0] == "" {
		names = append(names[1:], "") // root guides last
	}
	for _, name := range names {
		l.topics = append(l.topics, Topic{Name: name, Title: topicTitle(name), Guides: byTopic[name]})
	}
	// The plain texts are derived guide by guide while the index is built,
	// never for the whole library at once (peak memory with thousands of
	// guides, see docs/performance.md).
	indexBuilds.Add(1)
	l.index = search.BuildSeq(func(yield func(search.Doc) bool) {
		for _, g := range l.guides {
			if !yield(searchDoc(g)) {
				return
			}
		}
	}, search.Options{})
	for _, g := range l.guides {
		if slices.ContainsFunc(g.Tags, l.index.NamesAddressee) {
			l.botGuides = append(l.botGuides, g.ID)
		}
	}
	return l
}

// BotGuides returns the bot's name as the search reads it
// (search.Options.Addressee, folded; "" when off) and the IDs of the guides
// about the bot: those tagged with that name (library/README.md). The
// answer engine offers them for a question about the bot's own acts. The
// slice is shared and must not be modified.
func (l *Library) BotGuides() (name string, ids []string) {
	if l.index == nil {
		return "", nil
	}
	return l.index.Addressee(), l.botGuides
}

// SearchBotGuides is SearchFor over the guides about the bot alone
// (BotGuides): how well each of them explains query, on the same scale
// as SearchFor's scores (the share of the query's weight a guide
// explains), whether or not a guide about something else explains it
// better. The answer engine weighs them against the guide a question
// about the bot was answered with (commands/answer/botanswer.go).
func (l *Library) SearchBotGuides(query string, limit int, team bool) search.Result {
	if l.index == nil || len(l.botGuides) == 0 {
		return search.Result{Query: query}
	}
	return l.index.SearchWhere(query, limit, func(id string) bool {
		g := l.byID[id]
		return g != nil && slices.Contains(l.botGuides, id) && VisibleTo(g, team)
	})
}

// indexBuilds counts the search indexes built by [NewLibrary].
var indexBuilds atomic.Int64

// IndexBuilds returns how many search indexes this process has built (one
// per [NewLibrary], [Load], reload and [Library.WithLearned]). Building one
// is the costly part of loading a library, and tests in three packages
// (guides, commands, cmd/lotse) hold that a start, a reload or a teaching
// builds no index twice. It ships because Go has no test-only export
// across packages; it costs one atomic add per index, which itself takes
// milliseconds, and nothing in production reads it.
func IndexBuilds() int64 { return indexBuilds.Load() }

// searchDoc converts a guide into the search package's document: one plain
// text per section, in the same order as g.Sections.
func searchDoc(g *Guide) search.Doc {
	d := search.Doc{
		ID:      g.ID,
		Title:   g.Title,
		Tags:    g.Tags,
		Summary: g.Summary,
		Aliases: append(slices.Clip(g.Aliases), g.Questions...),
		Learned: g.Learned,
	}
	for i, s := range g.Sections {
		d.Sections = append(d.Sections, search.Section{Heading: s.Heading, Text: indexText(s.Markdown, i > 0)})
	}
	return d
}

func topicTitle(name string) string {
	if name == "" {
		return RootTopicTitle
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// LeftOut returns the IDs of the guides [Load] left out because they
// require a feature that is off ([WithFeatures]), sorted. The slice is a
// copy.
func (l *Library) LeftOut() []string { return slices.Clone(l.leftOut) }

// Placeholders returns, for every site value the library's guides use
// (cloud_url; {{cloud_host}} counts as cloud_url), the IDs of the guides
// that use it, sorted. Guides left out ([Library.LeftOut]) do not count.
func (l *Library) Placeholders() map[string][]string {
	out := map[string][]string{}
	for _, g := range l.guides {
		for _, name := range g.Placeholders {
			out[name] = append(out[name], g.ID)
		}
	}
	return out
}

// Len returns the number of guides.
func (l *Library) Len() int { return len(l.guides) }

// Guides returns all guides sorted by ID. The slice is a copy.
func (l *Library) Guides() []*Guide {
	return slices.Clone(l.guides)
}

// Get returns the guide with the ID. The ".md" suffix may be left out.
func (l *Library) Get(id string) (*Guide, bool) {
	if g, ok := l.byID[id]; ok {
		return g, true
	}
	g, ok := l.byID[id+".md"]
	return g, ok
}

// GetFor is Get as a member (team false) or a team member sees the
// library: a guide meant only for the team is not there for a member.
// Hits, choices and „mehr“ kept from an earlier turn look their guides up
// here, so a guide a reload removed or made team-only since is gone for a
// member in one place.
func (l *Library) GetFor(id string, team bool) (*Guide, bool) {
	g, ok := l.Get(id)
	if !ok || !VisibleTo(g, team) {
		return nil, false
	}
	return g, true
}

// Topics returns the top-level folders with their guides, sorted by folder
// name; guides at the root come last, under [RootTopicTitle]. The slice is a
// copy.
func (l *Library) Topics() []Topic {
	out := slices.Clone(l.topics)
	for i := range out {
		out[i].Guides = slices.Clone(out[i].Guides)
	}
	return out
}

// SearchFor is Search as a member sees it: unless team is true, guides
// meant only for the team (audience without "members") are left out — not
// just hidden from the hits, so they do not sway the confidence either.
func (l *Library) SearchFor(query string, limit int, team bool) search.Result {
	if team || l.index == nil {
		return l.Search(query, limit)
	}
	return l.index.SearchWhere(query, limit, func(id string) bool {
		g := l.byID[id]
		return g != nil && VisibleTo(g, false)
	})
}

// VisibleTo reports whether a member (team false) or a team member may see g.
func VisibleTo(g *Guide, team bool) bool {
	return team || g.HasAudience(DefaultAudience)
}

// Search finds the guides that best answer query (at most limit hits),
// whatever their audience. A hit's Section indexes the guide's Sections.
func (l *Library) Search(query string, limit int) search.Result {
	if l.index == nil { // zero Library
		return search.Result{Query: query}
	}
	return l.index.Search(query, limit)
}
