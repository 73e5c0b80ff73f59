package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
)

// TestGapsDigestOnDendrite: a member's question that no guide answers
// reaches the encrypted team room in the weekly digest — once, also after a
// restart — without the member's ID.
func TestGapsDigestOnDendrite(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(berlin).Weekday()
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), func(cfg *config.Config) {
		// No digest in the first run.
		cfg.GapsDigest = "off"
		cfg.GapsDigestHour = 0
		cfg.RoundTableTick = time.Second
		// The digest covers questions older than the choice period (a
		// choice may still be picked): short here, so that the question
		// asked before the restart is in it.
		cfg.ChoiceTTL = time.Millisecond
	})
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	const question = "Wo bekomme ich Flyer für den Infostand am Samstag?"
	if reply, _ := ask(t, m, dm, l.userID, text(question)); !strings.Contains(body(reply), "keine passende Anleitung") {
		t.Fatalf("answered: %s", body(reply))
	}

	// Due today: the digest comes after the restart.
	l.cfg.GapsDigest = strings.ToLower(today.String())
	restartLotse(t, l)
	digest := waitFor(t, alice, teamRoom, l.userID, "nicht beantworten konnte", question)
	if digest.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("the digest in the team room was not encrypted")
	}
	if b := body(digest); strings.Contains(b, m.Cli.UserID.String()) || strings.Contains(b, m.Cli.UserID.Localpart()) {
		t.Errorf("the digest names the member:\n%s", b)
	}

	// Another restart, then a round trip: still one digest.
	restartLotse(t, l)
	ask(t, m, dm, l.userID, text("Hallo"))
	if n := countContaining(alice, teamRoom, l.userID, "nicht beantworten konnte"); n != 1 {
		t.Errorf("%d digests in the team room, want 1", n)
	}
	db, err := storage.Open(l.cfg.Database, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sent int
	if err := db.Lotse.QueryRow(context.Background(), `SELECT COUNT(*) FROM gaps_digest WHERE sent_at IS NOT NULL AND questions=1`).Scan(&sent); err != nil || sent != 1 {
		t.Errorf("digest records: %d, %v", sent, err)
	}
}
