package commands

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/storage"
)

// TestRetentionReportInWords: `!aufbewahrung` tells the admin or approver
// how many of what each retention rule would delete and after which
// period, in words — never a table name („access_request“, „team_gate“),
// which is what it showed before lead27. One line per rule and table.
// With every rule off, only the fixed one-day rule is left.
func TestRetentionReportInWords(t *testing.T) {
	e, _ := newRolesEnv(t)
	e.fm.joined[dmRoom] = map[id.UserID]bool{admin: true, botID: true}
	sent := in(e.say(t, dmRoom, admin, "!aufbewahrung", ""), dmRoom)
	// With every rule off only the record of opened cases is left: it goes
	// after a day whatever is configured (storage.CaseOpeningKept).
	if len(sent) != 1 || strings.Count(sent[0].content.Body, "•") != 1 ||
		!strings.Contains(sent[0].content.Body, "Supportfälle geöffnet hat (nur für die Obergrenze pro Tag) (Frist: 1 Tag)") {
		t.Fatalf("!aufbewahrung with every rule off should name only the one-day record of opened cases: %s", bodies(sent))
	}
	const day = 24 * time.Hour
	e.reconfigure(func(d *Deps) {
		d.Privacy = Privacy{Retention: storage.RetentionPolicy{Members: 365 * day, Cases: 1095 * day, Access: 180 * day, Audit: 1095 * day,
			Inbox: 30 * day, Answers: 90 * day, Choices: 7 * day}}
	})
	sent = in(e.say(t, dmRoom, admin, "!aufbewahrung", ""), dmRoom)
	if len(sent) != 1 {
		t.Fatalf("!aufbewahrung: %s", bodies(sent))
	}
	body := sent[0].content.Body
	if table := regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|\b(inbox|answer)\b`).FindString(body); table != "" {
		t.Errorf("report names table %q:\n%s", table, body)
	}
	for _, want := range []string{"0 abgeschlossene Supportfälle (Frist: 3 Jahre)",
		"0 Nachrichten von mir im Teamraum zu abgeschlossenen Supportfällen (entferne ich aus dem Verlauf) (Frist: 3 Jahre)",
		"0 Nachrichten von mir im Genehmigungsraum zu abgeschlossenen Zugangsanträgen (entferne ich aus dem Verlauf) (Frist: 6 Monate)", "0 Protokolleinträge zu Rollen (Frist: 3 Jahre)", "0 Kennungen empfangener Nachrichten (Frist: 1 Monat)", "weitere"} {
		if want == "weitere" {
			if strings.Contains(body, want) {
				t.Errorf("a table has no words (counted as further entries):\n%s", body)
			}
			continue
		}
		if !strings.Contains(body, want) {
			t.Errorf("report lacks %q:\n%s", want, body)
		}
	}
}

// TestRetentionReportEveryRuleInWords: with every retention period set
// (each field of storage.RetentionPolicy, found by reflection, so a rule
// added later is covered too), every line of `!aufbewahrung` has its own
// words in both languages — none falls back to „weitere Einträge“ /
// "further entries", which would hide what a new rule deletes.
// TestRetentionReportInWords sets only some periods and reads German.
func TestRetentionReportEveryRuleInWords(t *testing.T) {
	var policy storage.RetentionPolicy
	v := reflect.ValueOf(&policy).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).Name == "KeepRoomMessages" {
			continue // false: the rules that count room messages report too (priv29)
		}
		if v.Field(i).Type() != reflect.TypeFor[time.Duration]() {
			t.Fatalf("RetentionPolicy.%s is no duration: extend this test", v.Type().Field(i).Name)
		}
		v.Field(i).SetInt(int64(30 * 24 * time.Hour))
	}
	for _, tc := range []struct {
		texts *Texts
		cmd   string
		other string
	}{
		{&German, "!aufbewahrung", "weitere"},
		{&English, "!retention", "further"},
	} {
		t.Run(tc.texts.Lang, func(t *testing.T) {
			e, _ := newRolesEnv(t)
			e.fm.joined[dmRoom] = map[id.UserID]bool{admin: true, botID: true}
			e.reconfigure(func(d *Deps) { d.Texts, d.Privacy = tc.texts, Privacy{Retention: policy} })
			sent := in(e.say(t, dmRoom, admin, tc.cmd, ""), dmRoom)
			if len(sent) != 1 {
				t.Fatalf("%s: %s", tc.cmd, bodies(sent))
			}
			lines := 0
			for _, l := range strings.Split(sent[0].content.Body, "\n") {
				if l = strings.TrimSpace(l); !strings.HasPrefix(l, "•") && !strings.HasPrefix(l, "- ") {
					continue
				}
				lines++
				if strings.Contains(l, tc.other) {
					t.Errorf("a rule without words of its own: %s", l)
				}
			}
			if lines < 20 {
				t.Errorf("only %d lines with every period set:\n%s", lines, sent[0].content.Body)
			}
		})
	}
}
