package guides_test

import (
	"slices"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

func TestLibrary(t *testing.T) {
	lib, _, err := guides.Load(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"nextcloud/anmelden.md", "nextcloud/anmelden"} {
		if g, ok := lib.Get(id); !ok || g.ID != "nextcloud/anmelden.md" {
			t.Errorf("Get(%q) = %v, %v", id, g, ok)
		}
	}
	if _, ok := lib.Get("nextcloud/fehlt.md"); ok {
		t.Error("Get found a missing guide")
	}

	all := lib.Guides()
	all[0] = nil
	if lib.Guides()[0] == nil {
		t.Error("Guides() returned the library's own slice")
	}

	type topic struct {
		name, title string
		n           int
	}
	var got []topic
	for _, tp := range lib.Topics() {
		got = append(got, topic{tp.Name, tp.Title, len(tp.Guides)})
	}
	want := []topic{{"allgemein", "Allgemein", 1}, {"nextcloud", "Nextcloud", 1}, {"team", "Team", 1}, {"", guides.RootTopicTitle, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got topics %v, want %v", got, want)
	}
}

func TestLibrarySearch(t *testing.T) {
	lib, _, err := guides.Load(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	res := lib.Search("Wie melde ich mich in der Nextcloud an?", 3)
	if len(res.Hits) == 0 || res.Hits[0].ID != "nextcloud/anmelden.md" {
		t.Fatalf("got %+v, want nextcloud/anmelden.md first", res)
	}
	for _, h := range res.Hits {
		g, ok := lib.Get(h.ID)
		if !ok || h.Section >= len(g.Sections) {
			t.Errorf("hit %+v does not point into the library", h)
		}
	}
	if res := lib.Search("Benutzername", 3); len(res.Hits) == 0 || res.Hits[0].ID != "nextcloud/anmelden.md" {
		t.Errorf("section text is not indexed: got %+v", res)
	}
	if res := lib.Search("Ich bin neu, was muss ich tun?", 3); len(res.Hits) == 0 || res.Hits[0].ID != "allgemein/willkommen.md" {
		t.Errorf("aliases are not indexed: got %+v", res)
	}
}

func TestNewLibraryDuplicateIDs(t *testing.T) {
	a, _ := guides.Parse("x.md", []byte(guideSrc("A")))
	b, _ := guides.Parse("x.md", []byte(guideSrc("B")))
	lib := guides.NewLibrary([]*guides.Guide{a, b, nil})
	if g, _ := lib.Get("x.md"); lib.Len() != 1 || g.Title != "A" {
		t.Errorf("got %d guides, first title %q; want the first guide to win", lib.Len(), g.Title)
	}
}

// TestTopicOf: the top-level folder of an ID, "" at the root; a guide's
// Topic is the same.
func TestTopicOf(t *testing.T) {
	for id, want := range map[string]string{
		"bbb/moderation.md":     "bbb",
		"team/intern/ablauf.md": "team",
		"faq.md":                "",
		"/faq.md":               "",
		"":                      "",
	} {
		if got := guides.TopicOf(id); got != want {
			t.Errorf("TopicOf(%q) = %q, want %q", id, got, want)
		}
		if got := (&guides.Guide{ID: id}).Topic(); got != want {
			t.Errorf("Guide{ID: %q}.Topic() = %q, want %q", id, got, want)
		}
	}
}

// TestBotGuides: the guides about the bot are those tagged with the
// search's name for it (search.Options.Addressee, "Lotse"), in any case;
// a guide that only names the bot in its title is not one of them.
func TestBotGuides(t *testing.T) {
	parse := func(id, title, tags string) *guides.Guide {
		g, problems := guides.Parse(id, []byte("---\ntitle: \""+title+"\"\ntags: ["+tags+"]\nsummary: \"Kurz.\"\n---\n\nText.\n"))
		if g == nil {
			t.Fatalf("%s: %v", id, problems)
		}
		return g
	}
	lib := guides.NewLibrary([]*guides.Guide{
		parse("lotse/fragen.md", "So fragst du Lotse", "lotse, fragen"),
		parse("matrix/dm.md", "Direktchat starten", "matrix, Lotse"),
		parse("nextcloud/zugang.md", "Zugang bei Lotse beantragen", "nextcloud, zugang"),
	})
	name, ids := lib.BotGuides()
	if name != "lotse" || !slices.Equal(ids, []string{"lotse/fragen.md", "matrix/dm.md"}) {
		t.Errorf("BotGuides() = %q, %q; want lotse and the two tagged guides", name, ids)
	}
}

// TestGetFor: a team-only guide is there for the team, not for a member;
// a member guide for both; an unknown ID (with or without ".md") for none.
func TestGetFor(t *testing.T) {
	parse := func(id, audience string) *guides.Guide {
		g, problems := guides.Parse(id, []byte("---\ntitle: \"T "+id+"\"\ntags: [t]\naudience: ["+audience+"]\nsummary: \"Kurz.\"\n---\n\nText.\n"))
		if g == nil {
			t.Fatalf("%s: %v", id, problems)
		}
		return g
	}
	lib := guides.NewLibrary([]*guides.Guide{parse("a/mitglieder.md", "members"), parse("a/team.md", "team")})
	tests := []struct {
		id   string
		team bool
		want bool
	}{
		{"a/mitglieder.md", false, true},
		{"a/mitglieder", false, true},
		{"a/mitglieder.md", true, true},
		{"a/team.md", false, false},
		{"a/team", false, false},
		{"a/team.md", true, true},
		{"a/weg.md", true, false},
	}
	for _, tt := range tests {
		g, ok := lib.GetFor(tt.id, tt.team)
		if ok != tt.want || ok != (g != nil) {
			t.Errorf("GetFor(%q, team %v) = %v, %v; want found %v", tt.id, tt.team, g, ok, tt.want)
		}
	}
}
