package commands

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/rs/zerolog"
	"golang.org/x/sync/errgroup"
	mcommands "maunium.net/go/mautrix/commands"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/answer/flow"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/gaps"
	"github.com/lotse-bot/lotse/commands/guidedraft"
	"github.com/lotse-bot/lotse/commands/learn"
	"github.com/lotse-bot/lotse/commands/people"
	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/commands/roundtable"
	"github.com/lotse-bot/lotse/commands/support"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// CommandEvent is a parsed command of this package as it reads the Handler.
type CommandEvent = mcommands.Event[*Handler]

// Handler is the router: it turns an inbox event into a chat.Turn and hands
// it on — reactions to the workflow that owns their target, pending
// dialogues, replies in case threads, then commands (through mautrix's
// processor, with the role of each command enforced by chat), then the
// answer engine.
type Handler struct {
	Deps
	env      *chat.Env
	proc     *mcommands.Processor[*chat.Env]
	commands []chat.Command

	access     *access.Workflow
	roundTable *roundtable.Workflow
	privacy    *privacy.Workflow
	people     *people.Workflow
	support    *support.Workflow
	guideDraft *guidedraft.Workflow
	answers    *flow.Workflow
	gaps       *gaps.Workflow
	learn      *learn.Workflow
	// reactions route reactions to the workflows owning their targets.
	reactions []chat.Reaction
	// pace bounds what one sender has answered (paceGate; nil when
	// Deps.Paced is off).
	pace *paceGate
}

