package gaps_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/storage"
)

// labelled reads the first-message sets of package answer (question, then
// the expected guide ID or smalltalk | human | command | none) and keeps the
// questions with a guide: they stand for unanswered questions whose topic is
// known.
func labelled(b *testing.B) ([]storage.FailedQuestion, []string) {
	b.Helper()
	lib := library(&testing.T{})
	files, _ := filepath.Glob(filepath.Join("..", "answer", "testdata", "first-messages-*.tsv"))
	var qs []storage.FailedQuestion
	var labels []string
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			q, want, ok := strings.Cut(line, "\t")
			if !ok || strings.HasPrefix(line, "#") || !strings.HasSuffix(want, ".md") {
				continue
			}
			var guides []string
			for _, h := range lib.SearchFor(q, storage.MaxFailedGuides, false).Hits {
				guides = append(guides, h.ID)
			}
			qs = append(qs, storage.FailedQuestion{Question: q, Outcome: storage.FailedNone, Guides: guides})
			labels = append(labels, want)
		}
		f.Close()
	}
	if len(qs) == 0 {
		b.Fatal("no labelled questions found")
	}
	return qs, labels
}

// BenchmarkGroupQuestions groups the labelled first messages (each with its
// three closest guides, as kept) and reports the time per grouping, the
// number of groups and their purity: the share of questions that belong to
// their group's most common topic (1 = no group mixes topics; putting every
// question into a group of its own would also give 1, so the number of
// groups is reported beside it).
func BenchmarkGroupQuestions(b *testing.B) {
	qs, labels := labelled(b)
	var groups []gaps.Group
	for b.Loop() {
		groups = gaps.GroupQuestions(qs)
	}
	right := 0
	for _, g := range groups {
		byLabel := map[string]int{}
		best := 0
		for _, m := range g.Members {
			byLabel[labels[m]]++
			best = max(best, byLabel[labels[m]])
		}
		right += best
	}
	// Recall of pairs: of two questions with the same topic, how often
	// they share a group.
	group := make([]int, len(qs))
	for gi, g := range groups {
		for _, m := range g.Members {
			group[m] = gi
		}
	}
	same, together := 0, 0
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if labels[i] == labels[j] {
				same++
				if group[i] == group[j] {
					together++
				}
			}
		}
	}
	b.ReportMetric(float64(together)/float64(same), "pair-recall")
	b.ReportMetric(float64(len(qs)), "questions")
	b.ReportMetric(float64(len(groups)), "groups")
	b.ReportMetric(float64(right)/float64(len(qs)), "purity")
}
