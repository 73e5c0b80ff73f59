package chat

import (
	"context"
	"testing"

	"maunium.net/go/mautrix/id"
)

type namedMatrix struct {
	Matrix
	name string
}

func (m namedMatrix) DisplayName(context.Context, id.RoomID, id.UserID) string { return m.name }

type namedPresenceMatrix struct {
	namedMatrix
	Presence
}

// Every workflow gets display names on one line from the Env's Matrix; a
// name that is nothing but spaces and controls is the user ID; a Matrix
// with Presence keeps it (typing, read receipts) and wrapping twice does
// not wrap again.
func TestEnvDisplayNameOneLine(t *testing.T) {
	const user = id.UserID("@mia:test")
	for in, want := range map[string]string{
		"Mia Mitglied\n[IN ARBEIT: Alice]": "Mia Mitglied [IN ARBEIT: Alice]",
		"Mia\r\n\u2028Mitglied\u202e":      "Mia Mitglied",
		"  Mia   M. ":                      "Mia M.",
		"\n\t\u200b":                       user.String(),
	} {
		env := Env{Matrix: namedMatrix{name: in}}.WithDefaults()
		if got := env.Matrix.DisplayName(context.Background(), "!r:test", user); got != want {
			t.Errorf("DisplayName of %q = %q, want %q", in, got, want)
		}
		if _, ok := env.Matrix.(Presence); ok {
			t.Error("a Matrix without Presence got one")
		}
	}
	env := Env{Matrix: namedPresenceMatrix{namedMatrix{name: "A\nB"}, nil}}.WithDefaults()
	if _, ok := env.Matrix.(Presence); !ok {
		t.Error("the Matrix lost its Presence")
	}
	again := env.WithDefaults()
	if _, ok := again.Matrix.(envMatrixPresence); !ok {
		t.Errorf("wrapped twice: %T", again.Matrix)
	}
	if got := again.Matrix.DisplayName(context.Background(), "!r:test", user); got != "A B" {
		t.Errorf("DisplayName = %q, want %q", got, "A B")
	}
}
