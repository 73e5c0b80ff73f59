package commands

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
)

// TestDataRightsCommands: !datenschutz and !meine-daten answer in the DM
// only; !daten-löschen needs the day's token, then erases and says what stays.
func TestDataRightsCommands(t *testing.T) {
	e := newSupportEnv(t)
	ctx := context.Background()
	e.openCase(t)
	mustContain(t, in(e.say(t, "!other:test", member, "!datenschutz", ""), "!other:test"), "nur im Direktchat")
	// Plain words (issue 19 point 7): what, why, how long — no table
	// names, no "1095 Tage".
	overview := in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom)
	mustContain(t, overview, "1 Supportfall", "1 Nachricht in deinen Supportfällen", "!meine-daten", "warum")
	if b := bodies(overview); strings.Contains(b, "_") || strings.Contains(b, " Tage") {
		t.Errorf("!datenschutz shows a table name or days: %s", b)
	}
	sent := in(e.say(t, dmRoom, member, "!meine-daten", ""), dmRoom)
	if len(sent) != 2 || sent[0].content.FileName == "" {
		t.Fatalf("no export file: %s", bodies(sent))
	}
	// Beside the file, a readable summary.
	mustContain(t, sent[1:], "In Worten", "1 Supportfall")
	sent = in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
	mustContain(t, sent, "schreib heute", "!daten-löschen ")
	if c, _ := e.db.Cases.Get(ctx, 1); c == nil {
		t.Fatal("deleted without confirmation")
	}
	m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(bodies(sent))
	if m == nil {
		t.Fatalf("no confirmation token offered: %s", bodies(sent))
	}
	token := m[1]
	sent = in(e.say(t, dmRoom, member, "!daten-löschen "+token, ""), dmRoom)
	mustContain(t, sent, "Erledigt", "1 Supportfall", "Pseudonym")
	if strings.Contains(bodies(sent), "support_case") {
		t.Errorf("the erasure answer shows table names: %s", bodies(sent))
	}
	if c, _ := e.db.Cases.Get(ctx, 1); c != nil {
		t.Fatal("case survived erasure")
	}
	exp, _ := e.db.Privacy().Export(ctx, member.String())
	for table, rows := range exp {
		// The record that a case was opened today stays for the daily
		// bound, under a keyed hash, a day at most (sup29).
		if len(rows) > 0 && !storage.KeptThroughErasure[table] {
			t.Errorf("%s still holds %d rows: %v", table, len(rows), rows)
		}
	}
}

// TestPrivacyOverviewInMonthsAndYears: the configured periods read as
// years and months, and only features that are on are described.
func TestPrivacyOverviewInMonthsAndYears(t *testing.T) {
	e := newSupportEnv(t)
	e.reconfigure(func(d *Deps) {
		d.Privacy = Privacy{Retention: storage.RetentionPolicy{Members: 365 * day, Cases: 1095 * day, Access: 180 * day, Audit: 1095 * day,
			Inbox: 7 * day, Answers: 30 * day}}
	})
	sent := in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom)
	mustContain(t, sent, "Gelöscht 1 Jahr nach deiner letzten Nachricht", "Gelöscht 3 Jahre nach dem Abschluss", "Gelöscht 1 Woche danach",
		"Gelöscht 1 Monat danach")
	if b := bodies(sent); strings.Contains(b, "Tage") || strings.Contains(b, "Zugangsanträge") {
		t.Errorf("days, or access requests that are off: %s", b)
	}
}

const day = 24 * time.Hour

// TestPrivacyOverviewQuestionsDigest: !datenschutz says that the team sees
// kept questions once a week in the team room only when that digest goes
// out; without a team room or with gaps_digest off the questions are still
// kept (and the opt-out still named), but no weekly team-room digest is
// promised.
func TestPrivacyOverviewQuestionsDigest(t *testing.T) {
	for _, tt := range []struct {
		name     string
		teamRoom bool
		weekday  int
		digest   bool
	}{
		{"team room, weekly digest", true, 1, true},
		{"team room, digest off", true, -1, false},
		{"no team room", false, 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) {
				d.Gaps = Gaps{Keep: true, Weekday: tt.weekday, Hour: 9}
				if !tt.teamRoom {
					d.Support = Support{}
				}
			})
			sent := in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom)
			mustContain(t, sent, "Fragen, die ich nicht beantworten konnte", "!nicht-merken")
			if got := strings.Contains(bodies(sent), "Einmal pro Woche"); got != tt.digest {
				t.Errorf("weekly digest named: %v, want %v: %s", got, tt.digest, bodies(sent))
			}
		})
	}
}

