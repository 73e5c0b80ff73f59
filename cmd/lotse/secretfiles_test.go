package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigCheckWarnsAboutOpenSecretFiles: a secret file every user of
// the machine may read (the pickle key written without the umask of
// deployment.md) is named by `lotse config check`, with its mode and the
// fix, never with its content; files of mode 0640 and 0600 are not.
func TestConfigCheckWarnsAboutOpenSecretFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // past the umask
			t.Fatal(err)
		}
		return p
	}
	lib := filepath.Join(dir, "library")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := write("lotse.yaml", "homeserver_url: https://matrix.verein.de\nuser_id: \"@lotse:verein.de\"\nguides_dir: "+lib+"\nbbb_url: https://meet.verein.de/bigbluebutton/api/\n", 0o600)
	pickle := write("pickle_key", "geheimer-pickle-schluessel-0123456789\n", 0o644)
	password := write("password", "geheimes-passwort\n", 0o640)
	bbb := write("bbb_secret", "geheimes-bbb\n", 0o600)
	t.Setenv("LOTSE_PICKLE_KEY_FILE", pickle)
	t.Setenv("LOTSE_PASSWORD_FILE", password)
	t.Setenv("LOTSE_BBB_SECRET_FILE", bbb)

	out, errOut, err := runCLI(t, "", "config", "check", "-c", cfgPath)
	if err != nil {
		t.Fatalf("config check: %v\n%s%s", err, out, errOut)
	}
	want := "Warning: LOTSE_PICKLE_KEY_FILE names " + pickle + ", which every user of this machine can read (mode 0644): chmod 0640 " + pickle
	if !strings.Contains(out, "Configuration is valid.") || !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, password) || strings.Contains(out, bbb) {
		t.Errorf("a file of mode 0640 or 0600 is named:\n%s", out)
	}
	if strings.Contains(out+errOut, "geheim") {
		t.Errorf("a secret appears:\n%s%s", out, errOut)
	}

	// The setup names it too, as a hint in both languages.
	got := openSecretFiles(os.Getenv)
	if len(got) != 1 || got[0].variable != "LOTSE_PICKLE_KEY_FILE" {
		t.Errorf("openSecretFiles = %v, want the pickle key only", got)
	}
	// A variable set directly wins over its file: the file is not read.
	t.Setenv("LOTSE_PICKLE_KEY", "0123456789abcdef0123")
	if got := openSecretFiles(os.Getenv); len(got) != 0 {
		t.Errorf("openSecretFiles = %v with LOTSE_PICKLE_KEY set, want none", got)
	}
}
