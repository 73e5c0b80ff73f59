package support

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// A member's cases after they exist: !ticket, !meine, !schließen, ratings,
// the board message of a case in the team room, and what happens to a
// case when its member deletes a message or its assignee leaves the team.

// ReturnCases gives the cases of someone who lost (or paused) the team role
// back to the queue, with a note in each case thread; base names the cause.
func (w *Workflow) ReturnCases(ctx context.Context, user id.UserID, base string) error {
	if !w.On() {
		return nil
	}
	claimed, err := w.DB.Roles().ClaimedBy(ctx, user.String())
	if err != nil {
		return err
	}
	for _, caseID := range claimed {
		ok, after, err := w.DB.Cases.Unclaim(ctx, caseID, user.String(), w.Now())
		if err != nil {
			return err
		}
		if !ok || after == nil {
			continue
		}
		if _, err := w.toThread(ctx, after, chat.Format(w.tx.CaseReturned, caseID), "", w.TxnID(id.EventID("lotse-offboard/"+base), fmt.Sprintf("case-returned-%d", caseID), 0)); err != nil {
			return err
		}
		if err := w.updateBoard(ctx, caseID); err != nil {
			return err
		}
	}
	return nil
}

// findReaction routes reactions to a case's events: ✋ on a case
// message in the team room, or on a message in its thread
// (threadCaseOf), claims it (the team role is enforced by the
// router, like for !übernehmen); 👍/👎 on the rating question rates the
// case (only its member). Other reactions in the team room do nothing.
func (w *Workflow) findReaction(ctx context.Context, evt *event.Event, target id.EventID, key string) (*chat.Target, error) {
	if !w.On() {
		return nil, nil
	}
	if evt.RoomID == w.cfg.TeamRoom {
		tg := &chat.Target{Room: w.cfg.TeamRoom}
		if key != "✋" {
			return tg, nil
		}
		c, err := w.DB.Cases.ByTeamEvent(ctx, target.String())
		if err != nil {
			return tg, err
		}
		if c == nil {
			if c, err = w.threadCaseOf(ctx, evt.Sender, target); err != nil || c == nil {
				return tg, err
			}
		}
		tg.Role = w.team
		tg.Run = func(ctx context.Context) error { return w.claim(ctx, c, evt.Sender) }
		return tg, nil
	}
	c, err := w.DB.Cases.ByRatingPrompt(ctx, target.String())
	if err != nil || c == nil {
		return nil, err
	}
	return &chat.Target{Room: id.RoomID(c.MemberRoom), Run: func(ctx context.Context) error { return w.rate(ctx, evt, c, key) }}, nil
}

// threadCaseOf returns the case in whose thread the team-room event
// target is, for a ✋ of a team member on it, or nil. The thread's own
// note says „Übernehmen: ✋“ (ThreadHow), and a volunteer reading the
// thread on a phone reacts there, or on the member's message: before
// sup34 only the case message counted, and a ✋ anywhere in the thread did
// nothing, without a word. The event is fetched (one request per ✋ of a
// team member on an event that is no case message; a stranger's ✋ costs
// a database read); an event that cannot be fetched or read claims
// nothing (logged, not retried: the volunteer sees no claim note and can
// use `!übernehmen`).
func (w *Workflow) threadCaseOf(ctx context.Context, sender id.UserID, target id.EventID) (*storage.Case, error) {
	if !w.IsTeam(ctx, sender) {
		return nil, nil
	}
	fetched, err := w.Matrix.FetchMessage(ctx, w.cfg.TeamRoom, target)
	if err != nil {
		zerolog.Ctx(ctx).Info().Err(err).Stringer("target", target).Msg("Not claiming by ✋: the reacted-to event could not be read")
		return nil, nil
	}
	return w.threadCase(ctx, fetched)
}

