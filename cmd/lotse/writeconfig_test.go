package main

import (
	"os"
	"path/filepath"
	"testing"
)

// writeConfig writes yaml as the configuration file lotse.yaml in dir (as
// an admin's /etc/lotse/lotse.yaml, readable by the owner only) and
// returns its path, for the tests of the one-shot commands' -c flag.
func writeConfig(t *testing.T, dir, yaml string) string {
	t.Helper()
	path := filepath.Join(dir, "lotse.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
