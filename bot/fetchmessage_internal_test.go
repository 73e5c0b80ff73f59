package bot

import (
	"errors"
	"net"
	"net/http"
	"testing"

	"maunium.net/go/mautrix"
)

// TestFetchErrorTransient: a failed /event request is marked transient
// (the caller retries instead of falling back) only if it may pass by
// itself: no answer, a 5xx, a rate limit; a 404 or 403 is not.
func TestFetchErrorTransient(t *testing.T) {
	answer := func(status int, code string) error {
		return mautrix.HTTPError{Response: &http.Response{StatusCode: status, Header: http.Header{}},
			RespError: &mautrix.RespError{ErrCode: code, StatusCode: status}}
	}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"not reached", mautrix.HTTPError{WrappedError: &net.OpError{Op: "dial", Err: errors.New("refused")}}, true},
		{"502", answer(http.StatusBadGateway, "M_UNKNOWN"), true},
		{"429", answer(http.StatusTooManyRequests, mautrix.MLimitExceeded.ErrCode), true},
		{"404", answer(http.StatusNotFound, mautrix.MNotFound.ErrCode), false},
		{"403", answer(http.StatusForbidden, mautrix.MForbidden.ErrCode), false},
		{"other", errors.New("boom"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := fetchError(tc.err)
			var transient interface{ Transient() bool }
			if got := errors.As(err, &transient) && transient.Transient(); got != tc.want {
				t.Errorf("transient %v, want %v (%v)", got, tc.want, err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("%v does not wrap %v", err, tc.err)
			}
		})
	}
}
