package commands

import (
	"context"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Support cases, member side: offering and confirming a case, relaying the
// member's messages (text and media) to the case thread in the team room,
// !ticket, !meine, !schließen, ratings and reopening.
//
// Exactly-once: every send uses a transaction ID derived from the event
// being handled (or from the case and its version for board edits), and
// every stored row is keyed by its source event, so handling an event again
// after a crash repeats nothing.

// returnCases gives the cases of someone who lost (or paused) the team role
// back to the queue, with a note in each case thread; base names the cause.
func (h *Handler) returnCases(ctx context.Context, user id.UserID, base string) error {
	if !h.supportOn() {
		return nil
	}
	claimed, err := h.DB.Roles().ClaimedBy(ctx, user.String())
	if err != nil {
		return err
	}
	for _, caseID := range claimed {
		ok, after, err := h.DB.Cases.Unclaim(ctx, caseID, user.String(), h.Now())
		if err != nil {
			return err
		}
		if !ok || after == nil {
			continue
		}
		if _, err := h.toThread(ctx, after, formatText(h.Texts.Support.CaseReturned, caseID), "", h.TxnID(id.EventID("lotse-offboard/"+base), fmt.Sprintf("case-returned-%d", caseID), 0)); err != nil {
			return err
		}
		if err := h.updateBoard(ctx, caseID); err != nil {
			return err
		}
	}
	return nil
}

// supportOn reports whether support cases are configured.
func (h *Handler) supportOn() bool { return h.Support.TeamRoom != "" }

// isTeam reports whether user holds the active team role (privacy gate
// passed). Merely sitting in the team room grants nothing: case data is
// personal data.
func (h *Handler) isTeam(ctx context.Context, user id.UserID) bool {
	if !h.supportOn() || user == h.Matrix.UserID() {
		return false
	}
	return h.people.HasTeamRole(ctx, user)
}

// sendTo sends a notice with explicit mentions (chat.Env.SendTo).
func (h *Handler) sendTo(ctx context.Context, roomID id.RoomID, plain, htmlBody string, rel *event.RelatesTo, mentions *event.Mentions, txn string) (id.EventID, error) {
	return h.env.SendTo(ctx, roomID, plain, htmlBody, rel, mentions, txn)
}

// sendMarkdownTo renders and sends our own Markdown (chat.Env.SendMarkdownTo).
func (h *Handler) sendMarkdownTo(ctx context.Context, roomID id.RoomID, md string, rel *event.RelatesTo, txn string) (id.EventID, error) {
	return h.env.SendMarkdownTo(ctx, roomID, md, rel, txn)
}

// toThread sends a message into the thread of case c in the team room.
// who and text are plain text (escaped here); prefix is our own text.
func (h *Handler) toThread(ctx context.Context, c *storage.Case, prefix, text, txn string) (id.EventID, error) {
	plain := prefix
	htmlBody := html.EscapeString(prefix)
	if text != "" {
		plain += "\n" + text
		htmlBody += "<br>" + textHTML(text)
	}
	return h.sendTo(ctx, h.Support.TeamRoom, plain, htmlBody, threadRel(c.TeamEvent), nil, txn)
}

func threadRel(root string) *event.RelatesTo { return chat.ThreadRel(root) }

func textHTML(s string) string { return chat.TextHTML(s) }

// causeTxn derives a transaction ID from the event being handled.
func (h *Handler) causeTxn(ctx context.Context, purpose string, n int) string {
	return h.env.CauseTxn(ctx, purpose, n)
}

// caseTxn derives a transaction ID from a case's identity, for work that is
// not caused by one event (board edits, reminders).
func (h *Handler) caseTxn(key, purpose string, n int) string {
	return h.TxnID(id.EventID("lotse-case/"+key), purpose, n)
}

func summarize(q string) string { return chat.Summarize(q) }

var (
	notHelpedWords = map[string]bool{"hat nicht geholfen": true, "nicht geholfen": true, "hilft nicht": true, "hilft mir nicht": true,
		"das hat nicht geholfen": true, "hat leider nicht geholfen": true, "didn't help": true, "did not help": true, "that didn't help": true, "nein": true, "no": true}
)

func normWords(text string) string { return chat.NormWords(text) }

// rememberQuestion keeps the member's question and what Lotse suggested as
// the context of a possible case (follow-ups are appended). With offer set
// the member is asked right away whether to open a case.
func (h *Handler) rememberQuestion(ctx context.Context, question string, guideIDs []string, answerEvent id.EventID, offer bool, lead string) error {
	t := turnOf(ctx)
	if !h.supportOn() || t == nil || !t.msg.Direct {
		return nil
	}
	evt := t.msg.Event
	d, err := h.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil {
		return err
	}
	nd := storage.CaseDraft{RoomID: evt.RoomID.String(), UserID: evt.Sender.String(), Question: question, Guides: guideIDs,
		AnswerEvent: answerEvent.String(), CreatedAt: h.Now()}
	if d != nil && d.Question != "" && !strings.Contains(d.Question, question) {
		nd.Question = d.Question + "\n" + question
		nd.Guides = appendNew(d.Guides, guideIDs...)
	}
	if offer {
		return h.offerCase(ctx, nd, lead)
	}
	return h.DB.Cases.PutDraft(ctx, nd)
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
func (h *Handler) isReplyTo(ctx context.Context, d *storage.CaseDraft, eventID id.EventID) (bool, error) {
	if d == nil || !d.Offered || d.PromptEvent == "" {
		return false, nil
	}
	replies, err := h.repliesTo(ctx, eventID)
	return slices.Contains(replies, id.EventID(d.PromptEvent)), err
}

// offerCase asks the member whether to open a case from the draft.
func (h *Handler) offerCase(ctx context.Context, d storage.CaseDraft, lead string) error {
	st := h.Texts.Support
	md := formatText(st.Offer, escape(d.Question)) + "\n\n" + st.OfferHow
	if lead != "" {
		md = lead + "\n\n" + md
	}
	plain, htmlBody := renderMarkdown(md)
	prompt, err := h.reply(ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	d.Offered, d.PromptEvent, d.CreatedAt = true, prompt.String(), h.Now()
	if err := h.DB.Cases.PutDraft(ctx, d); err != nil {
		return err
	}
	evt := turnOf(ctx).msg.Event
	rc := &event.ReactionEventContent{RelatesTo: event.RelatesTo{Type: event.RelAnnotation, EventID: prompt, Key: "✅"}}
	if _, err := h.Matrix.Send(ctx, evt.RoomID, event.EventReaction, rc, h.causeTxn(ctx, "offer-react", 0)); err != nil {
		zerolog.Ctx(ctx).Debug().Err(err).Msg("Failed to add the ✅ button")
	}
	return nil
}

// memberText handles a member's free text in a DM when support cases are
// on. handled=false lets the normal question answering go on.
func (h *Handler) memberText(ctx context.Context, content *event.MessageEventContent, text string) (bool, error) {
	if !h.supportOn() {
		return false, nil
	}
	evt := turnOf(ctx).msg.Event
	if replay, err := h.replayConfirm(ctx); replay || err != nil {
		return true, err
	}
	d, err := h.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil {
		return true, err
	}
	words := normWords(text)
	offeredByThis, err := h.isReplyTo(ctx, d, evt.ID)
	if err != nil {
		return true, err
	}
	if d != nil && d.Offered && !offeredByThis {
		switch {
		case chat.YesWords[words]:
			return true, h.confirmCase(ctx, d)
		case chat.NoWords[words]:
			return true, h.declineCase(ctx, d)
		case notHelpedWords[words]:
			return true, h.offerCase(ctx, *d, "")
		}
	} else if d != nil && d.PromptEvent == declinedBy(evt.ID) {
		// Handled before a crash: answer again (the same transaction ID).
		return true, h.replyMarkdown(ctx, h.Texts.Support.Cancelled)
	} else if d != nil && d.Question != "" && notHelpedWords[words] {
		return true, h.offerCase(ctx, *d, "")
	}
	c, err := h.DB.Cases.ActiveForMember(ctx, evt.Sender.String(), evt.RoomID.String())
	if err != nil {
		return true, err
	}
	if c != nil {
		return true, h.relayFromMember(ctx, c, content, text)
	}
	if h.Support.ReopenWindow > 0 && content.MsgType != event.MsgNotice {
		c, err = h.DB.Cases.ResolvedSince(ctx, evt.Sender.String(), evt.RoomID.String(), h.Now().Add(-h.Support.ReopenWindow))
		if err != nil {
			return true, err
		}
		if c != nil && smallTalk(text) != talkThanks && (text != "" || content.URL != "" || content.File != nil) {
			ok, after, err := h.DB.Cases.Reopen(ctx, c.ID, evt.Sender.String(), h.Now())
			if err != nil {
				return true, err
			}
			if ok || h.lastChangeBy(ctx, c.ID, "reopen", evt.Sender) {
				if _, err := h.toThread(ctx, after, formatText(h.Texts.Support.ReopenedByMember, c.ID), "", h.causeTxn(ctx, "reopen-note", 0)); err != nil {
					return true, err
				}
				if err := h.relayFromMember(ctx, after, content, text); err != nil {
					return true, err
				}
				if err := h.replyMarkdown(ctx, formatText(h.Texts.Support.Reopened, c.ID)); err != nil {
					return true, err
				}
				return true, h.updateBoard(ctx, c.ID)
			}
		}
	}
	return false, nil
}

// confirmCase opens the case from the draft: stores it, posts the case
// message (thread root) and the question into the team room, tells the
// member. The draft is deleted last, so a crash in between repeats the
// same steps with the same transaction IDs.
func (h *Handler) confirmCase(ctx context.Context, d *storage.CaseDraft) error {
	evt := turnOf(ctx).msg.Event
	st := h.Texts.Support
	lib := h.Guides.Current()
	var titles []string
	for _, g := range d.Guides {
		if guide, ok := lib.Get(g); ok {
			titles = append(titles, guide.Title)
		}
	}
	first := d.Question
	if len(titles) > 0 {
		first += "\n" + formatText(st.ThreadSuggested, strings.Join(titles, ", "))
	}
	c, created, err := h.DB.Cases.Create(ctx, &storage.Case{MemberID: d.UserID, MemberRoom: d.RoomID, Summary: summarize(d.Question), Guides: d.Guides},
		evt.ID.String(), first, h.Now())
	if err != nil {
		return err
	}
	if created {
		h.Observer.Case("opened")
	}
	plain, htmlBody := h.boardText(ctx, c)
	root, err := h.sendTo(ctx, h.Support.TeamRoom, plain, htmlBody, nil, nil, h.causeTxn(ctx, "case-root", 0))
	if err != nil {
		return err
	}
	if c.TeamEvent != root.String() {
		if err := h.DB.Cases.SetTeamEvent(ctx, c.ID, root.String()); err != nil {
			return err
		}
		c.TeamEvent = root.String()
	}
	name := h.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender)
	if _, err := h.toThread(ctx, c, st.ThreadQuestion+" ("+name+")", first, h.causeTxn(ctx, "case-question", 0)); err != nil {
		return err
	}
	if _, err := h.toThread(ctx, c, st.ThreadHow, "", h.causeTxn(ctx, "case-how", 0)); err != nil {
		return err
	}
	if err := h.replyMarkdown(ctx, formatText(st.Opened, c.ID)); err != nil {
		return err
	}
	return h.DB.Cases.DeleteDraft(ctx, d.RoomID, d.UserID)
}

// declineCase answers a "no" to the offer. The draft is kept, emptied and
// marked with the declining event, so handling that event again after a
// crash gives the same answer instead of treating "nein" as a question.
func (h *Handler) declineCase(ctx context.Context, d *storage.CaseDraft) error {
	evt := turnOf(ctx).msg.Event
	nd := storage.CaseDraft{RoomID: d.RoomID, UserID: d.UserID, PromptEvent: declinedBy(evt.ID), CreatedAt: h.Now()}
	if err := h.DB.Cases.PutDraft(ctx, nd); err != nil {
		return err
	}
	return h.replyMarkdown(ctx, h.Texts.Support.Cancelled)
}

func declinedBy(evtID id.EventID) string { return "declined:" + evtID.String() }

// replayConfirm finishes (with the same transaction IDs) a confirmation
// that already created its case before a crash, after its draft was gone.
func (h *Handler) replayConfirm(ctx context.Context) (bool, error) {
	evt := turnOf(ctx).msg.Event
	c, err := h.DB.Cases.ByOrigin(ctx, evt.ID.String())
	if err != nil || c == nil {
		return false, err
	}
	return true, h.confirmCase(ctx, &storage.CaseDraft{RoomID: c.MemberRoom, UserID: c.MemberID, Question: c.Summary, Guides: c.Guides})
}

// relayFromMember adds a member's message (text or media) to the case and
// relays it into the case thread.
func (h *Handler) relayFromMember(ctx context.Context, c *storage.Case, content *event.MessageEventContent, text string) error {
	evt := turnOf(ctx).msg.Event
	name := h.Matrix.DisplayName(ctx, evt.RoomID, evt.Sender)
	isMedia := content.URL != "" || content.File != nil
	stored := text
	if isMedia {
		stored = "[" + string(content.MsgType) + "] " + content.Body
	}
	if _, _, err := h.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: evt.ID.String(), CaseID: c.ID, Kind: storage.MsgMember,
		Sender: evt.Sender.String(), Body: stored, CreatedAt: h.Now()}); err != nil {
		return err
	}
	if !isMedia {
		_, err := h.toThread(ctx, c, fmt.Sprintf("💬 %s (#%d):", name, c.ID), text, h.causeTxn(ctx, "relay", 0))
		return err
	}
	if _, err := h.toThread(ctx, c, fmt.Sprintf("📎 %s (#%d) %s", name, c.ID, formatText(h.Texts.Support.RelayFile, content.Body)), "", h.causeTxn(ctx, "relay", 0)); err != nil {
		return err
	}
	media, err := h.reuploadMedia(ctx, content, h.Support.TeamRoom)
	if err != nil {
		return err
	}
	media.RelatesTo = threadRel(c.TeamEvent)
	if _, err := h.Matrix.Send(ctx, h.Support.TeamRoom, event.EventMessage, media, h.causeTxn(ctx, "relay-media", 0)); err != nil {
		return err
	}
	return nil
}

