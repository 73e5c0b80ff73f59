package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/config"
)

// TestGuideDraftOnDendrite: a team member drafts a guide from a resolved
// case; the Markdown file arrives in the case's thread of the encrypted
// team room, decrypts, and holds the team's answer with the site address
// as a placeholder, without the member's Matrix ID.
func TestGuideDraftOnDendrite(t *testing.T) {
	l, alice, teamRoom := startLotseWithTeam(t, copyLibrary(t), func(cfg *config.Config) {
		cfg.Site.CloudURL = "https://cloud.verein.test"
	})
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	if reply, _ := ask(t, m, dm, l.userID, text("Wie kann ich für den Bürgerschaftswahlkampf spenden?")); !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("no case offered: %s", body(reply))
	}
	ask(t, m, dm, l.userID, text("ja"))
	root := waitFor(t, alice, teamRoom, l.userID, "[OFFEN]", "Fall #1")

	answer := "!antwort Spenden gehen über https://cloud.verein.test/spenden – frag gern nach, " + m.Cli.UserID.String() + "."
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, answer)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, m, dm, l.userID, "Spenden gehen über")
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, "!erledigt")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, m, dm, l.userID, "erledigt", "👍")
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, "!anleitung-entwurf")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, teamRoom, l.userID, "Entwurf einer Anleitung", "Fall #1")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	evt, err := alice.Wait(ctx, teamRoom, l.userID, func(e *event.Event) bool { return e.Content.AsMessage().MsgType == event.MsgFile })
	if err != nil {
		t.Fatal("the draft never reached the team room")
	}
	if evt.Mautrix.EventSource&event.SourceDecrypted == 0 {
		t.Error("the draft's message was not encrypted")
	}
	f := evt.Content.AsMessage()
	if f.File == nil || f.RelatesTo.GetThreadParent() != root.ID || !strings.HasSuffix(f.FileName, ".md") {
		t.Fatalf("draft file: encrypted %v, thread %v, name %q", f.File != nil, f.RelatesTo, f.FileName)
	}
	uri, _ := f.File.URL.Parse()
	data, err := alice.Cli.DownloadBytes(t.Context(), uri)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.File.DecryptInPlace(data); err != nil {
		t.Fatalf("the team cannot decrypt the draft: %v", err)
	}
	md := string(data)
	for _, want := range []string{"Bürgerschaftswahlkampf", "Spenden gehen über {{cloud_url}}/spenden", "[Matrix-ID entfernt]"} {
		if !strings.Contains(md, want) {
			t.Errorf("draft lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, m.Cli.UserID.Localpart()) {
		t.Errorf("the member's user name is in the draft:\n%s", md)
	}
}
