package search

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// conceptWeights returns the weight of each concept of query by its word.
func conceptWeights(ix *Index, query string) map[string]float64 {
	m := map[string]float64{}
	for _, c := range ix.analyze(query) {
		m[c.word] = c.weight
	}
	return m
}

// TestEnglishCommonWords: the English narrative words of a message weigh
// like their German counterparts in commonList (CommonWeight), so that an
// English story around the topic does not look like an unanswered topic;
// the words of the services do not.
func TestEnglishCommonWords(t *testing.T) {
	ix := Build(testDocs(), Options{})
	cw := ix.opts.CommonWeight
	tests := []struct {
		query, word string
		want        float64
	}{
		{"my camera keeps freezing", "keeps", cw},
		{"other people see a warning next to my name", "people", cw},
		{"other people see a warning next to my name", "see", cw},
		{"password reset during summer break", "summer", cw},
		{"password reset during summer break", "break", cw},
		{"the webcam stopped working yesterday", "yesterday", cw},
		{"my camera keeps freezing", "camera", 1},
		{"is talk better than the call", "talk", 1},
		{"is talk better than the call", "call", 1},
	}
	for _, tt := range tests {
		got, ok := conceptWeights(ix, tt.query)[tt.word]
		if !ok {
			t.Errorf("%q: no concept %q", tt.query, tt.word)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: weight of %q = %v, want %v", tt.query, tt.word, got, tt.want)
		}
	}
}

// TestEnglishFunctionWords: the English counterparts of the German
// function words and chat filler are stop words, like "möchte",
// "vielleicht", "jemand"; the content words of the same messages stay.
func TestEnglishFunctionWords(t *testing.T) {
	ix := Build(testDocs(), Options{})
	tests := []struct {
		query string
		stop  []string
		kept  []string
	}{
		{"i wanna reset my password, maybe someone can help", []string{"wanna", "maybe", "someone"}, []string{"reset", "password"}},
		{"we need to make a new 2fa code", []string{"need", "make"}, []string{"2fa", "code"}},
		{"is it possible to share a file with somebody", []string{"possible", "somebody"}, []string{"share", "file"}},
		{"the camera still never works, unfortunately", []string{"still", "never", "unfortunately"}, []string{"camera"}},
		{"the camera won't start and you needn't ask", []string{"won", "needn"}, []string{"camera"}},
	}
	for _, tt := range tests {
		ws := conceptWeights(ix, tt.query)
		for _, w := range tt.stop {
			if _, ok := ws[w]; ok {
				t.Errorf("%q: %q is a concept, want a stop word", tt.query, w)
			}
		}
		for _, w := range tt.kept {
			if _, ok := ws[w]; !ok {
				t.Errorf("%q: %q is no concept (concepts %v)", tt.query, w, ws)
			}
		}
	}
}

// englishDocs are three German guides with a loanword ("Meeting").
func englishDocs() []Doc {
	return []Doc{
		{ID: "datei-loeschen.md", Title: "Datei löschen", Summary: "So löschst du eine Datei.",
			Sections: []Section{{"", "Gelöschte Dateien liegen im Papierkorb."}}},
		{ID: "meeting.md", Title: "Meeting planen", Summary: "Ein Meeting im Kalender anlegen.",
			Sections: []Section{{"", "Lege einen Termin an und lade ein."}}},
		{ID: "raum.md", Title: "Einem Raum beitreten", Summary: "So trittst du einem Raum bei.",
			Sections: []Section{{"", "Klicke auf den Raum in der Liste."}}},
	}
}