// New builds the handler, the workflows and the command registry.
func New(deps Deps) *Handler {
	if deps.Texts == nil {
		deps.Texts = &German
	}
	env := chat.Env{
		Matrix: deps.Matrix, Guides: deps.Guides, DB: deps.DB, Log: deps.Log, Lang: deps.Texts.Lang, Now: deps.Now,
		TxnID: deps.TxnID, GuideURL: deps.GuideURL, Observer: deps.Observer, Rooms: deps.Rooms, Location: deps.Support.Location,
		ChoiceTTL: deps.ChoiceTTL, Contact: deps.FallbackContact,
		Features: chat.Features{
			Cases:     deps.Support.TeamRoom != "",
			Nextcloud: deps.Access.ApprovalsRoom != "" && deps.Access.Nextcloud != nil,
			BBB:       deps.Access.ApprovalsRoom != "" && deps.Access.BBB != nil,
		},
	}.WithDefaults()
	deps.Now, deps.ChoiceTTL, deps.Observer = env.Now, env.ChoiceTTL, env.Observer
	h := &Handler{Deps: deps, env: &env}
	if deps.Paced {
		h.pace = newPaceGate(deps.PacedServers)
	}
	h.people = people.New(h.env, people.Config{ClearLang: answer.ClearLang, Roles: deps.Roles, Onboarding: deps.Onboarding, TeamRoom: deps.Support.TeamRoom,
		ApprovalsRoom: deps.Access.ApprovalsRoom, Approvers: deps.Access.Approvers, NextcloudStep: deps.Access.Nextcloud != nil,
		OnTeamRemoved: func(ctx context.Context, user id.UserID, base string) error {
			return h.support.ReturnCases(ctx, user, base)
		}})
	sup := deps.Support
	sup.KeepExpiredRoomMessages = deps.Privacy.Retention.KeepRoomMessages
	sup.RenderGuide, sup.ReadTalk = func(g *guides.Guide) (string, string) { return h.answers.RenderGuide(g) }, readTalk
	// Closures, not method values: h.answers is built after support.
	sup.IsQuestion = func(ctx context.Context, text string) bool { return h.answers.IsQuestion(ctx, text) }
	sup.IsNoProblem, sup.IsHelpRequest = answer.IsNoProblem, answer.IsHelpRequest
	sup.ClearLang = answer.ClearLang
	sup.OnResolved = func(ctx context.Context, c *storage.Case) error { return h.learn.Resolved(ctx, c) }
	h.support = support.New(h.env, sup, h.people)
	gd := deps.GuideDraft
	gd.TeamRoom, gd.TeamRole = deps.Support.TeamRoom, h.support.TeamRole()
	h.guideDraft = guidedraft.New(h.env, gd)
	gcfg := deps.Gaps
	gcfg.TeamRoom, gcfg.IsTeam = deps.Support.TeamRoom, h.support.IsTeam
	gcfg.Private = append(slices.Clip(gcfg.Private), deps.Support.TeamRoom, deps.Access.ApprovalsRoom)
	// An objection reaches the questions learned from the member's words
	// (h.learn is built below; the command runs after New).
	gcfg.OnOptOut = func(ctx context.Context, member id.UserID) error { return h.learn.OptedOut(ctx, member) }
	h.gaps = gaps.New(h.env, gcfg)
	h.answers = flow.New(h.env, flow.Config{Support: h.support, TeamRoom: deps.Support.TeamRoom, Gaps: h.gaps})
	lcfg := deps.Learn
	lcfg.TeamRoom, lcfg.Team = deps.Support.TeamRoom, h.support.TeamRole()
	h.learn = learn.New(h.env, lcfg)
	acc := deps.Access
	acc.KeepExpiredRoomMessages = deps.Privacy.Retention.KeepRoomMessages
	h.access = access.New(h.env, acc, h.people)
	rt := deps.RoundTables
	rt.Private = append(slices.Clip(rt.Private), deps.Support.TeamRoom, deps.Access.ApprovalsRoom)
	h.roundTable = roundtable.New(h.env, rt)
	h.env.Features.RoundTables = h.roundTable.On()
	h.reactions = append(h.reactions, h.access.Reactions()...)
	h.reactions = append(h.reactions, h.roundTable.Reactions()...)
	h.reactions = append(h.reactions, h.support.Reactions()...)
	pcfg := deps.Privacy
	pcfg.HideTeam = pcfg.HideTeam || deps.Support.Anonymous
	pcfg.KeepsQuestions = deps.Gaps.Keep
	pcfg.QuestionsDigest = h.gaps.DigestOn()
	// The erasure deleted the questions learned from the member's cases:
	// they leave the search index at once, not at the next restart.
	// Lotse's own events of the member's cases in the team room and of
	// their access requests in the approvals room are redacted at once
	// (the workers finish what this does not).
	pcfg.OnErased = func(ctx context.Context) error {
		return errors.Join(h.learn.Reload(ctx), h.support.FinishErasures(ctx), h.access.FinishErasures(ctx))
	}
	// A team member or approver who has their data erased leaves the
	// team and approvals rooms first, and their cases go back to the queue.
	pcfg.BeforeErase = func(ctx context.Context, user id.UserID, base string) error {
		return h.people.BeforeErasure(ctx, user, base)
	}
	h.privacy = privacy.New(h.env, pcfg, h.people.Manager())
	h.commands = h.registry()
	// The processor only parses and dispatches; replies go through our own
	// sender (idempotent transaction IDs), so it gets no client.
	h.proc = mcommands.NewProcessor[*chat.Env](nil)
	h.proc.Meta = h.env
	for i := range h.commands {
		c := &h.commands[i]
		h.proc.Register(&mcommands.Handler[*chat.Env]{Name: c.Name, Aliases: c.Aliases, Func: h.run(func(ce *chat.Call) error { return h.env.Dispatch(ce, c) })})
	}
	// Replace mautrix's English default with our own (translated, with a suggestion).
	h.proc.Unregister(h.proc.GetHandler(mcommands.UnknownCommandName))
	h.proc.Register(&mcommands.Handler[*chat.Env]{Name: mcommands.UnknownCommandName, Func: h.run(h.legacy(cmdUnknown))})
	return h
}

// Features names the features the handler has switched on, as guides
// require them: the same as config.Config.Features for the config the
// handler was wired from (TestFeaturesOneSource), so that a guide is shown
// exactly when its commands work.
func (h *Handler) Features() []string { return h.env.Features.Names() }

