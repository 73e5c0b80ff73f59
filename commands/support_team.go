package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"

	"github.com/lotse-bot/lotse/commands/chat"
)

// Support cases, team side: the team room is a board of case messages;
// each case's thread holds the conversation. Messages in a case thread are
// internal notes unless they are !antwort (or start with the reply prefix).

// handleTeamMessage handles a message in the team room.
func (h *Handler) handleTeamMessage(ctx context.Context, t *chat.Turn, evt *event.Event, content *event.MessageEventContent) error {
	if !h.isTeam(ctx, evt.Sender) {
		return nil
	}
	c := *content
	c.RemoveReplyFallback()
	text := strings.TrimSpace(c.Body)
	if strings.HasPrefix(text, "!") {
		cmdEvt := *evt
		cmdContent := *content
		cmdContent.Body, cmdContent.Format, cmdContent.FormattedBody = text, "", ""
		cmdEvt.Content = event.Content{Parsed: &cmdContent}
		h.proc.Process(ctx, &cmdEvt)
		return t.Err
	}
	cs, err := h.threadCase(ctx, evt)
	if err != nil || cs == nil {
		return err
	}
	if p := h.Support.ReplyPrefix; p != "" && strings.HasPrefix(text, p) {
		return h.answerMember(ctx, cs, evt.Sender, strings.TrimSpace(strings.TrimPrefix(text, p)))
	}
	// An internal note: stored with the case, never relayed.
	body := text
	if content.URL != "" || content.File != nil {
		body = "[" + string(content.MsgType) + "] " + content.Body
	}
	_, _, err = h.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: evt.ID.String(), CaseID: cs.ID, Kind: storage.MsgNote,
		Sender: evt.Sender.String(), Body: body, CreatedAt: h.Now()})
	return err
}

// threadCase returns the case whose thread evt is in, or nil.
func (h *Handler) threadCase(ctx context.Context, evt *event.Event) (*storage.Case, error) {
	mc, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil {
		return nil, nil
	}
	root := mc.RelatesTo.GetThreadParent()
	if root == "" {
		return nil, nil
	}
	return h.DB.Cases.ByTeamEvent(ctx, root.String())
}

// caseArg reads the case number from the first argument, or takes the case
// whose thread the command was written in. It answers itself when there is
// no case (and returns nil). rest are the remaining arguments.
func (h *Handler) caseArg(ce *CommandEvent, cmd string) (*storage.Case, []string, error) {
	st := h.Texts.Support
	args := ce.Args
	if len(args) > 0 {
		if n, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64); err == nil {
			c, err := h.DB.Cases.Get(ce.Ctx, n)
			if err != nil {
				return nil, nil, err
			}
			if c == nil {
				return nil, nil, h.replyMarkdown(ce.Ctx, formatText(st.NoSuchCase, escape(args[0])))
			}
			return c, args[1:], nil
		}
	}
	c, err := h.threadCase(ce.Ctx, ce.Event)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		usage := h.Texts.Commands[cmd].Usage
		return nil, nil, h.replyMarkdown(ce.Ctx, formatText(st.CaseUsage, usage))
	}
	return c, args, nil
}

// name is how a team member is shown.
func (h *Handler) name(ctx context.Context, user string) string {
	if user == "" {
		return ""
	}
	return h.Matrix.DisplayName(ctx, h.Support.TeamRoom, id.UserID(user))
}

// teamNote tells the team in the case thread (a notice in reply to the
// command is enough when the command was written in the thread).
func (h *Handler) teamNote(ctx context.Context, c *storage.Case, md string) error {
	plain, htmlBody := renderMarkdown(md)
	_, err := h.sendTo(ctx, h.Support.TeamRoom, plain, htmlBody, threadRel(c.TeamEvent), nil, h.causeTxn(ctx, "team-note", chat.TurnOf(ctx).Next()))
	return err
}

// claim gives c to user, or tells who has it.
func (h *Handler) claim(ctx context.Context, c *storage.Case, user id.UserID) error {
	st := h.Texts.Support
	if c.Status != storage.CaseOpen {
		return h.teamNote(ctx, c, formatText(st.NotOpen, c.ID))
	}
	ok, after, err := h.DB.Cases.Claim(ctx, c.ID, user.String(), h.Now())
	if err != nil {
		return err
	}
	if ok {
		h.Observer.Case("claimed")
	}
	if !ok && after.Assignee != user.String() {
		return h.teamNote(ctx, c, formatText(st.ClaimedBy, c.ID, escape(h.name(ctx, after.Assignee))))
	}
	if err := h.teamNote(ctx, after, formatText(st.Claimed, escape(h.name(ctx, user.String())), c.ID)); err != nil {
		return err
	}
	return h.updateBoard(ctx, c.ID)
}

