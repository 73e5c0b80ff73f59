// Package nextcloud is a small client for the Nextcloud OCS Provisioning API
// (v2, JSON): look up, create and group user accounts, and the idempotent
// provisioning step EnsureMember.
//
// Upstream docs:
// https://docs.nextcloud.com/server/latest/admin_manual/configuration_user/instruction_set_for_users.html
// and instruction_set_for_groups.html; the contract this package follows is
// section A of docs/integrations-reference.md.
//
// Every request sends OCS-APIRequest: true, Accept: application/json and
// format=json, authenticates with HTTP Basic (user + app password) and sends
// form-encoded bodies. Responses are checked by HTTP status and by
// meta.statuscode, and errors are *Error values classified by sentinels
// (ErrUnauthorized, ErrRateLimited, ErrUserExists, …). The client never
// retries by itself; use Retryable and RetryAfter. The app password never
// appears in error texts.
//
// Typical use, after an approver approved a member:
//
//	nc, err := nextcloud.NewClient(nextcloud.Options{BaseURL: cfg.URL, User: cfg.User, AppPassword: cfg.AppPassword})
//	...
//	res, err := nc.EnsureMember(ctx, nextcloud.EnsureRequest{
//		Email: email, DisplayName: name, Groups: []string{"mitglieder"}, Language: "de",
//	})
//	switch {
//	case errors.Is(err, nextcloud.ErrAmbiguousEmail): // ask an admin which account is meant
//	case nextcloud.Retryable(err): // requeue after nextcloud.RetryAfter(err) or a backoff
//	case err != nil: // report; ErrUnauthorized / ErrPasswordConfirmation need an admin
//	}
//
// The package nextcloudtest provides an API-faithful fake server for tests.
package nextcloud
