package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestUnknownTimeZoneStops: a support_timezone Go does not know stops every
// verb that shows local times with a config error naming the setting,
// instead of silently using UTC or the machine's zone; `lotse run` stops
// before it opens (and creates) the database.
func TestUnknownTimeZoneStops(t *testing.T) {
	dir := t.TempDir()
	lib := copyLibrary(t)
	dbPath := filepath.Join(dir, "lotse.db")
	yaml := "database: " + dbPath + "\nguides_dir: " + lib + "\nsupport_timezone: Europe/Atlantis\n"
	cfgPath := writeConfig(t, dir, yaml)
	check := func(t *testing.T, err error) {
		t.Helper()
		if exitCode(err) != exitConfig || !strings.Contains(err.Error(), "support_timezone") {
			t.Errorf("got %v (exit %d), want a config error naming support_timezone", err, exitCode(err))
		}
	}

	t.Run("run", func(t *testing.T) {
		cfg, err := config.Load(cfgPath, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		check(t, runBot(t.Context(), cfg, zerolog.Nop(), nil))
		if _, err := os.Stat(dbPath); err == nil {
			t.Error("run opened the database with an unknown time zone")
		}
	})
	t.Run("guides build-site", func(t *testing.T) {
		out := filepath.Join(dir, "site")
		_, _, err := runCLI(t, "", "guides", "build-site", "-c", cfgPath, "--out", out)
		check(t, err)
		if _, err := os.Stat(out); err == nil {
			t.Error("build-site wrote a site with an unknown time zone")
		}
	})
	t.Run("guides gaps", func(t *testing.T) {
		_ = storagetest.Open(t, dbPath).Close()
		_, _, err := runCLI(t, "", "guides", "gaps", "-c", cfgPath)
		check(t, err)
	})
}
