package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestAsksGenuine: a message reported and a question whether it is
// genuine; „echt“ as an intensifier, a question about a fact („ist das
// echt, dass …“), a doubt without a message, and a message reported
// without doubt are not.
func TestAsksGenuine(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"ich hab ne mail bekommen, mein konto wird gesperrt, ist das echt?", true},
		{"jemand schreibt mir im chat und will meinen code, ist das seriös?", true},
		{"eine sms sagt mein speicher ist voll. echt oder fake?", true},
		{"woran merk ich ob ne mail echt von euch ist", true},
		{"ich weiß nicht ob die nachricht echt ist", true},
		{"die chatnachricht vom angeblichen admin, ist das betrug?", true},
		{"ich hab eine mail bekommen ist das echt", true},
		{"is this email real?", true},
		{"ist das echt, dass ich mein passwort alle drei monate ändern muss?", false},
		{"ist die telefoneinwahl in die sitzung echt kostenlos?", false},
		{"ich hab echt keine ahnung wie ich mein passwort ändere", false},
		{"funktioniert das echt, den bildschirm zu teilen?", false},
		{"ich habe eine mail bekommen, dass mein speicher voll ist. was kann ich löschen?", false},
		{"war das echt?", false},
		{"hast du eine mail bekommen? ist das echt toll", false},
		// An adjective of suspicion about how something else looks.
		{"why do my messages look weird in the chat?", false},
		{"my mail looks strange in outlook, why?", false},
		{"i got a message with strange characters, how do i fix the encoding?", false},
		{"warum sind meine nachrichten im chat so komisch formatiert?", false},
		// About the message: its noun, its verb's particle, the clause's end.
		{"is this weird message from you?", true},
		{"someone texted me, seems weird to me, is it legit?", true},
		{"die sprecherin schreibt mir per mail, ich soll gutscheine kaufen, kommt mir komisch vor", true},
		{"ich hab eine komische mail bekommen, was soll ich tun?", true},
	} {
		if got := asksGenuine(wordsOf(clean(tc.msg))); got != tc.want {
			t.Errorf("asksGenuine(%q) = %v, want %v", tc.msg, got, tc.want)
		}
	}
}

// TestDoubtedMessage: on the shipped library a question whether a
// reported message is genuine gets the guide about doubted messages
// first — also where the bait's matter was answered or offered alone, or
// where no guide was found —, and never as a new answer; messages that
// do not ask it keep their first guide.
func TestDoubtedMessage(t *testing.T) {
	lib := loadLibrary(t)
	for _, tc := range []struct {
		msg     string
		outcome Outcome
		first   string
	}{
		// An answer about the bait's matter becomes a choice.
		{"ich habe eine mail bekommen, ich soll mein passwort vergessen melden und zurücksetzen, ist das echt?", Choose, phishingGuide},
		// A choice without the guide gets it first.
		{"laut einer mail soll ich die zwei-faktor-anmeldung neu einrichten, ist das echt?", Choose, phishingGuide},
		{"ich habe eine mail bekommen, ich soll ein app-passwort für thunderbird erstellen, ist das seriös?", Choose, phishingGuide},
		// A choice with it further down gets it first.
		{"eine nachricht sagt, mein speicherplatz in der cloud ist voll. ist das echt?", Choose, phishingGuide},
		// No guide: a choice of it.
		{"eine sms will meinen code für die anmeldung, ist das seriös?", Choose, phishingGuide},
		// Its answer stays an answer.
		{"ich habe eine mail bekommen dass mein speicher voll ist und ich mich anmelden soll, ist das betrug?", Answer, phishingGuide},
		// Not asked: the first guide is the message's own.
		{"ich hab echt keine ahnung wie ich mein passwort ändere", Choose, "konto/passwort-aendern.md"},
		{"ich habe eine mail bekommen, dass mein passwort abläuft und ich es über den link neu setzen soll", Choose, "nextcloud/erste-anmeldung.md"},
	} {
		d := Decide(tc.msg, lib, Options{Cases: true})
		if d.Outcome != tc.outcome || len(d.Hits) == 0 || d.Hits[0].ID != tc.first {
			t.Errorf("%q: %s %v, want %s with %s first", tc.msg, d.Outcome, d.Guides(), tc.outcome, tc.first)
		}
	}
	for _, msg := range []string{
		// A display question keeps the guides its search found.
		"I got a message with strange characters, how do I fix the encoding?",
		"Why do my messages look weird in the chat?",
		"ist das echt, dass ich mein passwort alle drei monate ändern muss?",
		"ist die telefoneinwahl in die sitzung echt kostenlos?",
		"ich habe eine nachricht bekommen, dass mein speicher fast voll ist. was kann ich löschen?",
	} {
		if d := Decide(msg, lib, Options{Cases: true}); len(d.Hits) > 0 && d.Hits[0].ID == phishingGuide {
			t.Errorf("%q: %s %v, want another guide first", msg, d.Outcome, d.Guides())
		}
	}
}

// TestDoubtedMessageSearchesAtMostTwice: the doubt guide's search is the
// message's second, and no other comes after it; when the decision's own
// search looked up a word already (boundThing's firstAbout), it is not
// made.
func TestDoubtedMessageSearchesAtMostTwice(t *testing.T) {
	rec := &recorder{lib: loadLibrary(t)}
	for _, msg := range []string{
		"ich hab ne mail bekommen, mein konto wird gesperrt, ist das echt?",
		"eine sms will meinen code für die anmeldung, ist das seriös?",
		"ich hab eine mail bekommen, das mikrofon von meinem laptop sei gehackt, ist das echt?",
		"eine mail sagt, der ton von meinem laptop sei kaputt, wie kriege ich den wieder? ist das echt?",
		"eine mail: der ton von meinem laptop ist weg. echt?",
	} {
		rec.queries = nil
		Decide(msg, rec, Options{Cases: true})
		if len(rec.queries) > 2 {
			t.Errorf("%q: %d searches %q, want at most 2", msg, len(rec.queries), rec.queries)
		}
	}
	// The first search's own look-up of one word is counted
	// (boundthing_test.go: a part bound to the member's laptop).
	rec.queries = nil
	if d := decideSearch(wordsOf(clean("das mikrofon von meinem laptop geht nicht")), rec, Options{}, &German); !d.aboutSearched || len(rec.queries) != 2 {
		t.Errorf("a bound device part: aboutSearched %v after %q, want true after two searches", d.aboutSearched, rec.queries)
	}
	rec.queries = nil
	qv := wordsOf(clean("ich hab ne mail bekommen, ist das echt?"))
	d := Decision{Outcome: Choose, Hits: []search.Hit{{ID: "konto/passwort-vergessen.md"}}, aboutSearched: true}
	if got, searched := doubtedMessage(d, qv, rec, Options{}, &German); searched || len(rec.queries) != 0 || got.Hits[0].ID != d.Hits[0].ID {
		t.Errorf("after the first search's own look-up: searched %v (%q), first %s; want no search, the decision as it was",
			searched, rec.queries, got.Hits[0].ID)
	}
}
