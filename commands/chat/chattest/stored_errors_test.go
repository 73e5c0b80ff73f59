package chattest_test

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/access"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestStoredErrorsFitTheCut is the check across packages of the texts
// that are stored and shown later through chat.Escape, which keeps
// chat.MaxEscaped characters (left33's Left, left34). Every such place
// found by the callers of the cut:
//   - access's Err* texts: stored as a request's last error (and as the
//     detail of its „failed“ audit entry); shown in the approvers' failure
//     note (announceFailed), the note after NotifyAfter attempts (the
//     cause, worker.go), and the audit listing (!protokoll, auditDetail).
//     ErrBBBKey's %s is BigBlueButton's message key (at most some 30
//     characters; filled with 32).
//
// No other catalogue's text is stored and cut: the other values Escape
// cuts are names, titles and what members typed, whose cut is meant.
// A new place belongs in this list.
func TestStoredErrorsFitTheCut(t *testing.T) {
	chattest.CheckFit(t, chat.MaxEscaped, strings.Repeat("k", 32), "Err", access.German, access.English)
}
