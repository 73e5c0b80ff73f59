package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/storage"
	"github.com/lotse-bot/lotse/storage/storagetest"
)

// TestGuidesGaps: `lotse guides gaps` prints the kept questions grouped, as
// text and as JSON, within --since, without who asked; it creates no
// database.
func TestGuidesGaps(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "lotse.db")
	lib, _ := filepath.Abs(filepath.Join("..", "..", "library"))
	cfgPath := writeConfig(t, dir, "database: "+dbPath+"\nguides_dir: "+lib+"\n")
	if _, _, err := runCLI(t, "", "guides", "gaps", "-c", cfgPath); exitCode(err) != exitDatabase {
		t.Fatalf("without a database: %v", err)
	}
	if _, err := os.Stat(dbPath); err == nil {
		t.Fatal("guides gaps created a database")
	}
	db := storagetest.Open(t, dbPath)
	ctx := context.Background()
	now := time.Now()
	for i, q := range []struct {
		text string
		age  time.Duration
	}{
		{"Wie melde ich eine Demo an?", 3 * 24 * time.Hour},
		{"Demo anmelden – wer macht das?", 2 * 24 * time.Hour},
		{"Wo bekomme ich Flyer?", 40 * 24 * time.Hour},
	} {
		if err := db.Gaps().Keep(ctx, storage.FailedQuestion{SourceEvent: "$" + q.text, UserID: "@secret:test", RoomID: "!dm:test",
			Question: q.text, Outcome: storage.FailedNone, Guides: []string{"konto/passwort-vergessen.md"}, AskedAt: now.Add(-q.age - time.Duration(i))}); err != nil {
			t.Fatal(err)
		}
	}
	_ = db.Close()

	out, _, err := runCLI(t, "", "guides", "gaps", "-c", cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 Fragen", "2×", "Wie melde ich eine Demo an?", "Demo anmelden", "Cloud-Passwort vergessen"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, leak := range []string{"Flyer", "@secret", "!dm"} {
		if strings.Contains(out, leak) {
			t.Errorf("output shows %q:\n%s", leak, out)
		}
	}
	out, _, err = runCLI(t, "", "guides", "gaps", "-c", cfgPath, "--since", "6w", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got gapsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Questions != 3 || len(got.Groups) != 2 || got.Groups[0].Count != 2 || got.Groups[0].Guides[0].Title == "" {
		t.Errorf("json: %+v", got)
	}
	if strings.Contains(out, "@secret") {
		t.Errorf("json names who asked:\n%s", out)
	}
	if _, _, err := runCLI(t, "", "guides", "gaps", "-c", cfgPath, "--since", "soon"); exitCode(err) != exitUsage {
		t.Errorf("bad --since: %v", err)
	}
}

func TestParseSince(t *testing.T) {
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "36h": 36 * time.Hour} {
		if got, err := parseSince(in); err != nil || got != want {
			t.Errorf("parseSince(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "d", "-3d", "0h", "x"} {
		if _, err := parseSince(in); err == nil {
			t.Errorf("parseSince(%q) accepted", in)
		}
	}
}

// TestNoGaps: the period of an empty listing in correct plural forms.
func TestNoGaps(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		since time.Duration
		want  string
	}{
		{"de", 30 * 24 * time.Hour, "Zeitraum: 30 Tage."},
		{"de", 24 * time.Hour, "Zeitraum: 1 Tag."},
		{"de", 36 * time.Hour, "Zeitraum: 36 Stunden."},
		{"de", time.Hour, "Zeitraum: 1 Stunde."},
		{"en", 7 * 24 * time.Hour, "period: 7 days."},
		{"en", 90 * time.Minute, "period: 2 hours."},
	} {
		if got := noGaps(tt.lang, tt.since); !strings.HasSuffix(got, tt.want) {
			t.Errorf("noGaps(%s, %v) = %q, want …%q", tt.lang, tt.since, got, tt.want)
		}
	}
}
