package commands

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
)

// TestShortHelp: "hilfe", "help" and "?" without "!" give the short help:
// at most ten lines, three example questions, a way to a person.
func TestShortHelp(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	// („Help“ is English and answered so since en35: TestCommandReplyFollowsCommandName.)
	for _, word := range []string{"hilfe", "?", "Hilfe!"} {
		handle(t, h, msgEvent(word), true)
		body := fm.last(t).Body
		if n := strings.Count(strings.TrimSpace(body), "\n") + 1; n > 10 {
			t.Errorf("%q: %d lines:\n%s", word, n, body)
		}
		if strings.Count(body, "„") != 3 || !strings.Contains(body, "Menschen") || !strings.Contains(body, "!anleitungen") {
			t.Errorf("%q: short help lacks the examples or the way to a person:\n%s", word, body)
		}
		// Support cases are off here: no case is advertised.
		if strings.Contains(body, "mit einem Menschen sprechen") {
			t.Errorf("%q: advertises cases although they are off:\n%s", word, body)
		}
	}
}

// TestHelpOneCommand: !hilfe <befehl> explains one command, by name or alias.
func TestHelpOneCommand(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	handle(t, h, msgEvent("!hilfe anleitungen"), true)
	if body := fm.last(t).Body; !strings.Contains(body, "!anleitungen [Thema]") || !strings.Contains(body, "!themen") {
		t.Errorf("!hilfe anleitungen:\n%s", body)
	}
	handle(t, h, msgEvent("!hilfe !guide"), true)
	if body := fm.last(t).Body; !strings.HasPrefix(body, "!anleitung <") {
		t.Errorf("!hilfe !guide:\n%s", body)
	}
	handle(t, h, msgEvent("!hilfe rolle"), true)
	if body := fm.last(t).Body; !strings.Contains(body, "kenne ich nicht") {
		t.Errorf("!hilfe of a command the member may not use:\n%s", body)
	}
}

// TestGuidesListNumbered: !anleitungen lists the topics with the names of
// topics.yaml in its order, numbered, with a correct plural; a number or a
// name lists a topic's guides as "2.1", "2.2" …; !anleitung 2.1 opens one.
func TestGuidesListNumbered(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	lib := h.Guides.Current()
	var topics []guides.Topic
	for _, tp := range lib.Topics() {
		n := 0
		for _, g := range tp.Guides {
			if guides.VisibleTo(g, false) {
				n++
			}
		}
		if n > 0 {
			tp.Guides = tp.Guides[:n:n] // only the count matters below
			topics = append(topics, tp)
		}
	}
	if len(topics) < 3 || topics[0].Title != "Cloud (Nextcloud)" || topics[1].Title != "Videokonferenzen (BigBlueButton)" {
		t.Fatalf("topics not in topics.yaml order with its names: %+v", topics)
	}
	handle(t, h, msgEvent("!anleitungen"), true)
	body := fm.last(t).Body
	last := -1
	for i, tp := range topics {
		word := "Anleitungen"
		if len(tp.Guides) == 1 {
			word = "Anleitung"
		}
		line := fmt.Sprintf("%d. %s – %d %s\n", i+1, tp.Title, len(tp.Guides), word)
		at := strings.Index(body, line)
		if at <= last {
			t.Fatalf("topic %q not numbered in order:\n%s", line, body)
		}
		last = at
	}
	for _, arg := range []string{"2", "bbb", "Videokonferenzen"} {
		handle(t, h, msgEvent("!anleitungen "+arg), true)
		if body := fm.last(t).Body; !strings.Contains(body, "Videokonferenzen") || !strings.Contains(body, "2.1 ") || !strings.Contains(body, "2.2 ") {
			t.Errorf("!anleitungen %s:\n%s", arg, body)
		}
	}
	handle(t, h, msgEvent("!anleitungen 2"), true)
	list := fm.last(t).Body
	first := list[strings.Index(list, "2.1 ")+4:]
	first = first[:strings.Index(first, "\n")]
	handle(t, h, msgEvent("!anleitung 2.1"), true)
	if body := fm.last(t).Body; !strings.Contains(body, first) || !strings.Contains(body, "👍") {
		t.Errorf("!anleitung 2.1 (%q):\n%s", first, body)
	}
	handle(t, h, msgEvent("!anleitung 99.1"), true)
	if body := fm.last(t).Body; !strings.Contains(body, "finde ich nichts") {
		t.Errorf("!anleitung 99.1:\n%s", body)
	}
}

