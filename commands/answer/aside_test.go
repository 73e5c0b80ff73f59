package answer

import (
	"slices"
	"strings"
	"testing"
)

const (
	phishingGuide  = "datenschutz/phishing-erkennen.md"
	passwordsGuide = "datenschutz/sichere-passwoerter.md"
)

// asideRow is an invented message (the fifteenth pass's probes, written
// before the change, not from a question set) and what it
// should get: a guide among those offered (an answer or a choice), or
// the honest no (guide "").
type asideRow struct {
	msg, guide string
}

// checkAside decides each row on lib and reports a row whose guide is
// not offered, or that should be the honest no and is not.
func checkAside(t *testing.T, lib Library, rows []asideRow) {
	t.Helper()
	for _, r := range rows {
		d := Decide(r.msg, lib, Options{Cases: true})
		switch {
		case r.guide == "" && d.Outcome != None:
			t.Errorf("%q: %s %v, want none", r.msg, d.Outcome, d.Guides())
		case r.guide != "" && (d.Outcome != Answer && d.Outcome != Choose || !slices.Contains(d.Guides(), r.guide)):
			t.Errorf("%q: %s %v, want %s offered", r.msg, d.Outcome, d.Guides(), r.guide)
		}
	}
}

// asideContrast names the same companies as the subject of the member's
// trouble: they keep the honest no on both libraries (no row may change).
var asideContrast = []asideRow{
	{"die sparkasse app stürzt ab", ""},
	{"bei gmx komme ich nicht mehr in mein postfach", ""},
	{"wie ändere ich meine adresse bei der bank", ""},
	{"ich hab mein paypal passwort vergessen", ""},
	{"bei der telekom ist mein internet seit gestern weg", ""},
	{"wie kündige ich meinen vertrag bei vodafone?", ""},
	{"ich bekomme keine mails von der sparkasse mehr", ""},
	{"von paypal kommt keine sms mit dem code mehr", ""},
	{"wie bei der sparkasse das passwort ändern", ""},
	{"mein passwort bei gmx ist dasselbe wie bei amazon, wie ändere ich das bei gmx", ""},
	{"bei web.de kommen keine mails mehr an", ""},
	{"ich bekomme bei gmx ständig spam, wie kann ich das filtern", ""},
	{"ich habe in whatsapp eine nachricht bekommen, wie kann ich die weiterleiten", ""},
	{"bei whatsapp kommt eine nachricht nicht an", ""},
	{"ich hab eine nachricht von whatsapp bekommen, dass ich mein backup einrichten soll, wie geht das", ""},
	{"ich habe einen brief von der telekom wegen meinem vertrag bekommen, was muss ich tun", ""},
	{"I received an email from gmx that my mailbox is full, how do I delete old emails", ""},
	{"ist das passwort bei gmx genauso sicher wie bei web.de", ""},
	{"kann ich in whatsapp so wie in signal verschwindende nachrichten einstellen", ""},
}

// asideGuideRows are guide questions that name a bank, a parcel service or
// a mail provider as a doubted message's sender, as the mailbox or as a
// comparison, asked on both libraries (both have the phishing and the
// password guide).
var asideGuideRows = []asideRow{
	// the claimed or doubted sender
	{"ich hab eine mail bekommen, angeblich von der sparkasse, ist das phishing?", phishingGuide},
	{"ich hab eine komische mail von der sparkasse bekommen, soll ich auf den link klicken?", phishingGuide},
	{"eine sms von dhl mit einem link, ich erwarte aber gar kein paket. ist das betrug?", phishingGuide},
	{"ich hab eine komische sms von der telekom mit einem link bekommen", phishingGuide},
	{"eine e-mail von amazon will, dass ich mein konto bestätige, ist das phishing?", phishingGuide},
	{"I got an email claiming to be from PayPal asking for my password, is this phishing?", phishingGuide},
	{"an email from paypal says I must click a link to verify my account, is that a scam?", phishingGuide},
	{"a text message from dhl with a strange link, is that phishing?", phishingGuide},
	// the mailbox
	{"bei gmx kommt eine mail angeblich von euch mit einem link, ist das echt?", phishingGuide},
	// the comparison
	{"my password for the chat is the same as for paypal, is that a problem?", passwordsGuide},
}

