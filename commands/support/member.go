package support

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/lotse-bot/lotse/guides"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"

	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// Support cases, member side: offering and confirming a case, relaying the
// member's messages (text and media) to the case thread in the team room,
// !ticket, !meine, !schließen, ratings and reopening.
//
// Exactly-once: every send uses a transaction ID derived from the event
// being handled (or from the case and its version for board edits), and
// every stored row is keyed by its source event, so handling an event again
// after a crash repeats nothing.

// IsTeam reports whether user holds the active team role (privacy gate
// passed). Merely sitting in the team room grants nothing: case data is
// personal data.
func (w *Workflow) IsTeam(ctx context.Context, user id.UserID) bool {
	if !w.On() || user == w.Matrix.UserID() {
		return false
	}
	return w.people.HasTeamRole(ctx, user)
}

// toThread sends a message into the thread of case c in the team room.
// who and text are plain text (escaped here); prefix is our own text.
// A text too long for one event is cut (fitThread).
func (w *Workflow) toThread(ctx context.Context, c *storage.Case, prefix, text, txn string) (id.EventID, error) {
	return w.toThreadMentioning(ctx, c, prefix, text, txn, nil)
}

// toThreadMentioning is toThread, mentioning mentions (nil: nobody).
func (w *Workflow) toThreadMentioning(ctx context.Context, c *storage.Case, prefix, text, txn string, mentions *event.Mentions) (id.EventID, error) {
	text, _ = w.fitThread(prefix, text)
	plain, htmlBody := threadBodies(prefix, text)
	return w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(c.TeamEvent), mentions, txn)
}

// memberPing mentions the member of c, for what the team sends them
// later (an answer, a guide, the resolution): a mention makes the message
// one that notifies (chat.Notifying); a notice, as before, rang nothing on
// the member's phone and the team's answer waited unseen (phone34).
func memberPing(c *storage.Case) *event.Mentions {
	return &event.Mentions{UserIDs: []id.UserID{id.UserID(c.MemberID)}}
}

// assigneePing mentions the volunteer who claimed c, for the member's
// messages relayed into the case thread, so that their phone rings when
// the member writes back (nil when nobody claimed it: the thread's
// message mentions nobody, as before). Within the bound of rings from
// one member to one volunteer (assigneeRings) only: beyond it nil too,
// the relay a notice that rings nobody. give puts the ring back when the
// relay was not sent.
func (w *Workflow) assigneePing(c *storage.Case) (m *event.Mentions, give func()) {
	if c.Assignee == "" {
		return nil, func() {}
	}
	ok, give := w.rings.take(id.UserID(c.MemberID), id.UserID(c.Assignee), w.Now())
	if !ok {
		return nil, give
	}
	return &event.Mentions{UserIDs: []id.UserID{id.UserID(c.Assignee)}}, give
}

// threadBodies are the plain and HTML bodies of a case-thread message.
func threadBodies(prefix, text string) (plain, htmlBody string) {
	plain = prefix
	htmlBody = html.EscapeString(prefix)
	if text != "" {
		plain += "\n" + text
		htmlBody += "<br>" + chat.TextHTML(text)
	}
	return plain, htmlBody
}

// relayToThread sends a member's text into the thread of case c in the
// team room, set apart from Lotse's own words (memberBodies), with note
// (Lotse's, plain text) after it, mentioning the volunteer who claimed c
// (assigneePing). A text too long for one event is cut
// (fitMember); cut reports that it was.
func (w *Workflow) relayToThread(ctx context.Context, c *storage.Case, prefix, text, note, txn string) (evt id.EventID, cut bool, err error) {
	text, note, cut = w.fitMember(prefix, text, note)
	plain, htmlBody := memberBodies(prefix, text, note)
	ping, give := w.assigneePing(c)
	evt, err = w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(c.TeamEvent), ping, txn)
	if err != nil {
		give()
	}
	return evt, cut, err
}

// memberBodies are the plain and HTML bodies of a case-thread message that
// passes on a member's text: prefix (Lotse's line naming the member), the
// text and note (Lotse's words after it: the suggested guides, the cut
// note), each on lines of their own. In HTML the text is a blockquote, so
// that none of its lines passes for one of Lotse's own in the thread
// („✉️ Antwort an das Mitglied gesendet …“, sup28's Low spoofing finding);
// note follows outside it. The plain body stays as it was.
func memberBodies(prefix, text, note string) (plain, htmlBody string) {
	plain, htmlBody = prefix, html.EscapeString(prefix)
	if text != "" {
		plain += "\n" + text
		htmlBody += "<blockquote>" + chat.TextHTML(text) + "</blockquote>"
	}
	if note != "" {
		plain += "\n" + note
		htmlBody += chat.TextHTML(strings.TrimPrefix(note, "\n"))
	}
	return plain, htmlBody
}

// fitMember cuts a member's text (whole runes, ending with "…") so that
// the case-thread message of prefix, text and note (memberBodies) stays
// within MaxRelayBytes; the cut note to the team then comes before note,
// outside the member's text. cut reports that it had to.
func (w *Workflow) fitMember(prefix, text, note string) (fitted, notes string, cut bool) {
	size := func(t, n string) int {
		plain, htmlBody := memberBodies(prefix, t, n)
		return jsonLen(plain) + jsonLen(htmlBody)
	}
	if size(text, note) <= MaxRelayBytes {
		return text, note, false
	}
	notes = "\n" + w.tx.RelayCut
	if note != "" {
		notes += "\n" + note
	}
	fitted, _ = fitBytes(text, "…", MaxRelayBytes, func(t string) int { return size(t, notes) })
	return fitted, notes, true
}

// MaxRelayBytes bounds the bodies of one case-thread message as they are
// sent (plain and HTML, JSON-escaped): encrypted (a third bigger) and
// with its envelope, the event stays under Matrix's limit of 65,536
// bytes. A member's message of some 26 KB of pasted log grew to 84 KB and
// never reached the team (security review 20, finding 8).
const MaxRelayBytes = 40 << 10

// fitThread cuts text (whole runes) so that the case-thread message of
// prefix and text stays within MaxRelayBytes, and then ends it with a
// visible note to the team; cut reports that it had to.
func (w *Workflow) fitThread(prefix, text string) (fitted string, cut bool) {
	return fitBytes(text, "…\n\n"+w.tx.RelayCut, MaxRelayBytes, func(t string) int {
		plain, htmlBody := threadBodies(prefix, t)
		return jsonLen(plain) + jsonLen(htmlBody)
	})
}