// TestUnknownCommandSuggestsOnlyUsable (ux20 M6): an unknown command is
// answered with the nearest command the sender may use in that room –
// never a team, approver or manager command they lack, a command only for
// another room, or one of a feature that is off – and else with the help.
func TestUnknownCommandSuggestsOnlyUsable(t *testing.T) {
	const group = id.RoomID("!group:test")
	noCases := func(e *accessEnv) { e.reconfigure(func(d *Deps) { d.Support = Support{} }) }
	noAccess := func(e *accessEnv) { e.reconfigure(func(d *Deps) { d.Access = Access{} }) }
	tests := []struct {
		name   string
		setup  func(e *accessEnv)
		room   id.RoomID
		sender id.UserID
		typed  string
		want   string // the suggestion; "": none
	}{
		{"team command, team member in the team room", nil, teamRoom, alice, "!offne", "!offen"},
		{"team command, member", nil, dmRoom, member, "!offne", ""},
		{"team command, team member outside the team room", nil, group, alice, "!offne", ""},
		{"approver command, approver in the approvals room", nil, approvals, carol, "!genehmign 1", "!genehmigen"},
		{"approver command, member", nil, dmRoom, member, "!genehmign 1", ""},
		{"manager command, member", nil, dmRoom, member, "!rolen", ""},
		{"direct-chat command in the direct chat", nil, dmRoom, member, "!datenschuz", "!datenschutz"},
		{"direct-chat command in a group room", nil, group, member, "!datenschuz", ""},
		{"cases on", nil, dmRoom, member, "!tiket Drucker", "!ticket"},
		{"cases off", noCases, dmRoom, member, "!tiket Drucker", ""},
		{"access requests on", nil, dmRoom, member, "!zugnag nextcloud", "!zugang"},
		{"access requests off", noAccess, dmRoom, member, "!zugnag nextcloud", ""},
		{"everyone's command", nil, group, member, "!anleitng passwort", "!anleitung"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			if tt.setup != nil {
				tt.setup(e)
			}
			e.fm.joined[group] = map[id.UserID]bool{member: true, alice: true, botID: true}
			sent := in(e.say(t, tt.room, tt.sender, tt.typed, ""), tt.room)
			if len(sent) != 1 {
				t.Fatalf("%d replies:\n%s", len(sent), bodies(sent))
			}
			body := sent[0].content.Body
			if !strings.Contains(body, "kenne ich nicht") || !strings.Contains(body, "Alle Befehle, die du nutzen kannst, zeigt !hilfe.") {
				t.Errorf("not the unknown-command answer:\n%s", body)
			}
			suggested := strings.Contains(body, "Meintest du")
			switch {
			case tt.want == "" && suggested:
				t.Errorf("suggests a command the sender may not use here:\n%s", body)
			case tt.want != "" && !strings.Contains(body, "Meintest du "+tt.want+"?"):
				t.Errorf("does not suggest %s:\n%s", tt.want, body)
			}
		})
	}
}

// TestHelpSectionsOnce: a role's commands that only work in the direct
// chat (chat.Role.DirectOnly) are listed with the role's other commands:
// one heading for coordinators, members' commands in the registry's order
// (whole-change review 20, people, M2).
func TestHelpSectionsOnce(t *testing.T) {
	e := newRTEnv(t, rtFriday(t))
	all := bodies(e.sayDirect(t, dmOf(coord), coord, "!hilfe"))
	if n := strings.Count(all, "Befehle für Koordinator:innen:"); n != 1 {
		t.Errorf("the coordinators' heading %d times:\n%s", n, all)
	}
	a := newAccessEnv(t)
	help := bodies(in(a.say(t, dmRoom, member, "!hilfe", ""), dmRoom))
	for _, order := range [][]string{{"• !ticket", "• !meine", "• !schließen"}, {"• !zugang", "• !anträge", "• !zurückziehen", "• !raum"}} {
		last := -1
		for _, usage := range order {
			i := strings.Index(help, usage)
			if i < 0 || i < last {
				t.Errorf("%s is not in the registry's order (%v):\n%s", usage, order, help)
			}
			last = i
		}
	}
}

