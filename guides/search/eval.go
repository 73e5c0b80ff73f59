package search

import (
	"bufio"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strings"
)

// OutOfScope is the Expected value of a question no guide answers.
const OutOfScope = "-"

// Question is one evaluation question: its text and the ID of the guide
// that answers it, or OutOfScope ("-").
type Question struct {
	Text, Expected string
}

// ReadQuestionsFile reads the question set in the file at path (see
// [ReadQuestions]).
func ReadQuestionsFile(path string) ([]Question, error) {
	rows, err := ReadRowsFile(path)
	if err != nil {
		return nil, err
	}
	return questionsOf(rows), nil
}

// ReadQuestions reads a TSV with the header "question\texpected" and one
// question per line. Blank lines and lines starting with "#" are skipped.
func ReadQuestions(r io.Reader) ([]Question, error) {
	rows, err := ReadRows(r)
	if err != nil {
		return nil, err
	}
	return questionsOf(rows), nil
}

// questionsOf returns the questions of rows, without their lines.
func questionsOf(rows []Row) []Question {
	qs := make([]Question, len(rows))
	for i, row := range rows {
		qs[i] = row.Question
	}
	return qs
}

// Row is one question of a question set with the line of the file it is
// on (1-based), for messages about the row.
type Row struct {
	Question
	Line int
}

// ReadRowsFile reads the question set in the file at path (see
// [ReadRows]).
func ReadRowsFile(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := ReadRows(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// ReadRows reads a question set like [ReadQuestions] and keeps each
// question's line. An error names the line and what is wrong with it in
// words an admin can act on; it never quotes a question.
func ReadRows(r io.Reader) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var rows []Row
	line := 0
	header := false
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if !header {
			header = true
			if len(cols) < 2 || !strings.EqualFold(strings.TrimSpace(cols[0]), "question") || !strings.EqualFold(strings.TrimSpace(cols[1]), "expected") {
				return nil, fmt.Errorf("line %d: the first line must be the header \"question<TAB>expected\"%s", line, headerHint(cols))
			}
			continue
		}
		if len(cols) != 2 {
			return nil, fmt.Errorf("line %d: %s", line, columnsProblem(len(cols)))
		}
		q := Question{Text: strings.TrimSpace(cols[0]), Expected: strings.TrimSpace(cols[1])}
		switch {
		case q.Text == "":
			return nil, fmt.Errorf("line %d: the question (before the tab) is empty", line)
		case q.Expected == "":
			return nil, fmt.Errorf("line %d: the expected column (after the tab) is empty; write a guide ID, or - if no guide answers", line)
		}
		rows = append(rows, Row{Question: q, Line: line})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than 1 MiB", line+1)
		}
		return nil, err
	}
	if !header {
		return nil, errors.New("empty file: the first line must be the header \"question<TAB>expected\"")
	}
	return rows, nil
}

// headerHint says what a first line that is not the header looks like:
// the header with spaces for the tab, or a question row (the header is
// missing).
func headerHint(cols []string) string {
	if f := strings.Fields(strings.ToLower(cols[0])); len(cols) == 1 && len(f) == 2 && f[0] == "question" && f[1] == "expected" {
		return " with a tab between the two words, not spaces"
	}
	if len(cols) == 2 {
		return "; this looks like a question: add the header above it"
	}
	return ""
}

// columnsProblem says what is wrong with a row of n tab-separated columns
// (n != 2).
func columnsProblem(n int) string {
	if n == 1 {
		return "no tab; a row is the question, a tab, and the expected guide ID or outcome (spaces do not separate the columns)"
	}
	return fmt.Sprintf("%d tabs; a row has exactly one, between the question and the expected value (a tab inside the question?)", n-1)
}

// Miss is one question the engine got wrong.
type Miss struct {
	Question  Question
	Got       []Hit  // the hits returned (top 3)
	Confident bool   // the Result's decision
	Kind      string // "top1", "top3", "confidence", "oos" (see Report)
}

// Report summarises an evaluation.
type Report struct {
	Answerable int // questions with an expected guide
	OutOfScope int // questions with Expected "-"

	Top1, Top3 int // answerable questions with the expected guide first / in the first three
	// Rejected counts out-of-scope questions answered with Confident=false.
	Rejected int
	// LostToConfidence counts answerable questions whose first hit is right
	// but Confident=false (the bot would not answer although it could),
	// except a guide the learned re-ranking moved to the front of a close
	// result (MovedToFirst; see movedToFirst).
	LostToConfidence int
	// MovedToFirst counts answerable questions whose right first hit the
	// re-ranking moved to the front (Result.Reranked) of a close
	// result (Result.Close); they are in Top1 and offered as a choice.
	MovedToFirst int
	// ConfidentTop1 counts answerable questions answered confidently and
	// correctly; ConfidentWrong those answered confidently with a wrong
	// guide.
	ConfidentTop1, ConfidentWrong int

	Misses []Miss
}

// Top1Rate returns Top1 as a share of answerable questions.
func (r Report) Top1Rate() float64 { return ratio(r.Top1, r.Answerable) }

// Top3Rate returns Top3 as a share of answerable questions.
func (r Report) Top3Rate() float64 { return ratio(r.Top3, r.Answerable) }