// fitBytes cuts s (whole runes) to the longest beginning that, ended with
// suffix, is at most limit by size, and reports whether it had to; s that
// fits is returned as it is. size must grow with its argument's length
// and be at least it (each caller's bodies hold the text whole): so no
// beginning longer than limit fits, and the search starts there — each
// step renders the text (RenderTyped: 30–70 ms for 60 KB on a busy
// 2-core machine), and a 60 KB answer took 17 steps over the whole text.
func fitBytes(s, suffix string, limit int, size func(string) int) (fitted string, cut bool) {
	if size(s) <= limit {
		return s, false
	}
	lo, hi := 0, min(len(s), limit)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if size(utf8cut.Prefix(s, mid)+suffix) <= limit {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return utf8cut.Prefix(s, lo) + suffix, true
}

// jsonLen is the length of s as a JSON string, as it is sent.
func jsonLen(s string) int {
	b, _ := json.Marshal(s)
	return len(b)
}

// notHelpedWords are the whole messages that say Lotse's last answer did
// not help; with chat.NoneFits (none of the guides it offered fits, the
// answer to a rescued choice's "Passt keine davon?") a case is offered
// with the question they belong to, instead of searching them as a
// question.
// The English contractions are written without their apostrophe, as
// notHelped reads them.
// A bare answer particle that says no (chat.NoParticles: "nein", "nope")
// says it too.
var notHelpedWords = map[string]bool{"hat nicht geholfen": true, "nicht geholfen": true, "hilft nicht": true, "hilft mir nicht": true,
	"das hat nicht geholfen": true, "hat leider nicht geholfen": true, "didnt help": true, "did not help": true, "that didnt help": true}

// notHelped reports whether words (chat.NormWords of a message) is one of
// notHelpedWords or says that none of the guides fits (chat.NoneFits),
// both also with punctuation or an emoji between or after the words
// (chat.BareWords: "nein, keine davon", "hat nicht geholfen 🙁"). An
// apostrophe, typed or typographic, is dropped first: BareWords would
// split "didn't" at it (review rv7, finding 7: "didn't help 🙁").
func notHelped(words string) bool {
	words = noApostrophe.Replace(words)
	bare := chat.BareWords(words)
	return notHelpedWords[words] || notHelpedWords[bare] || chat.NoParticles[bare] || chat.NoneFits(words)
}

// opensWithNo reports whether words (chat.NormWords) open with a word
// that says no (chat.SaysNo: "nein, …", "no, …", "nope, …"), however long
// the message is (SaysNo reads short answers only, so only the first word
// is given to it). A particle that is also a German word (chat.NoAlone:
// "nah an der Tür", „nah dran“) says no only as the whole message ("nah",
// "nah.") or set apart by a clause break ("nah, no worries";
// chat.SetApart, the answer decision's reading), as the answer "no"
// stands apart from what follows it (fix13's determiner rule).
func opensWithNo(words string) bool {
	first := words
	if i := strings.IndexFunc(words, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		first = words[:i]
	}
	if chat.NoAlone[first] {
		// A hyphen right after it joins a compound („nah-dran“), no
		// answer (review rvR12, finding 4).
		return chat.SaysNo(words) || !strings.HasPrefix(words[len(first):], "-") && chat.SetApart(words, len(first))
	}
	return first != "" && chat.SaysNo(first)
}

// saysNo reports whether words (chat.NormWords) answer a pending offer
// with a "no" and words of its own ("nein danke, ich komme klar"), not
// with a "no" that says the answer did not help ("nein, keine davon":
// notHelped). The first run and a replay after a crash read it alike.
func saysNo(words string) bool {
	return opensWithNo(words) && !notHelped(words)
}

// noApostrophe drops the apostrophes of English contractions ("didn't",
// "didn’t").
var noApostrophe = strings.NewReplacer("'", "", "\u2019", "")

// RememberQuestion keeps the member's question and what Lotse suggested as
// the context of a possible case (follow-ups are appended). With offer set
// the member is asked right away whether to open a case.
func (w *Workflow) RememberQuestion(ctx context.Context, question string, guideIDs []string, answerEvent id.EventID, offer bool, lead string) error {
	t := chat.TurnOf(ctx)
	if !w.On() || t == nil || !t.Direct {
		return nil
	}
	evt := t.Event
	d, err := w.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil {
		return err
	}
	nd := storage.CaseDraft{RoomID: evt.RoomID.String(), UserID: evt.Sender.String(), Guides: guideIDs,
		AnswerEvent: answerEvent.String(), CreatedAt: w.Now(), Lang: w.offerLang(ctx, d, "")}
	var old string
	if d != nil {
		old = d.Question
		if old != "" {
			nd.Guides = appendNew(d.Guides, guideIDs...)
			nd.QuestionEvents = d.QuestionEvents
		}
		if offer && d.Offered {
			// Offered again while pending: the earlier prompts
			// still answer it (offerCase).
			nd.Offered, nd.PromptEvent, nd.EarlierPrompts = true, d.PromptEvent, d.EarlierPrompts
		} else {
			// The offer lapses: its prompts are kept, so a ✅ on one
			// is told so (OfferReaction) — also when a new offer is
			// made now (withEarlier marks them superseded).
			nd.EarlierPrompts = lapsedPrompts(d)
		}
	}
	var full bool
	if nd.Question, full = joinDraft(old, question); full {
		if err := w.ReplyMarkdown(ctx, w.draftTx(&nd).DraftFull); err != nil {
			return err
		}
	}
	nd.QuestionEvents = withQuestionEvent(nd.QuestionEvents, old, nd.Question, evt.ID)
	if offer {
		return w.offerCase(ctx, nd, lead)
	}
	return w.DB.Cases.PutDraft(ctx, nd)
}

// withQuestionEvent returns the question events of a draft whose question
// went from old to question with the member's message evt: evt is added
// when its words went in (not past the draft's bounds). The case keeps
// them (storage.CaseDraft.QuestionEvents), so that the member's deletion
// of that message reaches the case's question, also when a „ja“ or ✅
// opened it (sup30).
//
// A message that only filled the draft (joinDraft: full, old kept and
// draftMore appended) brought none of its words: it is not added. Before
// (mend30a), it was the 41st event after 40 one-line messages, and the
// bound (storage.MaxQuestionEvents, the newest 40) dropped the first —
// the member's deletion of the message with their question reached
// nothing.
func withQuestionEvent(events []string, old, question string, evt id.EventID) []string {
	if question == old || evt == "" || (old != "" && question == old+draftMore) {
		return events
	}
	return appendNew(slices.Clone(events), evt.String())
}

// Bounds of a case draft (what a member wrote before confirming a case):
// it becomes the case's first message, so it stays well below an event's
// 64 KiB, and a member's flood costs a bounded amount of work.
const (
	MaxDraftLines = 40
	MaxDraftBytes = 8 << 10
)

// draftMore ends a draft that reached its bounds (the team sees that more
// was written).
const draftMore = "\n[…]"

// joinDraft adds a member's text to the draft question old, within the
// bounds. full reports that this text reached them (the member is told
// once); later texts are not added.
func joinDraft(old, text string) (question string, full bool) {
	switch {
	case strings.HasSuffix(old, draftMore):
		return old, false
	case old == "":
		if len(text) > MaxDraftBytes || strings.Count(text, "\n") >= MaxDraftLines {
			return truncateDraft(text) + draftMore, true
		}
		return text, false
	case strings.Contains(old, text):
		return old, false
	case len(old)+1+len(text) > MaxDraftBytes || strings.Count(old, "\n")+1+strings.Count(text, "\n") >= MaxDraftLines:
		return old + draftMore, true
	}
	return old + "\n" + text, false
}

// truncateDraft cuts a single text to the draft's bounds (whole runes).
func truncateDraft(text string) string {
	lines := strings.SplitN(text, "\n", MaxDraftLines)
	text = strings.Join(lines[:min(len(lines), MaxDraftLines-1)], "\n")
	return utf8cut.Prefix(text, MaxDraftBytes)
}

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		found := false
		for _, l := range list {
			found = found || l == m
		}
		if !found && m != "" {
			list = append(list, m)
		}
	}
	return list
}

