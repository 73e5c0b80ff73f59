package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// buildVersion describes the binary from the build information Go embeds:
// the module version (a tag, or "(devel)" for a local build), the commit,
// its time and whether the tree had uncommitted changes.
func buildVersion(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "lotse (no build information)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var b strings.Builder
	fmt.Fprintf(&b, "lotse %s", version)
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, " commit %s", rev[:min(len(rev), 12)])
		if settings["vcs.modified"] == "true" {
			b.WriteString("+modified")
		}
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(&b, " (%s)", t)
		}
	}
	fmt.Fprintf(&b, ", %s", info.GoVersion)
	if tags := settings["-tags"]; tags != "" {
		fmt.Fprintf(&b, ", tags %s", tags)
	}
	return b.String()
}

// cmdVersion is `lotse version`.
func cmdVersion(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fail(exitUsage, fmt.Errorf("lotse version takes no arguments, got %q", args[0]))
	}
	fmt.Fprintln(stdout, buildVersion(debug.ReadBuildInfo()))
	return nil
}
