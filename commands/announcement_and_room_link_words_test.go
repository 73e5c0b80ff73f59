package commands

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// linkTextIsAddress finds a link whose text is its address: a screen
// reader reads such a link's text letter by letter.
var linkTextIsAddress = regexp.MustCompile(`<a href="[^"]*">https?://`)

// TestRoomLinkHasAWordsLabel: the moderator link of a member's own
// BigBlueButton room — in the approval's message and in the answer to
// `!raum` — is a link labelled in words („Raum betreten“), not its
// address of some 250 characters of parameters and a checksum, which a
// screen reader read out letter by letter (a11y35). The plain body keeps
// the address after the label, for a client that shows only the body.
func TestRoomLinkHasAWordsLabel(t *testing.T) {
	e := newAccessEnv(t)
	e.requestRoom(t, member, dmRoom)
	before := len(e.fm.sent)
	e.say(t, approvals, carol, "!genehmigen 1", "")
	if err := e.h.AccessTick(t.Context(), e.now); err != nil {
		t.Fatal(err)
	}
	approved := in(e.fm.sent[before:], dmRoom)
	mustContain(t, approved, "BigBlueButton-Raum „AG Umwelt Süd“ gehört jetzt dir")
	link := in(e.say(t, dmRoom, member, "!raum AG Umwelt Süd", ""), dmRoom)
	mustContain(t, link, "Dein Moderationslink für „AG Umwelt Süd“")
	for _, msgs := range [][]sentMsg{approved, link} {
		found := false
		for _, m := range msgs {
			c := m.content
			if c == nil || !strings.Contains(c.Body, "bigbluebutton/api/join") {
				continue
			}
			found = true
			if linkTextIsAddress.MatchString(c.FormattedBody) || !strings.Contains(c.FormattedBody, ">Raum betreten</a>") {
				t.Errorf("the moderator link is not labelled in words:\n%s", c.FormattedBody)
			}
			if !strings.Contains(c.Body, "Raum betreten (http") {
				t.Errorf("the plain body lost the label or the address:\n%s", c.Body)
			}
		}
		if !found {
			t.Errorf("no moderator link in:\n%s", bodies(msgs))
		}
	}
}

// TestAnnouncementDetailsInWords: a round table's announcement labels
// its details in words („Wann:“, „Worum es geht:“, „Plätze:“), which a
// screen reader and a plain body read as they are. The labels were emoji,
// read by their names — 🕖 as „sieben Uhr“ before a meeting at another
// time, 📝 „Memo“, 👥 „Silhouetten von Büsten“ (a11y35).
func TestAnnouncementDetailsInWords(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	e := newRTEnv(t, time.Date(2026, 3, 27, 10, 0, 0, 0, berlin))
	e.announce(t, "!rundertisch Digitaler Wandel am 29.3. um 18 Uhr 90 min\nBeschreibung: Wir reden über die Cloud.\nPlätze: 2")
	var post string
	for _, m := range e.fm.sent {
		if m.content == nil {
			continue
		}
		if strings.ContainsAny(m.content.Body, "🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛") {
			t.Errorf("a clock face in a message:\n%s", m.content.Body)
		}
		if m.room == annRoom1 && strings.Contains(m.content.Body, "Runder Tisch #1: Digitaler Wandel") {
			post = m.content.Body
		}
	}
	for _, want := range []string{"Wann: So, 29.3.2026, 18:00–19:30 Uhr", "Worum es geht: Wir reden über die Cloud.", "Plätze: 2"} {
		if !strings.Contains(post, want) {
			t.Errorf("the announcement lacks %q:\n%s", want, post)
		}
	}
}