// rate records the member's 👍/👎 on the rating question of case c.
func (w *Workflow) rate(ctx context.Context, evt *event.Event, c *storage.Case, key string) error {
	helpful, ok := chat.Vote(key)
	if !ok || id.UserID(c.MemberID) != evt.Sender {
		return nil
	}
	rating, sym := -1, w.tx.RatedNotHelped
	if helpful {
		rating, sym = 1, w.tx.RatedHelped
	}
	changed, after, err := w.DB.Cases.Rate(ctx, c.ID, evt.Sender.String(), rating, w.Now())
	if err != nil {
		return err
	}
	if !changed && !lastChangeBy(ctx, w.DB.Cases, c.ID, "rate", evt.Sender) {
		return nil
	}
	if _, err := w.toThread(ctx, after, chat.Format(w.tx.RatedTeam, c.ID, sym), "", w.CauseTxn(ctx, "rated", 0)); err != nil {
		return err
	}
	return w.ReplyMarkdown(ctx, w.memberTx(after).RateThanks)
}

// cmdTicket opens a case directly: !ticket <text>. The member confirms first.
func (w *Workflow) cmdTicket(ce *chat.Call) error {
	if !w.On() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	// Only in a direct chat (the command's role); never the team room.
	if ce.RoomID == w.cfg.TeamRoom {
		return w.ReplyMarkdown(ce.Ctx, w.tx.TicketDMOnly)
	}
	text := strings.TrimSpace(ce.RawArgs)
	if text == "" {
		return w.ReplyMarkdown(ce.Ctx, w.tx.TicketUsage)
	}
	// With a case open here, what the member writes belongs to it, as
	// every other message does: it is added there, and no second case is
	// offered beside it (sup28: `!ticket …` and „ja“ opened case after
	// case, and the member's next messages went to only one of them).
	// (Also a case open in another direct chat of theirs: it follows
	// them here, activeCase.)
	open, err := w.activeCase(ce.Ctx, ce.Sender, ce.RoomID)
	if err != nil {
		return err
	}
	if open != nil {
		return w.addToOpen(ce.Ctx, open, text)
	}
	d, err := w.DB.Cases.Draft(ce.Ctx, ce.RoomID.String(), ce.Sender.String(), w.Now().Add(-w.ChoiceTTL))
	if err != nil {
		return err
	}
	// The offer is in the language of the !ticket's text when it says
	// one clearly, else in the earlier offer's, else the install's.
	nd := storage.CaseDraft{RoomID: ce.RoomID.String(), UserID: ce.Sender.String(), CreatedAt: w.Now(), Lang: w.offerLang(ce.Ctx, d, text)}
	var old string
	if d != nil {
		old, nd.Guides = d.Question, d.Guides
		if old != "" {
			nd.QuestionEvents = d.QuestionEvents
		}
	}
	lead := ""
	var full bool
	if nd.Question, full = joinDraft(old, text); full {
		lead = w.draftTx(&nd).DraftFull
	}
	nd.QuestionEvents = withQuestionEvent(nd.QuestionEvents, old, nd.Question, ce.Event.ID)
	return w.offerCase(ce.Ctx, nd, lead)
}

// addToOpen adds text, which the member meant for a new case, to their
// open case c and tells them so.
func (w *Workflow) addToOpen(ctx context.Context, c *storage.Case, text string) error {
	if err := w.relayFromMember(ctx, c, &event.MessageEventContent{MsgType: event.MsgText, Body: text}, text); err != nil {
		return err
	}
	return w.ReplyMarkdown(ctx, chat.Format(w.memberTx(c).AddedToOpen, c.ID))
}

// cmdMine lists the member's own cases.
func (w *Workflow) cmdMine(ce *chat.Call) error {
	if !w.On() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	cases, err := w.DB.Cases.ListForMember(ce.Ctx, ce.Sender.String(), 20)
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return w.ReplyMarkdown(ce.Ctx, w.replyTx(ce.Ctx).MineEmpty)
	}
	// In the language of the member's newest case: the one they wrote
	// in last.
	st := w.memberTx(cases[0])
	var b strings.Builder
	b.WriteString(st.MineIntro + "\n\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "- **#%d** %s – %s (%s)\n", c.ID, chat.Escape(memberStatus(st, c)), chat.Escape(w.summary(c)),
			w.Local(c.CreatedAt, chat.LayoutsFor(st.Lang).DateTime))
	}
	return w.ReplyMarkdown(ce.Ctx, b.String())
}

