// Tests of acknowledgements and closings in small talk: having understood
// ("verstehe", "I see" where it ends its clause), "kein Problem" and "no
// worries" (IsNoProblem) and the same asked, an answer "no" beside them,
// and the everyday ways of closing a chat.

package answer

import "testing"

// TestUnderstandingAck: the member says they understood — the first-person
// and participle forms of the verbs of understanding (Duden, "verstehen",
// "kapieren", "checken"; Cambridge Dictionary, "understood", "I see",
// "makes sense") — alone or with small talk around: an acknowledgement,
// or the thanks or goodbye around it (talk11: "ah ok, verstehe" got a
// choice of Lotse's command guide, "I see" a "no guide" quoting „I“).
// Negated, asked or with a thing named they are no acknowledgement.
func TestUnderstandingAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"ah ok, verstehe", TalkAck},
		{"verstehe", TalkAck},
		{"Versteh ich.", TalkAck},
		{"ich verstehe", TalkAck},
		{"kapiert", TalkAck},
		{"kapier ich", TalkAck},
		{"ok, hab's kapiert", TalkAck},
		{"check ich", TalkAck},
		{"gecheckt, danke!", TalkThanks},
		{"verstehe, danke!", TalkThanks},
		{"I see", TalkAck},
		{"ah, I see", TalkAck},
		{"ok I see, thanks", TalkThanks},
		{"I see, bye", TalkBye},
		{"makes sense", TalkAck},
		{"that makes sense, thank you", TalkThanks},
		{"understood", TalkAck},
		{"ok, understood", TalkAck},
		{"I understand", TalkAck},
		{"macht Sinn", TalkAck},
		{"ich verstehe das nicht", ""},
		{"verstehe ich das richtig?", ""},
		{"kapiere ich nicht", ""},
		{"I don't understand", ""},
		{"I see no button", ""},
		{"makes no sense", TalkCriticism},
		{"macht keinen Sinn", TalkCriticism},
		{"check mal meine Einstellungen", ""},
		{"ich check das nicht mit dem Kalender", ""},
		{"see you", TalkBye},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
	}
}

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

// TestNoProblemAck: "kein Problem", "no worries", "np" and the like alone
// acknowledge (Duden, "kein Problem", "kein Ding"; Cambridge Dictionary,
// "no problem", "no worries"): the acknowledgement reply, not the vague
// complaint ("Schade, dass gerade etwas nicht klappt!") nor a guide for
// "problem" (fix13). They are no decline (isDecline) but IsNoProblem:
// support leaves a pending offer open. The same words naming a thing, or
// a problem, are no acknowledgement.
func TestNoProblemAck(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = no small talk
	}{
		{"kein Problem", TalkAck},
		{"Kein Problem!", TalkAck},
		{"gar kein Problem", TalkAck},
		{"no problem", TalkAck},
		{"kein Ding", TalkAck},
		{"keine Ursache", TalkAck},
		{"np", TalkAck},
		{"no worries", TalkAck},
		{"ok, kein Problem", TalkAck},
		{"kein Problem, danke!", TalkThanks},
		{"no worries, bye", TalkBye},
		{"kein Problem mit der Cloud", ""},
		{"Problem", ""},
		{"ich habe ein Problem", ""},
		{"no problem with the login?", ""},
		// Typed without umlaut, as the words are read (review rvP11,
		// finding 10).
		{"ueberhaupt kein Problem", TalkAck},
		{"Ueberhaupt kein Problem, danke", TalkThanks},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if got := IsNoProblem(tt.msg); got != (tt.talk != "") {
			t.Errorf("IsNoProblem(%q) = %v, want %v", tt.msg, got, tt.talk != "")
		}
		if isDecline(tt.msg) {
			t.Errorf("isDecline(%q) = true, want false", tt.msg)
		}
	}
}

// TestNoBeforeNoProblem: an answer "no" beside "no problem" ("nein, kein
// Problem", "nein danke, kein Problem", "no thanks, no worries") is the
// "nein" to a yes/no question, no "no problem" alone (review rvP11,
// finding 2): IsNoProblem is false, so support declines a pending offer;
// with nothing pending it stays small talk.
func TestNoBeforeNoProblem(t *testing.T) {
	lib := loadLibrary(t)
	for _, msg := range []string{"nein, kein Problem", "nein danke, kein Problem", "no thanks, no worries", "nope, no problem",
		"nee, kein Ding"} {
		if IsNoProblem(msg) {
			t.Errorf("IsNoProblem(%q) = true, want false", msg)
		}
		if IsHelpRequest(msg) {
			t.Errorf("IsHelpRequest(%q) = true, want false", msg)
		}
		if d := Decide(msg, lib, Options{Cases: true}); d.Outcome != SmallTalk {
			t.Errorf("%q: %s %q, want small talk", msg, d.Outcome, d.Reply)
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
		if !isDecline(msg) {
			t.Errorf("isDecline(%q) = false", msg)
		}
	}
}
