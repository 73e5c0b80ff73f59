// Tests of a speaker before a quote ("Fritzbox: „…“",
// search.Result.OffTopicSpeaks): a device that speaks is what the message
// is about, a person who is quoted is not, and a weak device name speaks
// only where the best guides do not agree on a topic.

package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

// TestOffTopicSpeakerNotSetting: a device that speaks a quote
// (search.Result.OffTopicSpeaks: "Fritzbox: „…“") is what the message is
// about, not the setting of a question: the off-topic gate says no guide
// even where the same device named as a setting keeps its choice
// (TestOffTopicAsSetting).
func TestOffTopicSpeakerNotSetting(t *testing.T) {
	old := calib
	defer func() { calib = old }()
	calib.offTopicOneWord, calib.offTopicStrong = 0.5, 0.4
	for _, c := range []struct {
		speaks bool
		want   Outcome
	}{{false, Choose}, {true, None}} {
		r := search.Result{Close: true, OffTopic: []string{"router"}, OffTopicSpeaks: c.speaks}
		for i, id := range []string{"cloud/a.md", "chat/b.md", "cloud/c.md"} {
			r.Hits = append(r.Hits, search.Hit{ID: id, Score: 0.4 - 0.02*float64(i)})
		}
		r.Hits[0].Strong, r.Hits[0].OneWord = 0.2, 0.35
		if d := Decide("eine Frage zu etwas", fixedLib(r), Options{}); d.Outcome != c.want {
			t.Errorf("speaks %v: outcome %s, want %s", c.speaks, d.Outcome, c.want)
		}
	}
}

// TestPersonSpeakerKeepsGuide: a member who relays what a relative or an
// officer of the association said ("Mein Sohn meint: …", "Der Kassenwart
// sagt: …") asks about the quote's matter; the person is no product
// outside the library, and the guide question keeps its guide.
func TestPersonSpeakerKeepsGuide(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct{ msg, guide string }{
		{"Mein Sohn meint: du musst die Sitzung verifizieren", "matrix/neue-sitzung-verifizieren.md"},
		{"Meine Nachbarin sagt: „Du musst die Sitzung verifizieren“", "matrix/neue-sitzung-verifizieren.md"},
		{"Der Kassenwart sagt: ich brauche ein App-Passwort für den Kalender", "konto/app-passwoerter.md"},
	} {
		d := Decide(c.msg, lib, Options{Cases: true})
		if (d.Outcome != Answer && d.Outcome != Choose) || len(d.Hits) == 0 || d.Hits[0].ID != c.guide {
			t.Errorf("%q: %s %v, want %s first", c.msg, d.Outcome, d.Guides(), c.guide)
		}
	}
}

// TestWeakSpeaker: a product the guides name elsewhere (a weak signal)
// that speaks a quote is what the message is about when the best guides
// do not agree on a topic; where they agree, the quote is the tool's
// message on the device and the guides stay. Written from the blind
// list's weak device names and the shipped library's topics; the "none"
// rows were choices on main, and the samsung and xiaomi rows fail with
// the rule off (the huawei row meets its guides in device words alone:
// onThingAlone).
func TestWeakSpeaker(t *testing.T) {
	lib := loadLibrary(t)
	for _, c := range []struct {
		msg   string
		want  Outcome
		guide string
	}{
		{"mein samsung sagt „Speicher fast voll“", None, ""},
		{"mein huawei sagt „Akku schwach“, was tun", None, ""},
		{"mein xiaomi meldet „Gerätespeicher voll“", None, ""},
		{"iphone: „Kein Zugriff auf Kamera“ in der konferenz", Choose, "bbb/kamera-funktioniert-nicht.md"},
		{"samsung zeigt „Benachrichtigungen blockiert“ für element", Choose, "matrix/benachrichtigungen-am-handy.md"},
		{"mein iphone sagt „Kalender konnte nicht synchronisiert werden“", Answer, "nextcloud/kalender-auf-dem-handy.md"},
		{"android: „App reagiert nicht“ bei der nextcloud app", Choose, "nextcloud/mobile-app.md"},
	} {
		checkDecision(t, lib, c.msg, c.want, c.guide)
	}
}