// cmdClose closes one of the member's own cases (or, in the team room, any case).
func (w *Workflow) cmdClose(ce *chat.Call) error {
	st := w.tx
	if !w.On() {
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	}
	inTeam := ce.RoomID == w.cfg.TeamRoom && w.IsTeam(ce.Ctx, ce.Sender)
	var c *storage.Case
	var err error
	if inTeam {
		c, _, err = w.caseArg(ce, "schließen")
		if err != nil || c == nil {
			return err
		}
	} else {
		// The member's replies (en35): in the language of the command's
		// name as typed; the thread's note stays the team's (st).
		mt := w.replyTx(ce.Ctx)
		arg := strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), "#")
		if arg == "" {
			return w.ReplyMarkdown(ce.Ctx, mt.CloseUsage)
		}
		if n, ok := chat.Ref(arg); ok {
			c, err = w.DB.Cases.Get(ce.Ctx, n)
			if err != nil {
				return err
			}
		}
		// The same refusal for unknown and someone else's cases: no probing.
		if c == nil || id.UserID(c.MemberID) != ce.Sender {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(mt.NotYours, chat.Escape(arg)))
		}
	}
	changed, after, err := w.DB.Cases.Close(ce.Ctx, c.ID, ce.Sender.String(), w.Now())
	if err != nil {
		return err
	}
	if !changed && !lastChangeBy(ce.Ctx, w.DB.Cases, c.ID, "close", ce.Sender) {
		if !inTeam {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(w.memberTx(c).AlreadyClosed, c.ID))
		}
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.AlreadyClosed, c.ID))
	}
	if inTeam {
		// To the member where they are with Lotse now; nowhere, and the
		// team reads so, when they are in no chat with Lotse (relay30).
		room, err := w.noticeRoom(ce.Ctx, c)
		if err != nil {
			return err
		}
		confirm := st.ClosedByTeamGone
		if room != "" {
			// The team's words to the member: who closed it and what
			// now, not the member's own „Danke!“ (sup34).
			if _, err := w.SendMarkdownTo(ce.Ctx, room, chat.Format(w.memberTx(c).ClosedByTeamMember, c.ID), nil, w.CauseTxn(ce.Ctx, "closed-member", 0)); err != nil {
				return err
			}
			confirm = st.ClosedByTeam
		}
		// The team's confirmation, not the member's text (lang26's find).
		if err := w.ReplyMarkdown(ce.Ctx, chat.Format(confirm, c.ID, chat.Escape(w.name(ce.Ctx, ce.Sender.String())))); err != nil {
			return err
		}
	} else {
		w.speakTo(ce.Ctx, c.Lang)
		if _, err := w.toThread(ce.Ctx, after, chat.Format(st.ClosedTeam, c.ID), "", w.CauseTxn(ce.Ctx, "closed-note", 0)); err != nil {
			return err
		}
		if err := w.ReplyMarkdown(ce.Ctx, chat.Format(w.memberTx(c).ClosedMember, c.ID)); err != nil {
			return err
		}
	}
	return w.updateBoard(ce.Ctx, c.ID)
}

// memberStatus is a case's state as its member reads it in !meine: a word,
// not the team board's label — that showed them „[IN ARBEIT: …]“, an
// ellipsis where the board has a volunteer's name (sup28).
func memberStatus(st *Texts, c *storage.Case) string {
	switch {
	case c.Status == storage.CaseResolved:
		return st.MineResolved
	case c.Status == storage.CaseClosed:
		return st.MineClosed
	case c.Assignee != "":
		return st.MineClaimed
	}
	return st.MineOpen
}

// statusLabel is [OFFEN], [IN ARBEIT: Name], … for the board and lists.
func (w *Workflow) statusLabel(ctx context.Context, c *storage.Case, withName bool) string {
	st := w.tx
	switch c.Status {
	case storage.CaseResolved:
		return st.StatusResolved
	case storage.CaseClosed:
		return st.StatusClosed
	}
	if c.Assignee != "" {
		name := "…"
		if withName {
			name = w.Matrix.DisplayName(ctx, w.cfg.TeamRoom, id.UserID(c.Assignee))
		}
		return chat.Format(st.StatusClaimed, name)
	}
	return st.StatusOpen
}

