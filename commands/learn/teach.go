package learn

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/storage"
)

// cmdTeach: !lehren [#N] <guide> [| question]. Without a case number it
// takes the case whose thread it was written in.
func (w *Workflow) cmdTeach(ce *chat.Call) error {
	st := w.tx
	raw := strings.TrimSpace(ce.RawArgs)
	var c *storage.Case
	if len(ce.Args) > 0 && strings.HasPrefix(ce.Args[0], "#") {
		n, ok := chat.Ref(ce.Args[0])
		if ok {
			var err error
			if c, err = w.DB.Cases.Get(ce.Ctx, n); err != nil {
				return err
			}
		}
		if c == nil {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(st.NoSuchCase, chat.Escape(ce.Args[0])))
		}
		raw = strings.TrimSpace(strings.TrimPrefix(raw, ce.Args[0]))
	} else if mc := ce.Content.AsMessage(); mc != nil && mc.RelatesTo != nil {
		if root := mc.RelatesTo.GetThreadParent(); root != "" {
			var err error
			if c, err = w.DB.Cases.ByTeamEvent(ce.Ctx, root.String()); err != nil {
				return err
			}
		}
	}
	guideArg, override, _ := strings.Cut(raw, "|")
	if c == nil || strings.TrimSpace(guideArg) == "" {
		return w.ReplyMarkdown(ce.Ctx, st.TeachUsage)
	}
	return w.teach(ce.Ctx, c, ce.Sender, guideArg, override)
}

// teach learns the question of c (or override, when given) for the guide
// named by guideArg, after the guard, and answers in the team room. The
// event being handled is the teaching's origin: handling it again answers
// the same without learning twice.
func (w *Workflow) teach(ctx context.Context, c *storage.Case, sender id.UserID, guideArg, override string) error {
	st := w.tx
	origin := chat.TurnOf(ctx).Event.ID
	if done, err := w.DB.Learned().ByOrigin(ctx, origin.String()); err != nil {
		return err
	} else if done != nil {
		// Handled again after the first handling stored the question and
		// failed before the library took it: it takes it now (nothing
		// changes when it has it). One whose member objected meanwhile
		// goes instead, as below.
		if out, err := w.objected(ctx, c, strings.TrimSpace(override) == ""); err != nil {
			return err
		} else if out {
			return w.dropObjected(ctx, c, done)
		}
		if err := w.load(ctx, vetted{}); err != nil {
			return err
		}
		return w.confirm(ctx, c, done)
	}
	if c.Status == storage.CaseOpen {
		return w.toCase(ctx, c, chat.Format(st.NotResolved, c.ID))
	}
	if limit, err := w.overLimit(ctx, sender); err != nil || limit != "" {
		if err != nil {
			return err
		}
		return w.toCase(ctx, c, limit)
	}
	lib := w.Guides.Current()
	g, ok := findGuide(lib, guideArg)
	if !ok {
		return w.toCase(ctx, c, chat.Format(st.UnknownGuide, chat.Escape(strings.TrimSpace(guideArg))))
	}
	if !guides.VisibleTo(g, false) {
		return w.toCase(ctx, c, chat.Format(st.TeamOnlyGuide, chat.Escape(g.Title)))
	}
	// The member's objection is read before their question, and again
	// after it is stored: their !nicht-merken, in their own chat's
	// worker, can come while the guard runs.
	own := strings.TrimSpace(override) == ""
	if out, err := w.objected(ctx, c, own); err != nil {
		return err
	} else if out {
		return w.toCase(ctx, c, chat.Format(st.OptedOut, c.ID, c.ID))
	}
	// Whose words: the member's question, also under the team's own
	// words (often pasted from the member's): the member's deletion of
	// that message takes the question back (TakeBack).
	asked, _, src, err := w.caseQuestion(ctx, c)
	if err != nil {
		return err
	}
	var q string
	if !own {
		q, _ = Scrub(override, w.tx, w.memberNames(ctx, c)...)
	} else {
		if q = asked; q == "" {
			return w.toCase(ctx, c, chat.Format(st.NoQuestion, c.ID))
		}
	}
	refusal, v, err := w.refuse(ctx, lib, g, q)
	if err != nil {
		return err
	}
	if refusal != "" {
		return w.toCase(ctx, c, refusal)
	}
	l, _, err := w.DB.Learned().Add(ctx, storage.LearnedQuestion{GuideID: g.ID, Question: q, Norm: guides.NormalizeQuestion(q),
		CaseID: c.ID, TaughtBy: sender.String(), TaughtAt: w.Now(), Source: src}, origin.String())
	if errors.Is(err, storage.ErrCaseGone) {
		// The member's erasure deleted the case while the guard judged
		// its question (their chat has its own worker): their words are
		// not stored after it (lib31). The case's thread goes with the
		// erasure: the answer goes where the command was written.
		return w.ReplyMarkdown(ctx, chat.Format(st.CaseGone, c.ID))
	}
	if err != nil {
		return err
	}
	// The member deleted the question while the guard judged it: it goes
	// again at once, and the team is told so instead of "Gelernt".
	if gone, err := w.recheck(ctx, src, l, ""); err != nil || gone {
		return err
	}
	// The member objected (!nicht-merken) while the guard judged their
	// words: learn.Workflow.OptedOut, in their chat's worker, read the
	// learned questions before this one was stored, so it goes here
	// (mend31c). The opt-out is committed before OptedOut reads, so one
	// of the two always sees the other.
	if out, err := w.objected(ctx, c, own); err != nil {
		return err
	} else if out {
		return w.dropObjected(ctx, c, l)
	}
	if err := w.load(ctx, v); err != nil {
		return err
	}
	// The library with the new question is the one in use now (unless a
	// reload came in between): its outcomes are known.
	w.known.Add(v.lib, v.judged)
	if err := w.DB.KV.Delete(ctx, promptKey(c.ID)); err != nil {
		return err
	}
	return w.confirm(ctx, c, l)
}