// TestAsideLibrary: on the shipped library, a bank, a parcel service or a
// mail provider named as a doubted message's sender, as a comparison or
// as the mailbox leaves the guide question its guide; named as the
// subject, it keeps the honest no. The guide rows are "no guide" on main
// (the off-topic gate, offTopicOnOneWord or the weak gate with a signal).
func TestAsideLibrary(t *testing.T) {
	lib := loadLibrary(t)
	checkAside(t, lib, asideGuideRows)
	checkAside(t, lib, []asideRow{
		{"kann ich für die cloud dasselbe passwort wie bei der sparkasse nehmen", passwordsGuide},
		{"darf ich das gleiche passwort wie für paypal auch für den chat nutzen?", passwordsGuide},
		{"ist es schlimm, wenn mein cloud passwort dasselbe ist wie bei gmx?", passwordsGuide},
		{"reicht ein passwort so lang wie bei der sparkasse für die cloud?", passwordsGuide},
	})
	checkAside(t, lib, asideContrast)
}

// TestAsideBench is TestAsideLibrary on the bench guides.
func TestAsideBench(t *testing.T) {
	lib := loadBenchLibrary(t)
	checkAside(t, lib, asideGuideRows)
	checkAside(t, lib, []asideRow{
		{"die mail kommt angeblich von vodafone und will, dass ich meine daten eingebe, phishing?", phishingGuide},
	})
	checkAside(t, lib, asideContrast)
}

// asideMended are review rv15b's probes (invented messages, written
// against the first version of aside.go) that the mend changed: a claim
// word that doubts the statement, not the company („angeblich hat die
// Sparkasse mein Konto gesperrt“), „im Namen“ and "the name" not bound to
// the company, „echt“ as an intensifier, a comparison of troubles — the
// company stays the subject, the honest no; and the list gaps: no
// article, „ne“, „gekriegt“, „angekommen“, umlauts written ae/oe/ue — the
// phishing guide is offered. Each row fails on the first version.
var asideMended = map[string][]asideRow{
	"library": {
		{"angeblich wurde mein paypal konto gehackt, was soll ich tun", ""},
		{"Angeblich ist meine Rechnung bei der Telekom falsch, wen frage ich?", ""},
		{"angeblich hat die sparkasse mein konto gesperrt, wie entsperre ich das", ""},
		{"Ich habe im Namen unseres Vereins ein Konto bei der Sparkasse eröffnet, wie richte ich das Online-Banking ein?", ""},
		{"ich habe eine mail von paypal bekommen dass mein konto gesperrt ist, echt nervig, wie entsperre ich es", ""},
		{"Bei mir ist es so wie bei der Sparkasse, das Online-Banking geht nicht", ""},
		{"komische mail von paypal, soll ich auf den link klicken?", phishingGuide},
		{"hab ne mail von der sparkasse gekriegt, ist das phishing?", phishingGuide},
		{"Ich habe eine verdaechtige Mail von DHL bekommen", phishingGuide},
		{"Bei GMX ist eine komische Mail angekommen mit einem Link zur Nextcloud", phishingGuide},
		{"darf ich dasselbe passwort wie fuer paypal nehmen", passwordsGuide},
	},
	"bench": {
		{"Angeblich ist meine Rechnung bei der Telekom falsch, wen frage ich?", ""},
		{"angeblich hat die sparkasse mein konto gesperrt, wie entsperre ich das", ""},
		{"how do I change the name on my paypal account", ""},
		{"Ich habe im Namen unseres Vereins ein Konto bei der Sparkasse eröffnet, wie richte ich das Online-Banking ein?", ""},
		{"Ich habe eine Mail von GMX bekommen, mein Postfach ist echt voll, was kann ich löschen?", ""},
		{"Bei mir ist es so wie bei der Sparkasse, das Online-Banking geht nicht", ""},
		{"komische mail von paypal, soll ich auf den link klicken?", phishingGuide},
		{"hab ne mail von der sparkasse gekriegt, ist das phishing?", phishingGuide},
		{"Ich habe eine verdaechtige Mail von DHL bekommen", phishingGuide},
		{"Bei GMX ist eine komische Mail angekommen mit einem Link zur Nextcloud", phishingGuide},
	},
}

