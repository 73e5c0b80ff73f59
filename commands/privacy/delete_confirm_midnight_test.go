package privacy

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
)

// TestDeleteConfirmOverMidnight: the confirmation word of !daten-löschen
// changes with the day in Berlin (the server's clock may be in UTC). Asked
// at 23:58 and answered at 0:01, the word had changed and the member was
// asked again with another one; now the word of the day before counts
// too, and no older one does.
func TestDeleteConfirmOverMidnight(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	const user = "@a:test"
	// 22:58 UTC is 23:58 in Berlin.
	now := time.Date(2026, 12, 7, 22, 58, 0, 0, time.UTC)
	w := New(&chat.Env{Lang: "de", Now: func() time.Time { return now }, Location: berlin}, Config{}, nil)
	asked := w.deleteToken(w.tx, user, 0)
	for _, tt := range []struct {
		name string
		at   time.Time
		want bool
	}{
		{"the same minute", time.Date(2026, 12, 7, 22, 58, 0, 0, time.UTC), true},
		{"after midnight in Berlin", time.Date(2026, 12, 7, 23, 1, 0, 0, time.UTC), true},
		{"the next evening", time.Date(2026, 12, 8, 21, 0, 0, 0, time.UTC), true},
		{"two days later", time.Date(2026, 12, 9, 23, 1, 0, 0, time.UTC), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			now = tt.at
			if got := w.deleteConfirmed(user, asked); got != tt.want {
				t.Errorf("the word asked for at 23:58 on 7.12. confirms at %v: %v, want %v (today's word %q)", tt.at.In(berlin), got, tt.want, w.deleteToken(w.tx, user, 0))
			}
		})
	}
	// The word asked for is today's, in Berlin: 23:30 UTC on 7.12. is
	// already the 8th there.
	now = time.Date(2026, 12, 7, 23, 30, 0, 0, time.UTC)
	if w.deleteToken(w.tx, user, -1) != asked {
		t.Errorf("yesterday's word at 0:30 in Berlin is %q, want the word of 7.12. %q", w.deleteToken(w.tx, user, -1), asked)
	}
}
