package answer

import "testing"

// TestApartBoundLibrary (twenty-eighth pass, branch eng28a; rows from the
// invented probes docs/passes/probes/eng28a-sense.tsv): on the shipped
// library, a guide word bound to an attribute the guides never name with
// it, and standing beside no word the guides give it, is the honest no;
// the same word with a neighbour the guides give it keeps its guide.
func TestApartBoundLibrary(t *testing.T) {
	checkAside(t, loadLibrary(t), []asideRow{
		{"die kamera von meinem tablet zeigt alles verschwommen", ""},
		// Kept: „sehen“ is the camera's neighbour in the guides,
		// „verloren“ the security key's.
		{"die kamera von meinem laptop geht nicht, die anderen sehen mich nicht", "bbb/kamera-funktioniert-nicht.md"},
		{"ich habe den sicherheitsschlüssel von meinem konto verloren", "matrix/sicherheitsschluessel-verloren.md"},
		{"wie ändere ich das passwort für mein konto", "konto/passwort-aendern.md"},
	})
}

// TestEnglishBinding: an English preposition binds no sense.
func TestEnglishBinding(t *testing.T) {
	for _, tt := range []struct {
		q    string
		n, j int
		want bool
	}{
		{"the camera of my phone", 1, 4, true},
		{"die kamera von meinem handy", 1, 4, false},
	} {
		if got := englishBinding(foldWords(tokens(tt.q)), tt.n, tt.j); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestOwnedBy: the member's own possessive opens the attribute; an
// article or „unser“ names a thing or body shared with others.
func TestOwnedBy(t *testing.T) {
	for _, tt := range []struct {
		q    string
		n, j int
		want bool
	}{
		{"die kamera von meinem handy", 1, 4, true},
		{"das passwort für meine bankkarte", 1, 4, true},
		{"der verteiler von der ag", 1, 4, false},
		{"der raum vom kreisverband", 1, 3, false},
		{"die dateien von unserem bezirk", 1, 4, false},
	} {
		if got := ownedBy(foldWords(tokens(tt.q)), tt.n, tt.j); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.q, got, tt.want)
		}
	}
}
