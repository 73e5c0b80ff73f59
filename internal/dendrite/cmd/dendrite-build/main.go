// Command dendrite-build builds the pinned Dendrite homeserver into Lotse's
// cache folder (or finds it there) and prints that folder. CI and Dockerfiles
// run it before `go test` so that no test package pays for the cold build:
//
//	go run ./internal/dendrite/cmd/dendrite-build
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/internal/dendrite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr}).With().Timestamp().Logger()
	binDir, err := dendrite.Build(ctx, log)
	if err != nil {
		log.Error().Err(err).Msg("Failed to build Dendrite")
		os.Exit(1)
	}
	fmt.Println(binDir)
}
