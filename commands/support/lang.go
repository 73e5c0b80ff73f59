package support

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Which language a text of a case is in (case32):
//
//   - What the MEMBER reads about their case — the offer and the replies
//     to it, „case opened“, a team answer's head and footer, a guide the
//     team sent, „resolved“ and „did that help?“, the thanks for a
//     rating, reminders, the notes that a file or an answer was cut, that
//     the case moved, `!meine` — is in the case's language (memberTx):
//     the language the offer was made in (the member's, chat.Turn.Lang,
//     storage.CaseDraft.Lang), then the member's last clearly written one
//     (followMemberLang). A case from before schema v25 has none and
//     speaks the install's.
//   - What the TEAM reads — the board, the thread's notes, the replies to
//     team commands — stays in the install's language (w.tx): the team
//     room is one room, read by everyone on the team.

// langOf is a stored language ("de", "en"; "" for the install's) as a
// language code.
func (w *Workflow) langOf(stored string) string {
	if stored == "" {
		return w.tx.Lang
	}
	return stored
}

// memberTx are the texts of c's messages to its member: in the case's
// language (Case.Lang), the install's when it has none (a case from
// before v25) or c is nil.
func (w *Workflow) memberTx(c *storage.Case) *Texts {
	if c == nil || c.Lang == "" {
		return w.tx
	}
	return TextsFor(c.Lang)
}

// draftTx are the texts of the replies to the member about the offer of
// draft d: in the language the offer was made in, the install's when d
// is nil or made none.
func (w *Workflow) draftTx(d *storage.CaseDraft) *Texts {
	if d == nil || d.Lang == "" {
		return w.tx
	}
	return TextsFor(d.Lang)
}

// offerLang is the language of an offer made in this turn: the turn's
// (chat.Turn.Lang: the answer workflow read the member's message, or the
// member's last clear language), else the message's own when it is
// clearly written in one (support reads the message before the answer
// workflow does: „that did not help me“ makes the offer again), else the
// earlier offer's (d.Lang), else the install's.
func (w *Workflow) offerLang(ctx context.Context, d *storage.CaseDraft, text string) string {
	if t := chat.TurnOf(ctx); t != nil && t.Lang != "" {
		return t.Lang
	}
	if l := w.clearLang(text); l != "" {
		return l
	}
	if d != nil && d.Lang != "" {
		return d.Lang
	}
	return w.tx.Lang
}

// followMemberLang keeps c in the language its member writes in: a
// message clearly written in the other language (Config.ClearLang: the
// vote and thresholds of the answer's frame, lang31) switches the case to
// it, stored; one that says no language („ok“, „2“, a file, a German
// sentence quoting an English error) keeps the case's. Only the member's
// own messages in their case reach here, so only they switch it. The
// thread is told first (the transaction ID of the member's message: a
// retry after a crash sends it once), so that the team answers in it —
// within the bound of langNotes (rooms33): a member who switches message
// by message made one note per message; the case follows every switch
// all the same.
func (w *Workflow) followMemberLang(ctx context.Context, c *storage.Case, text string) error {
	l := w.clearLang(text)
	w.speakTo(ctx, cmp.Or(l, c.Lang))
	switched := l != "" && l != w.langOf(c.Lang)
	now, cur := w.Now(), w.langOf(cmp.Or(l, c.Lang))
	if w.langNoted.due(c.ID, w.langOf(c.Lang), cur, now) {
		name := w.tx.LangNames[cur]
		if _, err := w.toThread(ctx, c, chat.Format(w.tx.LangSwitchedTeam, c.ID, name, name), "", w.CauseTxn(ctx, "case-lang", 0)); err != nil {
			return err
		}
		w.langNoted.told(c.ID, cur, now)
	}
	if !switched {
		return nil
	}
	if err := w.DB.Cases.SetLang(ctx, c.ID, l); err != nil {
		return err
	}
	c.Lang = l
	return nil
}

// Bound on the notes that tell a case's thread the member's language
// changed (rooms33). At most langNotesPerWindow notes per case within
// langNoteWindow: the first switch and a switch back — a member who tried
// the other language and returned — are both told at once; a member who
// alternates beyond that (by habit, or to fill the team room: each note is
// one more message there beside the relay of the message) is followed
// silently, and the thread is told the language then in use with the
// member's first message once the older of the two notes is an hour old,
// if it differs from what the thread was last told. So an alternating
// member makes at most two notes in any hour per case instead of one per
// message, and the thread's last word on the language is true again at
// the latest with the member's first message an hour after the notes. Kept in memory (at most langNotesKept cases,
// the least recently told go first): after a restart the next switch is
// told again, and a catch-up that was pending is not (the board and the
// relayed messages still show the language).
const (
	langNoteWindow     = time.Hour
	langNotesPerWindow = 2
	langNotesKept      = 4096
)

// langNotes is, per case, the language its thread was last told and when
// the notes of the last langNoteWindow were sent.
type langNotes struct {
	mu    sync.Mutex
	cases *simplelru.LRU[int64, langNoted]
}

type langNoted struct {
	lang string
	at   []time.Time // the notes' times, newest last, at most langNotesPerWindow
	// pending: a switch was followed silently (the bound), so the thread's
	// last note may be stale; the worker's tick tells it once the bound
	// allows (catchUpLang), also when the member writes nothing more.
	pending bool
}

func newLangNotes() *langNotes {
	cases, err := simplelru.NewLRU[int64, langNoted](langNotesKept, nil)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &langNotes{cases: cases}
}

