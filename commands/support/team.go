package support

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Support cases, team side: the team room is a board of case messages;
// each case's thread holds the conversation. Messages in a case thread are
// internal notes unless they are !antwort (or start with the reply prefix).

// ThreadMessage handles a team member's message in the team room that is
// not a command (the router checked the team role and ran commands): in a
// case thread it is an internal note, or an answer to the member when it
// starts with the reply prefix.
//
// Like a command, it belongs to the case whose thread it is in, or, outside
// threads, whose case message it replies to (commandCase: a phone's
// „Antworten“ on the case message). Before sup34 such a reply with the
// reply prefix went nowhere, and nobody was told: the volunteer took it
// for sent. The prefix alone (a text without an answer after it) sends
// nothing and says so; before, the member got an empty answer.
func (w *Workflow) ThreadMessage(ctx context.Context, evt *event.Event, content *event.MessageEventContent, text string) error {
	cs, err := w.commandCase(ctx, evt)
	if err != nil || cs == nil {
		return err
	}
	isFile := content.URL != "" || content.File != nil
	if p := w.cfg.ReplyPrefix; p != "" && strings.HasPrefix(text, p) {
		answer := strings.TrimSpace(strings.TrimPrefix(text, p))
		if answer == "" && !isFile {
			return w.ReplyMarkdown(ctx, chat.Format(w.tx.PrefixEmpty, chat.Escape(p)))
		}
		return w.answerMember(ctx, cs, evt.Sender, answer)
	}
	// An internal note: stored with the case, never relayed.
	body := text
	if isFile {
		body = "[" + string(content.MsgType) + "] " + content.Body
	}
	_, _, err = w.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: evt.ID.String(), CaseID: cs.ID, Kind: storage.MsgNote,
		Sender: evt.Sender.String(), Body: body, CreatedAt: w.Now()})
	return err
}

// threadCase returns the case whose thread evt is in, or nil.
func (w *Workflow) threadCase(ctx context.Context, evt *event.Event) (*storage.Case, error) {
	mc, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil {
		return nil, nil
	}
	root := mc.RelatesTo.GetThreadParent()
	if root == "" {
		return nil, nil
	}
	return w.DB.Cases.ByTeamEvent(ctx, root.String())
}

// caseArg reads the case number from the first argument, or takes the case
// whose thread the command was written in (or whose case message it
// replies to, outside the thread: a phone's „Antworten“ on the case
// message). It answers itself when there is no case (and returns nil).
// rest are the remaining arguments.
//
// In a case's thread a leading number must name that case: „!antwort 2
// Minuten warten, dann neu starten“ or „!erledigt 3 Neustarts haben
// geholfen“ written in the thread of case #7 went, before team26, to the
// member of case #2 or resolved case #3 with that text as its solution —
// another member's case, read from the words of an answer. Now nothing is
// done and the team member is told how to write it.
func (w *Workflow) caseArg(ce *chat.Call, cmd string) (*storage.Case, []string, error) {
	st := w.tx
	args := ce.Args
	here, err := w.commandCase(ce.Ctx, ce.Event)
	if err != nil {
		return nil, nil, err
	}
	if len(args) > 0 {
		if n, ok := chat.Ref(args[0]); ok {
			if here != nil && n != here.ID {
				return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(st.ThreadOtherCase, here.ID, chat.Escape(args[0]), "!"+ce.Command))
			}
			c, err := w.DB.Cases.Get(ce.Ctx, n)
			if err != nil {
				return nil, nil, err
			}
			if c == nil {
				return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(st.NoSuchCase, chat.Escape(args[0])))
			}
			return c, args[1:], nil
		}
	}
	if here == nil {
		usage := w.tx.Commands[cmd].Usage
		return nil, nil, w.ReplyMarkdown(ce.Ctx, chat.Format(st.CaseUsage, usage))
	}
	return here, args, nil
}

// commandCase is the case a command in the team room is written in: the
// case whose thread evt is in, or, outside threads, the case whose case
// message evt replies to; nil for neither.
func (w *Workflow) commandCase(ctx context.Context, evt *event.Event) (*storage.Case, error) {
	c, err := w.threadCase(ctx, evt)
	if err != nil || c != nil {
		return c, err
	}
	mc, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil || mc.RelatesTo.GetThreadParent() != "" {
		return nil, nil
	}
	target := mc.RelatesTo.GetReplyTo()
	if target == "" {
		return nil, nil
	}
	return w.DB.Cases.ByTeamEvent(ctx, target.String())
}

