package answer

import (
	"strings"
	"testing"
)

// TestOfficeGuideBench: on the bench guides, a bare question for the way
// to reach an office the member names gets the office's contacts page as
// a rescued choice of one guide (each row ended as `human` before
// officeGuide); requests for a person, the team as „euch“ or „das Team“,
// and the number of an office no guide names keep `human`. Rows from
// docs/passes/probes/eng28c-office.tsv (invented).
func TestOfficeGuideBench(t *testing.T) {
	lib := loadBenchLibrary(t)
	const contacts = "team/ansprechpersonen-geschaeftsstelle.md"
	for _, cases := range []bool{false, true} {
		for _, msg := range []string{
			"welche telefonnummer hat die geschäftsstelle",
			"wie ist die telefonnummer der geschäftsstelle",
			"hat die geschäftsstelle eine hotline",
			"gibt es eine telefonnummer für die geschäftsstelle",
			"wann hat die geschäftsstelle sprechzeiten",
		} {
			d := Decide(msg, lib, Options{Cases: cases})
			if d.Outcome != Choose || !d.Rescued || len(d.Hits) != 1 || d.Hits[0].ID != contacts {
				t.Errorf("cases %v, %q: %v %v rescued %v, want a rescued choice of %s", cases, msg, d.Outcome, d.Guides(), d.Rescued, contacts)
			}
			if d.PersonHint == "" || !strings.Contains(d.Reply, d.PersonHint) {
				t.Errorf("cases %v, %q: reply %q lacks the way to a person", cases, msg, d.Reply)
			}
		}
		for _, msg := range []string{
			"wie erreiche ich euch",
			"habt ihr eine hotline",
			"wie erreiche ich das team",
			"kann mich jemand aus der geschäftsstelle anrufen",
			"ich möchte mit der geschäftsstelle telefonieren",
			"verbinde mich bitte mit der geschäftsstelle",
			"gib mir bitte die nummer von einem menschen",
			"welche telefonnummer hat die stadtverwaltung",
		} {
			if d := Decide(msg, lib, Options{Cases: cases}); d.Outcome != Human {
				t.Errorf("cases %v, %q: %v %v, want human", cases, msg, d.Outcome, d.Guides())
			}
		}
	}
}

// TestContactsPage: the title names the message's office by the same word
// and a contact; a compound with the office, an office the message does
// not name, or a title without a contact is no contacts page.
func TestContactsPage(t *testing.T) {
	for _, c := range []struct {
		title, msg string
		want       bool
	}{
		{"Ansprechpersonen: Geschäftsstelle und Digitalisierungsteam", "welche telefonnummer hat die geschäftsstelle", true},
		{"Ansprechpersonen: Geschäftsstelle und Digitalisierungsteam", "wie lautet die nummer vom digitalisierungsteam", true},
		{"Kontakt zum Büro", "welche nummer hat das büro", true},
		{"Geschäftsstelle: Telefonnummern und Sprechzeiten", "hat die geschaeftsstelle eine hotline", true},
		{"Ansprechpersonen: Geschäftsstelle und Digitalisierungsteam", "wie erreiche ich das team", false},
		{"Ansprechpersonen: Geschäftsstelle und Digitalisierungsteam", "welche telefonnummer hat die stadtverwaltung", false},
		{"Beim Digitalisierungsteam mitmachen", "wie lautet die nummer vom digitalisierungsteam", false},
		{"Kalender und Kontakte auf dem iPhone", "welche nummer hat das büro", false},
	} {
		if got := contactsPage(c.title, foldWords(tokens(c.msg))); got != c.want {
			t.Errorf("contactsPage(%q, %q) = %v, want %v", c.title, c.msg, got, c.want)
		}
	}
}
