package nextcloud_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
)

// TestLive runs read-only calls against a real Nextcloud when
// LOTSE_TEST_NEXTCLOUD_URL, LOTSE_TEST_NEXTCLOUD_USER and
// LOTSE_TEST_NEXTCLOUD_APP_PASSWORD are set.
func TestLive(t *testing.T) {
	base := os.Getenv("LOTSE_TEST_NEXTCLOUD_URL")
	if base == "" {
		t.Skip("set LOTSE_TEST_NEXTCLOUD_URL, LOTSE_TEST_NEXTCLOUD_USER and LOTSE_TEST_NEXTCLOUD_APP_PASSWORD to run against a real Nextcloud")
	}
	c, err := nextcloud.NewClient(nextcloud.Options{
		BaseURL:     base,
		User:        os.Getenv("LOTSE_TEST_NEXTCLOUD_USER"),
		AppPassword: os.Getenv("LOTSE_TEST_NEXTCLOUD_APP_PASSWORD"),
		Timeout:     20 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	me, err := c.CurrentUser(context.Background())
	if err != nil {
		t.Fatalf("CurrentUser: %v", err)
	}
	t.Logf("authenticated as %q, groups %v", me.ID, me.Groups)
}