// name is how a team member is shown.
func (w *Workflow) name(ctx context.Context, user string) string {
	if user == "" {
		return ""
	}
	return w.Matrix.DisplayName(ctx, w.cfg.TeamRoom, id.UserID(user))
}

// teamNote tells the team in the case thread (a notice in reply to the
// command is enough when the command was written in the thread).
func (w *Workflow) teamNote(ctx context.Context, c *storage.Case, md string) error {
	plain, htmlBody := chat.Render(md)
	_, err := w.SendTo(ctx, w.cfg.TeamRoom, plain, htmlBody, chat.ThreadRel(c.TeamEvent), nil, w.CauseTxn(ctx, "team-note", chat.TurnOf(ctx).Next()))
	return err
}

// claim gives c to user, or tells who has it.
func (w *Workflow) claim(ctx context.Context, c *storage.Case, user id.UserID) error {
	st := w.tx
	if c.Status != storage.CaseOpen {
		return w.teamNote(ctx, c, chat.Format(st.NotOpen, c.ID))
	}
	// The write checks the team role itself (ClaimByTeam): the router's
	// check came before, and a role revoked in between — its holder's
	// cases given back before this write (ReturnCases) — left the case
	// with someone no longer in the team until the stale-claim return
	// (sup29).
	ok, after, err := w.DB.Cases.ClaimByTeam(ctx, c.ID, user.String(), w.Now())
	if err != nil {
		return err
	}
	if ok && !w.IsTeam(ctx, user) {
		// Revoked after the write's check but before ReturnCases could
		// see the claim (PostgreSQL reads what was committed when each
		// statement began): given back here, as ReturnCases would.
		if _, after, err = w.DB.Cases.Unclaim(ctx, c.ID, user.String(), w.Now()); err != nil {
			return err
		}
		ok = false
	}
	if ok {
		w.Observer.Case("claimed")
	}
	if !ok && after.Assignee == "" {
		if after.Status != storage.CaseOpen {
			return w.teamNote(ctx, after, chat.Format(st.NotOpen, c.ID))
		}
		// Refused or given back: the volunteer no longer holds the team
		// role. No name: the thread says the case is free.
		if err := w.teamNote(ctx, after, chat.Format(st.ClaimNoRole, c.ID)); err != nil {
			return err
		}
		return w.updateBoard(ctx, c.ID)
	}
	if !ok && after.Assignee != user.String() {
		return w.teamNote(ctx, c, chat.Format(st.ClaimedBy, c.ID, chat.Escape(w.name(ctx, after.Assignee))))
	}
	if err := w.teamNote(ctx, after, chat.Format(st.Claimed, chat.Escape(w.name(ctx, user.String())), c.ID)); err != nil {
		return err
	}
	return w.updateBoard(ctx, c.ID)
}

func (w *Workflow) cmdClaim(ce *chat.Call) error {
	c, _, err := w.caseArg(ce, "übernehmen")
	if err != nil || c == nil {
		return err
	}
	return w.claim(ce.Ctx, c, ce.Sender)
}

func (w *Workflow) cmdUnclaim(ce *chat.Call) error {
	st := w.tx
	c, _, err := w.caseArg(ce, "abgeben")
	if err != nil || c == nil {
		return err
	}
	ok, after, err := w.DB.Cases.Unclaim(ce.Ctx, c.ID, ce.Sender.String(), w.Now())
	if err != nil {
		return err
	}
	if !ok && !lastChangeBy(ce.Ctx, w.DB.Cases, c.ID, "unclaim", ce.Sender) {
		if after.Assignee == "" {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(st.Unclaimed, c.ID))
		}
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NotAssignee, c.ID, chat.Escape(w.name(ce.Ctx, after.Assignee))))
	}
	if err := w.teamNote(ce.Ctx, after, chat.Format(st.Unclaimed, c.ID)); err != nil {
		return err
	}
	return w.updateBoard(ce.Ctx, c.ID)
}

