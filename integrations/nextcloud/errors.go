package nextcloud

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors. Every error returned by a Client method that came from the
// server (or from the network) is an *Error; use errors.Is with these
// sentinels to branch on the outcome.
var (
	// ErrUnauthorized means the credentials were rejected (HTTP 401, OCS 997).
	// Never retry it: Nextcloud's brute-force protection slows down every later
	// request from this IP after failed logins.
	ErrUnauthorized = errors.New("nextcloud: unauthorized")
	// ErrForbidden means the account is not allowed to do this (HTTP/OCS 403,
	// or a privilege code such as 104/105 on group operations).
	ErrForbidden = errors.New("nextcloud: forbidden")
	// ErrPasswordConfirmation is the NC 34 regression where app-password
	// requests to endpoints marked PasswordConfirmationRequired get OCS 403
	// "Password confirmation is required" (nextcloud/server #61646, #61974).
	// An error matching it also matches ErrForbidden.
	ErrPasswordConfirmation = errors.New("nextcloud: password confirmation required (server bug or admin re-auth needed)")
	// ErrRateLimited means HTTP/OCS 429 (brute-force throttling or a user rate
	// limit). The *Error carries the throttle delay in RetryAfter when the
	// server reported one.
	ErrRateLimited = errors.New("nextcloud: rate limited")
	// ErrUserExists is OCS 102 on user creation.
	ErrUserExists = errors.New("nextcloud: user already exists")
	// ErrGroupExists is OCS 102 on group creation.
	ErrGroupExists = errors.New("nextcloud: group already exists")
	// ErrGroupMissing is OCS 104 on user creation and 102 on adding to or
	// removing from a group.
	ErrGroupMissing = errors.New("nextcloud: group does not exist")
	// ErrInvalidInput covers the validation codes (101, 107, 108, 110, 111, …).
	ErrInvalidInput = errors.New("nextcloud: invalid input")
	// ErrNotFound is OCS 998 (HTTP 404 on v2) or 103 "user does not exist"
	// on group membership changes.
	ErrNotFound = errors.New("nextcloud: not found")
	// ErrMailFailed is OCS 102 on resending the welcome mail (sending failed).
	ErrMailFailed = errors.New("nextcloud: sending the mail failed")
	// ErrTemporary covers 5xx responses, OCS 996/999, timeouts and network
	// errors. Retrying later may succeed.
	ErrTemporary = errors.New("nextcloud: temporary failure")
	// ErrAmbiguousEmail is returned by EnsureMember when more than one account
	// has the requested email address. See *AmbiguousEmailError.
	ErrAmbiguousEmail = errors.New("nextcloud: several accounts share this email address")
)

// Error describes a failed Nextcloud call. Its text never contains the app
// password.
type Error struct {
	// Op describes the operation, e.g. `create user "alice"`.
	Op string
	// HTTPStatus is the HTTP status code, 0 for network errors.
	HTTPStatus int
	// StatusCode is meta.statuscode of the OCS envelope, 0 without envelope.
	StatusCode int
	// Message is the server's (or our) explanation, in English.
	Message string
	// RetryAfter is the delay the server asked for (429 responses with
	// X-Nextcloud-Bruteforce-Throttled or Retry-After), else 0.
	RetryAfter time.Duration

	kind error // one of the sentinels above, or nil
	err  error // underlying error (network, context), or nil

	// createUnsure: a CreateUser call that was sent and whose outcome is
	// unknown (see CreateUnsure).
	createUnsure bool
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("nextcloud: failed to ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	msg := e.Message
	if msg == "" && e.kind != nil {
		msg = strings.TrimPrefix(e.kind.Error(), "nextcloud: ")
	}
	if msg == "" {
		msg = "request failed"
	}
	b.WriteString(msg)
	switch {
	case e.HTTPStatus != 0 && e.StatusCode != 0:
		fmt.Fprintf(&b, " (HTTP %d, OCS %d)", e.HTTPStatus, e.StatusCode)
	case e.HTTPStatus != 0:
		fmt.Fprintf(&b, " (HTTP %d)", e.HTTPStatus)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	return b.String()
}

// Is reports whether target is the sentinel this error was classified as.
// ErrPasswordConfirmation also matches ErrForbidden.
func (e *Error) Is(target error) bool {
	if e.kind == nil {
		return false
	}
	if target == e.kind {
		return true
	}
	return e.kind == ErrPasswordConfirmation && target == ErrForbidden
}

// Unwrap returns the underlying network or context error, if any.
func (e *Error) Unwrap() error { return e.err }

// AmbiguousEmailError is returned by EnsureMember when several accounts have
// the requested email address; an operator must decide which one is meant.
type AmbiguousEmailError struct {
	// UserIDs are the matching accounts, sorted.
	UserIDs []string
}

// Error implements error. It names the number of accounts, neither the
// address nor the accounts' user IDs (often derived from names, they
// would land in Warn logs; security review 20, finding 15): read UserIDs.
func (e *AmbiguousEmailError) Error() string {
	return fmt.Sprintf("nextcloud: failed to ensure member: %d accounts share the email address", len(e.UserIDs))
}

// Is makes errors.Is(err, ErrAmbiguousEmail) true.
func (e *AmbiguousEmailError) Is(target error) bool { return target == ErrAmbiguousEmail }

// CreateUnsure reports whether err is the error of a CreateUser call
// (also inside EnsureMember) that went out and whose outcome is unknown:
// no answer came (a timeout, a broken connection, a cancelled context) or
// the server reported an error of its own (5xx). The account may have
// been created then, and Nextcloud may have sent its password mail.
func CreateUnsure(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.createUnsure
}

// Retryable reports whether repeating the call later may succeed: true for
// ErrTemporary and ErrRateLimited (wait RetryAfter first), false for
// everything else, in particular ErrUnauthorized, ErrForbidden and other 4xx.
func Retryable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnauthorized) {
		return false
	}
	return errors.Is(err, ErrTemporary) || errors.Is(err, ErrRateLimited)
}

// RetryAfter returns the delay the server asked for, or 0.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}
