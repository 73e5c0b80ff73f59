// Tests of requests for a person in a wider frame (personframe.go): a bare
// noun clause with a second clause, the uninflected "jemand" and a "vom
// Team" as the object of "sprechen", a relative clause typed without its
// comma, "wer" with a modal asking for a call-back, and a second clause
// that only says the member does not understand or cope — against guide
// questions with the same words.

package answer

import "testing"

// TestPersonFrame: the requests decide a person (a support case is
// offered); the guide questions beside them do not.
func TestPersonFrame(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg   string
		human bool
	}{
		// A bare noun clause asked for, then frustration or a topic.
		{"bitte ein mensch, ich versteh das alles nicht", true},
		{"bitte einen echten menschen. der bot hilft mir nicht", true},
		{"bitte einen mitarbeiter, das ist mir alles zu viel", true},
		// The subjunctive of a wish, persons joined by "oder".
		{"ein mensch wäre mir lieber, ich komm hier nicht weiter", true},
		{"bitte einen menschen oder jemanden vom team", true},
		// The modal before a subject with its phrase.
		{"kann bitte jemand aus dem digitalteam mit mir sprechen", true},
		// "jemand" uninflected, a person with "vom Team", as the object
		// of "sprechen".
		{"ich möchte lieber jemand vom team sprechen", true},
		{"ich würde gern jemand aus dem digitalteam sprechen", true},
		{"kann ich eine person vom support sprechen", true},
		{"wir möchten jemand vom team sprechen", true},
		{"ich will jemand echtes sprechen", true},
		// A relative clause without its comma.
		{"gibts da auch ne person die mir hilft? mit dir komm ich nicht klar", true},
		{"gibts einen mitarbeiter der mir hilft, ich bin total verloren", true},
		// "wer" with a modal asking for a call-back, with a topic.
		{"wer kann sich mal bei mir melden wegen meinem problem mit der cloud", true},
		{"wer könnte sich bitte bei mir melden", true},
		// A request, then only not understanding or coping.
		{"kann mir jemand helfen? mit dir komm ich nicht klar", true},
		{"kann mir das jemand zeigen? ich blick da nicht durch", true},
		{"can someone help me? i don't understand", true},
		// The next clause typed without its comma, or after a dash:
		// a subject pronoun opens it (review and mend).
		{"bitte ein mensch ich versteh das alles nicht", true},
		{"bitte einen menschen ich komm hier nicht weiter", true},
		{"bitte jemand vom support ich check das nicht", true},
		{"bitte ein mensch - ich versteh das alles nicht", true},
		{"bitte ein mensch - das ist mir zu kompliziert", true},
		{"bitte einen mitarbeiter – der bot versteht mich nicht", true},
		// A condition of the helpers' or of the matter keeps a call-back.
		{"kann sich jemand bei mir melden, wenn ihr zeit habt", true},
		{"wer kann sich bei mir melden falls es geht", true},
		// A sentence after the request is its own.
		{"kann sich jemand vom team bei mir melden? wenn ich anrufe geht keiner ran", true},
		// Guide questions with the same words stay guide questions.
		{"bitte ein mensch ich möchte wissen wie ich einen ordner teile", false},
		// The member's situation in a tool after "sich melden", or a
		// tool named anywhere: raising one's hand, not a call-back.
		{"wer kann sich bei mir melden wenn ich die hand hebe in der konferenz", false},
		{"wer kann sich bei mir melden wenn ich einen raum erstelle", false},
		{"kann sich jemand bei mir melden wenn ich präsentiere", false},
		{"bitte ein mensch, wie teile ich einen ordner", false},
		{"kann mir jemand helfen, wie teile ich einen ordner?", false},
		{"bitte leute, ich hab ein problem mit dem passwort", false},
		{"ich bitte den admin, mich freizuschalten", false},
		{"bitte ein mitarbeiterkonto, ich finde keins", false},
		{"bitte einen helferzugang, ich komm nicht rein", false},
		// A compound that only begins with a staff head is no staff
		// anywhere (isStaff; review and mend).
		{"bitte ein mitarbeiterkonto", false},
		{"ich brauche administratorrechte für den raum", false},
		{"ich möchte mit einem mitarbeitenden sprechen", true},
		{"bitte eine ansprechpartnerin, ich bin verloren", true},
		{"ich möchte als admin sprechen", false},
		{"ein admin wäre toll, wie richte ich den raum ein", false},
		{"ein moderator wäre schön in der konferenz", false},
		{"können die leute aus meinem raum mit mir sprechen", false},
		{"kann jemand aus der konferenz mit mir sprechen wenn ich stumm bin", false},
		{"ich möchte für das team sprechen", false},
		{"ich möchte die leute vom team sprechen lassen", false},
		{"kann ich jemand in der konferenz sprechen hören", false},
		{"gibts eine möglichkeit einer person die datei zu zeigen", false},
		{"kann ich einer person moderationsrechte geben", false},
		{"wie kann ich jemanden zur videokonferenz einladen", false},
		{"wer kann sich in element bei mir melden", false},
		{"wenn sich jemand bei mir meldet, bekomme ich eine benachrichtigung?", false},
		{"kann mir jemand helfen, ich komme mit dem passwort nicht klar", false},
		{"kann mir jemand helfen? die kamera geht nicht", false},
		{"can anyone help me, i don't get the invite link", false},
		{"kann mir jemand helfen? ich versteh nicht wie das teilen geht", false},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if got := d.Outcome == Human; got != c.human {
			t.Errorf("%q: outcome %s %v, want human %v", c.msg, d.Outcome, d.Guides(), c.human)
		}
	}
}

