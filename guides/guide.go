package guides

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// DefaultAudience is the audience of a guide whose front matter names none.
const DefaultAudience = "members"

// knownAudiences are the audiences a guide may name: "members" (every
// member; [DefaultAudience]) and "team" (only the team, where the team
// reads). A guide naming another one loads with a warning, and members do
// not see it unless it names "members" too.
var knownAudiences = []string{DefaultAudience, "team"}

// unknownAudience starts the problem about an audience not in
// knownAudiences; [Check] turns that warning into an error.
const unknownAudience = "unknown audience"

// Guide is one parsed guide file. Guides handed out by a [Library] are shared
// and must not be modified.
type Guide struct {
	// ID is the path relative to the library root with "/" separators,
	// e.g. "nextcloud/anmelden.md".
	ID string
	// Title, Tags and Summary are the required front matter fields.
	Title   string
	Tags    []string
	Summary string
	// Aliases are typical questions the guide answers (optional).
	Aliases []string
	// Questions are example questions written from the guide's content
	// (front matter "fragen" or "questions", optional); the search weighs
	// them like aliases.
	Questions []string
	// Learned are questions the team taught the guide from support cases
	// (set by [Library.WithLearned], never read from the file). The search
	// finds the guide by them, but they do not say what the guide is about.
	Learned []string
	// Audience lists who the guide is for, lower case, e.g. "members" or
	// "team"; it is never empty ([DefaultAudience] if the file names none).
	Audience []string
	// Requires lists the features the guide is about (front matter
	// "requires", lower case, e.g. "cases"; see [FeatureNames]). [Load]
	// with [WithFeatures] leaves the guide out when one of them is off.
	Requires []string
	// Step is the guide's place among a new member's first steps (front
	// matter "schritt" or "step", 1 to [MaxStep]; 0 when it names none):
	// the welcome and the checklist list the guides tagged onboarding by
	// it, those without one after them by ID. File names cannot carry the
	// order: they are the guides' IDs, which links and question sets name.
	Step int
	// Placeholders are the site values the file uses ({{cloud_url}};
	// {{cloud_host}} counts as cloud_url), sorted, each once: a value the
	// config leaves unset shows members an example address here.
	Placeholders []string
	// Body is the Markdown after the front matter.
	Body string
	// Sections is Body split at "##" and "###" headings; concatenating
	// their Markdown gives Body again.
	Sections []Section
	// Path is the file the guide was loaded from (empty for [Parse]).
	Path string
	// ModTime is the file's modification time (zero for [Parse]).
	ModTime time.Time

	bodyLine  int      // line number of Body's first line in the file
	titleLine int      // line of the title field
	anchors   []string // anchors of all headings, not only sections; sorted (a map per guide costs megabytes in a large library)
}

// Section is a part of a guide's body. Section 0 is the text before the
// first "##"/"###" heading (including a "#" title line if there is one); it
// has no heading, anchor or level. Every other section starts with its
// heading line.
type Section struct {
	// Heading is the heading's plain text.
	Heading string
	// Anchor is the GitHub-style anchor of the heading, e.g. "raum-beantragen".
	Anchor string
	// Level is 2 or 3 (0 for section 0).
	Level int
	// Markdown is the section's source, heading line included.
	Markdown string
}

// HasAudience reports whether the guide is meant for audience (case-insensitive).
func (g *Guide) HasAudience(audience string) bool {
	return slices.ContainsFunc(g.Audience, func(a string) bool { return strings.EqualFold(a, audience) })
}

// HasAnchor reports whether a heading of the guide (any level) has the anchor.
func (g *Guide) HasAnchor(anchor string) bool {
	_, found := slices.BinarySearch(g.anchors, anchor)
	return found
}

// Topic returns the guide's top-level folder, or "" for a guide at the root.
func (g *Guide) Topic() string { return TopicOf(g.ID) }

// TopicOf returns the top-level folder of a guide ID ("bbb" for
// "bbb/moderation.md"), or "" for a guide at the root; for IDs without
// their guide at hand, such as a search hit's.
func TopicOf(id string) string {
	topic, _, found := strings.Cut(id, "/")
	if !found {
		return ""
	}
	return topic
}

// SectionByAnchor returns the index of the section with the anchor.
func (g *Guide) SectionByAnchor(anchor string) (int, bool) {
	for i, s := range g.Sections {
		if i > 0 && s.Anchor == anchor {
			return i, true
		}
	}
	return 0, false
}

// Problem is something wrong with a guide file. Unless it is a warning, the
// file is skipped when loading.
type Problem struct {
	// File is the file's path as opened (for [Parse]: the ID passed in).
	File string
	// Line is the 1-based line of the fault in the file.
	Line int
	// Message says what is wrong, in English, without quoting guide text
	// beyond field names and link targets.
	Message string
	// Warning marks problems that do not stop the guide from loading.
	Warning bool
	// namesTeam marks the error of a file that failed to load although
	// its text names the audience "team" (see keepPrevious).
	namesTeam bool
}

// String formats the problem as "file:line: message", the form editors and
// CI logs understand.
func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("%s:%d: warning: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
}

// HasErrors reports whether any of the problems is not a warning.
func HasErrors(problems []Problem) bool {
	return slices.ContainsFunc(problems, func(p Problem) bool { return !p.Warning })
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
}