// objected reports whether the member of c objected to Lotse keeping
// their words (!nicht-merken) — asked only when the question taught is
// theirs (own: no override in the team's own words).
func (w *Workflow) objected(ctx context.Context, c *storage.Case, own bool) (bool, error) {
	if !own {
		return false, nil
	}
	return w.DB.Gaps().OptedOut(ctx, c.MemberID)
}

// dropObjected forgets l, just stored from the words of c's member, who
// objected meanwhile, and tells the team member in the case's thread that
// the member's words are not learned (the team was never told „Gelernt“).
func (w *Workflow) dropObjected(ctx context.Context, c *storage.Case, l *storage.LearnedQuestion) error {
	if _, err := w.DB.Learned().Delete(ctx, l.ID); err != nil {
		return err
	}
	if err := w.load(ctx, vetted{}); err != nil {
		return err
	}
	return w.toCase(ctx, c, chat.Format(w.tx.OptedOut, c.ID, c.ID))
}

// MaxLearned bounds the questions learned from cases: the guard judges
// every one of them (and the guides' own example questions) twice for each
// !lehren, and a question's decision gets slower with every learned one
// (BenchmarkTeachGuard: about 0.5 s with none, several seconds at 1,000,
// most of a minute at 5,000 on two busy cores). The team moves them into
// the files (`lotse guides learned --export`) and forgets them there.
const MaxLearned = 1000

// MaxTaughtPerDay bounds what one team member teaches in 24 hours: one
// account, perhaps taken over, cannot steer many members' questions to
// other guides in one evening, nor fill the list; the rest of the team
// can still teach, and `!gelernt` shows who taught what.
const MaxTaughtPerDay = 20

// overLimit returns why sender may not teach now, or "": Lotse holds
// MaxLearned questions, or sender taught MaxTaughtPerDay in the last 24
// hours (questions forgotten since do not count).
func (w *Workflow) overLimit(ctx context.Context, sender id.UserID) (string, error) {
	n, err := w.DB.Learned().Count(ctx)
	if err != nil {
		return "", err
	}
	if n >= MaxLearned {
		return chat.Format(w.tx.Full, n), nil
	}
	mine, err := w.DB.Learned().CountTaughtSince(ctx, sender.String(), w.Now().Add(-24*time.Hour))
	if err != nil {
		return "", err
	}
	if mine >= MaxTaughtPerDay {
		return chat.Format(w.tx.DailyLimit, mine), nil
	}
	return "", nil
}

