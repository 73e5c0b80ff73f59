package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/config"
)

// TestLogHasNoColorCodesOffTerminal: the console log that goes to the
// journal, `docker logs` or a file carries no escape codes. journald stores
// a line with them as binary, and `journalctl -u lotse` shows
// "[181B blob data]" in place of every line Lotse logs.
func TestLogHasNoColorCodesOffTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "lotse.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	for _, tc := range []struct {
		name  string
		write func(config.Config)
		read  func() string
	}{
		{"buffer", func(cfg config.Config) {
			log := newLogger(cfg, &buf)
			log.Info().Str("room_id", "!a:b").Msg("Joined room after invite")
			log.Error().Msg("The database's disk is full")
		}, buf.String},
		{"file", func(cfg config.Config) {
			log := newLogger(cfg, f)
			log.Warn().Int("failures", 3).Msg("Sync failed; retrying")
		}, func() string {
			data, err := os.ReadFile(f.Name())
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.write(config.Config{LogFormat: "console"})
			out := tc.read()
			if strings.Contains(out, "\x1b[") {
				t.Errorf("log holds escape codes:\n%q", out)
			}
			if !strings.Contains(out, "INF") && !strings.Contains(out, "WRN") {
				t.Errorf("log lost its level:\n%q", out)
			}
		})
	}
}

func TestColorLog(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "NO_COLOR" {
				return v
			}
			return ""
		}
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		name    string
		out     io.Writer
		noColor string
	}{
		{"buffer", &bytes.Buffer{}, ""},
		{"regular file", f, ""},
		{"NO_COLOR set", f, "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if colorLog(tc.out, env(tc.noColor)) {
				t.Errorf("colorLog = true, want false")
			}
		})
	}
}