func cmdClaim(ce *CommandEvent) error {
	h := ce.Meta
	c, _, err := h.caseArg(ce, "übernehmen")
	if err != nil || c == nil {
		return err
	}
	return h.claim(ce.Ctx, c, ce.Sender)
}

func cmdUnclaim(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, _, err := h.caseArg(ce, "abgeben")
	if err != nil || c == nil {
		return err
	}
	ok, after, err := h.DB.Cases.Unclaim(ce.Ctx, c.ID, ce.Sender.String(), h.Now())
	if err != nil {
		return err
	}
	if !ok && !h.lastChangeBy(ce.Ctx, c.ID, "unclaim", ce.Sender) {
		if after.Assignee == "" {
			return h.replyMarkdown(ce.Ctx, formatText(st.Unclaimed, c.ID))
		}
		return h.replyMarkdown(ce.Ctx, formatText(st.NotAssignee, c.ID, escape(h.name(ce.Ctx, after.Assignee))))
	}
	if err := h.teamNote(ce.Ctx, after, formatText(st.Unclaimed, c.ID)); err != nil {
		return err
	}
	return h.updateBoard(ce.Ctx, c.ID)
}

func cmdAssign(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, rest, err := h.caseArg(ce, "zuweisen")
	if err != nil || c == nil {
		return err
	}
	if len(rest) == 0 {
		return h.replyMarkdown(ce.Ctx, st.AssignUsage)
	}
	target := id.UserID(strings.TrimSpace(rest[0]))
	if mc := ce.Content.AsMessage(); mc != nil && mc.Mentions != nil && len(mc.Mentions.UserIDs) > 0 {
		target = mc.Mentions.UserIDs[0]
	}
	if !strings.HasPrefix(target.String(), "@") || !h.isTeam(ce.Ctx, target) {
		return h.replyMarkdown(ce.Ctx, formatText(st.AssignNotTeam, escape(target.String())))
	}
	if c.Status != storage.CaseOpen {
		return h.replyMarkdown(ce.Ctx, formatText(st.NotOpen, c.ID))
	}
	_, after, err := h.DB.Cases.Assign(ce.Ctx, c.ID, ce.Sender.String(), target.String(), h.Now())
	if err != nil {
		return err
	}
	if err := h.teamNote(ce.Ctx, after, formatText(st.Assigned, c.ID, escape(h.name(ce.Ctx, target.String())))); err != nil {
		return err
	}
	return h.updateBoard(ce.Ctx, c.ID)
}

func cmdResolve(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, rest, err := h.caseArg(ce, "erledigt")
	if err != nil || c == nil {
		return err
	}
	var solution string
	if len(ce.Args) > len(rest) {
		// Keep the solution's own line breaks: cut the number off RawArgs.
		solution = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ce.RawArgs), ce.Args[0]))
	} else {
		solution = strings.TrimSpace(ce.RawArgs)
	}
	ok, after, err := h.DB.Cases.Resolve(ce.Ctx, c.ID, ce.Sender.String(), solution, h.Now())
	if err != nil {
		return err
	}
	if ok {
		h.Observer.Case("resolved")
	}
	if !ok && !h.lastChangeBy(ce.Ctx, c.ID, "resolve", ce.Sender) {
		return h.replyMarkdown(ce.Ctx, formatText(st.NotOpen, c.ID))
	}
	// Tell the member and ask for a rating.
	var b messageBuilder
	b.markdown(formatText(st.ResolvedMember, c.ID))
	if solution != "" {
		b.raw(st.Solution+"\n"+solution, "<p>"+textHTMLPrefix(st.Solution)+"<br>"+textHTML(solution)+"</p>")
	}
	b.markdown(st.RateAsk)
	plain, htmlBody := b.result()
	prompt, err := h.sendTo(ce.Ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, nil, h.causeTxn(ce.Ctx, "resolved-member", 0))
	if err != nil {
		return err
	}
	if err := h.DB.Cases.SetRatingPrompt(ce.Ctx, c.ID, prompt.String()); err != nil {
		return err
	}
	if solution != "" {
		if err := h.addAnswer(ce.Ctx, c, ce.ID, ce.Sender, solution); err != nil {
			return err
		}
	}
	if err := h.teamNote(ce.Ctx, after, formatText(st.ResolvedTeam, c.ID, escape(h.name(ce.Ctx, ce.Sender.String())))); err != nil {
		return err
	}
	return h.updateBoard(ce.Ctx, c.ID)
}

