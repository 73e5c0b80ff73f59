package access

import (
	"errors"
	"strings"

	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// The member's texts of a denial and of a failed set-up depend on its
// cause, stored as a code with the request (storage.DenyCause,
// storage.FailCause, schema v13): the stored texts are the approvers' and
// in the language configured then, and a text changed since, or a third
// language, must not change what the member is told.

// deniedWithoutReason reports whether the member is told that no reason
// was given (a ❌ or 👎 reaction) rather than shown the stored reason.
func deniedWithoutReason(r *storage.AccessRequest) bool {
	reason := strings.TrimSpace(r.DenyReason)
	switch r.DenyCause {
	case storage.DenyNoReason:
		return true
	case storage.DenyWithReason:
		return reason == ""
	}
	// Fallback ONLY for denials stored without a code (before schema v13,
	// or by an older binary): the note of a reaction is recognised by its
	// text in either language, as before.
	return reason == "" || reason == German.DeniedNoReason || reason == English.DeniedNoReason
}

// failCause is the code of a provisioning error, as far as the member's
// notice depends on it (memberFailedText): the causes provisionError
// explains with ErrRoomTaken and ErrAmbiguous.
func failCause(err error) storage.FailCause {
	switch {
	case errors.Is(err, errRoomTaken):
		return storage.FailRoomTaken
	case errors.Is(err, nextcloud.ErrAmbiguousEmail):
		return storage.FailByHand
	}
	return storage.FailOther
}

// memberFailedText is the member's notice of a failed request: with the
// promise to report back once it is set up, unless the cause is one
// approving again cannot mend (whole-change review 20, people, Low 5): a
// room name another member has (the member must ask for another name),
// several accounts with the address (the approvers sort it out by hand).
func (w *Workflow) memberFailedText(r *storage.AccessRequest) string {
	why := r.FailCause
	if why == "" {
		// Fallback ONLY for failures stored without a code (before
		// schema v13, or by an older binary): the approvers' explanation
		// in either language (the configured one may have changed since).
		switch r.LastError {
		case German.ErrRoomTaken, English.ErrRoomTaken:
			why = storage.FailRoomTaken
		case German.ErrAmbiguous, English.ErrAmbiguous:
			why = storage.FailByHand
		}
	}
	switch why {
	case storage.FailRoomTaken:
		return w.tx.MemberFailedRoomTaken
	case storage.FailByHand:
		return w.tx.MemberFailedByHand
	}
	return w.tx.MemberFailed
}