// boardText is the case message in the team room: status, number, summary,
// member, opening time, suggested guides. Member text is escaped.
func (w *Workflow) boardText(ctx context.Context, c *storage.Case) (plain, htmlBody string) {
	st := w.tx
	member := id.UserID(c.MemberID)
	who := w.Matrix.DisplayName(ctx, id.RoomID(c.MemberRoom), member)
	if who != member.String() {
		who += " (" + member.String() + ")"
	}
	status := w.statusLabel(ctx, c, true)
	opened := w.DayTime(c.CreatedAt)
	plain = fmt.Sprintf(st.Board, status, c.ID, w.summary(c), who, opened)
	htmlBody = "<b>" + html.EscapeString(status) + "</b> " + strings.ReplaceAll(
		fmt.Sprintf(st.Board, "", c.ID, html.EscapeString(w.summary(c)), html.EscapeString(who), html.EscapeString(opened))[1:], "\n", "<br>")
	lib := w.Guides.Current()
	var titles []string
	for _, g := range c.Guides {
		if guide, ok := lib.Get(g); ok {
			titles = append(titles, guide.Title)
		}
	}
	if len(titles) > 0 {
		line := chat.Format(st.BoardGuides, strings.Join(titles, ", "))
		plain += "\n" + line
		htmlBody += "<br>" + html.EscapeString(line)
	}
	// The team learns in which language to answer (case32).
	if lang := w.langOf(c.Lang); lang != st.Lang {
		name := st.LangNames[lang]
		line := chat.Format(st.BoardLang, name, name)
		plain += "\n" + line
		htmlBody += "<br>" + html.EscapeString(line)
	}
	return plain, htmlBody
}

// updateBoard edits the case message to the case's current state. The
// transaction ID names the case and its version, so each state is sent once.
func (w *Workflow) updateBoard(ctx context.Context, caseID int64) error {
	c, err := w.DB.Cases.Get(ctx, caseID)
	if err != nil || c == nil || c.TeamEvent == "" {
		return err
	}
	plain, htmlBody := w.boardText(ctx, c)
	content := &event.MessageEventContent{MsgType: event.MsgNotice, Body: plain, Format: event.FormatHTML, FormattedBody: htmlBody, Mentions: &event.Mentions{}}
	return w.editShown(ctx, c.ID, w.cfg.TeamRoom, id.EventID(c.TeamEvent), content, w.KeyTxn("lotse-case/"+strconv.FormatInt(c.ID, 10), "board", c.Version))
}

// ForgetMessage follows a member's deleted message redacts (evt is the
// redaction, in their DM): its text stored with a case is erased, a
// pending offer to open a case (which carries the member's recent
// questions) is withdrawn, so that a later "ja" cannot send the deleted
// text, and the copies relayed to the team are redacted. Lotse's edits of
// the relays (the member edited the message before, EditRelay) hold the
// edited text and are redacted as well. The database steps come first, so
// that a redaction that keeps failing cannot keep the text stored; the
// redactions are found by transaction IDs and the case_edit rows, which
// the erase leaves, so a retry after a crash in between still makes them.
// Each step is idempotent (transaction IDs of the redaction event).
func (w *Workflow) ForgetMessage(ctx context.Context, evt *event.Event, redacts id.EventID, reason string) error {
	if _, err := w.DB.Cases.EraseMessage(ctx, redacts.String(), evt.Sender.String()); err != nil {
		return err
	}
	if err := w.DB.Cases.DeleteDraft(ctx, evt.RoomID.String(), evt.Sender.String()); err != nil {
		return err
	}
	if !w.On() {
		return nil
	}
	for _, purpose := range []string{"relay", "relay-media"} {
		if err := w.redactSent(ctx, w.TxnID(redacts, purpose, 0), reason, w.TxnID(evt.ID, "redact-"+purpose, 0)); err != nil {
			return err
		}
	}
	return w.forgetEdits(ctx, evt, redacts, reason)
}

