// Package learn lets the team teach Lotse from support cases (issue #18,
// items 3 and 5): when a case is resolved, Lotse asks in its thread whether
// a guide fits the member's question; the team answers with a guide
// (!lehren, or a reply in the thread) and the question becomes an example
// question of that guide, in the search at once. A guard refuses what
// would make the search worse, what is no question to a guide, duplicates,
// and personal data. !gelernt lists, !vergessen forgets.
package learn

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
)

// Library is the guide store the learned questions go into
// (*guides.Store).
type Library interface {
	// Libraries are the library in use (with the learned questions) and
	// the same files' library without them, of one load.
	Libraries() (current, base *guides.Library)
	// SetLearnedBuilt makes the learned questions count in the library in
	// use. lib, when not nil, is the files' library with them as the guard
	// built it while cur was in use (both from Libraries); the store uses
	// lib instead of building it again while cur is still current.
	SetLearnedBuilt(learned guides.Learned, cur, lib *guides.Library)
}

// Config configures learning from cases. It is off while Library is nil
// or support cases are off (no TeamRoom).
type Config struct {
	// TeamRoom is the team's room, where the prompts go.
	TeamRoom id.RoomID
	// Team is the team role, in the team room (support's).
	Team *chat.Role
	// Library receives the learned questions.
	Library Library
	// EvalSet are the admin's own evaluation questions for the guard
	// (optional; the guides' example questions and the learned ones are
	// always part of it).
	EvalSet []search.Question
}

// Workflow is learning from cases.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
	// loadMu serialises reading the learned questions and handing them to
	// the library, so that an older read never replaces a newer one.
	loadMu sync.Mutex
	// known are the guard's outcomes on the library in use.
	known Known
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	return &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang)}
}

// On reports whether learning from cases is possible.
func (w *Workflow) On() bool {
	return w.cfg.Library != nil && w.cfg.TeamRoom != "" && w.cfg.Team != nil
}

// Commands are the team's commands (none when off).
func (w *Workflow) Commands() []chat.Command {
	if !w.On() {
		return nil
	}
	cmd := func(name string, aliases []string, run func(*chat.Call) error) chat.Command {
		return chat.NewCommand(w.tx.Commands[name], name, aliases, w.cfg.Team, w.tx.Section, run).In(German.Commands[name], English.Commands[name]).
			InSection(German.Section, English.Section)
	}
	return []chat.Command{
		cmd("lehren", []string{"teach"}, w.cmdTeach),
		cmd("gelernt", []string{"learned"}, w.cmdList),
		cmd("vergessen", []string{"forget"}, w.cmdForget),
	}
}

// vetted is the library the guard built for a question it accepted (lib:
// the files' library with the learned questions and the new one) and the
// library in use when it was built (cur), with the evaluation set's
// outcomes on lib; zero after forgetting.
type vetted struct {
	cur, lib *guides.Library
	// judged are the evaluation set's outcomes on lib.
	judged []Outcome
}

// load puts the learned questions from the database into the library;
// teaching and forgetting call it (at start `lotse run` reads them with
// [Questions] and gives them to the first load,
// [guides.WithLearnedQuestions]: one search index, not two). After
// teaching, v is what the guard built, which the library takes instead of
// building the same again, unless the learned questions or the files
// changed in between.
func (w *Workflow) load(ctx context.Context, v vetted) error {
	if w.cfg.Library == nil {
		return nil
	}
	w.loadMu.Lock()
	defer w.loadMu.Unlock()
	learned, err := Questions(ctx, w.DB)
	if err != nil {
		return err
	}
	w.cfg.Library.SetLearnedBuilt(learned, v.cur, v.lib)
	return nil
}

// Reload reads the learned questions from the database again and puts
// them into the library in use: after an erasure deleted the questions
// learned from a member's cases (privacy.Config.OnErased), or one by
// `lotse privacy erase` in another process (SIGHUP), they leave the search
// at once, not at the next start.
func (w *Workflow) Reload(ctx context.Context) error {
	return w.load(ctx, vetted{})
}

// Questions reads the learned questions per guide (in the order taught),
// for [guides.WithLearnedQuestions] at start and for the store after
// teaching or forgetting.
func Questions(ctx context.Context, db *storage.DB) (guides.Learned, error) {
	list, err := db.Learned().List(ctx)
	if err != nil {
		return nil, fmt.Errorf("failed to read the learned questions: %w", err)
	}
	out := guides.Learned{}
	for _, l := range list {
		out[l.GuideID] = append(out[l.GuideID], l.Question)
	}
	return out, nil
}