// reuploadMedia downloads (and decrypts) the media of content and uploads
// it again for target, encrypted with a fresh key if target is encrypted:
// the other room's key is never handed on.
func (h *Handler) reuploadMedia(ctx context.Context, content *event.MessageEventContent, target id.RoomID) (*event.MessageEventContent, error) {
	var (
		data []byte
		err  error
	)
	if content.File != nil {
		data, err = h.Matrix.Download(ctx, content.File.URL)
		if err == nil {
			err = content.File.DecryptInPlace(data)
		}
	} else {
		data, err = h.Matrix.Download(ctx, content.URL)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to fetch media: %w", err)
	}
	out := &event.MessageEventContent{MsgType: content.MsgType, Body: content.Body, FileName: content.FileName, Mentions: &event.Mentions{}}
	mime := "application/octet-stream"
	if content.Info != nil {
		info := *content.Info
		info.ThumbnailURL, info.ThumbnailFile, info.ThumbnailInfo = "", nil, nil
		out.Info = &info
		if info.MimeType != "" {
			mime = info.MimeType
		}
	}
	if _, err := h.attachFile(ctx, target, out, data, mime); err != nil {
		return nil, err
	}
	return out, nil
}

// findSupportReaction routes reactions to a case's events: ✋ on a case
// message in the team room claims it (the team role is enforced by the
// router, like for !übernehmen); 👍/👎 on the rating question rates the
// case (only its member). Other reactions in the team room do nothing.
func (h *Handler) findSupportReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
	if !h.supportOn() {
		return nil, nil
	}
	if evt.RoomID == h.Support.TeamRoom {
		tg := &chat.Target{Room: h.Support.TeamRoom}
		if key != "✋" {
			return tg, nil
		}
		c, err := h.DB.Cases.ByTeamEvent(ctx, target.String())
		if err != nil || c == nil {
			return tg, err
		}
		tg.Role = h.roles.team
		tg.Run = func(ctx context.Context) error { return h.claim(ctx, c, evt.Sender) }
		return tg, nil
	}
	c, err := h.DB.Cases.ByRatingPrompt(ctx, target.String())
	if err != nil || c == nil {
		return nil, err
	}
	return &chat.Target{Room: id.RoomID(c.MemberRoom), Run: func(ctx context.Context) error { return h.rate(ctx, evt, c, key) }}, nil
}

