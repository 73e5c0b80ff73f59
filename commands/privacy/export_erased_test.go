package privacy

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestExportNamesErasedPeopleInWords: a team member who worked on Anna's
// case and approved her request erased their data; Anna's export then
// held their pseudonym, a hex code („gelöscht-3fa2c1…“) that tells her
// nothing — and the same code in another member's export tied both to one
// person. The export file says „eine Person, deren Daten gelöscht sind“
// instead, in the member's language; Anna's own ID stays.
func TestExportNamesErasedPeopleInWords(t *testing.T) {
	ctx := context.Background()
	db := storagetest.Open(t, filepath.Join(t.TempDir(), "lotse.db"))
	now := time.UnixMilli(1_790_000_000_000)
	const anna, ben = "@anna:test", "@ben:test"
	c, _, err := db.Cases.Create(ctx, &storage.Case{MemberID: anna, MemberRoom: "!dm:test", Summary: "Frage"}, "$ask", "Wie geht das?", now)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Cases.Claim(ctx, c.ID, ben, now); err != nil {
		t.Fatal(err)
	}
	r, _, err := db.Access().Create(ctx, &storage.AccessRequest{MemberID: anna, MemberRoom: "!dm:test", Kind: storage.AccessNextcloud,
		Target: "AG", Email: "anna@example.org"}, "$req", now)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Access().Approve(ctx, r.ID, ben, "$appr", now); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Privacy().Erase(ctx, ben, "", now); err != nil {
		t.Fatal(err)
	}
	tables, err := db.Privacy().Export(ctx, anna)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(tables)
	if !storage.Pseudonyms.Match(raw) {
		t.Fatalf("the stored export holds no pseudonym; the test no longer sets up what it checks: %s", raw)
	}
	for _, tt := range []struct{ lang, want string }{{"de", German.ErasedPerson}, {"en", English.ErasedPerson}} {
		tables, _ := db.Privacy().Export(ctx, anna)
		file, err := json.Marshal(Export(tables, anna, now, tt.lang, false, nil))
		if err != nil {
			t.Fatal(err)
		}
		if p := storage.Pseudonyms.Find(file); p != nil {
			t.Errorf("%s: the export file shows the pseudonym %s", tt.lang, p)
		}
		if !strings.Contains(string(file), tt.want) || !strings.Contains(string(file), anna) {
			t.Errorf("%s: the export file lacks %q or Anna's ID: %s", tt.lang, tt.want, file)
		}
	}
}

// TestExportNoteSaysWhatIsLeftOut: since priv35 the export leaves out
// Lotse's own codes (transaction IDs, the logs' keys) and names an erased
// person in words; the note at the head of the file said neither, so a
// member who compared two exports found fields gone without a word. The
// note says both, with the very words the file uses, in each language.
func TestExportNoteSaysWhatIsLeftOut(t *testing.T) {
	for name, c := range map[string]struct {
		tx      Texts
		leftOut string
	}{
		"de": {German, "Verwaltungskennungen"},
		"en": {English, "bookkeeping codes"},
	} {
		if !strings.Contains(c.tx.ExportNote, c.leftOut) {
			t.Errorf("%s: the export note does not say that Lotse's own codes are left out: %q", name, c.tx.ExportNote)
		}
		if !strings.Contains(c.tx.ExportNote, c.tx.ErasedPerson) {
			t.Errorf("%s: the export note does not name how an erased person appears (%q): %q", name, c.tx.ErasedPerson, c.tx.ExportNote)
		}
	}
}
