package answer

import "testing"

// TestPartyNine: the ninth pass's party words (the membership sections
// of party statutes, a party's finance rules, campaign vocabulary and the
// office as a place) turn a message about the party's own work into the
// honest no; a guide question with the office or a person's role as its
// setting keeps its guide. Invented probes, written from the categories
// and the shipped library's topics; the "none" rows were a choice or an
// answer without the ninth pass's words.
func TestPartyNine(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg   string
		want  Outcome
		guide string // for a guide: it is offered first
	}{
		{"wo finde ich die finanzordnung vom landesverband", None, ""},
		{"ich möchte meine mitgliedsnummer wissen, wo steht die", None, ""},
		{"wie melde ich einen wohnsitzwechsel, muss ich in einen anderen kreisverband", None, ""},
		{"wo gebe ich eine adressänderung an", None, ""},
		{"kann ich im parteibüro einen termin für ein gespräch bekommen", None, ""},
		{"can i get a key for the parteibüro", None, ""},
		// The office as the setting (a place takes the device bars) and
		// a role as the person a file is shared with.
		{"im parteibüro geht mein mikrofon in der konferenz nicht", Choose, "bbb/mikrofon-und-echo.md"},
		{"kann ich die sprechzeiten als termin in den nextcloud kalender eintragen", Choose, "nextcloud/kalender-auf-dem-handy.md"},
		{"wie teile ich eine datei mit dem schatzmeister in der cloud", Choose, "nextcloud/dateien-mit-gruppe-teilen.md"},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != c.want {
			t.Errorf("%q: %s %v, want %s", c.msg, d.Outcome, d.Guides(), c.want)
			continue
		}
		if c.guide != "" && (len(d.Guides()) == 0 || d.Guides()[0] != c.guide) {
			t.Errorf("%q: guides %v, want %s first", c.msg, d.Guides(), c.guide)
		}
		if c.want == None && d.thingNote != "" {
			t.Errorf("%q: note %q; party work gets no note about the tools", c.msg, d.thingNote)
		}
	}
}
