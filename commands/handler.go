package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
	"unicode"

	"github.com/rs/zerolog"
	mcommands "maunium.net/go/mautrix/commands"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/format"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
)

// CommandEvent is a parsed command as mautrix's processor hands it over.
type CommandEvent = mcommands.Event[*Handler]

// Handler dispatches incoming messages: commands go through mautrix's
// command processor, questions to the guide search.
type Handler struct {
	Deps
	proc     *mcommands.Processor[*Handler]
	registry []*entry
}

// New builds the handler and its command registry.
func New(deps Deps) *Handler {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.ChoiceTTL <= 0 {
		deps.ChoiceTTL = 30 * time.Minute
	}
	if deps.Texts == nil {
		deps.Texts = &German
	}
	if deps.Observer == nil {
		deps.Observer = nopObserver{}
	}
	h := &Handler{Deps: deps}
	// The processor only parses and dispatches; replies go through our own
	// sender (idempotent transaction IDs), so it gets no client.
	h.proc = mcommands.NewProcessor[*Handler](nil)
	h.proc.Meta = h
	h.registry = registry()
	for _, e := range h.registry {
		h.proc.Register(e.handler)
	}
	// Replace mautrix's English default with our own (translated, with a suggestion).
	h.proc.Unregister(h.proc.GetHandler(mcommands.UnknownCommandName))
	h.proc.Register(&mcommands.Handler[*Handler]{Name: mcommands.UnknownCommandName, Func: run(cmdUnknown)})
	return h
}

// turn is the state of handling one event: it numbers the messages sent in
// reply so that each gets a stable transaction ID.
type turn struct {
	msg Message
	seq int
	err error
}

type turnKey struct{}

func turnOf(ctx context.Context) *turn {
	t, _ := ctx.Value(turnKey{}).(*turn)
	return t
}

// Handle acts on one incoming event. It is idempotent: handling the same
// event again sends nothing new (same transaction IDs).
func (h *Handler) Handle(ctx context.Context, msg Message) (err error) {
	t := &turn{msg: msg}
	ctx = context.WithValue(ctx, turnKey{}, t)
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
		if handled, err := h.accessReaction(ctx, evt); handled || err != nil {
			return err
		}
		return h.handleReaction(ctx, evt)
	case event.EventMessage:
		return h.handleMessage(ctx, t, evt)
	case event.StateMember:
		return h.memberJoined(ctx, evt)
	case event.EventRedaction:
		return h.handleRedaction(ctx, evt)
	}
	return nil
}

func (h *Handler) handleMessage(ctx context.Context, t *turn, evt *event.Event) error {
	content, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || content.MsgType == event.MsgNotice || content.RelatesTo.GetReplaceID() != "" {
		// Never answer notices (bot loops) or edits.
		return nil
	}
	if h.supportOn() && evt.RoomID == h.Support.TeamRoom {
		return h.handleTeamMessage(ctx, t, evt, content)
	}
	mentioned, text := h.stripMention(content)
	if t.msg.Direct {
		// Onboarding: remember the member's DM; welcome them the first time.
		if err := h.seenInDM(ctx, evt, text); err != nil {
			return err
		}
	}
	if t.msg.Direct && !strings.HasPrefix(text, "!") {
		// A member's answer may belong to an access request being prepared.
		if handled, err := h.accessText(ctx, text); handled || err != nil {
			return err
		}
	}
	if t.msg.Direct && !strings.HasPrefix(text, "!") && content.MsgType != event.MsgNotice {
		// A member's message may belong to a support case (offer, relay, reopen).
		if handled, err := h.memberText(ctx, content, text); handled || err != nil {
			return err
		}
	}
	if !t.msg.Direct && !mentioned && !strings.HasPrefix(text, "!") {
		return nil
	}
	switch content.MsgType {
	case event.MsgText, event.MsgEmote, "":
	default:
		if t.msg.Direct || mentioned {
			return h.replyMarkdown(ctx, h.Texts.NotText)
		}
		return nil
	}
	if strings.HasPrefix(text, "!") {
		cmdEvt := *evt
		cmdContent := *content
		cmdContent.Body, cmdContent.Format, cmdContent.FormattedBody = text, "", ""
		cmdEvt.Content = event.Content{Parsed: &cmdContent}
		h.proc.Process(ctx, &cmdEvt)
		return t.err
	}
	return h.answerText(ctx, text)
}