func (w *Workflow) cmdAssign(ce *chat.Call) error {
	st := w.tx
	c, rest, err := w.caseArg(ce, "zuweisen")
	if err != nil || c == nil {
		return err
	}
	if len(rest) == 0 {
		return w.ReplyMarkdown(ce.Ctx, st.AssignUsage)
	}
	// The person named in the text or by a pill: never the sender of a
	// message replied to, never Lotse (chat.UserArg).
	target, _ := w.UserArg(ce)
	if target == "" {
		target = id.UserID(strings.TrimSpace(rest[0]))
	}
	if !strings.HasPrefix(target.String(), "@") || !w.IsTeam(ce.Ctx, target) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.AssignNotTeam, chat.Escape(target.String())))
	}
	if c.Status != storage.CaseOpen {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NotOpen, c.ID))
	}
	// The write checks the target's team role again (AssignToTeam, as a
	// claim does): revoked since the check above, it is refused.
	changed, after, err := w.DB.Cases.AssignToTeam(ce.Ctx, c.ID, ce.Sender.String(), target.String(), w.Now())
	if err != nil {
		return err
	}
	if !changed && after.Assignee != target.String() {
		if after.Status != storage.CaseOpen {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NotOpen, c.ID))
		}
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.AssignNotTeam, chat.Escape(target.String())))
	}
	if err := w.teamNote(ce.Ctx, after, chat.Format(st.Assigned, c.ID, chat.Escape(w.name(ce.Ctx, target.String())))); err != nil {
		return err
	}
	return w.updateBoard(ce.Ctx, c.ID)
}

func (w *Workflow) cmdResolve(ce *chat.Call) error {
	st := w.tx
	c, rest, err := w.caseArg(ce, "erledigt")
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
	// The resolution goes to the member: to their other direct chat when
	// they left the case's, not at all when they have none (sup30). A
	// retry of one whose message was begun goes on as before.
	if known, err := w.DB.Inbox.SendKnown(ce.Ctx, w.CauseTxn(ce.Ctx, "resolved-member", 0)); err != nil {
		return err
	} else if !known && c.Status == storage.CaseOpen {
		var reached bool
		if c, reached, err = w.reachMember(ce.Ctx, c, true); !reached || err != nil {
			return err
		}
	}
	ok, after, err := w.DB.Cases.Resolve(ce.Ctx, c.ID, ce.Sender.String(), solution, w.Now())
	if err != nil {
		return err
	}
	if ok {
		w.Observer.Case("resolved")
	}
	if !ok && !lastChangeBy(ce.Ctx, w.DB.Cases, c.ID, "resolve", ce.Sender) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NotOpen, c.ID))
	}
	// Tell the member and ask for a rating.
	plain, htmlBody, _ := w.resolvedBodies(c, solution)
	prompt, err := w.SendTo(ce.Ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, memberPing(c), w.CauseTxn(ce.Ctx, "resolved-member", 0))
	if err != nil {
		return err
	}
	if err := w.DB.Cases.SetRatingPrompt(ce.Ctx, c.ID, prompt.String()); err != nil {
		return err
	}
	if solution != "" {
		if err := w.addAnswer(ce.Ctx, c, ce.ID, ce.Sender, solution); err != nil {
			return err
		}
	}
	// `!erledigt …` as a file's caption (a screenshot of the setting that
	// solved it): the file goes to the member after the resolution, as
	// with `!antwort` (fileToMember). Before sup29 the member got the
	// caption alone, and the thread said nothing of the file.
	fileSent := ""
	if mc, ok := ce.Event.Content.Parsed.(*event.MessageEventContent); ok && (mc.URL != "" || mc.File != nil) {
		if fileSent, err = w.fileToMember(ce.Ctx, c, mc); err != nil {
			return err
		}
	}
	if err := w.teamNote(ce.Ctx, after, chat.Format(st.ResolvedTeam, c.ID, chat.Escape(w.name(ce.Ctx, ce.Sender.String())))); err != nil {
		return err
	}
	if fileSent != "" {
		if err := w.teamNote(ce.Ctx, after, chat.Format(fileSent, chat.Escape(w.name(ce.Ctx, ce.Sender.String())))); err != nil {
			return err
		}
	}
	if err := w.updateBoard(ce.Ctx, c.ID); err != nil {
		return err
	}
	if w.cfg.OnResolved != nil {
		return w.cfg.OnResolved(ce.Ctx, after)
	}
	return nil
}

