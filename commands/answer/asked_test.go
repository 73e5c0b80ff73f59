package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
)

// askedGuides are the sources of a small library for TestAskedAnswers:
// three password guides that all name the password in what they say they
// are about (so that their scores are close), two guides that share one
// alias, and a printer guide, the runner-up about a second word of a
// question taught to the first-login guide.
var askedGuides = map[string]string{
	"konto/passwort-aendern.md": `---
title: "Passwort ändern, wenn du das alte noch kennst: Cloud und Chat"
tags: [konto, passwort ändern, neues passwort, einstellungen]
summary: "Wo du in der Cloud und im Chat dein Passwort änderst, solange du das alte noch weißt."
aliases:
  - "Wie ändere ich mein Passwort?"
fragen:
  - "Gilt das neue Passwort auch für den Chat?"
---
Öffne die persönlichen Einstellungen, wähle „Sicherheit“ und trage dein altes und dein neues Passwort ein.
Das neue Passwort gilt nur für die Cloud, nicht für den Chat.
`,
	"datenschutz/sichere-passwoerter.md": `---
title: "Gute Passwörter bauen und mit einem Passwortmanager verwalten"
tags: [datenschutz, passwort, sicher, passwortmanager]
summary: "Wie ein starkes Passwort aussieht und warum jedes Konto ein eigenes Passwort braucht."
aliases:
  - "Kann ich überall das gleiche Passwort nehmen?"
---
Ein gutes Passwort ist lang. Wenn du ein Passwort an mehreren Stellen benutzt, ändere es und nimm für jedes Konto ein neues Passwort.
Ein Passwortmanager merkt sich deine Passwörter; ändere dein Passwort dort, wenn du es änderst.
`,
	"konto/passwort-vergessen.md": `---
title: "Cloud-Passwort vergessen: neues Passwort selbst setzen"
tags: [konto, passwort vergessen, zurücksetzen]
summary: "Wie du ein neues Cloud-Passwort setzt, wenn du das alte nicht mehr weißt."
---
Klicke auf der Anmeldeseite auf „Passwort vergessen“ und ändere dein Passwort über den Link in der Mail.
`,
	"matrix/chat-passwort.md": `---
title: "Passwort für den Chat in Element ändern"
tags: [chat, element, passwort, neues passwort]
summary: "Wie du das Passwort deines Chat-Kontos änderst; es gilt nicht für die Cloud."
---
Öffne in Element die Einstellungen, dann „Sicherheit“, und setze ein neues Passwort für den Chat.
`,
	"nextcloud/erste-anmeldung.md": `---
title: "Zum ersten Mal in die Cloud"
tags: [cloud, anmelden, kennwort, erste anmeldung]
summary: "Wie du mit dem Kennwort aus der Willkommensmail zum ersten Mal in die Cloud kommst."
---
Melde dich mit dem Kennwort aus der Mail an. Kommst du nicht in die Cloud, prüfe das Kennwort.
`,
	"nextcloud/mobile-app.md": `---
title: "Nextcloud-App auf dem Handy nutzen"
tags: [nextcloud, app, handy]
summary: "Wie du die Cloud auf dem Handy einrichtest."
aliases:
  - "Wie richte ich die App ein?"
---
Installiere die App und melde dich an.
`,
	"matrix/element-app.md": `---
title: "Element auf dem Handy nutzen"
tags: [element, chat, app, handy]
summary: "Wie du den Chat auf dem Handy einrichtest."
aliases:
  - "Wie richte ich die App ein?"
---
Installiere die App und melde dich mit deinem Matrix-Konto an.
`,
	"hardware/drucker.md": `---
title: "Einen Drucker im Büro einrichten"
tags: [drucker, hardware, büro]
summary: "Wie du den Bürodrucker an deinem Rechner einrichtest."
---
Wähle in den Einstellungen „Drucker hinzufügen“ und den Bürodrucker.
`,
}

// askedLibrary builds the library of askedGuides with the questions
// taught to its guides.
func askedLibrary(t *testing.T, taught guides.Learned) *guides.Library {
	t.Helper()
	var gs []*guides.Guide
	for id, src := range askedGuides {
		g, problems := guides.Parse(id, []byte(src))
		if g == nil || len(problems) > 0 {
			t.Fatalf("%s: %v", id, problems)
		}
		gs = append(gs, g)
	}
	return guides.NewLibrary(gs).WithLearned(taught)
}

