package flow

import (
	"context"
	"sync"
	"time"

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
// expired entries go, then the oldest one. Many accounts writing English
// cost at most this many small entries.
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
// language than the install's, by room and member.
type langMemory struct {
	mu sync.Mutex
	m  map[langKey]langSeen
}

// note records lang as k's last clear language at now; the install's
// language is the default and is not kept. window is the follow-up
// window: an entry older than it is read by no one (get), and goes first
// when the memory is full.
func (lm *langMemory) note(k langKey, lang, install string, now time.Time, window time.Duration) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	if lang == install {
		delete(lm.m, k)
		return
	}
	if lm.m == nil {
		lm.m = map[langKey]langSeen{}
	}
	if _, ok := lm.m[k]; !ok && len(lm.m) >= maxLangMemory {
		lm.evict(now.Add(-window))
	}
	lm.m[k] = langSeen{lang: lang, at: now}
}

// evict removes the entries noted before since (the start of the
// follow-up window: no one reads them any more), all of them in one
// pass, so that after a burst of members the next ones find room without
// another pass; when none has expired, the oldest.
func (lm *langMemory) evict(since time.Time) {
	var oldest langKey
	var oldestAt time.Time
	for k, s := range lm.m {
		if s.at.Before(since) {
			delete(lm.m, k)
			continue
		}
		if oldestAt.IsZero() || s.at.Before(oldestAt) {
			oldest, oldestAt = k, s.at
		}
	}
	if len(lm.m) >= maxLangMemory {
		delete(lm.m, oldest)
	}
}

// get is k's last clear language noted after since, or "".
func (lm *langMemory) get(k langKey, since time.Time) string {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	s, ok := lm.m[k]
	if !ok || s.at.Before(since) {
		return ""
	}
	return s.lang
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