// isReplyTo reports whether the draft's offer is one of Lotse's replies to
// eventID: then eventID made the offer (a "ja" that was a question) and is
// being handled again after a crash — it must not confirm its own offer.
func (w *Workflow) isReplyTo(ctx context.Context, d *storage.CaseDraft, eventID id.EventID) (bool, error) {
	if d == nil || !d.Offered || d.PromptEvent == "" {
		return false, nil
	}
	replies, err := w.RepliesTo(ctx, eventID)
	return slices.ContainsFunc(replies, func(r id.EventID) bool { return isPrompt(d, r) }), err
}

// isPrompt reports whether target is a prompt of d's pending offer: the
// latest or one made before it while it was pending (review rv8, finding
// 12: the earlier offer stays on screen with its ✅ button, and the
// member expects that button to work).
func isPrompt(d *storage.CaseDraft, target id.EventID) bool {
	return d.Offered && promptTarget(target) && (d.PromptEvent == target.String() || slices.Contains(d.EarlierPrompts, target.String()))
}

// promptTarget reports whether target can name a prompt: not empty, and not
// one of the marks the draft keeps beside event IDs (supersededMark,
// declinedMark). The target of a reaction is whatever the sender's client
// put there, so a hand-made "superseded:$…" must not match the marked
// entry of a superseded prompt (review rvM).
func promptTarget(target id.EventID) bool {
	t := target.String()
	return t != "" && !strings.HasPrefix(t, supersededMark) && !strings.HasPrefix(t, declinedMark)
}

// maxEarlierPrompts bounds the earlier prompts kept with a pending offer
// (a member who writes "hat nicht geholfen" again and again gets a new
// prompt each time); the oldest are dropped first.
const maxEarlierPrompts = 8

// lastPrompts returns the newest maxEarlierPrompts of prompts (oldest
// first).
func lastPrompts(prompts []string) []string {
	if len(prompts) > maxEarlierPrompts {
		return prompts[len(prompts)-maxEarlierPrompts:]
	}
	return prompts
}

// withEarlier returns the earlier prompts of an offer made with prompt
// from draft d. Made again while d's offer is pending: d's prompts so far
// without prompt (handling the same event again after a crash sends the
// same prompt). Made after d's offer lapsed or was declined: the lapsed
// prompts, marked superseded (supersededMark) — the same list, so a ✅
// on one is told the offer is no longer open and how to accept the new
// one (OfferReaction), but never answers it: the member agreed to what
// that prompt quoted, not to the new draft. Bounded either way.
func withEarlier(d *storage.CaseDraft, prompt id.EventID) []string {
	if !d.Offered {
		var marked []string
		for _, p := range d.EarlierPrompts {
			if p != "" && !strings.HasPrefix(p, supersededMark) {
				p = supersededMark + p
			}
			marked = appendNew(marked, p)
		}
		return lastPrompts(marked)
	}
	earlier := appendNew(slices.Clone(d.EarlierPrompts), d.PromptEvent)
	earlier = slices.DeleteFunc(earlier, func(p string) bool { return p == "" || p == prompt.String() })
	return lastPrompts(earlier)
}

// supersededMark marks a prompt among a pending offer's earlier prompts
// (storage.CaseDraft.EarlierPrompts) that belongs to an offer which lapsed
// or was declined before it (withEarlier), not to the pending one: it
// never equals an event ID, so isPrompt never takes it for one of the
// pending offer's prompts. (The same list keeps them, so they survive a
// restart with no new column.)
const supersededMark = "superseded:"

// wasPrompt reports whether target was a prompt of an offer of d that is
// no longer open: one that lapsed or was declined (EarlierPrompts of a
// draft with no offer pending, or marked superseded beside a pending
// one), or any prompt of d when d expired (its offer too: the member did
// not answer it in time).
func wasPrompt(d *storage.CaseDraft, target id.EventID, expired bool) bool {
	t := target.String()
	if !promptTarget(target) {
		return false
	}
	return slices.Contains(d.EarlierPrompts, supersededMark+t) ||
		(!d.Offered || expired) && slices.Contains(d.EarlierPrompts, t) || expired && d.Offered && d.PromptEvent == t
}

// lapsedPrompts returns the prompts of d's offer when it lapses (a
// follow-up question was answered, or the offer declined): the pending
// offer's prompts, or those that lapsed before it, bounded like them. They
// answer nothing (isPrompt wants a pending offer); a ✅ on one is told the
// offer is no longer open (OfferReaction). A new offer starts its prompts
// afresh (withEarlier).
func lapsedPrompts(d *storage.CaseDraft) []string {
	earlier := slices.Clone(d.EarlierPrompts)
	if d.Offered {
		earlier = appendNew(earlier, d.PromptEvent)
	}
	return lastPrompts(earlier)
}

// offerText is the offer of a case for question, the draft (Markdown). It
// quotes the draft's last line only, shortened for a phone (whole runes),
// and says when the team gets more than that: the draft holds every
// question of the conversation, answered ones too, and quoting all of it
// as „deine Frage“ was long and wrong (texts24's finding, mend24a). A
// quotation inside it gets single marks, as in the "no guide" reply
// (guides.InnerQuotes; review rv7, finding 10). It promises the team
// Lotse's suggestions only when there were some (suggested).
func offerText(st *Texts, question string, suggested bool) string {
	offer := st.OfferBare
	if suggested {
		offer = st.Offer
	}
	last, more := lastDraftLine(question)
	quote := st.OfferQuote
	if more {
		quote = st.OfferQuoteMore
	}
	quoted := chat.Format(quote, chat.Escape(guides.InnerQuotes(st.Lang, chat.Shorten(last, maxOfferQuote))))
	return chat.Format(offer, quoted) + "\n\n" + st.OfferHow
}

