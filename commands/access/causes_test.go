package access

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// TestDeniedWithoutReason: a denial is told by its stored code, whatever
// its text says; only a denial stored without one (before schema v13) is
// recognised by its text.
func TestDeniedWithoutReason(t *testing.T) {
	for _, tt := range []struct {
		name   string
		reason string
		how    storage.DenyCause
		want   bool
	}{
		{"reaction", German.DeniedNoReason, storage.DenyNoReason, true},
		{"reaction, the note's text changed since", "ohne Begründung (alte Fassung)", storage.DenyNoReason, true},
		{"reaction in a third language", "sans motif (réaction)", storage.DenyNoReason, true},
		{"reason", "Bitte erst Mitglied werden", storage.DenyWithReason, false},
		{"reason that reads like the English note", English.DeniedNoReason, storage.DenyWithReason, false},
		{"reason that reads like the German note", German.DeniedNoReason, storage.DenyWithReason, false},
		{"reason of blanks", "  ", storage.DenyWithReason, true},
		// Fallback for rows stored before v13.
		{"old row: German note", German.DeniedNoReason, "", true},
		{"old row: English note", " " + English.DeniedNoReason, "", true},
		{"old row: empty", "", "", true},
		{"old row: reason", "Bitte erst Mitglied werden", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &storage.AccessRequest{Status: storage.AccessDenied, DenyReason: tt.reason, DenyCause: tt.how}
			if got := deniedWithoutReason(r); got != tt.want {
				t.Errorf("deniedWithoutReason(%q, %q) = %v, want %v", tt.reason, tt.how, got, tt.want)
			}
		})
	}
}

// TestMemberFailedText: the member's notice of a failed set-up follows
// the stored code, not the approvers' explanation stored beside it; only a
// failure stored without a code (before schema v13) is recognised by its
// text, in either language.
func TestMemberFailedText(t *testing.T) {
	for _, lang := range []*Texts{&German, &English} {
		w := &Workflow{tx: lang}
		for _, tt := range []struct {
			name    string
			lastErr string
			why     storage.FailCause
			want    string
		}{
			{"room taken", German.ErrRoomTaken, storage.FailRoomTaken, lang.MemberFailedRoomTaken},
			{"room taken, the text changed since", "Raum schon vergeben (alte Fassung).", storage.FailRoomTaken, lang.MemberFailedRoomTaken},
			{"several accounts, the text changed since", "Mehrere Konten (alte Fassung).", storage.FailByHand, lang.MemberFailedByHand},
			{"other cause whose text reads like room taken", English.ErrRoomTaken, storage.FailOther, lang.MemberFailed},
			{"other cause", German.ErrUnauthorized, storage.FailOther, lang.MemberFailed},
			// Fallback for rows stored before v13.
			{"old row: room taken (German)", German.ErrRoomTaken, "", lang.MemberFailedRoomTaken},
			{"old row: room taken (English)", English.ErrRoomTaken, "", lang.MemberFailedRoomTaken},
			{"old row: several accounts", English.ErrAmbiguous, "", lang.MemberFailedByHand},
			{"old row: other", German.ErrTemporary, "", lang.MemberFailed},
		} {
			t.Run(lang.Lang+" "+tt.name, func(t *testing.T) {
				r := &storage.AccessRequest{Status: storage.AccessFailed, LastError: tt.lastErr, FailCause: tt.why}
				if got := w.memberFailedText(r); got != tt.want {
					t.Errorf("memberFailedText(%q, %q) = %q, want %q", tt.lastErr, tt.why, got, tt.want)
				}
			})
		}
	}
}

// TestFailCauseMatchesExplanation: the stored code and the approvers'
// explanation (provisionError) name the same cause for every error.
func TestFailCauseMatchesExplanation(t *testing.T) {
	w := &Workflow{tx: &German}
	for _, err := range []error{
		errAccessNotConfigured,
		fmt.Errorf("provision: %w", errRoomTaken),
		nextcloud.ErrUnauthorized,
		nextcloud.ErrPasswordConfirmation,
		nextcloud.ErrForbidden,
		nextcloud.ErrRateLimited,
		nextcloud.ErrGroupMissing,
		fmt.Errorf("ensure: %w", nextcloud.ErrAmbiguousEmail),
		&nextcloud.AmbiguousEmailError{UserIDs: []string{"a", "b"}},
		nextcloud.ErrInvalidInput,
		nextcloud.ErrTemporary,
		bbb.ErrTemporary,
		&bbb.Error{MessageKey: "idNotUnique"},
		errors.New("something else"),
	} {
		text, why := w.provisionError(err), failCause(err)
		want := storage.FailOther
		switch text {
		case German.ErrRoomTaken:
			want = storage.FailRoomTaken
		case German.ErrAmbiguous:
			want = storage.FailByHand
		}
		if why != want {
			t.Errorf("%v: code %q, explained as %q", err, why, text)
		}
	}
}
