package flow

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
)

// maxGuideBytes keeps a guide answer (HTML and plain text together) far
// below the 64 KiB event limit, leaving room for the heading, the
// alternatives and the encryption overhead.
const maxGuideBytes = 24 * 1024

var numberOnly = regexp.MustCompile(`^\s*#?([0-9]{1,2})[.)]?\s*$`)

// Text handles a free-text message: a choice number or "none of them",
// else the decision of package answer (small talk, a question, a request
// for a person).
func (w *Workflow) Text(ctx context.Context, text string) error {
	evt := threaded(ctx)
	w.readLang(ctx, text)
	p, open, err := w.pending(ctx, evt)
	if err != nil {
		return err
	}
	if isMore(text) {
		if !open || p.Guide == "" {
			return w.ReplyMarkdown(ctx, w.texts(ctx).MoreNothing)
		}
		return w.sendRest(ctx, p)
	}
	if m := numberOnly.FindStringSubmatch(text); m != nil {
		return w.pickChoice(ctx, evt, m[1])
	}
	if open && len(p.Candidates) > 0 && chat.NoneFits(chat.NormWords(text)) {
		// "keine davon" after "Meintest du …?" is no question to search:
		// the way to a person (support offers a case before this, where
		// it can).
		return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.texts(ctx).NoneFits, len(p.Candidates)), w.contact(ctx)))
	}
	if open && len(p.Candidates) > 0 {
		if n := byTitleWord(w.Guides.Current(), p.Candidates, text); n > 0 {
			return w.pickChoice(ctx, evt, strconv.Itoa(n))
		}
	}
	return w.answerQuestion(ctx, text)
}

// threaded marks the turn in ctx to be answered in a thread (group rooms)
// and returns its event.
func threaded(ctx context.Context) *event.Event {
	t := chat.TurnOf(ctx)
	t.Thread = true
	return t.Event
}

// pending is the open follow-up of the sender of evt in its room.
func (w *Workflow) pending(ctx context.Context, evt *event.Event) (storage.Pending, bool, error) {
	return w.DB.Choices.Pending(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
}

// moreWords are the whole messages that ask for the rest of the last guide.
var moreWords = map[string]bool{"mehr": true, "weiter": true, "ganze anleitung": true, "die ganze anleitung": true,
	"mehr bitte": true, "bitte mehr": true, "more": true, "more please": true, "whole guide": true, "continue": true}

// IsMore reports whether text is a whole message that asks for the rest of
// the last guide („mehr“, „weiter“, "more"): `lotse ask` names it as a
// follow-up instead of answering it alone.
func IsMore(text string) bool { return isMore(text) }

func isMore(text string) bool {
	t := strings.ToLower(strings.Join(strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}), " "))
	return moreWords[t]
}

// byTitleWord picks the candidate whose title contains every word of text
// (one to three words, one of three letters or more), when exactly one does.
func byTitleWord(lib *guides.Library, candidates []string, text string) int {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 3 || slices.IndexFunc(words, func(w string) bool { return utf8.RuneCountInString(w) >= 3 }) < 0 {
		return 0
	}
	found := 0
	for i, id := range candidates {
		g, ok := lib.Get(id)
		if !ok {
			continue
		}
		title := strings.ToLower(g.Title)
		all := true
		for _, w := range words {
			all = all && strings.Contains(title, w)
		}
		if all {
			if found > 0 {
				return 0
			}
			found = i + 1
		}
	}
	return found
}

// sendRest sends the rest of the guide last shown ("mehr"), in parts below
// the event limit.
func (w *Workflow) sendRest(ctx context.Context, p storage.Pending) error {
	team := w.isTeam(ctx, chat.TurnOf(ctx).Event.Sender)
	parts, ok := answer.RestReplies(w.Guides.Current(), p.Guide, guides.Answer{Section: p.Section, Cut: p.Cut}, team, w.answerTexts(ctx), w.replyOptions())
	if !ok {
		// Removed or made team-only by a reload since it was shown.
		return w.ReplyMarkdown(ctx, w.texts(ctx).GuideGone)
	}
	for _, r := range parts {
		if _, err := w.Reply(ctx, r.Plain, r.HTML); err != nil {
			return err
		}
	}
	return nil
}