// maxOfferQuote bounds the quote of an offer, in runes: two or three lines
// on a phone.
const maxOfferQuote = 120

// lastDraftLine returns the last line of the draft question (not the mark
// of a full draft) and whether the draft holds more than that line.
func lastDraftLine(question string) (last string, more bool) {
	var lines []string
	for l := range strings.SplitSeq(question, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if n := len(lines); n > 0 && lines[n-1] == strings.TrimSpace(draftMore) {
		lines, more = lines[:n-1], true
	}
	if len(lines) == 0 {
		return "", more
	}
	return lines[len(lines)-1], more || len(lines) > 1
}

// offerCase asks the member whether to open a case from the draft.
func (w *Workflow) offerCase(ctx context.Context, d storage.CaseDraft, lead string) error {
	// The offer follows the member's language (offerLang), and so do
	// the replies to it and the case it opens (draftTx, Case.Lang).
	d.Lang = w.offerLang(ctx, &d, "")
	st := w.draftTx(&d)
	md := offerText(st, d.Question, len(d.Guides) > 0)
	if lead != "" {
		md = lead + "\n\n" + md
	}
	plain, htmlBody := chat.Render(md)
	prompt, err := w.Reply(ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	d.EarlierPrompts = withEarlier(&d, prompt)
	d.Offered, d.PromptEvent, d.CreatedAt = true, prompt.String(), w.Now()
	if err := w.DB.Cases.PutDraft(ctx, d); err != nil {
		return err
	}
	evt := chat.TurnOf(ctx).Event
	rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: prompt, Key: "✅"}}
	if _, err := w.Matrix.Send(ctx, evt.RoomID, event.EventReaction, rc, w.CauseTxn(ctx, "offer-react", 0)); err != nil {
		zerolog.Ctx(ctx).Debug().Err(err).Msg("Failed to add the ✅ button")
	}
	return nil
}

// MemberText handles a member's free text in a DM when support cases are
// on. handled=false lets the normal question answering go on.
func (w *Workflow) MemberText(ctx context.Context, content *event.MessageEventContent, text string) (bool, error) {
	if !w.On() {
		return false, nil
	}
	evt := chat.TurnOf(ctx).Event
	if replay, err := w.replayConfirm(ctx); replay || err != nil {
		return true, err
	}
	// Their own direct chat made public: told once why the team's answers
	// do not come here (left34). A failed check does not hold up the
	// message (the next one checks again).
	own, err := w.ownDirectChat(ctx, evt.Sender, evt.RoomID)
	if err == nil && own {
		err = w.tellExposed(ctx, evt.RoomID, evt.Sender, w.tx)
	}
	if err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Msg("Failed to check whether the member's direct chat is public")
	}
	d, err := w.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil {
		return true, err
	}
	if d != nil {
		// A message clearly in a language: the replies about the offer
		// follow it („no, that's not helpful“ after a German offer), an
		// offer made again and the case opened from it too (draftTx,
		// offerCase, confirmCase). Stored with the draft when it is.
		if l := w.clearLang(text); l != "" {
			d.Lang = l
		}
	}
	words := chat.NormWords(text)
	// The small talk of the message, read once, when first needed.
	talk := sync.OnceValue(func() Talk { return w.cfg.ReadTalk(text) })
	offeredByThis, err := w.isReplyTo(ctx, d, evt.ID)
	if err != nil {
		return true, err
	}
	// reoffer: the message says Lotse's last answer did not help ("hat
	// nicht geholfen", "keine davon") or criticises it ("das hilft mir
	// überhaupt nicht"): the case is offered with the question, not the
	// general way to a person — while an offer is pending too, where it
	// is offered again (review rv7, finding 8).
	reoffer := false
	// declined: "nein, das hilft mir nicht", "no, that's not helpful" —
	// criticism that opens with a "no" answers the pending offer, which
	// says "Mit nein lassen wir es": it is declined, not made again
	// (review rv8).
	// So is a "no" with words that ask nothing ("nein danke, ich komme
	// klar", "nein, passt schon", "no thanks, I'm fine"): it was searched
	// as a question and the offer made again quoting it (fix10). What
	// asks something (asksAfterNo) is asked, below.
	declined := false
	// asked: "nein, wie ändere ich mein Passwort?" — a "no" to the
	// pending offer and a new question: the offer is declined and the
	// question answered (review rv8, finding 13).
	asked := false
	if d != nil && d.Offered && !offeredByThis {
		yes, asksYes := chat.YesTo(text, words)
		switch {
		case asksYes:
			// "ok?", "ja gut?" ask whether that is all right: no
			// yes (review rvR12, finding 7). The offer's question
			// is asked again, as for "kein Problem".
			return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferAskAgain)
		case yes:
			return true, w.confirmCase(ctx, d)
		case chat.SaysNo(words):
			return true, w.declineCase(ctx, d)
		case talk().Solved || talk().Farewell:
			// (A goodbye, "tschüss", "ok bye": the member leaves, and
			// the offer with them — armed behind „Bis bald!“ it was
			// opened by the next "ok"; review rvS12, finding 3.)
			// "geht wieder", "hat sich geklärt", "solved it": the
			// trouble is gone, and the offer with it (review rvR12,
			// finding 3: „Alles klar!“ left it armed for the next
			// "ok", which sent the question to the team).
			return true, w.declineCase(ctx, d)
		}
		if w.cfg.IsNoProblem(text) {
			// "kein Problem", "no worries" (Config.IsNoProblem) are
			// neither yes nor no (fix13): "sure, do it" and "never
			// mind" both. Declining could drop a wanted case, taking
			// it would send the question without a yes, and the
			// closing "Alles klar!" left the offer armed for the next
			// "ok" (review rvP11, finding 2). So the offer's question
			// is asked again: the offer stays open, and the member
			// knows it.
			return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferAskAgain)
		}
		no := saysNo(words)
		// "nein, ich brauche Hilfe", "no, I need help", "nein, ich will
		// mit einem Menschen sprechen": a "no" before nothing but a cry
		// for help or a request for a person (Config.IsHelpRequest)
		// declines nothing — the member asks for what the offer gives,
		// and it is made again (talk11; it was declined). It names no
		// thing, so it is read before a question would be ("no I need
		// help", searched whole, finds the guide about cases).
		help := no && w.cfg.IsHelpRequest(text)
		asked = no && !help && w.asksAfterNo(ctx, text, talk)
		// "ich komme klar", "never mind": a decline without a "no"
		// declines too (review rvM: the offer stayed open behind the
		// small-talk reply, and an "ok" to that reply opened it).
		declined = no && !asked && !help || !no && talk().Decline
		reoffer = help || !no && !declined && (notHelped(words) || talk().Criticism)
		if !no && !declined && !reoffer && talk().Acknowledgement {
			// "alles klar", "ok danke": neither yes nor no. Answered
			// with „Alles klar!“ the offer stayed armed behind it, and
			// the member's next "ok" opened the case (review rvR12,
			// finding 3); the offer's question is asked again instead.
			return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferAskAgain)
		}
	} else if d != nil && d.PromptEvent == declinedBy(evt.ID) {
		// Handled before a crash: answer again (the same transaction ID).
		if saysNo(words) && w.asksAfterNo(ctx, text, talk) {
			// … and the question after the "no" too.
			return false, w.declineNotice(ctx, w.draftTx(d))
		}
		return true, w.ReplyMarkdown(ctx, w.draftTx(d).Cancelled)
	} else if d != nil && d.Question != "" {
		// (offeredByThis: a "no" before a request for help made the
		// offer again before a crash: it makes it again, the same.)
		reoffer = notHelped(words) || talk().Criticism ||
			offeredByThis && saysNo(words) && !w.cfg.IsNoProblem(text) && w.cfg.IsHelpRequest(text)
	}
	// In a new direct chat the member's open case follows them here
	// (activeCase, sup29).
	c, err := w.activeCase(ctx, evt.Sender, evt.RoomID)
	if err != nil {
		return true, err
	}
	if c != nil {
		// During an open case everything the member writes is for the
		// team, criticism too: it is relayed, never answered with a
		// new offer (review rv7, finding 9).
		if err := w.relayFromMember(ctx, c, content, text); err != nil || !talk().Solved {
			return true, err
		}
		// „danke, hat sich erledigt“: relayed, and the member learns
		// how to close the case — it stayed open for the team, and the
		// member heard nothing (sup28).
		return true, w.ReplyMarkdown(ctx, chat.Format(w.memberTx(c).SolvedWhileOpen, c.ID))
	}
	if declined {
		return true, w.declineCase(ctx, d)
	}
	if asked {
		// Declined, then not handled: the question is answered as a
		// new one (the draft is emptied, so it starts a new one).
		return false, w.declineBeforeAnswer(ctx, d)
	}
	if reoffer {
		return true, w.offerCase(ctx, *d, "")
	}
	if w.cfg.ReopenWindow > 0 && content.MsgType != event.MsgNotice {
		c, err = w.DB.Cases.ResolvedSince(ctx, evt.Sender.String(), evt.RoomID.String(), w.Now().Add(-w.cfg.ReopenWindow))
		if err != nil {
			return true, err
		}
		if c != nil && !closing(talk, words) && (text != "" || content.URL != "" || content.File != nil) {
			ok, after, err := w.reopen(ctx, c, evt.Sender, false)
			if err != nil {
				return true, err
			}
			if ok || lastChangeBy(ctx, w.DB.Cases, c.ID, "reopen", evt.Sender) {
				w.speakTo(ctx, cmp.Or(w.clearLang(text), c.Lang))
				if _, err := w.toThread(ctx, after, chat.Format(w.tx.ReopenedByMember, c.ID), "", w.CauseTxn(ctx, "reopen-note", 0)); err != nil {
					return true, err
				}
				if err := w.reopenedUnassigned(ctx, c, after); err != nil {
					return true, err
				}
				if err := w.relayFromMember(ctx, after, content, text); err != nil {
					return true, err
				}
				if err := w.ReplyMarkdown(ctx, chat.Format(w.memberTx(after).Reopened, c.ID)); err != nil {
					return true, err
				}
				return true, w.updateBoard(ctx, c.ID)
			}
		}
	}
	return false, nil
}

