//go:build tune

// Built only with the tag "tune" (go test -tags goolm,tune …), as the other
// *_tune_test.go files, so that plain go test neither compiles nor counts
// these development aids.

package answer

import (
	"fmt"
	"hash/fnv"
	"os"
	"strings"
	"testing"
	"unicode"
)

// Development aid of the fifth quality pass (branch `english`,
// docs/passes/05.md "Fifth quality pass: English and mixed messages"):
// the TUNING pool (bench and first messages, tune/tune2/tune3) split into
// English-or-mixed and German rows and into part A/B (bit 0 of the FNV-1a
// 32 hash of the trimmed question text: A = 0, B = 1). Does nothing unless
// LOTSE_TUNE is set; reads no held-out set.

// englishOnly are the Snowball English stop words
// (snowballstem.org/algorithms/english/stop.txt) plus the apostrophe-less
// contractions, without the words that are German words too or German chat
// ("an", "in", "am", "so", "was", "will", "is", "man", "hat", "me", "her",
// "im"), so that one of them marks an English phrase.
var englishOnly = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`i my myself we our ours ourselves you your yours yourself yourselves he him his himself she hers herself
it its itself they them their theirs themselves what which who whom this that these those are were be been being have has had having
do does did doing the and but if or because as until while of at by for with about against between into through during before after
above below to from up down on off over under again further then once here there when where why how all any both each few more most
other some such no nor not only own same than too very can should now dont doesnt didnt cant isnt ive its whats howto please
don doesn didn isn aren wasn weren won wouldn shouldn couldn`) {
		m[w] = true
	}
	return m
}()

// germanOnly are German function words that are no English words, to tell
// a German sentence with an English word ("mein upload failed") from an
// English one.
var germanOnly = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ich du er sie wir ihr mein meine meinen mir mich dein deine der die das den dem des ein eine einen einem und oder
nicht kein keine wie wo was warum wann ist sind bin bist hab habe hat kann kannst muss will soll mit von zu zum zur auf aus bei für im ins
dass weil aber auch noch schon mal gibt es geht man sich ja nein nur bitte hallo danke`) {
		m[w] = true
	}
	return m
}()

// languageOf classifies a message by a stated rule: "en" when at least two
// English-only function words occur and no fewer than German-only ones,
// "mixed" when at least one English-only function word occurs besides
// German ones, "de" otherwise.
func languageOf(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	en, de := 0, 0
	for _, w := range words {
		if englishOnly[w] {
			en++
		}
		if germanOnly[w] {
			de++
		}
	}
	switch {
	case en >= 2 && en >= de:
		return "en"
	case en >= 1:
		return "mixed"
	}
	return "de"
}

// partA reports whether q falls in part A (bit 0 of FNV-1a 32 is 0).
func partA(q string) bool {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(q)))
	return h.Sum32()&1 == 0
}

type langScore struct{ n, helped, answers, wrong, answerable, top1, top3 int }

func (s langScore) String() string {
	return fmt.Sprintf("n %3d helped %3d answers %3d wrong %d | answerable %3d top1 %3d top3 %3d", s.n, s.helped, s.answers, s.wrong, s.answerable, s.top1, s.top3)
}

// TestEnglishRows prints helped, confident-wrong and raw top-1/top-3 per
// language class and part over the whole tuning pool (LOTSE_TUNE=1;
// LOTSE_EN_ROWS=1 also lists the English and mixed rows with their rank).
func TestEnglishRows(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := poolOf(t, "tune", "tune2", "tune3")
	total := map[string]*langScore{}
	for _, s := range sets {
		r := Evaluate(s.lib, s.qs, Options{Cases: true})
		for _, res := range r.Results {
			q := res.Question
			lang := languageOf(q.Text)
			part := "B"
			if partA(q.Text) {
				part = "A"
			}
			for _, k := range []string{lang + " " + part, lang + " all", s.name} {
				if total[k] == nil {
					total[k] = &langScore{}
				}
				sc := total[k]
				sc.n++
				if res.Helped {
					sc.helped++
				}
				if res.ConfidentWrong {
					sc.wrong++
				}
				if res.Decision.Outcome == Answer {
					sc.answers++
				}
			}
			rank := -1
			if expectedOutcome(q.Expected) == "" {
				opts, _ := rowOptions(s.lib, q.Expected, Options{Cases: true})
				raw := s.lib.SearchFor(q.Text, 3, opts.Team)
				for i, h := range raw.Hits {
					if h.ID == q.Expected {
						rank = i
					}
				}
				for _, k := range []string{lang + " " + part, lang + " all", s.name} {
					sc := total[k]
					sc.answerable++
					if rank == 0 {
						sc.top1++
					}
					if rank >= 0 {
						sc.top3++
					}
				}
			}
			if os.Getenv("LOTSE_EN_ROWS") != "" && (lang != "de" || os.Getenv("LOTSE_EN_ROWS") == "de") && (part == "A" || os.Getenv("LOTSE_EN_ROWS") == "all") {
				fmt.Printf("ROW %s %s %-5s helped=%v wrong=%v rank=%d %s %v %q exp=%s\n", part, lang, s.name, res.Helped, res.ConfidentWrong, rank, res.Decision.Outcome, res.Decision.Guides(), q.Text, q.Expected)
			}
		}
	}
	keys := []string{"en A", "en B", "mixed A", "mixed B", "de A", "de B", "en all", "mixed all", "de all"}
	for _, s := range sets {
		keys = append(keys, s.name)
	}
	for _, k := range keys {
		if sc := total[k]; sc != nil {
			fmt.Printf("%-22s %s\n", k, sc)
		}
	}
}
