//go:build unix

package guides_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestLoadSkipsNamedPipe: a named pipe called x.md is skipped as no
// regular file; opening it would block the load (and Lotse's start)
// until someone writes to it.
func TestLoadSkipsNamedPipe(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/gut.md", audienceSrc("Gut", "members"))
	if err := syscall.Mkfifo(filepath.Join(dir, "a", "rohr.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	lib, problems, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemFor(problems, "a/rohr.md"); lib.Len() != 1 || len(got) != 1 || !strings.Contains(got[0], "not a regular file") {
		t.Errorf("named pipe: %d guides, problems %q", lib.Len(), got)
	}
}
