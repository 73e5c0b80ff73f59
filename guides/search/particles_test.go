package search

import (
	"slices"
	"testing"
)

// particleDocs is a small library that writes its verbs as a guide would
// ("beitreten", "herunterladen", "bearbeiten", "weiterleiten").
func particleDocs() []Doc {
	return []Doc{
		{ID: "matrix/beitreten.md", Title: "Einem Raum beitreten", Tags: []string{"raum"},
			Sections: []Section{{"", "So kannst du einem Raum in Element beitreten."}}},
		{ID: "nextcloud/herunterladen.md", Title: "Dateien herunterladen", Tags: []string{"datei"},
			Sections: []Section{{"", "Wähle die Datei aus und lade sie herunter."}}},
		{ID: "nextcloud/bearbeiten.md", Title: "Dokumente gemeinsam bearbeiten", Tags: []string{"dokument"},
			Sections: []Section{{"", "Mehrere Personen können ein Dokument gleichzeitig bearbeiten."}}},
		{ID: "mail/weiterleiten.md", Title: "Mails weiterleiten", Tags: []string{"mail"},
			Sections: []Section{{"", "Eine Weiterleitung richtest du in den Einstellungen ein."}}},
	}
}

// conceptTerms returns, per concept of query, the index keys its
// alternatives match.
func conceptTerms(ix *Index, query string) map[string][]string {
	names := make(map[int32]string, len(ix.terms))
	for k, id := range ix.terms {
		names[id] = k
	}
	out := map[string][]string{}
	for _, c := range ix.analyze(query) {
		ks := []string{}
		for _, a := range c.alts {
			ks = append(ks, names[a.term])
		}
		out[c.word] = ks
	}
	return out
}

// TestParticleVerbs checks that the analysis reads German particle verbs:
// a particle split off to the end of the clause (bei, weiter, teil …), a
// colloquial particle the library writes in full (runter → herunter), and
// a verb written with a particle the library leaves off (mitbearbeiten).
func TestParticleVerbs(t *testing.T) {
	ix := Build(particleDocs(), Options{})
	st := newStemmer()
	tests := []struct {
		query, word, wantKey string
	}{
		{"wie trete ich einem raum bei", "trete", st.stem("beitreten")},
		{"wie leite ich mails weiter", "leite", st.stem("weiterleiten")},
		{"wie lade ich die datei runter", "lade", st.stem("herunterladen")},
		{"datei runterladen", "runterladen", st.stem("herunterladen")},
		{"das dokument mitbearbeiten", "mitbearbeiten", st.stem("bearbeiten")},
	}
	for _, tc := range tests {
		got := conceptTerms(ix, tc.query)
		if !slices.Contains(got[tc.word], tc.wantKey) {
			t.Errorf("%q: concept %q matches %v, want %q among them", tc.query, tc.word, got[tc.word], tc.wantKey)
		}
	}
}

// TestParticleWeakAndBare checks the strength of the particle readings: a
// verb without its particle is weak evidence (like a typo correction), the
// written form of a colloquial particle is firm, and a bare particle the
// library does not know is no concept at all (it is grammar, not an
// unknown word that would lower the coverage), even when the library
// knows its written form ("runter" → "herunter").
func TestParticleWeakAndBare(t *testing.T) {
	ix := Build(particleDocs(), Options{})
	find := func(q, w string) (concept, bool) {
		for _, c := range ix.analyze(q) {
			if c.word == w {
				return c, true
			}
		}
		return concept{}, false
	}
	if c, ok := find("das dokument mitbearbeiten", "mitbearbeiten"); !ok || !c.typo {
		t.Errorf("mitbearbeiten: %+v, want a weak (typo-like) concept", c)
	}
	if c, ok := find("datei runterladen", "runterladen"); !ok || c.typo {
		t.Errorf("runterladen: %+v, want a firm concept", c)
	}
	if c, ok := find("wie komme ich da rein", "rein"); ok {
		t.Errorf("rein: %+v, want no concept for an unknown bare particle", c)
	}
	// Not even through its written form, which the library knows.
	if c, ok := find("der client lädt alles runter", "runter"); ok {
		t.Errorf("runter: %+v, want no concept for a bare particle", c)
	}
}

// TestQueryParticlesBounded checks that a message full of distinct
// particles tries only maxQueryParticles of them with each word.
func TestQueryParticlesBounded(t *testing.T) {
	ix := Build(particleDocs(), Options{})
	q := ""
	for _, p := range particles[:32] {
		q += p + " "
	}
	for i := 0; i < 64; i++ {
		q += "leite" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + " "
	}
	work := 0
	ix.analyzeWork(q, &work)
	// Two visits of each of the 64 tokens, and no word tried with more
	// than maxQueryParticles particles and their written forms.
	if limit := 2*64 + 64*(maxQueryParticles+2); work > limit {
		t.Errorf("%d steps for a message of particles, want at most %d", work, limit)
	}
}