// rate records the member's 👍/👎 on the rating question of case c.
func (h *Handler) rate(ctx context.Context, evt *event.Event, c *storage.Case, key string) error {
	helpful, ok := voteOf(key)
	if !ok || id.UserID(c.MemberID) != evt.Sender {
		return nil
	}
	rating, sym := -1, "👎"
	if helpful {
		rating, sym = 1, "👍"
	}
	changed, after, err := h.DB.Cases.Rate(ctx, c.ID, evt.Sender.String(), rating, h.Now())
	if err != nil {
		return err
	}
	if !changed && !h.lastChangeBy(ctx, c.ID, "rate", evt.Sender) {
		return nil
	}
	if _, err := h.toThread(ctx, after, formatText(h.Texts.Support.RatedTeam, c.ID, sym), "", h.causeTxn(ctx, "rated", 0)); err != nil {
		return err
	}
	return h.replyMarkdown(ctx, h.Texts.Support.RateThanks)
}

// supportReaction handles a member's ✅/❌ on the offer to open a case in
// the DM (a dialogue, not a stored target).
func (h *Handler) supportReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (bool, error) {
	if !h.supportOn() || evt.RoomID == h.Support.TeamRoom {
		return false, nil
	}
	k := stripModifiers(key)
	if replay, err := h.replayConfirm(ctx); replay || err != nil {
		return true, err
	}
	d, err := h.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil {
		return true, err
	}
	if d != nil && d.PromptEvent == declinedBy(evt.ID) {
		return true, h.replyMarkdown(ctx, h.Texts.Support.Cancelled)
	}
	if d != nil && d.Offered && d.PromptEvent == target.String() {
		switch k {
		case "✅", "👍":
			return true, h.confirmCase(ctx, d)
		case "❌", "👎":
			return true, h.declineCase(ctx, d)
		}
		return true, nil
	}
	return false, nil
}

