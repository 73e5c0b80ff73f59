package bot_test

import (
	"errors"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/dendrite/dendritetest"
)

// TestFetchMessageDecrypts: Lotse fetches a member's file message from an
// encrypted direct chat again, after handling it, and gets it decrypted
// with the room key it holds (url or encrypted file, caption); asked for
// the same event in another room, the fetch fails. (A text-only edit of
// a relayed file's caption keeps the file this way, from Lotse's own
// copy in the team room; commands/support.) Lotse's own encrypted message
// decrypts too.
func TestFetchMessageDecrypts(t *testing.T) {
	srv := dendritetest.Shared()
	tb := newTestBot(t, srv, nil)
	m := newMember(t, srv, "member")
	roomID := openDM(t, m, tb.userID, true)
	other := openDM(t, newMember(t, srv, "other"), tb.userID, false)
	img := &event.MessageEventContent{MsgType: event.MsgImage, Body: "Login mit hunter2", FileName: "fehler.png",
		Info: &event.FileInfo{MimeType: "image/png", Size: 9}, URL: "mxc://example.org/fehler"}
	sent, err := m.SendContent(t.Context(), roomID, img)
	if err != nil {
		t.Fatal(err)
	}
	// Answered: Lotse has the event and its room key.
	reply := waitReply(t, m, roomID, tb.userID, sent)
	if stored := eventAsStored(t, m, roomID, sent); stored.Type != event.EventEncrypted {
		t.Fatalf("precondition: the file went out as %v, want m.room.encrypted", stored.Type)
	}
	got, err := tb.bot.FetchMessage(t.Context(), roomID, sent)
	if err != nil {
		t.Fatal(err)
	}
	mc, _ := got.Content.Parsed.(*event.MessageEventContent)
	if got.Sender != m.Cli.UserID || got.RoomID != roomID || mc == nil || mc.MsgType != event.MsgImage || mc.URL != img.URL ||
		mc.Body != img.Body || mc.FileName != img.FileName || !got.Mautrix.WasEncrypted {
		t.Fatalf("fetched %+v: %+v", got, mc)
	}
	if evt, err := tb.bot.FetchMessage(t.Context(), other, sent); err == nil {
		t.Errorf("fetched the event through another room: %+v", evt)
	}
	evt, err := tb.bot.FetchMessage(t.Context(), roomID, id.EventID("$unknown:"+srv.ServerName))
	var transient interface{ Transient() bool }
	if err == nil || errors.As(err, &transient) {
		t.Errorf("fetched an unknown event: %+v, %v (a retry cannot help: not transient)", evt, err)
	}
	// Lotse's own encrypted message (a caption edit reads the team's copy
	// this way): its own outbound room key decrypts it.
	own, err := tb.bot.FetchMessage(t.Context(), roomID, reply.ID)
	if err != nil || own.Sender != tb.userID || !own.Mautrix.WasEncrypted {
		t.Fatalf("fetched Lotse's own reply: %+v, %v", own, err)
	}
}
