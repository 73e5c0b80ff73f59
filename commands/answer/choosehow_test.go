package answer

import (
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestChooseHowFitsTheChoice: the line under a choice names the number
// buttons of the guides shown — one guide, one button and no "the
// number" — in the chat's reply and in the decision's text, German and
// English.
func TestChooseHowFitsTheChoice(t *testing.T) {
	lib := loadLibrary(t)
	var hits []search.Hit
	for _, g := range lib.Guides()[:3] {
		hits = append(hits, search.Hit{ID: g.ID, Title: g.Title, Score: 0.5})
	}
	tests := []struct {
		n          int
		want, not  []string
		wantEN     []string
		notEN      []string
		decideWant string
	}{
		{1, []string{"Antworte mit 1 oder tippe auf 1️⃣ –"}, []string{"2️⃣", "3️⃣", "Nummer"},
			[]string{"Reply 1 or tap 1️⃣ –"}, []string{"2️⃣", "3️⃣", "number"}, "1️⃣ –"},
		{2, []string{"mit der Nummer", "1️⃣ 2️⃣ –"}, []string{"3️⃣"},
			[]string{"with the number", "1️⃣ 2️⃣ –"}, []string{"3️⃣"}, "1️⃣ 2️⃣ –"},
		{3, []string{"mit der Nummer", "1️⃣ 2️⃣ 3️⃣ –"}, nil,
			[]string{"with the number", "1️⃣ 2️⃣ 3️⃣ –"}, nil, "1️⃣ 2️⃣ 3️⃣ –"},
	}
	for _, tt := range tests {
		for _, lang := range []struct {
			tx        *Texts
			want, not []string
		}{{&German, tt.want, tt.not}, {&English, tt.wantEN, tt.notEN}} {
			r, ids := ChoiceReply(lib, hits[:tt.n], lang.tx)
			if len(ids) != tt.n {
				t.Fatalf("%s, %d guides: offered %v", lang.tx.Lang, tt.n, ids)
			}
			for _, w := range lang.want {
				if !strings.Contains(r.Plain, w) {
					t.Errorf("%s, %d guides: reply lacks %q:\n%s", lang.tx.Lang, tt.n, w, r.Plain)
				}
			}
			for _, w := range lang.not {
				if strings.Contains(r.Plain, w) {
					t.Errorf("%s, %d guides: reply says %q:\n%s", lang.tx.Lang, tt.n, w, r.Plain)
				}
			}
			d := choiceWithin(Decision{}, hits[:tt.n], 0, lang.tx)
			if !strings.Contains(d.Reply, tt.decideWant) || (tt.n < 3 && strings.Contains(d.Reply, "3️⃣")) {
				t.Errorf("%s, %d guides: decision text:\n%s", lang.tx.Lang, tt.n, d.Reply)
			}
		}
	}
}

// TestChoiceOneText: the decision's text of a choice (Decision.Reply) is
// the chat's, for the choices of the search and the rescued ones with
// their way to a person, and the line on how to choose stands below the
// list, not inside its last item (Element would show it indented under
// the last title).
func TestChoiceOneText(t *testing.T) {
	lib := loadLibrary(t)
	// The tune half, and messages rescued as the chat's tests know them.
	msgs := []string{"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen und Besprechungen",
		"Die Ortsgruppe braucht einen Treffpunkt im Netz für ihre Sitzungen",
		"Zeitmaschine reparieren, das Codewort ist Geheim123"}
	for _, q := range loadSet(t, "tune") {
		msgs = append(msgs, q.Text)
	}
	var choices, rescued int
	for _, opts := range []Options{{Cases: true}, {Texts: &English}} {
		for _, msg := range msgs {
			d := Decide(msg, lib, opts)
			if d.Outcome != Choose {
				continue
			}
			choices++
			if d.Rescued {
				rescued++
			}
			want := Compose(d, lib, false, opts.Texts, ReplyOptions{})
			if plain, htmlBody := render(d.Reply); plain != want.Plain || htmlBody != want.HTML {
				t.Errorf("%q: decision text\n%s\nchat\n%s", msg, plain, want.Plain)
			}
			if _, after, _ := strings.Cut(want.HTML, "</ol>"); !strings.Contains(after, "1️⃣") {
				t.Errorf("%q: the how-to line is inside the list:\n%s", msg, want.HTML)
			}
		}
	}
	if choices == 0 || rescued == 0 {
		t.Fatalf("%d choices, %d rescued: pick messages that show both", choices, rescued)
	}
}
