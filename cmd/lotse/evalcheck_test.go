package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSet writes a question set (the header is added) and returns its path.
func writeSet(t *testing.T, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "set.tsv")
	if err := os.WriteFile(path, []byte("question\texpected\n"+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEvalUnknownExpected: a question set whose expected column names
// guides the library does not have, or outcome words with a typo, is an
// error that counts the rows, names up to five with their lines and a
// "did you mean", exits 2 and prints no figures — for both verbs. It was
// 0 % helped and "confident wrong" without a word (eval31: 125 rows named
// library/bbb/x.md instead of bbb/x.md).
func TestEvalUnknownExpected(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	const id = "konto/passwort-vergessen.md"
	tests := []struct {
		name  string
		rows  []string
		ask   bool     // only lotse ask --eval (outcome words)
		guide bool     // only lotse guides eval
		want  []string // in the error; empty: the set is good
	}{
		{name: "good", rows: []string{"passwort vergessen\t" + id, "wie hoch ist der beitrag\t-"}},
		{name: "good outcomes", ask: true, rows: []string{"hallo\tsmalltalk", "ich will einen menschen\thuman", "wetter\tnone"}},
		{name: "library folder", rows: []string{"a\tlibrary/" + id},
			want: []string{"1 row expects a guide or outcome", "line 2: library/" + id + " — did you mean " + id + "?"}},
		{name: "dot slash", rows: []string{"a\t./" + id}, want: []string{"line 2: ./" + id + " — did you mean " + id + "?"}},
		{name: "without .md", rows: []string{"a\tkonto/passwort-vergessen"}, want: []string{"did you mean " + id + "?"}},
		{name: "case", rows: []string{"a\tKonto/Passwort-Vergessen.md"}, want: []string{"did you mean " + id + "?"}},
		{name: "unknown", rows: []string{"a\t" + id, "b\tgibt/es-nicht.md"}, want: []string{"1 row expects", "line 3: gibt/es-nicht.md\n"}},
		{name: "outcome typo", ask: true, rows: []string{"hallo\tsmaltalk"}, want: []string{"line 2: smaltalk — did you mean smalltalk?"}},
		{name: "outcome case", ask: true, rows: []string{"hallo\tHuman"}, want: []string{"line 2: Human — did you mean human?"}},
		{name: "outcome in guides eval", guide: true, rows: []string{"hallo\tnone"},
			want: []string{"line 2: none — none is an outcome of lotse ask --eval; lotse guides eval takes a guide ID, or - if no guide answers"}},
		{name: "many", rows: manyRows(125, "library/"+id),
			want: []string{"125 rows expect guides or outcomes", "line 2: library/", "line 6: library/", "… and 120 more rows"}},
	}
	for _, tt := range tests {
		for _, verb := range []string{"ask", "guides eval"} {
			if (tt.ask && verb != "ask") || (tt.guide && verb == "ask") {
				continue
			}
			t.Run(tt.name+"/"+verb, func(t *testing.T) {
				path := writeSet(t, tt.rows...)
				args := []string{"ask", "--dir", lib, "--eval", path}
				if verb != "ask" {
					args = []string{"guides", "eval", "--dir", lib, "--questions", path}
				}
				out, _, err := runCLI(t, "", args...)
				if len(tt.want) == 0 {
					if err != nil || out == "" {
						t.Fatalf("good set: %v\n%s", err, out)
					}
					return
				}
				if exitCode(err) != exitUsage || out != "" {
					t.Fatalf("exit %d (want %d), stdout %q: %v", exitCode(err), exitUsage, out, err)
				}
				msg := err.Error() + "\n"
				for _, w := range tt.want {
					if !strings.Contains(msg, w) {
						t.Errorf("error lacks %q:\n%s", w, msg)
					}
				}
				if strings.Count(msg, "\n  line ") > maxBadRowsShown {
					t.Errorf("more than %d rows shown:\n%s", maxBadRowsShown, msg)
				}
				if !strings.Contains(msg, "no figures") {
					t.Errorf("error does not say that no figures are printed:\n%s", msg)
				}
			})
		}
	}
}

func manyRows(n int, expected string) []string {
	rows := make([]string, n)
	for i := range rows {
		rows[i] = fmt.Sprintf("frage %d\t%s", i, expected)
	}
	return rows
}

// TestEvalDirAboveLibrary: --dir pointing at the folder above the library
// loads its guides as library/…; the set's bbb/x.md is then unknown, and
// the hint says so.
func TestEvalDirAboveLibrary(t *testing.T) {
	above := t.TempDir()
	if err := os.MkdirAll(filepath.Join(above, "library", "konto"), 0o755); err != nil {
		t.Fatal(err)
	}
	guide := "---\ntitle: Passwort vergessen\ntags: [passwort]\nsummary: Ein neues Passwort setzen.\n---\nSo setzt du ein neues Passwort.\n"
	if err := os.WriteFile(filepath.Join(above, "library", "konto", "pw.md"), []byte(guide), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCLI(t, "", "ask", "--dir", above, "--eval", writeSet(t, "passwort vergessen\tkonto/pw.md"))
	if exitCode(err) != exitUsage || !strings.Contains(err.Error(), "did you mean library/konto/pw.md? (is --dir the folder above the library?)") {
		t.Errorf("exit %d: %v", exitCode(err), err)
	}
}

// TestEvalSetFormat: the mistakes of a hand-written set each get a
// message with the line and what to do, exit 2 and no figures.
func TestEvalSetFormat(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	tests := []struct {
		name, file, want string
	}{
		{"header with spaces", "question expected\na\t-\n", "line 1: the first line must be the header \"question<TAB>expected\" with a tab between the two words, not spaces"},
		{"no header", "# comment\npasswort vergessen\tkonto/passwort-vergessen.md\n", "line 2: the first line must be the header \"question<TAB>expected\"; this looks like a question: add the header above it"},
		{"row without tab", "question\texpected\npasswort vergessen konto/passwort-vergessen.md\n", "line 2: no tab; a row is the question, a tab, and the expected guide ID or outcome"},
		{"two tabs", "question\texpected\na\tb\tc\n", "line 2: 2 tabs; a row has exactly one"},
		{"empty expected", "question\texpected\na\t \n", "line 2: the expected column (after the tab) is empty"},
		{"empty question", "question\texpected\n \t-\n", "line 2: the question (before the tab) is empty"},
		{"only the header", "question\texpected\n", "no questions, only the header"},
		{"empty file", "", "empty file: the first line must be the header"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "set.tsv")
		if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"ask", "--dir", lib, "--eval", path}, {"guides", "eval", "--dir", lib, "--questions", path}} {
			out, _, err := runCLI(t, "", args...)
			if exitCode(err) != exitUsage || out != "" || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s, %s: exit %d, stdout %q, error %v; want %q", tt.name, args[0], exitCode(err), out, err, tt.want)
			}
		}
	}
}