// TestAskedAnswers: a message that asks one of a guide's own questions —
// an alias, an example question, a question the team taught it, the head
// of its title — gets that guide as the answer, not "Meintest du …?",
// although its runners-up name the password as firmly; a message that
// only resembles it (a negation, a second question, more matter around
// it) and a phrase two guides share keep the decision without it.
func TestAskedAnswers(t *testing.T) {
	const taught = "Ich komme mit meinem alten Kennwort nicht mehr in die Cloud"
	// A device word in a taught question is no strong word of the guide
	// (offtopic.go, strongFor): the first-login guide meets „Drucker“
	// only in passing, the printer guide is about it.
	const device = "Wie komme ich mit dem Kennwort auf dem Drucker in die Cloud"
	lib := askedLibrary(t, guides.Learned{
		"konto/passwort-vergessen.md":  {taught},
		"nextcloud/erste-anmeldung.md": {device},
	})
	for _, c := range []struct {
		msg   string
		want  Outcome
		guide string // the answer's guide; for Choose the first one offered
	}{
		// The guide's own questions, asked as written or inflected.
		{"wie ändere ich mein passwort", Answer, "konto/passwort-aendern.md"},
		{"Wie ändere ich mein Passwort?", Answer, "konto/passwort-aendern.md"},
		{"gilt das neue passwort auch für den chat", Answer, "konto/passwort-aendern.md"},
		{"passwort ändern", Answer, "konto/passwort-aendern.md"},
		{"cloud-passwort vergessen", Answer, "konto/passwort-vergessen.md"},
		{strings.ToLower(taught), Answer, "konto/passwort-vergessen.md"},
		// Only resembling: a negation, a second question, more matter.
		{"ich will mein passwort nicht ändern", Choose, "konto/passwort-aendern.md"},
		// Two questions: since the thirty-first pass's re-ranking the
		// password manager's guide comes first, the change's second.
		{"wie ändere ich mein passwort und brauche ich einen passwortmanager", Choose, "datenschutz/sichere-passwoerter.md"},
		{"ich soll laut einer mail mein passwort ändern, ist die mail echt", Choose, "konto/passwort-aendern.md"},
		// The same content words in another frame (askframe.go): an
		// obligation or permission, a reason, a person, a report of what
		// someone did. The reviewer's probes of faq19 (seen, so only in
		// this invented library).
		{"muss ich mein passwort ändern", Choose, "konto/passwort-aendern.md"},
		{"darf ich mein passwort ändern", Choose, "konto/passwort-aendern.md"},
		{"warum muss ich mein passwort ändern", Choose, "konto/passwort-aendern.md"},
		{"wer kann mein passwort ändern", Choose, "konto/passwort-aendern.md"},
		{"hat jemand mein passwort geändert?", Choose, "konto/passwort-aendern.md"},
		{"mein passwort wurde geändert", Choose, "konto/passwort-aendern.md"},
		{"ich hab mein passwort geändert", Choose, "konto/passwort-aendern.md"},
		// For everyone, only for me: no plain how (second review of
		// faq19, finding 1). How often is no how (finding 2).
		{"wie ändere ich das passwort für alle", Choose, "konto/passwort-aendern.md"},
		{"wie ändere ich nur mein passwort", Choose, "konto/passwort-aendern.md"},
		{"wie oft ändere ich mein passwort", Choose, "konto/passwort-aendern.md"},
		// The how-to frame with other function words; a perfect of a
		// participle with no „ge-“ is the head's own word.
		{"kann ich mein passwort ändern", Answer, "konto/passwort-aendern.md"},
		{"ich hab mein cloud-passwort vergessen", Answer, "konto/passwort-vergessen.md"},
		// The guide's own question, although a runner-up is about a
		// second word of it (decide.go: missedAspect … && !asked): every
		// word of it is the guide's. A choice without the guard.
		{strings.ToLower(device), Answer, "nextcloud/erste-anmeldung.md"},
		// A phrase two guides share is no answer.
		{"wie richte ich die app ein", Choose, "nextcloud/mobile-app.md"},
	} {
		d := Decide(c.msg, lib, Options{})
		got := ""
		if len(d.Hits) > 0 {
			got = d.Hits[0].ID
		}
		if d.Outcome != c.want || got != c.guide {
			t.Errorf("%q: %s %v, want %s with %s first", c.msg, d.Outcome, d.Guides(), c.want, c.guide)
		}
	}
}

