package search

import (
	"testing"
)

// TestTypoOnlyNotConfident checks that a query whose only content word is
// matched through a typo correction is at most a "Meintest du", while the
// same correction next to a firmly matched word still ranks and answers.
func TestTypoOnlyNotConfident(t *testing.T) {
	ix := Build(testDocs(), Options{})
	r := ix.Search("kamrea", 3) // transposition of "kamera"
	if len(r.Hits) == 0 || r.Hits[0].ID != "bbb/kamera.md" {
		t.Fatalf("kamrea: hits %+v, want bbb/kamera.md first", r.Hits)
	}
	if r.Confident || !r.Close {
		t.Errorf("kamrea: Confident=%v Close=%v, want Close (only a typo correction matched)", r.Confident, r.Close)
	}
	r = ix.Search("kamrea in bbb geht nicht", 3)
	if len(r.Hits) == 0 || r.Hits[0].ID != "bbb/kamera.md" || !r.Confident {
		t.Errorf("kamrea in bbb: Confident=%v hits %+v, want confident bbb/kamera.md", r.Confident, r.Hits)
	}
	// A correctly spelt everyday word one edit from a library word at its
	// start is not corrected at all.
	docs := append(testDocs(), Doc{ID: "matrix/senden.md", Title: "Nachrichten senden", Tags: []string{"senden"},
		Summary: "Wie du in Element Nachrichten und Dateien sendest."})
	ix = Build(docs, Options{})
	if r := ix.Search("Wie kann ich spenden?", 3); r.Confident || r.Close {
		t.Errorf("spenden: Confident=%v Close=%v hits %+v, want neither", r.Confident, r.Close, r.Hits)
	}
}

// TestCloseNeedsEvidence checks that a word met only in a guide's body is
// no reason for a "Meintest du", while a distinctive word in a guide's
// title is.
func TestCloseNeedsEvidence(t *testing.T) {
	docs := append(testDocs(), Doc{ID: "team/antrag.md", Title: "Raum beantragen", Tags: []string{"raum", "antrag"},
		Summary:  "Einen Konferenzraum bei der Geschäftsstelle beantragen.",
		Sections: []Section{{"Fristen", "Vor dem Parteitag dauert die Freigabe länger, weil alle gleichzeitig Räume wollen und die Geschäftsstelle viel zu tun hat."}}})
	ix := Build(docs, Options{})
	if r := ix.Search("Wann ist der nächste Parteitag?", 3); r.Confident || r.Close {
		t.Errorf("Parteitag: Confident=%v Close=%v hits %+v, want neither", r.Confident, r.Close, r.Hits)
	}
	strict := Build(docs, Options{ConfidentScore: 5})
	if r := strict.Search("Kamera wird in BBB nicht erkannt", 3); r.Confident || !r.Close {
		t.Errorf("strict kamera: Confident=%v Close=%v, want Close", r.Confident, r.Close)
	}
}

// TestStarterLibraryCases checks the known out-of-scope failures on the
// project's starter library.
func TestStarterLibraryCases(t *testing.T) {
	docs, _ := loadStarter(t)
	ix := Build(docs, Options{})
	for _, q := range []string{
		"Wie kann ich spenden?",
		"Wie kann ich für den Bürgerschaftswahlkampf spenden?",
		"Wann ist der nächste Parteitag?",
	} {
		if r := ix.Search(q, 3); r.Confident || r.Close {
			t.Errorf("%q: Confident=%v Close=%v hits %+v, want neither", q, r.Confident, r.Close, r.Hits)
		}
	}
}

// TestEvalStarter checks the figures on the older question set for the
// starter library (testdata/starter-questions.tsv) against floors a little
// below what the engine achieves (top-1 91.4 %, top-3 98.8 %, 87.5 % of
// out-of-scope questions rejected, 3.7 % lost to confidence: a first guide
// the word-order pairs chose is never confident, phrase.go). The set is
// not held out: the library's aliases had been written close to it; those
// were removed on 2026-12-04 (see docs/performance.md), which cost top-1
// 92.6 → 86.4 %. The held-out figures are those of the checking halves.
func TestEvalStarter(t *testing.T) {
	docs, qs := loadStarter(t)
	// lostAtMost 5 %: a right first guide the decision judged and did not
	// find confident. A right first guide the learned re-ranking moved to
	// the front is not counted (Report.MovedToFirst): it was not first in
	// the order the decision judged and is a choice by construction
	// (rerankGuard), so the re-ranking's gain is not read as a loss
	// (docs/passes/17.md, seventeenth pass: rank13's and rank15's models
	// stopped at this floor with the question they fixed).
	checkFloors(t, Evaluate(Build(docs, Options{}), qs), evalFloors{top1: 0.84, top3: 0.95, reject: 0.72, lostAtMost: 0.05})
}
