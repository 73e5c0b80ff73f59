package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestGuidesLearnedExport: `lotse guides learned` lists the learned
// questions; --export writes them into a copy of the library (only the
// added question line differs) and marks them exported; a question for a
// guide the library lost is left out with a note.
func TestGuidesLearnedExport(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("..", "..", "library"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	lib := copyDir(t, src)
	t.Chdir(dir)
	cfgFile := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgFile, []byte("database: lotse.db\nguides_dir: "+lib+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := storagetest.Open(t, filepath.Join(dir, "lotse.db"))
	ctx := context.Background()
	const q = "Die Ortsgruppe braucht einen Treffpunkt im Netz"
	for i, l := range []storage.LearnedQuestion{
		{GuideID: "bbb/raum-fuer-ag-beantragen.md", Question: q, Norm: "a", CaseID: 1, TaughtBy: "@t:x", TaughtAt: time.Now()},
		{GuideID: "weg/geloescht.md", Question: "Alte Frage", Norm: "b", CaseID: 2, TaughtBy: "@t:x", TaughtAt: time.Now()},
	} {
		if _, _, err := db.Learned().Add(ctx, l, "$e"+string(rune('0'+i))); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	// lotse ask counts them with --learned-from, as the bot does.
	const other = "Wir brauchen für die Ortsgruppe einen Treffpunkt im Internet"
	out, _, err := runCLI(t, "", "ask", "--dir", lib, "--json", other)
	if err != nil || strings.Contains(out, `"guides":["bbb/raum-fuer-ag-beantragen.md"`) {
		t.Fatalf("precondition: without learned questions: %v %s", err, out)
	}
	out, _, err = runCLI(t, "", "ask", "--dir", lib, "--json", "--learned-from", cfgFile, other)
	if err != nil || !strings.Contains(out, `"guides":["bbb/raum-fuer-ag-beantragen.md"`) {
		t.Fatalf("with learned questions: %v %s", err, out)
	}
	orig, err := os.ReadFile(filepath.Join(lib, "bbb", "raum-fuer-ag-beantragen.md"))
	if err != nil {
		t.Fatal(err)
	}

	out, _, err = runCLI(t, "", "guides", "learned", "-c", cfgFile)
	if err != nil || !strings.Contains(out, q) || !strings.Contains(out, "bbb/raum-fuer-ag-beantragen.md") {
		t.Fatalf("list: %v\n%s", err, out)
	}
	out, errOut, err := runCLI(t, "", "guides", "learned", "-c", cfgFile, "--export", "review")
	if err != nil || !strings.Contains(out, "bbb/raum-fuer-ag-beantragen.md: 1 question(s) added") || !strings.Contains(errOut, "weg/geloescht.md is no longer") {
		t.Fatalf("export: %v\n%s\n%s", err, out, errOut)
	}
	got, err := os.ReadFile(filepath.Join(dir, "review", "bbb", "raum-fuer-ag-beantragen.md"))
	if err != nil {
		t.Fatal(err)
	}
	added := strings.Count(string(got), "\n") - strings.Count(string(orig), "\n")
	if added != 1 || !strings.Contains(string(got), `  - "`+q+`"`+"\n") {
		t.Fatalf("exported guide (%d lines added):\n%s", added, got)
	}
	// Removing the added line gives the original back, byte for byte.
	if back := strings.Replace(string(got), `  - "`+q+`"`+"\n", "", 1); back != string(orig) {
		t.Fatal("the rest of the file changed")
	}
	out, _, err = runCLI(t, "", "guides", "learned", "-c", cfgFile)
	if err != nil || !strings.Contains(out, time.Now().Format(time.DateOnly)+"  "+q) {
		t.Fatalf("not marked exported: %v\n%s", err, out)
	}
}
