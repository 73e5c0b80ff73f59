package roundtable

import (
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
