package commands

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/storage"
)

// draftFile returns the one m.file among msgs and its content, decrypted.
func (e *supportEnv) draftFile(t *testing.T, msgs []sentMsg) (*event.MessageEventContent, string) {
	t.Helper()
	var files []*event.MessageEventContent
	for _, m := range msgs {
		if m.content.MsgType == event.MsgFile {
			files = append(files, m.content)
		}
	}
	if len(files) != 1 {
		t.Fatalf("%d files sent: %s", len(files), bodies(msgs))
	}
	f := files[0]
	if f.File == nil || f.URL != "" {
		t.Fatalf("the draft went unencrypted into the encrypted team room: %+v", f)
	}
	data, err := e.fm.Download(context.Background(), f.File.URL)
	if err != nil {
		t.Fatal(err)
	}
	if err := roundTrip(t, &f.File.EncryptedFile).DecryptInPlace(data); err != nil {
		t.Fatalf("the team cannot decrypt the draft: %v", err)
	}
	return f, string(data)
}

// resolvedCase stores case #1 of member with question, its thread root
// "$root" in the team room and alice's answer, resolved by alice.
func (e *supportEnv) resolvedCase(t *testing.T, question, answer string) {
	t.Helper()
	ctx := context.Background()
	c, _, err := e.db.Cases.Create(ctx, &storage.Case{MemberID: member.String(), MemberRoom: dmRoom.String(), Summary: "Frage"},
		"$origin", question, e.now)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.Cases.SetTeamEvent(ctx, c.ID, "$root"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.db.Cases.AddMessage(ctx, storage.CaseMessage{SourceEvent: "$a1", CaseID: c.ID, Kind: storage.MsgAnswer, Sender: alice.String(),
		Body: answer, CreatedAt: e.now}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.db.Cases.Resolve(ctx, c.ID, alice.String(), "", e.now); err != nil {
		t.Fatal(err)
	}
}

func TestGuideDraftFromResolvedCase(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) {
		d.GuideDraft = GuideDraft{Vars: guides.Vars{guides.VarCloudURL: "https://cloud.verein.de"}}
	})
	root := e.openCase(t)
	// Later messages of the member and internal notes never go into a draft.
	e.say(t, dmRoom, member, "Ich bin übrigens Kassenwartin im Ortsverband Nord, ruf mich an: 0170 1234567", "")
	e.say(t, teamRoom, bob, "intern: kenne ich, sie ist Schatzmeisterin", root)

	// Not resolved yet: refused, with the state.
	sent := e.say(t, teamRoom, alice, "!anleitung-entwurf 1", "")
	mustContain(t, in(sent, teamRoom), "Fall #1 ist noch offen", "!erledigt")
	e.say(t, teamRoom, alice, "!antwort Hallo Mia Mitglied,\n\nSpenden gehen über https://cloud.verein.de/spenden – dort **Spenden** wählen. "+
		"Bei Fragen schreib an alice.albers@verein.de oder @alice:test.\n\nViele Grüße\nAlice", root)
	sent = e.say(t, teamRoom, bob, "!anleitung-entwurf #1", "")
	mustContain(t, in(sent, teamRoom), "Fall #1 ist noch in Arbeit")
	e.say(t, teamRoom, alice, "!antwort 1 anleitung konto/passwort-vergessen.md", "")
	e.say(t, teamRoom, alice, "!erledigt 1 Überweisung geht auch, Bob hilft gern.", "")
	if files := len(e.fm.media); files != 0 {
		t.Fatalf("%d files uploaded before the draft", files)
	}

	// In the case's thread, without a number.
	sent = e.say(t, teamRoom, bob, "!anleitung-entwurf", root)
	team := in(sent, teamRoom)
	if len(team) != len(sent) || len(team) != 2 {
		t.Fatalf("draft: %d messages, %d in the team room: %s", len(sent), len(team), bodies(sent))
	}
	f, md := e.draftFile(t, team)
	if f.RelatesTo == nil || f.RelatesTo.Type != event.RelThread || f.RelatesTo.EventID != root {
		t.Errorf("the file is not in the case's thread: %+v", f.RelatesTo)
	}
	if !strings.HasPrefix(f.FileName, "entwurf-") || !strings.HasSuffix(f.FileName, ".md") || f.Info == nil || f.Info.MimeType != "text/markdown" {
		t.Errorf("file %q, info %+v", f.FileName, f.Info)
	}
	for _, want := range []string{
		"title: \"Wie kann ich für den Bürgerschaftswahlkampf spenden?\"",
		"fragen:\n  - \"Wie kann ich für den Bürgerschaftswahlkampf spenden?\"",
		"1. Spenden gehen über {{cloud_url}}/spenden – dort **Spenden** wählen.",
		"[E-Mail entfernt] oder [Matrix-ID entfernt]",
		"2. Siehe [Cloud-Passwort vergessen: neues Passwort selbst setzen](../konto/passwort-vergessen.md).",
		"3. Überweisung geht auch, [Name entfernt] hilft gern.",
		"TODO",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("draft lacks %q:\n%s", want, md)
		}
	}
	for _, absent := range []string{"Mia", "Alice", "alice", "Bob", "@", "test", "Kassenwartin", "0170", "intern:", "Schatzmeisterin", "Grüße", "verein.de"} {
		if strings.Contains(md, absent) {
			t.Errorf("draft contains %q:\n%s", absent, md)
		}
	}
	var note string
	for _, m := range team {
		if m.content.MsgType == event.MsgNotice {
			note = m.content.Body
			if m.content.RelatesTo == nil || m.content.RelatesTo.EventID != root {
				t.Errorf("the note is not in the case's thread: %+v", m.content.RelatesTo)
			}
		}
	}
	for _, want := range []string{"Entwurf einer Anleitung aus Fall #1", "3 Stellen mit Personendaten", "Themenordner", "lotse guides check"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %s", want, note)
		}
	}
	// say handled the command twice (exactly-once check): one upload only.
	if uploads := len(e.fm.media); uploads != 1 {
		t.Errorf("%d uploads, want 1", uploads)
	}

	// The draft passes the library check beside the library it links to.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "library"))); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "spenden"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "spenden", f.FileName), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, err := guides.Check(dir, guides.WithVars(guides.Vars{guides.VarCloudURL: "https://cloud.verein.de"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.Contains(p.File, "spenden") {
			t.Errorf("library check: %s", p)
		}
	}

	// With the number, from the room's timeline: into the thread, and a pointer.
	sent = e.say(t, teamRoom, alice, "!guide-draft 1", "")
	mustContain(t, sent, "liegt im Thread von Fall #1")
	if f, _ := e.draftFile(t, in(sent, teamRoom)); f.RelatesTo == nil || f.RelatesTo.EventID != root {
		t.Errorf("the file is not in the case's thread: %+v", f.RelatesTo)
	}
}

