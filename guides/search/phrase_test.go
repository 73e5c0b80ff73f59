package search

import (
	"slices"
	"testing"
)

// TestPhraseOrdersHits checks that pairs of neighbouring words a guide
// says in its title, example questions or headings order guides the bag of
// words cannot tell apart. Each case fails with the phrase evidence off
// (phraseWeight 0): the other guide comes first.
func TestPhraseOrdersHits(t *testing.T) {
	tests := []struct {
		name  string
		docs  []Doc
		query string
		want  string
	}{
		{
			name: "function words: über mich",
			docs: []Doc{
				{ID: "kalender", Title: "Kalender des Landesverbands abonnieren", Summary: "Termine des Landesverbands im eigenen Kalender."},
				{ID: "daten", Title: "Welche Daten speichert der Landesverband über mich?", Summary: "Was gespeichert wird und wie lange."},
				{ID: "spende", Title: "Spenden an den Landesverband", Summary: "Wie Spenden verbucht werden."},
			},
			query: "was weiß der landesverband eigentlich alles über mich",
			want:  "daten",
		},
		{
			name: "negation: ohne Konto",
			docs: []Doc{
				{ID: "konto", Title: "Konto", Tags: []string{"Hilfe"}},
				{ID: "gast", Title: "Hilfe für Gäste ohne Konto", Summary: "Was Gäste tun können."},
				{ID: "termine", Title: "Termine im Kalender", Summary: "Kalender abonnieren."},
				{ID: "mail", Title: "E-Mail einrichten", Summary: "Postfach im Mailprogramm."},
			},
			query: "hilfe ohne konto",
			want:  "gast",
		},
		{
			name: "content words in the other order",
			docs: []Doc{
				{ID: "aendern", Title: "Passwort", Tags: []string{"vergessen"}, Summary: "Passwort ändern."},
				{ID: "vergessen", Title: "Vergessenes Passwort beim Anmelden zurücksetzen lassen", Summary: "Wenn du es nicht mehr weißt."},
			},
			query: "passwort vergessen",
			want:  "vergessen",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix := Build(tc.docs, Options{})
			res := ix.Search(tc.query, 3)
			if len(res.Hits) == 0 || res.Hits[0].ID != tc.want {
				t.Fatalf("first hit of %q = %v, want %s", tc.query, ids(res.Hits), tc.want)
			}
			// Without the pairs the other guide comes first: the case
			// tests the phrase evidence, not the bag of words.
			old := phraseWeight
			phraseWeight = 0
			defer func() { phraseWeight = old }()
			if res := ix.Search(tc.query, 3); len(res.Hits) > 0 && res.Hits[0].ID == tc.want {
				t.Fatalf("first hit of %q without pairs = %v: the case does not need them", tc.query, ids(res.Hits))
			}
		})
	}
}

// TestPairKeys checks which pairs a word sequence yields: neighbours in
// order (function words included, articles left out) and neighbouring
// content words in either order.
func TestPairKeys(t *testing.T) {
	st := newStemmer()
	keys := func(text string) []uint64 {
		b := newPhraseBuilder(st)
		b.add(0, text)
		var out []uint64
		for h := range b.px.ids {
			out = append(out, h)
		}
		slices.Sort(out)
		return out
	}
	k := func(kind byte, a, b string) uint64 {
		key := func(w string) (string, bool) {
			if isStop(w) {
				return w, true
			}
			return st.stem(w), false
		}
		ka, sa := key(a)
		kb, sb := key(b)
		return pairKey(kind, ka, sa, kb, sb)
	}
	tests := []struct {
		text string
		want []uint64
	}{
		{"über mich", []uint64{k(pairOrdered, "über", "mich")}},
		{"Daten speichert der Landesverband", []uint64{
			k(pairOrdered, "daten", "speichert"), k(pairOrdered, "speichert", "landesverband"),
			k(pairContent, "daten", "speichert"), k(pairContent, "speichert", "landesverband"),
		}},
		{"kein Konto mehr", []uint64{
			k(pairOrdered, "kein", "konto"), k(pairOrdered, "konto", "mehr"),
		}},
		{"Passwort ohne Mail", []uint64{
			k(pairOrdered, "passwort", "ohne"), k(pairOrdered, "ohne", "mail"),
			k(pairContent, "passwort", "mail"),
		}},
	}
	for _, tc := range tests {
		got := keys(tc.text)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("pairs of %q: got %d %v, want %d %v", tc.text, len(got), got, len(want), want)
		}
	}
	// The content pair is the same in either order; the ordered pair is not.
	if k(pairContent, "passwort", "vergessen") != k(pairContent, "vergessen", "passwort") {
		t.Error("content pair depends on the order")
	}
	if k(pairOrdered, "passwort", "vergessen") == k(pairOrdered, "vergessen", "passwort") {
		t.Error("ordered pair ignores the order")
	}
}