// offerAfterThumbsDown offers a case after 👎 on a guide answer in a DM.
func (h *Handler) offerAfterThumbsDown(ctx context.Context, evt *event.Event, answer id.EventID) (bool, error) {
	if !h.supportOn() || !turnOf(ctx).msg.Direct {
		return false, nil
	}
	d, err := h.DB.Cases.Draft(ctx, evt.RoomID.String(), evt.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil || d == nil {
		return false, err
	}
	return true, h.offerCase(ctx, *d, "")
}

func stripModifiers(key string) string { return chat.StripModifiers(key) }

// lastChangeBy reports whether the newest change of case id is of kind and
// by user: then a conditional update that changed nothing was our own
// earlier run of the same event (a retry), and its messages are repeated
// with the same transaction IDs (the sender deduplicates them).
func (h *Handler) lastChangeBy(ctx context.Context, caseID int64, kind string, user id.UserID) bool {
	events, err := h.DB.Cases.Events(ctx, caseID)
	if err != nil || len(events) == 0 {
		return false
	}
	last := events[len(events)-1]
	return last.Kind == kind && last.Actor == user.String()
}

// cmdTicket opens a case directly: !ticket <text>. The member confirms first.
func cmdTicket(ce *CommandEvent) error {
	h := ce.Meta
	if !h.supportOn() {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.NotEnabled)
	}
	t := turnOf(ce.Ctx)
	if ce.RoomID == h.Support.TeamRoom || !t.msg.Direct {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.TicketUsage)
	}
	text := strings.TrimSpace(ce.RawArgs)
	if text == "" {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.TicketUsage)
	}
	d, err := h.DB.Cases.Draft(ce.Ctx, ce.RoomID.String(), ce.Sender.String(), h.Now().Add(-h.ChoiceTTL))
	if err != nil {
		return err
	}
	nd := storage.CaseDraft{RoomID: ce.RoomID.String(), UserID: ce.Sender.String(), Question: text, CreatedAt: h.Now()}
	if d != nil && d.Question != "" && !strings.Contains(d.Question, text) {
		nd.Question, nd.Guides = d.Question+"\n"+text, d.Guides
	}
	return h.offerCase(ce.Ctx, nd, "")
}

