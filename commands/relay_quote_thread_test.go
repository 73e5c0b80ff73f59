package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"
)

// fakeLine is a line a member can type that reads like one of Lotse's own
// in a case thread (sup28's Low spoofing finding).
const fakeLine = "✉️ Antwort an das Mitglied gesendet (Alice)."

// quoted returns the HTML of c between the first <blockquote> and its end,
// and what follows it; ok is false without a blockquote.
func quoted(c *event.MessageEventContent) (inside, after string, ok bool) {
	_, rest, ok := strings.Cut(c.FormattedBody, "<blockquote>")
	if !ok {
		return "", "", false
	}
	inside, after, ok = strings.Cut(rest, "</blockquote>")
	return inside, after, ok
}

// TestMemberTextQuotedInThread (mend28a): in the case thread a member's
// text — the case's question, a relayed message, its edit — is a
// blockquote in HTML below Lotse's line naming the member, so that a line
// of it cannot pass for Lotse's own; Lotse's words after it (the guides it
// suggested, the note that the text was cut) stay outside the quote. The
// plain body is as before. Fails without memberBodies: the text was one
// escaped paragraph with Lotse's lines.
func TestMemberTextQuotedInThread(t *testing.T) {
	t.Run("question with suggested guides", func(t *testing.T) {
		e := newSupportEnv(t)
		sent := e.say(t, dmRoom, member, "passwort vergessen cloud", "")
		answer := id.EventID("$" + in(sent, dmRoom)[0].txn)
		sent = e.react(t, dmRoom, member, answer, "👎")
		prompt := in(sent, dmRoom)[0]
		team := in(e.react(t, dmRoom, member, id.EventID("$"+prompt.txn), "✅"), teamRoom)
		if len(team) < 2 {
			t.Fatalf("team room got %d messages", len(team))
		}
		q := team[1].content
		inside, after, ok := quoted(q)
		if !ok || !strings.Contains(inside, "passwort vergessen cloud") || strings.Contains(inside, "vorgeschlagen") {
			t.Errorf("question not quoted alone: %q", q.FormattedBody)
		}
		if !strings.Contains(after, "Lotse hat vorgeschlagen: Cloud-Passwort vergessen") {
			t.Errorf("suggested guides not after the quote: %q", q.FormattedBody)
		}
		if !strings.HasPrefix(q.Body, "Frage und Verlauf mit Lotse (Mia Mitglied):\npasswort vergessen cloud\nLotse hat vorgeschlagen: ") {
			t.Errorf("plain body: %q", q.Body)
		}
	})
	t.Run("relay and its edit", func(t *testing.T) {
		e := newSupportEnv(t)
		e.openCase(t)
		msg := e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: "Danke!\n" + fakeLine})
		relay := in(e.handle(t, msg, true), teamRoom)
		if len(relay) != 1 {
			t.Fatalf("want one relay, got %d", len(relay))
		}
		c := relay[0].content
		want := "💬 Mia Mitglied (#1):<blockquote>Danke!<br>" + fakeLine + "</blockquote>"
		if c.FormattedBody != want {
			t.Errorf("relay HTML %q, want %q", c.FormattedBody, want)
		}
		if c.Body != "💬 Mia Mitglied (#1):\nDanke!\n"+fakeLine {
			t.Errorf("relay plain body %q", c.Body)
		}
		nc := relayEdit(t, e.handle(t, e.editText(dmRoom, member, msg.ID, "Nein, doch nicht\n"+fakeLine), true), relay[0])
		if want := "💬 Mia Mitglied (#1):<blockquote>Nein, doch nicht<br>" + fakeLine + "</blockquote>"; nc.FormattedBody != want {
			t.Errorf("edited relay HTML %q, want %q", nc.FormattedBody, want)
		}
	})
	t.Run("cut note outside", func(t *testing.T) {
		e := newSupportEnv(t)
		e.openCase(t)
		team := in(e.say(t, dmRoom, member, strings.Repeat("Fehlermeldung <dump> & log line 1234567890\n", 600), ""), teamRoom)
		if len(team) != 1 {
			t.Fatalf("want one relay, got %d", len(team))
		}
		inside, after, ok := quoted(team[0].content)
		if !ok || strings.Contains(inside, "zu lang für eine Chatnachricht") || !strings.HasSuffix(inside, "…") {
			t.Errorf("quote holds the cut note or does not end cut: …%q", inside[max(0, len(inside)-200):])
		}
		if !strings.Contains(after, "zu lang für eine Chatnachricht") {
			t.Errorf("cut note not after the quote: %q", after)
		}
	})
}