// RejectRate returns the share of out-of-scope questions with Confident=false.
func (r Report) RejectRate() float64 { return ratio(r.Rejected, r.OutOfScope) }

// LostRate returns LostToConfidence as a share of answerable questions.
func (r Report) LostRate() float64 { return ratio(r.LostToConfidence, r.Answerable) }

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate runs every question against ix and counts the outcome.
func Evaluate(ix *Index, qs []Question) Report {
	var r Report
	for _, q := range qs {
		r.add(q, ix.Search(q.Text, 5))
	}
	return r
}

// add counts the outcome res of question q.
func (r *Report) add(q Question, res Result) {
	got, confident := res.Shown()
	if len(got) > 3 {
		got = got[:3]
	}
	if q.Expected == OutOfScope {
		r.OutOfScope++
		if !confident {
			r.Rejected++
		} else {
			r.Misses = append(r.Misses, Miss{q, got, confident, "oos"})
		}
		return
	}
	r.Answerable++
	rank := -1
	for i, h := range got {
		if h.ID == q.Expected {
			rank = i
			break
		}
	}
	switch {
	case rank == 0:
		r.Top1++
		r.Top3++
		switch {
		case confident:
			r.ConfidentTop1++
		case movedToFirst(res, got[0]):
			r.MovedToFirst++
		default:
			r.LostToConfidence++
			r.Misses = append(r.Misses, Miss{q, got, confident, "confidence"})
		}
	case rank > 0:
		r.Top3++
		r.Misses = append(r.Misses, Miss{q, got, confident, "top1"})
	default:
		r.Misses = append(r.Misses, Miss{q, got, confident, "top3"})
	}
	if rank != 0 && confident {
		r.ConfidentWrong++
	}
}

// movedToFirst reports whether shown, the first hit shown for res, is the
// guide the learned re-ranking moved to the front of a result the bot
// offers as a choice: the re-ranking moved one (res.Reranked), it is
// the one shown first (the English lexicon's order, Result.Reordered, may
// show another), and the result is close (rerankGuard keeps Close only
// when the first guide before the move was confident or close; it never
// leaves a moved result confident, so Close is the only flag to ask). A
// moved guide at the front of a weak result is no choice — the bot finds
// no guide — so it is not counted here.
func movedToFirst(res Result, shown Hit) bool {
	return res.Reranked() && res.Close && len(res.Hits) > 0 && shown.ID == res.Hits[0].ID
}

// Write prints the report: the figures, then every miss with what the
// engine returned instead.
func (r Report) Write(w io.Writer) error {
	pct := func(v float64) string { return fmt.Sprintf("%5.1f %%", 100*v) }
	lines := []string{
		fmt.Sprintf("answerable questions:        %d", r.Answerable),
		fmt.Sprintf("out-of-scope questions:      %d", r.OutOfScope),
		fmt.Sprintf("top-1:                       %s (%d/%d)", pct(r.Top1Rate()), r.Top1, r.Answerable),
		fmt.Sprintf("top-3:                       %s (%d/%d)", pct(r.Top3Rate()), r.Top3, r.Answerable),
		fmt.Sprintf("out-of-scope rejected:       %s (%d/%d)", pct(r.RejectRate()), r.Rejected, r.OutOfScope),
		fmt.Sprintf("top-1 lost to confidence:    %s (%d/%d)", pct(r.LostRate()), r.LostToConfidence, r.Answerable),
		fmt.Sprintf("top-1 moved by re-ranking:   %d (a choice, not lost)", r.MovedToFirst),
		fmt.Sprintf("confident and right:         %d, confident and wrong: %d", r.ConfidentTop1, r.ConfidentWrong),
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	if len(r.Misses) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, "\nmisses:"); err != nil {
		return err
	}
	kinds := map[string]string{
		"top3":       "not in top 3",
		"top1":       "not first",
		"confidence": "right but not confident",
		"oos":        "out of scope but confident",
	}
	for _, m := range r.Misses {
		conf := "not confident"
		if m.Confident {
			conf = "confident"
		}
		if _, err := fmt.Fprintf(w, "- [%s] %q\n    expected %s; got (%s):", kinds[m.Kind], m.Question.Text, m.Question.Expected, conf); err != nil {
			return err
		}
		if len(m.Got) == 0 {
			fmt.Fprint(w, " nothing")
		}
		for _, h := range m.Got {
			fmt.Fprintf(w, " %s (%.2f)", h.ID, h.Score)
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return nil
}

// SplitByHash splits questions deterministically into a tuning half and a
// checking half by a hash of the question text: FNV-1a (32 bit) over the
// question exactly as written in the TSV (trimmed); an even hash goes to
// tune, an odd one to check. The split depends only on each question's
// own text, so adding a question never moves another one between halves.
func SplitByHash(qs []Question) (tune, check []Question) {
	for _, q := range qs {
		if InTuneHalf(q.Text) {
			tune = append(tune, q)
		} else {
			check = append(check, q)
		}
	}
	return tune, check
}

// InTuneHalf reports whether question belongs to the tuning half (see
// [SplitByHash]).
func InTuneHalf(question string) bool {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(question)))
	return h.Sum32()%2 == 0
}
