package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

func TestClearTopic(t *testing.T) {
	// The mechanism at fixed bars (0.8 and 0.6, the calibration's values
	// today), pinned so that a recalibration does not change what the
	// table checks.
	old := calib
	defer func() { calib = old }()
	calib.minTopic, calib.minTopicLead = 0.8, 0.6
	h := func(strong ...float64) []search.Hit {
		var hs []search.Hit
		for _, s := range strong {
			hs = append(hs, search.Hit{Strong: s})
		}
		return hs
	}
	for _, c := range []struct {
		name string
		hits []search.Hit
		want bool
	}{
		{"no hits", nil, false},
		{"single guide about the question", h(0.9), true},
		{"single guide, topic too weak", h(0.7), false},
		{"clearly ahead of the runner-up", h(1, 0.3), true},
		{"runner-up about it too", h(1, 0.5), false},
		{"first not about it", h(0.5, 0), false},
	} {
		if got := clearTopic(c.hits); got != c.want {
			t.Errorf("%s: clearTopic = %v, want %v", c.name, got, c.want)
		}
	}
}

// fixedLib answers every search with the same result.
type fixedLib search.Result

func (f fixedLib) SearchFor(string, int, bool) search.Result { return search.Result(f) }

// TestOffTopicSignal: a message naming a subject outside the library (an
// off-topic signal the first guide does not name) gets no "Meintest du"
// when the first guide explains little of it by its topic, and a clear
// answer becomes a choice; a guide firmly about the rest of the message
// keeps its answer or choice.
func TestOffTopicSignal(t *testing.T) {
	hits := func(strong float64) []search.Hit {
		return []search.Hit{{ID: "a.md", Score: 0.4, Strong: strong}, {ID: "b.md", Score: 0.35}}
	}
	for _, c := range []struct {
		name string
		res  search.Result
		want Outcome
	}{
		{"close guides, no signal", search.Result{Close: true, Hits: hits(0.1)}, Choose},
		{"close guides, signal", search.Result{Close: true, Hits: hits(0.1), OffTopic: []string{"drucker"}}, None},
		{"close guides, signal, guide firmly about the rest", search.Result{Close: true, Hits: hits(0.6), OffTopic: []string{"laptop"}}, Choose},
		{"clear answer, signal: a choice", search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.8, Strong: 0.2}, {ID: "b.md", Score: 0.2}},
			OffTopic: []string{"flyer"}}, Choose},
		{"clear answer, signal, guide firmly about the rest", search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.8, Strong: 0.7}, {ID: "b.md", Score: 0.2}},
			OffTopic: []string{"laptop"}}, Answer},
		{"clear answer, signal, guide half about the rest: a choice", search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.8, Strong: 0.5}, {ID: "b.md", Score: 0.2}},
			OffTopic: []string{"laptop"}}, Choose},
	} {
		d := Decide("eine Frage zu etwas", fixedLib(c.res), Options{})
		if d.Outcome != c.want {
			t.Errorf("%s: outcome %s, want %s", c.name, d.Outcome, c.want)
		}
	}
}

// TestClearTopicNeedsScoreLead: a guide clearly about the question by its
// topic is answered when the scores are closer than minLead, but not in a
// near tie.
// TestClearTopicOfOneWord: an answer on a clear topic short of minLead
// whose score one word carries is a choice; with the lead it stays an
// answer, and a topic met in several words stays an answer too.
func TestClearTopicOfOneWord(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.answerOneWord, calib.minLead = 0.95, 0.30
	for _, c := range []struct {
		name        string
		second, one float64
		want        Outcome
	}{
		{"one word, scores closer than minLead", 0.65, 1, Choose},
		{"one word, clear lead", 0.5, 1, Answer},
		{"several words, scores closer than minLead", 0.65, 0.5, Answer},
	} {
		res := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1, OneWord: c.one}, {ID: "b.md", Score: c.second}}}
		if d := Decide("eine Frage zu etwas", fixedLib(res), Options{}); d.Outcome != c.want {
			t.Errorf("%s: outcome %s, want %s", c.name, d.Outcome, c.want)
		}
	}
}

