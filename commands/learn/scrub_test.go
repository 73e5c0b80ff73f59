package learn

import (
	"slices"
	"testing"
)

// TestScrubUsesTheOneRedactor: the scrub replaces what the draft's
// redactor used to replace and the scrub did not (and keeps what is no
// personal data), in the texts' language, and names every kind it found.
func TestScrubUsesTheOneRedactor(t *testing.T) {
	tests := []struct {
		tx       *Texts
		in, want string
		found    []Kind
		names    []string
	}{
		{&German, "Tel. 0151–2345678", "Tel. [Telefonnummer]", []Kind{KindPhone}, nil},
		{&German, "schreib an mailto:mia@example.org", "schreib an [E-Mail]", []Kind{KindEmail}, nil},
		{&German, "schreib an mia@10.0.0.5", "schreib an [E-Mail]", []Kind{KindEmail}, nil},
		{&German, "Mail an jürgen@müller.de", "Mail an [E-Mail]", []Kind{KindEmail}, nil},
		{&German, "Termin am 2026-03-02, wie trage ich ihn ein?", "Termin am 2026-03-02, wie trage ich ihn ein?", nil, nil},
		{&English, "call +49 30 1234567 or write to #ag:example.org and bob@example.org",
			"call [phone number] or write to [Matrix ID] and [e-mail]", []Kind{KindEmail, KindMatrixID, KindPhone}, nil},
		// The asker's names: display name, its parts, user name.
		{&German, "Hier ist Mia Beispiel (mia.b), wo ist der Raum?", "Hier ist [Name] ([Name]), wo ist der Raum?", []Kind{KindName},
			[]string{"@mia.b:example.org", "Mia Beispiel"}},
		{&German, "Mein Passwort ist Sommer2024! und geht nicht", "Mein Passwort ist [Passwort] und geht nicht", []Kind{KindSecret}, nil},
		{&English, "Mia here, where is the room?", "[name] here, where is the room?", []Kind{KindName}, []string{"@x:example.org", "Mia Beispiel"}},
		// IBANs whole, not as a phone number that leaves the country and
		// bank code (loop28).
		{&German, "Meine IBAN ist DE89 3704 0044 0532 0130 00, wie zahle ich den Beitrag?",
			"Meine IBAN ist [IBAN], wie zahle ich den Beitrag?", []Kind{KindIBAN}, nil},
		{&German, "Bankverbindung de89370400440532013000 ändern, wie?", "Bankverbindung [IBAN] ändern, wie?", []Kind{KindIBAN}, nil},
		{&English, "My IBAN GB29 NWBK 6016 1331 9268 19 is wrong, how do I change it? Call 0171 1234567",
			"My IBAN [IBAN] is wrong, how do I change it? Call [phone number]", []Kind{KindIBAN, KindPhone}, nil},
		// A link keeps its host, not a share token or a reset code.
		{&German, "Der Link https://cloud.example.org/s/x7YkQ2pW geht nicht, was tun?", "Der Link https://cloud.example.org/… geht nicht, was tun?",
			[]Kind{KindLink}, nil},
		{&English, "reset link https://cloud.example.org/lostpassword/reset/form/T0k3n/mia@example.org expired, mail mia@example.org",
			"reset link https://cloud.example.org/… expired, mail [e-mail]", []Kind{KindLink, KindEmail}, nil},
		// No control character reaches the store and `lotse guides
		// learned`'s terminal: an escape sequence or a right-to-left
		// override goes, a line break is a space (learn34).
		{&German, "Wie \x1b]0;weg\x07ändere ich\x1b[2K mein\nPasswort\u202e?", "Wie ]0;weg ändere ich [2K mein Passwort?", nil, nil},
	}
	for _, tt := range tests {
		got, found := Scrub(tt.in, tt.tx, tt.names...)
		if got != tt.want || !slices.Equal(found, tt.found) {
			t.Errorf("Scrub(%q) = %q %v, want %q %v", tt.in, got, found, tt.want, tt.found)
		}
		w := &Workflow{tx: tt.tx}
		if names := w.kindNames(found); slices.Contains(names, "") {
			t.Errorf("Scrub(%q) found a kind the team prompt cannot name: %v", tt.in, found)
		}
	}
}
