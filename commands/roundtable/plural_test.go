package roundtable

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestLinkWorksFromPlural: "1 Minute", "10 Minuten" — a text test that
// fails on a wrong plural (issue 17 point 8).
func TestLinkWorksFromPlural(t *testing.T) {
	for n, want := range map[int]string{1: "ab etwa 1 Minute vor Beginn.", 10: "ab etwa 10 Minuten vor Beginn."} {
		if got := chat.Format(chat.Plural(German.LinkWorksFrom, n), n); got != "Der Link funktioniert "+want {
			t.Errorf("%d: %q", n, got)
		}
	}
}

// TestSummaryPlural: the coordinator's summary counts people in the
// singular and plural ("1 Person", "2 Personen"), not "waren 1:"
// (ux20, finding M5).
func TestSummaryPlural(t *testing.T) {
	for _, c := range []struct {
		forms string
		n     int
		want  string
	}{
		{German.SummarySeen, 1, "In der Videokonferenz war 1 Person: Ben"},
		{German.SummarySeen, 2, "In der Videokonferenz waren 2 Personen: Ben"},
		{German.SummaryRSVP, 1, "Zugesagt hatte 1 Person: Ben"},
		{German.SummaryRSVP, 2, "Zugesagt hatten 2 Personen: Ben"},
		{English.SummarySeen, 1, "1 person was in the video conference: Ben"},
		{English.SummaryRSVP, 2, "2 RSVPs: Ben"},
	} {
		if got := chat.Format(chat.Plural(c.forms, c.n), c.n, "Ben"); got != c.want {
			t.Errorf("%d: %q, want %q", c.n, got, c.want)
		}
	}
}

// TestOptionKeysOfTheTexts: every option line the texts name (BadOption
// lists them) is read as that option, not as description — „Moderation:“
// replaced „Co-Hosts:“ in the German texts (ux20, finding M8).
func TestOptionKeysOfTheTexts(t *testing.T) {
	keys := regexp.MustCompile("`([^`]+):`")
	for _, tx := range []*Texts{&German, &English} {
		found := keys.FindAllStringSubmatch(tx.BadOption, -1)
		if len(found) != 4 {
			t.Fatalf("%s: %d option keys in %q", tx.Lang, len(found), tx.BadOption)
		}
		for _, k := range found {
			// An unknown key makes the whole line description.
			line := k[1] + ": 3"
			if o, bad := parseOptions([]string{line}); bad == "" && len(o.description) == 1 && o.description[0] == line {
				t.Errorf("%s: %q is no option", tx.Lang, k[1])
			}
		}
	}
}

// TestSummaryNames: the summary's lists of names stop at summaryMaxNames
// and say how many more there are, in the singular and plural (a summary
// of hundreds of attendees was one message without a bound).
func TestSummaryNames(t *testing.T) {
	names := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("P%d", i+1)
		}
		return out
	}
	for _, c := range []struct {
		n          int
		wantSuffix string
	}{
		{1, "P1"},
		{summaryMaxNames, fmt.Sprintf("P%d", summaryMaxNames)},
		{summaryMaxNames + 1, fmt.Sprintf("P%d und 1 weitere Person", summaryMaxNames)},
		{summaryMaxNames + 7, fmt.Sprintf("P%d und 7 weitere Personen", summaryMaxNames)},
	} {
		got := summaryNames(&German, names(c.n))
		if !strings.HasSuffix(got, c.wantSuffix) {
			t.Errorf("%d names: %q, want the suffix %q", c.n, got, c.wantSuffix)
		}
		if strings.Count(got, ",") > summaryMaxNames-1 {
			t.Errorf("%d names: more than %d shown", c.n, summaryMaxNames)
		}
	}
}
