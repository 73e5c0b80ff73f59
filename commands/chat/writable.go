package chat

import (
	"context"

	"maunium.net/go/mautrix/id"
)

// Writable is what a Matrix runtime may offer beside Matrix: whether Lotse
// may send messages in a room now, by the room's power levels as the sync
// keeps them (bot.Bot.MayWrite). A member can take Lotse's voice in a
// direct chat they made without making Lotse a moderator (sec33); the
// support workflow then treats the chat like one the member left (the
// team is told at once that its answer did not go out, or the case moves
// to the member's other direct chat) rather than failing the send at the
// homeserver and retrying it for some eight minutes.
type Writable interface {
	MayWrite(ctx context.Context, roomID id.RoomID) (bool, error)
}

// MayWrite reports whether Lotse may send messages in roomID: what the
// runtime says (Writable), or true when it cannot tell.
func MayWrite(ctx context.Context, m Matrix, roomID id.RoomID) (bool, error) {
	if w, ok := m.(Writable); ok {
		return w.MayWrite(ctx, roomID)
	}
	return true, nil
}

// MayWrite asks the runtime the Env's Matrix wraps (MayWrite).
func (m envMatrix) MayWrite(ctx context.Context, roomID id.RoomID) (bool, error) {
	return MayWrite(ctx, m.Matrix, roomID)
}

// Exposing is what a Matrix runtime may offer beside Matrix: whether a
// room is open to people not in it now — anyone (or a space's members)
// may join without an invitation, or anyone may read its history —
// by the room's state as the sync keeps it (bot.Bot.Exposed). A member
// can make their own direct chat with Lotse public; the support workflow
// then treats it like a chat the member left (dm33), so the team's
// answers, and the team member's name, are not written where whoever
// joins reads them. A chat that is merely unencrypted is not exposed.
type Exposing interface {
	Exposed(ctx context.Context, roomID id.RoomID) (bool, error)
}

// Exposed reports whether roomID is open to people not in it: what the
// runtime says (Exposing), or false when it cannot tell.
func Exposed(ctx context.Context, m Matrix, roomID id.RoomID) (bool, error) {
	if e, ok := m.(Exposing); ok {
		return e.Exposed(ctx, roomID)
	}
	return false, nil
}

// Exposed asks the runtime the Env's Matrix wraps (Exposed).
func (m envMatrix) Exposed(ctx context.Context, roomID id.RoomID) (bool, error) {
	return Exposed(ctx, m.Matrix, roomID)
}
