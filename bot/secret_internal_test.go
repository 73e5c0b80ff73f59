package bot

import (
	"errors"
	"strings"
	"testing"
)

func TestSealSecret(t *testing.T) {
	const key, label, token = "pickle-key-0123456789", "@lotse:example.org", "syt_bG90c2U_secret_token"
	sealed, err := sealSecret(key, label, token)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sealed, sealedPrefix) || strings.Contains(sealed, token) || strings.Contains(sealed, "secret") {
		t.Fatalf("sealed value %q shows the token", sealed)
	}
	if again, _ := sealSecret(key, label, token); again == sealed {
		t.Fatal("sealing twice gave the same value (nonce reused)")
	}
	if got, err := openSecret(key, label, sealed); err != nil || got != token {
		t.Fatalf("open = %q, %v", got, err)
	}
	for name, tc := range map[string]struct{ key, label, stored string }{
		"other pickle key": {"another-pickle-key-012345", label, sealed},
		"other account":    {key, "@mallory:example.org", sealed},
		"damaged":          {key, label, sealed[:len(sealed)-4]},
		"not base64":       {key, label, sealedPrefix + "!!!"},
	} {
		got, err := openSecret(tc.key, tc.label, tc.stored)
		if err == nil || errors.Is(err, errNotSealed) || got != "" {
			t.Errorf("%s: open = %q, %v; want an error", name, got, err)
		}
		if err != nil && strings.Contains(err.Error(), token) {
			t.Errorf("%s: error shows the token: %v", name, err)
		}
	}
	// A plaintext token from an older Lotse is handed back for one last use.
	if got, err := openSecret(key, label, token); !errors.Is(err, errNotSealed) || got != token {
		t.Fatalf("plaintext: open = %q, %v", got, err)
	}
	if got, err := openSecret(key, label, ""); err != nil || got != "" {
		t.Fatalf("empty: open = %q, %v", got, err)
	}
}