// TestSeparatedParticle checks where a particle counts as a separated verb
// particle: at the end of its clause, before only stop words, or before
// the start of the next part of the sentence — but not as a preposition or
// article before its noun phrase.
func TestSeparatedParticle(t *testing.T) {
	tests := []struct {
		text, particle string
		want           bool
	}{
		{"wie trete ich einem raum bei", "bei", true},
		{"wie trete ich einem raum bei?", "bei", true},
		{"lädt alles runter, meine festplatte ist voll", "runter", true},
		{"stell das um bitte", "um", true},
		{"element zeigt mir keine nachrichten an auf dem handy", "an", true},
		{"wie melde ich mich an ich finde den knopf nicht", "an", true},
		{"ordner aus der cloud laden", "aus", false},
		{"nur ein paar ordner", "ein", false},
		{"mit dem handy", "mit", false},
	}
	for _, tc := range tests {
		toks := tokenize(tc.text, nil)
		i := slices.IndexFunc(toks, func(t rawToken) bool { return t.word == tc.particle })
		if i < 0 {
			t.Fatalf("%q: no token %q", tc.text, tc.particle)
		}
		if got := separated(toks, i); got != tc.want {
			t.Errorf("%q: separated(%q) = %v, want %v", tc.text, tc.particle, got, tc.want)
		}
	}
	// A particle written apart before its verb joins it when the library
	// knows the joined word ("runter laden" → "herunterladen").
	ix := Build(particleDocs(), Options{})
	kr := &keyer{ix: ix}
	toks := tokenize("datei runter laden geht nicht", nil)
	if !ix.joinsNext(toks, 1, kr.key) {
		t.Errorf("runter laden: joinsNext = false, want true")
	}
	if ix.joinsNext(tokenize("aus der cloud", nil), 0, kr.key) {
		t.Errorf("aus der: joinsNext = true, want false")
	}
}

// TestParticleNotFromPreposition checks that a preposition before its noun
// phrase lends no particle to the message's words: "Ordner aus der Cloud"
// must not read "ausordner" (nor, here, "ausdatei").
func TestParticleNotFromPreposition(t *testing.T) {
	docs := append(particleDocs(), Doc{ID: "x/ausladen.md", Title: "Gäste ausladen",
		Sections: []Section{{"", "So lädst du Gäste wieder aus."}}})
	ix := Build(docs, Options{})
	st := newStemmer()
	got := conceptTerms(ix, "wie lade ich dateien aus der cloud")
	if slices.Contains(got["lade"], st.stem("ausladen")) {
		t.Errorf("lade matches %v: the preposition aus made it ausladen", got["lade"])
	}
	got = conceptTerms(ix, "wie lade ich die gäste aus")
	if !slices.Contains(got["lade"], st.stem("ausladen")) {
		t.Errorf("lade matches %v, want ausladen for the separated particle", got["lade"])
	}
}

// TestJoinedParticleNoConcept checks that a particle that joined a verb of
// the message into a particle verb the library knows is no concept of its
// own, while a particle that joined nothing keeps its concept.
func TestJoinedParticleNoConcept(t *testing.T) {
	docs := append(particleDocs(), Doc{ID: "x/weg.md", Title: "Chats sind weg",
		Sections: []Section{{"", "Wenn alte Nachrichten weg sind, hilft der Schlüssel."}}},
		Doc{ID: "x/frei.md", Title: "Ordner freigeben", Tags: []string{"frei"},
			Sections: []Section{{"", "Gib den Ordner für deine Gruppe frei."}}})
	ix := Build(docs, Options{})
	has := func(q, w string) bool {
		return slices.ContainsFunc(ix.analyze(q), func(c concept) bool { return c.word == w })
	}
	if has("wie gebe ich den ordner frei", "frei") {
		t.Errorf("frei joined gebe (freigeben) but is still a concept")
	}
	if !has("wie gebe ich den ordner frei", "gebe") {
		t.Errorf("gebe lost its concept")
	}
	if !has("sind die chats jetzt weg", "weg") {
		t.Errorf("weg joined nothing and lost its concept")
	}
}

// TestParticleOwnClause checks that a separated particle joins only the
// verbs of its own clause: in "… liegen lassen und jetzt komme ich nicht
// mehr rein" the "rein" belongs to "komme", not to "lassen".
func TestParticleOwnClause(t *testing.T) {
	docs := append(particleDocs(), Doc{ID: "x/lobby.md", Title: "Gäste hereinlassen",
		Sections: []Section{{"", "Im Warteraum kannst du Gäste hereinlassen."}}})
	ix := Build(docs, Options{})
	st := newStemmer()
	want := st.stem("hereinlassen")
	if got := conceptTerms(ix, "handy liegen lassen und jetzt komme ich nicht mehr rein"); slices.Contains(got["lassen"], want) {
		t.Errorf("lassen matches %v: the particle of the next clause joined it", got["lassen"])
	}
	if got := conceptTerms(ix, "handy liegen lassen. jetzt komme ich nicht mehr rein"); slices.Contains(got["lassen"], want) {
		t.Errorf("lassen matches %v: the particle of the next sentence joined it", got["lassen"])
	}
	if got := conceptTerms(ix, "wie lasse ich die gäste rein"); !slices.Contains(got["lasse"], want) {
		t.Errorf("lasse matches %v, want hereinlassen", got["lasse"])
	}
}