func TestClearTopicNeedsScoreLead(t *testing.T) {
	for _, c := range []struct {
		name   string
		second float64 // the runner-up's score; the first scores 0.9
		want   Outcome
	}{
		{"clear lead", 0.5, Answer},
		{"clear topic, scores closer than minLead", 0.72, Answer},
		{"clear topic, near tie", 0.8, Choose},
	} {
		res := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: c.second, Strong: 0}}}
		if d := Decide("eine Frage zu etwas", fixedLib(res), Options{}); d.Outcome != c.want {
			t.Errorf("%s: outcome %s, want %s", c.name, d.Outcome, c.want)
		}
	}
}

// TestAsksDate: a question for the date of the next event gets no guide
// unless the search answers it, and then only as a choice.
func TestAsksDate(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want bool
	}{
		{"Wann ist der nächste Parteitag?", true},
		{"wann ist die naechste Mitgliederversammlung", true},
		{"when is the next meeting", true},
		{"wann wird mein Konto freigeschaltet", false},
		{"nächste Woche habe ich eine Sitzung, wie teile ich den Bildschirm", false},
	} {
		if got := asksDate(tokens(c.msg)); got != c.want {
			t.Errorf("%q: asksDate %v, want %v", c.msg, got, c.want)
		}
	}
	close := search.Result{Close: true, Hits: []search.Hit{{ID: "a.md", Score: 0.4, Strong: 0.5}, {ID: "b.md", Score: 0.35}}}
	if d := Decide("Wann ist die nächste Sitzung im Bezirk?", fixedLib(close), Options{}); d.Outcome != None {
		t.Errorf("date question, close guides: %s, want none", d.Outcome)
	}
	clear := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: 0.2}}}
	if d := Decide("Wann ist die nächste Sitzung im Bezirk?", fixedLib(clear), Options{}); d.Outcome != Choose {
		t.Errorf("date question, clear guide: %s, want choose", d.Outcome)
	}
}

func TestLeansOnOneWord(t *testing.T) {
	// The mechanism at fixed bars (the calibration's values today), pinned
	// so that a recalibration does not change what the table checks.
	old := calib
	defer func() { calib = old }()
	calib.oneWordScore, calib.oneWordShare, calib.oneWordDF, calib.oneWordStrong = 0.55, 0.6, 0.25, 0.5
	for _, tc := range []struct {
		name string
		h    search.Hit
		want bool
	}{
		{"one common word carries a weak match", search.Hit{Score: 0.3, OneWord: 0.9, OneWordDF: 0.4}, true},
		{"at the bars", search.Hit{Score: 0.549, OneWord: 0.6, OneWordDF: 0.25}, true},
		{"strong enough match", search.Hit{Score: 0.55, OneWord: 0.9, OneWordDF: 0.4}, false},
		{"several words carry it", search.Hit{Score: 0.3, OneWord: 0.5, OneWordDF: 0.4}, false},
		{"a rare word carries it", search.Hit{Score: 0.3, OneWord: 1, OneWordDF: 0.05}, false},
		{"the guide's topic firmly explains it", search.Hit{Score: 0.5, OneWord: 0.67, OneWordDF: 0.26, Strong: 0.5}, false},
		{"the guide's topic explains less", search.Hit{Score: 0.5, OneWord: 0.67, OneWordDF: 0.26, Strong: 0.49}, true},
	} {
		if got := leansOnOneWord(tc.h); got != tc.want {
			t.Errorf("%s: leansOnOneWord(%+v) = %v, want %v", tc.name, tc.h, got, tc.want)
		}
	}
}

// TestOneWordDecision checks the search's figures behind leansOnOneWord on
// the shipped library: a message that shares only a generic word with the
// guides gets no choice; a guide question keeps its guides.
func TestOneWordDecision(t *testing.T) {
	lib := loadLibrary(t)
	for _, tc := range []struct {
		q    string
		want Outcome
	}{
		{"outlook zeigt meine mails nicht mehr an", None},
		{"Ich möchte meine Adresse für die Mitgliederverwaltung ändern", None},
		{"lohnt sich ein passwortmanager? welchen soll ich nehmen", Choose},
	} {
		if d := Decide(tc.q, lib, Options{Cases: true}); d.Outcome != tc.want {
			t.Errorf("%q: %s %v, want %s", tc.q, d.Outcome, d.Guides(), tc.want)
		}
	}
}

