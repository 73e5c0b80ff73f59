package chattest

import "testing"

// TestFixedCount: a count with a noun needs both forms; numbers that
// count nothing (IDs, ranges, dates, a command's argument) pass.
func TestFixedCount(t *testing.T) {
	for _, tt := range []struct {
		text, want string
	}{
		{"Es fehlt noch %d weitere Genehmigung von jemand anderem.", "%d weitere"},
		{"It still needs %d more approval.", "%d more"},
		{"Einrichten ist %d-mal fehlgeschlagen (%s).", "%d-mal"},
		{"setting it up failed %d times (%s).", "%d times"},
		{"%[4]d Personen haben zugesagt.", "%[4]d Personen"},
		{"Es fehlt noch %d weitere Genehmigung.|Es fehlen noch %d weitere Genehmigungen.", ""},
		{"Antrag #%d ist schon entschieden.", ""},
		{"Vergessen: Nr. %d „%s“; no. %d “%s”.", ""},
		{"Seite %d ist leer; page %d is empty.", ""},
		{"Bitte gib eine Nummer von 1 bis %d an.", ""},
		{"Genehmigen: ✅ oder !genehmigen %d · Ablehnen", ""},
		{"Wenn du sicher bist: `!absagen %[1]d ja`", ""},
		{"%[1]s, %[2]d.%[3]d.%[5]d; %d:%02d; ohne %d. Tag; %[1]s %[2]d %[4]s %[5]d", ""},
		{"Das nächste ist %d.", ""},
		{"Nicht gelernt: %d Frage falsch (`!lehren #<Fall> <Anleitung> | <Frage>`).", "%d Frage"},
	} {
		if got := fixedCount(tt.text); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}
