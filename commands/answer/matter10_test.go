package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// TestOfficeMatters (tenth pass): a party matter that the bench library's
// contacts guide lists in its body ("Mitgliederverwaltung: Adressänderung,
// neue Bankverbindung …") is no off-topic signal against that guide, while
// a library without such a guide (the shipped one) keeps saying "no
// guide", and a device stays a signal on both.
func TestOfficeMatters(t *testing.T) {
	bench := loadBenchLibrary(t)
	shipped := loadLibrary(t)
	const contacts = "team/ansprechpersonen-geschaeftsstelle.md"
	for _, c := range []struct {
		name, msg string
		lib       *guides.Library
		want      Outcome
		first     string   // the first guide offered ("" for none)
		signal    bool     // the search finds an off-topic signal against its first guide
		exit      noneExit // the exit of a "no guide" or of none (exitNone); -1: not checked
	}{
		{"bench: the office's matter", "wer ist für die Mitgliederverwaltung zuständig", bench, Answer, contacts, false, exitNone},
		// Known limitation: the off-topic signal is gone (signal false), but
		// the only evidence is one body word of the contacts guide, next
		// to another guide with the same (datenschutz/gespeicherte-daten
		// names Adressänderung in its body too) — the weak gate says no
		// (exitWeak), a decision matter outside the off-topic signal.
		{"bench: a matter listed in the body, thin evidence", "wem melde ich meine Adressänderung", bench, None, "", false, exitWeak},
		{"bench: a device", "mein drucker druckt nicht", bench, None, "", true, -1},
		{"shipped: a matter no guide lists", "wo gebe ich eine Adressänderung an", shipped, None, "", true, -1},
		{"shipped: a device", "mein drucker druckt nicht", shipped, None, "", true, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.msg, c.lib, Options{})
			first := ""
			if len(d.Hits) > 0 {
				first = d.Hits[0].ID
			}
			if d.Outcome != c.want || first != c.first {
				t.Errorf("%q: outcome %v first %q; want %v %q", c.msg, d.Outcome, first, c.want, c.first)
			}
			if c.exit >= 0 && d.exit != c.exit {
				t.Errorf("%q: exit %v, want %v", c.msg, d.exit, c.exit)
			}
			if r := c.lib.Search(c.msg, 5); (len(r.OffTopic) != 0) != c.signal {
				t.Errorf("%q: off-topic %v, want a signal: %v", c.msg, r.OffTopic, c.signal)
			}
		})
	}
}