func TestGuideDraftRefusals(t *testing.T) {
	e := newSupportEnv(t)
	root := e.openCase(t)
	fileSent := func(msgs []sentMsg) bool {
		for _, m := range msgs {
			if m.content.MsgType == event.MsgFile {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		name   string
		room   id.RoomID
		sender id.UserID
		text   string
		thread id.EventID
		want   string // in the answer ("": no answer in that room)
	}{
		{"open case", teamRoom, alice, "!anleitung-entwurf 1", "", "Fall #1 ist noch offen"},
		{"unknown number", teamRoom, alice, "!anleitung-entwurf #99", "", "Einen Fall „#99“ gibt es nicht"},
		{"not a number", teamRoom, alice, "!anleitung-entwurf abc", "", "Einen Fall „abc“ gibt es nicht"},
		{"no number outside a thread", teamRoom, alice, "!anleitung-entwurf", "", "Aus welchem Fall?"},
		{"not in the team, in the team room", teamRoom, outsider, "!anleitung-entwurf 1", root, ""},
		{"not in the team, in a DM", dmRoom, member, "!anleitung-entwurf 1", "", "nur Mitglieder des Digitalisierungsteams"},
		{"team, but in a DM", dmRoom, alice, "!anleitung-entwurf 1", "", "bitte im Teamraum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent := e.say(t, tc.room, tc.sender, tc.text, tc.thread)
			if fileSent(sent) {
				t.Fatalf("a draft was sent: %s", bodies(sent))
			}
			if tc.want == "" {
				if len(in(sent, tc.room)) != 0 {
					t.Errorf("answered in the room: %s", bodies(sent))
				}
				return
			}
			mustContain(t, in(sent, tc.room), tc.want)
		})
	}

	// Resolved without an answer to the member (notes only): nothing to draw from.
	e.say(t, teamRoom, alice, "intern: erledigt per Telefon", root)
	e.say(t, teamRoom, alice, "!erledigt 1", "")
	sent := e.say(t, teamRoom, alice, "!anleitung-entwurf 1", "")
	mustContain(t, in(sent, teamRoom), "nichts geantwortet")
	if fileSent(sent) {
		t.Fatal("a draft was sent")
	}

	// Closed by the member after the team resolved it: still a draft; reopened and closed: not.
	e.say(t, teamRoom, alice, "!wiedereröffnen 1", "")
	e.say(t, teamRoom, alice, "!antwort 1 Das geht über das Formular.", "")
	e.say(t, dmRoom, member, "!schließen 1", "")
	sent = e.say(t, teamRoom, alice, "!anleitung-entwurf 1", "")
	mustContain(t, in(sent, teamRoom), "geschlossen, ohne dass ihn das Team gelöst hat")
	e.say(t, teamRoom, alice, "!wiedereröffnen 1", "")
	e.say(t, teamRoom, alice, "!erledigt 1", "")
	e.say(t, dmRoom, member, "!schließen 1", "")
	sent = e.say(t, teamRoom, alice, "!anleitung-entwurf 1", "")
	if !fileSent(sent) {
		t.Fatalf("no draft from a resolved, then closed case: %s", bodies(sent))
	}
}

func TestGuideDraftInHelp(t *testing.T) {
	e := newSupportEnv(t)
	mustContain(t, e.say(t, teamRoom, alice, "!hilfe", ""), "!anleitung-entwurf <Nr>")
	if strings.Contains(bodies(e.say(t, dmRoom, member, "!hilfe", "")), "anleitung-entwurf") {
		t.Error("the help shows a team command to a member")
	}
}

func TestGuideDraftInEnglish(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) { d.Texts = &English })
	e.resolvedCase(t, "Hi, how do I share a folder with my working group? Thanks, Mia",
		"Hi Mia, open the folder, click the share icon and type the group's name.")
	sent := e.say(t, teamRoom, alice, "!guide-draft", "$root")
	f, md := e.draftFile(t, in(sent, teamRoom))
	mustContain(t, in(sent, teamRoom), "Draft of a guide from case #1", "lotse guides check")
	if !strings.HasPrefix(f.FileName, "draft-") {
		t.Errorf("file name %q", f.FileName)
	}
	for _, want := range []string{"questions:\n  - \"How do I share a folder with my working group?\"", "## What to do", "Open the folder, click the share icon"} {
		if !strings.Contains(md, want) {
			t.Errorf("draft lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Mia") {
		t.Errorf("name left:\n%s", md)
	}
}

// TestGuideDraftMemberOptedOut: a member who wrote !nicht-merken asked that
// their words are not kept: the draft has none of them (question, title,
// tags, file name), but a visible placeholder where the question goes, and
// the note tells the team to write it.
func TestGuideDraftMemberOptedOut(t *testing.T) {
	e := newSupportEnv(t)
	e.resolvedCase(t, "Wie kann ich für den Bürgerschaftswahlkampf spenden? Danke, Mia",
		"Hallo Mia, Spenden gehen über das Formular auf der Website des Landesverbands.")
	if _, err := e.db.Gaps().OptOut(context.Background(), member.String(), e.now); err != nil {
		t.Fatal(err)
	}
	sent := e.say(t, teamRoom, alice, "!anleitung-entwurf", "$root")
	f, md := e.draftFile(t, in(sent, teamRoom))
	mustContain(t, in(sent, teamRoom), "Entwurf einer Anleitung aus Fall #1", "(!nicht-merken)", "in eigenen Worten")
	for _, want := range []string{
		"title: \"Entwurf einer Anleitung\"",
		"fragen:\n  - \"TODO: Frage in eigenen Worten schreiben",
		"Spenden gehen über das Formular",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("draft lacks %q:\n%s", want, md)
		}
	}
	for _, absent := range []string{"Bürgerschaftswahlkampf", "Wie kann ich", "Mia"} {
		if strings.Contains(md, absent) || strings.Contains(f.FileName, strings.ToLower(absent)) {
			t.Errorf("draft or file name %q contains the member's %q:\n%s", f.FileName, absent, md)
		}
	}
}

// TestGuideDraftQuestionLinks (loop28): a link in the member's question
// keeps only its host in the draft (as in kept and learned questions), an
// IBAN is replaced whole; the team's link in its answer stays.
func TestGuideDraftQuestionLinks(t *testing.T) {
	e := newSupportEnv(t)
	e.resolvedCase(t, "Mein Freigabelink https://cloud.example.org/s/x7YkQ2pW geht nicht, und DE89 3704 0044 0532 0130 00 wurde belastet?",
		"Öffne https://hilfe.example.org/freigaben/neu und leg die Freigabe neu an.")
	_, md := e.draftFile(t, in(e.say(t, teamRoom, alice, "!anleitung-entwurf 1", ""), teamRoom))
	for _, absent := range []string{"x7YkQ2pW", "/s/", "DE89", "3704"} {
		if strings.Contains(md, absent) {
			t.Errorf("the draft has %q:\n%s", absent, md)
		}
	}
	for _, want := range []string{"https://cloud.example.org/…", "[IBAN entfernt]", "https://hilfe.example.org/freigaben/neu"} {
		if !strings.Contains(md, want) {
			t.Errorf("the draft lacks %q:\n%s", want, md)
		}
	}
}
