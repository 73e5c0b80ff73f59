package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestNoRescueForAPersonRequest: a message that asks for a person besides
// a question the search finds only weak evidence for keeps the honest no
// with the way to a person (the case offer); a rescued choice would make
// them answer "none of these" before they get what they asked for.
func TestNoRescueForAPersonRequest(t *testing.T) {
	for _, c := range []struct {
		msg string
		tx  *Texts
	}{
		{"Wie teile ich eine Tabelle mit meiner Gruppe? Ruft mich bitte an", &German},
		{"Ich möchte mit einem Menschen sprechen: wie teile ich eine Tabelle mit meiner Gruppe", &German},
		{"wie teile ich eine tabelle mit meiner gruppe, kann mich jemand anrufen", &German},
		{"How do I share a table with my group? Please call me", &English},
	} {
		t.Run(c.msg, func(t *testing.T) {
			d := Decide(c.msg, fixedResult{Hits: weakHits(0.6)}, Options{Cases: true, Texts: c.tx})
			if d.Outcome != None || d.Rescued {
				t.Fatalf("got %s (rescued %v) %v, want the honest no", d.Outcome, d.Rescued, d.Guides())
			}
			if !strings.Contains(d.Reply, c.tx.NoGuideCases) {
				t.Fatalf("reply %q: want the way to a person (%q)", d.Reply, c.tx.NoGuideCases)
			}
		})
	}
	// The same question without the request still gets the rescue (the
	// weak evidence above is enough for it).
	if d := Decide("Wie teile ich eine Tabelle mit meiner Gruppe?", fixedResult{Hits: weakHits(0.6)}, Options{Cases: true}); !d.Rescued {
		t.Fatalf("without a request for a person: %s, want a rescued choice", d.Outcome)
	}
}

// TestPersonPoolFigures prints the decision on the tuning pool split in
// parts A and B by bit 0 of the FNV-1a hash of the message (development
// aid for the person grammar; set LOTSE_TUNE=1): per set, part and
// expected kind helped/messages and confident-wrong. With
// LOTSE_PERSON_DUMP=FILE it also writes every decision as a line
// (set, part, expected, outcome, guides, message) to diff two runs.
// Only tuning sets are read, never a held-out set.
func TestPersonPoolFigures(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	type row struct {
		name string
		lib  Library
		qs   []search.Question
	}
	var rows []row
	llib := loadLibrary(t)
	for _, s := range []string{"tune", "tune2", "tune3", "tune4"} {
		rows = append(rows, row{"fm " + s, llib, loadSet(t, s)})
	}
	for _, s := range []string{"tune", "tune2", "tune3"} {
		blib, bqs := loadBenchHalf(t, s)
		rows = append(rows, row{"bench " + s, blib, bqs})
	}
	kinds := []string{"guide", "human", "none", "smalltalk"}
	for _, r := range rows {
		for part := 0; part < 2; part++ {
			var qs []search.Question
			for _, q := range r.qs {
				if rescuePart(q.Text) == (part == 1) {
					qs = append(qs, q)
				}
			}
			rep := Evaluate(r.lib, qs, Options{Cases: true})
			line := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", r.name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range kinds {
				if t := rep.ByExpected[k]; t != nil {
					line += fmt.Sprintf(" | %s %d/%d cw %d", k, t.Helped, t.Messages, t.ConfidentWrong)
				}
			}
			fmt.Println(line)
			for _, res := range rep.Results {
				ws := tokens(clean(res.Question.Text))
				fmt.Fprintf(&dump, "%s\t%c\t%s\t%s\t%v\t%d\t%q\n", r.name, "AB"[part], res.Question.Expected, res.Decision.Outcome,
					res.Decision.Guides(), personRequest(foldWords(ws), clauseStarts(clean(res.Question.Text), ws)), res.Question.Text)
			}
		}
	}
	if f := os.Getenv("LOTSE_PERSON_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestContactForPartyMatter: asking whom to turn to about a subject
// outside the library (party work: posters, membership fees) gets the
// honest no, which names the way to a person too; a contact person for
// the library's subjects, or the team's number, still gets a person.
func TestContactForPartyMatter(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg  string
		want Outcome
	}{
		{"gibt es eine Ansprechperson für Wahlplakate", None},
		{"gibt es eine Kontaktperson für den Infostand am Samstag", None},
		{"welche Nummer hat die Ansprechperson für den Parteitag", None},
		{"gibt es eine Ansprechperson für Technik", Human},
		{"welche Telefonnummer hat die Geschäftsstelle", Human},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != c.want {
			t.Errorf("%q: %s %v, want %s", c.msg, d.Outcome, d.Guides(), c.want)
		}
		if d.Outcome == None && !strings.Contains(d.Reply, German.NoGuideCases) {
			t.Errorf("%q: reply %q without the way to a person", c.msg, d.Reply)
		}
	}
}
