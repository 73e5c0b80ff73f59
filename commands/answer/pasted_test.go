package answer

import (
	"slices"
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
	})
}
