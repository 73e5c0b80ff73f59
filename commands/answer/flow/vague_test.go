package flow

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
)

// offerSupport has cases on and records the questions remembered with an
// offer.
type offerSupport struct {
	offers []string // question|lead
}

func (*offerSupport) On() bool                               { return true }
func (*offerSupport) IsTeam(context.Context, id.UserID) bool { return false }
func (s *offerSupport) RememberQuestion(_ context.Context, question string, _ []string, _ id.EventID, offer bool, lead string) error {
	if offer {
		s.offers = append(s.offers, question+"|"+lead)
	}
	return nil
}
func (*offerSupport) OfferAfterThumbsDown(context.Context, *event.Event, id.EventID) (bool, error) {
	return false, nil
}
func (*offerSupport) OfferReaction(context.Context, *event.Event, id.EventID, string) (bool, error) {
	return false, nil
}

// TestVagueAsksBack: in the chat a vague message ("geht nicht") gets the
// question what exactly does not work, with the way to a person — the
// fallback contact when cases are off, the offer of a case when they are
// on — and is not handed to the gaps workflow, while an unanswered real
// question still is.
func TestVagueAsksBack(t *testing.T) {
	for _, msg := range []string{"geht nicht", "Hilfe!", "funktioniert nicht mehr", "hab ein problem"} {
		t.Run(msg, func(t *testing.T) {
			if !answer.Decide(msg, newFixture(t).lib, answer.Options{}).Vague {
				t.Fatalf("%q is not vague any more", msg)
			}
			t.Run("contact", func(t *testing.T) {
				f := newFixture(t)
				rec, obs := &recordGaps{}, &countQuestions{}
				f.w.Env.Observer = obs
				f.w = New(f.w.Env, Config{Gaps: rec})
				got := f.say(member, msg)
				if want := []string{"vague"}; !slices.Equal(obs.outcomes, want) {
					t.Errorf("question metric %q, want %q", obs.outcomes, want)
				}
				if len(got) != 1 {
					t.Fatalf("replies: %q", got)
				}
				for _, want := range []string{"Was genau funktioniert nicht", "„Ton in der Videokonferenz“", f.w.FallbackContact()} {
					if !strings.Contains(got[0], want) {
						t.Errorf("reply %q lacks %q", got[0], want)
					}
				}
				if strings.Contains(got[0], "keine passende Anleitung") || strings.Contains(got[0], msg) {
					t.Errorf("reply reads as no guide: %q", got[0])
				}
				if len(rec.calls) != 0 {
					t.Errorf("vague message kept for the digest: %q", rec.calls)
				}
			})
			t.Run("cases", func(t *testing.T) {
				f := newFixture(t)
				rec, sup := &recordGaps{}, &offerSupport{}
				f.w = New(f.w.Env, Config{Gaps: rec, Support: sup})
				f.say(member, msg)
				tx := answer.TextsFor("de")
				if want := msg + "|" + tx.Vague + " " + tx.VagueCases; len(sup.offers) != 1 || sup.offers[0] != want {
					t.Errorf("case offer %q, want %q", sup.offers, want)
				}
				if len(rec.calls) != 0 {
					t.Errorf("vague message kept for the digest: %q", rec.calls)
				}
			})
		})
	}
	// The contrast: a question no guide answers is still kept.
	f := newFixture(t)
	rec, obs := &recordGaps{}, &countQuestions{}
	f.w.Env.Observer = obs
	f.w = New(f.w.Env, Config{Gaps: rec})
	const none = "Wie melde ich eine Demo an?"
	if d := answer.Decide(none, f.lib, answer.Options{}); d.Outcome != answer.None || d.Vague {
		t.Fatalf("%q: %s vague=%v, pick another question", none, d.Outcome, d.Vague)
	}
	if got := f.say(member, none); len(got) != 1 || !strings.Contains(got[0], "keine passende Anleitung") {
		t.Errorf("no guide: %q", got)
	}
	if len(rec.calls) != 1 || !strings.HasPrefix(rec.calls[0], "failed|none|"+none) {
		t.Errorf("unanswered question not kept: %q", rec.calls)
	}
	if want := []string{"no_guide"}; !slices.Equal(obs.outcomes, want) {
		t.Errorf("question metric %q, want %q", obs.outcomes, want)
	}
}

// countQuestions records the question outcomes a workflow reports.
type countQuestions struct {
	chat.NopObserver
	mu       sync.Mutex
	outcomes []string
}

// Question records outcome.
func (c *countQuestions) Question(outcome string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.outcomes = append(c.outcomes, outcome)
}

// TestVagueAsksBackEnglish: the English catalogue asks back in English.
func TestVagueAsksBackEnglish(t *testing.T) {
	f := newFixture(t)
	env := *f.w.Env
	env.Lang = "en"
	f.w = New(&env, Config{})
	got := f.say(member, "it doesn't work")
	if len(got) != 1 || !strings.Contains(got[0], "what exactly doesn't work") || !strings.Contains(got[0], env.FallbackContact()) {
		t.Errorf("reply %q", got)
	}
}

// TestNoGuideInnerQuotesWithCases: the "no guide" reply quotes the
// member's question in „…“, so a quotation inside it gets single marks
// (answer.NoGuideReply) — with cases on too, where the reply leads the
// offer of a case (review rv7: that path formatted the text itself and
// kept the member's double marks).
func TestNoGuideInnerQuotesWithCases(t *testing.T) {
	const msg = `Wie melde ich eine "Demo" an?`
	f := newFixture(t)
	if d := answer.Decide(msg, f.lib, answer.Options{}); d.Outcome != answer.None || d.Vague {
		t.Fatalf("%q: %s vague=%v, pick another question", msg, d.Outcome, d.Vague)
	}
	sup := &offerSupport{}
	f.w = New(f.w.Env, Config{Gaps: &recordGaps{}, Support: sup})
	f.say(member, msg)
	if len(sup.offers) != 1 {
		t.Fatalf("case offers: %q", sup.offers)
	}
	_, lead, _ := strings.Cut(sup.offers[0], "|")
	if !strings.Contains(lead, "„Wie melde ich eine ‚Demo‘ an?“") || strings.Contains(lead, `"`) {
		t.Errorf("lead of the case offer %q: want the inner quotation in ‚…‘", lead)
	}
}