func textHTMLPrefix(s string) string { return "<b>" + textHTML(s) + "</b>" }

func cmdReopen(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, _, err := h.caseArg(ce, "wiedereröffnen")
	if err != nil || c == nil {
		return err
	}
	ok, after, err := h.DB.Cases.Reopen(ce.Ctx, c.ID, ce.Sender.String(), h.Now())
	if err != nil {
		return err
	}
	if !ok && !h.lastChangeBy(ce.Ctx, c.ID, "reopen", ce.Sender) {
		return h.replyMarkdown(ce.Ctx, formatText(st.NotResolved, c.ID))
	}
	if err := h.teamNote(ce.Ctx, after, formatText(st.ReopenedTeam, c.ID, escape(h.name(ce.Ctx, ce.Sender.String())))); err != nil {
		return err
	}
	return h.updateBoard(ce.Ctx, c.ID)
}

// cmdOpen lists open cases, unclaimed first, with their age.
func cmdOpen(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	board, err := h.DB.Cases.ListOpen(ce.Ctx, 30)
	if err != nil {
		return err
	}
	if board.Open == 0 {
		return h.replyMarkdown(ce.Ctx, st.OpenEmpty)
	}
	var b strings.Builder
	b.WriteString(formatText(st.OpenIntro, board.Open, board.Open-board.ClaimedCount) + "\n\n")
	now := h.Now()
	for _, c := range append(board.Unclaimed, board.Claimed...) {
		fmt.Fprintf(&b, "- **#%d** %s %s – %s\n", c.ID, escape(h.statusLabel(ce.Ctx, c, true)), escape(c.Summary), h.age(now.Sub(c.CreatedAt)))
	}
	if shown := len(board.Unclaimed) + len(board.Claimed); shown < board.Open {
		b.WriteString("\n" + formatText(st.OpenMore, board.Open-shown))
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

// cmdCase shows the history of a case.
func cmdCase(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, _, err := h.caseArg(ce, "fall")
	if err != nil || c == nil {
		return err
	}
	msgs, err := h.DB.Cases.Messages(ce.Ctx, c.ID)
	if err != nil {
		return err
	}
	events, err := h.DB.Cases.Events(ce.Ctx, c.ID)
	if err != nil {
		return err
	}
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	for _, m := range msgs {
		icon := map[string]string{storage.MsgQuestion: "❓", storage.MsgMember: "💬", storage.MsgAnswer: "✉️", storage.MsgNote: "🔒", storage.MsgSystem: "ℹ️"}[m.Kind]
		text := escapeLong(m.Body, 300)
		if m.Body == "" {
			text = "_" + st.MessageDeleted + "_"
		}
		lines = append(lines, line{m.CreatedAt, fmt.Sprintf("%s %s: %s", icon, escape(h.Matrix.DisplayName(ce.Ctx, h.Support.TeamRoom, id.UserID(m.Sender))), text)})
	}
	for _, e := range events {
		detail := e.Detail
		if e.Kind == "assign" {
			detail = h.name(ce.Ctx, detail)
		}
		lines = append(lines, line{e.CreatedAt, fmt.Sprintf("▸ %s – %s %s", e.Kind, escape(h.name(ce.Ctx, e.Actor)), escape(detail))})
	}
	// Stable by time (messages and events interleaved).
	for i := 1; i < len(lines); i++ {
		for j := i; j > 0 && lines[j].at.Before(lines[j-1].at); j-- {
			lines[j], lines[j-1] = lines[j-1], lines[j]
		}
	}
	var b strings.Builder
	b.WriteString(formatText(st.HistoryIntro, c.ID) + " " + escape(h.statusLabel(ce.Ctx, c, true)) + "\n\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "- %s %s\n", l.at.In(h.location()).Format("02.01. 15:04"), l.text)
	}
	return h.replyMarkdown(ce.Ctx, b.String())
}

func escapeLong(s string, n int) string { return chat.EscapeLong(s, n) }

// cmdReply sends an answer (or a guide) to the member.
func cmdReply(ce *CommandEvent) error {
	h := ce.Meta
	st := h.Texts.Support
	c, rest, err := h.caseArg(ce, "antwort")
	if err != nil || c == nil {
		return err
	}
	if len(rest) >= 2 && (strings.EqualFold(rest[0], "anleitung") || strings.EqualFold(rest[0], "guide")) {
		return h.sendGuideToMember(ce, c, strings.Join(rest[1:], " "))
	}
	text := strings.TrimSpace(ce.RawArgs)
	if len(rest) < len(ce.Args) {
		text = strings.TrimSpace(strings.TrimPrefix(text, ce.Args[0]))
	}
	if text == "" {
		return h.replyMarkdown(ce.Ctx, st.ReplyUsage)
	}
	return h.answerMember(ce.Ctx, c, ce.Sender, text)
}

// addAnswer stores an answer the team sent (or is sending) to the member of
// c, from the team room event source, and records the time to the case's
// first response.
func (h *Handler) addAnswer(ctx context.Context, c *storage.Case, source id.EventID, from id.UserID, body string) error {
	now := h.Now()
	_, first, err := h.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: source.String(), CaseID: c.ID, Kind: storage.MsgAnswer,
		Sender: from.String(), Body: body, CreatedAt: now})
	if err != nil {
		return err
	}
	if first {
		h.Observer.FirstResponse(now.Sub(c.CreatedAt))
	}
	return nil
}

