package chattest

import (
	"fmt"
	"testing"
)

type sample struct {
	Lang  string
	Hello string
	Count string
	Cmds  map[string]string
}

// recorder collects failures instead of failing the real test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatalf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }

func TestCheckTexts(t *testing.T) {
	de := sample{Lang: "de", Hello: "Hallo %s", Count: "ein Fall|%d Fälle", Cmds: map[string]string{"a": "x %d"}}
	tests := []struct {
		name  string
		en    sample
		fails int
	}{
		{"same verbs", sample{Lang: "en", Hello: "Hello %s", Count: "one case|%d cases", Cmds: map[string]string{"a": "y %d"}}, 0},
		{"empty field", sample{Lang: "en", Hello: "", Count: "one case|%d cases", Cmds: map[string]string{"a": "y %d"}}, 2},
		{"other verb", sample{Lang: "en", Hello: "Hello %d", Count: "one case|%d cases", Cmds: map[string]string{"a": "y %d"}}, 1},
		{"missing key", sample{Lang: "en", Hello: "Hello %s", Count: "one case|%d cases", Cmds: map[string]string{}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			CheckTexts(r, de, tt.en)
			if len(r.errs) != tt.fails {
				t.Errorf("got %d failures, want %d: %v", len(r.errs), tt.fails, r.errs)
			}
		})
	}
}
