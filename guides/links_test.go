package guides

import "testing"

// TestShortenLinks (loop28): a link keeps its scheme and host, its path,
// query and fragment (share tokens, reset codes, names) become "/…";
// sentence punctuation after it stays, a bare host stays as it is.
func TestShortenLinks(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"Der Link https://cloud.example.org/s/x7YkQ2 geht nicht.", "Der Link https://cloud.example.org/… geht nicht.", 1},
		{"reset: https://cloud.example.org/lostpassword/reset/form/TOKEN/mia?x=1#a, what now?", "reset: https://cloud.example.org/…, what now?", 1},
		{"join https://user:pw@meet.example.org:8443/b/abc-123", "join https://meet.example.org:8443/…", 1},
		{"Wie komme ich auf www.example.org/intern/mia-mueller?", "Wie komme ich auf www.example.org/…?", 1},
		{"Ist https://cloud.example.org/ down?", "Ist https://cloud.example.org/ down?", 0},
		{"Ist cloud.example.org erreichbar?", "Ist cloud.example.org erreichbar?", 0},
		{"HTTPS://A.EXAMPLE/X und http://b.example/y?z", "https://A.EXAMPLE/… und http://b.example/…", 2},
		// mend28a: a share link written without a scheme, as members
		// write it (a chat client makes it a link), kept its token.
		{"Der Link cloud.example.org/s/x7YkQ2 geht nicht.", "Der Link cloud.example.org/… geht nicht.", 1},
		{"reset via Cloud.Example.org:8443/index.php/lostpassword/reset/TOKEN, then?", "reset via Cloud.Example.org:8443/…, then?", 1},
		{"geht cloud.example.org#token=abc?", "geht cloud.example.org/…?", 1},
		{"Schreib an mia@verein.example? Oder an cloud.example.org/?", "Schreib an mia@verein.example? Oder an cloud.example.org/?", 0},
		// Any scheme: an authenticator's link carries its secret and the
		// member's name; a Matrix URI names a person.
		{"Die App zeigt otpauth://totp/Verein:mia?secret=JBSWY3DPEHPK3PXP&issuer=Verein – und nun?",
			"Die App zeigt otpauth://totp/… – und nun?", 1},
		{"Schreib matrix:u/mia:example.org?action=chat an", "Schreib […] an", 1},
		// Not links: versions, abbreviations, file types.
		{"Version 2.0/3.1, z.B./usw., .docx/.pdf und 1.5/10", "Version 2.0/3.1, z.B./usw., .docx/.pdf und 1.5/10", 0},
		// Without a scheme, as copied from the address bar (whole28): the
		// share token went into the kept question whole.
		{"auf meet.example.org:8443/b/mia-mueller-x2k", "auf meet.example.org:8443/…", 1},
		{"Ist cloud.example.org/ erreichbar?", "Ist cloud.example.org/ erreichbar?", 0},
		// No host: fractions, versions, „und/oder“, a date stay.
		{"und/oder z.B./usw. am 3.12./4.12. mit v1.2/3 und 1/2", "und/oder z.B./usw. am 3.12./4.12. mit v1.2/3 und 1/2", 0},
	}
	for _, tt := range tests {
		if got, n := ShortenLinks(tt.in); got != tt.want || n != tt.n {
			t.Errorf("ShortenLinks(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}
