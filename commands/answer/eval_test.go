package answer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

func loadLibrary(tb testing.TB) *guides.Library {
	tb.Helper()
	lib, _, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil {
		tb.Fatal(err)
	}
	return lib
}

func loadSet(tb testing.TB, half string) []search.Question {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "first-messages-"+half+"-2026-12-04.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	qs, err := search.ReadQuestions(f)
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// TestFirstMessagesTune prints the tuning half (development aid; -v).
func TestFirstMessagesTune(t *testing.T) {
	r := Evaluate(loadLibrary(t), loadSet(t, "tune"), Options{Cases: true})
	if testing.Verbose() {
		r.Write(os.Stdout)
	}
}