// cmdMine lists the member's own cases.
func cmdMine(ce *CommandEvent) error {
	h := ce.Meta
	if !h.supportOn() {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.NotEnabled)
	}
	cases, err := h.DB.Cases.ListForMember(ce.Ctx, ce.Sender.String(), 20)
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return h.replyMarkdown(ce.Ctx, h.Texts.Support.MineEmpty)
	}
	var b strings.Builder
	b.WriteString(h.Texts.Support.MineIntro + "\n\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "- **#%d** %s – %s (%s)\n", c.ID, escape(h.statusLabel(ce.Ctx, c, false)), escape(c.Summary), h.localTime(c.CreatedAt))
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// cmdClose closes one of the member's own cases (or, in the team room, any case).
func cmdClose(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	if !h.supportOn() {
		return h.replyMarkdown(ce.Ctx, st.NotEnabled)
	}
	inTeam := ce.RoomID == h.Support.TeamRoom && h.isTeam(ce.Ctx, ce.Sender)
	var c *storage.Case
	var err error
	if inTeam {
		c, _, err = h.caseArg(ce, "schließen")
		if err != nil || c == nil {
			return err
		}
	} else {
		arg := strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), "#")
		if arg == "" {
			return h.replyMarkdown(ce.Ctx, st.CloseUsage)
		}
		n, perr := strconv.ParseInt(arg, 10, 64)
		if perr == nil {
			c, err = h.DB.Cases.Get(ce.Ctx, n)
			if err != nil {
				return err
			}
		}
		// The same refusal for unknown and someone else's cases: no probing.
		if c == nil || id.UserID(c.MemberID) != ce.Sender {
			return h.replyMarkdown(ce.Ctx, formatText(st.NotYours, escape(arg)))
		}
	}
	changed, after, err := h.DB.Cases.Close(ce.Ctx, c.ID, ce.Sender.String(), h.Now())
	if err != nil {
		return err
	}
	if !changed && !h.lastChangeBy(ce.Ctx, c.ID, "close", ce.Sender) {
		return h.replyMarkdown(ce.Ctx, formatText(st.AlreadyClosed, c.ID))
	}
	if inTeam {
		if _, err := h.sendMarkdownTo(ce.Ctx, id.RoomID(c.MemberRoom), formatText(st.ClosedMember, c.ID), nil, h.causeTxn(ce.Ctx, "closed-member", 0)); err != nil {
			return err
		}
		if err := h.replyMarkdown(ce.Ctx, formatText(st.ClosedMember, c.ID)); err != nil {
			return err
		}
	} else {
		if _, err := h.toThread(ce.Ctx, after, formatText(st.ClosedTeam, c.ID), "", h.causeTxn(ce.Ctx, "closed-note", 0)); err != nil {
			return err
		}
		if err := h.replyMarkdown(ce.Ctx, formatText(st.ClosedMember, c.ID)); err != nil {
			return err
		}
	}
	return h.updateBoard(ce.Ctx, c.ID)
}

