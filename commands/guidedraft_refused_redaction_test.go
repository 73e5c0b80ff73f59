package commands

import (
	"context"
	"testing"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestDraftOfDeletedQuestionPastARefusedRedaction: the member deletes
// their question while the draft is made, and the homeserver refuses the
// draft's redaction for good (the team room was changed, Lotse left the
// old one). The draft command still ends without an error, the team is
// told why the draft is taken back, and the copy's record is forgotten,
// as learn's take-back does (chat.Env.RedactCopy; whole29's finding 5).
// Fails without it: the inline redaction returned the refusal.
func TestDraftOfDeletedQuestionPastARefusedRedaction(t *testing.T) {
	e := newSupportEnv(t)
	ja, _ := e.caseByJa(t)
	e.say(t, teamRoom, alice, "!antwort 1 Beantrage einen Raum", "")
	e.say(t, teamRoom, alice, "!erledigt 1 Raum beantragt", "")
	e.deleteWhileReading(t, ja.ID, "guidedraft.(*Workflow).input")
	e.fm.mu.Lock()
	// Only the draft's file is refused (the fake holds its lock here).
	e.fm.redactErr = func(ev id.EventID) error {
		for _, m := range e.fm.sent {
			if m.content != nil && m.content.MsgType == event.MsgFile && id.EventID("$"+m.txn) == ev {
				return mautrix.MForbidden
			}
		}
		return nil
	}
	e.fm.mu.Unlock()
	before := e.fm.count()
	if err := e.h.Handle(context.Background(), Message{Event: e.event(teamRoom, alice, &event.MessageEventContent{MsgType: event.MsgText, Body: "!anleitung-entwurf 1"})}); err != nil {
		t.Fatalf("the draft command failed on a refused redaction: %v", err)
	}
	e.fm.mu.Lock()
	sent := in(append([]sentMsg(nil), e.fm.sent[before:]...), teamRoom)
	e.fm.mu.Unlock()
	var draft string
	for _, m := range sent {
		if m.content.MsgType == event.MsgFile {
			draft = "$" + m.txn
		}
	}
	if draft == "" {
		t.Fatalf("precondition: no draft posted: %s", bodies(sent))
	}
	mustContain(t, sent, "Entwurf deshalb zurückgenommen")
	src := storage.QuestionSource{Event: ja.ID.String(), Room: dmRoom.String(), User: member.String()}
	if copies, err := e.db.Copies().BySource(context.Background(), src); err != nil || len(copies) != 0 {
		t.Fatalf("copies still recorded after the refused redaction: %+v, %v", copies, err)
	}
}
