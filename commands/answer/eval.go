package answer

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// Expected values of an evaluation set besides guide IDs: the non-guide
// outcomes by name; search.OutOfScope ("-") counts as "none".
func expectedOutcome(exp string) Outcome {
	switch exp {
	case string(SmallTalk), string(Human), string(Command), string(None):
		return Outcome(exp)
	case search.OutOfScope:
		return None
	}
	return ""
}

// ExpectedWords are the values of an evaluation set's expected column
// besides guide IDs, as [Evaluate] knows them: the non-guide outcomes and
// search.OutOfScope. Any other value is read as a guide ID.
func ExpectedWords() []string {
	return []string{string(SmallTalk), string(Human), string(Command), string(None), search.OutOfScope}
}

// Result is the decision for one evaluation message and its verdict.
type Result struct {
	Question search.Question
	Decision Decision
	// Helped: the right guide answered or among the choices, or the right
	// non-guide outcome.
	Helped bool
	// ConfidentWrong: an Answer with a guide other than the expected one
	// (whatever was expected).
	ConfidentWrong bool
	// AsTeam: decided with the team's view, the expected guide being for
	// the team only (see Evaluate).
	AsTeam bool
}

// Tally counts the results of one expected kind ("guide" or an outcome).
type Tally struct {
	Messages, Helped, ConfidentWrong int
	// Outcomes counts what the decision did.
	Outcomes map[Outcome]int
}

// Report is an evaluation of the decision on a question set.
type Report struct {
	Results []Result
	// ByExpected tallies per expected kind: "guide", "smalltalk", "human",
	// "command", "none".
	ByExpected map[string]*Tally
	Total      Tally
	// Answerable-only figures: the expected guide first / in the first
	// three of the raw ranking.
	Answerable, Top1, Top3 int
	// AsTeam counts the messages judged with the team's view although
	// the evaluation ran as a member: their expected guide is for the
	// team only (see Evaluate).
	AsTeam int
}

// guideLookup is what Evaluate needs to tell a team-only guide;
// *guides.Library has it. A Library without it is judged as given.
type guideLookup interface {
	Get(id string) (*guides.Guide, bool)
}

// rowOptions are the options to judge a message expecting exp with: a
// message that expects a guide only the team sees is a team member's
// question (a member can never get that guide), so it is judged with the
// team's view, as `lotse ask --team` decides; every other message keeps
// opts. asTeam reports the switch.
func rowOptions(lib Library, exp string, opts Options) (_ Options, asTeam bool) {
	gl, ok := lib.(guideLookup)
	if opts.Team || !ok {
		return opts, false
	}
	if g, ok := gl.Get(exp); ok && !guides.VisibleTo(g, false) {
		opts.Team = true
		return opts, true
	}
	return opts, false
}

// Evaluate decides every question of qs and checks it. Guide questions
// are also ranked raw (top-1/top-3) with the same visibility. A question
// whose expected guide only the team sees is decided and ranked as a team
// member's (counted in Report.AsTeam) when lib can tell the guide's
// audience (*guides.Library can).
func Evaluate(lib Library, qs []search.Question, opts Options) Report {
	r := Report{ByExpected: map[string]*Tally{}}
	r.Total.Outcomes = map[Outcome]int{}
	for _, q := range qs {
		opts, asTeam := rowOptions(lib, q.Expected, opts)
		if asTeam {
			r.AsTeam++
		}
		d := Decide(q.Text, lib, opts)
		res := Result{Question: q, Decision: d, AsTeam: asTeam}
		kind := string(expectedOutcome(q.Expected))
		if kind == "" {
			kind = "guide"
			r.Answerable++
			raw, _ := lib.SearchFor(q.Text, 3, opts.Team).Shown()
			for i, h := range raw {
				if h.ID == q.Expected {
					if i == 0 {
						r.Top1++
					}
					r.Top3++
				}
			}
		}
		res.Helped = Helped(d, q.Expected)
		res.ConfidentWrong = d.Outcome == Answer && !res.Helped
		t := r.ByExpected[kind]
		if t == nil {
			t = &Tally{Outcomes: map[Outcome]int{}}
			r.ByExpected[kind] = t
		}
		for _, t := range []*Tally{t, &r.Total} {
			t.Messages++
			t.Outcomes[d.Outcome]++
			if res.Helped {
				t.Helped++
			}
			if res.ConfidentWrong {
				t.ConfidentWrong++
			}
		}
		r.Results = append(r.Results, res)
	}
	return r
}

// Helped is the verdict on one decision d for an evaluation question whose
// expected value is expected: the expected guide answered or among the
// choices, or the expected non-guide outcome (search.OutOfScope, "-",
// counts as none).
func Helped(d Decision, expected string) bool {
	switch d.Outcome {
	case Answer:
		return d.Hits[0].ID == expected
	case Choose:
		return slices.Contains(d.Guides(), expected)
	}
	kind := expectedOutcome(expected)
	return kind != "" && d.Outcome == kind
}

// Rate is a share in [0,1] (0 for an empty set).
func Rate(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Write prints per expected kind: messages, helped, confident-wrong and
// what the decision did; then the misses.
func (r Report) Write(w io.Writer) error {
	kinds := []string{"guide", string(SmallTalk), string(Human), string(Command), string(None)}
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %8s %16s %15s  outcomes\n", "expected", "messages", "helped", "confident-wrong")
	row := func(name string, t *Tally) {
		var outs []string
		for _, o := range []Outcome{Answer, Choose, SmallTalk, Human, Command, None} {
			if n := t.Outcomes[o]; n > 0 {
				outs = append(outs, fmt.Sprintf("%s %d", o, n))
			}
		}
		fmt.Fprintf(&b, "%-10s %8d %7d (%5.1f %%) %15d  %s\n", name, t.Messages, t.Helped, 100*Rate(t.Helped, t.Messages), t.ConfidentWrong, strings.Join(outs, ", "))
	}
	for _, k := range kinds {
		if t := r.ByExpected[k]; t != nil {
			row(k, t)
		}
	}
	row("all", &r.Total)
	if r.Answerable > 0 {
		fmt.Fprintf(&b, "guide questions: top-1 %.1f %% (%d/%d), top-3 %.1f %% (%d/%d) of the raw ranking\n",
			100*Rate(r.Top1, r.Answerable), r.Top1, r.Answerable, 100*Rate(r.Top3, r.Answerable), r.Top3, r.Answerable)
	}
	if r.AsTeam > 0 {
		fmt.Fprintf(&b, "judged as a team member: %d message(s) whose expected guide only the team sees\n", r.AsTeam)
	}
	first := true
	for _, res := range r.Results {
		if res.Helped {
			continue
		}
		if first {
			b.WriteString("\nmisses:\n")
			first = false
		}
		tag := "miss"
		if res.ConfidentWrong {
			tag = "CONFIDENT-WRONG"
		}
		if res.AsTeam {
			tag += ", as team"
		}
		fmt.Fprintf(&b, "- [%s] %q\n    expected %s; got %s %v\n", tag, res.Question.Text, res.Question.Expected, res.Decision.Outcome, res.Decision.Guides())
	}
	_, err := io.WriteString(w, b.String())
	return err
}
