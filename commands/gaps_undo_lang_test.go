package commands

import (
	"context"
	"testing"
)

// TestOptOutUndoInEitherLanguage: since en35 the reply to !nicht-merken
// follows the name typed, and the undo word was read in that name's
// language only: `!dont-keep rückgängig` in a German install and
// `!nicht-merken back` in an English one were taken as one more opt-out —
// the member asked to be counted in again and stayed out. An undo word of
// either language takes the opt-out back, whichever name it follows.
func TestOptOutUndoInEitherLanguage(t *testing.T) {
	for _, tt := range []struct {
		install *Texts
		undo    string
	}{
		{&German, "!dont-keep rückgängig"},
		{&German, "!dont-keep rueckgaengig"},
		{&German, "!nicht-merken back"},
		{&English, "!nicht-merken back"},
		{&English, "!dont-keep rueckgaengig"},
	} {
		t.Run(tt.install.Lang+" "+tt.undo, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) {
				d.Texts = tt.install
				d.Gaps = Gaps{Keep: true, Weekday: 1, Hour: 9}
			})
			e.say(t, dmRoom, member, "!nicht-merken", "")
			out, err := e.db.Gaps().OptedOut(context.Background(), member.String())
			if err != nil || !out {
				t.Fatalf("precondition: !nicht-merken did not opt out (%v, %v)", out, err)
			}
			got := in(e.say(t, dmRoom, member, tt.undo, ""), dmRoom)
			if out, err = e.db.Gaps().OptedOut(context.Background(), member.String()); err != nil || out {
				t.Errorf("%q left the member opted out (%v):\n%s", tt.undo, err, bodies(got))
			}
		})
	}
}
