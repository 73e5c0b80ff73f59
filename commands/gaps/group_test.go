package gaps

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

func TestGroupQuestions(t *testing.T) {
	q := func(text, outcome string, guides ...string) storage.FailedQuestion {
		return storage.FailedQuestion{Question: text, Outcome: outcome, Guides: guides}
	}
	tests := []struct {
		name string
		in   []storage.FailedQuestion
		// want: the first example of each group with its size, in order.
		want []string
	}{
		{"same topic in other words", []storage.FailedQuestion{
			q("Wie melde ich eine Demo an?", "none", "x/versammlung.md"),
			q("Demo anmelden – wer macht das?", "none", "x/versammlung.md", "y.md"),
			q("Passwort vergessen", "thumbsdown", "konto/passwort-vergessen.md"),
		}, []string{"2 Wie melde ich eine Demo an?", "1 Passwort vergessen"}},
		{"two shared terms join without a guide", []storage.FailedQuestion{
			q("Beamer im Büro ausleihen", "none"),
			q("Kann ich den Beamer fürs Büro reservieren?", "none"),
		}, []string{"2 Beamer im Büro ausleihen"}},
		{"word forms meet", []storage.FailedQuestion{
			q("Fahrtkosten zum Parteitag erstattet?", "none"),
			q("Wer erstattet die Fahrtkosten?", "none"),
			q("Mitgliedsbeitrag ändern", "none"),
		}, []string{"2 Fahrtkosten zum Parteitag erstattet?", "1 Mitgliedsbeitrag ändern"}},
		{"one shared term alone does not join", []storage.FailedQuestion{
			q("Beamer ausleihen", "none", "a.md"),
			q("Beamer geht nicht an", "none", "b.md"),
		}, []string{"1 Beamer geht nicht an", "1 Beamer ausleihen"}},
		{"long questions need two shared terms", []storage.FailedQuestion{
			q("Wie beantrage ich Fahrtkosten für die Kreisversammlung im Landkreis?", "none"),
			q("Wo finde ich die Satzung für die Kreisversammlung und das Protokoll?", "none"),
		}, []string{"1 Wo finde ich die Satzung für die Kreisversammlung und das Protokoll?", "1 Wie beantrage ich Fahrtkosten für die Kreisversammlung im Landkreis?"}},
		{"same closest guide and a shared term", []storage.FailedQuestion{
			q("Kalender im Handy einrichten mit Thunderbird am Laptop", "choose", "nextcloud/kalender-auf-dem-handy.md"),
			q("Termine der AG im Kalender abonnieren geht nicht richtig", "choose", "nextcloud/kalender-auf-dem-handy.md"),
		}, []string{"2 Kalender im Handy einrichten mit Thunderbird am Laptop"}},
		{"no content words: only the same words", []storage.FailedQuestion{
			q("Hallo?", "none"),
			q("hallo", "none"),
			q("Danke!", "none"),
		}, []string{"2 Hallo?", "1 Danke!"}},
		{"largest first, then most recent", []storage.FailedQuestion{
			q("Drucker im Büro", "none"),
			q("Beamer im Büro ausleihen", "none"),
			q("Beamer fürs Büro reservieren", "none"),
			q("Schlüssel Geschäftsstelle", "none"),
		}, []string{"2 Beamer im Büro ausleihen", "1 Schlüssel Geschäftsstelle", "1 Drucker im Büro"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, g := range GroupQuestions(tt.in) {
				got = append(got, strings.Join([]string{itoa(g.Count), g.Examples[0]}, " "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups %q, want %q", got, tt.want)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestGroupDetails(t *testing.T) {
	long := strings.Repeat("Wie melde ich eine Demo an ", 20)
	qs := []storage.FailedQuestion{
		{Question: "Wie melde ich eine Demo an?", Outcome: "none", Guides: []string{"a.md", "b.md"}, AskedAt: time.Unix(1, 0)},
		{Question: "wie melde ich eine demo an", Outcome: "choose", Guides: []string{"b.md", "c.md", "a.md"}},
		{Question: long, Outcome: "none", Guides: []string{"b.md"}},
		{Question: "Demo anmelden?", Outcome: "thumbsdown", Guides: []string{"a.md", "d.md"}},
	}
	gs := GroupQuestions(qs)
	if len(gs) != 1 {
		t.Fatalf("%d groups, want 1: %+v", len(gs), gs)
	}
	g := gs[0]
	if g.Count != 4 || g.Outcomes["none"] != 2 || g.Outcomes["choose"] != 1 || g.Outcomes["thumbsdown"] != 1 {
		t.Errorf("counts: %d %v", g.Count, g.Outcomes)
	}
	// b: 2+3+3 = 8, a: 3+1+3 = 7, c: 2, d: 2.
	if !slices.Equal(g.Guides, []string{"b.md", "a.md", "c.md"}) {
		t.Errorf("guides %v", g.Guides)
	}
	// The first question and the latest that differs from it.
	if len(g.Examples) != 2 || g.Examples[0] != "Wie melde ich eine Demo an?" || g.Examples[1] != "Demo anmelden?" {
		t.Errorf("examples %q", g.Examples)
	}
	if gs := GroupQuestions(qs[2:3]); len([]rune(gs[0].Examples[0])) > maxExample+1 || !strings.HasSuffix(gs[0].Examples[0], "…") {
		t.Errorf("long example not shortened: %q", gs[0].Examples[0])
	}
	if gs := GroupQuestions(nil); len(gs) != 0 {
		t.Errorf("groups of nothing: %v", gs)
	}
}

// TestGroupBounded: a flood is grouped only in its most recent part.
func TestGroupBounded(t *testing.T) {
	qs := make([]storage.FailedQuestion, MaxGrouped+500)
	for i := range qs {
		qs[i] = storage.FailedQuestion{Question: "Frage Nummer " + strconv.Itoa(i) + " zum Thema Thema" + strconv.Itoa(i), Outcome: "none"}
	}
	total := 0
	for _, g := range GroupQuestions(qs) {
		total += g.Count
		if g.Members[0] < 500 {
			t.Fatalf("an old question was grouped: %d", g.Members[0])
		}
	}
	if total != MaxGrouped {
		t.Errorf("grouped %d questions, want %d", total, MaxGrouped)
	}
}
