package answer

import "testing"

// TestDeclineNotVague: a decline with the words of a cry for help ("ich
// brauche keine Hilfe", "I don't need help") or none of the old formula
// ("kein Bedarf", "I got it", "ich bin ok", "I don't need it anymore")
// closes the talk with "Alles klar!", not the vague-complaint reply
// ("Schade, dass gerade etwas nicht klappt!") or "no guide" (fix12; review
// rvM, "not mended"). A real cry for help still gets the vague reply, and
// one naming a thing is searched.
func TestDeclineNotVague(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		want string // "talk", "vague" or "searched"
	}{
		{"ich brauche keine Hilfe", "talk"},
		{"ich brauche keine Hilfe mehr", "talk"},
		{"brauche keine Hilfe", "talk"},
		{"Hilfe brauche ich nicht", "talk"},
		{"I don't need help", "talk"},
		{"I don't need any help", "talk"},
		{"kein Bedarf", "talk"},
		{"I got it", "talk"},
		{"I've got this", "talk"},
		{"ich bin ok", "talk"},
		{"wir sind okay", "talk"},
		{"I don't need it anymore", "talk"},
		{"ich brauche Hilfe", "vague"},
		{"Hilfe brauche ich", "vague"},
		{"I need help", "vague"},
		{"es geht nicht mehr", "vague"},
		{"ich brauche Hilfe, nicht nötig", "searched"},
		{"bin ich ok", "searched"},
		{"kein Bedarf?", "searched"},
		{"I got it from my friend", "searched"},
		{"ich brauche keine Hilfe beim Passwort", "searched"},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		got := "searched"
		switch {
		case d.Outcome == SmallTalk:
			got = "talk"
		case d.Vague:
			got = "vague"
		}
		if got != tt.want {
			t.Errorf("%q: %s %s %q, want %s", tt.msg, d.Outcome, d.Talk, d.Reply, tt.want)
		}
		if tt.want == "talk" && d.Talk != TalkAck {
			t.Errorf("%q: talk %s, want %s", tt.msg, d.Talk, TalkAck)
		}
	}
}

// TestDeclineIDNoun: "id" is in the formula as "I'd"/"I’d" only; the noun
// ("I can manage my ID") names a thing and is searched, not closed with
// "Alles klar!" (fix12; review rvM, "not mended").
func TestDeclineIDNoun(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg       string
		smallTalk bool
	}{
		{"I can manage my ID", false},
		{"I can manage my id", false},
		{"thanks, I can manage my ID myself", false},
		{"I'd be fine", true},
		{"I’d be fine", true},
		{"thanks, I'd manage", true},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		if got := d.Outcome == SmallTalk; got != tt.smallTalk {
			t.Errorf("%q: %s %s %q, want small talk %v", tt.msg, d.Outcome, d.Talk, d.Reply, tt.smallTalk)
		}
	}
}

// TestCopeFailedVague: the coping formula denied, alone ("I can't
// manage", "I'll never manage", "ich schaff das nicht") is a complaint
// that names no thing: it gets the vague-complaint reply (what does not
// work?), not a confident guide picked by "manage" (fix12; review rvM,
// "not mended"). With a thing named or asked it is searched; the formula
// said is still a decline.
func TestCopeFailedVague(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		want string // "talk", "vague" or "searched"
	}{
		{"I can't manage", "vague"},
		{"I can’t manage", "vague"},
		{"I cannot manage", "vague"},
		{"I'll never manage", "vague"},
		{"ich schaff das nicht", "vague"},
		{"ich werde das nie schaffen", "vague"},
		{"ich krieg das nicht hin", "vague"},
		{"hallo, ich komm nicht klar", "vague"},
		{"I can't figure it out", "vague"},
		{"I can't manage my passwords", "searched"},
		{"ich komme nicht mit der Cloud klar", "searched"},
		{"schaff ich das nicht?", "searched"},
		{"schaff ich das nicht", "searched"},
		{"I can manage", "talk"},
		{"brauch ich nicht", "talk"},
	} {
		d := Decide(tt.msg, lib, Options{Cases: true})
		got := "searched"
		switch {
		case d.Outcome == SmallTalk:
			got = "talk"
		case d.Vague:
			got = "vague"
		}
		if got != tt.want {
			t.Errorf("%q: %s %v %q, want %s", tt.msg, d.Outcome, d.Guides(), d.Reply, tt.want)
		}
	}
}

// TestIsDeclineFix12: support reads the new declines as declines of a
// pending offer (IsDecline), and a complaint never.
func TestIsDeclineFix12(t *testing.T) {
	for msg, want := range map[string]bool{
		"ich brauche keine Hilfe": true,
		"I don't need help":       true,
		"kein Bedarf":             true,
		"ich bin ok":              true,
		"I got it":                true,
		"ich brauche Hilfe":       false,
		"I can't manage":          false,
		"ich schaff das nicht":    false,
		"I can manage my ID":      false,
	} {
		if got := IsDecline(msg); got != want {
			t.Errorf("IsDecline(%q) = %v, want %v", msg, got, want)
		}
	}
}
