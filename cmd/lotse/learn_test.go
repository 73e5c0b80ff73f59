package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnFromCaseOnDendrite is the loop of issue #18 on the real
// homeserver: a member's question no guide answers → "no guide fits" →
// case → the team resolves it → Lotse asks in the case thread whether a
// guide fits → a team member replies with the guide's title → another
// member asking the same in other words gets that guide as a confident
// answer, also after a restart. The test library's room guide speaks of
// "Konferenzraum", "AG" and "Gremium", never of "Ortsgruppe", "Treffpunkt"
// or "Internet".
func TestLearnFromCaseOnDendrite(t *testing.T) {
	const (
		question   = "Die Ortsgruppe braucht einen Treffpunkt im Netz"
		paraphrase = "Wir brauchen für die Ortsgruppe einen Treffpunkt im Internet"
		later      = "Unsere Ortsgruppe sucht einen Treffpunkt im Netz"
		guideTitle = "Festen Konferenzraum für AG, Kreisverband oder Gremium bei Lotse beantragen"
	)
	lib := copyDir(t, filepath.Join("..", "..", "commands", "testdata", "library"))
	guide, err := os.ReadFile(filepath.Join(lib, "bbb", "raum-fuer-ag-beantragen.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Ortsgruppe", "Treffpunkt", "Internet"} {
		if strings.Contains(strings.ToLower(string(guide)), strings.ToLower(w)) {
			t.Fatalf("precondition: the guide uses the member's word %q", w)
		}
	}
	l, alice, teamRoom := startLotseWithTeam(t, lib, nil)

	// Member 1: no guide fits → case.
	m := newMember(t, "member")
	dm := openDM(t, m, l.userID, true)
	reply, _ := ask(t, m, dm, l.userID, text(question))
	if !strings.Contains(body(reply), "keine passende Anleitung") || !strings.Contains(body(reply), "Supportfall") {
		t.Fatalf("precondition: the question is answered: %s", body(reply))
	}
	reply, _ = ask(t, m, dm, l.userID, text("ja"))
	if !strings.Contains(body(reply), "#1") {
		t.Fatalf("case not confirmed: %s", body(reply))
	}
	root := waitFor(t, alice, teamRoom, l.userID, "[OFFEN]", "Fall #1")

	// The team resolves it; Lotse asks in the thread.
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, "!erledigt Ich habe euch einen Raum eingerichtet.")); err != nil {
		t.Fatal(err)
	}
	prompt := waitFor(t, alice, teamRoom, l.userID, "Passt eine Anleitung zu dieser Frage?", question)
	if prompt.Content.AsMessage().RelatesTo.GetThreadParent() != root.ID {
		t.Fatal("the prompt is not in the case thread")
	}

	// A team member answers in the thread with the guide's title.
	if _, err := alice.SendContent(t.Context(), teamRoom, inThread(root.ID, guideTitle)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, alice, teamRoom, l.userID, "Gelernt", "Nr. 1", "jetzt mit der Anleitung")

	// Another member, other words: the guide, confidently.
	m2 := newMember(t, "other")
	dm2 := openDM(t, m2, l.userID, true)
	reply, _ = ask(t, m2, dm2, l.userID, text(paraphrase))
	if !strings.Contains(body(reply), guideTitle) || strings.Contains(body(reply), "Meintest du") {
		t.Fatalf("%q after teaching: %s", paraphrase, body(reply))
	}

	// After a restart the learned question still counts (loaded from the database).
	restartLotse(t, l)
	reply, _ = ask(t, m2, dm2, l.userID, text(later))
	if !strings.Contains(body(reply), guideTitle) || strings.Contains(body(reply), "Meintest du") {
		t.Fatalf("%q after a restart: %s", later, body(reply))
	}
}
