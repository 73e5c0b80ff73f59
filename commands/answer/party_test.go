// Tests of messages about the party's own work (membership, finances,
// campaigns, the office): the honest no, never a note about the tools; a
// choice kept when a tool or its file action is named and the guides agree
// on a topic (partyInTool); and a matter the bench library's contacts
// guide lists.

package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// TestPartyNine: the ninth pass's party words (the membership sections of
// party statutes, a party's finance rules, campaign vocabulary and the
// office as a place) turn a message about the party's own work into the
// honest no, without a note about the tools; a guide question with the
// office or a person's role as its setting, or with the party's document
// as the object of a tool question (partyInTool, TestPartyInTool), keeps
// its guide, offered first. Invented probes of the ninth pass (issue 14;
// the tool questions are the lead's), written from the categories and the
// shipped library's topics, not from a question set; the first block's
// "none" rows were a choice or an answer without the ninth pass's words.
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
		// The party's document as the object of a tool question.
		// The sync client's guide first since the thirty-first pass's
		// re-ranking (the app guide second): both upload.
		{"Rechnung in die Cloud hochladen", Choose, "nextcloud/desktop-sync-client.md"},
		{"Spendenquittung per Link teilen", Choose, "nextcloud/datei-per-link-teilen.md"},
		{"Kassenbericht in die Cloud hochladen", Choose, "nextcloud/mobile-app.md"},
		{"Flyer in der Nextcloud freigeben", Choose, "nextcloud/dateien-mit-gruppe-teilen.md"},
		// The upload split as a separable verb.
		{"wie lade ich den Kassenbericht hoch", Choose, "nextcloud/mobile-app.md"},
		// Party questions naming no tool keep the honest no.
		{"wie stelle ich einen Antrag an den Parteitag", None, ""},
		{"wo finde ich das Wahlprogramm", None, ""},
		{"wann ist der Parteitag", None, ""},
		// Downloading and the UI's generic objects are no tool words:
		// these ask where the party keeps a document.
		{"Wo kann ich die Satzung herunterladen", None, ""},
		{"wo finde ich den Link zum Wahlprogramm", None, ""},
		{"in welchem Ordner liegt die Satzung", None, ""},
		// "hoch" before a form of "laden" is no split upload.
		{"wie hoch sind die Fahrtkosten, kann ich die Rechnung laden", None, ""},
		{"wo bekomme ich Plakate und Flyer für den Infostand am Samstag", None, ""},
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

// TestPartyInTool: a message naming party work keeps its choice past the
// off-topic gate and offTopicOnOneWord when it also names one of the
// association's tools or their core file actions and the best guides
// agree on a topic (partyInTool) — never an answer for it. Without a
// named tool, with scattered topics, or with a device or another product
// among the signals, the honest no stays. The rule on the shipped library
// (invented probes): TestPartyNine.
func TestPartyInTool(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.offTopicOneWord, calib.offTopicStrong = 0.5, 0.4
	res := func(one float64, ids []string, off ...string) search.Result {
		r := search.Result{Close: true, OffTopic: off}
		for i, id := range ids {
			r.Hits = append(r.Hits, search.Hit{ID: id, Score: 0.4 - 0.02*float64(i)})
		}
		r.Hits[0].Strong, r.Hits[0].OneWord = 0.2, one
		return r
	}
	oneTopic := []string{"cloud/a.md", "chat/b.md", "cloud/c.md"}
	scattered := []string{"cloud/a.md", "chat/b.md", "video/c.md", "cloud/d.md"}
	firm := search.Result{Confident: true, OffTopic: []string{"rechnung"}, Hits: []search.Hit{
		{ID: "cloud/a.md", Score: 0.8, Strong: 0.7, OneWord: 0.6}, {ID: "cloud/b.md", Score: 0.3}}}
	const tool, noTool = "Rechnung in die Cloud hochladen", "wo finde ich die Rechnung"
	for _, c := range []struct {
		name, msg string
		res       search.Result
		want      Outcome
	}{
		{"party work, a tool named, one topic", tool, res(0.35, oneTopic, "rechnung"), Choose},
		{"party work met in one word, a tool named", tool, res(0.6, oneTopic, "rechnung"), Choose},
		{"a file action named", "Spendenquittung per Link teilen", res(0.35, oneTopic, "spendenquittung"), Choose},
		{"the office (a party group with the device bars) met in one word, a tool named", "Protokoll aus dem Parteibüro in die Cloud hochladen", res(0.8, oneTopic, "parteibüro"), Choose},
		{"party work as a quote's speaker, a tool named", tool, func() search.Result { r := res(0.35, oneTopic, "rechnung"); r.OffTopicSpeaks = true; return r }(), None},
		{"firm, one word: a choice, never an answer", tool, firm, Choose},
		{"party work, no tool named", noTool, res(0.35, oneTopic, "rechnung"), None},
		{"party work met in one word, no tool named", noTool, res(0.6, oneTopic, "rechnung"), None},
		{"a tool named, guides of scattered topics", tool, res(0.35, scattered, "rechnung"), None},
		{"another product, a tool named", "WhatsApp-Verlauf in die Cloud hochladen", res(0.6, oneTopic, "whatsapp"), None},
		{"party work and another product", tool, res(0.6, oneTopic, "rechnung", "excel"), None},
		{"party work and a device met in one word", tool, res(0.6, oneTopic, "rechnung", "laptop"), None},
	} {
		if d := Decide(c.msg, fixedLib(c.res), Options{}); d.Outcome != c.want {
			t.Errorf("%s: outcome %s, want %s", c.name, d.Outcome, c.want)
		}
	}
}

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
