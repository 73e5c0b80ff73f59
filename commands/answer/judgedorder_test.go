package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestGatesReadJudgedOrder: the gates that take a choice away read the
// order before the learned re-ranking's move (judgedOrder), whatever the
// move put first. Results built by hand where the two orders differ: in
// the order before the move the old first passes the gate, the moved
// first would not. With the weak gate's minChoose, the off-topic gate's
// inNamedTool or offTopicOnOneWord's inNamedTool back on the moved order,
// the choice becomes "no guide" (each case fails alone without its switch).
func TestGatesReadJudgedOrder(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.offTopicStrong = 0.4
	for _, c := range []struct {
		name, msg string
		res       search.Result
	}{
		{
			// minChoose: the old first scores 0.4, the moved one 0.2
			// (below the bar of 0.25).
			"minChoose",
			"eine Frage zu etwas",
			search.Result{Close: true, Hits: []search.Hit{
				{ID: "cloud/a.md", Score: 0.4, Strong: 0.5},
				{ID: "chat/b.md", Score: 0.2, Strong: 0.5},
			}}.WithMove(1),
		},
		{
			// inNamedTool: the message names the cloud by its name and
			// a device beside it; the old first is a cloud guide, met
			// in more than one word, the moved one a chat guide.
			"inNamedTool",
			"wie lade ich vom Laptop eine Datei in die Cloud hoch",
			search.Result{Close: true, OffTopic: []string{"laptop"}, Hits: []search.Hit{
				{ID: "nextcloud/a.md", Score: 0.4, Strong: 0.2, OneWord: 0.3},
				{ID: "matrix/b.md", Score: 0.38, Strong: 0.2, OneWord: 0.3},
				{ID: "bbb/c.md", Score: 0.36, Strong: 0.1, OneWord: 0.3},
			}}.WithMove(1),
		},
		{
			// offTopicOnOneWord's inNamedTool: the old first meets the
			// message firmly in its topic (no off-topic gate) and is a
			// cloud guide met in more than one word; the moved first, a
			// chat guide, owes its score to one word, so
			// offTopicOnOneWord holds and only the cloud named by its
			// name keeps the choice.
			"offTopicOnOneWord",
			"wie lade ich vom Laptop eine Datei in die Cloud hoch",
			search.Result{Close: true, OffTopic: []string{"laptop"}, Hits: []search.Hit{
				{ID: "nextcloud/a.md", Score: 0.4, Strong: 0.5, OneWord: 0.3},
				{ID: "matrix/b.md", Score: 0.38, Strong: 0.5, OneWord: 0.8},
				{ID: "bbb/c.md", Score: 0.36, Strong: 0.1, OneWord: 0.3},
			}}.WithMove(1),
		},
	} {
		if !c.res.Reranked() {
			t.Fatalf("%s: the result is not moved", c.name)
		}
		if d := Decide(c.msg, fixedLib(c.res), Options{}); d.Outcome != Choose {
			t.Errorf("%s: %s %v, want a choice (the gate read the moved order)", c.name, d.Outcome, d.Guides())
		}
	}
}