// Handle acts on one incoming event. It is idempotent: handling the same
// event again sends nothing new (same transaction IDs).
func (h *Handler) Handle(ctx context.Context, msg Message) (err error) {
	t := &chat.Turn{Event: msg.Event, Direct: msg.Direct, Encrypted: msg.Encrypted}
	ctx = chat.WithTurn(ctx, t)
	defer func() {
		if r := recover(); r != nil {
			h.answerPanic(ctx, r)
			err = nil // answering again would panic again; the member was told
		}
	}()
	evt := msg.Event
	if evt.Sender == h.Matrix.UserID() {
		return nil
	}
	switch evt.Type {
	case event.EventReaction:
		if handled, err := h.env.React(ctx, h.reactions, evt); handled || err != nil {
			return err
		}
		return h.answers.React(ctx, evt)
	case event.EventMessage:
		return h.handleMessage(ctx, t, evt)
	case event.StateMember:
		return h.people.MemberJoined(ctx, evt)
	case event.EventRedaction:
		return h.handleRedaction(ctx, evt)
	}
	return nil
}

func (h *Handler) handleMessage(ctx context.Context, t *chat.Turn, evt *event.Event) error {
	content, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || content.MsgType == event.MsgNotice {
		// Never answer notices (bot loops).
		return nil
	}
	if content.RelatesTo.GetReplaceID() != "" {
		// Never answer edits; an edited case message edits its relay.
		if err := h.handleEdit(ctx, evt, content); err != nil {
			return fmt.Errorf("%w: %w", errEdit, err)
		}
		return nil
	}
	if h.support.On() && evt.RoomID == h.support.TeamRoom() {
		return h.teamRoomMessage(ctx, t, evt, content)
	}
	mentioned, text := h.stripMention(content)
	if !t.Direct && !mentioned {
		// A reply to one of Lotse's answers (also in its thread) addresses
		// Lotse; clients usually mention the replied-to sender as well.
		if to := content.RelatesTo.GetReplyTo(); to != "" {
			guide, err := h.DB.Answers.GuideFor(ctx, to.String(), evt.RoomID.String())
			if err != nil {
				return err
			}
			// Or to the "Meintest du …?" Lotse asked this member here.
			p, open, err := h.DB.Choices.Pending(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
			if err != nil {
				return err
			}
			mentioned = guide != "" || (open && p.Prompt == to.String())
		}
	}
	if t.Direct {
		// Onboarding: remember the member's DM; welcome them the first time.
		if err := h.people.SeenInDM(ctx, evt, text); err != nil {
			return err
		}
	}
	if t.Direct && !strings.HasPrefix(text, "!") {
		// A member's answer may belong to an access request being prepared.
		if handled, err := h.access.Text(ctx, text); handled || err != nil {
			return err
		}
	}
	if t.Direct && !strings.HasPrefix(text, "!") && content.MsgType != event.MsgNotice {
		// A member's message may belong to a support case (offer, relay, reopen).
		if handled, err := h.support.MemberText(ctx, content, text); handled || err != nil {
			return err
		}
	}
	if !t.Direct && !mentioned && !strings.HasPrefix(text, "!") {
		return nil
	}
	// Addressed: within the sender's pace (paceGate) only, unless the
	// team chose them (unpaced).
	free, err := h.unpaced(ctx, evt.Sender)
	if err != nil {
		return err
	}
	if free {
		return h.addressed(ctx, t, evt, content, text, mentioned)
	}
	switch d := h.pace.take(evt.Sender, h.Matrix.UserID().Homeserver(), t.Direct, evt.ID, h.Now()); {
	case d.tooFast:
		return h.replyMarkdown(ctx, h.Texts.TooFast)
	case d.tooBusy:
		return h.replyMarkdown(ctx, h.Texts.TooBusy)
	case !d.ok:
		return nil
	}
	return h.addressed(ctx, t, evt, content, text, mentioned)
}

// addressed answers a message addressed to Lotse (text without mention
// and reply fallback): a command, „hilfe“ or a question.
func (h *Handler) addressed(ctx context.Context, t *chat.Turn, evt *event.Event, content *event.MessageEventContent, text string, mentioned bool) error {
	// Read, and typing while Lotse works on it.
	defer h.env.Working(ctx)()
	switch content.MsgType {
	case event.MsgText, event.MsgEmote, "":
	default:
		if t.Direct || mentioned {
			return h.replyMarkdown(ctx, h.Texts.NotText)
		}
		return nil
	}
	if strings.HasPrefix(text, "!") {
		return h.command(ctx, t, evt, content, text)
	}
	if isHelpWord(text) {
		return h.shortHelp(ctx, text)
	}
	return h.answers.Text(ctx, text)
}

// stripMention reports whether the message mentions the bot and returns
// the text without the mention and without a reply fallback.
func (h *Handler) stripMention(content *event.MessageEventContent) (bool, string) {
	me := h.Matrix.UserID()
	c := *content
	c.RemoveReplyFallback()
	text := strings.TrimSpace(c.Body)
	mentioned := content.Mentions != nil && content.Mentions.Has(me)
	if strings.Contains(text, me.String()) {
		mentioned = true
		text = strings.TrimSpace(strings.ReplaceAll(text, me.String(), ""))
	}
	if c.Format == event.FormatHTML && strings.Contains(c.FormattedBody, "matrix.to/#/"+me.String()) {
		mentioned = true
	}
	// A pill shows as the display name; Element writes "Lotse: frage".
	local := me.Localpart()
	for _, name := range []string{local, "lotse"} {
		lower := strings.ToLower(text)
		if name != "" && strings.HasPrefix(lower, strings.ToLower(name)) {
			rest := text[len(name):]
			if rest == "" || strings.IndexFunc(rest[:1], func(r rune) bool { return r == ':' || r == ',' || unicode.IsSpace(r) }) == 0 {
				if mentioned || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ",") {
					mentioned = true
					text = strings.TrimLeft(rest, ":, \t\n")
					break
				}
			}
		}
	}
	return mentioned, strings.TrimSpace(text)
}