// reopen opens case c again, by actor. Its assignee keeps it only while
// they hold the team role: a case resolved by a volunteer who has left
// the team since (ReturnCases gives back open cases only) came back, when
// its member wrote again, as „IN ARBEIT“ for someone no longer there, and
// nobody took it up (team26).
//
// Both are decided in the write (ReopenChecked): the role, and whether c
// is still resolved — a member's message reopens only a resolved case
// (alsoClosed false), the team's !wiedereröffnen a closed one too. Read
// before and written after, the member's !schließen from their other
// direct chat at the same second was undone by their message, and a
// revocation in between left the case with someone no longer in the team
// (race35).
//
// The write checks the role's status only; whether the assignee passes
// the team gate (a valid training where one is required, a declaration)
// is IsTeam's, read here first: with the write alone, a case resolved by
// a volunteer whose training had expired — their role still active until
// the worker's tick paused it — came back „in Arbeit“ for them, where
// before race35 it came back free for claiming (mend35a).
func (w *Workflow) reopen(ctx context.Context, c *storage.Case, actor id.UserID, alsoClosed bool) (bool, *storage.Case, error) {
	if c.Assignee != "" && !w.IsTeam(ctx, id.UserID(c.Assignee)) {
		return w.DB.Cases.ReopenWithout(ctx, c.ID, actor.String(), c.Assignee, alsoClosed, w.Now())
	}
	return w.DB.Cases.ReopenChecked(ctx, c.ID, actor.String(), c.Assignee, alsoClosed, w.Now())
}

// reopenedUnassigned tells the case's thread that the case, reopened
// (before: c, after: after), is free for claiming, as its former assignee
// is no longer in the team.
func (w *Workflow) reopenedUnassigned(ctx context.Context, c, after *storage.Case) error {
	if c.Assignee == "" || after.Assignee != "" {
		return nil
	}
	_, err := w.toThread(ctx, after, chat.Format(w.tx.CaseReturned, c.ID), "", w.CauseTxn(ctx, "reopen-returned", 0))
	return err
}

