package dendrite

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// File names inside the data folder. Dendrite resolves relative paths against
// its working directory, which Start sets to the data folder.
const (
	configFile = "dendrite.yaml"
	keyFile    = "matrix_key.pem"
	mediaDir   = "media"
	// jetstreamDir would hold Dendrite's internal NATS streams if they were
	// not in memory.
	jetstreamDir = "jetstream"
)

// RateLimit turns on Dendrite's client API rate limiting.
//
// Dendrite gives each caller Threshold slots; each request takes one and frees
// it CooloffMS milliseconds later. A request finding no free slot gets 429
// M_LIMIT_EXCEEDED. Callers are user+device for authenticated requests and
// the remote address (host:port) for /login and /register. Server admins are
// never limited.
type RateLimit struct {
	Threshold     int
	CooloffMS     int
	ExemptUserIDs []string
}

// writeConfig writes dendrite.yaml into dataDir.
func writeConfig(dataDir, serverName, sharedSecret string, rl *RateLimit) error {
	db := func(name string) map[string]any {
		return map[string]any{"connection_string": "file:dendrite_" + name + ".db"}
	}
	rateLimiting := map[string]any{"enabled": false, "threshold": 20, "cooloff_ms": 500}
	if rl != nil {
		exempt := rl.ExemptUserIDs
		if exempt == nil {
			exempt = []string{}
		}
		rateLimiting = map[string]any{
			"enabled":         true,
			"threshold":       rl.Threshold,
			"cooloff_ms":      rl.CooloffMS,
			"exempt_user_ids": exempt,
		}
	}
	cfg := map[string]any{
		"version": 2,
		"global": map[string]any{
			"server_name":                    serverName,
			"private_key":                    keyFile,
			"key_validity_period":            "168h0m0s",
			"disable_federation":             true,
			"trusted_third_party_id_servers": []string{},
			"jetstream": map[string]any{
				"in_memory":    true,
				"storage_path": jetstreamDir,
				"topic_prefix": "Dendrite",
			},
			"presence":       map[string]any{"enable_inbound": false, "enable_outbound": false},
			"report_stats":   map[string]any{"enabled": false},
			"server_notices": map[string]any{"enabled": false},
			"metrics":        map[string]any{"enabled": false},
			"dns_cache":      map[string]any{"enabled": false},
			"cache":          map[string]any{"max_size_estimated": "64mb", "max_age": "1h"},
		},
		"app_service_api": map[string]any{"config_files": []string{}},
		"client_api": map[string]any{
			"registration_disabled":       true,
			"registration_shared_secret":  sharedSecret,
			"guests_disabled":             true,
			"enable_registration_captcha": false,
			"rate_limiting":               rateLimiting,
		},
		"federation_api": map[string]any{
			"database":         db("federationapi"),
			"key_perspectives": []any{},
			"send_max_retries": 1,
		},
		"key_server": map[string]any{"database": db("keyserver")},
		"media_api": map[string]any{
			"database":                 db("mediaapi"),
			"base_path":                mediaDir,
			"max_file_size_bytes":      10485760,
			"dynamic_thumbnails":       false,
			"max_thumbnail_generators": 2,
		},
		"mscs":        map[string]any{"database": db("mscs"), "mscs": []string{}},
		"relay_api":   map[string]any{"database": db("relayapi")},
		"room_server": map[string]any{"database": db("roomserver")},
		"sync_api": map[string]any{
			"database": db("syncapi"),
			"search":   map[string]any{"enabled": false},
		},
		"user_api": map[string]any{
			"account_database": db("userapi_accounts"),
			"bcrypt_cost":      4,
		},
		"tracing": map[string]any{"enabled": false},
		"logging": []any{map[string]any{"type": "std", "level": "info"}},
	}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		return fmt.Errorf("failed to encode the Dendrite config: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, configFile), data, 0o600); err != nil {
		return fmt.Errorf("failed to write the Dendrite config: %w", err)
	}
	return nil
}
