package search

import (
	"slices"
	"strings"
	"testing"
)

// TestOtherThingsParse: the embedded blind list parses, every one of its
// categories is decided, and the groups hold the words the decisions
// keep — not the common nouns flagged "guides", not the left-out
// browsers; the proper names flagged "guides" and the words flagged
// "ambiguous" (but the header's ordinary four) as weak signals.
func TestOtherThingsParse(t *testing.T) {
	if otherThingsErr != nil {
		t.Fatal(otherThingsErr)
	}
	cats := map[string]bool{}
	for _, line := range strings.Split(otherThingsTSV, "\n") {
		if f := strings.Split(line, "\t"); len(f) >= 2 && !strings.HasPrefix(line, "#") {
			cats[f[1]] = true
		}
	}
	for c := range cats {
		if _, ok := otherThingsCategories[c]; !ok {
			t.Errorf("category %q of otherthings.tsv is not decided in otherThingsCategories", c)
		}
	}
	if len(cats) < 10 {
		t.Errorf("%d categories, want the blind list's (≥ 10)", len(cats))
	}
	for _, c := range []struct {
		word, group string
		device      bool
	}{
		{"paypal", "banks and payment", false},
		{"gmx", "mail providers", false},
		{"fernseher", "other devices", true},
		{"playstation", "home electronics", true},
		{"facetime", "other messengers and social networks", false},
		// The hand-written groups come first and keep their words.
		{"drucker", "hardware", true},
		{"whatsapp", "other software and services", false},
		{"parteitag", "party bodies and elections", false},
		// Flagged "guides": a proper name is a weak signal, a common
		// noun and a recommended security product no signal; flagged
		// "ambiguous" (tv, signal, switch) a weak bare signal, but the
		// words the guides use in their everyday sense (echo, blau);
		// the browsers are left out.
		{"outlook", "mail providers (named in guides)", false},
		{"iphone", "device makers and systems (named in guides)", true},
		{"bitwarden", "", false},
		{"keepassxc", "", false},
		{"teams", "", false},
		{"kamera", "", false},
		{"cloud", "", false},
		{"tv", "other devices (everyday words)", true},
		{"signal", "other messengers and social networks (everyday words)", false},
		{"switch", "home electronics (everyday words)", true},
		{"alexa", "smart home (everyday words)", true},
		{"echo", "", false},
		{"blau", "", false},
		{"messenger", "", false},
		{"opera", "", false},
		{"firefox", "", false},
		{"duckduckgo", "", false},
	} {
		if g, d := OffTopicGroup(c.word), OffTopicDevice(c.word); g != c.group || d != c.device {
			t.Errorf("%q: group %q device %v, want %q %v", c.word, g, d, c.group, c.device)
		}
		bare := strings.HasSuffix(c.group, "(everyday words)")
		if weak := bare || strings.HasSuffix(c.group, "(named in guides)"); OffTopicWeak(c.word) != weak {
			t.Errorf("%q: weak %v, want %v", c.word, !weak, weak)
		}
		if OffTopicBare(c.word) != bare {
			t.Errorf("%q: bare %v, want %v", c.word, !bare, bare)
		}
	}
}

// TestParseOtherThings: rows with a flag to drop or a category to leave
// are left out — but a proper name flagged "guides" goes to a weak group
// of its category, unless the category's flagged products are
// recommended, and a word flagged "ambiguous" to a weak bare group, unless
// the guides use it in its everyday sense ("echo") —, a category nobody
// decided and a malformed row are errors.
func TestParseOtherThings(t *testing.T) {
	cats := map[string]otherThingsCategory{"a": {Name: "A"}, "b": {Name: "B", Device: true}, "c": {Name: "C", Leave: true},
		"d": {Name: "D", Recommended: true}}
	gs, _, err := parseOtherThings("# comment\n\nx\ta\t\ny\ta\tguides\nv\ta\tambiguous\nmail\ta\tguides\nz\tb\nu\tb\tguides\nw\tc\nr\td\tguides\n"+
		"echo\tb\tambiguous\nt\tb\tambiguous\nq\tc\tambiguous\n", cats,
		map[string]bool{"guides": true, "ambiguous": true})
	type g struct {
		name               string
		words              string
		device, weak, bare bool
	}
	var got []g
	for _, x := range gs {
		got = append(got, g{x.Name, strings.Join(x.Words, " "), x.Device, x.Weak, x.Bare})
	}
	want := []g{{"A", "x", false, false, false}, {"A (named in guides)", "y", false, true, false},
		{"A (everyday words)", "v", false, true, true}, {"B", "z", true, false, false},
		{"B (named in guides)", "u", true, true, false}, {"B (everyday words)", "t", true, true, true}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("groups %+v, err %v; want %+v", got, err, want)
	}
	if _, _, err := parseOtherThings("x\tnew\n", cats, nil); err == nil {
		t.Error("an undecided category parsed")
	}
	if _, _, err := parseOtherThings("just one field\n", cats, nil); err == nil {
		t.Error("a row without a category parsed")
	}
}