// TestDeleteConfirmNamesOnlyFeaturesOn: the question before !daten-löschen
// names support cases and roles only when cases are on and access requests
// only when they are on; the welcome always.
func TestDeleteConfirmNamesOnlyFeaturesOn(t *testing.T) {
	for _, tt := range []struct {
		name      string
		cases     bool
		want, not []string
	}{
		{"cases on, access off", true, []string{"deine Supportfälle (offene enden damit)", "Begrüßung mit Checkliste und deine Rollen im Team", "schreib heute"}, []string{"Zugangsanträge"}},
		{"cases and access off", false, []string{"darunter Begrüßung mit Checkliste. ", "schreib heute"}, []string{"Supportfälle", "Zugangsanträge", "Rollen"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			if !tt.cases {
				e.reconfigure(func(d *Deps) { d.Support = Support{} })
			}
			sent := in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom)
			mustContain(t, sent, tt.want...)
			for _, n := range tt.not {
				if strings.Contains(bodies(sent), n) {
					t.Errorf("names %q: %s", n, bodies(sent))
				}
			}
		})
	}
}

// TestPrivacyNamesCasesOnlyWhenOn (texts28): where support cases are off,
// neither !datenschutz nor the answer to an erasure names a case — before,
// „Fragen ohne Supportfall“ and the notes „in Fällen anderer Mitglieder“
// stood there everywhere.
func TestPrivacyNamesCasesOnlyWhenOn(t *testing.T) {
	caseWords := regexp.MustCompile(`Supportf|Fällen|\bFall\b`)
	for _, cases := range []bool{true, false} {
		t.Run(fmt.Sprintf("cases %v", cases), func(t *testing.T) {
			e := newSupportEnv(t)
			if !cases {
				e.reconfigure(func(d *Deps) { d.Support = Support{} })
			}
			overview := bodies(in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom))
			confirm := bodies(in(e.say(t, dmRoom, member, "!daten-löschen", ""), dmRoom))
			m := regexp.MustCompile("!daten-löschen ([A-Za-zÄÖÜäöüß]+)").FindStringSubmatch(confirm)
			if m == nil {
				t.Fatalf("no confirmation token offered: %s", confirm)
			}
			erased := bodies(in(e.say(t, dmRoom, member, "!daten-löschen "+m[1], ""), dmRoom))
			mustContain(t, in(e.say(t, dmRoom, member, "!datenschutz", ""), dmRoom), "Nie gespeichert: Passwörter")
			for name, text := range map[string]string{"!datenschutz": overview, "the erasure": erased} {
				if got := caseWords.FindString(text); cases != (got != "") {
					t.Errorf("cases %v, %s names a case: %q\n%s", cases, name, got, text)
				}
			}
			if !strings.Contains(erased, "Was bleibt, und warum:\n\n• Im Protokoll") || !strings.Contains(erased, "Schreibst du mir wieder") {
				t.Errorf("the erasure's list of what stays is broken:\n%s", erased)
			}
		})
	}
}

// TestPrivacyRightsNameTheContact: !datenschutz ends with whom to ask about
// data protection – the configured fallback contact, or the language's
// general pointer when none is set – never one association's bodies
// („Landesverband“, „Geschäftsstelle“ fixed in the text, left33).
func TestPrivacyRightsNameTheContact(t *testing.T) {
	for _, tt := range []struct {
		name, contact string
		texts         *Texts
		cmd, want     string
	}{
		{"de configured", testContact, &German, "!datenschutz", "Fragen zum Datenschutz? " + testContact},
		{"de default", "", &German, "!datenschutz", "Fragen zum Datenschutz? Wende dich bitte an die Geschäftsstelle deines Verbands."},
		{"en configured", testContact, &English, "!privacy", "Questions about data protection? " + testContact},
		{"en default", "", &English, "!privacy", "Questions about data protection? Please turn to your association's office."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.FallbackContact, d.Texts = tt.contact, tt.texts })
			sent := in(e.say(t, dmRoom, member, tt.cmd, ""), dmRoom)
			mustContain(t, sent, tt.want)
			if b := bodies(sent); strings.Contains(b, "Landesverband") || (tt.contact != "" && strings.Contains(b, "Geschäftsstelle")) {
				t.Errorf("names a body of its own instead of the contact: %s", b)
			}
		})
	}
}

// TestPrivacyLinksTheNotice (left33's Left, left34): with site.privacy_url
// set, !datenschutz ends with a link to the association's privacy notice,
// in both languages; without it, no such line. Fails without the wiring:
// no link.
func TestPrivacyLinksTheNotice(t *testing.T) {
	const url = "https://verein.test/datenschutz"
	for _, tt := range []struct {
		name, notice string
		texts        *Texts
		cmd, want    string
	}{
		{"de", url, &German, "!datenschutz", "Alles Weitere steht in der Datenschutzerklärung: " + url},
		{"en", url, &English, "!privacy", "More in the privacy notice: " + url},
		{"de unset", "", &German, "!datenschutz", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupportEnv(t)
			e.reconfigure(func(d *Deps) { d.Privacy.NoticeURL, d.Texts = tt.notice, tt.texts })
			sent := in(e.say(t, dmRoom, member, tt.cmd, ""), dmRoom)
			if tt.want == "" {
				noneContains(t, sent, "Datenschutzerklärung", "privacy notice")
				return
			}
			mustContain(t, sent, tt.want)
			if last := sent[len(sent)-1].content; !strings.Contains(last.FormattedBody, `href="`+url+`"`) {
				t.Errorf("the address is not a link: %s", last.FormattedBody)
			}
		})
	}
}