// resolvedBodies are the plain and HTML bodies of the member's message
// that case caseID is resolved, with solution (if any) and the rating
// question. A solution too long for one event is cut as an answer is
// (answerBodies: whole runes, within MaxRelayBytes, with a note to the
// member); cut reports that it had to. They are in c's language.
func (w *Workflow) resolvedBodies(c *storage.Case, solution string) (plain, htmlBody string, cut bool) {
	st := w.memberTx(c)
	bodies := func(solution string) (string, string) {
		var b chat.Message
		b.Markdown(chat.Format(st.ResolvedMember, c.ID))
		if solution != "" {
			b.Raw(st.Solution+"\n"+solution, "<p>"+textHTMLPrefix(st.Solution)+"</p>"+chat.MessageHTML(solution))
		}
		b.Markdown(st.RateAsk)
		return b.Result()
	}
	solution, cut = fitBytes(solution, "…\n\n"+st.AnswerCut, MaxRelayBytes, func(t string) int {
		p, h := bodies(t)
		return jsonLen(p) + jsonLen(h)
	})
	plain, htmlBody = bodies(solution)
	return plain, htmlBody, cut
}

func textHTMLPrefix(s string) string { return "<b>" + chat.TextHTML(s) + "</b>" }

func (w *Workflow) cmdReopen(ce *chat.Call) error {
	st := w.tx
	c, _, err := w.caseArg(ce, "wiedereröffnen")
	if err != nil || c == nil {
		return err
	}
	ok, after, err := w.reopen(ce.Ctx, c, ce.Sender, true)
	if err != nil {
		return err
	}
	if !ok && !lastChangeBy(ce.Ctx, w.DB.Cases, c.ID, "reopen", ce.Sender) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NotResolved, c.ID))
	}
	if err := w.teamNote(ce.Ctx, after, chat.Format(st.ReopenedTeam, c.ID, chat.Escape(w.name(ce.Ctx, ce.Sender.String())))); err != nil {
		return err
	}
	if err := w.reopenedUnassigned(ce.Ctx, c, after); err != nil {
		return err
	}
	return w.updateBoard(ce.Ctx, c.ID)
}

// cmdOpen lists open cases, unclaimed first, oldest first, with their
// age: one page of OpenPage cases (`!offen 2` the next), each summary
// shortened to OpenSummary characters. Before team26 one message listed
// 30 cases with their whole summaries — on a phone many screens long —
// and the cases after them could not be listed at all.
func (w *Workflow) cmdOpen(ce *chat.Call) error {
	st := w.tx
	page := 1
	if len(ce.Args) > 0 {
		if n, err := strconv.Atoi(strings.TrimPrefix(ce.Args[0], "#")); err == nil && n > 1 {
			page = min(n, maxOpenPages)
		}
	}
	board, err := w.DB.Cases.ListOpen(ce.Ctx, page*OpenPage)
	if err != nil {
		return err
	}
	if board.Open == 0 {
		return w.ReplyMarkdown(ce.Ctx, st.OpenEmpty)
	}
	all := append(board.Unclaimed, board.Claimed...)
	from := min((page-1)*OpenPage, len(all))
	cases := all[from:]
	var b strings.Builder
	b.WriteString(chat.Format(st.OpenIntro, board.Open, board.Open-board.ClaimedCount) + "\n\n")
	now := w.Now()
	for _, c := range cases {
		fmt.Fprintf(&b, "- **#%d** %s %s – %s\n", c.ID, chat.Escape(w.statusLabel(ce.Ctx, c, true)), chat.Escape(chat.Shorten(w.summary(c), OpenSummary)), chat.Format(w.tx.AgeSince, age(w.tx, now.Sub(c.CreatedAt))))
	}
	if len(cases) == 0 {
		b.WriteString(chat.Format(st.OpenPageEmpty, page) + "\n")
	}
	if more := board.Open - from - len(cases); more > 0 && len(cases) > 0 {
		b.WriteString("\n" + chat.Format(chat.Plural(st.OpenNextPage, more), more, page+1))
	}
	var ids []int64
	for _, c := range cases {
		ids = append(ids, c.ID)
	}
	return w.replyShowing(ce.Ctx, b.String(), ids...)
}

// OpenPage is how many cases one page of !offen lists; OpenSummary how
// many characters of each case's summary it shows (the case message and
// !fall show it whole).
const (
	OpenPage    = 15
	OpenSummary = 60
)