// TestAsideMended decides the review's probes the mend changed, on both
// libraries.
func TestAsideMended(t *testing.T) {
	checkAside(t, loadLibrary(t), asideMended["library"])
	checkAside(t, loadBenchLibrary(t), asideMended["bench"])
}

// TestAsideSignals reads the phrases alone: which signals the message
// names outside a phrase that sets them aside.
func TestAsideSignals(t *testing.T) {
	for _, c := range []struct {
		msg     string
		signals []string
		want    []string
		why     string
	}{
		{"ich hab eine mail bekommen, angeblich von der sparkasse", []string{"sparkasse"}, nil, "claim"},
		{"angeblich schreibt mir die telekom, meine rechnung sei offen", []string{"telekom"}, nil, "claim over a verb of sending"},
		{"mir hat jemand im namen der sparkasse geschrieben", []string{"sparkasse"}, nil, "im Namen"},
		{"an email in the name of paypal", []string{"paypal"}, nil, "in the name of"},
		{"an email pretending to be paypal", []string{"paypal"}, nil, "pretending to be"},
		{"angeblich wurde mein paypal konto gehackt", []string{"paypal"}, []string{"paypal"}, "a claim over the statement"},
		{"angeblich hat die sparkasse mein konto gesperrt", []string{"sparkasse"}, []string{"sparkasse"}, "a claim over the statement"},
		{"how do i change the name on my paypal account", []string{"paypal"}, []string{"paypal"}, "the name, not in the name of"},
		{"ich habe im namen unseres vereins ein konto bei der sparkasse eröffnet", []string{"sparkasse"}, []string{"sparkasse"}, "im Namen of someone else"},
		{"eine mail angeblich von der sparkasse wegen paypal", []string{"sparkasse", "paypal"}, []string{"paypal"}, "a claim binds one company"},
		{"mail im namen der telekom mit einer rechnung als anhang", []string{"telekom", "rechnung"}, nil, "what a claimed sender's mail carries"},
		{"eine mail mit einer rechnung von der telekom", []string{"rechnung"}, []string{"rechnung"}, "carried by a mail nobody doubts"},
		{"darf ich dasselbe passwort wie bei paypal nehmen oder nicht?", []string{"paypal"}, nil, "sameness in a sentence that denies (rv15d)"},
		{"ich weiß nicht, ob ich dasselbe passwort wie bei gmx nehmen darf", []string{"gmx"}, nil, "sameness after a denied clause (rv15d)"},
		{"i use the same password as for paypal, is that not safe?", []string{"paypal"}, nil, "same … as in a denying question (rv15d)"},
		{"dasselbe passwort wie bei gmx, das will ich nicht mehr, wie ändere ich es", []string{"gmx"}, nil, "sameness, then a denial (rv15d)"},
		{"angeblich kommen bei gmx keine mails mehr an, wie richte ich mein postfach neu ein", []string{"gmx"}, []string{"gmx"}, "a claim over a denied receipt (rv15d)"},
		{"angeblich kriegt man bei der sparkasse kein geld mehr", []string{"sparkasse"}, []string{"sparkasse"}, "a receipt verb without a message (rv15d)"},
		{"supposedly I got locked out of my paypal account", []string{"paypal"}, []string{"paypal"}, "got without a message (rv15d)"},
		{"angeblich kann man bei paypal jetzt geld senden ohne konto", []string{"paypal"}, []string{"paypal"}, "the company after a preposition is not the sender (rv15d)"},
		{"angeblich sendet whatsapp meine nachrichten nicht mehr", []string{"whatsapp"}, []string{"whatsapp"}, "a claim over a denied sending (rv15d)"},
		{"angeblich hat mir dhl eine sms geschickt", []string{"dhl"}, nil, "the company as the sender"},
		{"eine mail von paypal, echt nervig", []string{"paypal"}, []string{"paypal"}, "echt as an intensifier"},
		{"eine mail von paypal, ist die echt?", []string{"paypal"}, nil, "echt asking"},
		{"eine mail von dhl, echt oder fake", []string{"dhl"}, nil, "echt oder"},
		{"ich habe eine mail von dhl bekommen. ist das betrug?", []string{"dhl"}, nil, "doubt in the next sentence"},
		{"ich habe eine mail von gmx bekommen. mein postfach ist voll. ist das spam?", []string{"gmx"}, []string{"gmx"}, "doubt two sentences away"},
		{"ich hab ne nachricht von amazon bekommen, ist das echt?", []string{"amazon"}, nil, "colloquial article"},
		{"ist diese mail von paypal echt?", []string{"paypal"}, nil, "demonstrative"},
		{"is this email from paypal real", []string{"paypal"}, nil, "demonstrative, real asking"},
		{"komische mail von paypal", []string{"paypal"}, nil, "no article at the clause's start"},
		{"verdaechtige mail von dhl, betrug?", []string{"dhl"}, nil, "umlaut written ae"},
		{"bei gmx ist eine komische mail angekommen", []string{"gmx"}, nil, "angekommen"},
		{"eine komische mail von der volksbank", []string{"volksbank"}, nil, "doubted sender"},
		{"eine mail von der volksbank will meine tan", []string{"volksbank"}, []string{"volksbank"}, "no doubt: the company's own mail"},
		{"keine komische mail von der volksbank", []string{"volksbank"}, []string{"volksbank"}, "negated"},
		{"die komischen mails von der volksbank", []string{"volksbank"}, []string{"volksbank"}, "no one message"},
		{"dasselbe passwort wie bei der sparkasse", []string{"sparkasse"}, nil, "comparison"},
		{"so sicher wie bei gmx", []string{"gmx"}, nil, "so … wie"},
		{"dasselbe passwort wie fuer paypal", []string{"paypal"}, nil, "umlaut written ue"},
		{"bei mir ist es so wie bei der sparkasse, das online-banking geht nicht", []string{"sparkasse"}, []string{"sparkasse"}, "a comparison of troubles"},
		{"dasselbe passwort nutze ich seit vielen jahren für fast alles wie bei gmx", []string{"gmx"}, []string{"gmx"}, "sameness beyond the window"},
		{"the same password as for my paypal account", []string{"paypal"}, nil, "same … as"},
		{"wie bei der sparkasse das passwort ändern", []string{"sparkasse"}, []string{"sparkasse"}, "interrogative wie"},
		{"bei gmx kommt eine komische mail", []string{"gmx"}, nil, "mailbox"},
		{"in meinem web.de postfach kam eine seltsame mail", []string{"webde"}, nil, "mailbox in two words"},
		{"bei gmx ist eine komische mail", []string{"gmx"}, []string{"gmx"}, "no verb of receipt"},
		{"mein passwort bei gmx ist dasselbe wie bei amazon", []string{"gmx", "amazon"}, []string{"gmx"}, "one aside, one the subject"},
		{"dasselbe passwort wie bei gmx, bei gmx geht es nicht", []string{"gmx"}, []string{"gmx"}, "named once as the subject"},
		{"kann ich gleich wie bei gmx den filter nehmen", []string{"gmx"}, []string{"gmx"}, "bare gleich: sofort"},
		{"die fritzbox zeigt „neues gerät“", []string{"fritzbox", "telekom"}, []string{"fritzbox", "telekom"}, "the subject; a signal not among the words"},
	} {
		if got := asideSignals(c.msg, c.signals); !slices.Equal(got, c.want) {
			t.Errorf("%q (%s): %v, want %v", c.msg, c.why, got, c.want)
		}
	}
}

// TestAsideLong reads a 60 KB message of one clause: every name far from
// the claim words stays in the window's reach of its own phrase, and a
// name once the subject keeps its signal (no timed assertion: the cost is
// the benchmarks' matter).
func TestAsideLong(t *testing.T) {
	long := strings.Repeat("eine komische mail von paypal bekommen und ", 1400)
	if got := asideSignals(long, []string{"paypal"}); got != nil {
		t.Errorf("60 KB of doubted senders: %v, want nil", got)
	}
	if got := asideSignals(long+"mein paypal konto ist gesperrt", []string{"paypal"}); !slices.Equal(got, []string{"paypal"}) {
		t.Errorf("60 KB and the subject: %v, want [paypal]", got)
	}
}
