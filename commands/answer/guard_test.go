package answer

import (
	"path/filepath"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// guardKnownHuman are the blind guide probes that still end "human" and
// why (see docs/passes/06.md, "guarding guide questions against the
// person grammar"): the grammar reads them right or the search finds no
// guide to give instead.
var guardKnownHuman = map[string]string{
	// A number is asked for (numberHuman); the search ranks another guide
	// first and decides "none", so the way to a person is offered.
	"Welche Telefonnummer hat die Geschäftsstelle?": "search",
	// Talking with someone in a tool: a maybe now, but the search finds
	// no guide.
	"Kann ich in der Nextcloud live mit jemandem telefonieren?":                  "search",
	"Gibt es in der Cloud eine Möglichkeit, mit jemandem per Video zu sprechen?": "search",
	// "I need a person" (older than the sixth pass): the role the person
	// is wanted for stands further on ("… to take over as presenter").
	"I need a person to take over as presenter while I am away": "need a person",
	// A call-back asked about as a step of a procedure the guide
	// describes (the 2FA reset); older than the sixth pass, and the same
	// words ask for a call-back ("bekomme ich einen Rückruf?").
	"Bekomme ich einen Rückruf, wenn ich die Zwei-Faktor-Anmeldung zurücksetzen lasse?": "call-back",
	"Ruft ihr mich wirklich zur Bestätigung an, wenn ich keine Backup-Codes mehr habe?": "call-back",
	// The guide failed the member (a request for a person by design).
	"Die Anleitung zur Telefoneinwahl hilft mir nicht, weil ich die PIN nicht finde": "guide failed",
}

// TestPersonProbesGuide: the blind guide questions with person words
// (testdata/person-probes-guide-2026-12-05.tsv, bench guides) get a guide
// or a choice, not the offer of a person — but for the few listed in
// guardKnownHuman. On the code before branch guard6, twenty-six more ended
// "human".
func TestPersonProbesGuide(t *testing.T) {
	lib, _ := loadBenchHalf(t, "tune")
	qs, err := search.ReadQuestionsFile(filepath.Join("testdata", "person-probes-guide-2026-12-05.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 150 {
		t.Fatalf("%d probes, want at least 150", len(qs))
	}
	humans := 0
	for _, q := range qs {
		d := Decide(q.Text, lib, Options{Cases: true})
		if d.Outcome != Human {
			continue
		}
		humans++
		if _, known := guardKnownHuman[q.Text]; !known {
			t.Errorf("%q: offered a person, want the guide %s", q.Text, q.Expected)
		}
	}
	if humans > len(guardKnownHuman) {
		t.Errorf("%d probes offered a person, want at most %d", humans, len(guardKnownHuman))
	}
}

// TestPersonProbesGuideLibrary: the library twin of the probes (shipped
// library/) gets no offer of a person at all.
func TestPersonProbesGuideLibrary(t *testing.T) {
	lib := loadLibrary(t)
	qs, err := search.ReadQuestionsFile(filepath.Join("testdata", "person-probes-guide-library-2026-12-05.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if d := Decide(q.Text, lib, Options{Cases: true}); d.Outcome == Human {
			t.Errorf("%q: offered a person, want the guide %s", q.Text, q.Expected)
		}
	}
}

// TestPersonGuardGrammar: the narrowings of branch guard6, each with the
// guide question it lets through and the requests beside it that stay
// requests.
func TestPersonGuardGrammar(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want humanSignal
	}{
		// A verb of talking after a preposition is a noun: Nextcloud Talk.
		{"Kann ich mit Talk auch Leute ohne Konto zu einem Gespräch einladen?", noHuman},
		{"Ich will jemanden per Talk anrufen, aber es klingelt bei ihr nicht", maybeHuman},
		{"can I talk to a human", sureHuman},
		{"ich möchte mit einem Menschen sprechen", sureHuman},
		// A consultation hour only asked about is information.
		{"Gibt es eine Sprechstunde des Digitalisierungsteams?", numberHuman},
		{"gibt es eine Sprechstunde, in der mir jemand hilft?", sureHuman},
		{"gibt es eine sprechstunde wo ich mit jemandem zusammen an den laptop gehen kann", sureHuman},
		// A visit to an event is taking part in it.
		{"Kann ich beim offenen Treffen des Digitalisierungsteams einfach vorbeikommen?", noHuman},
		{"kann ich persönlich vorbeikommen?", sureHuman},
		{"kann ich mit meinem Laptop bei euch vorbeikommen?", sureHuman},
		// "beim Treffen" is the noun, "persönlich treffen" the verb.
		{"Kann ich eine Genossin persönlich beim Treffen verifizieren?", noHuman},
		{"kann ich jemanden vom Team persönlich treffen?", sureHuman},
		// Talking with a bare "someone" in a tool asks what the tool does.
		{"Kann ich mit jemandem per Videoanruf in Talk sprechen, der kein Cloud-Konto hat?", maybeHuman},
		{"Kann ich mit jemandem sprechen?", sureHuman},
		{"kann ich mit jemandem per Telefon sprechen?", sureHuman},
		// A person by name on the phone only when brought TO the line;
		// with a means ("per Telefon", "live") the member acts on them.
		{"Kann ich eine Person ohne Computer per Telefon zur Konferenz dazuholen?", noHuman},
		{"Ich möchte den Personen in der Sitzung live meine Präsentation zeigen", noHuman},
		{"Ich möchte einer Person aus dem Vorstand per Videoanruf etwas zeigen", noHuman},
		{"kann ich jemanden vom Support ans Telefon bekommen?", sureHuman},
		{"can I get someone from support on the line?", sureHuman},
		{"kann mir jemand per Video helfen? Mein Mikrofon geht nicht", sureHuman},
		// An appointment where someone shows the MEMBER something.
		{"Gibt es einen Termin, an dem das Digitalisierungsteam Element und die Cloud zeigt?", noHuman},
		{"können wir einen Termin vereinbaren, an dem mir jemand die Cloud erklärt?", sureHuman},
		// A means that is a tool ("per Talk"), not a phone or video call.
		{"Kann ich mit jemandem vom Vorstand per Talk sprechen?", maybeHuman},
		// A visit joined to an errand of the member's.
		{"Kann ich in der Geschäftsstelle vorbeikommen und Material für den Infostand abholen?", noHuman},
		{"kann jemand vorbeikommen und mir das zeigen?", sureHuman},
		// The member helped, not the reflexive of their own action; no
		// perceiver; no bare someone reaching the member in a tool;
		// "zusammen" with the member after "mit".
		{"Kann ich mich für die Datenschulung telefonisch bei der Geschäftsstelle anmelden?", noHuman},
		{"Kann jemand am Telefon mich in der Konferenz hören, wenn ich im Browser spreche?", noHuman},
		{"Kann mich jemand in Talk per Videoanruf erreichen, wenn ich die App nicht offen habe?", noHuman},
		{"Können wir uns zusammen mit dem Digitalisierungsteam in einem BBB-Raum treffen?", noHuman},
		{"kann ich mir das von jemandem am Telefon zeigen lassen?", sureHuman},
		{"kann mir jemand in der Konferenz live helfen?", sureHuman},
		{"kann jemand mit uns zusammen den Raum einrichten?", sureHuman},
		// A person by name asked to help: a request with a modal or
		// "bitte", a fact in the indicative.
		{"Hilft mir die Geschäftsstelle, wenn ich meinen AG-Ordner nicht sehe?", maybeHuman},
		{"kann mir der Support helfen?", sureHuman},
		{"hilft mir bitte ein Mensch?", sureHuman},
		// A person wanted in a role.
		{"Ich brauche einen Menschen als Präsentator in meiner Konferenz, wie mache ich jemanden dazu?", noHuman},
		{"ich brauche einen Menschen", sureHuman},
		{"ich brauche einen Menschen, der mir das erklärt", sureHuman},
	} {
		if got := signal(tc.msg); got != tc.want {
			t.Errorf("%q: signal %d, want %d", tc.msg, got, tc.want)
		}
	}
}

// TestPersonGuardReach: a question for the way to a person and nothing
// else ("wann kann man … erreichen?", "ist … erreichbar?") is searched — the contacts guide when it answers it outright, a person
// otherwise (no contacts guide in the shipped library, or only a choice).
func TestPersonGuardReach(t *testing.T) {
	bench, _ := loadBenchHalf(t, "tune")
	lib := loadLibrary(t)
	for _, tc := range []struct {
		msg   string
		lib   Library
		want  Outcome
		guide string
	}{
		{"Wann kann man die Geschäftsstelle telefonisch erreichen?", bench, Answer, "team/ansprechpersonen-geschaeftsstelle.md"},
		{"Ist die Geschäftsstelle telefonisch erreichbar?", bench, Answer, "team/ansprechpersonen-geschaeftsstelle.md"},
		{"wie kann ich euch telefonisch erreichen?", lib, Human, ""},
		{"gibt es eine telefonnummer?", lib, Human, ""},
		{"Wie erreiche ich euch?", lib, Human, ""},
		{"Wie erreiche ich euch?", bench, Human, ""},
		{"habt ihr eine Hotline?", lib, Human, ""},
	} {
		d := Decide(tc.msg, tc.lib, Options{Cases: true})
		if d.Outcome != tc.want || tc.guide != "" && (len(d.Hits) == 0 || d.Hits[0].ID != tc.guide) {
			t.Errorf("%q: %s %v, want %s %s", tc.msg, d.Outcome, d.Guides(), tc.want, tc.guide)
		}
	}
}