// TestOffTopicNames: a name of several words is a signal written apart,
// hyphenated or closed up, never across a clause's end, and not from its
// parts alone or a longer word; a name closed up from a one-letter part
// ("t-online") is not its long part alone ("online").
func TestOffTopicNames(t *testing.T) {
	docs := []Doc{
		{ID: "kalender.md", Title: "Kalender der Cloud abonnieren", Tags: []string{"kalender", "termine"},
			Summary: "Wie du den Kalender der Cloud auf dem Handy siehst.", Sections: []Section{{Text: "Öffne den Kalender und kopiere den Link."}}},
		{ID: "mail.md", Title: "Mail kommt nicht an", Tags: []string{"mail", "postfach"},
			Summary: "Was tun, wenn eine Mail nicht ankommt.", Sections: []Section{{Text: "Schau in den Spam-Ordner. Online geht das auch."}}},
	}
	ix := Build(docs, Options{})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"google kalender teilen", []string{"googlekalender"}},
		{"Google-Kalender teilen", []string{"googlekalender"}},
		{"googlekalender abonnieren", []string{"googlekalender"}},
		{"den kalender von google teilen", nil},
		{"frag google. kalender teilen", nil},
		{"kalender in ms teams zeigen", []string{"msteams"}},
		{"kalender für unsere teams", nil},
		{"bei t-online kommt keine mail an", []string{"tonline"}},
		{"die mail kommt online nicht an", nil},
		{"die mail des vorstands kommt nicht an", nil},
		{"die mail von web.de kommt nicht an", []string{"webde"}},
		{"paypal mail kommt nicht an", []string{"paypal"}},
	} {
		if r := ix.Search(c.query, 3); !slices.Equal(r.OffTopic, c.want) {
			t.Errorf("%q: off-topic %q, want %q", c.query, r.OffTopic, c.want)
		}
	}
}

// TestOffTopicVariant: a guide that names a longer word beginning with the
// signal (KeePassXC for KeePass) names the thing; a guide without it, or
// a signal shorter than minVariant, does not.
func TestOffTopicVariant(t *testing.T) {
	docs := []Doc{
		{ID: "passwort.md", Title: "Passwörter mit KeePassXC verwalten", Tags: []string{"passwortmanager", "keepassxc"},
			Summary: "Ein Passwortmanager merkt sich deine Passwörter.", Sections: []Section{{Text: "Installiere KeePassXC und lege eine Datenbank an."}}},
		{ID: "zugang.md", Title: "Zugang einrichten", Tags: []string{"zugang", "einrichten"},
			Summary: "Wie du deinen Zugang einrichtest.", Sections: []Section{{Text: "Richte den Zugang ein."}}},
	}
	ix := Build(docs, Options{})
	if r := ix.Search("keepass installieren", 3); len(r.Hits) == 0 || r.Hits[0].ID != "passwort.md" || len(r.OffTopic) != 0 {
		t.Errorf("keepass: hits %v off-topic %q, want passwort.md first and no signal", ids(r.Hits), r.OffTopic)
	}
	if r := ix.Search("paypal zugang einrichten", 3); len(r.Hits) == 0 || r.Hits[0].ID != "zugang.md" || !slices.Equal(r.OffTopic, []string{"paypal"}) {
		t.Errorf("paypal: hits %v off-topic %q, want zugang.md first with the signal paypal", ids(r.Hits), r.OffTopic)
	}
	if ix.namesVariant(0, "keep") || !ix.namesVariant(0, "keepass") || ix.namesVariant(1, "keepass") {
		t.Error("namesVariant: want only a signal of at least minVariant letters that the guide's longer word begins with")
	}
}

// TestOffTopicBare: a signal that is also an everyday word (flag
// "ambiguous") matches only as written — "klingeln" and "Ringe" are other
// everyday words —, while a signal of the list's plain words keeps its
// inflection endings.
func TestOffTopicBare(t *testing.T) {
	for _, c := range []struct {
		word string
		want string
	}{
		{"klingel", "klingel"}, {"klingeln", ""}, {"ring", "ring"}, {"ringe", ""}, {"tv", "tv"}, {"tvs", ""},
		{"alexa", "alexa"}, {"signal", "signal"}, {"signale", ""},
		// Plain signals inflect.
		{"fernseher", "fernseher"}, {"fernsehern", "fernseher"}, {"türklingeln", "türklingel"},
	} {
		if got := offTopicWord(c.word); got != c.want {
			t.Errorf("offTopicWord(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}
