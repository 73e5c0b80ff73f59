package chat

import (
	"context"
	"strings"
)

// The language of a command's reply (en35). An install has one language,
// but a member may read only the other one. The words they type say which
// they read: a member of a German install who types `!help`, `!privacy`
// or `!my-data` wrote English on purpose, one who types `!hilfe` German.
// So a command typed in a direct chat is answered in the language of its
// name as typed, when that name belongs to one language only (Dispatch
// sets Turn.Lang; ReplyLang reads it): a name both languages share
// (`!ticket`, `!team`; `!start`, an English word too: bothLanguages) or
// a short form (`!h`) says nothing and
// keeps the turn's language (the install's, or what the answer path read).
// It holds for that one reply: nothing is stored, so a German member who
// once typed an English command name is not switched for good.
//
// What goes to other people in the same turn (the team room, the approvals
// room) does not read it: those texts stay in the install's language.

// In records the command's help line in both languages (de, en), so that
// the help and the name's language (WordLang) can follow the reader.
func (c Command) In(de, en CommandText) Command {
	c.Langs = map[string]CommandText{"de": de, "en": en}
	return c
}

// InSection records the command's help section heading in both
// languages (de, en), so that the help's headings follow the reader too.
func (c Command) InSection(de, en string) Command {
	c.SectionLangs = map[string]string{"de": de, "en": en}
	return c
}

// SectionIn is the command's help section heading in lang; the install's
// (Section) when the command has none for lang.
func (c *Command) SectionIn(lang string) string {
	if s, ok := c.SectionLangs[lang]; ok && s != "" && c.Section != "" {
		return s
	}
	return c.Section
}

// Text is the command's help line in lang; the install's (Usage,
// Description) when the command has none for lang.
func (c *Command) Text(lang string) CommandText {
	if ct, ok := c.Langs[lang]; ok && ct.Usage != "" {
		return ct
	}
	return CommandText{Usage: c.Usage, Description: c.Description}
}

// WordLang is the language ("de", "en") whose name of c typed is (the
// command word as the member typed it, without "!"), or "" when typed is
// a name both languages share or a short form.
func (c *Command) WordLang(typed string) string {
	de, en := commandWord(c.Langs["de"].Usage), commandWord(c.Langs["en"].Usage)
	if de == "" || en == "" || de == en {
		return ""
	}
	w := foldCommandWord(typed)
	if bothLanguages[w] {
		return ""
	}
	switch w {
	case en:
		return "en"
	case de:
		return "de"
	}
	return ""
}

// bothLanguages are command names that one help line names but that are
// a word of the other language as well: `!start` is the German help's
// name of the checklist (the English help's is `!onboarding`), and an
// English member types it as their own word — it answered them in German.
// Such a name says no language, like a name both help lines share.
var bothLanguages = map[string]bool{"start": true}

// commandWord is the folded command name of a usage line („!meine-daten“
// → „meinedaten“, „!daten-löschen <Wort>“ → „datenloeschen“).
func commandWord(usage string) string {
	f := strings.Fields(usage)
	if len(f) == 0 {
		return ""
	}
	return foldCommandWord(strings.TrimPrefix(f[0], "!"))
}

// foldCommandWord spells a command name without hyphens and umlauts, as
// its aliases do (`!meinedaten`, `!daten-loeschen`, `!mydata`).
func foldCommandWord(w string) string {
	return strings.NewReplacer("-", "", "ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss").Replace(strings.ToLower(w))
}

// ReplyLang is the language ("de", "en") of a reply to the sender of the
// turn in ctx: the turn's (Turn.Lang: the command name's, or the language
// the answer path read from the message), else the install's.
func (e *Env) ReplyLang(ctx context.Context) string {
	if t := TurnOf(ctx); t != nil && t.Lang != "" {
		return t.Lang
	}
	return e.Lang
}
