package support

import (
	"cmp"
	"context"

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
// retry after a crash sends it once), so that the team answers in it.
func (w *Workflow) followMemberLang(ctx context.Context, c *storage.Case, text string) error {
	l := w.clearLang(text)
	w.speakTo(ctx, cmp.Or(l, c.Lang))
	if l == "" || l == w.langOf(c.Lang) {
		return nil
	}
	name := w.tx.LangNames[l]
	if _, err := w.toThread(ctx, c, chat.Format(w.tx.LangSwitchedTeam, c.ID, name, name), "", w.CauseTxn(ctx, "case-lang", 0)); err != nil {
		return err
	}
	if err := w.DB.Cases.SetLang(ctx, c.ID, l); err != nil {
		return err
	}
	c.Lang = l
	return nil
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
