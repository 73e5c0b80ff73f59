package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// fixedResult is a Library whose every search gives the same result.
type fixedResult search.Result

func (f fixedResult) SearchFor(q string, limit int, _ bool) search.Result {
	r := search.Result(f)
	r.Query = q
	if len(r.Hits) > limit {
		r.Hits = r.Hits[:limit]
	}
	return r
}

// weakHits are three guides of one topic the search finds neither
// confident nor close: the first explains 0.3 of the message, and its
// own topic (title, tags, summary) firmly strong of it.
func weakHits(strong float64) []search.Hit {
	return []search.Hit{
		{ID: "cloud/teilen.md", Title: "Dateien teilen", Score: 0.3, Strong: strong, OneWord: 0.4, OneWordDF: 0.1},
		{ID: "cloud/gruppen.md", Title: "Gruppenordner", Score: 0.25, Strong: 0.1, OneWord: 0.5, OneWordDF: 0.1},
		{ID: "konto/passwort.md", Title: "Passwort", Score: 0.2, OneWord: 1, OneWordDF: 0.1},
	}
}

// weakCase is a row of the tables of the weak-evidence model (rescue.go;
// TestRescueWeak and TestLift):
// a message with a fixed search result and the decision it should get.
type weakCase struct {
	name    string
	msg     string
	res     search.Result
	opts    Options
	want    Outcome
	guides  []string
	hintHas string
}

// TestRescueWeak: a message the weak gate alone turns into "no guide"
// gets a choice when the model finds that one likely helps (the first
// guide's own topic firmly explains part of it), with the way to a
// person; evidence that is weak in every figure, and every message that
// is none for another reason, keeps the honest no.
func TestRescueWeak(t *testing.T) {
	const q = "wie teile ich eine tabelle mit meiner gruppe"
	cases := []weakCase{
		{name: "firm topic share: a choice with the way to a person (case)", msg: q, res: search.Result{Hits: weakHits(0.6)},
			opts: Options{Cases: true}, want: Choose, guides: []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}, hintHas: "Menschen"},
		{name: "same, cases off: the fallback contact", msg: q, res: search.Result{Hits: weakHits(0.6)},
			opts: Options{Contact: "Schreib an hilfe@example.org."}, want: Choose, guides: []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}, hintHas: "hilfe@example.org"},
		{name: "same in English", msg: "how do I share a table with my group", res: search.Result{Hits: weakHits(0.6)},
			opts: Options{Cases: true, Texts: &English}, want: Choose, guides: []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}, hintHas: "person"},
		{name: "no firm topic share: the honest no", msg: q, res: search.Result{Hits: weakHits(0)}, opts: Options{Cases: true}, want: None},
		{name: "all of it met by no guide: the honest no", msg: q, res: search.Result{Hits: weakHits(0.6), Uncovered: 1}, opts: Options{Cases: true}, want: None},
		{name: "short: the honest no", msg: "tabelle teilen", res: search.Result{Hits: weakHits(0.6)}, opts: Options{Cases: true}, want: None},
		{name: "a subject outside the library: the honest no", msg: q, res: search.Result{Hits: weakHits(0.6), OffTopic: []string{"excel"}}, opts: Options{Cases: true}, want: None},
		{name: "a question for a date: the honest no", msg: "wann ist die nächste tabelle für meine gruppe", res: search.Result{Hits: weakHits(0.6)}, opts: Options{Cases: true}, want: None},
		{name: "no hits: the honest no", msg: q, res: search.Result{}, opts: Options{Cases: true}, want: None},
		{name: "close result: the search's own choice, no hint", msg: q, res: search.Result{Hits: weakHits(0.6), Close: true}, opts: Options{Cases: true},
			want: Choose, guides: []string{"cloud/teilen.md", "cloud/gruppen.md", "konto/passwort.md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.msg, fixedResult(c.res), c.opts)
			if d.Outcome != c.want || !slices.Equal(d.Guides(), c.guides) {
				t.Fatalf("got %s %v, want %s %v", d.Outcome, d.Guides(), c.want, c.guides)
			}
			if d.Rescued != (c.hintHas != "") {
				t.Fatalf("Rescued %v, want %v", d.Rescued, c.hintHas != "")
			}
			if c.hintHas != "" && (!strings.Contains(d.PersonHint, c.hintHas) || !strings.HasSuffix(d.Reply, d.PersonHint)) {
				t.Fatalf("hint %q / reply %q: want the way to a person (%q) at the end", d.PersonHint, d.Reply, c.hintHas)
			}
		})
	}
}

