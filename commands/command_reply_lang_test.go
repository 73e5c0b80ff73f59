package commands

import (
	"regexp"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
	"github.com/lotse-bot/lotse/guides"
)

// germanIn returns the German a member reads in msgs (chattest.English:
// German words, umlauts, dates, quotes, German command names), guide
// content and what people wrote (said) left out.
func germanIn(t *testing.T, h *Handler, msgs []sentMsg, said ...string) []string {
	t.Helper()
	lib := h.Guides.Current()
	var phrases, corpus []string
	for _, tp := range lib.Topics() {
		phrases = append(phrases, tp.Title)
	}
	for _, g := range lib.Guides() {
		phrases = append(phrases, g.Title)
		corpus = append(corpus, g.Summary, g.Body, guides.RenderGuide(g, guides.RenderOptions{MaxBytes: 1 << 20, Section: -1}).Plain)
	}
	phrases = append(phrases, "Mia Mitglied")
	corpus = append(corpus, said...)
	commands := map[string]string{}
	for _, c := range h.commands {
		en := strings.TrimPrefix(strings.Fields(c.Text("en").Usage + " x")[0], "!")
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if n != en && germanName(n, c) {
				commands[n] = en
			}
		}
	}
	check := chattest.NewEnglish(phrases, corpus, commands)
	var problems []string
	for _, m := range msgs {
		if m.content == nil {
			continue
		}
		for _, text := range []string{m.content.Body, htmlText(m.content.FormattedBody)} {
			for _, p := range check.Problems(text) {
				problems = append(problems, p+"\n    in: "+chat.Shorten(text, 300))
			}
		}
	}
	return problems
}

// TestCommandReplyFollowsCommandName (en35): in a German install a member
// who reads only English types the English names the help and the aliases
// offer — `!help`, `!privacy`, `!my-data`, `!delete-my-data`, `!guides`,
// `!close` — and got every reply in German („Den Befehl … kenne ich
// nicht“, the whole privacy overview, „Welchen Fall soll ich schließen?“).
// A command typed in the direct chat is now answered in the language of
// its name as typed; a name both languages share (`!ticket`) or a short
// form keeps the install's. The same the other way round in an English
// install. Nothing is remembered: the next German name is answered in
// German. Fails without Dispatch setting the turn's language (every
// English row German) and without the workflows reading it.
func TestCommandReplyFollowsCommandName(t *testing.T) {
	for _, tt := range []struct {
		install *Texts
		typed   string
		english bool // the reply is English (else it holds German)
	}{
		{&German, "!help", true},
		{&German, "!hilfe", false},
		{&German, "help", true},
		{&German, "hilfe", false},
		{&German, "!help privacy", true},
		{&German, "!hilfe datenschutz", false},
		{&German, "!privacy", true},
		{&German, "!datenschutz", false},
		{&German, "!my-data", true},
		{&German, "!mydata", true},
		{&German, "!meine-daten", false},
		{&German, "!delete-my-data", true},
		{&German, "!daten-löschen", false},
		{&German, "!daten-loeschen", false},
		{&German, "!dont-keep", true},
		{&German, "!nicht-merken", false},
		{&German, "!guides", true},
		{&German, "!anleitungen", false},
		{&German, "!guides cooking", true},
		{&German, "!guide", true},
		{&German, "!anleitung", false},
		{&German, "!close", true},
		{&German, "!schließen", false},
		{&German, "!close 9", true},
		{&German, "!mine", true},
		{&German, "!meine", false},
		{&German, "!ticket", false}, // a name of both: the install's
		{&German, "!onboarding", true},
		{&German, "!checkliste", false},
		{&German, "!stop", true},
		{&German, "!stopp", false},
		{&English, "!hilfe", false},
		{&English, "!help", true},
		{&English, "!datenschutz", false},
		{&English, "!privacy", true},
		{&English, "!meine", false},
		{&English, "!ticket", true},
		// `!start` is the German help's name and an English word: an
		// English member typing it was answered in German.
		{&English, "!start", true},
		{&English, "!onboarding", true},
		{&German, "!start", false},
		// `!ask` with no question gets its usage: it read the install's texts.
		{&German, "!ask", true},
		{&German, "!frage", false},
		{&English, "!frage", false},
	} {
		t.Run(tt.install.Lang+" "+tt.typed, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.Texts = tt.install })
			got := in(e.say(t, dmRoom, member, tt.typed, ""), dmRoom)
			if len(got) == 0 {
				t.Fatalf("no reply to %q", tt.typed)
			}
			problems := germanIn(t, e.h, got, tt.typed)
			switch {
			case tt.english && len(problems) > 0:
				t.Errorf("%q answered with German:\n%s", tt.typed, strings.Join(problems, "\n"))
			case !tt.english && len(problems) == 0:
				t.Errorf("%q answered without German:\n%s", tt.typed, bodies(got))
			}
		})
	}
}