func TestOffTopicOnOneWord(t *testing.T) {
	// The table checks the mechanism at a fixed bar (the calibration's
	// value today), pinned so that a recalibration does not change it;
	// the messages after it run with the calibration as shipped.
	old := calib
	defer func() { calib = old }()
	calib.offTopicOneWord, calib.deviceOneWord = 0.5, 0.75
	hits := func(one float64) []search.Hit { return []search.Hit{{Score: 0.6, OneWord: one}} }
	for _, tc := range []struct {
		name string
		res  search.Result
		want bool
	}{
		{"off-topic subject, one word carries the guide", search.Result{OffTopic: []string{"whatsapp"}, Hits: hits(0.7)}, true},
		{"at the bar", search.Result{OffTopic: []string{"plakate"}, Hits: hits(0.5)}, true},
		{"several words carry the guide", search.Result{OffTopic: []string{"whatsapp"}, Hits: hits(0.35)}, false},
		{"a device is a setting, not a subject", search.Result{OffTopic: []string{"laptop"}, Hits: hits(0.7)}, false},
		{"a device, one word carries nearly all", search.Result{OffTopic: []string{"drucker"}, Hits: hits(0.75)}, true},
		{"a device and a subject", search.Result{OffTopic: []string{"laptop", "whatsapp"}, Hits: hits(0.9)}, true},
		{"no off-topic subject", search.Result{Hits: hits(1)}, false},
		{"no hits", search.Result{OffTopic: []string{"whatsapp"}}, false},
	} {
		if got := offTopicOnOneWord(tc.res); got != tc.want {
			t.Errorf("%s: offTopicOnOneWord = %v, want %v", tc.name, got, tc.want)
		}
	}
	calib = old
	lib := loadLibrary(t)
	for _, tc := range []struct {
		q    string
		want bool // a guide offered
	}{
		{"wie richte ich whatsapp auf meinem neuen handy ein", false},
		{"kann ich die cloud auf meinem laptop nutzen", true},
		{"auf dem neuen laptop kann ich im chat meine alten nachrichten nicht lesen", true},
		// Written for this test, not from a question set: a device's
		// own trouble, met in one word by a guide about something else.
		{"mein Drucker ist offline", false},
		{"mein Laptop ist kaputt", false},
		{"auf dem Laptop geht das Mikrofon nicht", true},
	} {
		d := Decide(tc.q, lib, Options{Cases: true})
		if got := d.Outcome == Answer || d.Outcome == Choose; got != tc.want {
			t.Errorf("%q: %s %v, want a guide offered: %v", tc.q, d.Outcome, d.Guides(), tc.want)
		}
	}
}

// TestOffTopicAsSetting: a message naming a device whose first guide
// meets it in several words and whose best guides agree on a topic keeps
// its choice although the guide firmly explains little of it by its topic
// (the device is the setting); met in one word, with guides of scattered
// topics, or naming party work or other software, the off-topic gate
// still says no guide.
func TestOffTopicAsSetting(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.offTopicOneWord, calib.offTopicStrong = 0.5, 0.4
	res := func(one float64, ids []string, off ...string) search.Result {
		r := search.Result{Close: true, OffTopic: off}
		for i, id := range ids {
			r.Hits = append(r.Hits, search.Hit{ID: id, Score: 0.4 - 0.02*float64(i)})
		}
		r.Hits[0].Strong, r.Hits[0].OneWord = 0.2, one
		return r
	}
	oneTopic := []string{"cloud/a.md", "chat/b.md", "cloud/c.md"}
	scattered := []string{"cloud/a.md", "chat/b.md", "video/c.md", "cloud/d.md"}
	for _, c := range []struct {
		name string
		res  search.Result
		want Outcome
	}{
		{"a device as the setting: several words, one topic", res(0.35, oneTopic, "laptop"), Choose},
		{"a device, one word carries the guide", res(0.5, oneTopic, "laptop"), None},
		{"a device, guides of scattered topics", res(0.35, scattered, "drucker"), None},
		{"a library without folders", res(0.35, []string{"a.md", "b.md"}, "laptop"), None},
		{"party work", res(0.35, oneTopic, "infostand"), None},
		{"a device and party work", res(0.35, oneTopic, "laptop", "flyer"), None},
		{"no signal", res(0.35, scattered), Choose},
	} {
		if d := Decide("eine Frage zu etwas", fixedLib(c.res), Options{}); d.Outcome != c.want {
			t.Errorf("%s: outcome %s, want %s", c.name, d.Outcome, c.want)
		}
	}
	calib = old
	lib := loadLibrary(t)
	for _, tc := range []struct {
		q    string
		want Outcome
	}{
		// Written for this test from the library's topics, not from a
		// question set.
		{"ich habe einen neuen Laptop, wie richte ich die Nextcloud darauf ein", Choose},
		{"der Drucker im Büro druckt nur noch leere Seiten", None},
		{"die Tastatur am Laptop tippt falsche Buchstaben", None},
		{"wo bekomme ich Plakate und Flyer für den Infostand am Samstag", None},
	} {
		if d := Decide(tc.q, lib, Options{Cases: true}); d.Outcome != tc.want {
			t.Errorf("%q: %s %v, want %s", tc.q, d.Outcome, d.Guides(), tc.want)
		}
	}
}

