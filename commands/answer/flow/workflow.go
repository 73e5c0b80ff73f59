// Package flow is the answer workflow in the chat: it answers a member's
// question with the decision of package answer (a guide, "Meintest du …?",
// small talk, a person, an honest "no guide fits"), handles the follow-ups
// (a number, 👍/👎) and the guide commands (!anleitung, !anleitungen).
//
// It is a sub-package so that package answer stays pure: `lotse ask`, the
// evaluation sets and the tuning tests run the decision with no Matrix and
// no database, and the import check can keep it that way.
package flow

import (
	"context"
	"strings"
	"sync"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
)

// Support is what the answer workflow asks of the support workflow (the
// router passes *support.Workflow); workflows do not import each other.
type Support interface {
	// On reports whether support cases are configured.
	On() bool
	// IsTeam reports whether user belongs to the team (team guides count).
	IsTeam(ctx context.Context, user id.UserID) bool
	// RememberQuestion keeps a member's question for a case (offer: ask
	// now whether to open one, after lead).
	RememberQuestion(ctx context.Context, question string, guideIDs []string, answerEvent id.EventID, offer bool, lead string) error
	// OfferAfterThumbsDown offers a case after 👎 on an answer.
	OfferAfterThumbsDown(ctx context.Context, evt *event.Event, answer id.EventID) (bool, error)
	// OfferReaction handles a reaction on a case offer.
	OfferReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (bool, error)
}

// Gaps keeps the questions Lotse could not answer, for the team's digest
// of missing guides (the router passes *gaps.Workflow). It decides itself
// whether a question may be kept (the room, the member's opt-out); the
// member and the room come from the turn in ctx.
type Gaps interface {
	// Failed keeps the question of the turn with its outcome (none;
	// choose, with the prompt in answerEvent; or answer: kept only in case
	// a 👎 follows on answerEvent) and the closest guides.
	Failed(ctx context.Context, question, outcome string, guideIDs []string, answerEvent id.EventID) error
	// Picked: the member picked a guide from the choice asked in prompt,
	// shown in answerEvent.
	Picked(ctx context.Context, prompt, answerEvent id.EventID) error
	// ThumbsDown: the member gave 👎 to answerEvent.
	ThumbsDown(ctx context.Context, answerEvent id.EventID) error
}

// Config configures the answer workflow.
type Config struct {
	Support Support
	// Gaps, if set, keeps the questions Lotse could not answer.
	Gaps Gaps
	// TeamRoom is the team's room. Team-only guides are shown there and in
	// a team member's direct chat, never where members can read along.
	TeamRoom id.RoomID
}

// Workflow is the answer workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts

	// decideFn takes the answer decision: answer.Decide (a field, so a
	// test can count the decisions taken).
	decideFn func(message string, lib answer.Library, opts answer.Options) answer.Decision

	// mu guards last.
	mu sync.Mutex
	// last is the decision IsQuestion kept for answerQuestion in the same
	// turn (keep), with what it was taken for; empty once taken (decide).
	last decided

	// langs is the last clear language of the members who wrote in
	// another language than the install's (readLang).
	langs langMemory
}

// decided is one decision of the answer decision and what it was taken
// for: the turn (one event, handled once), the text, the library and the
// options.
type decided struct {
	turn *chat.Turn
	text string
	lib  *guides.Library
	opts answer.Options
	d    answer.Decision
}

// decide is the decision for text in this turn. A message is decided once
// per turn: with an offer pending, "nein, <Frage>" is decided by
// IsQuestion (support asks it), which keeps the decision (keep), and then
// answered by answerQuestion, which takes it (review rvZb, finding 1) —
// when the turn, the text, the library and the options are the same. The
// slot is emptied by every call, so it never holds an old turn or library
// beyond the next decision (review rvM); events handled side by side
// only miss it, and decide again.
func (w *Workflow) decide(ctx context.Context, text string, lib *guides.Library, opts answer.Options) answer.Decision {
	if t := chat.TurnOf(ctx); t != nil {
		w.mu.Lock()
		last := w.last
		w.last = decided{}
		w.mu.Unlock()
		if last.turn == t && last.text == text && last.lib == lib && last.opts == opts {
			return last.d
		}
	}
	return w.decideFn(text, lib, opts)
}

