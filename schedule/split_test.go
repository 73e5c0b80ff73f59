package schedule_test

import (
	"testing"

	"github.com/lotse-bot/lotse/schedule"
)

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		in, title, when string
	}{
		{"Digitaler Wandel im Bezirk am 3.12. um 19 Uhr 90 min", "Digitaler Wandel im Bezirk", "3.12. um 19 Uhr 90 min"},
		{"Digitaler Wandel 3.12. 19 Uhr", "Digitaler Wandel", "3.12. 19 Uhr"},
		{"Treffen am Rhein am 3.12. um 19 Uhr", "Treffen am Rhein", "3.12. um 19 Uhr"},
		{"Die Stadt von morgen am 3.12. 19 Uhr", "Die Stadt von morgen", "3.12. 19 Uhr"},
		{"Runder Tisch morgen um 19 Uhr", "Runder Tisch", "morgen um 19 Uhr"},
		{"Agenda 2030 am 3.12. 19 Uhr", "Agenda 2030", "3.12. 19 Uhr"},
		{"„Digitaler Wandel“: 3.12. 19 Uhr", "Digitaler Wandel", "3.12. 19 Uhr"},
		{`"Klima & Verkehr" – nächsten Donnerstag 19:00`, "Klima & Verkehr", "nächsten Donnerstag 19:00"},
		{"Stammtisch jeden ersten Donnerstag im Monat 19 Uhr", "Stammtisch", "jeden ersten Donnerstag im Monat 19 Uhr"},
		{"So geht Digitalisierung Do 19 Uhr bis 21 Uhr", "So geht Digitalisierung", "Do 19 Uhr bis 21 Uhr"},
		{"Treffen der Ortsvereine um 19.30 Uhr am 3. Dezember", "Treffen der Ortsvereine", "19.30 Uhr am 3. Dezember"},
		{"Haushalt 2027 ab 3.12. wöchentlich 19 Uhr", "Haushalt 2027", "ab 3.12. wöchentlich 19 Uhr"},
		{"am 3.12. 19 Uhr", "", "3.12. 19 Uhr"},
		{"Nur ein Titel", "Nur ein Titel", ""},
		{"  ", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			title, when := schedule.SplitTitle(tc.in)
			if title != tc.title || when != tc.when {
				t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", tc.in, title, when, tc.title, tc.when)
			}
		})
	}
}

// TestSplitTitleEnglish: the title and date part in an English install
// (mend27c); German date parts are found there too.
func TestSplitTitleEnglish(t *testing.T) {
	tests := []struct {
		in, title, when string
	}{
		{"Digital change on 3.12. at 7 pm", "Digital change", "3.12. at 7 pm"},
		{"Digital change on 3 Dec at 7 pm", "Digital change", "3 Dec at 7 pm"},
		{"Digital change December 3 at 19:00", "Digital change", "December 3 at 19:00"},
		{"What we do tomorrow at 7pm", "What we do", "tomorrow at 7pm"},
		{"Meeting at the town hall tomorrow at 7pm", "Meeting at the town hall", "tomorrow at 7pm"},
		{"The next step next Tuesday 18:30", "The next step", "next Tuesday 18:30"},
		{"Book club every 2nd Tuesday of the month at 7 pm", "Book club", "every 2nd Tuesday of the month at 7 pm"},
		{"Planning May 3 at 7 pm", "Planning", "May 3 at 7 pm"},
		{"Housing 2030 from 3 Dec weekly at 7 pm", "Housing 2030", "from 3 Dec weekly at 7 pm"},
		{"Runder Tisch am 3.12. um 19 Uhr", "Runder Tisch", "3.12. um 19 Uhr"},
		{"Just a title", "Just a title", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			title, when := schedule.SplitTitleIn(tc.in, "en")
			if title != tc.title || when != tc.when {
				t.Errorf("SplitTitleIn(%q, en) = %q, %q; want %q, %q", tc.in, title, when, tc.title, tc.when)
			}
		})
	}
	// A German install keeps its split: the English words are title words.
	if title, when := schedule.SplitTitle("Digital change on 3.12. at 7 pm"); when != "7 pm" || title != "Digital change on 3.12. at" {
		t.Errorf("SplitTitle(de) = %q, %q", title, when)
	}
}