// decideOptions are the options of the answer decision for this turn:
// team-only guides count for a team member in private (isTeam), a case
// can be offered in a DM with support on, in the language of the
// member's message (readLang).
func (w *Workflow) decideOptions(ctx context.Context) answer.Options {
	t := chat.TurnOf(ctx)
	return answer.Options{
		Team:    t != nil && w.isTeam(ctx, t.Event.Sender),
		Cases:   w.supportOn() && t != nil && t.Direct,
		Texts:   w.answerTexts(ctx),
		Contact: w.contact(ctx),
	}
}

// answerQuestion answers a free-text question: the guide when the match is
// clear, "Meintest du …?" when guides are close, a short reply to small
// talk, a person on request, else an honest "no guide fits" with the way
// to a person.
func (w *Workflow) answerQuestion(ctx context.Context, question string) error {
	lib := w.Guides.Current()
	opts := w.decideOptions(ctx)
	tx, cases := opts.Texts, opts.Cases
	d := w.decide(ctx, question, lib, opts)
	switch d.Outcome {
	case answer.Answer:
		answerEvent, err := w.showGuide(ctx, lib, d.Hits[0], d.Also)
		if err != nil {
			return err
		}
		w.Observer.Question("confident")
		// Kept only in case a 👎 follows (within the follow-up window).
		if err := w.failed(ctx, d, storage.FailedAnswer, append(d.Guides(), hitIDs(d.Also)...), answerEvent); err != nil {
			return err
		}
		return w.rememberQuestion(ctx, question, d.Guides(), false, "")
	case answer.Choose:
		prompt, err := w.offerChoice(ctx, lib, d.Hits, d.PersonHint)
		if err != nil {
			return err
		}
		if d.Rescued {
			// Offered on weak evidence instead of "no guide": counted on
			// its own, so that the rescue's share can be watched.
			w.Observer.Question("rescued_choice")
		} else {
			w.Observer.Question("choice")
		}
		// Counts as unanswered unless the member picks from this prompt in time.
		if err := w.failed(ctx, d, storage.FailedChoose, d.Guides(), prompt); err != nil {
			return err
		}
		return w.rememberQuestion(ctx, question, d.Guides(), false, "")
	case answer.SmallTalk:
		if cases && d.CaseLead != "" {
			// "bist du ein Mensch?": the honest answer, then the offer of
			// a case as for a request for a person — one tap or "ja"
			// away, nothing sent to the team before it; the offer
			// quotes the member's words, which become its question.
			return w.rememberQuestion(ctx, question, nil, true, d.CaseLead)
		}
		return w.ReplyMarkdown(ctx, d.Reply)
	case answer.Command:
		// A command after a question ("bist du ein Bot? !hilfe"): not
		// run from inside a message (its sender, room and permission
		// are checked by the router only), not searched either.
		return w.ReplyMarkdown(ctx, w.texts(ctx).CommandInside)
	case answer.Human:
		if cases {
			// Offer a case right away; the member's words become its question.
			return w.rememberQuestion(ctx, question, nil, true, tx.HumanCases)
		}
		return w.ReplyMarkdown(ctx, d.Reply)
	default:
		if d.Vague {
			return w.askWhatFails(ctx, question, d.Reply, cases)
		}
		if err := w.DB.Feedback.NoMatch(ctx); err != nil {
			return err
		}
		w.Observer.Question("no_guide")
		// No guide fitted well enough; the nearest ones the decision's
		// search found tell the team where the question belongs.
		if err := w.failed(ctx, d, storage.FailedNone, hitIDs(d.Nearest), ""); err != nil {
			return err
		}
		if cases {
			// "No guide fits" comes with the offer to open a case (opts.Cases:
			// NoGuideReply's text with NoGuideCases, quotations inside the
			// question made single marks as without cases).
			lead := answer.NoGuideReplyFor(d, tx, opts, chat.Escape(question))
			return w.rememberQuestion(ctx, question, nil, true, lead)
		}
		return w.ReplyMarkdown(ctx, answer.NoGuideReplyFor(d, tx, opts, chat.Escape(question)))
	}
}