var numberOnly = regexp.MustCompile(`^\s*#?([0-9]{1,2})[.)]?\s*$`)

// answerText handles a free-text message: a choice number, else the
// decision of package answer (small talk, a question, a request for a
// person).
func (h *Handler) answerText(ctx context.Context, text string) error {
	evt := turnOf(ctx).msg.Event
	if m := numberOnly.FindStringSubmatch(text); m != nil {
		return h.pickChoice(ctx, evt, m[1])
	}
	return h.answerQuestion(ctx, text)
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

type talk int

const (
	talkNone   talk = iota
	talkThanks      // thanks, an acknowledgement or goodbye: a closing remark
	talkHello       // a greeting or "kurze Frage" without the question
)

// smallTalk classifies a message that is only small talk, by the same
// rules as the answer decision (package answer).
func smallTalk(text string) talk {
	switch t, _ := answer.SmallTalkOf(text); t {
	case "":
		return talkNone
	case answer.TalkThanks, answer.TalkAck, answer.TalkBye:
		return talkThanks
	}
	return talkHello
}

// run adapts a handler that returns an error to mautrix's processor; the
// error is kept on the turn so that the runtime retries the event.
func run(fn func(ce *CommandEvent) error) func(*CommandEvent) {
	return func(ce *CommandEvent) {
		// mautrix's processor would recover a panic by reacting 💥 through
		// its own client, which Lotse does not give it (all sends go through
		// the idempotent sender): recover here, the same way Handle does.
		defer func() {
			if r := recover(); r != nil {
				ce.Meta.answerPanic(ce.Ctx, r)
			}
		}()
		if err := fn(ce); err != nil {
			if t := turnOf(ce.Ctx); t != nil {
				t.err = err
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

// reply sends a notice in answer to the event being handled: a rich reply
// (or into the same thread), with explicit empty mentions apart from the
// replied-to sender.
func (h *Handler) reply(ctx context.Context, plain, htmlBody string) (id.EventID, error) {
	t := turnOf(ctx)
	if t == nil {
		return "", errors.New("reply outside of an event")
	}
	evt := t.msg.Event
	content := &event.MessageEventContent{
		MsgType:  event.MsgNotice,
		Body:     plain,
		Mentions: &event.Mentions{},
	}
	if htmlBody != "" {
		content.Format = event.FormatHTML
		content.FormattedBody = htmlBody
	}
	target := evt
	if evt.Type == event.EventReaction {
		// Answer a reaction as a reply to the message it reacted to.
		if rc := evt.Content.AsReaction(); rc != nil && rc.RelatesTo.EventID != "" {
			target = &event.Event{ID: rc.RelatesTo.EventID, RoomID: evt.RoomID, Sender: evt.Sender}
		}
	}
	if mc, ok := evt.Content.Parsed.(*event.MessageEventContent); ok && mc.RelatesTo != nil && mc.RelatesTo.Type == event.RelThread {
		content.SetThread(evt)
	} else {
		content.SetReply(target)
	}
	if !t.msg.Direct {
		content.Mentions = &event.Mentions{UserIDs: []id.UserID{evt.Sender}}
	} else {
		content.Mentions = &event.Mentions{}
	}
	txn := h.TxnID(evt.ID, "reply", t.seq)
	t.seq++
	eventID, err := h.Matrix.Send(ctx, evt.RoomID, event.EventMessage, content, txn)
	if err != nil {
		return "", fmt.Errorf("failed to send reply: %w", err)
	}
	return eventID, nil
}

// replyMarkdown renders md (our own text; user input in it must already be
// escaped) and sends it as a reply.
func (h *Handler) replyMarkdown(ctx context.Context, md string) error {
	plain, htmlBody := renderMarkdown(md)
	_, err := h.reply(ctx, plain, htmlBody)
	return err
}

// renderMarkdown turns our own Markdown texts into plain text and Matrix
// HTML, with the same pipeline as the guides (sanitised, readable plain text).
func renderMarkdown(md string) (plain, htmlBody string) {
	htmlBody, plain = guides.Render(md)
	return strings.TrimSpace(plain), htmlBody
}

// escape makes user input safe to put into a Markdown text.
func escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) > 200 {
		s = string([]rune(s)[:200]) + "…"
	}
	return format.EscapeMarkdown(s)
}