// keep keeps d, the decision for text in this turn, for the next decide
// (answerQuestion after IsQuestion).
func (w *Workflow) keep(ctx context.Context, text string, lib *guides.Library, opts answer.Options, d answer.Decision) {
	t := chat.TurnOf(ctx)
	if t == nil {
		return
	}
	w.mu.Lock()
	w.last = decided{turn: t, text: text, lib: lib, opts: opts, d: d}
	w.mu.Unlock()
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	return &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang), decideFn: answer.Decide}
}

// Commands are the guide commands, for the registry (after !hilfe).
func (w *Workflow) Commands() []chat.Command {
	cmd := func(name string, aliases []string, run func(*chat.Call) error) chat.Command {
		ct := w.tx.Commands[name]
		return chat.Command{Name: name, Aliases: aliases, Usage: ct.Usage, Description: ct.Description, Run: run}.In(German.Commands[name], English.Commands[name])
	}
	return []chat.Command{
		cmd("anleitung", []string{"guide", "suche", "search", "such"}, w.cmdGuide),
		cmd("anleitungen", []string{"guides", "themen", "topics", "liste"}, w.cmdGuides),
		cmd("frage", []string{"ask", "f"}, w.cmdAsk),
	}
}

// cmdAsk answers the question after !frage, as if it had been sent to
// Lotse directly (in group rooms: the way to ask without a mention).
func (w *Workflow) cmdAsk(ce *chat.Call) error {
	q := strings.TrimSpace(ce.RawArgs)
	if q == "" {
		return w.ReplyMarkdown(ce.Ctx, w.texts(ce.Ctx).AskUsage)
	}
	return w.Text(ce.Ctx, q)
}

// IsQuestion reports whether text asks a question of its own after the
// answer to a yes/no question ("nein, wie ändere ich mein Passwort?",
// answer.AsksQuestion) or names a matter the guides answer or offer a
// choice for ("nein, ich habe mein Passwort vergessen"): then it is
// answered after the "nein". "nein danke, ich komme klar" does neither.
// It decides with the options of the turn (decideOptions), as the answer
// after the decline does: a team member's matter that only a team guide
// answers is not lost behind the decline either.
func (w *Workflow) IsQuestion(ctx context.Context, text string) bool {
	w.readLang(ctx, text)
	if answer.AsksQuestion(text) {
		return true
	}
	// A guide answer or a choice: the rest names a matter ("nein, mein
	// Passwort geht nicht" gets a choice), and a problem must not be lost
	// behind the decline; small talk and "no guide" ("nein danke, ich
	// komme klar", "nein, passt schon") ask nothing.
	lib, opts := w.Guides.Current(), w.decideOptions(ctx)
	d := w.decide(ctx, text, lib, opts)
	switch d.Outcome {
	case answer.Answer, answer.Choose:
		// Answered after the decline (answerQuestion): decided once.
		w.keep(ctx, text, lib, opts, d)
		return true
	}
	return false
}

// isTeam reports whether team-only guides count for user in this turn: the
// user holds the team role and the answer stays private to the team (a
// direct chat or the team room). In any other room a team member is
// answered like a member, so a team guide is never posted where members
// read it.
func (w *Workflow) isTeam(ctx context.Context, user id.UserID) bool {
	t := chat.TurnOf(ctx)
	if t == nil || t.Event == nil || w.cfg.Support == nil {
		return false
	}
	private := t.Direct || (w.cfg.TeamRoom != "" && t.Event.RoomID == w.cfg.TeamRoom)
	return private && w.cfg.Support.IsTeam(ctx, user)
}

func (w *Workflow) supportOn() bool { return w.cfg.Support != nil && w.cfg.Support.On() }