// BenchmarkPhrase searches with the phrase evidence off and on in the same
// process (run with -count to interleave them), for the 45 bench guides
// and a generated library of 5,000: the cost of the pairs alone (workload:
// loadBenchWork, the tuning half).
func BenchmarkPhrase(b *testing.B) {
	docs, qs := loadBenchWork(b)
	for _, lib := range []struct {
		name string
		ix   *Index
	}{{"bench", Build(docs, Options{})}, {"5000", Build(syntheticLibrary(docs, 5000), Options{})}} {
		for _, w := range []float64{0, phraseWeight} {
			name := lib.name + "/off"
			if w > 0 {
				name = lib.name + "/on"
			}
			b.Run(name, func(b *testing.B) {
				old := phraseWeight
				phraseWeight = w
				defer func() { phraseWeight = old }()
				benchSearch(b, lib.ix, qs)
			})
		}
	}
}

// TestPhraseMoveNotConfident checks the first safety rule: when the pairs
// change which guide comes first, the result is not confident (a choice at
// most), the guide that lost first place comes second, and with room for
// one hit the pairs do not count. The first guide's own features are
// confident, so the case fails without the rule.
func TestPhraseMoveNotConfident(t *testing.T) {
	docs := []Doc{
		{ID: "kalender", Title: "Kalender des Landesverbands abonnieren", Summary: "Termine des Landesverbands im eigenen Kalender."},
		{ID: "daten", Title: "Welche Daten speichert der Landesverband über mich?", Summary: "Was gespeichert wird und wie lange."},
		{ID: "spende", Title: "Spenden an den Landesverband", Summary: "Wie Spenden verbucht werden."},
	}
	const q = "was weiß der landesverband eigentlich alles über mich"
	ix := Build(docs, Options{})
	res, f := ix.search(q, 3)
	if got := ids(res.Hits); len(got) < 2 || got[0] != "daten" || got[1] != "kalender" {
		t.Fatalf("hits of %q = %v, want daten (the pairs) then kalender (the first without them)", q, got)
	}
	if !ix.confident(f) {
		t.Fatalf("the first guide's own features are not confident: the case does not test the rule")
	}
	if res.Confident || !res.Close {
		t.Errorf("Confident=%v Close=%v, want a choice (false, true): the pairs chose the first guide", res.Confident, res.Close)
	}
	// With room for one hit there is nothing to reorder: the first
	// without the pairs, as confident as without them.
	one := ix.Search(q, 1)
	old := phraseWeight
	phraseWeight = 0
	base := ix.Search(q, 1)
	phraseWeight = old
	if got := ids(one.Hits); len(got) != 1 || got[0] != "kalender" || one.Confident != base.Confident {
		t.Errorf("limit 1: hits %v confident %v, want [kalender] confident %v", got, one.Confident, base.Confident)
	}
	// The simpler variant: the pairs order the runners-up only, and the
	// result is the one without them.
	phraseFirst = false
	defer func() { phraseFirst = true }()
	phraseWeight = 0
	base = ix.Search(q, 3)
	phraseWeight = old
	if got := ix.Search(q, 3); !slices.Equal(ids(got.Hits)[:1], []string{"kalender"}) || got.Confident != base.Confident || got.Close != base.Close {
		t.Errorf("runners-up only: hits %v confident %v close %v, want kalender first as without the pairs (%v %v)",
			ids(got.Hits), got.Confident, got.Close, base.Confident, base.Close)
	}
}

