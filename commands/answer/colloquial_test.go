// Tests of the colloquial spellings of chat messages ("ich brauch Hilfe",
// "geht nich", "nix", "roger", "ne"): they read like the standard ones.

package answer

import "testing"

// TestColloquialNeedHelp: „ich brauch Hilfe bei …“ (Duden grammar,
// e-Tilgung: the colloquial "brauch") announces its question as „ich
// brauche Hilfe bei …“ does: "Hilfe" is not searched, and Lotse's own
// guide about "!hilfe" is not offered.
func TestColloquialNeedHelp(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"ich brauch hilfe beim passwort", "brauch hilfe bei der anmeldung"} {
		d := Decide(msg, lib, Options{Cases: true})
		for _, g := range d.Guides() {
			if g == "lotse/befehle.md" || g == "lotse/lotse-fragen.md" {
				t.Errorf("%q: %s %v offers Lotse's own guides", msg, d.Outcome, d.Guides())
			}
		}
		if d.Outcome != Answer && d.Outcome != Choose {
			t.Errorf("%q: %s, want a guide", msg, d.Outcome)
		}
	}
	if d := Decide("ich brauch hilfe", lib, Options{Cases: true}); !d.Vague {
		t.Errorf("„ich brauch hilfe“: %s %v, want the vague complaint", d.Outcome, d.Guides())
	}
}

// TestColloquialChat: the colloquial spellings of chat messages read like
// the standard ones (Duden: "nich", ugs. "nicht"; "net", landsch.
// "nicht"; "nix", ugs. "nichts"; "'n", ugs. "ein"; "roger", ugs. "in
// Ordnung"; the enclitic "ichs"): a complaint with nothing named is the
// vague complaint, an acknowledgement acknowledges. A thing named is
// still searched.
func TestColloquialChat(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"geht nich", "funzt net", "geht immer noch nich", "hab n problem", "läuft nich",
		"nix geht mehr", "geht gar nix", "ich komm nich weiter"} {
		if d := Decide(msg, lib, Options{Cases: true}); !d.Vague {
			t.Errorf("%q: %s %v %q, want the vague complaint", msg, d.Outcome, d.Guides(), d.Reply)
		}
	}
	for _, msg := range []string{"alles roger", "roger", "gut, dann probier ichs mal"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != SmallTalk || d.Talk != TalkAck {
			t.Errorf("%q: %s %s %v, want an acknowledgement", msg, d.Outcome, d.Talk, d.Guides())
		}
	}
	for _, msg := range []string{"nextcloud geht nich", "ich seh nix in der konferenz", "the net doesn't work"} {
		if d := Decide(msg, lib, Options{Cases: true}); d.Vague || d.Outcome == SmallTalk {
			t.Errorf("%q: %s %s vague %v, want it searched", msg, d.Outcome, d.Talk, d.Vague)
		}
	}
}

// TestColloquialNe: „ne“ is the colloquial „nein“ alone or before a
// clause break or thanks (Duden, "ne"), and the colloquial article
// „eine“ before a word (Duden, "'ne"): „hab ne Frage“ announces a
// question like „hab eine Frage“ (the prompt), „ne danke“ declines.
func TestColloquialNe(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk
	}{
		{"ne frage", TalkPrompt},
		{"hab ne frage", TalkPrompt},
		{"ne kurze frage", TalkPrompt},
		{"hallo, hab ne frage", TalkPrompt},
		{"ne danke", TalkAck},
		{"ne", TalkAck},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
	if !isDecline("ne danke") || !isDecline("ne, danke dir") {
		t.Errorf("„ne danke“ is no decline")
	}
	// The article „ne“ before the thanks' object is no „no“: thanks.
	if isDecline("danke für ne schnelle antwort") {
		t.Errorf("„danke für ne schnelle antwort“ declines")
	}
	if d := Decide("danke für ne schnelle antwort", lib, Options{Cases: true}); d.Talk != TalkThanks {
		t.Errorf("„danke für ne schnelle antwort“: %s %s, want thanks", d.Outcome, d.Talk)
	}
	for _, msg := range []string{"ne frage wie ändere ich mein passwort", "ne kurze frage zur cloud"} {
		text := clean(msg)
		if replyLead(text, tokens(text)) > 0 {
			t.Errorf("replyLead(%q) took „ne“ for a particle", msg)
		}
	}
}
