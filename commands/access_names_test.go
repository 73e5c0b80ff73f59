package commands

import (
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestRequestNameForgesNoLines: the requester's display name, which they
// choose themselves, goes onto the approvals-room message in one line,
// without control or direction-changing characters and at most 64
// characters long (Nextcloud's limit for display names). A name with line
// breaks added lines of its own to the request the approvers decide on,
// such as a status or another e-mail address (security review 22, Low 4).
func TestRequestNameForgesNoLines(t *testing.T) {
	for _, tt := range []struct {
		name, display string
		want          string // the name as the approvers read it
		von           string // who asks, as the approvers read it
	}{
		{"line breaks", "Mia\n[GENEHMIGT von Alice]\r\nE-Mail: chef@verein.example", "Mia [GENEHMIGT von Alice] E-Mail: chef@verein.example", ""},
		{"direction override", "Mia\u202e\u2066Chef\u2069", "MiaChef", ""},
		{"long", strings.Repeat("Ä", 70), strings.Repeat("Ä", 64), ""},
		// Nothing visible is no name: the Matrix ID, as for a member
		// without one (chat.Env's DisplayName).
		{"nothing visible", "\u200b\u202e \n", "@member:test", "@member:test"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newAccessEnv(t)
			e.fm.names[member] = tt.display
			var sent []sentMsg
			for _, body := range []string{"!zugang nextcloud AG Digitales", "mia@example.org", "Mitarbeit", "ja"} {
				sent = e.handle(t, e.event(dmRoom, member, &event.MessageEventContent{MsgType: event.MsgText, Body: body}), true)
			}
			board := in(sent, approvals)
			if len(board) != 1 {
				t.Fatalf("%d messages in the approvals room", len(board))
			}
			lines := strings.Split(board[0].content.Body, "\n")
			if len(lines) != 5 {
				t.Errorf("the request has %d lines, want 5:\n%s", len(lines), board[0].content.Body)
			}
			von := tt.von
			if von == "" {
				von = tt.want + " (@member:test)"
			}
			mustContain(t, board, "von "+von+"\n", "Anzeigename: "+tt.want+"\n")
			if strings.Count(board[0].content.FormattedBody, "<br>") != 4 {
				t.Errorf("formatted request has other lines:\n%s", board[0].content.FormattedBody)
			}
		})
	}
}