// TestPhraseKeepsSecond checks the second safety rule: when the first
// guide is confident on its own, the pairs may not put a runner-up second
// that explains less of the query than the second without them (the
// decision's lead over the runner-up would grow). When the first is not
// confident they order the runners-up freely. The first case fails without
// the rule ("hilfe", which says "ohne Mail", comes second).
func TestPhraseKeepsSecond(t *testing.T) {
	docs := []Doc{
		{ID: "loeschen", Title: "Konto löschen", Summary: "So löschst du dein Konto, auch ohne Mail."},
		{ID: "mail", Title: "Mail einrichten", Summary: "Die Mail im Mailprogramm."},
		{ID: "hilfe", Title: "Anmelden ohne Mail", Summary: "Was du tun kannst."},
		{ID: "kalender", Title: "Kalender", Summary: "Termine."},
		{ID: "teilen", Title: "Dateien teilen", Summary: "Links."},
		{ID: "drucken", Title: "Drucken", Summary: "Drucker."},
		{ID: "chat", Title: "Chat", Summary: "Nachrichten."},
	}
	const q = "konto löschen ohne mail"
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"confident first keeps the closer runner-up", Options{}, []string{"loeschen", "mail", "hilfe"}},
		{"not confident: the pairs order the runners-up", Options{ConfidentScore: 5}, []string{"loeschen", "hilfe", "mail"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Build(docs, tc.opts).Search(q, 3)
			if got := ids(res.Hits); !slices.Equal(got, tc.want) {
				t.Fatalf("hits of %q = %v (confident %v), want %v", q, got, res.Confident, tc.want)
			}
			score := map[string]float64{}
			for _, h := range res.Hits {
				score[h.ID] = h.Score
			}
			if score["mail"] <= score["hilfe"] {
				t.Errorf("scores %v: the case needs mail to explain more of the query than hilfe", score)
			}
		})
	}
}

// TestPhraseNeverAddsConfidence checks the safety rules on every question
// of the tune pool (bench and library, with the pairs and without them):
// a confident result with the pairs is confident without them too, with
// the same first guide and a runner-up that explains at least as much of
// the query (Score) and of it in what it is about (Strong) — so the
// decision's lead can only shrink. With the two rules switched off, 63
// questions of the pool break it.
func TestPhraseNeverAddsConfidence(t *testing.T) {
	bdocs, ldocs, sets := tunePool(t)
	bix, lix := Build(bdocs, Options{}), Build(ldocs, Options{})
	old := phraseWeight
	defer func() { phraseWeight = old }()
	checked := 0
	for _, s := range sets {
		ix := lix
		if s.bench {
			ix = bix
		}
		for _, q := range s.qs {
			phraseWeight = old
			with := ix.Search(q.Text, 5)
			phraseWeight = 0
			without := ix.Search(q.Text, 5)
			if !with.Confident {
				continue
			}
			checked++
			switch {
			case !without.Confident || with.Hits[0].ID != without.Hits[0].ID:
				t.Errorf("%s %q: confident %v with the pairs, %v %v without", s.name, q.Text, ids(with.Hits), without.Confident, ids(without.Hits))
			case len(with.Hits) > 1 && (with.Hits[1].Score < without.Hits[1].Score || with.Hits[1].Strong < without.Hits[1].Strong):
				t.Errorf("%s %q: runner-up %s (%.3f, strong %.3f) with the pairs, %s (%.3f, strong %.3f) without: the lead grows",
					s.name, q.Text, with.Hits[1].ID, with.Hits[1].Score, with.Hits[1].Strong,
					without.Hits[1].ID, without.Hits[1].Score, without.Hits[1].Strong)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no confident result in the tune pool: the test checks nothing")
	}
}
