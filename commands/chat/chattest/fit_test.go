package chattest

import (
	"strings"
	"testing"
)

type errTexts struct {
	Lang              string
	ErrShort, ErrLong string
	ErrKey            string
	Other             string
}

// TestCheckFit: CheckFit reports a text longer than the cut (with its
// verbs filled), not one that fits nor a field without the prefix, and a
// catalogue without any such text.
func TestCheckFit(t *testing.T) {
	ok := errTexts{Lang: "de", ErrShort: "kurz", ErrLong: strings.Repeat("a", 200), ErrKey: strings.Repeat("b", 190) + "%s", Other: strings.Repeat("c", 300)}
	rec := &recorder{TB: t}
	CheckFit(rec, 200, "12345678", "Err", ok)
	if len(rec.errs) != 0 {
		t.Errorf("fitting texts reported: %v", rec.errs)
	}
	long := ok
	long.Lang, long.ErrLong = "en", strings.Repeat("a", 201)
	rec = &recorder{TB: t}
	CheckFit(rec, 200, "12345678", "Err", long)
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "ErrLong has 201 characters") || !strings.HasPrefix(rec.errs[0], "en:") {
		t.Errorf("a text of 201 characters: %v", rec.errs)
	}
	filled := ok
	filled.ErrKey = strings.Repeat("b", 195) + "%s"
	rec = &recorder{TB: t}
	CheckFit(rec, 200, "12345678", "Err", &filled)
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "ErrKey has 203 characters") {
		t.Errorf("a text that is too long with its verb filled: %v", rec.errs)
	}
	rec = &recorder{TB: t}
	CheckFit(rec, 200, "x", "Nope", ok)
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], `no text begins with "Nope"`) {
		t.Errorf("a prefix that names nothing: %v", rec.errs)
	}
}
