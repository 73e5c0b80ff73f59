package commands

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
)

// foldName spells a command name as chat's fold does (no hyphens, umlauts
// spelled out), so that `!daten-löschen` names `daten-loeschen` too.
func foldName(w string) string {
	return strings.NewReplacer("-", "", "ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss").Replace(strings.ToLower(w))
}

// TestEveryCommandHelpInBothLanguages walks every registered command with
// every feature on, in a German and an English install: each command the
// help lists has its help line in German and in English (the help follows
// the name typed, en35: a command with one language only is listed in the
// install's language inside the other language's help), each heading too;
// the install's line is the one the help shows; and the name each line
// tells the reader to type is one Lotse knows for that command — a help
// line in either language never names a word that answers „kenne ich
// nicht“.
func TestEveryCommandHelpInBothLanguages(t *testing.T) {
	for _, install := range []*Texts{&German, &English} {
		t.Run(install.Lang, func(t *testing.T) {
			e := newAccessEnv(t)
			store, err := guides.NewStore(filepath.Join("testdata", "library"), zerolog.Nop())
			if err != nil {
				t.Fatal(err)
			}
			e.reconfigure(func(d *Deps) {
				d.Texts = install
				d.Guides = store
				d.Learn = Learn{Library: store}
				d.Roles = Roles{Admins: []id.UserID{carol}}
				d.RoundTables = RoundTables{Coordinators: []id.UserID{alice, carol}, Rooms: []id.RoomID{annRoom1}, Location: e.now.Location()}
			})
			listed := 0
			for _, c := range e.h.commands {
				if c.Usage == "" {
					continue // not in the help (a feature's variant)
				}
				listed++
				names := map[string]bool{foldName(c.Name): true}
				for _, a := range c.Aliases {
					names[foldName(a)] = true
				}
				for _, lang := range []string{"de", "en"} {
					ct, ok := c.Langs[lang]
					if !ok || ct.Usage == "" || ct.Description == "" {
						t.Errorf("!%s has no help line in %s: %+v", c.Name, lang, ct)
						continue
					}
					// Every command word of the line: its first, and each
					// alternative („!zugang nextcloud … | !zugang bbb …“).
					if !strings.HasPrefix(ct.Usage, "!") {
						t.Errorf("!%s: the %s help line %q names no command", c.Name, lang, ct.Usage)
					}
					for _, word := range strings.Fields(ct.Usage) {
						if strings.HasPrefix(word, "!") && !names[foldName(strings.TrimPrefix(word, "!"))] {
							t.Errorf("!%s: the %s help line %q names %q, which is not one of its names %v", c.Name, lang, ct.Usage, word, c.Aliases)
						}
					}
					if c.Section != "" {
						if s := c.SectionLangs[lang]; s == "" {
							t.Errorf("!%s: no heading of its section %q in %s", c.Name, c.Section, lang)
						}
					}
				}
				if got := c.Text(install.Lang); got.Usage != c.Usage || got.Description != c.Description {
					t.Errorf("!%s: the %s line %+v is not the install's %q – %q", c.Name, install.Lang, got, c.Usage, c.Description)
				}
				if c.Section != "" && c.SectionIn(install.Lang) != c.Section {
					t.Errorf("!%s: heading %q in %s, the install's is %q", c.Name, c.SectionIn(install.Lang), install.Lang, c.Section)
				}
			}
			// Every workflow's commands are there (learn's too): the walk
			// saw the whole registry, not a part of it.
			if listed < 45 {
				t.Errorf("only %d commands listed: a workflow is off", listed)
			}
		})
	}
}