// confirmCase opens the case from the draft: stores it, posts the case
// message (thread root) and the question into the team room, tells the
// member. The draft is deleted last, so a crash in between repeats the
// same steps with the same transaction IDs.
func (w *Workflow) confirmCase(ctx context.Context, d *storage.CaseDraft) error {
	evt := chat.TurnOf(ctx).Event
	st := w.tx
	lib := w.Guides.Current()
	var titles []string
	for _, g := range d.Guides {
		if guide, ok := lib.Get(g); ok {
			titles = append(titles, guide.Title)
		}
	}
	if refused, err := w.refuseCase(ctx, d); refused || err != nil {
		return err
	}
	first, suggested := d.Question, ""
	if len(titles) > 0 {
		suggested = chat.Format(st.ThreadSuggested, strings.Join(titles, ", "))
		first += "\n" + suggested
	}
	c, created, err := w.DB.Cases.Create(ctx, &storage.Case{MemberID: d.UserID, MemberRoom: d.RoomID, Summary: chat.Summarize(d.Question), Guides: d.Guides,
		QuestionEvents: d.QuestionEvents, Lang: w.langOf(d.Lang)},
		evt.ID.String(), first, w.Now())
	if err != nil {
		return err
	}
	if created {
		w.Observer.Case("opened")
	}
	w.speakTo(ctx, c.Lang)
	plain, htmlBody := w.boardText(ctx, c)
	root, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, nil, nil, w.CauseTxn(ctx, "case-root", 0))
	if err != nil {
		return err
	}
	if c.TeamEvent != root.String() {
		if err := w.DB.Cases.SetTeamEvent(ctx, c.ID, root.String()); err != nil {
			return err
		}
		c.TeamEvent = root.String()
	}
	name := w.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender)
	question := chat.Format(st.ThreadQuestion, name)
	asked, cut, err := w.relayToThread(ctx, c, question, d.Question, suggested, w.CauseTxn(ctx, "case-question", 0))
	if err := w.shown(ctx, c.ID, asked, err); err != nil {
		return err
	}
	// ThreadHow is Markdown (its commands in code spans): rendered, not
	// passed through toThread, whose prefix is plain text — the team read
	// „`!antwort <Text>`“ with its backticks, in the thread and in the
	// notification's plain body (phone34).
	if _, err := w.SendMarkdownTo(ctx, w.cfg.TeamRoom, st.ThreadHow, chat.ThreadRel(c.TeamEvent), w.CauseTxn(ctx, "case-how", 0)); err != nil {
		return err
	}
	opened := w.openedText(ctx, c)
	if cut {
		// The team's note (RelayCut) says the member knows that only the
		// beginning arrived: they are told here (whole-change review 20,
		// people, Low 3).
		opened += "\n\n" + w.memberTx(c).RelayCutMember
	}
	if err := w.ReplyMarkdown(ctx, opened); err != nil {
		return err
	}
	return w.DB.Cases.DeleteDraft(ctx, d.RoomID, d.UserID)
}

// MaxCasesPerDay bounds the cases one member opens in 24 hours, in all
// their direct chats with Lotse: each case posts three messages into the
// team room, and a member who opened and closed case after case flooded
// the team's board (sup28). A member who needs more reaches the team
// in their open cases, or the fallback contact.
const MaxCasesPerDay = 5

// refuseCase tells the member, instead of opening a case from draft d,
// when they have one open in this room already (d's question is added
// to it: they agreed to send it to the team) or opened MaxCasesPerDay in
// the last 24 hours. A confirmation that created its case before a crash
// is never refused. A refusal keeps the draft, emptied and marked
// declined by this event (putDeclined), so that handling the event again
// answers the same instead of reading „ja“ as a question.
func (w *Workflow) refuseCase(ctx context.Context, d *storage.CaseDraft) (bool, error) {
	evt := chat.TurnOf(ctx).Event
	if done, err := w.DB.Cases.ByOrigin(ctx, evt.ID.String()); done != nil || err != nil {
		return false, err
	}
	open, err := w.activeCase(ctx, id.UserID(d.UserID), id.RoomID(d.RoomID))
	if err != nil {
		return true, err
	}
	if open != nil {
		if err := w.putDeclined(ctx, d); err != nil {
			return true, err
		}
		return true, w.addToOpen(ctx, open, d.Question)
	}
	n, err := w.DB.Cases.OpenedSince(ctx, d.UserID, w.Now().Add(-storage.CaseOpeningKept))
	if err != nil || n < MaxCasesPerDay {
		return err != nil, err
	}
	if err := w.putDeclined(ctx, d); err != nil {
		return true, err
	}
	return true, w.ReplyMarkdown(ctx, chat.Format(w.draftTx(d).TooManyCases, w.fallbackContact(w.draftTx(d))))
}

// asksAfterNo reports whether text, which opens with a "no" to the
// pending offer, asks something of its own to be answered after the
// decline: a question or a matter a guide answers (Config.IsQuestion),
// not criticism ("nein, das hilft mir nicht" only declines; talk is the
// message's small talk). The first run and a replay after a crash read it
// alike.
func (w *Workflow) asksAfterNo(ctx context.Context, text string, talk func() Talk) bool {
	return !talk().Criticism && w.cfg.IsQuestion(ctx, text)
}

// closing reports whether the message (talk, words) is only a thank-you,
// an acknowledgement or a goodbye, or a yes alone ("ja gerne", "yes
// please"), which answers a question such as the closing "melde dich gern
// wieder" of a resolved case and, like a plain "ja", says nothing new
// (review rvP11, finding 14).
func closing(talk func() Talk, words string) bool {
	return talk().Closing || chat.SaysYes(words)
}

// declineCase answers a "no" to the offer. The draft is kept, emptied and
// marked with the declining event, so handling that event again after a
// crash gives the same answer instead of treating "nein" as a question.
func (w *Workflow) declineCase(ctx context.Context, d *storage.CaseDraft) error {
	if err := w.putDeclined(ctx, d); err != nil {
		return err
	}
	return w.ReplyMarkdown(ctx, w.draftTx(d).Cancelled)
}

// putDeclined replaces draft d by an empty one marked with the declining
// event (declinedBy), keeping the lapsed offer's prompts (lapsedPrompts).
func (w *Workflow) putDeclined(ctx context.Context, d *storage.CaseDraft) error {
	evt := chat.TurnOf(ctx).Event
	nd := storage.CaseDraft{RoomID: d.RoomID, UserID: d.UserID, PromptEvent: declinedBy(evt.ID), EarlierPrompts: lapsedPrompts(d),
		CreatedAt: w.Now(), Lang: d.Lang}
	return w.DB.Cases.PutDraft(ctx, nd)
}

// declinedMark marks the PromptEvent of a draft whose offer was declined,
// before the declining event's ID (declinedBy): like supersededMark it
// never equals an event ID.
const declinedMark = "declined:"

// declinedBy is the PromptEvent of a draft whose offer evtID declined.
func declinedBy(evtID id.EventID) string { return declinedMark + evtID.String() }

// declineBeforeAnswer declines the offer of draft d for a message that
// asks a new question after its "no" (the answer follows). Like
// declineCase, but the notice has a transaction ID of its own purpose
// (declineNotice), so the replies of the answer after it are numbered the
// same however often the event is handled again after a crash.
func (w *Workflow) declineBeforeAnswer(ctx context.Context, d *storage.CaseDraft) error {
	if err := w.putDeclined(ctx, d); err != nil {
		return err
	}
	return w.declineNotice(ctx, w.draftTx(d))
}

// declineNotice tells the member that nothing is sent to the team, as a
// reply to the message being handled, with the transaction ID of the
// purpose "offer-declined", in the offer's language (st).
func (w *Workflow) declineNotice(ctx context.Context, st *Texts) error {
	evt := chat.TurnOf(ctx).Event
	plain, htmlBody := chat.Render(st.Cancelled)
	rel := (&event.RelatesTo{}).SetReplyTo(evt.ID)
	_, err := w.SendTo(ctx, evt.RoomID, plain, htmlBody, rel, nil, w.CauseTxn(ctx, "offer-declined", 0))
	return err
}

