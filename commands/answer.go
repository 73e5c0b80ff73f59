package commands

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// maxGuideBytes keeps a guide answer (HTML and plain text together) far
// below Matrix's 64 KiB event limit, also after encryption (base64 grows
// the payload by a third).
const maxGuideBytes = 24_000

// answerQuestion acts on the decision for a free-text message (package
// answer, the same as `lotse ask`): the guide when the match is clear,
// "Meintest du …?" when guides are close, a short reply to small talk, a
// person on request, else an honest "no guide fits" with the way to a
// person.
func (h *Handler) answerQuestion(ctx context.Context, question string) error {
	lib := h.Guides.Current()
	t := turnOf(ctx)
	team := t != nil && h.isTeam(ctx, t.msg.Event.Sender)
	cases := h.supportOn() && t != nil && t.msg.Direct
	tx := answer.TextsFor(h.Texts.Lang)
	opts := answer.Options{Team: team, Cases: cases, Contact: h.Deps.FallbackContact, Texts: tx}
	d := answer.Decide(question, lib, opts)
	switch d.Outcome {
	case answer.Answer:
		if err := h.sendGuide(ctx, lib, d.Hits[0], d.Also); err != nil {
			return err
		}
		h.Observer.Question("confident")
		return h.rememberQuestion(ctx, question, d.Guides(), "", false, "")
	case answer.Choose:
		if err := h.offerChoice(ctx, lib, d.Hits); err != nil {
			return err
		}
		h.Observer.Question("choice")
		return h.rememberQuestion(ctx, question, d.Guides(), "", false, "")
	case answer.SmallTalk:
		return h.replyMarkdown(ctx, d.Reply)
	case answer.Human:
		if cases {
			// Offer a case right away; the member's words become its question.
			return h.rememberQuestion(ctx, question, nil, "", true, tx.HumanCases)
		}
		return h.replyMarkdown(ctx, d.Reply)
	default:
		if err := h.DB.Feedback.NoMatch(ctx); err != nil {
			return err
		}
		h.Observer.Question("no_guide")
		if cases {
			// "No guide fits" comes with the offer to open a case.
			lead := formatText(tx.NoGuide, escape(question)) + " " + tx.NoGuideCases
			return h.rememberQuestion(ctx, question, nil, "", true, lead)
		}
		return h.replyMarkdown(ctx, answer.NoGuideReply(tx, opts, escape(question)))
	}
}

// sendGuide answers with one guide (the matched section if the guide is too
// long), the next candidates by title, and a feedback prompt.
func (h *Handler) sendGuide(ctx context.Context, lib *guides.Library, hit search.Hit, more []search.Hit) error {
	g, ok := lib.Get(hit.ID)
	if !ok {
		return h.replyMarkdown(ctx, h.Texts.InternalError)
	}
	var msg messageBuilder
	msg.markdown(formatText(h.Texts.AnswerHeader, escape(g.Title)))
	rendered := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: maxGuideBytes, Section: hit.Section, Resolver: h.resolver()})
	msg.raw(rendered.Plain, rendered.HTML)
	url := ""
	if h.GuideURL != nil {
		url = h.GuideURL(g.ID)
	}
	if rendered.Truncated {
		where := url
		if where == "" {
			where = "`!anleitung " + escape(g.Title) + "`"
		}
		msg.markdown(formatText(h.Texts.AnswerTruncated, where))
	} else if url != "" {
		msg.markdown(formatText(h.Texts.AnswerWholeGuide, url))
	}
	if alts := h.alternatives(lib, closeTo(hit, more)); alts != "" {
		msg.markdown(h.Texts.AnswerMore + "\n" + alts)
	}
	msg.markdown("_" + h.Texts.AnswerFeedback + "_")
	plain, htmlBody := msg.result()
	eventID, err := h.reply(ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	if err := h.DB.Answers.Put(ctx, eventID.String(), turnOf(ctx).msg.Event.RoomID.String(), g.ID, h.Now()); err != nil {
		return err
	}
	return h.DB.Feedback.Shown(ctx, g.ID)
}

// closeTo keeps the candidates that score nearly as well as best: only
// then is the match not clear-cut and worth offering alternatives.
func closeTo(best search.Hit, more []search.Hit) []search.Hit {
	var out []search.Hit
	for _, h := range more {
		if h.Score >= 0.8*best.Score {
			out = append(out, h)
		}
	}
	return out
}