// mapLib answers a search with the result stored for the query (none
// found otherwise).
type mapLib map[string]search.Result

func (m mapLib) SearchFor(q string, _ int, _ bool) search.Result { return m[q] }

// TestFocusQuestion: a message whose whole text finds no guide is decided
// on its question clause — the last clause starting with a question word
// — and a guide found there is offered as a choice, never answered; a
// message naming a subject outside the library, or without such a
// clause, keeps its "no guide".
func TestFocusQuestion(t *testing.T) {
	// The weak-evidence model (rescue.go) may turn a weak "no guide" of
	// a longer message into a choice whatever its clauses; this test is
	// about the clauses alone (TestLift and TestRescueWeak are the
	// model's).
	old := rescue
	defer func() { rescue = old }()
	rescue.threshold = 2
	// The whole message's weak hit x.md joins the clause's choice: first
	// on a tie of ranks, second behind a guide the clause alone answered
	// (focusfusion.go, TestFuseWholePositions).
	weak := search.Result{Hits: []search.Hit{{ID: "x.md", Score: 0.15}}}
	clear := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: 0.6}, {ID: "c.md", Score: 0.2}}}
	close := search.Result{Close: true, Hits: []search.Hit{{ID: "b.md", Score: 0.4}, {ID: "a.md", Score: 0.35}}}
	offTopic := weak
	offTopic.OffTopic = []string{"parteitag"}
	for _, c := range []struct {
		name, msg string
		lib       mapLib
		want      Outcome
		guides    []string
	}{
		{"comma clause, clear guide: a choice, not an answer", "Ich leite morgen die Versammlung, wie kriege ich Rechte?",
			mapLib{"Ich leite morgen die Versammlung, wie kriege ich Rechte?": weak, "wie kriege ich Rechte?": clear}, Choose, []string{"a.md", "x.md", "b.md"}},
		{"sentence before the question, close guides", "Du weißt nicht weiter? Wie mache ich einen Fall auf",
			mapLib{"Du weißt nicht weiter? Wie mache ich einen Fall auf": weak, "Wie mache ich einen Fall auf": close}, Choose, []string{"x.md", "b.md", "a.md"}},
		{"English", "Our board has a shared mailbox. How do I read it?",
			mapLib{"Our board has a shared mailbox. How do I read it?": weak, "How do I read it?": close}, Choose, []string{"x.md", "b.md", "a.md"}},
		{"the last question clause", "Wo war ich, ach ja, wie kriege ich Rechte?",
			mapLib{"Wo war ich, ach ja, wie kriege ich Rechte?": weak, "wie kriege ich Rechte?": clear}, Choose, []string{"a.md", "x.md", "b.md"}},
		// Whole-change review, finding F2: a date question's whole text
		// kept no weak evidence (weakGate), so its hit does not join.
		{"date question: the whole message's hit stays out", "Nächste Woche ist die Versammlung online, wann muss ich mich da einloggen?",
			mapLib{"Nächste Woche ist die Versammlung online, wann muss ich mich da einloggen?": weak, "wann muss ich mich da einloggen?": close}, Choose, []string{"b.md", "a.md"}},
		{"subject outside the library", "Morgen ist Parteitag, wie kriege ich Rechte?",
			mapLib{"Morgen ist Parteitag, wie kriege ich Rechte?": offTopic, "wie kriege ich Rechte?": clear}, None, nil},
		{"no question clause", "Ich leite morgen die Versammlung und brauche Rechte",
			mapLib{"Ich leite morgen die Versammlung und brauche Rechte": weak, "brauche Rechte": clear}, None, nil},
		{"\"ob\" does not start the question", "Ich weiß nicht, ob ich Rechte habe",
			mapLib{"Ich weiß nicht, ob ich Rechte habe": weak, "ob ich Rechte habe": clear}, None, nil},
		{"the clause finds nothing either", "Ich leite morgen die Versammlung, wie kriege ich Rechte?",
			mapLib{"Ich leite morgen die Versammlung, wie kriege ich Rechte?": weak, "wie kriege ich Rechte?": weak}, None, nil},
		// The asked clause (ending in "?") without a question word:
		// a yes/no question after the setting, a question before a
		// statement.
		{"yes/no question after the setting", "Im Call stört einer dauernd, darf ich den stummschalten?",
			mapLib{"Im Call stört einer dauernd, darf ich den stummschalten?": weak, "darf ich den stummschalten?": clear}, Choose, []string{"a.md", "x.md", "b.md"}},
		{"question before a statement", "Wo ändere ich das Passwort? Ich habe es ewig nicht geändert.",
			mapLib{"Wo ändere ich das Passwort? Ich habe es ewig nicht geändert.": weak, "Wo ändere ich das Passwort?": close}, Choose, []string{"x.md", "b.md", "a.md"}},
		{"the whole message is the asked clause", "Darf ich den stummschalten?",
			mapLib{"Darf ich den stummschalten?": weak}, None, nil},
	} {
		d := Decide(c.msg, c.lib, Options{})
		if d.Outcome != c.want || !slices.Equal(d.Guides(), c.guides) {
			t.Errorf("%s: %s %v, want %s %v", c.name, d.Outcome, d.Guides(), c.want, c.guides)
		}
	}
}