// replayConfirm finishes (with the same transaction IDs) a confirmation
// that already created its case before a crash, after its draft was gone.
func (w *Workflow) replayConfirm(ctx context.Context) (bool, error) {
	evt := chat.TurnOf(ctx).Event
	c, err := w.DB.Cases.ByOrigin(ctx, evt.ID.String())
	if err != nil || c == nil {
		return false, err
	}
	return true, w.confirmCase(ctx, &storage.CaseDraft{RoomID: c.MemberRoom, UserID: c.MemberID, Question: c.Summary, Guides: c.Guides})
}

// relayFromMember adds a member's message (text or media) to the case and
// relays it into the case thread.
func (w *Workflow) relayFromMember(ctx context.Context, c *storage.Case, content *event.MessageEventContent, text string) error {
	evt := chat.TurnOf(ctx).Event
	// The member's texts below follow the language they write in now.
	if err := w.followMemberLang(ctx, c, text); err != nil {
		return err
	}
	st := w.memberTx(c)
	name := w.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender)
	isMedia := content.URL != "" || content.File != nil
	stored := text
	if isMedia {
		stored = "[" + string(content.MsgType) + "] " + content.Body
	}
	if _, _, err := w.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: evt.ID.String(), CaseID: c.ID, Kind: storage.MsgMember,
		Sender: evt.Sender.String(), Body: stored, CreatedAt: w.Now()}); err != nil {
		return err
	}
	if !isMedia {
		relay, cut, err := w.relayToThread(ctx, c, relayPrefix(name, c.ID), text, "", w.CauseTxn(ctx, "relay", 0))
		if err := w.shown(ctx, c.ID, relay, err); err != nil || !cut {
			return err
		}
		// Only the beginning reached the team: the member is told.
		return w.ReplyMarkdown(ctx, st.RelayCutMember)
	}
	head, text, caption, capCut := w.mediaLine(name, c.ID, content.Body)
	ping, give := w.assigneePing(c)
	relay, err := w.toThreadMentioning(ctx, c, head, text, w.CauseTxn(ctx, "relay", 0), ping)
	if err != nil {
		give()
	}
	if err := w.shown(ctx, c.ID, relay, err); err != nil {
		return err
	}
	captioned := *content
	captioned.Body = caption
	media, active, err := w.reuploadMedia(ctx, &captioned, w.cfg.TeamRoom, c.MemberID)
	if errors.Is(err, errRelayBudget) {
		// The member's files of the day are spent: their line (and
		// caption) reached the thread; the file waits for them to send
		// it again later.
		if _, err := w.toThread(ctx, c, w.tx.RelayBudgetTeam, "", w.CauseTxn(ctx, "relay-budget", 0)); err != nil {
			return err
		}
		return w.ReplyMarkdown(ctx, st.RelayBudgetMember)
	}
	if chat.IsTooLarge(err) {
		// Retrying does not make it smaller: say so to both sides.
		if _, err := w.toThread(ctx, c, w.tx.RelayTooLarge, "", w.CauseTxn(ctx, "relay-too-large", 0)); err != nil {
			return err
		}
		return w.ReplyMarkdown(ctx, st.FileTooLarge)
	}
	if err != nil {
		return err
	}
	media.RelatesTo = chat.ThreadRel(c.TeamEvent)
	sent, err := w.Matrix.Send(ctx, w.cfg.TeamRoom, event.EventMessage, media, w.CauseTxn(ctx, "relay-media", 0))
	if err := w.shown(ctx, c.ID, sent, err); err != nil {
		return err
	}
	if active {
		if _, err := w.toThread(ctx, c, w.tx.RelayActiveFile, "", w.CauseTxn(ctx, "relay-active", 0)); err != nil {
			return err
		}
	}
	if !capCut {
		return nil
	}
	// Only the caption's beginning reached the team: the member is told.
	return w.ReplyMarkdown(ctx, st.RelayCutMember)
}

// relayPrefix is the first line of a member's text relayed into the
// thread of case caseID.
func relayPrefix(name string, caseID int64) string {
	return fmt.Sprintf("💬 %s (#%d):", name, caseID)
}

// mediaLine is the thread line (head and text, for toThread) of a file
// the member sent in case caseID with caption body, and the caption as the
// relayed file carries it. A caption is the member's text too: it is cut
// for the thread line and for the relayed file alike, and cut reports that
// the member must be told (whole-change review 20, people, Low 2: a 26 KB
// caption made a 77 KB event).
func (w *Workflow) mediaLine(name string, caseID int64, body string) (head, text, caption string, cut bool) {
	caption, cut = fitCaption(body)
	prefix := fmt.Sprintf("📎 %s (#%d)", name, caseID)
	line := chat.Format(w.tx.RelayFile, caption)
	head, text = prefix+" "+line, ""
	if cut {
		line += "\n\n" + w.tx.RelayCut
		head, text = prefix, line
	}
	if fitted, lineCut := w.fitThread(prefix, line); lineCut {
		head, text, cut = prefix, fitted, true
	}
	return head, text, caption, cut
}

// maxCaptionBytes bounds a relayed file's caption (its body), JSON-escaped:
// with the file's other fields the event stays far below the limit that
// MaxRelayBytes keeps for text.
const maxCaptionBytes = MaxRelayBytes / 4

// fitCaption cuts a caption (whole runes, ending with "…") so that it is
// at most maxCaptionBytes as sent; cut reports that it had to.
func fitCaption(s string) (fitted string, cut bool) {
	return fitBytes(s, "…", maxCaptionBytes, jsonLen)
}