// TestNoGuides: a library folder without a guide (empty, the wrong
// folder, every file broken) is said plainly by every verb that answers
// from it — not an answer "no guide fits", an empty search, 0 % or "no
// problems found".
func TestNoGuides(t *testing.T) {
	empty := t.TempDir()
	wrong := t.TempDir()
	if err := os.WriteFile(filepath.Join(wrong, "notes.txt"), []byte("hallo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := t.TempDir()
	for _, f := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(broken, f), []byte("kein Front Matter\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set := writeSet(t, "passwort vergessen\t-")
	for _, tt := range []struct {
		dir, want string
	}{
		{empty, "no guide in " + empty + ": it has no .md guide files"},
		{wrong, "no guide in " + wrong + ": it has no .md guide files"},
		{broken, "no guide loaded from " + broken + ": 2 files have errors and were skipped"},
	} {
		for _, args := range [][]string{
			{"ask", "--dir", tt.dir, "passwort vergessen"},
			{"ask", "--dir", tt.dir, "--eval", set},
			{"guides", "search", "--dir", tt.dir, "--json", "passwort"},
			{"guides", "eval", "--dir", tt.dir, "--questions", set},
		} {
			out, _, err := runCLI(t, "", args...)
			if exitCode(err) != exitGuides || out != "" || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%v: exit %d, stdout %q, error %v; want %q", args, exitCode(err), out, err, tt.want)
			}
		}
		out, _, err := runCLI(t, "", "guides", "check", tt.dir)
		if exitCode(err) != exitFailed || strings.Contains(out, "no problems") {
			t.Errorf("guides check %s: exit %d, %v\n%s", tt.dir, exitCode(err), err, out)
		}
	}
	out, _, err := runCLI(t, "", "guides", "check", filepath.Join("..", "..", "library"))
	if err != nil || !strings.Contains(out, "no problems found (") || !strings.Contains(out, " guides)") {
		t.Errorf("guides check of the shipped library: %v\n%s", err, out)
	}
}

// TestGuidesSearchNoQuestion: `lotse guides search` with nothing to search
// (an empty pipe, blank lines) says so and exits 2, as `lotse ask` does;
// it printed nothing and exited 0.
func TestGuidesSearchNoQuestion(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	for _, stdin := range []string{"", "\n  \n"} {
		out, _, err := runCLI(t, stdin, "guides", "search", "--dir", lib, "--json")
		if exitCode(err) != exitUsage || out != "" || !strings.Contains(err.Error(), "no question") {
			t.Errorf("stdin %q: exit %d, stdout %q, %v", stdin, exitCode(err), out, err)
		}
	}
	if out, _, err := runCLI(t, "passwort vergessen\n", "guides", "search", "--dir", lib, "--json"); err != nil || !strings.Contains(out, `"query":"passwort vergessen"`) {
		t.Errorf("one question: %v %s", err, out)
	}
}
