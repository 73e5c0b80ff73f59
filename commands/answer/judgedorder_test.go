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
// inNamedTool, offTopicOnOneWord's own bar or its inNamedTool back on the
// moved order, the choice becomes "no guide" (each case fails alone
// without its switch). The answer path's offTopicOnOneWord (on vetoed,
// which takes an answer away, never a choice) keeps the moved order, as
// judgedOrder's comment says.
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
			// offTopicOnOneWord's own bar (thirty-third pass): the
			// message names a service outside the library and no tool
			// of the association; the old first meets it in more than
			// one word (OneWord 0.3, below offTopicOneWord's 0.5) and
			// firmly in its topic (no off-topic gate); the moved first
			// owes its score to one word (0.8). Read on the moved
			// first, the bar would take the choice away.
			"offTopicOnOneWord bar",
			"wie teile ich den Termin aus WhatsApp mit der Gruppe",
			search.Result{Close: true, OffTopic: []string{"whatsapp"}, Hits: []search.Hit{
				{ID: "nextcloud/a.md", Score: 0.4, Strong: 0.5, OneWord: 0.3},
				{ID: "matrix/b.md", Score: 0.38, Strong: 0.5, OneWord: 0.8},
				{ID: "bbb/c.md", Score: 0.36, Strong: 0.1, OneWord: 0.3},
			}}.WithMove(1),
		},
		{
			// offTopicOnOneWord's inNamedTool: the old first meets the
			// message firmly in its topic (no off-topic gate) and is a
			// cloud guide that owes 0.55 of its score to one word:
			// offTopicOnOneWord's bar (0.5 for a service) holds on it,
			// but it is met in more than one word by inNamedTool's
			// measure (below oneWordShare, 0.6); the moved first, a
			// chat guide, owes its score to one word. Only the cloud
			// named by its name, read on the old first, keeps the
			// choice.
			"offTopicOnOneWord inNamedTool",
			"wie lade ich ein Foto aus WhatsApp in die Cloud hoch",
			search.Result{Close: true, OffTopic: []string{"whatsapp"}, Hits: []search.Hit{
				{ID: "nextcloud/a.md", Score: 0.4, Strong: 0.5, OneWord: 0.55},
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
