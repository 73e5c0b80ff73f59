package flow

import (
	"context"
	"slices"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// recordGaps records what the answer workflow hands to the gaps workflow.
type recordGaps struct{ calls []string }

func (r *recordGaps) Failed(ctx context.Context, question, outcome string, guideIDs []string, answerEvent id.EventID) error {
	who := chat.TurnOf(ctx).Event.Sender
	r.calls = append(r.calls, strings.Join([]string{"failed", outcome, question, who.String(), strings.Join(guideIDs, ","), answerEvent.String()}, "|"))
	return nil
}

func (r *recordGaps) Picked(ctx context.Context, prompt, answerEvent id.EventID) error {
	r.calls = append(r.calls, "picked|"+prompt.String()+"|"+answerEvent.String())
	return nil
}

func (r *recordGaps) ThumbsDown(ctx context.Context, answerEvent id.EventID) error {
	r.calls = append(r.calls, "thumbsdown|"+answerEvent.String())
	return nil
}

// promptID is the event of the last "Meintest du …?" Lotse asked.
func (f *fixture) promptID() id.EventID {
	f.t.Helper()
	sent := f.fm.Sent()
	for i := len(sent) - 1; i >= 0; i-- {
		if sent[i].Content != nil && strings.Contains(sent[i].Content.Body, "Meintest du") {
			return id.EventID("$" + sent[i].Txn)
		}
	}
	f.t.Fatal("no choice asked")
	return ""
}

// chooseQuestion is a question the decision answers with "Meintest du …?"
// (the first of a few, so that a change of ranking does not lose the test).
func chooseQuestion(t *testing.T, f *fixture) string {
	t.Helper()
	for _, q := range []string{"Webcam bleibt schwarz in der Konferenz", "Mikro funktioniert nicht im Videocall",
		"es pfeift und hallt die ganze zeit wenn ich rede", "I can't hear anyone in the meeting", "muss ich für bbb was installieren?"} {
		if answer.Decide(q, f.lib, answer.Options{}).Outcome == answer.Choose {
			return q
		}
	}
	t.Fatal("none of the questions gets a choice any more: pick new ones")
	return ""
}

// TestGapsOutcomes: each outcome of a member's question reaches the gaps
// workflow as it should — none with the closest guides, a choice (and the
// pick that answers it), an answer with its event (for a later 👎), the 👎
// itself — and small talk does not.
func TestGapsOutcomes(t *testing.T) {
	f := newFixture(t)
	rec := &recordGaps{}
	f.w = New(f.w.Env, Config{Gaps: rec})

	const none = "Wie melde ich eine Demo an?"
	d := answer.Decide(none, f.lib, answer.Options{})
	if d.Outcome != answer.None {
		t.Fatalf("%q is no longer unanswered (%s): pick another question", none, d.Outcome)
	}
	closest := hitIDs(f.lib.SearchFor(d.Query, storage.MaxFailedGuides, false).Hits)
	if len(closest) == 0 {
		t.Fatalf("the search finds nothing near %q: pick another question", none)
	}
	f.say(member, none)
	if want := "failed|none|" + none + "|@member:test|" + strings.Join(closest, ",") + "|"; !slices.Equal(rec.calls, []string{want}) {
		t.Fatalf("none: %q, want %q", rec.calls, want)
	}

	rec.calls = nil
	f.say(member, "Hallo!")
	f.say(member, "danke")
	if len(rec.calls) != 0 {
		t.Errorf("small talk handed on: %q", rec.calls)
	}

	q := chooseQuestion(t, f)
	f.say(member, q)
	prompt := f.promptID()
	if len(rec.calls) != 1 || !strings.HasPrefix(rec.calls[0], "failed|choose|"+q+"|@member:test|") || !strings.HasSuffix(rec.calls[0], "|"+prompt.String()) {
		t.Fatalf("choose: %q (prompt %s)", rec.calls, prompt)
	}
	rec.calls = nil
	f.say(member, "1")
	picked := f.lastMessageID()
	if !slices.Equal(rec.calls, []string{"picked|" + prompt.String() + "|" + picked.String()}) {
		t.Fatalf("pick: %q", rec.calls)
	}

	rec.calls = nil
	f.say(member, "Passwort vergessen")
	answerID := f.lastMessageID()
	if len(rec.calls) != 1 || !strings.HasPrefix(rec.calls[0], "failed|answer|Passwort vergessen|@member:test|konto/passwort-vergessen.md") ||
		!strings.HasSuffix(rec.calls[0], "|"+answerID.String()) {
		t.Fatalf("answer: %q", rec.calls)
	}
	rec.calls = nil
	f.react(f.room, member, answerID, "👍")
	if len(rec.calls) != 0 {
		t.Errorf("👍 handed on: %q", rec.calls)
	}
	f.react(f.room, other, answerID, "👎")
	if !slices.Equal(rec.calls, []string{"thumbsdown|" + answerID.String()}) {
		t.Fatalf("👎: %q", rec.calls)
	}
	// A second 👎 of the same person is not counted again.
	rec.calls = nil
	f.react(f.room, other, answerID, "👎")
	if len(rec.calls) != 0 {
		t.Errorf("repeated 👎 handed on: %q", rec.calls)
	}
}
