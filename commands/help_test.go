package commands

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestShortHelp: "hilfe", "help" and "?" without "!" give the short help:
// at most ten lines, three example questions, a way to a person.
func TestShortHelp(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	for _, word := range []string{"hilfe", "Help", "?", "Hilfe!"} {
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