// refuse returns why q must not be learned for g, or "": a duplicate, a
// question Lotse already answers with g (nothing to learn), or what the
// guard (Vet) refuses. When it accepts q, v is the library the guard built
// with q learned.
func (w *Workflow) refuse(ctx context.Context, lib *guides.Library, g *guides.Guide, q string) (refusal string, v vetted, err error) {
	st := w.tx
	short := chat.EscapeLong(q, 120)
	if dup, err := w.DB.Learned().ByNorm(ctx, guides.NormalizeQuestion(q)); err != nil {
		return "", v, err
	} else if dup != nil {
		if _, ok := lib.Get(dup.GuideID); !ok {
			// Its guide was deleted or renamed: the question counts for
			// nothing, and only forgetting it lets it be taught again.
			return chat.Format(st.DuplicateGone, dup.ID, chat.Escape(dup.GuideID), dup.ID), v, nil
		}
		return chat.Format(st.Duplicate, dup.ID, chat.Escape(title(lib, dup.GuideID))), v, nil
	}
	if d := answer.Decide(q, lib, answer.Options{}); d.Outcome == answer.Answer && d.Hits[0].ID == g.ID && !tooShort(q) && !tooLong(q) {
		return chat.Format(st.AlreadyAnswered, chat.Escape(g.Title)), v, nil
	}
	learned, err := Questions(ctx, w.DB)
	if err != nil {
		return "", v, err
	}
	cur, base := w.cfg.Library.Libraries()
	// The outcomes known on the library in use (an earlier !lehren's
	// guard judged them) are not decided again; what this one judges
	// there is kept for the next.
	before := judgeCurrent(cur, base, learned, w.cfg.EvalSet, w.known.For(cur))
	w.known.Add(cur, before)
	r := Vet(base, learned, w.cfg.EvalSet, before, g.ID, q)
	switch r.Kind {
	case RefuseShort:
		return chat.Format(st.TooShort, short), v, nil
	case RefuseLong:
		return chat.Format(st.TooLong, short), v, nil
	case RefuseScope:
		reason := map[answer.Outcome]string{answer.SmallTalk: st.ReasonSmallTalk, answer.Human: st.ReasonHuman, answer.Command: st.ReasonCommand}[r.Scope]
		return chat.Format(st.OutOfScope, short, reason), v, nil
	case RefuseDup:
		// Learned in the meantime (two team members at once).
		return chat.Format(st.InGuide, chat.Escape(title(lib, r.Guide))), v, nil
	case RefuseInFile:
		return chat.Format(st.InGuide, chat.Escape(title(lib, r.Guide))), v, nil
	case RefuseWorse:
		reg := r.Regressions[0]
		return chat.Format(chat.Plural(st.Regression, len(r.Regressions)), len(r.Regressions), chat.EscapeLong(reg.Question.Text, 120),
			w.expected(lib, reg.Question.Expected), w.describe(lib, reg.After)), v, nil
	}
	return "", vetted{cur: cur, lib: r.After, judged: r.Judged}, nil
}

// toCase answers in the case's thread (where the prompt is), whether the
// command was written there or not.
func (w *Workflow) toCase(ctx context.Context, c *storage.Case, md string) error {
	if c.TeamEvent == "" {
		return w.ReplyMarkdown(ctx, md)
	}
	_, err := w.SendMarkdownTo(ctx, w.cfg.TeamRoom, md, chat.ThreadRel(c.TeamEvent), w.CauseTxn(ctx, "learn", chat.TurnOf(ctx).Next()))
	return err
}

// confirm tells the team what was learned and what a member now gets.
func (w *Workflow) confirm(ctx context.Context, c *storage.Case, l *storage.LearnedQuestion) error {
	st := w.tx
	lib := w.Guides.Current()
	now := st.NowMiss
	d := answer.Decide(l.Question, lib, answer.Options{})
	switch {
	case d.Outcome == answer.Answer && d.Hits[0].ID == l.GuideID:
		now = st.NowAnswer
	case d.Outcome == answer.Choose && slices.Contains(d.Guides(), l.GuideID):
		now = st.NowChoice
	}
	return w.toCase(ctx, c, chat.Format(st.Learned, l.ID, chat.EscapeLong(l.Question, 120), chat.Escape(title(lib, l.GuideID)), now, l.ID))
}

// describe says in words what a decision does.
func (w *Workflow) describe(lib *guides.Library, d answer.Decision) string {
	st := w.tx
	var titles []string
	for _, id := range d.Guides() {
		titles = append(titles, chat.Format(st.ExpectedGuide, chat.Escape(title(lib, id))))
	}
	switch d.Outcome {
	case answer.Answer:
		return chat.Format(st.OutcomeAnswer, chat.Escape(title(lib, d.Hits[0].ID)))
	case answer.Choose:
		return chat.Format(st.OutcomeChoice, strings.Join(titles, ", "))
	case answer.None:
		return st.OutcomeNone
	}
	return st.OutcomeOther
}

// expected names an evaluation question's expected guide (its title) or
// outcome in words, escaped.
func (w *Workflow) expected(lib *guides.Library, exp string) string {
	if g, ok := lib.Get(exp); ok {
		return chat.Format(w.tx.ExpectedGuide, chat.Escape(g.Title))
	}
	if exp == string(answer.None) || exp == search.OutOfScope {
		return w.tx.OutcomeNone
	}
	return w.tx.OutcomeOther
}

// title is a guide's title, or its ID when the library lost it.
func title(lib *guides.Library, guideID string) string {
	if g, ok := lib.Get(guideID); ok {
		return g.Title
	}
	return guideID
}

