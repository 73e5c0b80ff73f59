package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// runCLI runs lotse with args in-process and returns stdout, stderr and the error.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := runMain(t.Context(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		return exitFailed
	}
	return 0
}

func TestHelpOnEveryVerb(t *testing.T) {
	verbs := [][]string{
		{"run"}, {"setup"}, {"demo"}, {"guides", "search"}, {"guides", "eval"}, {"guides", "check"}, {"guides", "stats"}, {"guides", "learned"},
		{"guides", "build-site"}, {"guides", "serve"}, {"privacy", "retention"}, {"backup"}, {"health"}, {"config", "check"}, {"version"},
	}
	for _, v := range verbs {
		for _, h := range []string{"-h", "--help"} {
			name := strings.Join(v, " ") + " " + h
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				t.Chdir(dir)
				out, _, err := runCLI(t, "", append(v, h)...)
				if err != nil {
					t.Fatalf("exit %d: %v", exitCode(err), err)
				}
				if !strings.HasPrefix(out, "usage: lotse "+v[0]) {
					t.Errorf("help does not start with the command's usage:\n%s", out)
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 0 {
					t.Errorf("--help created %v", entries)
				}
			})
		}
	}
	out, _, err := runCLI(t, "", "help")
	if err != nil || !strings.Contains(out, "lotse version") {
		t.Errorf("lotse help: %v\n%s", err, out)
	}
}

func TestVersion(t *testing.T) {
	out, _, err := runCLI(t, "", "version")
	if err != nil || !strings.HasPrefix(out, "lotse ") || !strings.Contains(out, "go1.") {
		t.Errorf("lotse version: %v %q", err, out)
	}
	info := &debug.BuildInfo{GoVersion: "go1.27.3", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-04T12:00:00Z"},
		{Key: "vcs.modified", Value: "true"}, {Key: "-tags", Value: "goolm"}}}
	want := "lotse v1.2.0 commit 0123456789ab+modified (2026-12-04T12:00:00Z), go1.27.3, tags goolm"
	if got := buildVersion(info, true); got != want {
		t.Errorf("buildVersion = %q, want %q", got, want)
	}
	if got := buildVersion(nil, false); !strings.Contains(got, "no build information") {
		t.Errorf("buildVersion(nil) = %q", got)
	}
	if _, _, err := runCLI(t, "", "version", "extra"); exitCode(err) != exitUsage {
		t.Errorf("version with an argument: %v", err)
	}
}

func TestGuidesSearchFlagsAnywhere(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	for _, args := range [][]string{
		{"guides", "search", "--json", "Passwort vergessen", "--dir", lib},
		{"guides", "search", "--dir", lib, "--json", "Passwort", "vergessen"},
		{"guides", "search", "Passwort", "--json", "vergessen", "--dir=" + lib},
	} {
		out, stderr, err := runCLI(t, "", args...)
		if err != nil {
			t.Fatalf("%v: %v %s", args, err, stderr)
		}
		var line searchLine
		if err := json.Unmarshal([]byte(out), &line); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if line.Query != "Passwort vergessen" || len(line.Results) == 0 || line.Results[0].ID != "konto/passwort-vergessen.md" {
			t.Errorf("%v: got %+v", args, line)
		}
	}
	// After "--" everything is the question, also words that look like flags.
	out, _, err := runCLI(t, "", "guides", "search", "--json", "--dir", lib, "--", "--dir", "x")
	if err != nil || !strings.Contains(out, `"query":"--dir x"`) {
		t.Errorf("after --: %v %s", err, out)
	}
	if _, _, err := runCLI(t, "", "guides", "search", "--bogus"); exitCode(err) != exitUsage {
		t.Errorf("unknown flag: %v", err)
	}
}

