package chattest

import (
	"strings"
	"testing"
)

// TestEnglish: the check finds German that Lotse wrote and leaves out
// guide content and people's own words.
func TestEnglish(t *testing.T) {
	e := NewEnglish(
		[]string{"Cloud-Passwort vergessen", "Mia Mitglied"},
		[]string{"Kein Grund zur Sorge: Dein Passwort für die Cloud kannst du jederzeit selbst zurücksetzen.", "am 31.2. um 19 Uhr"},
		map[string]string{"anleitung": "guide", "zurückziehen": "withdraw", "zurueckziehen": "withdraw"})
	tests := []struct {
		text string
		want string // "" = no problem
	}{
		{"Your request #1 is filed.", ""},
		{"📘 Cloud-Passwort vergessen\n\nKein Grund zur Sorge: Dein Passwort für die Cloud kannst du jederzeit selbst zurücksetzen.\n\nDid this help?", ""},
		{"From Mia Mitglied: thanks", ""},
		{"The day “31.2.” doesn't exist.", ""},
		{"Join: https://meet.example.org/b/über-uns?x=1.2.3", ""},
		{"Next step: “Cloud-Passwort vergessen” – `!guide Cloud-Passwort vergessen`", ""},
		{"Your case is closed. Danke!", "danke"},
		{"Sorry, das geht nicht.", "German word"},
		{"Opened on Dienstag", "weekday"},
		{"Opened 27.03.2026 10:00", "German date"},
		{"History: 27.03. 10:00 open", "German date"},
		{"So, 29.3.2026, 19:00", "German weekday"},
		{"Next step: „Cloud-Passwort vergessen“", "German quote"},
		{"Withdraw with !zurückziehen 3", "German command"},
		{"Withdraw with !zurueckziehen 3", "German command"},
		{"Open it with `!anleitung Passwort`", "German command"},
		{"You have 1 cases.", "plural"},
		{"Sent to 1 person, 1 is open, #1 was closed", ""},
		{"Größe", "umlaut"},
	}
	for _, tt := range tests {
		got := strings.Join(e.Problems(tt.text), "; ")
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(strings.ToLower(got), strings.ToLower(tt.want)) {
			t.Errorf("Problems(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
