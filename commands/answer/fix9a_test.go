package answer

import (
	"strings"
	"testing"
)

// TestPraiseOfWhatLotseIs: praise of Lotse as a kind of thing, with the
// adjective declined before the noun ("du bist ein guter Bot", "du bist
// eine tolle KI", "du bist echt ein super Bot", "you're a good bot") is
// praise: the thanks, not a case offer quoting it, nor the honest "I am a
// bot" with its offer (review rv8, finding 4). The declined adjective is
// read only in the frame "du bist ein ADJ NOUN": "schönes Wochenende
// dir!" stays a goodbye; a question or a negation makes no frame.
func TestPraiseOfWhatLotseIs(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		tx   *Texts
		msg  string
		want Talk // the kind of small talk; "" = no small talk
	}{
		{&German, "du bist ein guter Bot", TalkPraise},
		{&German, "du bist ein toller Bot", TalkPraise},
		{&German, "du bist echt ein super Bot", TalkPraise},
		{&German, "du bist ein netter Bot", TalkPraise},
		{&German, "Du bist ein echt guter Bot!", TalkPraise},
		{&German, "du bist eine tolle KI", TalkPraise},
		{&German, "du bist eine liebe KI", TalkPraise},
		{&German, "du bist der beste Bot", TalkPraise},
		{&German, "du bist ein toller Assistent", TalkPraise},
		{&German, "danke, du bist ein guter Bot", TalkPraise},
		{&English, "you're a good bot", TalkPraise},
		{&English, "you are such a great bot", TalkPraise},
		{&English, "you're the best assistant", TalkPraise},
		// Guards: the goodbye, a question about what Lotse is,
		// criticism, and the nature question beside the praise.
		{&German, "schönes Wochenende dir!", TalkBye},
		{&German, "bist du ein guter Bot?", TalkBot},
		{&German, "du bist ein schlechter Bot", TalkCriticism},
		{&German, "du bist ein guter Bot, bist du ein Mensch?", TalkBot},
	} {
		for _, cases := range []bool{true, false} {
			d := Decide(tt.msg, lib, Options{Texts: tt.tx, Cases: cases})
			if d.Outcome != SmallTalk || d.Talk != tt.want {
				t.Errorf("%q (cases %v): %s %q, want small talk %q", tt.msg, cases, d.Outcome, d.Talk, tt.want)
			}
			if tt.want == TalkPraise && (d.CaseLead != "" || d.Reply != tt.tx.Praise) {
				t.Errorf("%q (cases %v): %q (lead %q), want the thanks for praise", tt.msg, cases, d.Reply, d.CaseLead)
			}
		}
	}
}

// TestHateAfterNature: hating said to the bot beside a question about
// what it is ("bist du ein Mensch? Ich hasse dich") is criticism: the
// apology, not the case offer that would quote the insult to the team
// (review rv8, finding 5; botReply: "not for criticism"). Hating in an
// apology for bothering and a negated hating stay what they were.
func TestHateAfterNature(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		tx   *Texts
		msg  string
		want Talk
	}{
		{&German, "bist du ein Mensch? Ich hasse dich", TalkCriticism},
		{&German, "ich hasse dich, bist du ein Mensch?", TalkCriticism},
		{&English, "are you human? I hate you", TalkCriticism},
		{&German, "bist du ein Mensch? du bist doof", TalkCriticism},
		{&English, "I hate to bother you, are you a human?", TalkBot},
		{&German, "bist du ein Mensch?", TalkBot},
	} {
		d := Decide(tt.msg, lib, Options{Texts: tt.tx, Cases: true})
		if d.Outcome != SmallTalk || d.Talk != tt.want {
			t.Errorf("%q: %s %q, want small talk %q", tt.msg, d.Outcome, d.Talk, tt.want)
		}
		if tt.want == TalkCriticism && (d.CaseLead != "" || !strings.HasPrefix(d.Reply, tt.tx.Criticism)) {
			t.Errorf("%q: %q (lead %q), want the apology", tt.msg, d.Reply, d.CaseLead)
		}
	}
}

// TestAsksQuestion: a question of its own after the answer to a yes/no
// question (review rv8, finding 13).
func TestAsksQuestion(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want bool
	}{
		{"nein, wie ändere ich mein Passwort?", true},
		{"nein, wie ändere ich mein Passwort", true},
		{"nein danke, aber wo finde ich die Satzung", true},
		{"nein, kann ich mein Passwort selbst ändern?", true},
		{"no, how do I share my screen", true},
		{"nein, ist schon gut", false},
		{"nein danke, ich komme klar", false},
		{"nein, lieber nicht", false},
		{"nein", false},
		{"nein, ob das geht, weiß ich nicht", false},
	} {
		if got := AsksQuestion(tt.msg); got != tt.want {
			t.Errorf("AsksQuestion(%q) = %v, want %v", tt.msg, got, tt.want)
		}
	}
}
