package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// helpFlag is a flag a help line names: [-c config.yaml], --dir DIR,
// [--cases=false].
var helpFlag = regexp.MustCompile(`(?:^|[\s\[|])--?([a-z][a-z-]*)`)

// definedFlag is a flag the flag package lists after an unknown one
// ("  -dir string").
var definedFlag = regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)\b.*\n(\s+(.*))?`)

// TestHelpNamesEveryFlag (texts33): every flag a command takes is named in
// its line of `lotse --help` and in its own `lotse VERB --help` — the
// help of `lotse ask` left out --lang, --cases and --web, the overview
// --timeout of health, --dir of guides learned, -c and --audiences of
// build-site and serve. An old name kept for scripts („old name of
// --dir“) need not be shown. The flags come from the command itself: an
// unknown flag makes the flag package list them.
func TestHelpNamesEveryFlag(t *testing.T) {
	verbs := []string{"run", "setup", "demo", "ask", "guides search", "guides eval", "guides check", "guides stats", "guides gaps",
		"guides learned", "guides build-site", "guides serve", "privacy retention", "privacy export", "privacy erase", "backup",
		"health", "config check"}
	for _, verb := range verbs {
		t.Run(verb, func(t *testing.T) {
			t.Chdir(t.TempDir())
			_, stderr, _ := runCLI(t, "", append(strings.Fields(verb), "--no-such-flag-texts33")...)
			var defined []string
			for _, m := range definedFlag.FindAllStringSubmatch(stderr, -1) {
				if !strings.HasPrefix(m[3], "old name") {
					defined = append(defined, m[1])
				}
			}
			if len(defined) == 0 {
				t.Fatalf("no flags listed for an unknown flag:\n%s", stderr)
			}
			own, _, _ := runCLI(t, "", append(strings.Fields(verb), "--help")...)
			for what, line := range map[string]string{"lotse --help": usageOf(usage, verb), "lotse " + verb + " --help": usageOf(own, verb)} {
				if line == "" {
					t.Errorf("%s has no line for lotse %s", what, verb)
					continue
				}
				var named []string
				for _, m := range helpFlag.FindAllStringSubmatch(line, -1) {
					named = append(named, m[1])
				}
				for _, f := range defined {
					if !slices.Contains(named, f) {
						t.Errorf("%s does not name -%s: %q", what, f, line)
					}
				}
			}
		})
	}
}

// usageOf returns the synopsis of verb in help: its line and the lines
// that continue it (indented deeper, before the description column), or
// "".
func usageOf(help, verb string) string {
	lines := strings.Split(help, "\n")
	for i, l := range lines {
		trimmed := strings.TrimSpace(strings.TrimPrefix(l, "usage:"))
		if trimmed != "lotse "+verb && !strings.HasPrefix(trimmed, "lotse "+verb+" ") &&
			!(verb == "config check" && strings.HasPrefix(trimmed, "lotse config example | check")) {
			continue
		}
		out := l
		// The overview wraps a long synopsis: the next line starts with
		// spaces and a "[" (the description column starts with a word).
		for _, next := range lines[i+1:] {
			if t := strings.TrimSpace(next); strings.HasPrefix(t, "[") {
				out += " " + t
				continue
			}
			break
		}
		return out
	}
	return ""
}
