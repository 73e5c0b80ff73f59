package answer

import "testing"

// TestLineChoice: on the bench library, a message whose words one line
// of a guide's body names together — and that no strong field of the
// guide matches, so the weak gate kept it and the rescue model declined
// it — gets a rescued choice with that guide first and the way to a
// person, never an answer; a matter outside the library whose words a
// guide names apart keeps its "no guide" (rescueWeak, search.Hit.Line).
func TestLineChoice(t *testing.T) {
	lib := loadBenchLibrary(t)
	for _, c := range []struct {
		msg, guide string
	}{
		{"grüner haken blaue pfeile rotes kreuz", "nextcloud/desktop-client.md"},
		{"die spalte größe zeigt die größten ordner nicht", "nextcloud/speicherplatz-voll.md"},
		{"automatisches hochladen lädt mein fotoalbum hoch", "nextcloud/speicherplatz-voll.md"},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != Choose || !d.Rescued || len(d.Guides()) == 0 || d.Guides()[0] != c.guide {
			t.Errorf("%q: %s %v rescued %v, want a rescued choice with %s first", c.msg, d.Outcome, d.Guides(), d.Rescued, c.guide)
			continue
		}
		if d.PersonHint == "" {
			t.Errorf("%q: the choice names no way to a person", c.msg)
		}
	}
	for _, msg := range []string{
		"mein wlan router zu hause ist kaputt",
		"welche kopfhörer soll ich für mein handy kaufen",
		"ich habe mein fotoalbum im zug liegen lassen",
		"der akku von meinem laptop hält nicht mehr lange",
	} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != None {
			t.Errorf("%q: %s %v, want no guide", msg, d.Outcome, d.Guides())
		}
	}
}
