// Package guidedraft is the guide-draft workflow (issue 18, point 4): a
// team member turns a resolved support case into the draft of a guide —
// the member's question and the team's answers to the member, without
// names, Matrix IDs, internal notes or other personal data — which Lotse
// posts as a Markdown file into the case's thread in the (encrypted) team
// room for an author to finish. It reads cases through storage and never
// imports the support workflow: the team role comes in the Config.
package guidedraft

import (
	"context"
	"errors"
	"slices"
	"strings"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// Config configures guide drafts. They are off while TeamRoom is empty.
type Config struct {
	// TeamRoom is the (encrypted) room of the digital team.
	TeamRoom id.RoomID
	// TeamRole is who may draft, and where: the team role in the team
	// room (the support workflow's, so that the help lists the command
	// with the other team commands).
	TeamRole *chat.Role
	// Vars are the configured site values (the config's site block):
	// addresses in answers become placeholders such as {{cloud_url}}.
	Vars guides.Vars
}

// errCaseGone is post's answer when the case was deleted (the member's
// erasure) while the draft was made; the draft is taken back.
var errCaseGone = errors.New("the case is gone")

// guidePrefix marks an answer that was a guide from the library (the
// support workflow stores "[guide] <id>" for `!antwort <Nr> anleitung`).
const guidePrefix = "[guide] "

// mimeMarkdown is the type of the draft file.
const mimeMarkdown = "text/markdown"

// Workflow is the guide-draft workflow.
type Workflow struct {
	*chat.Env
	cfg Config
	tx  *Texts
}

// New builds the workflow.
func New(env *chat.Env, cfg Config) *Workflow {
	return &Workflow{Env: env, cfg: cfg, tx: TextsFor(env.Lang)}
}

// Commands are the workflow's commands, for the registry (none without a
// team role). With support cases off, the team role's check answers that
// they are off, as for the other team commands.
func (w *Workflow) Commands() []chat.Command {
	if w.cfg.TeamRole == nil {
		return nil
	}
	return []chat.Command{
		chat.NewCommand(w.tx.Commands["anleitung-entwurf"], "anleitung-entwurf",
			[]string{"anleitungsentwurf", "guide-draft"}, w.cfg.TeamRole, w.tx.TeamCommands, w.cmdDraft).
			In(German.Commands["anleitung-entwurf"], English.Commands["anleitung-entwurf"]).
			InSection(German.TeamCommands, English.TeamCommands),
	}
}

// cmdDraft drafts a guide from the case named (or the case whose thread
// the command is in) and posts it into the case's thread.
func (w *Workflow) cmdDraft(ce *chat.Call) error {
	ctx := ce.Ctx
	c, err := w.caseArg(ce)
	if err != nil || c == nil {
		return err
	}
	// Read once: whether the team solved it, and who acted on it.
	events, err := w.DB.Cases.Events(ctx, c.ID)
	if err != nil {
		return err
	}
	if !resolved(c, events) {
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.NotResolved, c.ID, w.state(c)))
	}
	in, src, err := w.input(ctx, c, events)
	if err != nil {
		return err
	}
	d, err := guides.NewDraft(in)
	switch {
	case errors.Is(err, guides.ErrNoAnswers):
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.NoAnswers, c.ID))
	case errors.Is(err, guides.ErrNoQuestion):
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.NoQuestion, c.ID))
	case err != nil:
		return err
	}
	if err := w.post(ctx, c, d, in.Withheld, src); errors.Is(err, errCaseGone) {
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.CaseGone, c.ID))
	} else if err != nil {
		return err
	}
	if w.inThread(ce.Event) != c.TeamEvent || c.TeamEvent == "" {
		return w.ReplyMarkdown(ctx, chat.Format(w.tx.PostedInThread, c.ID))
	}
	return nil
}

// caseArg reads the case number from the first argument, or takes the
// case whose thread the command was written in; it answers itself when
// there is none (and returns nil).
func (w *Workflow) caseArg(ce *chat.Call) (*storage.Case, error) {
	usage := w.tx.Commands["anleitung-entwurf"].Usage
	if len(ce.Args) > 0 {
		n, ok := chat.Ref(ce.Args[0])
		var c *storage.Case
		if ok {
			var err error
			if c, err = w.DB.Cases.Get(ce.Ctx, n); err != nil {
				return nil, err
			}
		}
		if c == nil {
			return nil, w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.NoSuchCase, chat.Escape(ce.Args[0]), w.tx.Example))
		}
		return c, nil
	}
	if root := w.inThread(ce.Event); root != "" {
		c, err := w.DB.Cases.ByTeamEvent(ce.Ctx, root)
		if err != nil || c != nil {
			return c, err
		}
	}
	return nil, w.ReplyMarkdown(ce.Ctx, chat.Format(w.tx.Usage, usage))
}

