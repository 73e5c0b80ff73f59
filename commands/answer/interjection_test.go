package answer

import (
	"slices"
	"testing"
)

// TestInterjectionBeforeQuestion: an interjection before a guide question
// („mist, …“, „oh nein, …“, „puh, …“) names no subject (search's
// stop list, thirteenth pass): the message is decided like the question
// without it. Before, the interjection counted as an unknown word and
// „mist ich komm nicht in die cloud“ got "no guide fits" where „ich komm
// nicht in die cloud“ gets its choice.
func TestInterjectionBeforeQuestion(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct{ msg, without string }{
		{"mist ich komm nicht in die cloud", "ich komm nicht in die cloud"},
		{"oh nein ich komm nicht in die cloud", "ich komm nicht in die cloud"},
		{"verdammt, ich komm nicht in die cloud", "ich komm nicht in die cloud"},
		{"oje, die kamera geht in der konferenz nicht", "die kamera geht in der konferenz nicht"},
		{"ugh, I forgot my password", "I forgot my password"},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		w := Decide(tt.without, lib, Options{Cases: true})
		if d.Outcome != w.Outcome || !slices.Equal(d.Guides(), w.Guides()) {
			t.Errorf("%q: %s %v, want as %q: %s %v", tt.msg, d.Outcome, d.Guides(), tt.without, w.Outcome, w.Guides())
		}
		if w.Outcome != Choose && w.Outcome != Answer {
			t.Errorf("%q: %s, want a guide (the test's premise)", tt.without, w.Outcome)
		}
	}
}

// TestInterjectionAroundSmallTalk: a feeling around thanks or the news
// that it worked („wow, danke“, „puh, geschafft“, "phew, done") is still
// small talk. Before, the
// interjection was a word of the member's own: „wow danke“ got "no guide
// fits", and „wow, danke dir“ (once the search dropped „wow“) the guides
// about Lotse. An interjection that is small talk itself stays that
// („aha“, „hmm“, „ach so“), and an expletive alone is no small talk
// („Mist!“, a complaint).
func TestInterjectionAroundSmallTalk(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"wow danke", TalkThanks},
		{"wow, danke dir", TalkThanks},
		{"oh wow danke", TalkThanks},
		{"oje danke dir", TalkThanks},
		{"puh, geschafft", TalkAck},
		{"hab es geschafft, danke", TalkThanks},
		{"phew, done", TalkAck},
		{"wow, done", TalkAck},
		{"puh, fertig", TalkAck},
		// „na toll“, „na danke“ are ironic (Duden), „boah super“
		// praise or irony, „oje nein“ dismay: no small talk (review
		// rv13, findings 3 and 4).
		{"na toll", ""},
		{"na super", ""},
		{"na danke", ""},
		{"boah super", ""},
		{"oje nein", ""},
		{"aha", TalkAck},
		{"hmm", TalkAck},
		{"ach so", TalkAck},
		{"Mist!", ""},
		{"ich hab es nicht geschafft mich anzumelden", ""},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}
