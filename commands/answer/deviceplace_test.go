package answer

import (
	"strings"
	"testing"
)

// The twenty-seventh pass's probes for deviceplace.go (invented messages,
// docs/passes/probes/eng27c-deviceplace.tsv; rows as asideRow: a guide
// among those offered, or the honest no). A device named only as the
// place where the member works no longer vetoes the guide of the tool's
// task; a device as the subject of its own trouble, the goal of a move,
// or a place whose guides scatter or rest on one word keeps the honest no.

// devicePlaceContrast are messages about a device's own trouble, several
// of them with the device in a phrase of place: the honest no on the
// bench guides, before the rule and with it.
var devicePlaceContrast = []asideRow{
	{"mein laptop wird sehr heiß", ""},
	{"am laptop geht das wlan ständig weg", ""},
	{"auf meinem laptop ist die festplatte voll", ""},
	{"am laptop funktioniert die tastatur nicht mehr", ""},
	{"laptop geht nicht mehr an", ""},
	{"am router blinkt eine rote lampe", ""},
	{"mein macbook ist total langsam geworden", ""},
	{"wie schließe ich den drucker an den laptop an", ""},
	{"an meinem laptop ist der akku nach einer stunde leer", ""},
	{"auf dem laptop läuft der lüfter die ganze zeit", ""},
	{"am laptop fehlen nach dem update die treiber für den scanner", ""},
	{"on my laptop the battery drains very fast", ""},
	{"am laptop zeigt die maus nichts mehr an", ""},
	{"auf dem macbook hängt das system update", ""},
	{"welchen laptop soll ich mir kaufen", ""},
	{"am laptop ist der bildschirm gesprungen", ""},
}

// TestDevicePlaceBench: on the bench guides, a conference task asked „am
// Laptop“ or „am MacBook“ gets a choice with its guide (each row ended as
// the honest no before the rule: the device vetoed it), never an answer
// (the answer guards still read the signal); the contrast rows keep the
// honest no.
func TestDevicePlaceBench(t *testing.T) {
	lib := loadBenchLibrary(t)
	rows := []asideRow{
		{"am macbook geht in der videokonferenz die kamera nicht", "bbb/kamera-geht-nicht.md"},
		{"screen sharing on my laptop shows only black to the others", "bbb/bildschirm-teilen.md"},
		{"wie komme ich am laptop in die videokonferenz", "bbb/konferenz-beitreten.md"},
		{"am notebook echo in der konferenz, was tun", "bbb/mikrofon-echo.md"},
	}
	checkAside(t, lib, rows)
	for _, r := range rows {
		if d := Decide(r.msg, lib, Options{Cases: true}); d.Outcome == Answer {
			t.Errorf("%q: answer %v, want a choice at most", r.msg, d.Guides())
		}
	}
	checkAside(t, lib, devicePlaceContrast)
}

// TestDevicePlaceAt: the device stands in a phrase of place with a
// dative (or none); an accusative goal, „im“, an owner or the subject
// are no place.
func TestDevicePlaceAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"am laptop geht das nicht", true},
		{"an meinem laptop geht das nicht", true},
		{"auf dem laptop geht das nicht", true},
		{"auf meinem laptop geht das nicht", true},
		{"on my laptop it fails", true},
		{"at the laptop it fails", true},
		{"laptop geht nicht", false},
		{"mein laptop geht nicht", false},
		{"an den laptop anschließen", false},
		{"auf meinen laptop laden", false},
		{"im laptop ist was kaputt", false},
		{"das passwort von meinem laptop", false},
		{"mit dem laptop geht das nicht", false},
	} {
		words := strings.Fields(tc.text)
		at := -1
		for i, w := range words {
			if w == "laptop" {
				at = i
			}
		}
		if got := devicePlaceAt(words, at); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}