func TestGuidesCheckDirStyles(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	for _, args := range [][]string{{"guides", "check", lib}, {"guides", "check", "--dir", lib}, {"guides", "check", "--dir", lib, lib}} {
		if out, _, err := runCLI(t, "", args...); err != nil || !strings.Contains(out, "no problems found") {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
	if _, _, err := runCLI(t, "", "guides", "check", "--dir", lib, "other"); exitCode(err) != exitUsage {
		t.Errorf("two different libraries: %v", err)
	}

	dir := t.TempDir()
	guide := "---\ntitle: A\ntags: [a]\nsummary: S\n---\nÖffne https://cloud.example.org.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(guide), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "guides", "check", dir)
	if exitCode(err) != exitFailed || !strings.Contains(out, "a.md:6: example address") {
		t.Errorf("example address: exit %d\n%s", exitCode(err), out)
	}

	// Warnings only: exit 0, but not "no problems found" under them.
	warned := t.TempDir()
	if err := os.WriteFile(filepath.Join(warned, "b.md"), []byte("---\ntitle: B\ntags: [b]\nsummary: S\nfarbe: rot\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, "", "guides", "check", warned)
	if err != nil || !strings.Contains(out, `b.md:5: warning: unknown front matter field "farbe"`) || strings.Contains(out, "no problems") ||
		!strings.Contains(out, "no errors, 1 warning(s)") {
		t.Errorf("warnings only: %v\n%s", err, out)
	}

	// With -c, unset site keys are listed; set ones are not.
	cfgPath := filepath.Join(t.TempDir(), "lotse.yaml")
	if err := os.WriteFile(cfgPath, []byte("site:\n  cloud_url: https://cloud.verein.de\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, "", "guides", "check", "-c", cfgPath, lib)
	if err != nil || !strings.Contains(out, "site.meet_url is not set") || strings.Contains(out, "site.cloud_url") {
		t.Errorf("check -c: %v\n%s", err, out)
	}
}

func TestGuidesStatsCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	_, _, err := runCLI(t, "", "guides", "stats")
	if exitCode(err) != exitDatabase || !strings.Contains(err.Error(), "no database at lotse.db") {
		t.Errorf("got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("guides stats created %v", entries)
	}
}

// TestConfigCheckPlaceholders: `lotse config check` fails (exit 10) and
// names the site key when a guide Lotse would load uses it and the config
// leaves it unset; guides left out for a feature that is off do not count.
func TestConfigCheckPlaceholders(t *testing.T) {
	lib := t.TempDir()
	for name, content := range map[string]string{
		"konto/a.md":    "---\ntitle: A\ntags: [a]\nsummary: S\n---\nÖffne {{cloud_url}}.\n",
		"lotse/fall.md": "---\ntitle: F\ntags: [f]\nsummary: S\nrequires: [cases]\n---\nSchreib an {{contact_email}}.\n",
	} {
		p := filepath.Join(lib, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := "homeserver_url: https://matrix.verein.de\nuser_id: \"@lotse:verein.de\"\npassword: pw\npickle_key: 0123456789abcdef\nguides_dir: " + lib + "\n"
	tests := []struct {
		name, yaml string
		code       int
		want, not  string
	}{
		{"cloud_url unset", base, exitConfig, "site.cloud_url is not set (LOTSE_SITE_CLOUD_URL), but guides use it: konto/a.md", "contact_email"},
		{"cases on: contact_email too", base + "team_room: \"!t:verein.de\"\n", exitConfig, "site.contact_email is not set", ""},
		{"set", base + "site:\n  cloud_url: https://cloud.verein.de\n", 0, "Configuration is valid.", ""},
		{"library missing", strings.Replace(base, lib, filepath.Join(lib, "fehlt"), 1), exitGuides, "guides_dir", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfgPath := filepath.Join(t.TempDir(), "lotse.yaml")
			if err := os.WriteFile(cfgPath, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			out, _, err := runCLI(t, "", "config", "check", "-c", cfgPath)
			msg := out
			if err != nil {
				msg += err.Error()
			}
			if exitCode(err) != tt.code || !strings.Contains(msg, tt.want) || (tt.not != "" && strings.Contains(msg, tt.not)) {
				t.Errorf("exit %d, want %d; output:\n%s", exitCode(err), tt.code, msg)
			}
		})
	}
}

// TestAskWithConfig: `lotse ask` measures the whole library; with -c it
// answers from the guides of the features that config switches on.
func TestAskWithConfig(t *testing.T) {
	lib := filepath.Join("..", "..", "library")
	cfgPath := filepath.Join(t.TempDir(), "lotse.yaml")
	if err := os.WriteFile(cfgPath, []byte("guides_dir: "+lib+"\nsite:\n  cloud_url: https://cloud.verein.de\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const q = "Wie beantrage ich bei Lotse einen Nextcloud-Zugang?"
	out, _, err := runCLI(t, "", "ask", "--json", "--dir", lib, q)
	if err != nil || !strings.Contains(out, "nextcloud/zugang-beantragen.md") {
		t.Fatalf("without -c: %v %s", err, out)
	}
	out, _, err = runCLI(t, "", "ask", "--json", "-c", cfgPath, q)
	if err != nil || !strings.Contains(out, `"outcome"`) || strings.Contains(out, "nextcloud/zugang-beantragen.md") || strings.Contains(out, "cloud.example.org") {
		t.Errorf("with -c (access requests off): %v %s", err, out)
	}
	// The config's site values reach the reply (not only the left-out
	// guide is absent: an empty output would pass the check above).
	out, _, err = runCLI(t, "", "ask", "--json", "-c", cfgPath, "Cloud-Passwort vergessen")
	if err != nil || !strings.Contains(out, "https://cloud.verein.de") {
		t.Errorf("with -c, the site's cloud address: %v %s", err, out)
	}
}