// maxOpenPages bounds the page a team member can ask !offen for (the
// query reads the pages before it).
const maxOpenPages = 100

// replyShowing replies md, which shows the members of caseIDs (their
// words, their names), and records where (Cases.Shown), so that a
// member's erasure redacts the reply as well (FinishErasures).
func (w *Workflow) replyShowing(ctx context.Context, md string, caseIDs ...int64) error {
	plain, htmlBody := chat.Render(md)
	evt, err := w.Reply(ctx, plain, htmlBody)
	if err != nil {
		return err
	}
	return w.DB.Cases.Shown(ctx, evt.String(), caseIDs...)
}

// cmdCase shows the history of a case.
func (w *Workflow) cmdCase(ce *chat.Call) error {
	st := w.tx
	c, rest, err := w.caseArg(ce, "fall")
	if err != nil || c == nil {
		return err
	}
	msgs, err := w.DB.Cases.Messages(ce.Ctx, c.ID)
	if err != nil {
		return err
	}
	events, err := w.DB.Cases.Events(ce.Ctx, c.ID)
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
		text := chat.EscapeLong(m.Body, 300)
		if guideID, ok := strings.CutPrefix(m.Body, guideAnswerMarker); ok && m.Kind == storage.MsgAnswer {
			text = chat.Format(st.History.Guide, chat.Escape(w.guideTitle(guideID)))
		}
		if m.Body == "" {
			deleted := st.MessageDeleted
			if m.Kind == storage.MsgAnswer || m.Kind == storage.MsgNote {
				deleted = st.TeamMessageDeleted
			}
			text = "_" + deleted + "_"
		}
		lines = append(lines, line{m.CreatedAt, fmt.Sprintf("%s %s: %s", icon, chat.Escape(w.Matrix.DisplayName(ce.Ctx, w.cfg.TeamRoom, id.UserID(m.Sender))), text)})
	}
	for _, e := range events {
		lines = append(lines, line{e.CreatedAt, "▸ " + w.historyEvent(ce.Ctx, e)})
	}
	// Stable by time (messages and events interleaved).
	slices.SortStableFunc(lines, func(a, b line) int { return a.at.Compare(b.at) })
	var b strings.Builder
	b.WriteString(chat.Format(st.HistoryIntro, c.ID) + " " + chat.Escape(w.statusLabel(ce.Ctx, c, true)) + "\n\n")
	// One page of HistoryPage entries: a long case stays one message
	// under Matrix's event size limit (security review 20, finding 8).
	page, from, to := chat.Page(rest, len(lines), HistoryPage)
	for _, l := range lines[from:to] {
		fmt.Fprintf(&b, "- %s %s\n", w.ShortDayTime(l.at), l.text)
	}
	if more := len(lines) - to; more > 0 {
		b.WriteString("\n" + chat.Format(chat.Plural(st.HistoryMore, more), more, c.ID, page+1))
	}
	return w.replyShowing(ce.Ctx, b.String(), c.ID)
}

// guideTitle is the title of the library's guide id, or id itself when the
// library no longer has it.
func (w *Workflow) guideTitle(id string) string {
	if g, ok := w.Guides.Current().Get(id); ok {
		return g.Title
	}
	return id
}

// historyEvent names change e of a case for !fall in the team's words:
// who did what (to whom, with which solution or rating). Before lead27 it
// showed the stored kind („▸ claim – Alex“, „▸ rate – Max -1“).
func (w *Workflow) historyEvent(ctx context.Context, e storage.CaseEvent) string {
	h := w.tx.History
	who := chat.Escape(w.name(ctx, e.Actor))
	whom := func() string { return chat.Escape(w.name(ctx, e.Detail)) }
	switch e.Kind {
	case "open":
		return chat.Format(h.Opened, who)
	case "claim":
		return chat.Format(h.Claimed, who)
	case "unclaim":
		return chat.Format(h.Unclaimed, who)
	case "assign":
		return chat.Format(h.Assigned, who, whom())
	case "return":
		return chat.Format(h.Returned, who, whom())
	case "resolve":
		if e.Detail == "" {
			return chat.Format(h.Resolved, who)
		}
		return chat.Format(h.Solved, who, chat.EscapeLong(e.Detail, 300))
	case "reopen":
		if e.Detail == "" {
			return chat.Format(h.Reopened, who)
		}
		return chat.Format(h.ReopenedFrom, who, whom())
	case "close":
		return chat.Format(h.Closed, who)
	case "move":
		return chat.Format(h.Moved, who)
	case "rate":
		sym := w.tx.RatedNotHelped
		if e.Detail == "1" {
			sym = w.tx.RatedHelped
		}
		return chat.Format(h.Rated, who, sym)
	}
	return chat.Format(h.Changed, who)
}

