package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A secret typed under the wrong key (a number, a duration, a flag) must
// not reach the log through the error that refuses it: the error names
// the key and the type, never the value (mend26b).
func TestTypeErrorsDoNotQuoteTheValue(t *testing.T) {
	tests := []struct {
		name, yaml, wantKey string
	}{
		{"number", "workers: hunter2Secret\n", "line 1: workers is not of type int"},
		{"duration", "homeserver_url: https://x.example\nchoice_ttl: hunter2Secret\n", "line 2: choice_ttl is not of type time.Duration"},
		{"flag", "ops_pprof: hunter2Secret\n", "line 1: ops_pprof is not of type bool"},
		{"nested block", "site:\n  name: Verein\nworkers: 2\nchoice_ttl: 5m\nsupport_digest_hour: hunter2Secret\n", "support_digest_hour is not of type int"},
		{"backtick in the value", "workers: \"hun`ter2Secret into x\"\n", "line 1: workers is not of type int"},
		{"list of numbers", "allowed_inviters:\n  - [hunter2Secret]\n", "line 2: allowed_inviters is not of type string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loadFileOnly(t, tt.yaml)
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), "hun") {
				t.Fatalf("error quotes the value: %v", err)
			}
			if !strings.Contains(err.Error(), tt.wantKey) {
				t.Fatalf("error %q does not say %q", err, tt.wantKey)
			}
		})
	}
}

// The same for a value from the environment or a _FILE: a secret file
// named by the wrong variable (LOTSE_WORKERS_FILE=/etc/lotse/password)
// must not be quoted.
func TestEnvTypeErrorsDoNotQuoteTheValue(t *testing.T) {
	for _, name := range []string{"LOTSE_WORKERS", "LOTSE_OPS_PPROF", "LOTSE_CHOICE_TTL"} {
		t.Run(name, func(t *testing.T) {
			env := map[string]string{name: "hunter2Secret"}
			_, err := Load("", func(k string) string { return env[k] })
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("error %v does not name %s", err, name)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Fatalf("error quotes the value: %v", err)
			}
		})
	}
}

// loadFileOnly writes yaml into a config file and loads it with no
// environment; it returns Load's error.
func loadFileOnly(t *testing.T, yaml string) error {
	t.Helper()
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(file, func(string) string { return "" })
	return err
}
