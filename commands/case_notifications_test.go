package commands

import (
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// ringsFor reports whether m would notify user under the default push
// rules: an m.notice never does (.m.rule.suppress_notices comes before
// every mention rule), anything else does when its m.mentions names user.
func ringsFor(m sentMsg, user id.UserID) bool {
	c := m.content
	return c.MsgType != event.MsgNotice && c.Mentions != nil && c.Mentions.Has(user)
}

// TestCaseMessagesRingTheirReader: what the team sends a member later (an
// answer, a guide, the resolution) notifies the member, and what the
// member writes back into a claimed case notifies the volunteer who
// claimed it — before phone34 every one was an m.notice, which no push
// rule lets ring, so both sides learnt of the other's message only when
// they opened the room. Lotse's own notes mention nobody and stay quiet
// notices; a member's „@room“ relayed into the team room rings nobody on
// a homeserver without intentional mentions.
func TestCaseMessagesRingTheirReader(t *testing.T) {
	e := newSupportEnv(t)
	e.openCase(t)

	// Before anyone claims the case, the member's message mentions nobody.
	for _, m := range in(e.say(t, dmRoom, member, "Ist da jemand?", ""), teamRoom) {
		if m.content.MsgType != event.MsgNotice || (m.content.Mentions != nil && len(m.content.Mentions.UserIDs) > 0) {
			t.Fatalf("an unclaimed case's relay mentions %+v (%s)", m.content.Mentions, m.content.MsgType)
		}
	}

	sent := e.say(t, teamRoom, alice, "!antwort 1 Geht über das Formular.", "")
	dm := in(sent, dmRoom)
	if len(dm) != 1 || !ringsFor(dm[0], member) || !strings.Contains(dm[0].content.Body, "Formular") {
		t.Fatalf("the team's answer does not ring the member: %+v", dm)
	}
	for _, m := range in(sent, teamRoom) {
		if m.content.MsgType != event.MsgNotice {
			t.Fatalf("Lotse's note to the team is %s: %q", m.content.MsgType, m.content.Body)
		}
	}

	dm = in(e.say(t, teamRoom, alice, "!antwort 1 anleitung konto/passwort-vergessen.md", ""), dmRoom)
	if len(dm) != 1 || !ringsFor(dm[0], member) {
		t.Fatalf("the guide from the team does not ring the member: %+v", dm)
	}

	team := in(e.say(t, dmRoom, member, "Danke! @room wo ist das Formular?", ""), teamRoom)
	if len(team) != 1 || !ringsFor(team[0], alice) || ringsFor(team[0], bob) {
		t.Fatalf("the member's reply does not ring (only) Alice, who claimed the case: %+v", team)
	}
	if strings.Contains(team[0].content.Body, "@room") || !strings.Contains(team[0].content.Body, "wo ist das Formular") {
		t.Fatalf("relayed body %q", team[0].content.Body)
	}

	dm = in(e.say(t, teamRoom, alice, "!erledigt 1", ""), dmRoom)
	if len(dm) == 0 || !ringsFor(dm[0], member) {
		t.Fatalf("the resolution does not ring the member: %+v", dm)
	}
}

// TestStaleReminderRingsWithPlainText: the reminder of a case with no
// activity rings the volunteer who claimed it, and its plain body — the
// text of the notification — has no Markdown: the command without its
// backticks, a display name with „_“ or „*“ as it is.
func TestStaleReminderRingsWithPlainText(t *testing.T) {
	e := newSupportEnv(t)
	e.fm.names[alice] = "Ali_ce *K*"
	e.openCase(t)
	e.say(t, teamRoom, alice, "!übernehmen 1", "")
	e.now = e.now.Add(3*24*time.Hour + time.Hour)
	var reminder *sentMsg
	for _, m := range in(e.tick(t), teamRoom) {
		if strings.Contains(m.content.Body, "nichts passiert") {
			reminder = &m
		}
	}
	if reminder == nil {
		t.Fatal("no stale reminder")
	}
	if !ringsFor(*reminder, alice) || ringsFor(*reminder, bob) {
		t.Fatalf("the reminder does not ring (only) Alice: %s %+v", reminder.content.MsgType, reminder.content.Mentions)
	}
	body := reminder.content.Body
	if !strings.HasPrefix(body, "⏰ Ali_ce *K*, in Fall #1") || !strings.Contains(body, "Abgeben mit !abgeben 1.") || strings.Contains(body, "`") || strings.Contains(body, `\`) {
		t.Fatalf("plain body %q", body)
	}
	if !strings.Contains(reminder.content.FormattedBody, `<a href="https://matrix.to/#/@alice:test">Ali_ce *K*</a>`) || !strings.Contains(reminder.content.FormattedBody, "<code>!abgeben 1</code>") {
		t.Fatalf("html %q", reminder.content.FormattedBody)
	}
}