// inThread is the thread root of evt, or "".
func (w *Workflow) inThread(evt *event.Event) string {
	mc, ok := evt.Content.Parsed.(*event.MessageEventContent)
	if !ok || mc.RelatesTo == nil {
		return ""
	}
	return mc.RelatesTo.GetThreadParent().String()
}

// resolved reports whether c, with its events, was solved by the team:
// resolved, or closed by the member after the team resolved it (and nobody
// reopened it since).
func resolved(c *storage.Case, events []storage.CaseEvent) bool {
	switch c.Status {
	case storage.CaseResolved:
		return true
	case storage.CaseClosed:
	default:
		return false
	}
	solved := false
	for _, e := range events {
		switch e.Kind {
		case "resolve":
			solved = true
		case "reopen":
			solved = false
		}
	}
	return solved
}

// state names the state of a case that is not resolved.
func (w *Workflow) state(c *storage.Case) string {
	switch {
	case c.Status == storage.CaseClosed:
		return w.tx.StateClosed
	case c.Assignee != "":
		return w.tx.StateClaimed
	}
	return w.tx.StateOpen
}

// input collects what the draft is made of: the member's first question
// (not when they wrote !nicht-merken: the draft then has a placeholder for
// the team to write the question), the team's answers to the member (never
// notes, never the member's later messages) and every name in the case,
// to be removed (events: the case's events), and the member's message the
// question came from (zero when the draft holds none of it).
func (w *Workflow) input(ctx context.Context, c *storage.Case, events []storage.CaseEvent) (guides.DraftInput, storage.QuestionSource, error) {
	in := guides.DraftInput{Lang: w.Lang, Vars: w.cfg.Vars}
	var src storage.QuestionSource
	optedOut, err := w.DB.Gaps().OptedOut(ctx, c.MemberID)
	if err != nil {
		return in, src, err
	}
	in.Withheld = optedOut
	msgs, err := w.DB.Cases.Messages(ctx, c.ID)
	if err != nil {
		return in, src, err
	}
	people := []string{c.MemberID, c.Assignee}
	var lib *guides.Library
	if w.Guides != nil {
		lib = w.Guides.Current()
	}
	for _, m := range msgs {
		people = append(people, m.Sender)
		switch m.Kind {
		case storage.MsgQuestion:
			if in.Question == "" && !in.Withheld {
				// Of the member's links only the host: a share token or a
				// reset code is no part of a guide (the team's links in
				// its answers stay for the author to review).
				in.Question, _ = guides.ShortenLinks(m.Body)
				if src, err = w.DB.Cases.QuestionSource(ctx, c, m); err != nil {
					return in, src, err
				}
			}
		case storage.MsgAnswer:
			if gid, ok := strings.CutPrefix(m.Body, guidePrefix); ok {
				a := guides.DraftAnswer{GuideID: strings.TrimSpace(gid)}
				if g, found := lookup(lib, a.GuideID); found && guides.VisibleTo(g, false) {
					a.GuideTitle = g.Title
				}
				in.Answers = append(in.Answers, a)
				continue
			}
			in.Answers = append(in.Answers, guides.DraftAnswer{Text: m.Body})
		}
	}
	for _, e := range events {
		people = append(people, e.Actor)
		if e.Kind == "assign" {
			people = append(people, e.Detail)
		}
	}
	in.Names = w.names(ctx, c, people)
	return in, src, nil
}

// names are the user IDs and display names of people (the bot excepted).
func (w *Workflow) names(ctx context.Context, c *storage.Case, people []string) []string {
	var out []string
	for _, p := range people {
		user := id.UserID(p)
		if p == "" || !strings.HasPrefix(p, "@") || user == w.Matrix.UserID() || slices.Contains(out, p) {
			continue
		}
		out = append(out, p)
		room := w.cfg.TeamRoom
		if p == c.MemberID {
			room = id.RoomID(c.MemberRoom)
		}
		if name := w.Matrix.DisplayName(ctx, room, user); name != p {
			out = append(out, name)
		}
	}
	return out
}

