// Tests of declines (declineOnly, copeFailed, DeclineOf): a decline or
// "I'll manage" said on its own closes the talk ("Alles klar!"), also
// "nein danke" and "ich brauche keine Hilfe"; the same words asked,
// inverted as a question, or naming a thing are searched; the coping
// formula denied ("I can't manage") is a vague complaint; and support
// reads the declines as declines of a pending offer.

package answer

import "testing"

// isDecline is what support reads of a message alone (commands/handler.go,
// readTalk): DeclineOf with the message's own small-talk reading.
func isDecline(message string) bool {
	_, small := SmallTalkOf(message)
	return DeclineOf(message, small)
}

// TestDeclineClosing: a decline or "I'll manage" sent on its own ("nein
// danke, ich komme klar", "no, I'll manage") is a closing (declineOnly):
// the short acknowledgement, not a guide ("manage" meets "verwalten") and
// not "no guide fits". What names a thing, asks, or complains is no
// decline and is searched.
func TestDeclineClosing(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg  string
		talk Talk // "" = not small talk
	}{
		{"no, I'll manage", TalkAck},
		{"no thanks, I'll manage on my own", TalkAck},
		{"nein danke, ich komme klar", TalkAck},
		{"no thanks, I'm fine", TalkAck},
		{"No thanks, I’m fine", TalkAck},
		{"passt schon, danke", TalkThanks},
		{"danke, ich schaffe das schon", TalkAck},
		{"ich krieg das schon hin, danke", TalkAck},
		{"ok, mach ich selbst", TalkAck},
		{"nein, ich komme allein zurecht", TalkAck},
		{"nicht nötig, danke", TalkAck},
		{"brauch ich nicht mehr", TalkAck},
		{"hat sich erledigt", TalkAck},
		{"no need, thanks", TalkAck},
		{"never mind", TalkAck},
		{"I'll figure it out myself", TalkAck},
		{"don't need it, thanks", TalkAck},
		{"ich komme klar, tschüss", TalkBye},
		// Not a decline: a thing, a question, a complaint, a need.
		{"nein danke, aber wie ändere ich mein Passwort?", ""},
		{"I'm fine, but how do I change my password?", ""},
		{"I'll manage my passwords", ""},
		{"ich komme nicht klar", ""},
		{"ich komme mit der Cloud nicht klar", ""},
		{"I can't manage", ""},
		{"I'll never manage", ""},
		{"manage", ""},
		{"no, I need help", ""},
		{"kann ich das selbst machen", ""},
		{"wie schaffe ich das", ""},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if tt.talk == "" {
			continue
		}
	}
}

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
		checkSmallTalkOrNot(t, lib, tt.msg, tt.smallTalk)
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

// TestDeclineOfOffer: support reads these declines as declines of a
// pending offer (isDecline), and a complaint never.
func TestDeclineOfOffer(t *testing.T) {
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
		if got := isDecline(msg); got != want {
			t.Errorf("isDecline(%q) = %v, want %v", msg, got, want)
		}
	}
}

// TestDeclineAsked: the words of a decline asked as a question ("ist das
// schon erledigt?", "I can do it myself?") are no closing: they are
// searched or answered like any question, never "Alles klar!" (review
// rvM: declineOnly took them for a decline). The same words said are
// still one.
func TestDeclineAsked(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg       string
		smallTalk bool
	}{
		{"ist das schon erledigt?", false},
		{"ist das nicht nötig?", false},
		{"I can do it myself?", false},
		{"kommen wir klar?", false},
		{"nicht nötig?", false},
		{"I'm fine?", false},
		{"das ist schon erledigt", true},
		{"nicht nötig", true},
		{"I can do it myself", true},
		{"I'm fine", true},
	} {
		checkSmallTalkOrNot(t, lib, tt.msg, tt.smallTalk)
	}
}

// TestDeclineInverted: the words of a decline asked by their order alone,
// as chat often does without a question mark ("can I do it myself",
// "schaffe ich das", "hat sich das erledigt"), are no closing either
// (review rvM); the declaratives that put the verb first and drop the
// object ("mach ich selbst", "krieg ich hin", "brauch ich nicht", "hat
// sich erledigt") still are.
func TestDeclineInverted(t *testing.T) {
	lib := loadLibrary(t)
	for _, tt := range []struct {
		msg       string
		smallTalk bool
	}{
		{"can I do it myself", false},
		{"will I manage", false},
		{"am I fine", false},
		{"schaffe ich das", false},
		{"krieg ich das hin", false},
		{"mach ich das selbst", false},
		{"hat sich das erledigt", false},
		{"ist das erledigt", false},
		{"werde ich das schaffen", false},
		{"nein danke, mach ich selbst", true},
		{"danke, schaff ich schon", true},
		{"krieg ich hin", true},
		{"brauch ich nicht", true},
		{"hat sich erledigt", true},
		{"das schaffe ich", true},
		{"I can do it myself", true},
		{"no thanks, I'll manage", true},
		{"ok, das mach ich selbst", true},
	} {
		checkSmallTalkOrNot(t, lib, tt.msg, tt.smallTalk)
	}
}

// TestNoThanksDeclines: "nein danke", "no thanks" and the like alone
// refuse politely (Duden, "danke"; Cambridge Dictionary, "no thanks"):
// they get the reply to a decline ("Alles klar!"), not the reply to thanks
// ("Gern geschehen!"), and support reads them as a decline of a pending
// offer (isDecline) — "nope, thanks" has no word support reads as "no"
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
		// The thanks formula's adverbs and thanks for help received
		// (review rvP11, finding 11).
		{"nein, danke schön", TalkAck, true},
		{"nein, danke dir trotzdem", TalkAck, true},
		{"nein danke vielmals", TalkAck, true},
		{"danke schön", TalkThanks, false},
		{"danke vielmals!", TalkThanks, false},
		{"nein danke, hat geklappt", TalkThanks, false},
		{"nein, vielen Dank, es hat funktioniert", TalkThanks, false},
	} {
		checkTalk(t, lib, tt.msg, tt.talk)
		if got := isDecline(tt.msg); got != tt.decline {
			t.Errorf("isDecline(%q) = %v, want %v", tt.msg, got, tt.decline)
		}
	}
}

// checkSmallTalkOrNot checks that msg is small talk of some kind when
// want, and no small talk otherwise (the decline tables: which words close
// a conversation, whatever the reply; checkTalk checks the kind too).
func checkSmallTalkOrNot(t *testing.T, lib Library, msg string, want bool) {
	t.Helper()
	d := Decide(msg, lib, Options{Cases: true})
	if got := d.Outcome == SmallTalk; got != want {
		t.Errorf("%q: %s %s %q, want small talk %v", msg, d.Outcome, d.Talk, d.Reply, want)
	}
}
