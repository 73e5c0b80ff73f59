package privacy

import (
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

const day = 24 * time.Hour

// TestPeriodInPlainWords (issue 19 point 7): retention periods read as
// years, months, weeks or days with the right plural — never "1095 Tage".
func TestPeriodInPlainWords(t *testing.T) {
	tests := []struct {
		lang string
		d    time.Duration
		want string
	}{
		{"de", 1095 * day, "3 Jahre"},
		{"de", 365 * day, "1 Jahr"},
		{"de", 730 * day, "2 Jahre"},
		{"de", 30 * day, "1 Monat"},
		{"de", 90 * day, "3 Monate"},
		{"de", 180 * day, "6 Monate"},
		{"de", 100 * day, "etwa 3 Monate"},
		{"de", 7 * day, "1 Woche"},
		{"de", 14 * day, "2 Wochen"},
		{"de", 1 * day, "1 Tag"},
		{"de", 3 * day, "3 Tage"},
		{"de", 30 * time.Minute, "1 Stunde"},
		{"de", 0, "ohne feste Frist"},
		{"en", 1095 * day, "3 years"},
		{"en", 30 * day, "1 month"},
		{"en", 1 * day, "1 day"},
	}
	for _, tt := range tests {
		w := New(&chat.Env{Lang: tt.lang}, Config{}, nil)
		if got := w.period(w.tx, tt.d); got != tt.want {
			t.Errorf("%s %v: got %q, want %q", tt.lang, tt.d, got, tt.want)
		}
	}
}

// TestEveryTableHasPlainWords: every table with personal data has a name a
// member understands, so no table name reaches !datenschutz, !meine-daten
// or the erasure answer.
func TestEveryTableHasPlainWords(t *testing.T) {
	for _, tx := range []*Texts{&German, &English} {
		for _, table := range storage.PersonalTables {
			if _, ok := tx.Items[table.Name]; !ok {
				t.Errorf("%s: no plain words for %s", tx.Lang, table.Name)
			}
		}
	}
	w := New(&chat.Env{Lang: "de"}, Config{}, nil)
	got := strings.Join(w.summary(w.tx, map[string]int{"support_case": 1, "case_message": 3, "inbox": 0, "new_table": 2}), "\n")
	for _, want := range []string{"1 Supportfall", "3 Nachrichten in deinen Supportfällen", "2 weitere Einträge"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "_") || strings.Contains(got, "Kennung") {
		t.Errorf("summary shows a table name or an empty kind: %q", got)
	}
}

// TestConfirmWordIsAWord: the erasure confirmation is a word of the
// language, stable for a member and a day.
func TestConfirmWordIsAWord(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	w := New(&chat.Env{Lang: "de", Now: func() time.Time { return now }, Location: time.UTC}, Config{}, nil)
	a, b := w.deleteToken(w.tx, "@a:test", 0), w.deleteToken(w.tx, "@a:test", 0)
	if a != b || a == "" || strings.ContainsAny(a, "0123456789") {
		t.Fatalf("confirmation words %q, %q", a, b)
	}
	found := false
	for _, word := range German.ConfirmWords {
		found = found || word == a
	}
	if !found {
		t.Fatalf("%q is not one of the German words", a)
	}
}
