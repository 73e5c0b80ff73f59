package commands

import (
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/commands/guidedraft"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/commands/people"
	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/guides"
)

// namedCommand is a command a text names: „!zugang“, `!lehren #3`; a
// Matrix room ID (`!raum:server`, followed by a colon) is none.
var namedCommand = regexp.MustCompile(`!([\p{L}][\p{L}\p{N}-]*)`)

// TestTextsNameOnlyCommands (texts33): every command a text of a
// catalogue names (`!name`, in German and English, of every package the
// router wires) is a command's name or alias with every feature on —
// a text that names one that does not exist sends the reader to
// „unbekannter Befehl“.
func TestTextsNameOnlyCommands(t *testing.T) {
	e, _ := newRolesEnv(t)
	store, err := guides.NewStore(filepath.Join("testdata", "library"), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	e.reconfigure(func(d *Deps) {
		d.Guides = store
		d.Access = Access{ApprovalsRoom: approvals, NextcloudGroups: []string{"AG Digitales"}, Nextcloud: offNextcloud{}, BBB: offBBB{}}
		d.RoundTables = RoundTables{Coordinators: []id.UserID{coord}}
		d.Gaps = Gaps{Keep: true, Weekday: int(time.Monday), Hour: 9}
		d.GuideDraft = GuideDraft{Vars: guides.Vars{guides.VarCloudURL: "https://cloud.verein.test"}}
		d.Learn = Learn{Library: store}
	})
	known := map[string]bool{}
	for _, c := range e.h.commands {
		known[c.Name] = true
		for _, a := range c.Aliases {
			known[a] = true
		}
	}
	catalogues := map[string][2]any{
		"commands": {German, English}, "access": {access.German, access.English}, "answer": {answer.German, answer.English},
		"gaps": {gaps.German, gaps.English}, "guidedraft": {guidedraft.German, guidedraft.English}, "learn": {learn.German, learn.English},
		"people": {people.German, people.English}, "privacy": {privacy.German, privacy.English},
		"roundtable": {roundtable.German, roundtable.English}, "support": {support.German, support.English},
	}
	var missing []string
	for pkg, langs := range catalogues {
		for i, cat := range langs {
			lang := []string{"de", "en"}[i]
			chattest.EachString(cat, func(path, text string) {
				path = pkg + "." + lang + "." + path
				for _, m := range namedCommand.FindAllStringSubmatchIndex(text, -1) {
					before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
					after, _ := utf8.DecodeRuneInString(text[m[1]:])
					if m[0] > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) || after == ':' {
						continue // „Hallo!Welt“; a room ID
					}
					name := strings.ToLower(strings.TrimRight(text[m[2]:m[3]], "-"))
					if !known[name] {
						missing = append(missing, path+": !"+name)
					}
				}
			})
		}
	}
	sort.Strings(missing)
	missing = slices.Compact(missing)
	for _, m := range missing {
		t.Errorf("a text names a command that does not exist: %s", m)
	}
}