// TestUnknownCommandSuggestsSpokenName: a typo is answered with the
// command as the help shows it in the member's language, and a word that
// is only two edits from a short name („!foo“ and „!room“) or as near to a
// one-letter short form as that form is long („!foo“ and „!f“) gets none.
func TestUnknownCommandSuggestsSpokenName(t *testing.T) {
	tests := []struct {
		name, lang, typed, want string // want: the suggestion; "": none
	}{
		{"German, near nothing but a short form", "de", "!foo", ""},
		{"English, near nothing but a short form", "en", "!foo", ""},
		{"English typo of an English name", "en", "!privay", "!privacy"},
		{"English member, German name mistyped", "en", "!anleitng passwort", "!guide"},
		{"English member, alias mistyped", "en", "!tiket Drucker", "!ticket"},
		{"German member, English alias mistyped", "de", "!privcy", "!datenschutz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			if tt.lang == "en" {
				e.reconfigure(func(d *Deps) { d.Texts = &English })
			}
			sent := in(e.say(t, dmRoom, member, tt.typed, ""), dmRoom)
			if len(sent) != 1 {
				t.Fatalf("%d replies:\n%s", len(sent), bodies(sent))
			}
			body := sent[0].content.Body
			mean := map[string]string{"de": "Meintest du ", "en": "Did you mean "}[tt.lang]
			switch suggested := strings.Contains(body, mean); {
			case tt.want == "" && suggested:
				t.Errorf("suggests a command:\n%s", body)
			case tt.want != "" && !strings.Contains(body, mean+tt.want+"?"):
				t.Errorf("does not suggest %s:\n%s", tt.want, body)
			}
		})
	}
}

// TestSpokenNamesAreCommands: the name an unknown command's suggestion
// shows (spokenName: the first word of the usage in the member's
// language) is a name or an alias of that very command, in German and in
// English; otherwise „Meintest du !claim?“ would suggest a command that
// answers „unknown command“ again (mend24a, a second look at texts24).
func TestSpokenNamesAreCommands(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for env, h := range map[string]func() *Handler{
			"support": func() *Handler {
				e := newSupportEnv(t)
				if lang == "en" {
					e.reconfigure(func(d *Deps) { d.Texts = &English })
				}
				return e.h
			},
			"access": func() *Handler {
				e := newAccessEnv(t)
				if lang == "en" {
					e.reconfigure(func(d *Deps) { d.Texts = &English })
				}
				return e.h
			},
		} {
			handler := h()
			for i := range handler.commands {
				c := &handler.commands[i]
				spoken := strings.ToLower(spokenName(c, c.Name))
				if spoken != c.Name && !slices.Contains(c.Aliases, spoken) {
					t.Errorf("%s/%s: %s (usage %q) is suggested as !%s, which is no name or alias of it %v", env, lang, c.Name, c.Usage, spoken, c.Aliases)
				}
			}
		}
	}
}

// TestHelpMembersCommandsBeforeHeadings (texts28): the members' commands
// that need the direct chat (!team, !datenschutz, !nicht-merken) stand
// with the other members' commands, before the first role's heading — an
// approver in the team saw them under „Befehle für das Team“ and
// !nicht-merken under the managers' heading.
func TestHelpMembersCommandsBeforeHeadings(t *testing.T) {
	a := newAccessEnv(t)
	help := bodies(in(a.say(t, approvals, alice, "!hilfe", ""), approvals))
	first := strings.Index(help, "Befehle für Genehmigende")
	if first < 0 {
		t.Fatalf("no approvers' heading:\n%s", help)
	}
	for _, usage := range []string{"• !team beitreten", "• !datenschutz", "• !daten-löschen", "• !nicht-merken"} {
		if i := strings.Index(help, usage); i < 0 || i > first {
			t.Errorf("%s is not among the members' commands before the headings:\n%s", usage, help)
		}
	}
	// Every role's heading has one shape („Befehle für …:“); the
	// managers' read „Rollen und Freischaltung:“ in bold.
	headings := 0
	for _, line := range strings.Split(help, "\n") {
		if strings.HasSuffix(line, ":") && !strings.HasPrefix(line, "•") && line != "Befehle:" {
			headings++
			if !strings.HasPrefix(line, "Befehle für ") {
				t.Errorf("heading %q is not „Befehle für …:“:\n%s", line, help)
			}
		}
	}
	if headings < 3 {
		t.Errorf("%d headings, want those of approvers, team and managers:\n%s", headings, help)
	}
}
