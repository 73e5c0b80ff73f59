package guides

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Names of the features a guide may require (front matter "requires"):
// the workflows a deployment switches on in its config. A guide about one
// of them (how to open a support case, how to request a Nextcloud account)
// is left out of the library when it is off, so that no member follows a
// guide to a command that does not work here.
const (
	// FeatureCases: support cases (team_room is set).
	FeatureCases = "cases"
	// FeatureNextcloud: access requests for Nextcloud (approvals_room and
	// nextcloud_url are set).
	FeatureNextcloud = "nextcloud"
	// FeatureBBB: access requests for BigBlueButton rooms (approvals_room
	// and bbb_url are set).
	FeatureBBB = "bbb"
	// FeatureRoundTables: round tables (coordinators or announcement_rooms
	// are set).
	FeatureRoundTables = "roundtables"
)

// FeatureNames lists every feature a guide may require, sorted.
func FeatureNames() []string {
	return []string{FeatureBBB, FeatureCases, FeatureNextcloud, FeatureRoundTables}
}

// WithFeatures makes [Load] and [NewStore] leave out every guide that
// requires (front matter "requires") a feature not in on: the features a
// deployment switched on (config.Config.Features). Without this option all
// guides are loaded, as `lotse ask` and `lotse guides search` measure the
// whole library; [Check] always lints every guide.
func WithFeatures(on ...string) Option {
	set := make(map[string]bool, len(on))
	for _, f := range on {
		set[strings.ToLower(f)] = true
	}
	return func(o *loadOptions) { o.features = set }
}

// available reports whether every feature g requires is in on; a nil on
// (no [WithFeatures]) has every feature.
func (g *Guide) available(on map[string]bool) bool {
	if on == nil {
		return true
	}
	for _, f := range g.Requires {
		if !on[f] {
			return false
		}
	}
	return true
}

// MaxStep is the highest place a guide may name in front matter "schritt":
// a checklist of new members' first steps is short.
const MaxStep = 99

// parseRequires reads the front matter field "requires": a feature name or
// a list of them. An unknown name is an error, reported at its line: a
// typo must neither hide a guide everywhere nor show it where its feature
// is off.
func parseRequires(g *Guide, n *yaml.Node, line int, problems []Problem, problemAt func(int, string, ...any) Problem) []Problem {
	names, problems := stringList("requires", n, line, true, problems, problemAt)
	lineOf := func(name string) int {
		for _, item := range n.Content {
			if item = resolveAlias(item); strings.TrimSpace(item.Value) == name {
				return item.Line + 1
			}
		}
		return line
	}
	for _, name := range names {
		f := strings.ToLower(name)
		switch {
		case !slices.Contains(FeatureNames(), f):
			problems = append(problems, problemAt(lineOf(name), "unknown feature %q in requires (known: %s)", name, strings.Join(FeatureNames(), ", ")))
		case !slices.Contains(g.Requires, f):
			g.Requires = append(g.Requires, f)
		}
	}
	return problems
}