// due reports whether case caseID's thread is to be told now that its
// language is cur: what it was last told (else before, the case's
// language before this message, which its board shows) differs from cur,
// and fewer than langNotesPerWindow notes went out in the last
// langNoteWindow.
func (n *langNotes) due(caseID int64, before, cur string, now time.Time) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	e, ok := n.cases.Peek(caseID)
	if !ok {
		return cur != before
	}
	if cur == e.lang {
		return false
	}
	if recentNotes(e, now) < langNotesPerWindow {
		return true
	}
	if !e.pending {
		e.pending = true
		n.cases.Add(caseID, e)
	}
	return false
}

// recentNotes counts e's notes within langNoteWindow before now.
func recentNotes(e langNoted, now time.Time) int {
	recent := 0
	for _, at := range e.at {
		if now.Sub(at) < langNoteWindow {
			recent++
		}
	}
	return recent
}

// catchUps lists the cases with a switch followed silently whose bound
// allows a note at now.
func (n *langNotes) catchUps(now time.Time) []int64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	var ids []int64
	for _, id := range n.cases.Keys() {
		if e, ok := n.cases.Peek(id); ok && e.pending && recentNotes(e, now) < langNotesPerWindow {
			ids = append(ids, id)
		}
	}
	return ids
}

// settle marks case caseID's thread as told what it was last told (no
// catch-up is due: the case is back in that language, closed or gone).
func (n *langNotes) settle(caseID int64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if e, ok := n.cases.Peek(caseID); ok && e.pending {
		e.pending = false
		n.cases.Add(caseID, e)
	}
}

// catchUpLang tells the thread of each case whose switch was followed
// silently (langNotes) the language then in use, at the first tick the
// bound allows it (mend33b): before, only the member's next message did,
// and a member who wrote nothing more left the thread's last note naming
// the other language for good. A held note waits for the next tick; a
// note that fails otherwise is logged and not tried again.
func (w *Workflow) catchUpLang(ctx context.Context, now time.Time) error {
	for _, caseID := range w.langNoted.catchUps(now) {
		c, err := w.DB.Cases.Get(ctx, caseID)
		if err != nil {
			return err
		}
		if c == nil || !c.ClosedAt.IsZero() {
			w.langNoted.settle(caseID)
			continue
		}
		cur := w.langOf(c.Lang)
		if !w.langNoted.due(c.ID, cur, cur, now) {
			w.langNoted.settle(caseID) // back in the language the thread was told last
			continue
		}
		name := w.tx.LangNames[cur]
		txn := w.KeyTxn("lotse-case/"+strconv.FormatInt(c.ID, 10)+"/lang", "case-lang-"+cur+"-"+strconv.FormatInt(now.Unix(), 10), 0)
		if _, err := w.toThread(ctx, c, chat.Format(w.tx.LangSwitchedTeam, c.ID, name, name), "", txn); err != nil {
			if chat.IsHeld(err) {
				continue
			}
			zerolog.Ctx(ctx).Warn().Err(err).Int64("case", c.ID).Msg("Failed to tell a case's thread the member's language")
			w.langNoted.settle(caseID)
			continue
		}
		w.langNoted.told(c.ID, cur, now)
	}
	return nil
}

// told records that case caseID's thread was told at now that its
// language is lang.
func (n *langNotes) told(caseID int64, lang string, now time.Time) {
	n.mu.Lock()
	defer n.mu.Unlock()
	e, _ := n.cases.Peek(caseID)
	at := append(e.at, now)
	if len(at) > langNotesPerWindow {
		at = at[len(at)-langNotesPerWindow:]
	}
	n.cases.Add(caseID, langNoted{lang: lang, at: slices.Clone(at)})
}

// speakTo notes stored (a case's or offer's language, "" for the
// install's) as the language of the case this turn is about
// (chat.Turn.CaseLang), before the turn's first send into the team room:
// while that room is open to everyone the send is held, and the note that
// tells the member their message arrived and waits (chat's hold) is then
// in the language the rest of their case speaks (mend32b: it was in the
// install's, or the answer frame's, to a member whose case is English).
func (w *Workflow) speakTo(ctx context.Context, stored string) {
	if t := chat.TurnOf(ctx); t != nil {
		t.CaseLang = w.langOf(stored)
	}
}

// clearLang is the language text is clearly written in, or ""
// (Config.ClearLang: the answer frame's vote and thresholds).
func (w *Workflow) clearLang(text string) string { return w.cfg.ClearLang(text) }

// fallbackContact is the fallback contact in st's language: the
// configured one as written, else the general pointer.
func (w *Workflow) fallbackContact(st *Texts) string {
	if w.Contact != "" {
		return w.Contact
	}
	return chat.DefaultContact(st.Lang)
}

// caseMemberTx are the member's texts of case caseID (memberTx), read
// from the store; the install's when it cannot be read.
func (w *Workflow) caseMemberTx(ctx context.Context, caseID int64) *Texts {
	c, err := w.DB.Cases.Get(ctx, caseID)
	if err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Int64("case", caseID).Msg("Failed to read the case's language")
	}
	return w.memberTx(c)
}

// replyTx are the texts of a reply to a member's own command about no
// case in particular (`!meine` without cases, `!schließen` without or with
// a wrong number): in the language of the command's name as typed in
// their direct chat (en35, chat.Command.WordLang), else the install's.
func (w *Workflow) replyTx(ctx context.Context) *Texts { return TextsFor(w.ReplyLang(ctx)) }