// post uploads the draft (encrypted in an encrypted team room) and posts
// it with a note for the author into the case's thread (withheld: the
// member's question is left out, the team writes one). Handling the
// command again posts nothing new (transaction IDs of the command event)
// and uploads nothing again. src is the member's message the draft's
// question came from: its deletion redacts the draft's file
// (learn.Workflow.TakeBack).
func (w *Workflow) post(ctx context.Context, c *storage.Case, d *guides.Draft, withheld bool, src storage.QuestionSource) error {
	// First: an edit of the case's solution made before it is told
	// that the draft keeps the old text (support's EditAnswer). A
	// crash between this and the post is retried with the command, so
	// the draft follows.
	if err := w.DB.Cases.MarkDrafted(ctx, c.ID, w.Now()); err != nil {
		return err
	}
	rel := chat.ThreadRel(c.TeamEvent)
	fileTxn := w.CauseTxn(ctx, "guide-draft-file", 0)
	sent, err := w.DB.Inbox.SentEventID(ctx, fileTxn)
	if err != nil {
		return err
	}
	if sent == "" {
		data := append([]byte(nil), d.Markdown...) // AttachFile encrypts in place
		content := &event.MessageEventContent{MsgType: event.MsgFile, Body: d.FileName, FileName: d.FileName, RelatesTo: rel,
			Mentions: &event.Mentions{}, Info: &event.FileInfo{MimeType: mimeMarkdown, Size: len(data)}}
		if _, err := w.AttachFile(ctx, w.cfg.TeamRoom, content, data, mimeMarkdown); err != nil {
			return err
		}
		file, err := w.Matrix.Send(ctx, w.cfg.TeamRoom, event.EventMessage, content, fileTxn)
		if err != nil {
			return err
		}
		sent = file.String()
	}
	// The draft holds the member's question: a member's erasure redacts
	// it (support.Workflow.FinishErasures).
	if err := w.DB.Cases.Shown(ctx, sent, c.ID); err != nil {
		return err
	}
	if err := w.DB.Copies().Add(ctx, sent, storage.CopyDraft, c.ID, src, w.Now()); err != nil {
		return err
	}
	// The member's erasure deleted the case after the draft read it: it
	// queued the redactions of what it found recorded, not this file
	// (Cases.Shown skips a case that is gone). The draft goes at once,
	// and the team member is told where they wrote the command: the
	// case's thread goes with the erasure (lib31).
	if here, err := w.DB.Cases.Exists(ctx, c.ID); err != nil {
		return err
	} else if !here {
		if err := w.RedactCopy(ctx, w.cfg.TeamRoom, sent, w.tx.CaseGoneReason, w.CauseTxn(ctx, "redact-draft-erased", 0)); err != nil {
			return err
		}
		return errCaseGone
	}
	// The member deleted the question while the draft was made (after
	// learn.Workflow.TakeBack looked for copies): the draft goes at once.
	if gone, err := w.DB.Copies().SourceErased(ctx, src); err != nil {
		return err
	} else if gone {
		if err := w.RedactCopy(ctx, w.cfg.TeamRoom, sent, w.tx.QuestionDeleted, w.CauseTxn(ctx, "redact-draft", 0)); err != nil {
			return err
		}
		_, err := w.SendMarkdownTo(ctx, w.cfg.TeamRoom, w.tx.QuestionDeleted, rel, w.CauseTxn(ctx, "guide-draft-note", 0))
		return err
	}
	md := chat.Format(w.tx.Posted, c.ID)
	if d.Removed > 0 {
		md += " " + chat.Format(chat.Plural(w.tx.Removed, d.Removed), d.Removed)
	}
	if d.Shortened {
		md += " " + w.tx.Shortened
	}
	if withheld {
		md += " " + w.tx.Withheld
	}
	md += "\n\n" + w.tx.Finish
	_, err = w.SendMarkdownTo(ctx, w.cfg.TeamRoom, md, rel, w.CauseTxn(ctx, "guide-draft-note", 0))
	return err
}

// lookup finds a guide in lib (nil: no library).
func lookup(lib *guides.Library, guideID string) (*guides.Guide, bool) {
	if lib == nil {
		return nil, false
	}
	return lib.Get(guideID)
}