// askWhatFails answers a vague message ("geht nicht", "Hilfe!") with
// reply, the decision's question what exactly does not work and the way to
// a person (with cases on, the offer of a case follows it). The message
// names no subject, so it tells the team nothing about a missing guide and
// is not handed to the gaps workflow.
func (w *Workflow) askWhatFails(ctx context.Context, question, reply string, cases bool) error {
	if err := w.DB.Feedback.NoMatch(ctx); err != nil {
		return err
	}
	w.Observer.Question("vague")
	if cases {
		// The offer of a case follows; the member's words start its question.
		return w.rememberQuestion(ctx, question, nil, true, reply)
	}
	return w.ReplyMarkdown(ctx, reply)
}

// failed hands a question Lotse could not answer (or the question behind
// an answer, for a 👎) to the gaps workflow, which decides whether to keep
// it. The text is what the search saw (at most 2 KB).
func (w *Workflow) failed(ctx context.Context, d answer.Decision, outcome string, guideIDs []string, answerEvent id.EventID) error {
	if w.cfg.Gaps == nil || d.Query == "" {
		return nil
	}
	if len(guideIDs) > storage.MaxFailedGuides {
		guideIDs = guideIDs[:storage.MaxFailedGuides]
	}
	return w.cfg.Gaps.Failed(ctx, d.Query, outcome, guideIDs, answerEvent)
}

func hitIDs(hits []search.Hit) []string {
	ids := make([]string, 0, len(hits))
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func (w *Workflow) rememberQuestion(ctx context.Context, question string, guideIDs []string, offer bool, lead string) error {
	if w.cfg.Support == nil {
		return nil
	}
	return w.cfg.Support.RememberQuestion(ctx, question, guideIDs, "", offer, lead)
}

// sendGuide answers with the short answer of one guide (package answer
// composes it, the same as `lotse ask` prints) and remembers what was
// shown, for 👍/👎 and "mehr".
func (w *Workflow) sendGuide(ctx context.Context, lib *guides.Library, hit search.Hit, more []search.Hit) error {
	_, err := w.showGuide(ctx, lib, hit, more)
	return err
}

// showGuide is sendGuide that returns the answer's event ("" when the
// guide is gone).
func (w *Workflow) showGuide(ctx context.Context, lib *guides.Library, hit search.Hit, more []search.Hit) (id.EventID, error) {
	team := w.isTeam(ctx, chat.TurnOf(ctx).Event.Sender)
	r, ok := answer.AnswerReply(lib, hit, more, team, w.answerTexts(ctx), w.replyOptions())
	if !ok {
		return "", w.ReplyMarkdown(ctx, w.texts(ctx).GuideGone)
	}
	eventID, err := w.Reply(ctx, r.Plain, r.HTML)
	if err != nil {
		return "", err
	}
	evt := chat.TurnOf(ctx).Event
	if err := w.DB.Answers.Put(ctx, eventID.String(), evt.RoomID.String(), r.Guide, w.Now()); err != nil {
		return "", err
	}
	var runnersUp []string
	for _, h := range more {
		if len(runnersUp) < 3 && h.ID != r.Guide {
			runnersUp = append(runnersUp, h.ID)
		}
	}
	if err := w.DB.Choices.PutShown(ctx, evt.RoomID.String(), evt.Sender.String(), r.Guide, r.Shown.Section, r.Shown.Cut, runnersUp, w.Now()); err != nil {
		return "", err
	}
	return eventID, w.DB.Feedback.Shown(ctx, r.Guide)
}

func (w *Workflow) replyOptions() answer.ReplyOptions {
	return answer.ReplyOptions{URL: w.GuideURL}
}

// RenderGuide renders a guide the team sends to a member, with the
// answer's heading (the support workflow asks for it). The member reads
// it, so its links follow the member's view: a link to a team-only guide
// stays plain text (the web view does not publish team guides either).
func (w *Workflow) RenderGuide(g *guides.Guide) (plain, htmlBody string) {
	tx := answer.TextsFor(w.Lang)
	// No "!anleitung" hints: the member did not ask for this guide.
	resolve, _ := answer.Links(w.Guides.Current(), false, w.replyOptions(), tx)
	var msg chat.Message
	msg.Markdown(chat.Format(tx.Answer, chat.Escape(g.Title)))
	rendered := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: maxGuideBytes, Section: -1, Resolver: resolve})
	msg.Raw(rendered.Plain, rendered.HTML)
	return msg.Result()
}

