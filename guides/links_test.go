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
		// Without a scheme, as copied from the address bar (whole28): the
		// share token went into the kept question whole.
		{"Der Link cloud.example.org/s/x7YkQ2 geht nicht.", "Der Link cloud.example.org/… geht nicht.", 1},
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
