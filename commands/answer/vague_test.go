// Tests of the vague complaint (Decision.Vague): a bare complaint, cry for
// help or idiom of being stuck is asked what exactly does not work, with
// examples and the way to a person; a real question is never flagged.

package answer

import (
	"strings"
	"testing"
)

// TestDecideVague: a bare complaint or cry for help is decided as None
// with Vague set, and its reply asks what exactly does not work, with
// examples and the way to a person; a real question — even one that
// complains — is never flagged.
func TestDecideVague(t *testing.T) {
	lib := loadLibrary(t)
	tests := []struct {
		msg   string
		vague bool
	}{
		{"geht nicht", true},
		{"Hilfe!", true},
		{"funktioniert nicht mehr", true},
		{"hab ein problem", true},
		{"es geht schon wieder nicht", true},
		{"Hallo, ich hab ein Problem", true},
		{"it doesn't work", true},
		{"help!", true},
		// The German of "I need help with something" (review rv8: after
		// the "Hilfe bei" strip it searched "etwas", or answered "Hilfe
		// bei einem Problem" with a guide).
		{"I need help with something", true},
		{"ich brauche Hilfe bei etwas", true},
		{"Hilfe bei einem Problem", true},
		{"ich brauche Hilfe mit meinem Problem", true},
		{"Problem beim Einloggen", false},
		{"ich brauche Hilfe bei meinem Passwort", false},
		// Real questions and other messages: never vague.
		{"Hilfe, mein Passwort geht nicht", false},
		{"Mikro geht nicht in der Videokonferenz", false},
		{"Passwort vergessen", false},
		{"Wie teile ich meinen Bildschirm in BBB?", false},
		{"Wann werden die Wahlplakate aufgehängt?", false},
		{"ich brauche persönliche Hilfe", false},
		{"danke, klappt jetzt", false},
		{"Hallo!", false},
		{"!hilfe", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			d := Decide(tt.msg, lib, Options{})
			if d.Vague != tt.vague {
				t.Fatalf("Vague = %v (outcome %s), want %v", d.Vague, d.Outcome, tt.vague)
			}
			if !tt.vague {
				if strings.Contains(d.Reply, German.Vague) {
					t.Errorf("asks back although not vague: %q", d.Reply)
				}
				return
			}
			if d.Outcome != None || len(d.Hits) != 0 {
				t.Errorf("outcome %s %v, want none without guides", d.Outcome, d.Guides())
			}
			if !strings.HasPrefix(d.Reply, German.Vague) || strings.Contains(d.Reply, "keine passende Anleitung") {
				t.Errorf("reply %q, want the question back", d.Reply)
			}
		})
	}
}

// TestVagueReplyWayToPerson: the reply names the way to a person as the
// no-guide reply does — a case when cases are on, the configured or
// default contact otherwise — in German and English.
func TestVagueReplyWayToPerson(t *testing.T) {
	lib := loadLibrary(t)
	tests := []struct {
		name string
		opts Options
		want []string
		not  []string
	}{
		{"cases", Options{Cases: true}, []string{German.Vague, German.VagueCases}, []string{German.DefaultContact}},
		{"default contact", Options{}, []string{German.Vague, German.DefaultContact}, []string{German.VagueCases}},
		{"configured contact", Options{Contact: "Schreib an it@example.org."}, []string{"Schreib an it@example.org."}, []string{German.DefaultContact}},
		{"english cases", Options{Cases: true, Texts: &English}, []string{English.Vague, English.VagueCases}, nil},
		{"english contact", Options{Texts: &English}, []string{English.Vague, English.DefaultContact}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decide("geht nicht", lib, tt.opts)
			if !d.Vague {
				t.Fatalf("not vague: %s", d.Outcome)
			}
			for _, w := range tt.want {
				if !strings.Contains(d.Reply, w) {
					t.Errorf("reply %q lacks %q", d.Reply, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(d.Reply, w) {
					t.Errorf("reply %q has %q", d.Reply, w)
				}
			}
			if strings.Contains(d.Reply, "geht nicht") {
				t.Errorf("reply quotes the message: %q", d.Reply)
			}
		})
	}
}

// TestVagueTexts: the ask-back gives two or three short examples in the
// house typography.
func TestVagueTexts(t *testing.T) {
	if n := strings.Count(German.Vague, "„"); n < 2 || n > 3 || n != strings.Count(German.Vague, "“") {
		t.Errorf("German examples: %d", n)
	}
	if n := strings.Count(English.Vague, "“"); n < 2 || n > 3 || n != strings.Count(English.Vague, "”") {
		t.Errorf("English examples: %d", n)
	}
	// "Sorry, …": the interjection takes its comma (review rv7, finding 10).
	if !strings.HasPrefix(English.Vague, "Sorry, something isn't working!") {
		t.Errorf("English.Vague %q", English.Vague)
	}
}

// TestStuckIsVague: the idioms of being stuck with nothing named (Duden,
// "nicht weiterkommen", "nicht weiterwissen", "festhängen",
// "feststecken"; Cambridge Dictionary, "be stuck") are a vague complaint
// like "geht nicht": the question what exactly does not work, no guide
// picked by "kommen" or "hängen" (talk11: "ich komm nicht weiter" got a
// choice of three unrelated guides). With a thing named, or not an idiom
// of being stuck, the message is searched.
func TestStuckIsVague(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg   string
		vague bool
	}{
		{"ich komm nicht weiter", true},
		{"ich komme nicht weiter", true},
		{"Ich komme hier einfach nicht mehr weiter!", true},
		{"Hilfe, ich komme gerade nicht weiter", true},
		{"ich weiß nicht weiter", true},
		{"ich weiss nicht mehr weiter", true},
		{"ich hänge fest", true},
		{"ich stecke fest", true},
		{"I'm stuck", true},
		{"I’m stuck", true},
		{"I am stuck again", true},
		{"nein, ich komme nicht weiter", true},
		{"ich komme bei der Anmeldung nicht weiter", false},
		{"I'm stuck with the video call", false},
		{"ich weiß nicht weiter mit Nextcloud", false},
		{"ich komme weiter", false},
		{"ich weiß nicht", false},
		{"ich komme nicht mehr rein", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == None && d.Vague; got != tt.vague {
			t.Errorf("%q: %s vague=%v %v, want vague %v", tt.msg, d.Outcome, d.Vague, d.Guides(), tt.vague)
		}
	}
}