// TestTopicAgrees: the first guide's top-level folder recurs among the
// first maxChoices hits; guides without a folder never agree.
func TestTopicAgrees(t *testing.T) {
	hs := func(ids ...string) []search.Hit {
		var out []search.Hit
		for _, id := range ids {
			out = append(out, search.Hit{ID: id})
		}
		return out
	}
	for _, c := range []struct {
		name string
		hits []search.Hit
		want bool
	}{
		{"first two agree", hs("cloud/a.md", "cloud/b.md", "chat/c.md"), true},
		{"first and third agree", hs("cloud/a.md", "chat/b.md", "cloud/c.md"), true},
		{"only the fourth agrees", hs("cloud/a.md", "chat/b.md", "video/c.md", "cloud/d.md"), false},
		{"second and third agree, not with the first", hs("cloud/a.md", "chat/b.md", "chat/c.md"), false},
		{"no folders", hs("a.md", "b.md"), false},
		{"one hit", hs("cloud/a.md"), false},
		{"none", nil, false},
	} {
		if got := topicAgrees(c.hits); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestLastQuestionAgrees: an answer becomes a choice (the answer first)
// when the message ends in a question sentence of its own that, searched
// alone, puts one of the runners-up first.
func TestLastQuestionAgrees(t *testing.T) {
	whole := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.8, Strong: 1}, {ID: "b.md", Score: 0.5}}}
	for _, c := range []struct {
		name, msg string
		last      search.Result
		want      Outcome
		guides    []string
	}{
		{"the question sentence finds a runner-up", "Ich soll mein Passwort bestätigen. Echt oder fake?",
			search.Result{Hits: []search.Hit{{ID: "b.md"}}}, Choose, []string{"a.md", "b.md"}},
		{"the question sentence finds the answer", "Ich soll mein Passwort bestätigen. Echt oder fake?",
			search.Result{Hits: []search.Hit{{ID: "a.md"}}}, Answer, []string{"a.md"}},
		{"only the lexicon's order puts a runner-up first (search.Result.Reordered)", "Ich soll mein Passwort bestätigen. Echt oder fake?",
			search.Result{Hits: []search.Hit{{ID: "a.md"}}, Reordered: []search.Hit{{ID: "b.md"}}}, Answer, []string{"a.md"}},
		{"the question sentence finds a guide the whole did not", "Ich soll mein Passwort bestätigen. Echt oder fake?",
			search.Result{Hits: []search.Hit{{ID: "c.md"}}}, Answer, []string{"a.md"}},
		{"one sentence", "Echt oder fake?", search.Result{Hits: []search.Hit{{ID: "b.md"}}}, Answer, []string{"a.md"}},
		{"no question at the end", "Echt oder fake? Ich soll mein Passwort bestätigen.",
			search.Result{Hits: []search.Hit{{ID: "b.md"}}}, Answer, []string{"a.md"}},
	} {
		lib := mapLib{c.msg: whole, "Echt oder fake?": c.last, "Ich soll mein Passwort bestätigen.": c.last}
		if c.msg == "Echt oder fake?" {
			lib[c.msg] = whole
		}
		d := Decide(c.msg, lib, Options{})
		if d.Outcome != c.want || !slices.Equal(d.Guides(), c.guides) {
			t.Errorf("%s: %s %v, want %s %v", c.name, d.Outcome, d.Guides(), c.want, c.guides)
		}
	}
}