// OfferChoice asks "Meintest du …?" with up to three numbered titles and
// remembers them, so that the member can answer with a number.
func (w *Workflow) OfferChoice(ctx context.Context, lib *guides.Library, hits []search.Hit) error {
	_, err := w.offerChoice(ctx, lib, hits, "")
	return err
}

// offerChoice is OfferChoice that returns the prompt's event; closing
// ends the prompt (a rescued choice's way to a person, or "").
func (w *Workflow) offerChoice(ctx context.Context, lib *guides.Library, hits []search.Hit, closing string) (id.EventID, error) {
	evt := chat.TurnOf(ctx).Event
	r, ids := answer.ChoiceReplyWith(lib, w.visibleHits(ctx, lib, hits), w.answerTexts(ctx), closing)
	if err := w.DB.Choices.Put(ctx, evt.RoomID.String(), evt.Sender.String(), ids, w.Now()); err != nil {
		return "", err
	}
	promptID, err := w.Reply(ctx, r.Plain, r.HTML)
	if err != nil {
		return "", err
	}
	// Number reactions count only on this message.
	if err := w.DB.Choices.SetPrompt(ctx, evt.RoomID.String(), evt.Sender.String(), promptID.String()); err != nil {
		return "", err
	}
	// Number buttons: a tap on 1️⃣ works like answering "1".
	for i := range ids {
		react := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: promptID, Key: answer.Keycaps[i]}}
		if _, err := w.Matrix.Send(ctx, evt.RoomID, event.EventReaction, react, w.TxnID(evt.ID, "choice-key", i)); err != nil {
			return "", err
		}
	}
	return promptID, nil
}

// visibleHits are the hits whose guides are in lib and visible to the
// sender of this turn (team-only guides only for the team where the team
// reads). Hits kept from an earlier turn (a 👎's runners-up) may point to
// guides a reload removed or made team-only since.
func (w *Workflow) visibleHits(ctx context.Context, lib *guides.Library, hits []search.Hit) []search.Hit {
	team := w.isTeam(ctx, chat.TurnOf(ctx).Event.Sender)
	return slices.DeleteFunc(slices.Clone(hits), func(h search.Hit) bool {
		_, ok := lib.GetFor(h.ID, team)
		return !ok
	})
}

// pickChoice answers a number sent after "Meintest du …?".
func (w *Workflow) pickChoice(ctx context.Context, evt *event.Event, number string) error {
	ids, err := w.DB.Choices.Get(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return w.ReplyMarkdown(ctx, w.texts(ctx).ChoiceExpired)
	}
	n, _ := strconv.Atoi(number)
	if n < 1 || n > len(ids) {
		return w.ReplyMarkdown(ctx, chat.Format(chat.Plural(w.texts(ctx).ChoiceOutOfRange, len(ids)), len(ids)))
	}
	lib := w.Guides.Current()
	if _, ok := lib.GetFor(ids[n-1], w.isTeam(ctx, evt.Sender)); !ok {
		// Removed, renamed or made team-only by a reload since the
		// choice was offered: the choice itself is still open, and a
		// guide the member may no longer read is gone for them.
		if len(ids) > 1 {
			return w.ReplyMarkdown(ctx, w.texts(ctx).GuideGoneChoice)
		}
		return w.ReplyMarkdown(ctx, w.texts(ctx).GuideGone)
	}
	// The prompt picked from (before showing the guide clears it).
	p, _, err := w.pending(ctx, evt)
	if err != nil {
		return err
	}
	// Showing the guide replaces the open choice (it becomes the guide for
	// "mehr").
	answerEvent, err := w.showGuide(ctx, lib, search.Hit{ID: ids[n-1], Section: -1}, nil)
	if err != nil || answerEvent == "" || w.cfg.Gaps == nil || p.Prompt == "" {
		return err
	}
	// The question of that choice was answered after all.
	return w.cfg.Gaps.Picked(ctx, id.EventID(p.Prompt), answerEvent)
}
