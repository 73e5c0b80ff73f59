package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/config"
)

// TestAskJSON: `lotse ask --json` decides each stdin line without a
// homeserver or a database and prints one object per message.
func TestAskJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	in := strings.NewReader("Hallo, kurze Frage: wie setze ich mein Cloud-Passwort zurück?\n\n👍\ngibt es hier auch echte Leute?\n!hilfe\nWann werden die Wahlplakate aufgehängt?\n")
	if err := runMain(t.Context(), []string{"ask", "--dir", filepath.Join("..", "..", "library"), "--json"}, in, &out, &errOut); err != nil {
		t.Fatalf("ask: %v (%s)", err, errOut.String())
	}
	var lines []askLine
	dec := json.NewDecoder(&out)
	for dec.More() {
		var l askLine
		if err := dec.Decode(&l); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	want := []struct{ outcome, guide string }{
		{"answer", "konto/passwort-vergessen.md"},
		{"smalltalk", ""},
		{"human", ""},
		{"command", ""},
		{"none", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(lines), len(want), lines)
	}
	for i, w := range want {
		l := lines[i]
		if l.Outcome != w.outcome || l.Reply == "" || l.Guides == nil {
			t.Errorf("%q: outcome %q guides %v reply %q, want %s with a reply", l.Message, l.Outcome, l.Guides, l.Reply, w.outcome)
		}
		if w.guide != "" && (len(l.Guides) != 1 || l.Guides[0] != w.guide) {
			t.Errorf("%q: guides %v, want [%s]", l.Message, l.Guides, w.guide)
		}
	}
}

// TestAskEval: `lotse ask --eval` prints helped and confident-wrong per
// expected outcome and the misses.
func TestAskEval(t *testing.T) {
	tsv := filepath.Join(t.TempDir(), "q.tsv")
	data := "question\texpected\npasswort vergessen\tkonto/passwort-vergessen.md\ndanke!\tsmalltalk\nwie hoch ist mein mitgliedsbeitrag\tnone\nich brauche persönliche hilfe\tsmalltalk\n"
	if err := os.WriteFile(tsv, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := runMain(t.Context(), []string{"ask", "--dir", filepath.Join("..", "..", "library"), "--eval", tsv}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("ask --eval: %v (%s)", err, errOut.String())
	}
	for _, w := range []string{"guide", "smalltalk", "none", "helped", "confident-wrong", "misses:", "ich brauche persönliche hilfe"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
}

func TestAskNoMessage(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runMain(t.Context(), []string{"ask", "--dir", filepath.Join("..", "..", "library")}, strings.NewReader("\n"), &out, &errOut)
	if err == nil {
		t.Fatal("no message: want a usage error")
	}
}

// TestQuestionSetFiles: the three readers of question sets (ask --eval,
// guides eval, learn_eval_questions) read a good file and name the file
// in the error for a missing or malformed one (usage exit for the verbs).
func TestQuestionSetFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	bad := filepath.Join(dir, "bad.tsv")
	missing := filepath.Join(dir, "fehlt.tsv")
	if err := os.WriteFile(good, []byte("question\texpected\npasswort vergessen\tkonto/passwort-vergessen.md\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("frage;antwort\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join("..", "..", "library")
	for _, path := range []string{bad, missing} {
		for _, args := range [][]string{{"ask", "--dir", lib, "--eval", path}, {"guides", "eval", "--dir", lib, "--questions", path}} {
			_, _, err := runCLI(t, "", args...)
			if exitCode(err) != exitUsage || !strings.Contains(err.Error(), path) {
				t.Errorf("%v: exit %d, error %v; want a usage error naming the file", args, exitCode(err), err)
			}
		}
		cfg := config.Defaults()
		cfg.LearnEvalQuestions = path
		if _, err := learnConfig(cfg, nil); err == nil || !strings.Contains(err.Error(), "learn_eval_questions") || !strings.Contains(err.Error(), path) {
			t.Errorf("learn_eval_questions %s: error %v", path, err)
		}
	}
	cfg := config.Defaults()
	cfg.LearnEvalQuestions = good
	l, err := learnConfig(cfg, nil)
	if err != nil || len(l.EvalSet) != 1 || l.EvalSet[0].Expected != "konto/passwort-vergessen.md" {
		t.Fatalf("learn_eval_questions: %v %+v", err, l.EvalSet)
	}
	if out, _, err := runCLI(t, "", "guides", "eval", "--dir", lib, "--questions", good); err != nil || out == "" {
		t.Fatalf("guides eval: %v %q", err, out)
	}
}

// TestAskNamesFollowUps: an admin who pipes a conversation into `lotse
// ask` („passwort vergessen“, „mehr“, „2“, „ja“) is told that those lines
// continue an earlier reply in the chat, instead of reading only "no guide
// fits" under them (fresh30); a question is printed without the note.
func TestAskNamesFollowUps(t *testing.T) {
	var out, errOut bytes.Buffer
	in := strings.NewReader("passwort vergessen\nmehr\n2\nja\nWie spende ich für den Wahlkampf?\n")
	if err := runMain(t.Context(), []string{"ask", "--dir", filepath.Join("..", "..", "library")}, in, &out, &errOut); err != nil {
		t.Fatalf("ask: %v (%s)", err, errOut.String())
	}
	blocks := strings.Split(strings.TrimSpace(out.String()), "\n\n")
	noted := map[string]bool{}
	for _, b := range blocks {
		msg, _, _ := strings.Cut(b, "\n")
		if strings.Contains(b, askFollowUpNote) {
			noted[msg] = true
		}
	}
	for msg, want := range map[string]bool{"passwort vergessen": false, "mehr": true, "2": true, "ja": true, "Wie spende ich für den Wahlkampf?": false} {
		if noted[msg] != want {
			t.Errorf("%q: follow-up note %v, want %v\n%s", msg, noted[msg], want, out.String())
		}
	}
}