// TestAskedNegation: the message and the guide's question must both be
// negated or both not; the negation of an idiom the search reads as a
// content word („weiß … nicht mehr“: vergessen) is that word's, not a
// negated question.
func TestAskedNegation(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"wie ändere ich mein passwort", false},
		{"ich will mein passwort nicht ändern", true},
		{"ich kann nix mehr hochladen", true},
		{"kann ich ohne konto teilnehmen", true},
		{"ich weiß mein passwort nicht mehr", false},
		{"mir fällt mein passwort nicht mehr ein", false},
		{"ich weiß mein passwort nicht mehr und kann keine dateien hochladen", true},
		{"the upload doesn't work", true},
		// Review of faq19, finding 4: the idiom excuses its own „nicht“
		// only; "without" is the English „ohne“.
		{"ich weiß mein passwort nicht mehr und es geht nicht", true},
		{"can i join without an account", true},
	} {
		ws := foldWords(tokens(c.text))
		if got := negated(ws, c.text); got != c.want {
			t.Errorf("negated(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestSameFrame: a message asks a guide's question of the same frame; a
// scope only the guide's question names is no other frame (second
// review of faq19, finding 1).
func TestSameFrame(t *testing.T) {
	for _, c := range []struct {
		msg, q string
		want   bool
	}{
		{"wie beende ich die konferenz", "Wie beende ich die Konferenz für alle?", true},
		{"wie beende ich die konferenz für alle", "Wie beende ich die Konferenz für alle?", true},
		{"wie beende ich die konferenz für mich", "Wie beende ich die Konferenz für alle?", false},
		{"wie beende ich die konferenz nur für mich", "Wie beende ich die Konferenz für alle?", false},
		{"wie ändere ich nur mein passwort", "Wie ändere ich mein Passwort?", false},
		{"wie oft ändere ich mein passwort", "Wie ändere ich mein Passwort?", false},
	} {
		msg := frameOf(foldWords(tokens(c.msg)), c.msg)
		if got := sameFrame(msg, frameOf(foldWords(tokens(c.q)), c.q)); got != c.want {
			t.Errorf("sameFrame(%q, %q) = %v, want %v", c.msg, c.q, got, c.want)
		}
	}
}

// TestAskFrame: the frame of a question (frameOf) — its question word's
// class, an obligation or permission, someone else as the subject, a
// report in the perfect or passive, a negation.
func TestAskFrame(t *testing.T) {
	for _, c := range []struct {
		text string
		want askFrame
	}{
		{"wie ändere ich mein passwort", askFrame{}},
		{"passwort ändern", askFrame{}},
		{"kann ich mein passwort ändern", askFrame{}},
		{"warum richte ich 2fa ein", askFrame{class: "why"}},
		{"wann muss ich mein passwort ändern", askFrame{class: "when", modal: true}},
		{"wer teilt einen ordner mit meiner ag", askFrame{class: "who"}},
		{"ob ich das darf", askFrame{class: "whether", modal: true}},
		{"sollte ich mein passwort ändern", askFrame{modal: true}},
		{"hat jemand mein passwort geändert", askFrame{other: true, past: true}},
		{"ihr habt mein passwort geändert", askFrame{other: true, past: true}},
		{"mein passwort wurde geändert", askFrame{past: true}},
		{"ich habe 2fa eingerichtet", askFrame{past: true}},
		{"someone changed my password", askFrame{other: true}},
		{"i have changed my password", askFrame{past: true}},
		{"ich habe mein passwort vergessen", askFrame{}},
		{"ich habe ein neues gerät", askFrame{}},
		{"danke für gestern, wie richte ich 2fa ein", askFrame{}},
		{"ich will mein passwort nicht ändern", askFrame{neg: true}},
		{"kann mir jemanden zeigen wie ich 2fa einrichte", askFrame{}},
		// Second review of faq19, finding 2: „wie“ before a word of
		// degree asks how often, how much, how long.
		{"wie oft ändere ich mein passwort", askFrame{class: "degree"}},
		{"wie lange dauert die freischaltung", askFrame{class: "degree"}},
		{"wieviel speicher habe ich", askFrame{class: "degree"}},
		{"how often should i change my password", askFrame{class: "degree", modal: true}},
		{"wie viele leute können teilnehmen", askFrame{class: "degree"}},
		{"wie teile ich viele dateien", askFrame{}},
		{"wie lang muss mein passwort sein", askFrame{class: "degree", modal: true}},
		// Second review of faq19, finding 1: whom or how much of it the
		// question is about.
		{"wie beende ich die konferenz für alle", askFrame{scope: "all"}},
		{"wie beende ich die konferenz für mich", askFrame{scope: "only"}},
		{"wie beende ich die konferenz nur für mich", askFrame{scope: "only"}},
		{"wie teile ich den ordner mit mehreren", askFrame{scope: "several"}},
		{"wie lösche ich alle meine daten", askFrame{}},
		{"wie lösche ich mehrere dateien", askFrame{}},
		// Second review of faq19, finding 4: a noun of a participle's
		// shape is no perfect.
		{"hat die gemeinschaft einen chat", askFrame{}},
		{"ich hab gerade gelegenheit, wie richte ich 2fa ein", askFrame{}},
		// Whole-change review of the nineteenth pass, finding 3: the
		// particles of guides/search's list (search.IsParticiple), not a
		// hand copy of some of them; English "-eed" is no participle.
		{"ich habe die mail weitergeleitet", askFrame{past: true}},
		{"ich hab die dateien zusammengefasst", askFrame{past: true}},
		{"ich habe die app heruntergeladen", askFrame{}}, // strong: left out (participle.go)
		{"ich habe die datei hinzugefügt", askFrame{past: true}},
		{"ich habe die datei zurückgesetzt", askFrame{past: true}},
		{"i have a slow speed", askFrame{}},
		{"i have changed my password", askFrame{past: true}},
		{"how do i end the meeting for everyone", askFrame{scope: "all"}},
		{"how do i end the meeting just for me", askFrame{scope: "only"}},
	} {
		ws := foldWords(tokens(c.text))
		if got := frameOf(ws, c.text); got != c.want {
			t.Errorf("frameOf(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}