// statusLabel is [OFFEN], [IN ARBEIT: Name], … for the board and lists.
func (h *Handler) statusLabel(ctx context.Context, c *storage.Case, withName bool) string {
	st := h.Texts.Support
	switch c.Status {
	case storage.CaseResolved:
		return st.StatusResolved
	case storage.CaseClosed:
		return st.StatusClosed
	}
	if c.Assignee != "" {
		name := "…"
		if withName {
			name = h.Matrix.DisplayName(ctx, h.Support.TeamRoom, id.UserID(c.Assignee))
		}
		return formatText(st.StatusClaimed, name)
	}
	return st.StatusOpen
}

// boardText is the case message in the team room: status, number, summary,
// member, opening time, suggested guides. Member text is escaped.
func (h *Handler) boardText(ctx context.Context, c *storage.Case) (plain, htmlBody string) {
	st := h.Texts.Support
	member := id.UserID(c.MemberID)
	who := h.Matrix.DisplayName(ctx, id.RoomID(c.MemberRoom), member)
	if who != member.String() {
		who += " (" + member.String() + ")"
	}
	status := h.statusLabel(ctx, c, true)
	opened := h.localTime(c.CreatedAt)
	plain = fmt.Sprintf(st.Board, status, c.ID, c.Summary, who, opened)
	htmlBody = "<b>" + html.EscapeString(status) + "</b> " + strings.ReplaceAll(
		fmt.Sprintf(st.Board, "", c.ID, html.EscapeString(c.Summary), html.EscapeString(who), html.EscapeString(opened))[1:], "\n", "<br>")
	lib := h.Guides.Current()
	var titles []string
	for _, g := range c.Guides {
		if guide, ok := lib.Get(g); ok {
			titles = append(titles, guide.Title)
		}
	}
	if len(titles) > 0 {
		line := formatText(st.BoardGuides, strings.Join(titles, ", "))
		plain += "\n" + line
		htmlBody += "<br>" + html.EscapeString(line)
	}
	return plain, htmlBody
}

