package bot

import (
	"testing"

	"maunium.net/go/mautrix/event"
)

// TestAcceptedEncrypted: of a decrypted event only messages, reactions
// and stickers are handed on; a redaction or a state type inside an
// encrypted event was checked by no server (sec20 review, Medium 1: an
// encrypted m.room.redaction withdrew another member's RSVP).
func TestAcceptedEncrypted(t *testing.T) {
	msgType := func(name string) event.Type { return event.Type{Type: name, Class: event.MessageEventType} }
	empty := ""
	for _, tc := range []struct {
		typ      event.Type
		stateKey *string
		want     bool
	}{
		{event.EventMessage, nil, true},
		{event.EventReaction, nil, true},
		{event.EventSticker, nil, true},
		{event.EventRedaction, nil, false},
		{msgType("m.room.member"), nil, false},
		{msgType("m.room.power_levels"), nil, false},
		{event.StateMember, &empty, false},
		{event.EventMessage, &empty, false},
		{msgType("org.example.custom"), nil, false},
	} {
		evt := &event.Event{Type: tc.typ, StateKey: tc.stateKey}
		if got := acceptedEncrypted(evt); got != tc.want {
			t.Errorf("%s (state key %v): accepted %v, want %v", tc.typ.Repr(), tc.stateKey != nil, got, tc.want)
		}
	}
}