// TestClauseAfterUnicodeSpace: a no-break space (as phone keyboards and
// copied text put it after a comma) or another Unicode space is a space:
// the question clause after it is found as after an ordinary space, and
// the part searched has ordinary spaces.
func TestClauseAfterUnicodeSpace(t *testing.T) {
	clear := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: 0.6}}}
	weak := search.Result{Hits: []search.Hit{{ID: "x.md", Score: 0.15}}}
	lib := mapLib{"Ich leite morgen die Versammlung, wie kriege ich Rechte?": weak, "wie kriege ich Rechte?": clear}
	for _, space := range []string{" ", "\u00a0", "\u202f", "\u2009", "\u3000"} {
		msg := "Ich leite morgen die Versammlung," + space + "wie kriege ich Rechte?"
		// x.md: the whole message's weak hit joins the choice behind
		// the clause's answer a.md (focusfusion.go).
		if d := Decide(msg, lib, Options{}); d.Outcome != Choose || !slices.Equal(d.Guides(), []string{"a.md", "x.md", "b.md"}) {
			t.Errorf("space %U: %s %v, want a choice of a.md, x.md, b.md", []rune(space)[0], d.Outcome, d.Guides())
		}
	}
}

// TestLastQuestionAgreesKeepsItsReason: the runner-up the closing question
// points to must be one the choice shows; a runner-up too far below the
// answer to be offered (under chooseShare of its score) leaves the answer
// as it is, instead of a "did you mean" that lists the answer alone.
func TestLastQuestionAgreesKeepsItsReason(t *testing.T) {
	whole := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: 0.3}}}
	msg := "Ich soll mein Passwort bestätigen. Echt oder fake?"
	lib := mapLib{msg: whole, "Echt oder fake?": {Hits: []search.Hit{{ID: "b.md"}}}}
	if d := Decide(msg, lib, Options{}); d.Outcome != Answer || !slices.Equal(d.Guides(), []string{"a.md"}) {
		t.Errorf("%s %v, want the answer a.md", d.Outcome, d.Guides())
	}
}

// TestBreaksInTypography: the ellipsis "…" ends a sentence like "...", and
// the dashes "–" and "—" (a Gedankenstrich; phones write "--" so) end a
// greeting like "-": the question part and the question clause are found
// as with the typed forms.
func TestBreaksInTypography(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"Hallo - wie teile ich den Bildschirm?", "wie teile ich den Bildschirm?"},
		{"Hallo – wie teile ich den Bildschirm?", "wie teile ich den Bildschirm?"},
		{"Danke — wie teile ich den Bildschirm?", "wie teile ich den Bildschirm?"},
		{"Support–Mail kommt nicht an", "Support–Mail kommt nicht an"},
	} {
		text := clean(c.msg)
		if q, _, _ := questionPart(text, tokens(text)); q != c.want {
			t.Errorf("%q: question part %q, want %q", c.msg, q, c.want)
		}
	}
	clear := search.Result{Confident: true, Hits: []search.Hit{{ID: "a.md", Score: 0.9, Strong: 1}, {ID: "b.md", Score: 0.6}}}
	weak := search.Result{Hits: []search.Hit{{ID: "x.md", Score: 0.15}}}
	for _, msg := range []string{"Ich leite morgen die Versammlung... wie kriege ich Rechte?", "Ich leite morgen die Versammlung… wie kriege ich Rechte?"} {
		lib := mapLib{msg: weak, "wie kriege ich Rechte?": clear}
		// x.md: the whole message's weak hit joins the choice behind
		// the clause's answer a.md (focusfusion.go).
		if d := Decide(msg, lib, Options{}); d.Outcome != Choose || !slices.Equal(d.Guides(), []string{"a.md", "x.md", "b.md"}) {
			t.Errorf("%q: %s %v, want a choice of a.md, x.md, b.md", msg, d.Outcome, d.Guides())
		}
	}
}

