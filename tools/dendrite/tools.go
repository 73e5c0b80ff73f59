//go:build tools

// Package dendrite pins the Matrix homeserver (Dendrite) that Lotse's tests
// and demo run against. It has its own module so that Dendrite keeps its own
// tested dependency versions, apart from the bot's.
package dendrite

import (
	_ "github.com/matrix-org/dendrite/cmd/create-account"
	_ "github.com/matrix-org/dendrite/cmd/dendrite"
	_ "github.com/matrix-org/dendrite/cmd/generate-keys"
)