// promptKey marks a case whose thread got the "Passt eine Anleitung?" prompt
// (deleted by storage together with the case).
func promptKey(caseID int64) string { return storage.LearnPromptKey(caseID) }

// Resolved asks in the case's thread whether a guide fits its question
// (support.Config.OnResolved). It asks nothing when the question is not
// one to learn from (small talk, a request for a person, a command, too
// short or long) or something was learned from the case already.
func (w *Workflow) Resolved(ctx context.Context, c *storage.Case) error {
	if !w.On() || c.TeamEvent == "" {
		return nil
	}
	if done, err := w.DB.Learned().ForCase(ctx, c.ID); err != nil || len(done) > 0 {
		return err
	}
	// A member who wrote !nicht-merken asked that their questions are not
	// kept: their words are not offered for learning either.
	if out, err := w.DB.Gaps().OptedOut(ctx, c.MemberID); err != nil || out {
		return err
	}
	q, found, src, err := w.caseQuestion(ctx, c)
	if err != nil || q == "" || tooShort(q) {
		return err
	}
	lib := w.Guides.Current()
	if reason := w.outOfScope(q, lib); reason != "" {
		return nil
	}
	st := w.tx
	var b strings.Builder
	b.WriteString(chat.Format(st.Prompt, c.ID, chat.Escape(q)))
	if len(found) > 0 {
		b.WriteString("\n\n" + chat.Format(st.PromptScrubbed, strings.Join(w.kindNames(found), ", ")))
	}
	if tooLong(q) {
		b.WriteString("\n\n" + chat.Format(st.TooLong, chat.EscapeLong(q, 80)))
	}
	if closest := w.closest(lib, q); closest != "" {
		b.WriteString("\n\n" + chat.Format(st.PromptClosest, closest))
	}
	b.WriteString("\n\n" + chat.Format(st.PromptHow, c.ID, c.ID))
	evt, err := w.SendMarkdownTo(ctx, w.cfg.TeamRoom, b.String(), chat.ThreadRel(c.TeamEvent), w.CauseTxn(ctx, "learn-prompt", 0))
	if err != nil {
		return err
	}
	// The prompt quotes the member's question: a member's erasure
	// redacts it (support.Workflow.FinishErasures).
	if err := w.DB.Cases.Shown(ctx, evt.String(), c.ID); err != nil {
		return err
	}
	// And the member's deletion of the question's message (TakeBack).
	if err := w.DB.Copies().Add(ctx, evt.String(), storage.CopyPrompt, c.ID, src, w.Now()); err != nil {
		return err
	}
	if gone, err := w.recheck(ctx, src, nil, evt.String()); err != nil || gone {
		return err
	}
	if gone, err := w.unlessErased(ctx, c.ID, evt.String()); err != nil || gone {
		return err
	}
	return w.DB.KV.Set(ctx, promptKey(c.ID), evt.String())
}

// unlessErased follows a message in the team room (eventID) that quotes
// the question of case caseID, recorded as showing its member
// (Cases.Shown): if the case is gone now, the member's erasure deleted it
// after the question was read and queued the redactions of what it found
// recorded — not this message, which Cases.Shown skips for a case that is
// gone. Lotse redacts it itself then, and gone is true (lib31; the same
// as access's unlessErased for the approvals room).
func (w *Workflow) unlessErased(ctx context.Context, caseID int64, eventID string) (gone bool, err error) {
	if here, err := w.DB.Cases.Exists(ctx, caseID); err != nil || here {
		return false, err
	}
	return true, w.RedactCopy(ctx, w.cfg.TeamRoom, eventID, w.tx.CaseGoneReason, w.CauseTxn(ctx, "redact-erased-"+eventID, 0))
}