// HistoryPage is how many entries one page of !fall shows (each message
// shortened to 300 characters).
const HistoryPage = 30

// cmdReply sends an answer (or a guide) to the member.
func (w *Workflow) cmdReply(ce *chat.Call) error {
	st := w.tx
	c, rest, err := w.caseArg(ce, "antwort")
	if err != nil || c == nil {
		return err
	}
	if len(rest) >= 2 && (strings.EqualFold(rest[0], "anleitung") || strings.EqualFold(rest[0], "guide")) {
		return w.sendGuideToMember(ce, c, strings.Join(rest[1:], " "))
	}
	text := strings.TrimSpace(ce.RawArgs)
	if len(rest) < len(ce.Args) {
		text = strings.TrimSpace(strings.TrimPrefix(text, ce.Args[0]))
	}
	if text == "" {
		return w.ReplyMarkdown(ce.Ctx, st.ReplyUsage)
	}
	return w.answerMember(ce.Ctx, c, ce.Sender, text)
}

// addAnswer stores an answer the team sent (or is sending) to the member of
// c, from the team room event source, and records the time to the case's
// first response.
func (w *Workflow) addAnswer(ctx context.Context, c *storage.Case, source id.EventID, from id.UserID, body string) error {
	now := w.Now()
	_, first, err := w.DB.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: source.String(), CaseID: c.ID, Kind: storage.MsgAnswer,
		Sender: from.String(), Body: body, CreatedAt: now})
	if err != nil {
		return err
	}
	if first {
		w.Observer.FirstResponse(now.Sub(c.CreatedAt))
	}
	return nil
}

// answerMember relays a team answer to the member's DM, clearly from the
// team, and confirms in the thread. Answering an unclaimed case claims it.
// A case that is not open gets no answer (answerable).
func (w *Workflow) answerMember(ctx context.Context, c *storage.Case, from id.UserID, text string) error {
	st := w.tx
	c, ok, err := w.answerable(ctx, c)
	if !ok || err != nil {
		return err
	}
	evt := chat.TurnOf(ctx).Event
	if err := w.addAnswer(ctx, c, evt.ID, from, text); err != nil {
		return err
	}
	plain, htmlBody, cut := w.answerBodies(ctx, c, from, text)
	if _, err := w.SendTo(ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, memberPing(c), w.CauseTxn(ctx, "to-member", 0)); err != nil {
		return err
	}
	sent := st.AnswerSent
	if mc, ok := evt.Content.Parsed.(*event.MessageEventContent); ok && (mc.URL != "" || mc.File != nil) {
		var err error
		if sent, err = w.fileToMember(ctx, c, mc); err != nil {
			return err
		}
	}
	if c.Status == storage.CaseOpen && c.Assignee == "" {
		// Only while they hold the team role (ClaimByTeam, sup29).
		if ok, _, err := w.DB.Cases.ClaimByTeam(ctx, c.ID, from.String(), w.Now()); err != nil {
			return err
		} else if ok {
			w.Observer.Case("claimed")
			defer func() { _ = w.updateBoard(ctx, c.ID) }()
		}
	}
	if err := w.teamNote(ctx, c, chat.Format(sent, chat.Escape(w.name(ctx, from.String())))); err != nil || !cut {
		return err
	}
	return w.teamNote(ctx, c, st.AnswerCutTeam)
}