// alternatives lists further candidates by title as a Markdown list.
func (h *Handler) alternatives(lib *guides.Library, hits []search.Hit) string {
	var b strings.Builder
	n := 0
	for _, hit := range hits {
		g, ok := lib.Get(hit.ID)
		if !ok || n == 3 {
			continue
		}
		n++
		b.WriteString("- " + escape(g.Title) + "\n")
	}
	return b.String()
}

// offerChoice asks "Meintest du …?" with up to three numbered titles and
// remembers them, so that the member can answer with a number.
func (h *Handler) offerChoice(ctx context.Context, lib *guides.Library, hits []search.Hit) error {
	evt := turnOf(ctx).msg.Event
	var b strings.Builder
	b.WriteString(h.Texts.DidYouMean + "\n\n")
	var ids []string
	for _, hit := range hits {
		g, ok := lib.Get(hit.ID)
		if !ok || len(ids) == 3 {
			continue
		}
		ids = append(ids, g.ID)
		fmt.Fprintf(&b, "%d. %s\n", len(ids), escape(g.Title))
	}
	b.WriteString("\n" + h.Texts.DidYouMeanHow)
	if err := h.DB.Choices.Put(ctx, evt.RoomID.String(), evt.Sender.String(), ids, h.Now()); err != nil {
		return err
	}
	plain, htmlBody := renderMarkdown(b.String())
	promptID, err := h.reply(ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	// Number buttons: a tap on 1️⃣ works like answering "1".
	for i := range ids {
		react := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: promptID, Key: keycaps[i]}}
		if _, err := h.Matrix.Send(ctx, evt.RoomID, event.EventReaction, react, h.TxnID(evt.ID, "choice-key", i)); err != nil {
			return err
		}
	}
	return nil
}

// pickChoice answers a number sent after "Meintest du …?".
func (h *Handler) pickChoice(ctx context.Context, evt *event.Event, number string) error {
	ids, err := h.DB.Choices.Get(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return h.replyMarkdown(ctx, h.Texts.ChoiceExpired)
	}
	n, _ := strconv.Atoi(number)
	if n < 1 || n > len(ids) {
		return h.replyMarkdown(ctx, formatText(h.Texts.ChoiceOutOfRange, len(ids)))
	}
	lib := h.Guides.Current()
	if _, ok := lib.Get(ids[n-1]); !ok {
		return h.replyMarkdown(ctx, h.Texts.ChoiceExpired)
	}
	if err := h.sendGuide(ctx, lib, search.Hit{ID: ids[n-1], Section: -1}, nil); err != nil {
		return err
	}
	return h.DB.Choices.Delete(ctx, evt.RoomID.String(), evt.Sender.String())
}

// resolver turns relative links between guides into web links when a web
// view is configured; otherwise they become plain text.
func (h *Handler) resolver() guides.LinkResolver {
	if h.GuideURL == nil {
		return nil
	}
	lib := h.Guides.Current()
	return func(guideID, anchor string) (string, bool) {
		// Only existing guides get a link; a dead link stays plain text.
		if _, ok := lib.Get(guideID); !ok {
			return "", false
		}
		u := h.GuideURL(guideID)
		if u == "" {
			return "", false
		}
		if anchor != "" {
			u += "#" + anchor
		}
		return u, true
	}
}

// messageBuilder joins Markdown texts and pre-rendered HTML into one message.
type messageBuilder struct {
	plain, html []string
}

func (m *messageBuilder) markdown(md string) {
	p, h := renderMarkdown(md)
	m.raw(p, h)
}

func (m *messageBuilder) raw(plain, htmlBody string) {
	if strings.TrimSpace(plain) == "" {
		return
	}
	if htmlBody == "" {
		htmlBody = html.EscapeString(plain)
	}
	if !strings.HasPrefix(strings.TrimSpace(htmlBody), "<") {
		htmlBody = "<p>" + htmlBody + "</p>"
	}
	m.plain = append(m.plain, strings.TrimSpace(plain))
	m.html = append(m.html, htmlBody)
}

func (m *messageBuilder) result() (plain, htmlBody string) {
	return strings.Join(m.plain, "\n\n"), strings.Join(m.html, "\n")
}

// formatText fills a text of the catalogue.
func formatText(text string, args ...any) string {
	return fmt.Sprintf(text, args...)
}
