package chat

import "testing"

// TestCommandWordLang (en35): the language of a command's name as typed
// is the one whose help line names it, spelled with or without hyphens
// and umlauts; a name both share and a short form say nothing.
func TestCommandWordLang(t *testing.T) {
	c := NewCommand(CommandText{Usage: "!daten-löschen"}, "daten-löschen", []string{"daten-loeschen", "delete-my-data", "dl"}, nil, "", nil).
		In(CommandText{Usage: "!daten-löschen <Wort>"}, CommandText{Usage: "!delete-my-data <word>"})
	shared := NewCommand(CommandText{Usage: "!ticket"}, "ticket", nil, nil, "", nil).
		In(CommandText{Usage: "!ticket <Anliegen>"}, CommandText{Usage: "!ticket <issue>"})
	// The German help's `!start` is an English word too (bothLanguages).
	start := NewCommand(CommandText{Usage: "!start"}, "start", []string{"onboarding", "checkliste", "checklist"}, nil, "", nil).
		In(CommandText{Usage: "!start [Nr]"}, CommandText{Usage: "!onboarding [number]"})
	bare := NewCommand(CommandText{Usage: "!hilfe"}, "hilfe", []string{"help"}, nil, "", nil)
	for _, tt := range []struct {
		c     *Command
		typed string
		want  string
	}{
		{&c, "daten-löschen", "de"},
		{&c, "daten-loeschen", "de"},
		{&c, "DATEN-LÖSCHEN", "de"},
		{&c, "delete-my-data", "en"},
		{&c, "deletemydata", "en"},
		{&c, "dl", ""},
		{&shared, "ticket", ""},
		{&bare, "help", ""}, // no help lines per language: nothing known
		{&start, "start", ""},
		{&start, "START", ""},
		{&start, "onboarding", "en"},
	} {
		if got := tt.c.WordLang(tt.typed); got != tt.want {
			t.Errorf("WordLang(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
	if got := c.Text("en").Usage; got != "!delete-my-data <word>" {
		t.Errorf("Text(en) = %q", got)
	}
	if got := bare.Text("en").Usage; got != "!hilfe" {
		t.Errorf("Text(en) without lines = %q, want the install's", got)
	}
}