// TestPersonFrameParts: the parts of the grammar on their own.
func TestPersonFrameParts(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want humanSignal
	}{
		{"bitte ein mensch, ich versteh das alles nicht", sureHuman},
		{"ich möchte lieber jemand vom team sprechen", sureHuman},
		{"gibts da auch ne person die mir hilft", sureHuman},
		{"wer kann sich mal bei mir melden", sureHuman},
		{"bitte eine person zum raum hinzufügen, ich finde es nicht", noHuman},
		{"ich möchte jemand vom team zur videokonferenz einladen", noHuman},
		{"gibt es im team die funktion zum teilen", noHuman},
		{"wer meldet sich bei mir?", noHuman},
		{"wer kann sich bei mir melden wenn ich die hand hebe", noHuman},
		{"wer kann sich bei mir melden, wenn ich präsentiere in der konferenz", noHuman},
		{"kann sich jemand bei mir melden wenn man die hand hebt", noHuman},
		{"bitte einen menschen ich komm hier nicht weiter", sureHuman},
	} {
		if got := signal(c.msg); got != c.want {
			t.Errorf("%q: signal %d, want %d", c.msg, got, c.want)
		}
	}
	for _, c := range []struct {
		clause    string
		complaint bool
	}{
		{"mit dir komm ich nicht klar", true},
		{"ich versteh das alles nicht", true},
		{"das ist mir zu kompliziert", true},
		{"der bot versteht mich nicht", true},
		{"ich komme mit dem passwort nicht klar", false},
		{"die kamera geht nicht", false},
		{"ich komme klar", false},
		{"this is too complicated", true},
		{"i can't get it to work", false},
		// A verb of coping counts with its particle only; the
		// particles of other verbs do not make one (review and mend).
		{"ich komme heute nicht", false},
		{"wir kommen nicht", false},
		{"kein check", false},
		{"ich komme heute nicht weiter", true},
		{"ich blick da nicht durch", true},
		{"ich krieg das nicht hin", true},
		{"i can't figure it out", true},
	} {
		if got := complaintClause(foldWords(tokens(c.clause))); got != c.complaint {
			t.Errorf("%q: complaint %v, want %v", c.clause, got, c.complaint)
		}
	}
}

// TestSpacedDash: a dash with blanks on both sides is a clause break, the
// hyphen of a compound is none.
func TestSpacedDash(t *testing.T) {
	for _, c := range []struct {
		text string
		brk  bool
	}{
		{"mensch - das", true},
		{"mensch – das", true},
		{"mensch —das", false},
		{"support-mail", false},
		{"support -mail", false},
		{"mensch das", false},
	} {
		ws := tokens(c.text)
		if got := clauseStarts(c.text, ws)[len(ws)-1]; got != c.brk {
			t.Errorf("%q: break %v, want %v", c.text, got, c.brk)
		}
	}
}

// TestStaffHead: a staff head with a noun's ending names staff; a compound
// that only begins with one names a thing.
func TestStaffHead(t *testing.T) {
	for w, want := range map[string]bool{
		"mitarbeiter": true, "mitarbeiterin": true, "mitarbeiterinnen": true, "mitarbeitender": true,
		"mitarbeitenden": true, "helfers": true, "administratoren": true,
		"mitarbeiterkonto": false, "administratorrechte": false, "helferzugang": false, "mitarbeiterausweis": false,
	} {
		if got := isStaff(w); got != want {
			t.Errorf("isStaff(%q) = %v, want %v", w, got, want)
		}
	}
}