// run adapts a command that returns an error to mautrix's processor; the
// error is kept on the turn so that the runtime retries the event.
func (h *Handler) run(fn func(ce *chat.Call) error) func(*chat.Call) {
	return func(ce *chat.Call) {
		// mautrix's processor would recover a panic by reacting 💥 through
		// its own client, which Lotse does not give it (all sends go through
		// the idempotent sender): recover here, the same way Handle does.
		defer func() {
			if r := recover(); r != nil {
				h.answerPanic(ce.Ctx, r)
			}
		}()
		if err := fn(ce); err != nil {
			if t := chat.TurnOf(ce.Ctx); t != nil {
				t.Err = err
			}
		}
	}
}

// answerPanic logs a recovered panic and apologises to the member.
func (h *Handler) answerPanic(ctx context.Context, r any) {
	zerolog.Ctx(ctx).Error().Any("panic", r).Bytes("stack", debug.Stack()).Msg("Panic while handling event")
	if err := h.replyMarkdown(ctx, h.Texts.InternalError); err != nil {
		zerolog.Ctx(ctx).Err(err).Msg("Failed to apologise after a panic")
	}
}

// replyMarkdown renders md (our own text; user input in it must already be
// escaped) and sends it as a reply.
func (h *Handler) replyMarkdown(ctx context.Context, md string) error {
	return h.env.ReplyMarkdown(ctx, md)
}

// AccessTick runs the due provisioning jobs at now (tests use a fake clock).
func (h *Handler) AccessTick(ctx context.Context, now time.Time) error {
	return h.access.Tick(ctx, now)
}

// TickRoundTables sends the round-table reminders due at now (tests use a fake clock).
func (h *Handler) TickRoundTables(ctx context.Context, now time.Time) error {
	return h.roundTable.Tick(ctx, now)
}

// TickPeople sends the onboarding and training notices due at now and makes the queued room removals (tests use a fake clock).
func (h *Handler) TickPeople(ctx context.Context, now time.Time) error {
	return h.people.Tick(ctx, now)
}