// TestAskedClause: the last clause ending in "?", when only a part of
// the message, and of more than one word.
func TestAskedClause(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"jemand stört, kann ich den rauswerfen?", "kann ich den rauswerfen"},
		{"wo setze ich das Kennwort? benutze es seit Jahren", "wo setze ich das kennwort"},
		{"erst das? dann das, und jenes?", "und jenes"},
		{"kann ich den rauswerfen?", ""},
		{"kein Fragezeichen, nirgends", ""},
		{"Ärger im Call, kann ich ÜBERNEHMEN?!", "kann ich übernehmen"},
		// A clause of one word is no question of its own (an
		// apposition to the clause before it; thirty-first pass).
		{"wo ist die geschäftsstelle, adresse?", ""},
		{"erst das? dann das, jenes?", "erst das"},
	} {
		qv := wordsOf(c.q)
		got := ""
		if from, to, ok := askedClause(qv); ok {
			var b []string
			for _, w := range qv.ws[from:to] {
				b = append(b, w.w)
			}
			got = strings.Join(b, " ")
		}
		if got != c.want {
			t.Errorf("askedClause(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestApposition: a message that asks about a subject no guide covers
// and names what it wants in one word after a comma („wo ist die
// Geschäftsstelle, Adresse?“) keeps the whole message's honest no: the
// one word is not searched alone as the asked clause (askedClause), where
// it met the guides naming addresses of chat rooms (thirty-first pass,
// eng31b). A question clause of several words still is.
func TestApposition(t *testing.T) {
	lib := loadLibrary(t)
	checkDecision(t, lib, "wo ist die geschäftsstelle, adresse?", None, "")
	checkDecision(t, lib, "jemand stört ständig in unserer videositzung, kann ich den rauswerfen?", Answer, "bbb/moderationsrechte.md")
}

// TestOffTopicScattered: a message naming a subject outside the library
// whose first guide is firm only by its body (its topic explains none of
// the message) and whose best guides scatter over topics gets no guide;
// a topic match, agreeing guides or no off-topic signal keep the choice.
func TestOffTopicScattered(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.offTopicOneWord, calib.deviceOneWord, calib.offTopicStrong, calib.offTopicAnswerStrong = 0.5, 0.75, 0.4, 0.6
	calib.minLead, calib.minAnswer, calib.minFirm = 0.30, 0.55, 0.45
	res := func(strong float64, ids []string, off ...string) search.Result {
		r := search.Result{Confident: true, OffTopic: off}
		for i, id := range ids {
			r.Hits = append(r.Hits, search.Hit{ID: id, Score: 0.56 - 0.18*min(float64(i), 1), OneWord: 0.68})
		}
		r.Hits[0].Strong = strong
		return r
	}
	scattered := []string{"video/a.md", "account/b.md", "chat/c.md"}
	oneTopic := []string{"video/a.md", "video/b.md", "chat/c.md"}
	for _, c := range []struct {
		name string
		res  search.Result
		want Outcome
	}{
		{"firm by the body alone, scattered", res(0, scattered, "laptop"), None},
		{"the topic explains some of it", res(0.2, scattered, "laptop"), Choose},
		{"the best guides agree on a topic", res(0, oneTopic, "laptop"), Choose},
		{"no off-topic signal: answered", res(0, scattered), Answer},
	} {
		if d := Decide("eine Frage zu etwas", fixedLib(c.res), Options{}); d.Outcome != c.want {
			t.Errorf("%s: outcome %s %v, want %s", c.name, d.Outcome, d.Guides(), c.want)
		}
	}
}

// TestRunnersWithoutTopicRank: the decision's runner-up gates (clearTopic,
// the device gates) read the runners-up without Options.TopicRank
// (search.Result.DecisionHits), while the guides offered keep the
// search's order. TopicRank promoted a runner-up naming a query word as
// its topic: a clear answer became a choice, and a device's own trouble
// met guides that "agreed" on a topic (review rvP11, finding 5b; both
// rows fail when decideSearch reads res.Hits).
func TestRunnersWithoutTopicRank(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg   string
		want  Outcome
		guide string
	}{
		{"wie lade ich jemanden in meinen raum ein", Answer, "matrix/raeume-und-spaces-beitreten.md"},
		{"der laptop ist langsam", None, ""},
		{"mein laptop ist total langsam geworden", None, ""},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if d.Outcome != c.want {
			t.Errorf("%q: outcome %s %v, want %s", c.msg, d.Outcome, d.Guides(), c.want)
			continue
		}
		if c.guide != "" && d.Guides()[0] != c.guide {
			t.Errorf("%q: guides %v, want %s first", c.msg, d.Guides(), c.guide)
		}
	}
}

// TestLexiconDecidesNothing: a search result with the English lexicon's
// order (search.Result.Reordered) is decided on the result without it —
// its answer stays, its off-topic signal still turns the message down —
// and a choice shows the guides in the lexicon's order, cut at a share of
// the first guide's score without the lexicon: a guide only the lexicon
// found (score 0) does not let every other guide in.
func TestLexiconDecidesNothing(t *testing.T) {
	plainHits := []search.Hit{{ID: "a.md", Score: 0.8, Strong: 0.7}, {ID: "b.md", Score: 0.2}}
	lexHits := []search.Hit{{ID: "c.md", Score: 0.3, Strong: 0.3}, {ID: "a.md", Score: 0.8, Strong: 0.7}}
	closeHits := []search.Hit{{ID: "a.md", Score: 0.4, Strong: 0.1}, {ID: "b.md", Score: 0.35}}
	for _, c := range []struct {
		name  string
		plain search.Result
		want  Outcome
		first string
	}{
		{"plain answer", search.Result{Confident: true, Hits: plainHits}, Answer, "a.md"},
		{"plain off-topic signal", search.Result{Close: true, Hits: closeHits, OffTopic: []string{"drucker"}}, None, ""},
		{"plain choice, lexicon's order", search.Result{Close: true, Hits: closeHits}, Choose, "c.md"},
	} {
		res := c.plain
		res.Reordered = lexHits
		d := Decide("eine Frage zu etwas", fixedLib(res), Options{})
		first := ""
		if d.Outcome != None && len(d.Hits) > 0 {
			first = d.Hits[0].ID
		}
		if d.Outcome != c.want || first != c.first {
			t.Errorf("%s: outcome %s first %q, want %s %q", c.name, d.Outcome, first, c.want, c.first)
		}
	}
}

// TestLexiconChoiceCut: the choice in the lexicon's order keeps the
// guides within a share of the first guide's score without the lexicon
// (final review of the fourteenth pass: the cut used the lexicon's first
// guide, which the lexicon alone may have found, with score 0, so every
// guide got in).
func TestLexiconChoiceCut(t *testing.T) {
	plain := search.Result{Close: true, Hits: []search.Hit{{ID: "a.md", Score: 0.4}, {ID: "b.md", Score: 0.35}, {ID: "d.md", Score: 0.05}}}
	plain.Reordered = []search.Hit{{ID: "c.md", Score: 0}, {ID: "a.md", Score: 0.4}, {ID: "d.md", Score: 0.05}, {ID: "b.md", Score: 0.35}}
	d := Decide("eine Frage zu etwas", fixedLib(plain), Options{})
	if got, want := d.Guides(), []string{"c.md", "a.md", "b.md"}; d.Outcome != Choose || !slices.Equal(got, want) {
		t.Errorf("outcome %s guides %v, want a choice of %v", d.Outcome, got, want)
	}
}
