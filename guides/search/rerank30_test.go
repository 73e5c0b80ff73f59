package search

import (
	"path/filepath"
	"testing"
)

// rerankModelPartA is the thirtieth pass's candidate model, not shipped
// (rerank.go, above rerankModel): the six refitted with the share of the query's weight met
// anywhere (rfCov) and in the guide's best section (rfSecCov), fitted on
// part A of the tune pool only (1,257 guide questions, the guides read as
// the bot reads them) by TestRerankCV (rerank_cv_tune_test.go): forward
// selection from the six over the 32 figures, a feature kept when it
// raised the five folds' held-out top-1 by at least 2 with no fold falling
// by more than 1 and top-3 not falling, then the L2 strength chosen on the
// folds (0.001 of 0.0003 … 0.01). The selection also kept rfCovN (1,114);
// it moves short messages of generic words („ich habe ein neues handy“),
// as the thirteenth pass found, and is left out (1,112). Held-out top-1
// over the folds: 1,069 without the re-ranking, 1,099 with the six weights
// above, 1,104 with the six refitted, 1,112 with these eight.
var rerankModelPartA = rerankFeat{rfRank: 2.478, rfFirst: 0.972, rfTags: 1.633, rfHeadings: 1.156, rfStrongN: 2.056, rfTitleN: 2.068,
	rfCov: 1.087, rfSecCov: 2.056}

// TestRerankEightFigures: the thirtieth pass's candidate model
// (rerankModelPartA, not the bot's: rfCov and rfSecCov beside the six;
// docs/passes/30.md (branch `eng30a`)) puts the guide first
// whose best section and whole text meet more of the message, where the
// six weights kept a guide that meets one word in its title. The
// messages are written for this test (no question set's): a recording of
// a conference, a session to confirm on a new phone. Fails with the six
// weights (both kept the sibling first).
func TestRerankEightFigures(t *testing.T) {
	ix := Build(loadGuidesAsBot(t, filepath.Join(benchDir(t), "guides")), Options{})
	old := rerankModel
	rerankModel = rerankModelPartA
	defer func() { rerankModel = old }()
	for _, tt := range []struct{ msg, want string }{
		{"kann man die videokonferenz aufnehmen, damit andere sie später sehen", "bbb/aufzeichnungen.md"},
		{"auf meinem neuen telefon steht ich soll die sitzung bestätigen", "matrix/sitzung-verifizieren.md"},
	} {
		res := ix.Search(tt.msg, 5)
		if len(res.Hits) == 0 || res.Hits[0].ID != tt.want {
			t.Errorf("%q: first %v, want %s", tt.msg, ids(res.Hits), tt.want)
			continue
		}
		if !res.Reranked() || res.Confident {
			t.Errorf("%q: moved %v confident %v; the re-ranking's move is at most a choice", tt.msg, res.Reranked(), res.Confident)
		}
	}
}

// TestRerankBotFeaturesAsTrace: the figures the bot's model reads are the
// ones the fitting aid traced (the bot fills only the weighted ones, in
// another branch of rerankFeatures).
func TestRerankBotFeaturesAsTrace(t *testing.T) {
	ix := Build(loadGuidesAsBot(t, filepath.Join(benchDir(t), "guides")), Options{})
	for _, m := range []rerankFeat{rerankModel, rerankModelPartA} {
		rerankBotFeaturesAsTrace(t, ix, m)
	}
}

func rerankBotFeaturesAsTrace(t *testing.T, ix *Index, m rerankFeat) {
	old0 := rerankModel
	rerankModel = m
	defer func() { rerankModel = old0 }()
	for _, msg := range []string{
		"kann man die videokonferenz aufnehmen, damit andere sie später sehen",
		"wie teile ich meinen bildschirm in der konferenz",
		"passwort vergessen cloud",
	} {
		var traced []rerankFeat
		old := rerankOff
		rerankOff = true
		rerankTrace = func(_ []int32, x []rerankFeat) { traced = x }
		ix.Search(msg, 5)
		rerankOff, rerankTrace = old, nil
		if len(traced) < 2 {
			t.Fatalf("%q: traced %d candidates", msg, len(traced))
		}
		// The bot's own features of the same candidates.
		var bot []rerankFeat
		rerankBotProbe = func(x []rerankFeat) { bot = append([]rerankFeat(nil), x...) }
		ix.Search(msg, 5)
		rerankBotProbe = nil
		if len(bot) != len(traced) {
			t.Fatalf("%q: bot read %d candidates, trace %d", msg, len(bot), len(traced))
		}
		for i := range bot {
			for f, w := range m {
				if w != 0 && !near(bot[i][f], traced[i][f]) {
					t.Errorf("%q candidate %d: feature %d %.4f in the bot, %.4f traced", msg, i, f, bot[i][f], traced[i][f])
				}
			}
		}
	}
}