// ForgetTeamMessage follows a team member's deletion of their own message
// in the team room (evt is the redaction; the caller checked that it comes
// from the deleted event's sender, in its room, where the inbox still knows
// it — known): its text stored with a case (an answer, a solution, a note)
// is erased, and an answer is also taken back from the member: the
// messages Lotse sent them for it (the answer, a guide, the resolution with
// its solution) are redacted in the member's direct chat, and a
// solution's copy in the case's resolve event is erased. A team member who
// sent an answer to the wrong case (another member's details in it) or
// with a mistake can so take it back by deleting it, as a member can take
// back a message. Only the author's own message counts (EraseMessage checks
// the sender); a team role is not needed, as deleting only removes. Each
// step is idempotent (transaction IDs of the redaction event). The
// member's copies carry the reason AnswerTakenBack: the reason of a
// member's own deletion („Die Nachricht, auf die sich das bezog, wurde
// gelöscht“) would tell the member that their message was deleted.
func (w *Workflow) ForgetTeamMessage(ctx context.Context, evt *event.Event, redacts id.EventID, known bool) error {
	m, err := w.DB.Cases.Message(ctx, redacts.String())
	if err != nil || m == nil || m.Sender != evt.Sender.String() {
		return err
	}
	if m.Kind == storage.MsgAnswer && m.Body != "" {
		// A solution (!erledigt) is kept in the case's resolve event as
		// well; first, so that a retry still has the text to find it by.
		if _, err := w.DB.Cases.EraseSolution(ctx, m.CaseID, m.Sender, m.Body); err != nil {
			return err
		}
	}
	if _, err := w.DB.Cases.EraseMessage(ctx, redacts.String(), evt.Sender.String()); err != nil {
		return err
	}
	if m.Kind != storage.MsgAnswer || !known || !w.On() {
		return nil
	}
	// The redactions' reason is read in the member's chat: in the case's
	// language.
	c, err := w.DB.Cases.Get(ctx, m.CaseID)
	if err != nil {
		return err
	}
	taken := w.memberTx(c).AnswerTakenBack
	withdrawn := false
	for _, purpose := range []string{"to-member", "to-member-file", "resolved-member"} {
		sent, err := w.DB.Inbox.SentEvent(ctx, w.TxnID(redacts, purpose, 0))
		if err != nil {
			return err
		}
		if sent == nil {
			continue
		}
		if err := w.redactSent(ctx, w.TxnID(redacts, purpose, 0), taken, w.TxnID(evt.ID, "redact-"+purpose, 0)); err != nil {
			return err
		}
		withdrawn = true
	}
	// Lotse's edits of the member's copy (EditAnswer, of an answer or of
	// a solution) hold the edited text: they go with it.
	edits, err := w.DB.Cases.Edits(ctx, redacts.String())
	if err != nil {
		return err
	}
	for _, edit := range edits {
		for _, purpose := range []string{"answer-edit", "solution-edit"} {
			if err := w.redactSent(ctx, w.TxnID(id.EventID(edit), purpose, 0), taken, w.TxnID(evt.ID, "redact-"+purpose+"-"+edit, 0)); err != nil {
				return err
			}
		}
	}
	if c == nil || !withdrawn {
		return nil
	}
	_, err = w.toThread(ctx, c, chat.Format(w.tx.AnswerWithdrawn, c.ID), "", w.TxnID(evt.ID, "answer-withdrawn", 0))
	return err
}

// lastChangeBy reports whether the newest change of case id is of kind and
// by user: then a conditional update that changed nothing was our own
// earlier run of the same event (a retry), and its messages are repeated
// with the same transaction IDs (the sender deduplicates them).
func lastChangeBy(ctx context.Context, cases *storage.CaseQuery, caseID int64, kind string, user id.UserID) bool {
	events, err := cases.Events(ctx, caseID)
	if err != nil || len(events) == 0 {
		return false
	}
	last := events[len(events)-1]
	return last.Kind == kind && last.Actor == user.String()
}

// forgetEdits redacts Lotse's edit events of the relays of the member's
// message redacts, one for each edit of it that was applied.
func (w *Workflow) forgetEdits(ctx context.Context, evt *event.Event, redacts id.EventID, reason string) error {
	edits, err := w.DB.Cases.Edits(ctx, redacts.String())
	if err != nil {
		return err
	}
	for _, edit := range edits {
		for _, purpose := range []string{"relay-edit", "relay-media-edit"} {
			if err := w.redactSent(ctx, w.TxnID(id.EventID(edit), purpose, 0), reason, w.TxnID(evt.ID, "redact-"+purpose+"-"+edit, 0)); err != nil {
				return err
			}
		}
	}
	return nil
}

// redactSent is chat.Env.RedactSent with the team room as home: a relay
// in an earlier team room (team_room changed) that refuses is skipped.
func (w *Workflow) redactSent(ctx context.Context, sentTxn, reason, txn string) error {
	return w.RedactSent(ctx, w.cfg.TeamRoom, sentTxn, reason, txn)
}