// reuploadMedia downloads (and decrypts) the media of content and uploads
// it again for target, encrypted with a fresh key if target is encrypted:
// the other room's key is never handed on. Active web content goes as a
// plain download (passiveMedia); active reports that it was. The
// fetched bytes count in member's relay budget (relayBudget), once per
// turn's event; errRelayBudget when it is spent: before the fetch, or
// with this file.
func (w *Workflow) reuploadMedia(ctx context.Context, content *event.MessageEventContent, target id.RoomID, member string) (out *event.MessageEventContent, active bool, err error) {
	var turn id.EventID
	if t := chat.TurnOf(ctx); t != nil && t.Event != nil {
		turn = t.Event.ID
	}
	if !w.relayed.allows(id.UserID(member), turn, w.Now()) {
		return nil, false, errRelayBudget
	}
	data, err := w.fetchMedia(ctx, content)
	// Downloaded bytes count also when they do not decrypt (a wrong key
	// or hash in the event): the download was the cost, and a member's
	// script sending such events went on fetching up to 8 MiB each,
	// uncounted (mend30c).
	if (err == nil || len(data) > 0) && !w.relayed.take(id.UserID(member), turn, int64(len(data)), w.Now()) {
		return nil, false, errRelayBudget
	}
	if err != nil {
		return nil, false, err
	}
	out = &event.MessageEventContent{MsgType: content.MsgType, Body: content.Body, FileName: content.FileName, Mentions: &event.Mentions{}}
	declared := ""
	if content.Info != nil {
		declared = content.Info.MimeType
	}
	var mime string
	out.MsgType, mime, active = passiveMedia(content.MsgType, declared, data)
	if mime == "" {
		mime = "application/octet-stream"
	}
	if content.Info != nil {
		info := *content.Info
		info.ThumbnailURL, info.ThumbnailFile, info.ThumbnailInfo = "", nil, nil
		if active {
			// A plain download: no picture's or video's fields.
			info = event.FileInfo{Size: info.Size}
		}
		out.Info = &info
	}
	if out.Info != nil {
		out.Info.MimeType = mime
		// The member's unknown info fields are not relayed (a crafted
		// one made the relay too large, sec30); the copy names its
		// source instead (sourceKey).
		out.Info.Extra = nil
	}
	if _, err := w.AttachFile(ctx, target, out, data, mime); err != nil {
		return nil, false, err
	}
	// After the upload: the key is bound to the copy's own address
	// (sourceKey; mend30b).
	if key := sourceKey(content, out); key != "" {
		if out.Info == nil {
			out.Info = &event.FileInfo{MimeType: mime}
		}
		out.Info.Extra = map[string]any{infoSourceKey: key}
	}
	return out, active, nil
}

// fetchMedia downloads (and decrypts) the media of content, at most the
// runtime's size limit (chat.IsTooLarge beyond).
func (w *Workflow) fetchMedia(ctx context.Context, content *event.MessageEventContent) ([]byte, error) {
	var (
		data []byte
		err  error
	)
	if content.File != nil {
		data, err = w.Matrix.Download(ctx, content.File.URL)
		if err == nil {
			err = content.File.DecryptInPlace(data)
		}
	} else {
		data, err = w.Matrix.Download(ctx, content.URL)
	}
	if err != nil {
		// data holds what was downloaded when only the decryption
		// failed: the relay budget counts it (reuploadMedia).
		return data, fmt.Errorf("failed to fetch media: %w", err)
	}
	return data, nil
}

// OfferReaction handles a member's ✅/❌ on the offer to open a case in
// the DM (a dialogue, not a stored target): on the latest prompt of the
// pending offer or an earlier one of the same offer still on screen (the
// offer made again while pending). The draft is the sender's own in this
// room, so nobody else's reaction answers it.
func (w *Workflow) OfferReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (bool, error) {
	if !w.On() || evt.RoomID == w.cfg.TeamRoom {
		return false, nil
	}
	// Yes or no as chat.Vote reads a key: ✅ 👍 and the check marks
	// Element's emoji picker offers for „check“ (✔️ ☑️); ❌ 👎 ✖️ ❎.
	helpful, vote := chat.Vote(key)
	yes, no := vote && helpful, vote && !helpful
	if replay, err := w.replayConfirm(ctx); replay || err != nil {
		return true, err
	}
	// Of any age: a ✅ on the prompt of a draft that expired (and is not
	// yet pruned) is told so, like one on a lapsed offer.
	d, err := w.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), time.Time{})
	if err != nil {
		return true, err
	}
	expired := d != nil && d.CreatedAt.Before(w.Now().Add(-w.ChoiceTTL))
	if d != nil && !expired && d.PromptEvent == declinedBy(evt.ID) {
		return true, w.ReplyMarkdown(ctx, w.draftTx(d).Cancelled)
	}
	if d != nil && !expired && isPrompt(d, target) {
		switch {
		case yes:
			return true, w.confirmCase(ctx, d)
		case no:
			return true, w.declineCase(ctx, d)
		}
		return true, nil
	}
	if d != nil && no && wasPrompt(d, target, expired) {
		// A ❌ on the prompt of an offer that is no longer open. The
		// member does not want the team to get their question: with a
		// newer offer pending, that one is declined too (a later "ok"
		// must not send what the member refused; asking for a person
		// again is one sentence, an unwanted send cannot be undone).
		// Otherwise nothing is open, and the member is told that
		// nothing was sent instead of hearing nothing.
		if d.Offered && !expired {
			return true, w.declineCase(ctx, d)
		}
		return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferLapsedDeclined)
	}
	if d != nil && yes && wasPrompt(d, target, expired) {
		// A ✅ on the prompt of an offer that is no longer open (a
		// follow-up was answered, the offer declined, or the draft
		// expired): the member is told, once per reaction (the
		// reply's transaction ID), instead of nothing at all — how
		// to accept the newer offer when one is pending, how to
		// reach the team otherwise. It opens nothing.
		if d.Offered && !expired {
			return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferSuperseded)
		}
		// With a case open (a "!ticket" beside it) that case is where
		// to write, not a request for a person.
		c, err := w.DB.Cases.ActiveForMember(ctx, evt.Sender.String(), evt.RoomID.String())
		if err != nil {
			return true, err
		}
		if c != nil {
			return true, w.ReplyMarkdown(ctx, chat.Format(w.memberTx(c).OfferLapsedCase, c.ID))
		}
		return true, w.ReplyMarkdown(ctx, w.draftTx(d).OfferLapsed)
	}
	return false, nil
}

// OfferAfterThumbsDown offers a case after 👎 on a guide answer in a DM.
func (w *Workflow) OfferAfterThumbsDown(ctx context.Context, evt *event.Event, answer id.EventID) (bool, error) {
	if !w.On() || !chat.TurnOf(ctx).Direct {
		return false, nil
	}
	d, err := w.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil || d == nil {
		return false, err
	}
	return true, w.offerCase(ctx, *d, "")
}

// age formats a duration as minutes, hours or days. A negative one (the
// host's clock was set back, by NTP or by hand, after the case's time was
// stored) reads as 0 minutes, never as „seit -42 Min.“.
func age(st *Texts, d time.Duration) string {
	d = max(d, 0)
	switch {
	case d < time.Hour:
		return chat.Format(st.AgeMinutes, int(d.Minutes()))
	case d < 48*time.Hour:
		return chat.Format(st.AgeHours, int(d.Hours()))
	}
	days := int(d.Hours() / 24)
	return chat.Format(chat.Plural(st.AgeDays, days), days)
}

// openedText tells the member their case is open; when nobody holds the
// team role yet, it says so and names the fallback contact instead of
// promising an answer. It is in c's language.
func (w *Workflow) openedText(ctx context.Context, c *storage.Case) string {
	st := w.memberTx(c)
	team, err := w.DB.Roles().WithRole(ctx, storage.RoleTeam)
	if err == nil && len(team) == 0 {
		return chat.Format(st.OpenedNobody, c.ID, w.fallbackContact(st))
	}
	return chat.Format(st.Opened, c.ID)
}
