package answer

import "testing"

// TestSeeEndsClause: "I see" acknowledges only where it ends its clause —
// the whole message, or a clause break after "see" (Cambridge Dictionary,
// "I see": used to show that you understand). "See" with an object in
// the same clause is the verb of sight: "I see you" is no
// acknowledgement (review rvP11, finding 10: it got „Alles klar!“).
func TestSeeEndsClause(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"I see you", ""},
		{"I see you there", ""},
		{"oh i see you", ""},
		{"ah I see you", ""},
		{"I see", TalkAck},
		{"I see.", TalkAck},
		{"ah, I see!", TalkAck},
		{"oh I see", TalkAck},
		{"ok I see, thanks", TalkThanks},
		{"I see, thank you", TalkThanks},
		{"I see - bye", TalkBye},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}

// TestAskedPhraseIsNoAck: „kein Problem?“, "no problem?", "makes sense?"
// ask whether something is all right (review rvP11, finding 10): a
// message ending in „?“ is no acknowledgement phrase. It names no topic:
// the member is asked what it is about (the prompt), as for a bare "?".
// Without the „?“ they acknowledge, typed with or without umlaut.
func TestAskedPhraseIsNoAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk
	}{
		{"kein problem?", TalkPrompt},
		{"Kein Problem?", TalkPrompt},
		{"no problem?", TalkPrompt},
		{"no worries?", TalkPrompt},
		{"wirklich kein Problem?", TalkPrompt},
		{"kein problem? 🙂", TalkPrompt},
		{"ueberhaupt kein problem?", TalkPrompt},
		{"makes sense?", TalkPrompt},
		{"macht Sinn?", TalkPrompt},
		{"I see?", TalkPrompt},
		{"kein problem", TalkAck},
		{"no problem!", TalkAck},
		{"überhaupt kein problem", TalkAck},
		{"ueberhaupt kein problem", TalkAck},
		{"makes sense", TalkAck},
		{"kein problem, danke!", TalkThanks},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}

// TestNahNoParticle: „nah“ is the English response word only before a
// clause break or alone; before a word it is the German adjective
// (Duden, "nah": „nah an der Tür“, „nah dran“), no particle that opens
// a reply (chat.NoAlone).
func TestNahNoParticle(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		lead bool
	}{
		{"nah an der Tür ist der Drucker, wie teile ich ihn", false},
		{"nah dran, aber die anmeldung klappt nicht", false},
		{"nah, ich brauche hilfe bei der anmeldung", true},
		{"nah. how do I share my screen", true},
		{"no, I need help with my password", true},
		{"nein ich brauche hilfe bei der anmeldung", true},
	} {
		text := clean(tt.msg)
		if got := replyLead(text, tokens(text)) > 0; got != tt.lead {
			t.Errorf("replyLead(%q) > 0 = %v, want %v", tt.msg, got, tt.lead)
		}
	}
}

// TestIndefiniteWho: the colloquial indefinite "wer", "wen", "wem" (Duden,
// "wer", ugs. "jemand": „ist da wer?“, „ich brauch wen“) after the
// finite verb, the member's dative or an adverb asks for someone, as
// "jemand" does; the interrogative — opening its clause, after a
// preposition or a verb of knowing or seeing — keeps its reading.
func TestIndefiniteWho(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg   string
		human bool
	}{
		{"ich brauch wen", true},
		{"ist da wer?", true},
		{"ist heute wer vom support da", true},
		{"kann mir mal wer helfen", true},
		{"hat wer zeit für mich", true},
		{"wer ist denn heute vom support da, ich brauch wen", true},
		{"ich brauch jemanden", true},
		{"kann ich sehen wer online ist", false},
		{"kann man nachsehen, wer den raum gebucht hat", false},
		{"wie sehe ich, wer meine datei geöffnet hat", false},
		{"mit wem kann ich meinen kalender teilen", false},
		{"wer darf meine dateien sehen", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == Human; got != tt.human {
			t.Errorf("%q: %s %v, want human %v", tt.msg, d.Outcome, d.Guides(), tt.human)
		}
	}
	ws := []string{"ich", "brauch", "wen"}
	if got := indefiniteWho(ws, nil); got[2] != "jemanden" || ws[2] != "wen" {
		t.Errorf("indefiniteWho(%v) = %v (input now %v)", []string{"ich", "brauch", "wen"}, got, ws)
	}
}

// TestWritesToMe: a person by name asked to write to the member („kann
// mir ein Admin schreiben“, "can an admin write me"; Duden, "jemandem
// schreiben") is a request for a person; the member's own writing, a
// class of people, a bare "someone" (a chat is writing with Lotse), a
// negation and a question beside it are not.
func TestWritesToMe(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg   string
		human bool
	}{
		{"kann ein admin mir direkt schreiben", true},
		{"kann mir ein admin schreiben", true},
		{"kann mir jemand vom support schreiben", true},
		{"könnte mich bitte jemand aus dem digitalteam anschreiben", true},
		{"can an admin write me", true},
		{"could someone from support message me", true},
		{"kann ich dem admin schreiben", false},
		{"können mir fremde schreiben?", false},
		{"können mir leute von außerhalb schreiben", false},
		{"kann mir jemand schreiben", false},
		{"kann mir der admin nicht schreiben?", false},
		{"kann ich mir das aufschreiben", false},
		{"wie kann ich im raum eine nachricht schreiben", false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == Human; got != tt.human {
			t.Errorf("%q: %s %v, want human %v", tt.msg, d.Outcome, d.Guides(), tt.human)
		}
	}
}

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
	if !IsDecline("ne danke") || !IsDecline("ne, danke dir") {
		t.Errorf("„ne danke“ is no decline")
	}
	// The article „ne“ before the thanks' object is no „no“: thanks.
	if IsDecline("danke für ne schnelle antwort") {
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

// TestChatClosings: the everyday ways of closing a chat read as such —
// "good" greets only in a greeting formula with a time of day ("all
// good", "good to know" got „Hallo! Ich bin Lotse …“), "good night"
// takes leave, "sounds good", "looks good", "very good" approve (Cambridge
// Dictionary), "solved it", „gelöst“ report the trouble solved, "nvm",
// "forget it", „vergiss es“ wave the matter off (a decline). A message
// that names a thing or asks is still no small talk.
func TestChatClosings(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"all good", TalkAck},
		{"all good now", TalkAck},
		{"good to know", TalkAck},
		{"sounds good", TalkAck},
		{"looks good", TalkAck},
		{"very good", TalkAck},
		{"solved it", TalkAck},
		{"fixed it", TalkAck},
		{"good morning", TalkHello},
		{"guten tag", TalkHello},
		{"hallo, guten abend", TalkHello},
		{"morgen!", TalkHello},
		{"good night", TalkBye},
		{"gute nacht", TalkBye},
		{"good, thanks", TalkThanks},
		{"nvm", TalkAck},
		{"forget it", TalkAck},
		{"vergiss es", TalkAck},
		{"sounds like an echo in the meeting", ""},
		{"ist das gelöst?", ""},
		{"das problem ist nicht gelöst", ""},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
	for _, msg := range []string{"nvm", "forget it", "vergiss es", "never mind"} {
		if !IsDecline(msg) {
			t.Errorf("IsDecline(%q) = false", msg)
		}
	}
}
