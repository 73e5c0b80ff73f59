package gaps_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestKeptWithoutControlCharacters: a member's question with a terminal's
// escape sequences is kept without them — `lotse gaps` prints kept
// questions to an admin's terminal, where „\x1b[2K“ clears a line and
// „\x1b]52;…“ writes the clipboard in some terminals (learn34).
func TestKeptWithoutControlCharacters(t *testing.T) {
	f := newFixture(t, filepath.Join(t.TempDir(), "lotse.db"))
	f.ask(dm, member, "Wie melde ich eine Demo an?\x1b[2K\x1b]52;c;ZXZpbA==\x07 \u202eDanke")
	got := f.kept()
	if len(got) != 1 {
		t.Fatalf("kept %q", got)
	}
	if strings.ContainsAny(got[0], "\x1b\x07\u202e") || !strings.Contains(got[0], "Demo") {
		t.Errorf("kept %q", got[0])
	}
}