// answerMember relays a team answer to the member's DM, clearly from the
// team, and confirms in the thread. Answering an unclaimed case claims it.
func (h *Handler) answerMember(ctx context.Context, c *storage.Case, from id.UserID, text string) error {
	st := h.Texts.Support
	evt := turnOf(ctx).msg.Event
	who := st.TeamName
	if !h.Support.Anonymous {
		who = h.name(ctx, from.String())
	}
	if err := h.addAnswer(ctx, c, evt.ID, from, text); err != nil {
		return err
	}
	headPlain, headHTML := renderMarkdown(formatText(st.TeamAnswer, escape(who)))
	footPlain, footHTML := renderMarkdown(formatText(st.AnswerFooter, c.ID))
	plain := headPlain + "\n\n" + text + "\n\n" + footPlain
	htmlBody := "<p>" + headHTML + "</p><p>" + textHTML(text) + "</p><p>" + footHTML + "</p>"
	if _, err := h.sendTo(ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, nil, h.causeTxn(ctx, "to-member", 0)); err != nil {
		return err
	}
	if c.Status == storage.CaseOpen && c.Assignee == "" {
		if ok, _, err := h.DB.Cases.Claim(ctx, c.ID, from.String(), h.Now()); err != nil {
			return err
		} else if ok {
			h.Observer.Case("claimed")
			defer func() { _ = h.updateBoard(ctx, c.ID) }()
		}
	}
	return h.teamNote(ctx, c, formatText(st.AnswerSent, escape(h.name(ctx, from.String()))))
}

// sendGuideToMember sends a guide from the library to the member (a canned reply).
func (h *Handler) sendGuideToMember(ce *CommandEvent, c *storage.Case, guideID string) error {
	st := h.Texts.Support
	lib := h.Guides.Current()
	g, ok := lib.Get(guideID)
	if !ok {
		for _, cand := range lib.Guides() {
			if strings.EqualFold(cand.ID, guideID) || strings.EqualFold(strings.TrimSuffix(cand.ID, ".md"), guideID) || strings.EqualFold(cand.Title, guideID) {
				g, ok = cand, true
				break
			}
		}
	}
	if !ok {
		return h.replyMarkdown(ce.Ctx, formatText(st.UnknownGuide, escape(guideID)))
	}
	var msg messageBuilder
	msg.markdown(st.GuideFromTeam)
	msg.markdown(formatText(h.Texts.AnswerHeader, escape(g.Title)))
	rendered := guides.RenderGuide(g, guides.RenderOptions{MaxBytes: maxGuideBytes, Section: -1, Resolver: h.resolver()})
	msg.raw(rendered.Plain, rendered.HTML)
	msg.markdown(formatText(st.AnswerFooter, c.ID))
	plain, htmlBody := msg.result()
	if _, err := h.sendTo(ce.Ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, nil, h.causeTxn(ce.Ctx, "to-member", 0)); err != nil {
		return err
	}
	if err := h.addAnswer(ce.Ctx, c, ce.ID, ce.Sender, "[guide] "+g.ID); err != nil {
		return err
	}
	return h.teamNote(ce.Ctx, c, formatText(st.GuideSent, escape(g.Title)))
}