// maxList bounds !gelernt.
const maxList = 50

// cmdList lists the learned questions, newest first.
func (w *Workflow) cmdList(ce *chat.Call) error {
	st := w.tx
	list, err := w.DB.Learned().List(ce.Ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return w.ReplyMarkdown(ce.Ctx, st.ListEmpty)
	}
	lib := w.Guides.Current()
	var b strings.Builder
	b.WriteString(chat.Format(st.ListIntro, len(list)) + "\n\n")
	slices.Reverse(list)
	for i, l := range list {
		if i == maxList {
			b.WriteString("\n" + chat.Format(chat.Plural(st.ListMore, len(list)-maxList), len(list)-maxList))
			break
		}
		line := chat.Format(st.ListLine, l.ID, chat.EscapeLong(l.Question, 80), chat.Escape(title(lib, l.GuideID)),
			chat.Escape(w.Matrix.DisplayName(ce.Ctx, w.cfg.TeamRoom, id.UserID(l.TaughtBy))), w.Day(l.TaughtAt))
		if !l.ExportedAt.IsZero() {
			line += st.ListExported
		}
		if _, ok := lib.Get(l.GuideID); !ok {
			line += chat.Format(st.ListGone, l.ID)
		}
		b.WriteString(line + "\n")
	}
	return w.ReplyMarkdown(ce.Ctx, b.String())
}

// maxForget bounds the numbers one !vergessen forgets (one day's
// teaching of one team member, MaxTaughtPerDay).
const maxForget = MaxTaughtPerDay

// maxBad bounds the arguments !vergessen names as not found.
const maxBad = 5

// cmdForget: !vergessen <Nr> [<Nr> …] removes learned questions from the
// search (numbers separated by spaces or commas; after a taken-over
// account taught, its questions go in one command). The answer in the team
// room names each question forgotten: the team's record of it.
func (w *Workflow) cmdForget(ce *chat.Call) error {
	st := w.tx
	var nums []int64
	var bad []string
	for _, a := range strings.FieldsFunc(strings.Join(ce.Args, " "), func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		if len(nums) > maxForget {
			break // a message full of numbers costs no more than this
		}
		n, ok := chat.Ref(a)
		switch {
		case !ok && len(bad) < maxBad:
			bad = append(bad, a)
		case ok && !slices.Contains(nums, n):
			nums = append(nums, n)
		}
	}
	if len(nums) == 0 {
		if len(bad) > 0 {
			return w.ReplyMarkdown(ce.Ctx, chat.Format(st.ForgetNone, chat.Escape(bad[0])))
		}
		return w.ReplyMarkdown(ce.Ctx, st.ForgetUsage)
	}
	more := len(nums) > maxForget
	if more {
		nums = nums[:maxForget]
	}
	var gone []*storage.LearnedQuestion
	for _, n := range nums {
		l, err := w.DB.Learned().Get(ce.Ctx, n)
		if err != nil {
			return err
		}
		// Handled again after a crash, a question is gone: the answer
		// below then reuses the first answer's transaction and is not
		// sent twice.
		if l == nil {
			bad = append(bad, strconv.FormatInt(n, 10))
			continue
		}
		if _, err := w.DB.Learned().Delete(ce.Ctx, n); err != nil {
			return err
		}
		gone = append(gone, l)
	}
	// Also when they were gone already: the first handling may have
	// deleted them and failed before the library dropped them (nothing
	// changes when the library is without them).
	if err := w.load(ce.Ctx, vetted{}); err != nil {
		return err
	}
	if len(gone) == 1 && len(bad) == 0 && !more {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.Forgotten, gone[0].ID, chat.EscapeLong(gone[0].Question, 80)))
	}
	if len(gone) == 0 && len(bad) == 1 && !more {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(st.ForgetNone, chat.Escape(bad[0])))
	}
	var b strings.Builder
	if len(gone) > 0 {
		b.WriteString(chat.Format(chat.Plural(st.ForgottenMany, len(gone)), len(gone)) + "\n\n")
		for _, l := range gone {
			b.WriteString(chat.Format(st.ForgottenLine, l.ID, chat.EscapeLong(l.Question, 80)) + "\n")
		}
	}
	if len(bad) > 0 {
		escaped := make([]string, len(bad))
		for i, s := range bad {
			escaped[i] = chat.EscapeLong(s, 20)
		}
		b.WriteString("\n" + chat.Format(st.ForgetMissing, strings.Join(escaped, ", ")) + "\n")
	}
	if more {
		b.WriteString("\n" + chat.Format(st.ForgetTooMany, maxForget) + "\n")
	}
	return w.ReplyMarkdown(ce.Ctx, strings.TrimSpace(b.String()))
}