// teamRoomMessage handles a message in the team room: only the team is
// heard there (commands and case-thread notes alike, through the same role
// check as every command); commands go to the processor, the rest to the
// support workflow.
func (h *Handler) teamRoomMessage(ctx context.Context, t *chat.Turn, evt *event.Event, content *event.MessageEventContent) error {
	if ok, err := h.env.Enforce(ctx, h.support.TeamRole().Silent(), evt.Sender, evt.RoomID); !ok {
		if err != nil {
			return err
		}
		// Someone without the team role: told once, in their DM, how to get it.
		return h.people.TeamRoomHint(ctx, evt.Sender)
	}
	c := *content
	c.RemoveReplyFallback()
	text := strings.TrimSpace(c.Body)
	if strings.HasPrefix(text, "!") {
		return h.command(ctx, t, evt, content, text)
	}
	// A guide named in reply to "Passt eine Anleitung …?" teaches it.
	if handled, err := h.learn.ThreadReply(ctx, evt, text); handled || err != nil {
		return err
	}
	return h.support.ThreadMessage(ctx, evt, content, text)
}

// TickGaps sends the weekly digest of unanswered questions if it is due at
// now (tests use a fake clock).
func (h *Handler) TickGaps(ctx context.Context, now time.Time) error { return h.gaps.Tick(ctx, now) }

// Tick sends the support reminders due at now (tests use a fake clock).
func (h *Handler) Tick(ctx context.Context, now time.Time) error { return h.support.Tick(ctx, now) }

// ReloadLearned puts the learned questions from the database into the
// guide library again (serialised with !lehren and !vergessen): after
// `lotse privacy erase` deleted a person's learned questions from outside
// the running bot, SIGHUP takes them out of the search as well.
func (h *Handler) ReloadLearned(ctx context.Context) error { return h.learn.Reload(ctx) }

// Run runs the workflows' workers under one errgroup until ctx ends and
// returns when every one of them has stopped, so that the caller can close
// the database after it. Workers that send wait for synced: nothing is
// sent before the first sync brought Lotse's own earlier sends (their
// transaction IDs) into the database. Retention sends nothing and starts
// at once.
func (h *Handler) Run(ctx context.Context, synced <-chan struct{}) error {
	g, ctx := errgroup.WithContext(ctx)
	start := func(component string, run func(context.Context)) {
		g.Go(func() error {
			run(h.Log.With().Str("component", component).Logger().WithContext(ctx))
			return nil
		})
	}
	start("retention", h.privacy.Run)
	select {
	case <-synced:
		start("access", h.access.Run)
		start("people", h.people.Run)
		start("support", h.support.Run)
		start("roundtable", h.roundTable.Run)
		start("gaps", h.gaps.Run)
	case <-ctx.Done():
	}
	return g.Wait()
}

// command runs text (a message starting with "!", without mention or reply
// fallback) through the processor: the registry's role check, then the
// command.
func (h *Handler) command(ctx context.Context, t *chat.Turn, evt *event.Event, content *event.MessageEventContent, text string) error {
	cmdEvt := *evt
	cmdContent := *content
	cmdContent.Body, cmdContent.Format, cmdContent.FormattedBody = text, "", ""
	cmdEvt.Content = event.Content{Parsed: &cmdContent}
	h.proc.Process(ctx, &cmdEvt)
	return t.Err
}

// readTalk reads a member's message as small talk for support, by the
// rules of the answer decision: one decision for every reading
// (support.Talk).
func readTalk(text string) support.Talk {
	t, small := answer.SmallTalkOf(text)
	return support.Talk{
		Closing:         t == answer.TalkThanks || t == answer.TalkAck || t == answer.TalkBye,
		Acknowledgement: t == answer.TalkThanks || t == answer.TalkAck,
		Farewell:        t == answer.TalkBye,
		Criticism:       t == answer.TalkCriticism,
		Decline:         answer.DeclineOf(text, small),
		Solved:          answer.SolvedOf(text, t, small),
	}
}