// fileToMember sends the file of a team answer (content: an image or
// file whose caption is `!antwort …` or starts with the reply prefix) to
// the member of c, after the answer's text, and returns what the thread
// is told (%s = who): that the file went along, or why not. Before
// team26 the caption went to the member without the file, and the thread
// said „Antwort gesendet“. The file is fetched and uploaded again for the
// member's chat (a fresh key, as a member's file for the team); it goes
// under its file name, never with the caption (the command). A file over
// the size limit, or one with web content (a page, an SVG, a script —
// from a volunteer's account someone took over, or by mistake), is not
// sent. Deleting the answer takes the file back as well
// (ForgetTeamMessage).
func (w *Workflow) fileToMember(ctx context.Context, c *storage.Case, content *event.MessageEventContent) (string, error) {
	st := w.tx
	data, err := w.fetchMedia(ctx, content)
	if chat.IsTooLarge(err) {
		return st.AnswerFileTooLarge, nil
	}
	if err != nil {
		return "", err
	}
	declared := ""
	if content.Info != nil {
		declared = content.Info.MimeType
	}
	if isActiveContent(declared, data) {
		return st.AnswerFileActive, nil
	}
	name := content.FileName
	if name == "" {
		name = w.memberTx(c).AnswerFileName
	}
	out := &event.MessageEventContent{MsgType: content.MsgType, Body: name, Mentions: &event.Mentions{}}
	mime := declared
	if content.Info != nil {
		info := *content.Info
		info.ThumbnailURL, info.ThumbnailFile, info.ThumbnailInfo = "", nil, nil
		out.Info = &info
	}
	if mime == "" {
		mime = "application/octet-stream"
	}
	if _, err := w.AttachFile(ctx, id.RoomID(c.MemberRoom), out, data, mime); err != nil {
		return "", err
	}
	if _, err := w.Matrix.Send(ctx, id.RoomID(c.MemberRoom), event.EventMessage, out, w.CauseTxn(ctx, "to-member-file", 0)); err != nil {
		return "", err
	}
	return st.AnswerFileSent, nil
}

// answerable reports whether the team may answer the member of c, and
// otherwise tells the team member why not: only an open case. The answer
// ends „antworte einfach hier, deine Nachricht geht an das Team“, and only
// an open case relays the member's reply (a resolved one within the reopen
// window reopens on it, a closed one never): to a closed case the reply
// went to the question answering instead, lost to the team (sec23, Low).
//
// A retry of an answer that went out before a crash goes on as before (the
// sender does not repeat it), even if the case was closed since; so does
// one whose send was begun with its outcome unknown (the sender finds out
// whether the homeserver made it, and sends it at most once), rather than
// telling the team „ich habe nichts geschickt“ (mend23c).
//
// The answer goes to the case as reachMember returns it: moved to the
// member's other direct chat when they left the case's room, or not at all
// when they have none (sup30). A retry of an answer whose send was begun
// goes on as before, to the room the case is in now.
func (w *Workflow) answerable(ctx context.Context, c *storage.Case) (*storage.Case, bool, error) {
	known, err := w.DB.Inbox.SendKnown(ctx, w.CauseTxn(ctx, "to-member", 0))
	if err != nil || known {
		return c, err == nil, err
	}
	if c.Status != storage.CaseOpen {
		return c, false, w.ReplyMarkdown(ctx, chat.Format(w.tx.AnswerNotOpen, c.ID, c.ID))
	}
	return w.reachMember(ctx, c, false)
}

// sendGuideToMember sends a guide from the library to the member (a canned reply).
func (w *Workflow) sendGuideToMember(ce *chat.Call, c *storage.Case, guideID string) error {
	st := w.tx
	c, ok, err := w.answerable(ce.Ctx, c)
	if !ok || err != nil {
		return err
	}
	lib := w.Guides.Current()
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
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.UnknownGuide, chat.Escape(guideID)))
	}
	if !guides.VisibleTo(g, false) {
		// A team-only guide never goes to a member (issue #15, Low).
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.TeamOnlyGuide, chat.Escape(g.Title)))
	}
	// The member's copy in the case's language; the guide as written.
	mt := w.memberTx(c)
	var msg chat.Message
	msg.Markdown(mt.GuideFromTeam)
	msg.Raw(w.cfg.RenderGuide(g))
	msg.Markdown(chat.Format(mt.AnswerFooter, c.ID))
	plain, htmlBody := msg.Result()
	if _, err := w.SendTo(ce.Ctx, id.RoomID(c.MemberRoom), plain, htmlBody, nil, memberPing(c), w.CauseTxn(ce.Ctx, "to-member", 0)); err != nil {
		return err
	}
	if err := w.addAnswer(ce.Ctx, c, ce.ID, ce.Sender, guideAnswerMarker+g.ID); err != nil {
		return err
	}
	return w.teamNote(ce.Ctx, c, chat.Format(st.GuideSent, chat.Escape(g.Title)))
}
