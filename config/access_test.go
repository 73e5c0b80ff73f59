package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAccessSecretsOnlyFromEnv(t *testing.T) {
	dir := t.TempDir()
	for _, key := range []string{"nextcloud_app_password", "bbb_secret"} {
		file := filepath.Join(dir, key+".yaml")
		_ = os.WriteFile(file, []byte(key+": hunter2\n"), 0o600)
		_, err := Load(file, func(string) string { return "" })
		if err == nil || !strings.Contains(err.Error(), EnvName(key)) {
			t.Errorf("%s in the file: %v", key, err)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("the error shows the secret: %v", err)
		}
	}
	secretFile := filepath.Join(dir, "bbb")
	_ = os.WriteFile(secretFile, []byte("bbb-secret\n"), 0o600)
	env := map[string]string{
		"LOTSE_HOMESERVER_URL": "https://hs", "LOTSE_USER_ID": "@l:hs", "LOTSE_PASSWORD": "x", "LOTSE_PICKLE_KEY": "0123456789abcdef",
		"LOTSE_APPROVALS_ROOM": "!a:hs", "LOTSE_APPROVERS": "@a:hs, @b:hs", "LOTSE_NEXTCLOUD_URL": "https://cloud", "LOTSE_NEXTCLOUD_USER": "lotse",
		"LOTSE_NEXTCLOUD_APP_PASSWORD": "app-pw", "LOTSE_NEXTCLOUD_GROUPS": "AG Digitales,Bezirk Nord", "LOTSE_BBB_URL": "https://bbb",
		"LOTSE_BBB_SECRET_FILE": secretFile,
	}
	cfg, err := Load("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.NextcloudAppPassword != "app-pw" || cfg.BBBSecret != "bbb-secret" || len(cfg.Approvers) != 2 || len(cfg.NextcloudGroups) != 2 {
		t.Fatalf("access config: %+v", cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	cfg.NextcloudAppPassword, cfg.BBBSecret, cfg.ApprovalsRoom, cfg.Approvers = "", "", "#alias:hs", []string{"bob"}
	err = cfg.Validate()
	for _, want := range []string{"LOTSE_NEXTCLOUD_APP_PASSWORD", "LOTSE_BBB_SECRET", "approvals_room must be a room ID", "approvers must be full"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("validation does not mention %q: %v", want, err)
		}
	}
}