// caseQuestion is the member's first question of c, scrubbed of personal
// data, and the member's message it came from.
func (w *Workflow) caseQuestion(ctx context.Context, c *storage.Case) (string, []Kind, storage.QuestionSource, error) {
	msgs, err := w.DB.Cases.Messages(ctx, c.ID)
	if err != nil {
		return "", nil, storage.QuestionSource{}, err
	}
	for _, m := range msgs {
		if m.Kind != storage.MsgQuestion {
			continue
		}
		body := m.Body
		if len(c.Guides) > 0 {
			// The case's first message ends with the line naming the guides
			// Lotse had suggested.
			if i := strings.LastIndex(body, "\n"); i > 0 {
				body = body[:i]
			}
		}
		q, found := Scrub(body, w.tx, w.memberNames(ctx, c)...)
		src, err := w.DB.Cases.QuestionSource(ctx, c, m)
		return q, found, src, err
	}
	return "", nil, storage.QuestionSource{}, nil
}

// memberNames are the names of c's member that a learned question must not
// keep: their user ID and their display name in their room with Lotse.
func (w *Workflow) memberNames(ctx context.Context, c *storage.Case) []string {
	names := []string{c.MemberID}
	if c.MemberID != "" {
		names = append(names, w.Matrix.DisplayName(ctx, id.RoomID(c.MemberRoom), id.UserID(c.MemberID)))
	}
	return names
}

func (w *Workflow) kindNames(found []Kind) []string {
	var out []string
	for _, k := range found {
		out = append(out, map[Kind]string{KindEmail: w.tx.KindEmail, KindMatrixID: w.tx.KindMatrixID, KindIBAN: w.tx.KindIBAN, KindLink: w.tx.KindLink, KindPhone: w.tx.KindPhone,
			KindName: w.tx.KindName, KindSecret: w.tx.KindSecret}[k])
	}
	return out
}

// closest names the member-visible guides the search finds for q, with
// their numbers from !anleitungen.
func (w *Workflow) closest(lib *guides.Library, q string) string {
	hits, _ := lib.SearchFor(q, 3, false).Shown()
	var parts []string
	for _, h := range hits {
		if g, ok := lib.Get(h.ID); ok {
			parts = append(parts, "`"+guides.NumberOf(lib.Topics(), g.ID)+"` "+chat.Escape(g.Title))
		}
	}
	return strings.Join(parts, ", ")
}

// outOfScope returns why q is no question to learn, or "": what answer.Decide
// treats as small talk, a request for a person or a command.
func (w *Workflow) outOfScope(q string, lib *guides.Library) string {
	switch answer.Decide(q, lib, answer.Options{}).Outcome {
	case answer.SmallTalk:
		return w.tx.ReasonSmallTalk
	case answer.Human:
		return w.tx.ReasonHuman
	case answer.Command:
		return w.tx.ReasonCommand
	}
	return ""
}

// findGuide finds a guide by its number from !anleitungen, its ID (with or
// without ".md") or its exact title (case-insensitive).
func findGuide(lib *guides.Library, s string) (*guides.Guide, bool) {
	s = strings.TrimSpace(s)
	if guides.IsNumber(s) {
		return guides.ByNumber(lib.Topics(), s)
	}
	if g, ok := lib.Get(s); ok {
		return g, true
	}
	for _, g := range lib.Guides() {
		if strings.EqualFold(g.ID, s) || strings.EqualFold(strings.TrimSuffix(g.ID, ".md"), s) || strings.EqualFold(g.Title, s) {
			return g, true
		}
	}
	return nil, false
}

// ThreadReply takes a team member's plain message in a case thread as the
// answer to the prompt when the prompt was asked there and the message is
// just a guide's number or title (anything else stays an internal note).
// The router checked the team role.
func (w *Workflow) ThreadReply(ctx context.Context, evt *event.Event, text string) (bool, error) {
	if !w.On() || evt.RoomID != w.cfg.TeamRoom {
		return false, nil
	}
	mc, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil {
		return false, nil
	}
	root := mc.RelatesTo.GetThreadParent()
	if root == "" {
		return false, nil
	}
	// Most thread messages are notes: the in-memory check comes first, so
	// a note costs no database reads here (support reads the case next).
	guideArg, override, _ := strings.Cut(text, "|")
	if _, ok := findGuide(w.Guides.Current(), guideArg); !ok {
		return false, nil
	}
	c, err := w.DB.Cases.ByTeamEvent(ctx, root.String())
	if err != nil || c == nil || c.Status == storage.CaseOpen {
		// A reopened case's thread is a conversation again.
		return false, err
	}
	if p, err := w.DB.KV.Get(ctx, promptKey(c.ID)); err != nil || p == "" {
		return false, err
	}
	return true, w.teach(ctx, c, evt.Sender, guideArg, override)
}