// TestCommandReplyLanguageIsNotKept (en35): the language of a command's
// name holds for its reply only. A German member who typed `!help` once
// reads German again at their next German command; a command in a group
// room is answered in the install's language (everyone there reads it).
func TestCommandReplyLanguageIsNotKept(t *testing.T) {
	e := newSupportEnv(t)
	if p := germanIn(t, e.h, in(e.say(t, dmRoom, member, "!help", ""), dmRoom), "!help"); len(p) > 0 {
		t.Fatalf("!help answered with German:\n%s", strings.Join(p, "\n"))
	}
	if p := germanIn(t, e.h, in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom), "!datenschutz"); len(p) == 0 {
		t.Errorf("!datenschutz after !help was not German")
	}
	group := id.RoomID("!group:test")
	e.fm.joined[group] = map[id.UserID]bool{member: true, alice: true, bob: true, botID: true}
	if p := germanIn(t, e.h, in(e.say(t, group, member, "!help", ""), group), "!help"); len(p) == 0 {
		t.Errorf("!help in a group room was not answered in the install's language")
	}
}

// TestDeleteConfirmWordOfEitherName (en35): the erasure's confirmation
// word is given in the language of the name typed; a member who asked
// with `!daten-löschen` and confirms with `!delete-my-data <Wort>` (or
// the other way round) is erased all the same, and a wrong word is not.
func TestDeleteConfirmWordOfEitherName(t *testing.T) {
	word := regexp.MustCompile("!(?:delete-my-data|daten-löschen) ([A-Za-zäöüß]+)")
	for _, tt := range []struct{ ask, confirm string }{
		{"!daten-löschen", "!delete-my-data"},
		{"!delete-my-data", "!daten-löschen"},
	} {
		t.Run(tt.ask, func(t *testing.T) {
			e := newSupportEnv(t)
			m := word.FindStringSubmatch(bodies(in(e.say(t, dmRoom, member, tt.ask, ""), dmRoom)))
			if m == nil {
				t.Fatalf("%s gave no confirmation word", tt.ask)
			}
			if b := bodies(in(e.say(t, dmRoom, member, tt.confirm+" wrongword", ""), dmRoom)); !word.MatchString(b) {
				t.Fatalf("a wrong word was not asked again:\n%s", b)
			}
			b := bodies(in(e.say(t, dmRoom, member, tt.confirm+" "+m[1], ""), dmRoom))
			if word.MatchString(b) {
				t.Fatalf("the word %q of %s did not confirm %s:\n%s", m[1], tt.ask, tt.confirm, b)
			}
		})
	}
}

// TestWelcomeFollowsFirstMessage (en35): the welcome at a member's first
// message is in the language that message is clearly written in. A
// member of a German install whose first words were „I forgot my password
// for the cloud“ read a German welcome above the English answer; a
// message that says no language („hi“) gets the install's.
func TestWelcomeFollowsFirstMessage(t *testing.T) {
	for _, tt := range []struct {
		install *Texts
		first   string
		welcome string
	}{
		{&German, "I forgot my password for the cloud", "Welcome!"},
		{&German, "Ich habe mein Passwort für die Cloud vergessen", "Willkommen!"},
		{&German, "hi", "Willkommen!"},
		{&English, "Ich habe mein Passwort für die Cloud vergessen", "Willkommen!"},
		{&English, "hi", "Welcome!"},
	} {
		t.Run(tt.install.Lang+" "+tt.first, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) {
				d.Texts = tt.install
				d.Onboarding = Onboarding{Welcome: true}
			})
			got := in(e.say(t, dmRoom, member, tt.first, ""), dmRoom)
			if len(got) == 0 || !strings.Contains(got[0].content.Body, tt.welcome) {
				t.Fatalf("first message %q, want the welcome %q:\n%s", tt.first, tt.welcome, bodies(got))
			}
			p := germanIn(t, e.h, got[:1], tt.first)
			if english := tt.welcome == "Welcome!"; english != (len(p) == 0) {
				t.Errorf("welcome English=%v, German found: %v\n%s", english, p, got[0].content.Body)
			}
		})
	}
}

// TestHelpHeadingsFollowCommandName (en35): a team member and a manager
// who type `!help` in their direct chat with a German install read the
// whole help in English — each command's line and the headings of the
// team's, the approvers', the managers' and the coordinators' commands —
// and `!hilfe` all German. Fails without chat.Command.InSection: the
// English help's headings were German („Für das Team:“), two languages
// in one message.
func TestHelpHeadingsFollowCommandName(t *testing.T) {
	for _, who := range []id.UserID{alice, carol} {
		for _, tt := range []struct {
			typed   string
			english bool
		}{{"!help", true}, {"!hilfe", false}} {
			t.Run(who.String()+" "+tt.typed, func(t *testing.T) {
				e := newAccessEnv(t)
				e.reconfigure(func(d *Deps) {
					d.Roles = Roles{Admins: []id.UserID{carol}}
					d.RoundTables = RoundTables{Coordinators: []id.UserID{alice, carol}, Rooms: []id.RoomID{annRoom1}, Location: e.now.Location()}
				})
				dm := dmOf(who)
				e.fm.joined[dm] = map[id.UserID]bool{who: true, botID: true}
				got := in(e.handle(t, e.event(dm, who, textContent(tt.typed)), true), dm)
				if len(got) == 0 {
					t.Fatalf("no help")
				}
				b := got[0].content.Body
				if !strings.Contains(b, "!") || strings.Count(b, "\n") < 10 {
					t.Fatalf("not the full help:\n%s", b)
				}
				problems := germanIn(t, e.h, got, tt.typed)
				if tt.english && len(problems) > 0 {
					t.Errorf("the English help holds German:\n%s", strings.Join(problems, "\n"))
				}
				if !tt.english && len(problems) == 0 {
					t.Errorf("the German help holds no German:\n%s", b)
				}
			})
		}
	}
}
