package access

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// TestProvisionErrorLoggedAtWarn: approvers told „Details im Log von
// Lotse“ (ErrUnknown) find what failed and what the server said at Warn,
// but not the user IDs the Nextcloud client quotes (derived from people's
// names); those stay at debug (whole-change review 20, people, Low 4).
func TestProvisionErrorLoggedAtWarn(t *testing.T) {
	for _, tt := range []struct {
		name       string
		err        error
		want, hide []string
	}{
		{"no free user ID", fmt.Errorf("provision: %w", &nextcloud.Error{Op: "ensure member", Message: "no free user ID after 20 attempts"}),
			[]string{"ensure member", "no free user ID after 20 attempts"}, nil},
		{"unknown OCS code", &nextcloud.Error{Op: `create user "anna.schmidt"`, HTTPStatus: 200, StatusCode: 107, Message: `user 'anna.schmidt' could not be created`},
			[]string{"create user …", "user … could not be created", `"ocs_status":107`}, []string{"anna"}},
		{"not Nextcloud's", errAccessNotConfigured, []string{"integration not configured"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			ctx := zerolog.New(&buf).Level(zerolog.InfoLevel).WithContext(context.Background())
			logProvisionError(ctx, &storage.AccessRequest{ID: 7, Kind: storage.AccessNextcloud}, tt.err, German.ErrUnknown)
			out := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("the Warn line lacks %q: %s", w, out)
				}
			}
			for _, w := range tt.hide {
				if strings.Contains(out, w) {
					t.Errorf("the Warn line names %q: %s", w, out)
				}
			}
		})
	}
}