// updateBoard edits the case message to the case's current state. The
// transaction ID names the case and its version, so each state is sent once.
func (h *Handler) updateBoard(ctx context.Context, caseID int64) error {
	c, err := h.DB.Cases.Get(ctx, caseID)
	if err != nil || c == nil || c.TeamEvent == "" {
		return err
	}
	plain, htmlBody := h.boardText(ctx, c)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
	content.SetEdit(id.EventID(c.TeamEvent))
	content.NewContent.Mentions = &event.Mentions{}
	_, err = h.Matrix.Send(ctx, h.Support.TeamRoom, event.EventMessage, content, h.caseTxn(strconv.FormatInt(c.ID, 10), "board", c.Version))
	return err
}

// localTime formats t in the configured zone.
func (h *Handler) localTime(t time.Time) string {
	return t.In(h.location()).Format("02.01.2006 15:04")
}

func (h *Handler) location() *time.Location {
	if h.Support.Location != nil {
		return h.Support.Location
	}
	return time.UTC
}

// age formats a duration as minutes, hours or days.
func (h *Handler) age(d time.Duration) string {
	st := h.Texts.Support
	switch {
	case d < time.Hour:
		return formatText(st.AgeMinutes, int(d.Minutes()))
	case d < 48*time.Hour:
		return formatText(st.AgeHours, int(d.Hours()))
	}
	return formatText(st.AgeDays, int(d.Hours()/24))
}
