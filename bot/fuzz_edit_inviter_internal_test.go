package bot

import (
	"encoding/json"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// FuzzUnwrapWaitingEdit feeds unwrapWaitingEdit the stored edit as any
// sender could write it (its JSON, decrypted or not, is theirs): whatever
// it says, an edit taken is the waiting event — its ID, its sender, its
// room — and never an edit or a reply of something else (sec28). The
// seeds run with every `go test`; `go test -fuzz FuzzUnwrapWaitingEdit
// ./bot` searches further.
func FuzzUnwrapWaitingEdit(f *testing.F) {
	const room, sender, waiting = "!dm:hs", "@m:hs", "$msg"
	for _, s := range []string{
		`{"type":"m.room.message","event_id":"$edit","sender":"@m:hs","room_id":"!dm:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"x"},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}}}`,
		`{"type":"m.room.message","event_id":"$edit","sender":"@m:hs","room_id":"!dm:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"!rolle @m:hs admin","m.relates_to":{"rel_type":"m.replace","event_id":"$other"}},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}}}`,
		`{"type":"m.room.message","event_id":"$edit","sender":"@x:evil","room_id":"!dm:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"x"},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}}}`,
		`{"type":"m.room.message","event_id":"$edit","sender":"@m:hs","room_id":"!other:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"x"},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}}}`,
		`{"type":"m.room.message","event_id":"$edit","sender":"@m:hs","room_id":"!dm:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"x"},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}},"lotse_waiting_relates_to":{"rel_type":"m.replace","event_id":"$else"}}`,
		`{"type":"m.room.message","event_id":"$edit","sender":"@m:hs","room_id":"!dm:hs","content":{"msgtype":"m.text","body":"* x","m.new_content":{"msgtype":"m.text","body":"x"},"m.relates_to":{"rel_type":"m.replace","event_id":"$msg"}},"lotse_waiting_relates_to":{"rel_type":"m.thread","event_id":"$root","m.in_reply_to":{"event_id":"$q"}}}`,
		`{"type":"m.reaction","event_id":"$edit","sender":"@m:hs","content":{"m.relates_to":{"rel_type":"m.annotation","event_id":"$msg","key":"👍"}}}`,
		`{"type":"m.room.message","content":{"m.new_content":null}}`,
		`{}`, `null`, `[`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var evt event.Event
		if json.Unmarshal(raw, &evt) != nil {
			return
		}
		evt.RoomID = room // as handle sets it: the inbox row's room
		if err := evt.Content.ParseRaw(evt.Type); err != nil {
			return
		}
		item := storage.InboxItem{EventID: waiting, RoomID: room, Sender: sender, EventType: "m.room.message", Payload: raw}
		out, ok := unwrapWaitingEdit(&evt, item)
		if !ok {
			return
		}
		if out.ID != waiting || out.Sender != id.UserID(sender) || out.RoomID != room || out.Type != event.EventMessage {
			t.Fatalf("took %s by %s in %s (%s) for the waiting event", out.ID, out.Sender, out.RoomID, out.Type.Type)
		}
		mc, isMsg := out.Content.Parsed.(*event.MessageEventContent)
		if !isMsg {
			t.Fatalf("the unwrapped event is no message: %T", out.Content.Parsed)
		}
		if mc.NewContent != nil || mc.RelatesTo.GetReplaceID() != "" {
			t.Fatalf("the unwrapped event is still an edit: %+v", mc.RelatesTo)
		}
	})
}

// FuzzInviterOf feeds inviterOf an invite's stripped state, which for a
// room on another server is the inviting server's to choose: the inviter
// is always the sender of the last membership event of Lotse's in it, or
// no one (sec28).
func FuzzInviterOf(f *testing.F) {
	const me = id.UserID("@lotse:hs")
	for _, s := range []string{
		`[{"type":"m.room.member","state_key":"@lotse:hs","sender":"@a:hs","content":{"membership":"invite","is_direct":true}}]`,
		`[{"type":"m.room.member","state_key":"@lotse:hs","sender":"@allowed:hs","content":{"membership":"join"}},{"type":"m.room.member","state_key":"@lotse:hs","sender":"@x:evil","content":{"membership":"invite"}}]`,
		`[{"type":"m.room.member","state_key":"@other:hs","sender":"@a:hs","content":{"membership":"invite"}}]`,
		`[{"type":"m.room.create","state_key":"","sender":"@a:hs","content":{}}]`,
		`[]`, `[null]`, `[{"state_key":null}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var state []*event.Event
		if json.Unmarshal(raw, &state) != nil {
			return
		}
		var want id.UserID
		for _, evt := range state {
			if evt != nil && evt.Type == event.StateMember && evt.StateKey != nil && *evt.StateKey == me.String() {
				want = evt.Sender
			}
		}
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("inviterOf panicked on %s: %v", raw, r)
			}
		}()
		if got, _ := inviterOf(slicesNonNil(state), me); got != want {
			t.Fatalf("inviterOf = %q, want %q", got, want)
		}
	})
}

// slicesNonNil drops nil events: the sync's JSON decoding never yields
// one in a room's state, and inviterOf need not expect it.
func slicesNonNil(state []*event.Event) []*event.Event {
	out := state[:0:0]
	for _, evt := range state {
		if evt != nil {
			out = append(out, evt)
		}
	}
	return out
}
