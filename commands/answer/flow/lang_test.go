package flow

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"maunium.net/go/mautrix/id"
)

// TestFrameFollowsMessageLanguage (lang31): in a German install, a member
// who writes English got every frame around the guides in German — the
// choice, „Antworte mit der Nummer“, „Schreib mehr“, the 👍/👎 line — and
// could not use the choice. The frame follows a message clearly written
// in the other language, and a follow-up without words of a language
// („2“, a 👍) keeps the member's last clear language in that room for
// the follow-up window; another member, or the same member in German,
// gets German. In an English install a member writing German gets the
// German frame. Fails without the change: every step is in the install's
// language.
func TestFrameFollowsMessageLanguage(t *testing.T) {
	type step struct {
		sender        id.UserID
		say, react    string // react: a key on Lotse's last message
		after         time.Duration
		want, wantNot []string
	}
	for _, tt := range []struct {
		name  string
		lang  string
		steps []step
	}{
		{"German install, English member", "de", []step{
			{sender: member, say: "how do i get into the meeting", want: []string{"Did you mean", "Reply with the number"}, wantNot: []string{"Meintest", "Antworte"}},
			{sender: member, say: "7", want: []string{"Please pick a number from 1 to 3."}},
			// Another member's number refers to nothing of theirs, in German.
			{sender: other, say: "2", want: []string{"Ich weiß gerade nicht"}},
			{sender: member, say: "2", want: []string{"This guide is in German", "Did this help?"}, wantNot: []string{"Hat dir das geholfen"}},
			{sender: member, react: "👍", want: []string{"Thanks for your feedback"}},
			// The same member in German: German again.
			{sender: member, say: "ich habe mein Passwort vergessen", want: []string{"Hat dir das geholfen"}, wantNot: []string{"This guide", "Did this help"}},
			{sender: member, say: "ok", want: []string{"Alles klar"}},
		}},
		{"German install, language forgotten after the window", "de", []step{
			{sender: member, say: "how do i get into the meeting", want: []string{"Did you mean"}},
			{sender: member, say: "ok", after: 29 * time.Minute, want: []string{"All right"}},
			// The window counts from the last clear message.
			{sender: member, say: "ok", after: 2 * time.Minute, want: []string{"Alles klar"}},
		}},
		{"German install, a quoted English error stays German", "de", []step{
			{sender: member, say: "da steht „you are not allowed to do this“, wenn ich mich in der Cloud anmelde", wantNot: []string{"Did you mean", "Did this help", "Sorry"}},
		}},
		{"English install, German member", "en", []step{
			{sender: member, say: "ich habe mein Passwort vergessen", want: []string{"Hat dir das geholfen"}, wantNot: []string{"Did this help", "This guide is in"}},
			{sender: member, react: "👍", want: []string{"Danke für deine Rückmeldung"}},
			{sender: member, say: "mehr", want: []string{"der Rest der Anleitung"}},
			{sender: member, say: "thanks!", want: []string{"Gern geschehen"}},
			{sender: other, say: "thanks!", want: []string{"You're welcome"}},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.w.Lang = tt.lang
			for i, s := range tt.steps {
				f.now = f.now.Add(s.after)
				var got []string
				if s.react != "" {
					got = f.react(f.room, s.sender, f.lastMessageID(), s.react)
				} else {
					got = f.say(s.sender, s.say)
				}
				all := strings.Join(got, "\n")
				if all == "" {
					t.Fatalf("step %d %q: no reply", i, s.say+s.react)
				}
				for _, w := range s.want {
					if !strings.Contains(all, w) {
						t.Errorf("step %d %q: reply lacks %q:\n%s", i, s.say+s.react, w, all)
					}
				}
				for _, w := range s.wantNot {
					if strings.Contains(all, w) {
						t.Errorf("step %d %q: reply has %q:\n%s", i, s.say+s.react, w, all)
					}
				}
			}
		})
	}
}

// TestLangMemoryBounded: many members writing English keep at most
// maxLangMemory entries (the oldest goes); the install's language is not
// kept at all.
func TestLangMemoryBounded(t *testing.T) {
	var lm langMemory
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	key := func(i int) langKey { return langKey{room: "!r:test", user: id.UserID(fmt.Sprintf("@u%d:test", i))} }
	for i := range maxLangMemory + 100 {
		lm.note(key(i), "en", "de", now.Add(time.Duration(i)*time.Second), 24*time.Hour)
	}
	if n := lm.len(); n > maxLangMemory {
		t.Fatalf("%d entries kept, want at most %d", n, maxLangMemory)
	}
	if got := lm.get(key(maxLangMemory+99), now); got != "en" {
		t.Errorf("newest member's language %q, want en", got)
	}
	if got := lm.get(key(0), now); got != "" {
		t.Errorf("oldest member's language %q kept past the bound", got)
	}
	k := langKey{room: "!r:test", user: "@g:test"}
	lm.note(k, "de", "de", now, 24*time.Hour)
	if _, ok := lm.c.Peek(k); ok {
		t.Error("the install's language was kept")
	}
}

// TestLangMemoryDropsExpired (whole31): when the memory is full, every
// entry older than the follow-up window goes in the one pass, not only
// the oldest: no one reads them any more (get), and otherwise each new
// member after a burst pays another pass over the whole memory. Fails
// with the former eviction, which kept entries for a day; on the LRU list
// (case32) it fails without the expired entries' removal from its oldest
// end.
func TestLangMemoryDropsExpired(t *testing.T) {
	var lm langMemory
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	window := 30 * time.Minute
	key := func(i int) langKey { return langKey{room: "!r:test", user: id.UserID(fmt.Sprintf("@u%d:test", i))} }
	for i := range maxLangMemory {
		lm.note(key(i), "en", "de", now, window)
	}
	later := now.Add(window + time.Minute)
	lm.note(key(maxLangMemory), "en", "de", later, window)
	if n := lm.len(); n != 1 {
		t.Fatalf("%d entries after the window, want 1 (the new one)", n)
	}
	if got := lm.get(key(maxLangMemory), later.Add(-window)); got != "en" {
		t.Errorf("new member's language %q, want en", got)
	}
	// Within the window nothing expired: the oldest goes, one at a time.
	for i := range maxLangMemory {
		lm.note(key(i), "en", "de", later.Add(time.Duration(i+1)*time.Millisecond), window)
	}
	if n := lm.len(); n != maxLangMemory {
		t.Fatalf("%d entries, want %d", n, maxLangMemory)
	}
	if got := lm.get(key(maxLangMemory), later.Add(-window)); got != "" {
		t.Errorf("the oldest entry %q was kept past the bound", got)
	}
}