// TestClauseEndsAfterSpaceOrQuote checks that a clause ends at
// punctuation behind no-break spaces, closing quotation marks or an
// ellipsis, so that a particle there is separated ("stell das um\u00a0?").
func TestClauseEndsAfterSpaceOrQuote(t *testing.T) {
	for _, text := range []string{
		"stell das um\u00a0, die kamera geht nicht",
		"stell das um\u202f? die kamera geht nicht",
		"stell das um\u2009! die kamera geht nicht",
		"stell das um… die kamera geht nicht",
		"stell das „um“, die kamera geht nicht",
		"stell das 'um'. die kamera geht nicht",
	} {
		toks := tokenize(text, nil)
		i := slices.IndexFunc(toks, func(t rawToken) bool { return t.word == "um" })
		if i < 0 {
			t.Fatalf("%q: no token um", text)
		}
		if !toks[i].end {
			t.Errorf("%q: um does not end its clause", text)
		}
		if !separated(toks, i) {
			t.Errorf("%q: separated(um) = false, want true", text)
		}
	}
	// A quotation mark or space before a word does not end the clause.
	for _, text := range []string{"klick auf „teilen“", "klick auf\u00a0teilen"} {
		toks := tokenize(text, nil)
		if toks[1].word != "auf" || toks[1].end {
			t.Errorf("%q: auf ends its clause (tokens %+v)", text, toks)
		}
	}
}

// TestParticleEachClause checks that a particle that recurs joins the
// verb of each clause it ends: the first "hoch" ("zu hoch") has no verb,
// the second belongs to "lade" ("hochladen"). The old code kept only the
// first occurrence of each particle word.
func TestParticleEachClause(t *testing.T) {
	docs := append(particleDocs(), Doc{ID: "x/hochladen.md", Title: "Dateien hochladen",
		Sections: []Section{{"", "So lädst du eine Datei in die Cloud hoch."}}})
	ix := Build(docs, Options{})
	want := newStemmer().stem("hochladen")
	for _, q := range []string{
		"die auflösung ist zu hoch, wie lade ich das bild hoch",
		"die auflösung ist zu hoch und ich lade das bild hoch",
	} {
		if got := conceptTerms(ix, q); !slices.Contains(got["lade"], want) {
			t.Errorf("%q: lade matches %v, want hochladen", q, got["lade"])
		}
	}
	// A particle repeated in one clause is one entry, reaching up to its
	// last occurrence; colloquial forms count as their particle.
	kr := &keyer{ix: ix}
	for _, tc := range []struct {
		q    string
		want []queryPart
	}{
		{"wie lade ich das hoch wie hoch", []queryPart{{"hoch", 0, 6}}},
		{"lade ich runter wie runter", []queryPart{{"runter", 0, 4}, {"herunter", 0, 4}, {"hinunter", 0, 4}}},
		{"zu hoch. lade hoch", []queryPart{{"hoch", 0, 1}, {"hoch", 2, 3}}},
	} {
		if got := ix.queryParticles(tokenize(tc.q, nil), kr.key, func(int) {}); !slices.Equal(got, tc.want) {
			t.Errorf("%q: particles %+v, want %+v", tc.q, got, tc.want)
		}
	}
}

// TestParticleLaterOccurrence checks that a particle joins a word whose
// first occurrence stands in an earlier clause: the concept is made once,
// at the first "lade", but the "hoch" ends the clause of the second.
func TestParticleLaterOccurrence(t *testing.T) {
	docs := append(particleDocs(), Doc{ID: "x/hochladen.md", Title: "Dateien hochladen",
		Sections: []Section{{"", "So lädst du eine Datei in die Cloud hoch."}}})
	ix := Build(docs, Options{})
	want := newStemmer().stem("hochladen")
	if got := conceptTerms(ix, "ich lade das foto. wie lade ich es hoch"); !slices.Contains(got["lade"], want) {
		t.Errorf("lade matches %v, want hochladen", got["lade"])
	}
	// Still only the particle's own clause: a later "lassen" in another
	// clause than "rein" does not join it.
	lobby := append(particleDocs(), Doc{ID: "x/lobby.md", Title: "Gäste hereinlassen",
		Sections: []Section{{"", "Im Warteraum kannst du Gäste hereinlassen."}}})
	ix = Build(lobby, Options{})
	if got := conceptTerms(ix, "komme nicht rein. handy liegen lassen, nochmal lassen"); slices.Contains(got["lassen"], newStemmer().stem("hereinlassen")) {
		t.Errorf("lassen matches %v: joined the particle of another clause", got["lassen"])
	}
}
