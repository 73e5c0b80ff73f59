package upgrades

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestDatenschutzNamesLatestSchema: the record of processing
// (docs/datenschutz.md) says which schema it describes; it must be the
// latest, or a reader cannot tell whether the newest tables are in it
// (mend29c: it said v20 after v21 added case_opening, which it
// describes).
func TestDatenschutzNamesLatestSchema(t *testing.T) {
	doc, err := os.ReadFile("../../docs/datenschutz.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Stand: Schema v(\d+)\.`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/datenschutz.md names no schema („Stand: Schema vN.“)")
	}
	if got, want := string(m[1]), strconv.Itoa(len(Table)); got != want {
		t.Errorf("docs/datenschutz.md: Stand: Schema v%s, the latest upgrade is v%s", got, want)
	}
}
