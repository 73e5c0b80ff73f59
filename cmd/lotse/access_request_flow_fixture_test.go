package main

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/chatclient"
)

// fileNextcloudRequest walks member m through `!zugang nextcloud group` in
// their direct chat dm with Lotse (botID): e-mail address, reason, the
// summary, `ja`. The test fails at the first answer that does not say
// what the step expects.
func fileNextcloudRequest(t *testing.T, m *chatclient.Client, dm id.RoomID, botID id.UserID, group, email, reason string) {
	t.Helper()
	for _, step := range []struct{ say, want string }{
		{"!zugang nextcloud " + group, "E-Mail-Adresse"},
		{email, "Wofür"},
		{reason, "Bitte prüf"},
		{"ja", "#1"},
	} {
		if reply, _ := ask(t, m, dm, botID, text(step.say)); !strings.Contains(body(reply), step.want) {
			t.Fatalf("after %q: %s", step.say, body(reply))
		}
	}
}
