// Command dendrite-build builds (or finds in the cache) the pinned Dendrite
// homeserver that the tests and the demo use, and prints its folder. CI runs
// it before the tests so that the cold build does not count against a test
// timeout.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/internal/dendrite"
)

func main() {
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.TimeOnly}).With().Timestamp().Logger()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	start := time.Now()
	dir, err := dendrite.Build(ctx, log)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dendrite-build:", err)
		os.Exit(1)
	}
	log.Info().Str("dir", dir).Dur("took", time.Since(start)).Msg("Dendrite is ready")
	fmt.Println(dir)
}
