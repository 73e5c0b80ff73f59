package answer

import "testing"

// TestNoThanksDeclines: "nein danke", "no thanks" and the like alone
// refuse politely (Duden, "danke"; Cambridge Dictionary, "no thanks"):
// they get the reply to a decline ("Alles klar!"), not the reply to thanks
// ("Gern geschehen!"), and support reads them as a decline of a pending
// offer (IsDecline) — "nope, thanks" has no word support reads as "no"
// (fix13). Thanks not after a "no" still thank, and a goodbye after the
// decline says goodbye.
func TestNoThanksDeclines(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg     string
		talk    Talk
		decline bool
	}{
		{"nein danke", TalkAck, true},
		{"nein, danke", TalkAck, true},
		{"Nein, vielen Dank!", TalkAck, true},
		{"no thanks", TalkAck, true},
		{"no, thank you", TalkAck, true},
		{"nö danke", TalkAck, true},
		{"nope, thanks", TalkAck, true},
		{"nee danke", TalkAck, true},
		{"nein danke, tschüss", TalkBye, true},
		{"nein danke, ich komme klar", TalkAck, true},
		{"danke", TalkThanks, false},
		{"ja danke", TalkThanks, false},
		{"danke, nein", TalkThanks, false},
		{"ok danke", TalkThanks, false},
		{"nein", TalkAck, false},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if d.Outcome != SmallTalk || d.Talk != tt.talk {
			t.Errorf("%q: %s %s %q, want small talk %s", tt.msg, d.Outcome, d.Talk, d.Reply, tt.talk)
		}
		if got := IsDecline(tt.msg); got != tt.decline {
			t.Errorf("IsDecline(%q) = %v, want %v", tt.msg, got, tt.decline)
		}
	}
}

// TestNoProblemAck: "kein Problem", "no worries", "np" and the like alone
// acknowledge (Duden, "kein Problem", "kein Ding"; Cambridge Dictionary,
// "no problem", "no worries"): the acknowledgement reply, not the vague
// complaint ("Schade, dass gerade etwas nicht klappt!") nor a guide for
// "problem" (fix13). They are no decline (IsDecline) but IsNoProblem:
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
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if tt.talk == "" {
			if d.Outcome == SmallTalk {
				t.Errorf("%q: small talk %s, want none", tt.msg, d.Talk)
			}
		} else if d.Outcome != SmallTalk || d.Talk != tt.talk {
			t.Errorf("%q: %s %s %q, want small talk %s", tt.msg, d.Outcome, d.Talk, d.Reply, tt.talk)
		}
		if got := IsNoProblem(tt.msg); got != (tt.talk != "") {
			t.Errorf("IsNoProblem(%q) = %v, want %v", tt.msg, got, tt.talk != "")
		}
		if IsDecline(tt.msg) {
			t.Errorf("IsDecline(%q) = true, want false", tt.msg)
		}
	}
}