// TestEnglishInflection: an inflected English word the library does not
// know finds, through its Snowball English stem, the glossary word
// ("deleting" → "delete" → löschen) or the library's loanword
// ("meetings" → "Meeting"); German words and uninflected words are left to
// the other look-ups.
func TestEnglishInflection(t *testing.T) {
	ix := Build(englishDocs(), Options{})
	searchFirst(t, ix, []queryFirst{
		{"deleting", "datei-loeschen.md"},
		{"deleted", "datei-loeschen.md"},
		{"our meetings", "meeting.md"},
		{"joined", "raum.md"},
	})
	for _, w := range []string{"deleting", "deleted", "meetings", "joined"} {
		c := concept{word: w}
		if !ix.englishAlts(&c, &keyer{ix: ix}) {
			t.Errorf("englishAlts(%q): nothing found", w)
		}
	}
	for _, w := range []string{"alleine", "gespeicherte", "delete", "bus", "ding"} {
		c := concept{word: w}
		if ix.englishAlts(&c, &keyer{ix: ix}) {
			t.Errorf("englishAlts(%q) = %v, want nothing (not an English inflection)", w, c.alts)
		}
	}
}

func TestInflected(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"deleted", true}, {"joining", true}, {"meetings", true}, {"uploads", true},
		{"delete", false}, {"bus", false}, {"access", false}, {"ring", false}, {"alleine", false}, {"red", false},
	}
	for _, tt := range tests {
		if got := inflected(tt.w); got != tt.want {
			t.Errorf("inflected(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestAnglicismBases(t *testing.T) {
	tests := []struct {
		w    string
		want []string
	}{
		{"geshared", []string{"shared", "shar", "share"}},
		{"gesharet", []string{"shar", "share"}},
		{"upgedatet", []string{"updat", "update"}},
		{"downgeloadet", []string{"download", "downloade"}},
		{"resetten", []string{"resett", "reset", "resette"}},
		{"canceln", []string{"cancel", "cancele"}},
		{"resettet", []string{"resett", "reset", "resette"}},
		{"sharen", []string{"shar", "share"}},
		{"datei", nil}, {"gut", nil}, {"löschen", nil}, {"geld", nil},
	}
	for _, tt := range tests {
		if got := anglicismBases(tt.w); !slices.Equal(got, tt.want) {
			t.Errorf("anglicismBases(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// TestAnglicisedVerbs: German inflections of English verbs find the
// glossary's English word ("geshared" → share → teilen, "upgedatet" →
// update, "downgeloadet" → download → herunterladen).
func TestAnglicisedVerbs(t *testing.T) {
	docs := append(englishDocs(),
		Doc{ID: "teilen.md", Title: "Datei teilen", Summary: "Eine Freigabe anlegen.", Sections: []Section{{"", "Teile die Datei per Link."}}},
		Doc{ID: "app.md", Title: "App aktualisieren", Summary: "Die App auf dem Handy aktualisieren.", Sections: []Section{{"", "Im Store auf Aktualisieren tippen."}}},
		Doc{ID: "herunterladen.md", Title: "Dateien herunterladen", Summary: "Dateien aus der Cloud herunterladen.", Sections: []Section{{"", "Auf Herunterladen klicken."}}},
	)
	ix := Build(docs, Options{})
	searchFirst(t, ix, []queryFirst{
		{"geshared", "teilen.md"},
		{"upgedatet", "app.md"},
		{"downgeloadet", "herunterladen.md"},
	})
}

// queryFirst is a query and the document it must find first.
type queryFirst struct{ query, first string }

// searchFirst checks that each query finds its document first in ix.
func searchFirst(t *testing.T, ix *Index, tests []queryFirst) {
	t.Helper()
	for _, tt := range tests {
		r := ix.Search(tt.query, 3)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, r.Hits, tt.first)
		}
	}
}

// TestEnglishOpenCompounds: two neighbouring English words whose German
// words form a compound the library knows get that compound as an
// alternative of the second word ("group folder" → "Gruppenordner",
// linking -n-); German words the library writes as they are, pairs across
// a clause end and pairs without a glossary word get none.
func TestEnglishOpenCompounds(t *testing.T) {
	docs := []Doc{
		{ID: "gruppenordner.md", Title: "Gruppenordner der AG", Summary: "Der Gruppenordner ist für alle der AG.",
			Sections: []Section{{"", "Jede Gruppe hat einen Ordner."}}},
		{ID: "sicherheit.md", Title: "Sicherheitsschlüssel verloren", Summary: "Was tun ohne Sicherheitsschlüssel?",
			Sections: []Section{{"", "Der Schlüssel sichert die Sicherheit."}}},
		{ID: "zwei.md", Title: "Zwei Faktor Anmeldung", Summary: "Zweifaktor einrichten.", Sections: []Section{{"", "Ein Faktor mehr."}}},
	}
	ix := Build(docs, Options{})
	compound := func(query string) map[string]string {
		toks := ix.joinEnglishCompounds(joinPhrasal(tokenize(query, nil), &keyer{ix: ix}), &keyer{ix: ix})
		m := map[string]string{}
		for _, tk := range toks {
			if tk.compound != "" {
				m[tk.word] = tk.compound
			}
		}
		return m
	}
	tests := []struct {
		query string
		want  map[string]string
	}{
		{"where is our groups folder", map[string]string{"folder": "gruppenordner"}},
		{"zwei faktor", map[string]string{}},
		{"my group. folder is gone", map[string]string{}},
		{"the blue folder", map[string]string{}},
		// The look-up is bounded: pairs tried without a compound count.
		{"group calendar, group calendar, group calendar, group calendar, groups folder", map[string]string{}},
		{"group calendar, group calendar, group calendar, groups folder", map[string]string{"folder": "gruppenordner"}},
	}
	for _, tt := range tests {
		if got := compound(tt.query); !maps.Equal(got, tt.want) {
			t.Errorf("compounds of %q = %v, want %v", tt.query, got, tt.want)
		}
	}
	r := ix.Search("groups folder", 3)
	if len(r.Hits) == 0 || r.Hits[0].ID != "gruppenordner.md" {
		t.Errorf("Search(groups folder) = %v, want gruppenordner.md first", r.Hits)
	}
}

// TestPhrasalInflected: an inflected verb of a phrasal verb is reduced by
// the English stemmer ("logged in" → login, "turned off" → disable); a
// verb that is no phrasal verb, or a particle not after its verb, is not;
// nor is a word in -s outside an English message (German plural "Logs").
func TestPhrasalInflected(t *testing.T) {
	tests := []struct{ q, want string }{
		{"I logged in twice", "login twice"},
		{"signing up is slow", "signup slow"},
		{"the camera is turned off", "camera disable"},
		{"switch on the camera", "enable camera"},
		{"we opted out", "unsubscribe"},
		{"he walked in", "walked"},
		{"in logged", "logged"},
		// A verb in -s is also a plural noun: a phrasal verb only in an
		// English message (function words, langvote.go).
		{"my app logs out every day", "app logout every day"},
		{"Wo sehe ich die Logs in Nextcloud", "sehe logs nextcloud"},
		{"Logs in Nextcloud", "logs nextcloud"},
		{"die Logs in the app", "logs app"},
		// Before a particle that is no German word, a verb in -s is the
		// English verb even in a terse or mixed message.
		{"app logs out constantly", "app logout"},
		{"Meine App logs out ständig", "app logout"},
		{"element signs out after update", "element signout update"},
		// A pronoun object sits between verb and particle (separable
		// phrasal verbs); the particle still joins its verb.
		{"Nextcloud logs me out every hour", "nextcloud logout every hour"},
		{"the app signs me out every day", "app signout every day"},
		{"how do I log them in", "login"},
		{"please turn it off", "disable"},
		{"sign us up for the list", "signup list"},
		// Not: a clause ends after the pronoun, a noun object, a word
		// that is no object pronoun, or a verb that is no phrasal verb.
		{"log me. out", "log"},
		{"log the user out", "log user"},
		{"walks me out", "walks"},
		{"log my out", "log"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range joinPhrasal(tokenize(tt.q, nil), &keyer{}) {
			if !isStop(tk.word) {
				got = append(got, tk.word)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("joinPhrasal(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}
