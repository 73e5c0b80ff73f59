package answer

import (
	"slices"
	"strings"
	"testing"
)

// TestQuoteSpans: German, English and straight quotes, and a closing
// mark whose opening one the question part cut off.
func TestQuoteSpans(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"mein samsung sagt „Speicher fast voll“ was tun", []string{"Speicher fast voll"}},
		{"Der Drucker ist offline“ windows 11", []string{"Der Drucker ist offline"}},
		{"it says “Disk full” and “Retry”", []string{"Disk full", "Retry"}},
		{`da steht "Kein Signal"`, []string{"Kein Signal"}},
		{"»Kein Netz« sagt das handy", []string{"Kein Netz"}},
		{"kein zitat hier", nil},
		{"„offen und nie zu", nil},
	} {
		var got []string
		for _, q := range quoteSpans(c.text) {
			got = append(got, c.text[q[0]:q[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("quoteSpans(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPastedThingLibrary: on the shipped library, a message a device or
// another product shows about itself, pasted with the thing as its speaker
// or its subject, is the honest no; a tool's message, a tool named, a
// thing that is only the place, a person's own words and a part of the
// computer the first guide is about keep their guide. The rows are the
// twenty-fifth pass's probes (docs/passes/probes/eng25-pasted.tsv and the
// adversarial round after it), invented, not from a question set; each
// "none" row was a choice on main (checked: they fail without
// pastedThing).
func TestPastedThingLibrary(t *testing.T) {
	checkAside(t, loadLibrary(t), []asideRow{
		{"mein iphone zeigt „iPhone-Speicher fast voll“, was soll ich löschen", ""},
		{"mein handy zeigt „Speicher voll“ was soll ich machen", ""},
		// Kept: a tool's message, a tool named, a place, a person
		// speaking, a part the first guide is about.
		{"mein handy zeigt „Benachrichtigungen sind für dieses Gerät deaktiviert“ in element", "matrix/benachrichtigungen-am-handy.md"},
		{"mein laptop sagt „Mikrofon blockiert“ wenn ich in die konferenz will", "bbb/mikrofon-und-echo.md"},
		{"auf dem iphone steht „Konto konnte nicht überprüft werden“ beim kalender aus der cloud", "nextcloud/kalender-auf-dem-handy.md"},
		{"„Mein Handy ist weg“ hab ich dem support geschrieben, aber wie komm ich jetzt rein", "konto/zwei-faktor-handy-verloren.md"},
		{"mein laptop zeigt „Kein Mikrofon gefunden“", "bbb/mikrofon-und-echo.md"},
		{"„Webcam wird von einer anderen Anwendung verwendet“ sagt mein laptop", "bbb/kamera-funktioniert-nicht.md"},
		{"mein handy zeigt „Sitzung nicht verifiziert“", "matrix/neue-sitzung-verifizieren.md"},
		{"„Gib den Code aus deiner Authenticator-App ein“ aber mein handy ist kaputt", "konto/zwei-faktor-handy-verloren.md"},
		// A second round: a main clause after the quote with a
		// subject of its own (otherSubjectAfter).
		{"mein handy sagt „Speicher voll“ und die app lädt keine fotos mehr hoch", "nextcloud/mobile-app.md"},
		{"mein handy zeigt „Verbindung zum Server fehlgeschlagen“", "nextcloud/mobile-app.md"},
		{"windows sagt „Netzlaufwerk nicht erreichbar“ beim sync ordner", "nextcloud/desktop-sync-client.md"},
	})
}

// TestPastedThingAfterGreeting: the decided text is the question part of
// the message, and its words count from the message's start: a greeting
// or a clause before the label changes nothing (whole25: the quotes were
// read at the offsets of the question part, the words at the message's,
// and a label opening its clause after a comma lost its first word).
func TestPastedThingAfterGreeting(t *testing.T) {
	checkAside(t, loadLibrary(t), []asideRow{
		{"Hallo zusammen, mein handy zeigt „Speicher voll“ was soll ich machen", ""},
		{"Hallo, kurze Frage: mein handy zeigt „Speicher voll“ was soll ich machen", ""},
		{"Hi, kann mir jemand sagen, was ich tun soll: mein iphone zeigt „iPhone-Speicher fast voll“, was soll ich löschen", ""},
		{"ich weiß nicht weiter, iphone zeigt „iPhone-Speicher fast voll“, was soll ich löschen", ""},
		{"ich weiß nicht weiter. iphone: „iPhone-Speicher fast voll“, was soll ich löschen", ""},
		// The exemptions read the same words after a greeting.
		{"Hallo zusammen, mein laptop zeigt „Kein Mikrofon gefunden“", "bbb/mikrofon-und-echo.md"},
		{"Hallo zusammen, „Mein Handy ist weg“ hab ich dem support geschrieben, aber wie komm ich jetzt rein", "konto/zwei-faktor-handy-verloren.md"},
		{"Hallo zusammen, mein handy sagt „Speicher voll“ und die app lädt keine fotos mehr hoch", "nextcloud/mobile-app.md"},
	})
}

// TestPastedThingInPart: pastedThing reads a question part cut from a
// longer message (partOf, its words counting from the message's start)
// as it reads the same text on its own.
func TestPastedThingInPart(t *testing.T) {
	lib := loadLibrary(t)
	about := func(string) bool { return false }
	for _, c := range []struct{ lead, q string }{
		{"Hallo liebes Team von der Geschäftsstelle, ", "mein iphone zeigt „iPhone-Speicher fast voll“, was soll ich löschen"},
		{"Guten Morgen ihr Lieben, ", "„Der Drucker ist offline“ windows 11"},
		{"Guten Morgen ihr Lieben, ", "mein drucker sagt „offline“"},
		{"Hallo zusammen, ", "„Mein Handy ist weg“ hab ich dem support geschrieben, aber wie komm ich jetzt rein"},
		{"Hallo, ", "ich weiß nicht weiter. windows: „Updates werden installiert“"},
	} {
		res := lib.SearchFor(c.q, 10, false)
		alone := tokens(c.q)
		want := pastedThing(res, partOf(c.q, 0, alone, foldWords(alone), clauseStarts(c.q, alone)), about)
		msg := c.lead + c.q
		ws := tokens(msg)
		if got := pastedThing(res, partOf(c.q, len(c.lead), ws, foldWords(ws), clauseStarts(msg, ws)), about); got != want {
			t.Errorf("%q after %q: %q, alone %q", c.q, c.lead, got, want)
		}
	}
}

// TestPastedThingBench: on the bench guides too, a subject of its own
// after the quote keeps the app's guide (it was the honest no before
// otherSubjectAfter).
func TestPastedThingBench(t *testing.T) {
	lib := loadBenchLibrary(t)
	checkAside(t, lib, []asideRow{
		{"mein handy sagt „Speicher voll“ und die app lädt keine fotos mehr hoch", "nextcloud/mobile-app.md"},
		{"mein iphone zeigt „iPhone-Speicher fast voll“, was soll ich löschen", ""},
	})
}

// TestPastedThingSearchesOnce: the look-up of a quoted part (partAbout)
// searches once per message, however many quotes name parts, and not
// after boundThing's look-up; a word it cannot look up keeps the guide.
func TestPastedThingSearchesOnce(t *testing.T) {
	n := 0
	about := func(string) bool { n++; return false }
	var d Decision
	f := oneAbout(&d, about)
	first, again, other := f("mikrofon"), f("mikrofon"), f("kamera") // the same word twice: one search
	if first || again || !other || n != 1 || !d.aboutSearched {
		t.Errorf("first look-up: %d searches, searched %v", n, d.aboutSearched)
	}
	n, d = 0, Decision{aboutSearched: true}
	if g := oneAbout(&d, about); !g("mikrofon") || n != 0 {
		t.Errorf("after boundThing: %d searches, want 0 and the guide kept", n)
	}
	rec := &recorder{lib: loadLibrary(t)}
	Decide(strings.Repeat("mein laptop zeigt „Kein Mikrofon gefunden“ und „Keine Kamera“ und „Ton aus“. ", 20), rec, Options{Cases: true})
	if len(rec.queries) > 2 {
		t.Errorf("%d searches, want at most 2", len(rec.queries))
	}
}
