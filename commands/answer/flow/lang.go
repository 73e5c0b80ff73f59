package flow

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/answer"
	"github.com/lotse-bot/lotse/commands/chat"
)

// The frame of the answer path (the choice, the offers, the feedback
// line, the replies to a number or „mehr“) follows the language the
// member writes in: a member of a German install who writes English
// gets it in English, and the other way round (answer.MessageLang). A
// follow-up that says no language („2“, „ok“, 👍) keeps the member's
// last clear language in that room for the follow-up window
// (Env.ChoiceTTL, the life of a choice or an offer), counted from the
// last clear message. It is kept in memory only (lost on restart, when
// the install's language takes over again) and only for a member whose
// last clear language is not the install's.

// maxLangMemory bounds the members whose language is kept: past it, the
// least recently noted one goes. Many accounts writing English cost at
// most this many small entries.
const maxLangMemory = 4096

type langKey struct {
	room id.RoomID
	user id.UserID
}

type langSeen struct {
	lang string
	at   time.Time
}

// langMemory is the last clear language of members who wrote in another
// language than the install's, by room and member: a bounded LRU list
// (golang-lru's simplelru, case32), with the follow-up window kept here.
//
// Not golang-lru's expirable LRU, which the window suggests: in v2.0.7 it
// reads the wall clock (time.Now) where the workflow reads Env.Now (the
// tests' fake clock: the window could not be tested without sleeping),
// and each one starts a goroutine that never ends (no Close) — one per
// workflow built, leaking in tests that build many. simplelru keeps the
// bound and the order; the window is the note's time checked here.
type langMemory struct {
	mu sync.Mutex
	c  *simplelru.LRU[langKey, langSeen]
}

// note records lang as k's last clear language at now; the install's
// language is the default and is not kept. window is the follow-up
// window: an entry older than it is read by no one (get); the ones at the
// oldest end go first, all of them (each once: the cost stays constant
// per note, also after a burst of members), then, when the memory is
// full, the least recently noted one.
func (lm *langMemory) note(k langKey, lang, install string, now time.Time, window time.Duration) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	if lang == install {
		if lm.c != nil {
			lm.c.Remove(k)
		}
		return
	}
	if lm.c == nil {
		// Only a size below 1 is refused.
		lm.c, _ = simplelru.NewLRU[langKey, langSeen](maxLangMemory, nil)
	}
	since := now.Add(-window)
	for {
		_, s, ok := lm.c.GetOldest()
		if !ok || !s.at.Before(since) {
			break
		}
		lm.c.RemoveOldest()
	}
	lm.c.Add(k, langSeen{lang: lang, at: now})
}

// get is k's last clear language noted after since, or "". Reading does
// not make an entry younger (Peek): only a note does.
func (lm *langMemory) get(k langKey, since time.Time) string {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	if lm.c == nil {
		return ""
	}
	s, ok := lm.c.Peek(k)
	if !ok || s.at.Before(since) {
		return ""
	}
	return s.lang
}

// len is the number of entries kept.
func (lm *langMemory) len() int {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	if lm.c == nil {
		return 0
	}
	return lm.c.Len()
}

// readLang sets the language of this turn's frame (chat.Turn.Lang) from
// text: its own when it is clearly written in a language (noted as the
// member's last clear one), else the member's last clear language in
// this room within the follow-up window, else the install's.
func (w *Workflow) readLang(ctx context.Context, text string) {
	t := chat.TurnOf(ctx)
	if t == nil || t.Event == nil {
		return
	}
	k := langKey{room: t.Event.RoomID, user: t.Event.Sender}
	now := w.Now()
	install := answer.MessageLang("", w.Lang)
	lang := answer.ClearLang(text)
	if lang != "" {
		w.langs.note(k, lang, install, now, w.ChoiceTTL)
	} else if lang = w.langs.get(k, now.Add(-w.ChoiceTTL)); lang == "" {
		lang = install
	}
	t.Lang = lang
}

// lang is the language of this turn's frame.
func (w *Workflow) lang(ctx context.Context) string {
	if t := chat.TurnOf(ctx); t != nil && t.Lang != "" {
		return t.Lang
	}
	return w.Lang
}

// texts are the workflow's texts in this turn's language.
func (w *Workflow) texts(ctx context.Context) *Texts { return TextsFor(w.lang(ctx)) }

// answerTexts are the answer decision's texts in this turn's language.
func (w *Workflow) answerTexts(ctx context.Context) *answer.Texts {
	return answer.TextsFor(w.lang(ctx))
}

// contact is the fallback contact for this turn: the configured one as
// written, else the general pointer in this turn's language.
func (w *Workflow) contact(ctx context.Context) string {
	if w.Contact != "" {
		return w.Contact
	}
	return chat.DefaultContact(w.lang(ctx))
}
