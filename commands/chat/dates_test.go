package chat_test

import (
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestDayLayouts: the dates a member reads follow the install's language
// and its time zone — German „31.12.2026 18:30“, English "31 Dec 2026,
// 18:30" (an English reader takes 01.03.2027 for the 3rd of January) —
// and an unknown language is German. The English ones pass the check for
// German in English messages.
func TestDayLayouts(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	at := time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC) // 18:30 in Berlin
	tests := []struct {
		lang, day, dayTime, short string
	}{
		{"de", "31.12.2026", "31.12.2026 18:30", "31.12. 18:30"},
		{"en", "31 Dec 2026", "31 Dec 2026, 18:30", "31 Dec, 18:30"},
		{"", "31.12.2026", "31.12.2026 18:30", "31.12. 18:30"},
	}
	check := chattest.NewEnglish(nil, nil, nil)
	for _, tt := range tests {
		e := &chat.Env{Lang: tt.lang, Location: berlin}
		if got := e.Day(at); got != tt.day {
			t.Errorf("%q: Day %q, want %q", tt.lang, got, tt.day)
		}
		if got := e.DayTime(at); got != tt.dayTime {
			t.Errorf("%q: DayTime %q, want %q", tt.lang, got, tt.dayTime)
		}
		if got := e.ShortDayTime(at); got != tt.short {
			t.Errorf("%q: ShortDayTime %q, want %q", tt.lang, got, tt.short)
		}
		l := chat.LayoutsFor(tt.lang)
		if got := at.In(berlin).Format(l.DateTime); got != tt.dayTime {
			t.Errorf("%q: LayoutsFor(…).DateTime %q, want %q", tt.lang, got, tt.dayTime)
		}
		if tt.lang == "en" {
			for _, s := range []string{tt.day, tt.dayTime, tt.short} {
				if p := check.Problems(s); len(p) > 0 {
					t.Errorf("English date %q: %v", s, p)
				}
			}
		}
	}
}
