package nextcloud_test

import (
	"context"
	"errors"
	"testing"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/integrations/nextcloud/nextcloudtest"
)

// TestEnsureMemberNeverAdmin: EnsureMember refuses Nextcloud's admin group
// (in any case) before calling the server, for a new account and for an
// existing one: one approval of a request must never make a member a
// Nextcloud admin (twenty-sixth pass).
func TestEnsureMemberNeverAdmin(t *testing.T) {
	for _, group := range []string{"admin", "Admin", " ADMIN "} {
		t.Run(group, func(t *testing.T) {
			f, c := newFake(t)
			f.AddUser(nextcloudtest.User{ID: "anna", Email: "anna@example.org", Groups: []string{"mitglieder"}})
			for _, email := range []string{"neu@example.org", "anna@example.org"} {
				_, err := c.EnsureMember(context.Background(), nextcloud.EnsureRequest{Email: email, Groups: []string{"mitglieder", group}})
				if !errors.Is(err, nextcloud.ErrForbidden) || nextcloud.Retryable(err) {
					t.Errorf("%s: %v, want ErrForbidden, not retryable", email, err)
				}
			}
			if n := f.TotalRequests(); n != 0 {
				t.Errorf("%d requests to Nextcloud, want none", n)
			}
			if u, _ := f.User("anna"); len(u.Groups) != 1 {
				t.Errorf("anna's groups: %v", u.Groups)
			}
		})
	}
}
