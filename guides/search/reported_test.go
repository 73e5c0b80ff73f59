package search

import (
	"strings"
	"testing"
)

// TestReportedSpan: the clause after a frame of a message noun and a
// verb of receiving is reported when it opens with „dass“/"that" or holds
// a Konjunktiv I form; a message noun or a verb alone, a clause in the
// indicative without a conjunction, and the clause after the claim are
// not.
func TestReportedSpan(t *testing.T) {
	for _, tt := range []struct {
		query, want string
	}{
		{"ich hab eine komische mail bekommen, dass mein konto gesperrt wird, ist das echt?", "dass mein konto gesperrt wird"},
		{"hab ne mail bekommen dass mein konto gesperrt wird", "dass mein konto gesperrt wird"},
		{"hab ne mail bekommen mein speicher sei voll und ich soll klicken", "mein speicher sei voll und ich soll klicken"},
		{"bekam eine phishingmail, dass mein passwort abläuft", "dass mein passwort abläuft"},
		{"I got an email that my account will be locked", "that my account will be locked"},
		{"ich habe eine nachricht erhalten: der speicher müsse geleert werden", "der speicher müsse geleert werden"},
		{"ich hab eine mail bekommen, wie lösche ich sie", ""},
		{"mein speicher ist voll, dass ich nichts hochladen kann", ""},
		{"ich bekomme keine mails mehr vom verteiler", ""},
		{"die mail sagt, dass mein konto gesperrt wird", ""},
	} {
		toks := tokenize(tt.query, nil)
		marks := reportedSpan(toks)
		var got []string
		for i, tok := range toks {
			if marks != nil && marks[i] && !tok.joined {
				got = append(got, tok.word)
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%q: reported %q, want %q", tt.query, s, tt.want)
		}
	}
}

// reportedDocs is a library where the guide about a doubted mail meets
// the report's words in its text, and the guide about a locked account
// meets the claim's words where it says what it is about.
func reportedDocs() []Doc {
	docs := []Doc{
		{ID: "gesperrt", Title: "Konto gesperrt – Passwort zurücksetzen", Tags: []string{"konto", "gesperrt", "passwort"},
			Summary:  "Hilfe beim Anmelden.",
			Sections: []Section{{Heading: "Zurücksetzen", Text: "Klicke auf Passwort vergessen und folge den Schritten."}}},
		{ID: "phishing", Title: "Verdächtige Nachrichten erkennen", Tags: []string{"betrug", "phishing"},
			Summary:  "Woran du gefälschte Nachrichten erkennst.",
			Sections: []Section{{Heading: "Typische Köder", Text: "Eine komische Mail droht dir."}}},
	}
	for _, topic := range []string{"Drucker", "Ordner", "Newsletter", "Spenden", "Protokoll", "Kalender", "Umfrage", "Mailingliste"} {
		docs = append(docs, Doc{ID: topic, Title: topic + " einrichten", Tags: []string{topic},
			Sections: []Section{{Heading: topic, Text: topic + " findest du im Menü. Dein Konto brauchst du dafür."}}})
	}
	return docs
}

// TestReportedInPassing: the claim's words no longer carry the guide
// about the claim past the guide about the report; the claim stated as
// the member's own trouble keeps its guide; the scores are those of the
// same words without the frame's grammar.
func TestReportedInPassing(t *testing.T) {
	checkInPassing(t, Build(reportedDocs(), Options{}), []firstWant{
		{"ich hab eine komische mail bekommen, dass mein konto gesperrt wird", "phishing"},
		{"mein konto wird gesperrt, was tun", "gesperrt"},
		{"mein konto ist gesperrt", "gesperrt"},
	}, "ich hab eine komische mail bekommen, dass mein konto gesperrt wird", "ich hab eine komische mail bekommen, mein konto gesperrt wird")
}
