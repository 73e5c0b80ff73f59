package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// TestHangupReloadsLinkedLibrary: the library folder is a symbolic link to
// a release, as deployments do it; the link is swapped to a release with a
// new guide and `systemctl reload` (SIGHUP) makes it live at once. Before,
// a linked folder loaded no guides at all, and SIGHUP ended the process.
func TestHangupReloadsLinkedLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a process")
	}
	base := t.TempDir()
	release1, release2 := copyLibrary(t), copyLibrary(t)
	guide := "---\ntitle: Zeitmaschine buchen\ntags: [zeitmaschine]\nsummary: Wie du die Zeitmaschine des Kreisverbands buchst.\n---\n# Zeitmaschine buchen\n\nSchreib dem Vorstand.\n"
	if err := os.WriteFile(filepath.Join(release2, "zeitmaschine.md"), []byte(guide), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "library")
	if err := os.Symlink(release1, link); err != nil {
		t.Fatal(err)
	}
	botID, password := registerAccount(t, "lotse")
	proc := startProcess(t, processEnv(t, botID, password, "LOTSE_GUIDES_DIR="+link))
	m := newMember(t, "hup")
	roomID := openDM(t, m, botID, true)
	if reply, _ := ask(t, m, roomID, botID, text("passwort vergessen")); !strings.Contains(body(reply), "Passwort") {
		t.Fatalf("the guides behind the link were not loaded: %q", body(reply))
	}

	tmp := filepath.Join(base, "library.new")
	if err := os.Symlink(release2, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, link); err != nil {
		t.Fatal(err)
	}
	loaded := strings.Count(proc.logs.String(), "Loaded guide library")
	if err := proc.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// The reload runs beside the answering; wait for its log line.
	waitLogCount(t, proc, "Loaded guide library", loaded+1)
	reply, _ := ask(t, m, roomID, botID, text("wie buche ich die zeitmaschine"))
	if !strings.Contains(body(reply), "Zeitmaschine buchen") {
		t.Fatalf("the new release is not live after SIGHUP: %q", body(reply))
	}
}

// TestHangupReloadsLearnedQuestions: SIGHUP reads the learned questions
// from the database again before it reloads the files, so that a question
// `lotse privacy erase` deleted in another process leaves the running
// bot's search at `systemctl reload lotse`, not only at the next start.
func TestHangupReloadsLearnedQuestions(t *testing.T) {
	store, err := guides.NewStore(filepath.Join("..", "..", "commands", "testdata", "library"), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	reloaded := make(chan struct{}, 1)
	store.OnReload(func(*guides.Library, []guides.Problem) { reloaded <- struct{}{} })
	var learnedReads atomic.Int32
	hup := make(chan os.Signal)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		reloadOn(ctx, hup, store, func(context.Context) error { learnedReads.Add(1); return nil }, zerolog.Nop())
	}()
	hup <- syscall.SIGHUP
	<-reloaded
	cancel()
	<-done
	if n := learnedReads.Load(); n != 1 {
		t.Errorf("SIGHUP read the learned questions %d times, want once", n)
	}
}
