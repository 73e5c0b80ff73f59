package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/metrics"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestWiringPaces: the bound on what one sender and other servers have
// answered (commands/pace.go) is switched on by Deps.Paced, which only
// this wiring sets; the commands' tests of the bound set it themselves. A
// handler built as the running bot builds it is paced — without this,
// dropping the one line in newHandler left every test green and the bot
// unbounded.
func TestWiringPaces(t *testing.T) {
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	store, err := guides.NewStore(filepath.Join("..", "..", "commands", "testdata", "library"), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := newHandler(config.Defaults(), time.UTC, db, store, metrics.New(prometheus.NewRegistry()), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if !h.Paced() {
		t.Fatal("the handler newHandler builds for the bot is not paced")
	}
	// The servers allowed_inviters names are trusted as Lotse's own; not
	// "*", not a person.
	cfg := config.Defaults()
	cfg.AllowedInviters = []string{"*", "@eve:evil.example", "partner.example", ":b.example", "*:c.example", " "}
	h, _, err = newHandler(cfg, time.UTC, db, store, metrics.New(prometheus.NewRegistry()), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(h.PacedServers, " "); got != "partner.example b.example c.example" {
		t.Errorf("servers paced as Lotse's own: %q, want those allowed_inviters names", got)
	}
}