// TestRescueLeansOnOneWord: a first guide found through one common word
// (leansOnOneWord) is no evidence the rescue may use.
func TestRescueLeansOnOneWord(t *testing.T) {
	hs := weakHits(0.2)
	hs[0].OneWord, hs[0].OneWordDF = 0.9, 0.4
	if d := Decide("wie teile ich eine tabelle mit meiner gruppe", fixedResult{Hits: hs}, Options{}); d.Outcome != None {
		t.Fatalf("got %s %v, want none", d.Outcome, d.Guides())
	}
}

// TestRescueModel: the probability grows with the length of the message,
// from below the threshold to above it, and with the first guide's firm
// topic share.
func TestRescueModel(t *testing.T) {
	p := func(strong float64, n int) float64 {
		x := featuresOf(weakHits(strong), false, n)
		return rescue.p(weakFeaturesOf(&weakEvidence{x: x}))
	}
	if lo, hi := p(0, 3), p(0, 12); !(lo < rescue.threshold && hi >= rescue.threshold) {
		t.Fatalf("p at 3 words %.2f, at 12 %.2f; threshold %.2f", lo, hi, rescue.threshold)
	}
	if lo, hi := p(0, 8), p(0.6, 8); !(lo < rescue.threshold && hi >= rescue.threshold) {
		t.Fatalf("p without a firm topic %.2f, with %.2f; threshold %.2f", lo, hi, rescue.threshold)
	}
}

// TestChoiceReplyWith: the chat's choice closes with the given line (a
// rescued choice's way to a person) and without it is unchanged.
func TestChoiceReplyWith(t *testing.T) {
	lib := loadLibrary(t)
	gs := lib.Guides()
	if len(gs) < 2 {
		t.Skip("library too small")
	}
	hits := []search.Hit{{ID: gs[0].ID}, {ID: gs[1].ID}}
	plain, offered := ChoiceReply(lib, hits, &German)
	with, offered2 := ChoiceReplyWith(lib, hits, &German, German.ChooseOrCase)
	if !slices.Equal(offered, offered2) || len(offered) != 2 {
		t.Fatalf("offered %v / %v", offered, offered2)
	}
	if strings.Contains(plain.Plain, "Passt keine davon") || !strings.HasSuffix(with.Plain, German.ChooseOrCase) || !strings.Contains(with.HTML, "Passt keine davon") {
		t.Fatalf("without %q\nwith %q", plain.Plain, with.Plain)
	}
}

// TestNoneExit: each exit of decideSearch that turns a found result into
// "no guide" names itself (Decision.exit, read by the tuning tests
// TestExitCounts and the rescue); a choice names none.
func TestNoneExit(t *testing.T) {
	const q = "wie teile ich eine tabelle mit meiner gruppe"
	leaning := []search.Hit{
		{ID: "cloud/teilen.md", Title: "Dateien teilen", Score: 0.3, Strong: 0.1, OneWord: 0.7, OneWordDF: 0.3},
		{ID: "cloud/gruppen.md", Title: "Gruppenordner", Score: 0.25, OneWord: 0.5, OneWordDF: 0.1},
	}
	oneWord := []search.Hit{
		{ID: "cloud/teilen.md", Title: "Dateien teilen", Score: 0.3, Strong: 0.5, OneWord: 0.6, OneWordDF: 0.1},
		{ID: "cloud/gruppen.md", Title: "Gruppenordner", Score: 0.25, OneWord: 0.5, OneWordDF: 0.1},
	}
	cases := []struct {
		name string
		msg  string
		res  search.Result
		want Outcome
		exit noneExit
	}{
		{"weak evidence", q, search.Result{Hits: weakHits(0)}, None, exitWeak},
		{"a subject outside the library, not firm", q, search.Result{Hits: weakHits(0), Close: true, OffTopic: []string{"excel"}}, None, exitOffTopic},
		{"a question for a date", "wann ist die nächste tabelle für meine gruppe", search.Result{Hits: weakHits(0.6), Close: true}, None, exitDate},
		{"a common word carries the first guide", q, search.Result{Hits: leaning, Close: true}, None, exitLeans},
		{"a subject outside the library met in one word", q, search.Result{Hits: oneWord, Close: true, OffTopic: []string{"whatsapp"}}, None, exitOffTopicOneWord},
		{"a choice", q, search.Result{Hits: weakHits(0.6), Close: true}, Choose, exitNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.msg, fixedResult(c.res), Options{Cases: true})
			if d.Outcome != c.want || d.exit != c.exit {
				t.Errorf("outcome %s exit %d, want %s exit %d", d.Outcome, d.exit, c.want, c.exit)
			}
		})
	}
}
