package answer

import "testing"

// TestReportsClaim: a message noun and a verb of receiving, then a
// clause with „dass“/"that" or in Konjunktiv I; not a message alone, a
// verb alone, a clause in the indicative without a conjunction, or a
// „dass“ far from the frame.
func TestReportsClaim(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"ich habe eine mail bekommen, dass ich mein passwort zurücksetzen muss", true},
		{"hab ne mail gekriegt dass mein passwort abgelaufen sei", true},
		{"hab eine sms bekommen, mein passwort müsse geändert werden", true},
		{"bekam eine phishingmail, dass mein konto gesperrt wird", true},
		{"I got an email that my cloud account will be locked", true},
		{"ich habe eine mail bekommen, wie lösche ich sie", false},
		{"ich bekomme keine mails mehr vom verteiler", false},
		{"die mail sagt, dass mein konto gesperrt wird", false},
		{"mein passwort ist abgelaufen, dass ich mich nicht anmelden kann", false},
		{"ich habe eine mail bekommen und dann eine stunde gewartet und dann gesehen, dass der speicher voll ist", false},
	} {
		if got := reportsClaim(wordsOf(clean(tc.msg))); got != tc.want {
			t.Errorf("reportsClaim(%q) = %v, want %v", tc.msg, got, tc.want)
		}
	}
}

// TestReportedClaimNoAnswer: on the shipped library a message that
// reports a mail's claim gets a choice led by the guide an answer would
// have shown, never the answer; the same matter asked as the member's own
// keeps its answer.
func TestReportedClaimNoAnswer(t *testing.T) {
	lib := loadLibrary(t)
	const first = "konto/passwort-vergessen.md"
	d := Decide("ich habe eine mail bekommen, dass ich mein passwort zurücksetzen muss", lib, Options{Cases: true})
	if d.Outcome != Choose || len(d.Hits) == 0 || d.Hits[0].ID != first {
		t.Errorf("reported claim: %s %v, want a choice with %s first", d.Outcome, d.Guides(), first)
	}
	d = Decide("ich muss mein passwort zurücksetzen", lib, Options{Cases: true})
	if d.Outcome != Answer || d.Hits[0].ID != first {
		t.Errorf("own matter: %s %v, want the answer %s", d.Outcome, d.Guides(), first)
	}
}
