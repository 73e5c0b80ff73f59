package bot

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestSendRefusedInMutedDirectChat (dm33): a send the homeserver refuses
// with M_FORBIDDEN in a member's direct chat where the state store, too,
// says Lotse may not write (the member took its voice) fails for good
// (ErrPermanent): the worker gives the event up at once instead of ten
// tries over some eight minutes. A refusal the store does not explain
// (it says Lotse may write: the store may lag), and one in a room that is
// not a direct chat (a team room an admin may mend), stay worth another
// try. Fails without the fix in Bot.Send: no refusal was permanent.
func TestSendRefusedInMutedDirectChat(t *testing.T) {
	const (
		lotse  = id.UserID("@lotse:hs")
		member = id.UserID("@mia:hs")
		third  = id.UserID("@tom:hs")
	)
	muted := map[string]any{"users": map[string]any{member.String(): 100, lotse.String(): -1}}
	tests := []struct {
		name      string
		members   []id.UserID
		direct    bool
		pl        map[string]any
		permanent bool
	}{
		{name: "direct chat, Lotse muted", members: []id.UserID{lotse, member}, direct: true, pl: muted, permanent: true},
		{name: "direct chat, the store says Lotse may write", members: []id.UserID{lotse, member}, direct: true, pl: map[string]any{}},
		{name: "direct chat, no power levels in the store", members: []id.UserID{lotse, member}, direct: true},
		{name: "group room, Lotse muted", members: []id.UserID{lotse, member, third}, pl: muted},
		{name: "two in a room never agreed as a direct chat, Lotse muted", members: []id.UserID{lotse, member}, pl: muted},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			room := id.RoomID(fmt.Sprintf("!room%d:hs", i))
			var sends atomic.Int32
			cli := newFakeClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !strings.Contains(r.URL.Path, "/send/") {
					w.WriteHeader(http.StatusNotFound)
					_, _ = w.Write([]byte(`{"errcode":"M_NOT_FOUND","error":"no"}`))
					return
				}
				sends.Add(1)
				w.WriteHeader(http.StatusForbidden)
				_, _ = w.Write([]byte(`{"errcode":"M_FORBIDDEN","error":"user @lotse:hs is not allowed to send event. -1 < 0"}`))
			}))
			store := mautrix.NewMemoryStateStore()
			cli.StateStore = store
			b := &Bot{log: zerolog.Nop(), Client: cli}
			b.sender = NewSender(cli, &fakeSentLog{rows: map[string]storage.SentEvent{}}, zerolog.Nop())
			if tt.direct {
				b.direct.setAgreed(room, member)
			} else {
				b.direct.setNot(room, true)
			}
			state := func(typ event.Type, key string, content map[string]any) {
				t.Helper()
				putState(t, store, room, fmt.Sprintf("$%s%s", typ.Type, key), member, typ, key, content)
			}
			for _, u := range tt.members {
				state(event.StateMember, u.String(), map[string]any{"membership": "join"})
			}
			if tt.pl != nil {
				state(event.StatePowerLevels, "", tt.pl)
			}
			_, err := b.Send(t.Context(), room, event.EventMessage, &event.MessageEventContent{MsgType: event.MsgText, Body: "Antwort"}, TxnID("$answer", "reply", 0))
			if err == nil || !errors.Is(err, mautrix.MForbidden) {
				t.Fatalf("Send = %v; want the refusal", err)
			}
			if got := errors.Is(err, ErrPermanent); got != tt.permanent {
				t.Errorf("permanent = %v (%v); want %v", got, err, tt.permanent)
			}
			if n := sends.Load(); n != 1 {
				t.Errorf("%d sends; want 1", n)
			}
		})
	}
}
