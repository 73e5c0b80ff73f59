package guides

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNewDraft(t *testing.T) {
	long := strings.Repeat("Klick auf „Weiter“ und warte kurz. ", 400) // ~13 000 runes
	tests := []struct {
		name string
		in   DraftInput
		// want are in the file; absent must not be (case-insensitive).
		want, absent []string
		file         string
		shortened    bool
		removed      int
		err          error
	}{{
		name: "german case with personal data",
		in: DraftInput{Lang: "de",
			Question: "Hallo Lotse, wie kann ich für den Bürgerschaftswahlkampf online spenden? Meine Mail ist mia@web.de, Tel. 0170 1234567. LG Mia",
			Names:    []string{"Mia Mitglied", "@mia.m:verein.de", "Alice Albers", "@alice:verein.de"},
			Vars:     Vars{VarCloudURL: "https://cloud.verein.de", VarContactEmail: "digital@verein.de"},
			Answers: []DraftAnswer{
				{Text: "Hallo Mia,\n\nGeh auf https://cloud.verein.de/spenden und klick auf **Spenden**.\n\nBei Fragen: digital@verein.de oder schreib @alice:verein.de (Alice), Festnetz +49 (30) 123 456-78.\n\nViele Grüße\nAlice"},
				{GuideID: "konto/passwort-vergessen.md", GuideTitle: "Passwort vergessen"},
			}},
		want: []string{
			`title: "Wie kann ich für den Bürgerschaftswahlkampf online spenden?"`,
			`fragen:`, `- "Wie kann ich für den Bürgerschaftswahlkampf online spenden? Meine Mail ist [E-Mail entfernt], Tel. [Telefonnummer entfernt]."`,
			`tags: ["bürgerschaftswahlkampf", "online", "spenden"]`, `audience: members`,
			"## So geht’s", "1. Geh auf {{cloud_url}}/spenden und klick auf **Spenden**.",
			"{{contact_email}}", "[Matrix-ID entfernt] ([Name entfernt])", "[Telefonnummer entfernt]",
			"2. Siehe [Passwort vergessen](../konto/passwort-vergessen.md).", "<!-- TODO:",
		},
		absent: []string{"mia", "alice", "albers", "web.de", "0170", "123 456", "verein.de", "Hallo", "Grüße", "Lotse,"},
		file:   "entwurf-buergerschaftswahlkampf-online-spenden.md", removed: 6,
	}, {
		name: "english case",
		in: DraftInput{Lang: "en", Question: "How do I share a folder with my working group?", Names: []string{"Bob"},
			Answers: []DraftAnswer{{Text: "Hi Bob, open the folder, click the share icon and type the group's name."}}},
		want: []string{`title: "How do I share a folder with my working group?"`, `questions:`, `- "How do I share a folder with my working group?"`,
			`tags: ["share", "folder", "working", "group"]`, "## What to do", "Open the folder, click the share icon", `summary: "Open the folder, click the share icon and type the group's name."`},
		absent: []string{"Bob", "fragen:", "TODO: Entwurf"},
		file:   "draft-share-folder-working-group.md",
	}, {
		name: "HTML and Markdown in answers",
		in: DraftInput{Question: "Warum sehe ich den Kalender nicht?", Answers: []DraftAnswer{{Text: "<p>Öffne <b>Einstellungen</b><br>und dann:</p>\n" +
			"# Kalender\n1. Haken bei <dein Kalender> setzen\n2. [Speichern](javascript:alert(1)) klicken\n\n![Bild](https://x.test/a.png) " +
			"[Hilfe](https://docs.nextcloud.com) <!-- intern --> {{geheim}} {{cloud_url}}"}}},
		want: []string{"Öffne Einstellungen\nund dann:", "**Kalender**", `\<dein Kalender\>`, "Speichern", "[Hilfe](https://docs.nextcloud.com)",
			" geheim ", "{{cloud_url}}"},
		absent: []string{"<p>", "<b>", "<br>", "javascript", "<!-- intern -->", "x.test", "{{geheim}}", "\n# Kalender"},
		file:   "entwurf-sehe-kalender.md",
	}, {
		name: "markup in the member's question",
		in: DraftInput{Question: "Was soll [das](javascript:alert(1)) <b>hier</b> *sein* `x`?",
			Answers: []DraftAnswer{{Text: "Ein Versuch."}}},
		want:   []string{"# Was soll \\[das\\](javascript:alert(1)) \\<b\\>hier\\</b\\> \\*sein\\* \\`x\\`?"},
		absent: []string{"\n# Was soll [das]"},
		file:   "entwurf-javascript-alert.md",
	}, {
		name: "very long answers are bounded",
		in: DraftInput{Question: "Wie lade ich große Dateien hoch?", Answers: []DraftAnswer{{Text: long}, {Text: long}, {Text: long},
			{Text: strings.Repeat("Schritt. ", 10)}, {Text: "a"}, {Text: "b"}, {Text: "c"}, {Text: "d"}}},
		want:      []string{"…", "TODO: Hier war die Antwort des Teams länger"},
		shortened: true, file: "entwurf-lade-grosse-dateien-hoch.md",
	}, {
		name: "no team answers",
		in:   DraftInput{Question: "Wie geht das?", Answers: []DraftAnswer{{Text: "  "}, {Text: "Hallo Mia,"}}, Names: []string{"Mia"}},
		err:  ErrNoAnswers,
	}, {
		name: "only a guide that is gone",
		in:   DraftInput{Question: "Wie geht das?", Answers: []DraftAnswer{{GuideID: "alt/weg.md"}}},
		err:  ErrNoAnswers,
	}, {
		name: "question erased",
		in:   DraftInput{Question: "", Answers: []DraftAnswer{{Text: "So geht das."}}},
		err:  ErrNoQuestion,
	}, {
		name: "question of personal data only",
		in:   DraftInput{Question: "mia@web.de", Answers: []DraftAnswer{{Text: "So geht das."}}},
		err:  ErrNoQuestion,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDraft(tt.in)
			if tt.err != nil || err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			md := string(d.Markdown)
			for _, w := range tt.want {
				if !strings.Contains(md, w) {
					t.Errorf("draft lacks %q:\n%s", w, md)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(strings.ToLower(md), strings.ToLower(a)) {
					t.Errorf("draft contains %q:\n%s", a, md)
				}
			}
			if d.FileName != tt.file {
				t.Errorf("file name %q, want %q", d.FileName, tt.file)
			}
			if d.Shortened != tt.shortened {
				t.Errorf("shortened = %v, want %v", d.Shortened, tt.shortened)
			}
			if tt.removed != 0 && d.Removed != tt.removed {
				t.Errorf("removed = %d, want %d", d.Removed, tt.removed)
			}
			if n := utf8.RuneCount(d.Markdown); n > DraftMaxBody+4000 {
				t.Errorf("draft has %d runes", n)
			}
			checkDraftInLibrary(t, d, tt.in.Question != "")
		})
	}
}

// checkDraftInLibrary puts the draft into a topic folder beside the guide
// it links to and runs the library check: no errors, no warnings, and the
// front matter reads back.
func checkDraftInLibrary(t *testing.T, d *Draft, _ bool) {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, src string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("konto/passwort-vergessen.md", "---\ntitle: Passwort vergessen\ntags: [konto]\nsummary: Zurücksetzen.\n---\n\n# Passwort\n\nText.\n")
	write("thema/"+d.FileName, string(d.Markdown))
	problems, err := Check(dir, WithVars(Vars{VarCloudURL: "https://cloud.verein.de", VarContactEmail: "digital@verein.de"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("library check: %s", p)
	}
	lib, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, ok := lib.Get("thema/" + d.FileName)
	if !ok {
		t.Fatal("the draft does not load")
	}
	if g.Title != d.Title || len(g.Questions) != 1 || len(g.Tags) == 0 || g.Summary == "" {
		t.Errorf("front matter reads back as title %q, questions %q, tags %q, summary %q", g.Title, g.Questions, g.Tags, g.Summary)
	}
}

func TestDraftRedactsNamesAsWholeWords(t *testing.T) {
	d, err := NewDraft(DraftInput{Question: "Wie ändere ich mein Passwort?", Names: []string{"Jürgen Özdemir", "Ann"},
		Answers: []DraftAnswer{{Text: "Jürgen, Anna und Annette wissen: Özdemir hilft. Ann auch; ANN ebenso."}}})
	if err != nil {
		t.Fatal(err)
	}
	md := string(d.Markdown)
	for _, w := range []string{"Anna", "Annette", "[Name entfernt] hilft", "[Name entfernt] auch; [Name entfernt] ebenso"} {
		if !strings.Contains(md, w) {
			t.Errorf("draft lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(md, "Jürgen") {
		t.Errorf("name left:\n%s", md)
	}
}

func TestDraftKeepsDatesAndShortNumbers(t *testing.T) {
	d, err := NewDraft(DraftInput{Question: "Wann ist die Wartung?", Answers: []DraftAnswer{{Text: "Am 01.02.2026 von 10-12 Uhr, Raum 0.12, Kasse 12345, am 2026-03-02."}}})
	if err != nil {
		t.Fatal(err)
	}
	if md := string(d.Markdown); !strings.Contains(md, "Am 01.02.2026 von 10-12 Uhr, Raum 0.12, Kasse 12345, am 2026-03-02.") {
		t.Errorf("dates or short numbers were taken for phone numbers:\n%s", md)
	}
}

// TestDraftRedactsPasswords: a password the member typed into the question
// or the team into an answer never reaches the draft (know23 M3).
func TestDraftRedactsPasswords(t *testing.T) {
	d, err := NewDraft(DraftInput{Question: "Mein Passwort ist Sommer2024! – warum komme ich nicht in die Cloud?",
		Answers: []DraftAnswer{{Text: "Ich habe es zurückgesetzt, dein neues Kennwort lautet Xy7-abc, bitte gleich ändern."}}})
	if err != nil {
		t.Fatal(err)
	}
	md := string(d.Markdown)
	for _, leak := range []string{"Sommer2024", "Xy7"} {
		if strings.Contains(md, leak) {
			t.Errorf("password %q in the draft:\n%s", leak, md)
		}
	}
	if !strings.Contains(md, "[Passwort entfernt]") || d.Removed != 2 {
		t.Errorf("removed %d, draft:\n%s", d.Removed, md)
	}
}

func TestDraftClosesWhatAnAnswerLeftOpen(t *testing.T) {
	d, err := NewDraft(DraftInput{Question: "Wie geht das?", Answers: []DraftAnswer{
		{Text: "Im Terminal:\n```\nls -la"}, {Text: "Dann <!-- das hier"}, {Text: "Zum Schluss speichern."}}})
	if err != nil {
		t.Fatal(err)
	}
	g, problems := Parse("thema/x.md", d.Markdown)
	if HasErrors(problems) {
		t.Fatal(problems)
	}
	// Members see the later answers: outside the code block, not hidden
	// in a comment.
	htmlBody, plain := Render(g.Body)
	if !strings.Contains(htmlBody, "<p>Zum Schluss speichern.</p>") || !strings.Contains(plain, "das hier") {
		t.Errorf("an answer swallowed the rest:\n%s", htmlBody)
	}
	// A code block cut at the bound is closed too: the author's note after
	// it stays a comment.
	d, err = NewDraft(DraftInput{Question: "Wie geht das?", Answers: []DraftAnswer{{Text: "```\n" + strings.Repeat("x", DraftMaxAnswer) + "\n```"}}})
	if err != nil {
		t.Fatal(err)
	}
	if g, _ = Parse("thema/x.md", d.Markdown); g == nil {
		t.Fatalf("draft does not parse:\n%s", d.Markdown)
	}
	if htmlBody, _ := Render(g.Body); strings.Contains(htmlBody, "TODO") {
		t.Errorf("the note is shown inside the cut code block:\n%s", htmlBody)
	}
}

// FuzzNewDraft: whatever the case holds, a draft parses as a guide with
// the question as its one example question, and no e-mail address or
// Matrix ID is left in it.
func FuzzNewDraft(f *testing.F) {
	f.Add("Wie kann ich spenden? mia@web.de", "Hallo Mia,\n\nGeh auf **Spenden**.\n\nLG Alice", "Mia Alice")
	f.Add("title: \"x\" # y\n---\n", "---\ntitle: z\n---\n<!--", "@a:b")
	f.Add("{{cloud_url}} {{x}}", "```\n# h\n[l](javascript:x) ![i](y)", "")
	f.Add("0170\n1234567", "<a href=\"x\">a</a> @bob:example.org !room:x.y", "Bob")
	f.Fuzz(func(t *testing.T, question, answer, names string) {
		d, err := NewDraft(DraftInput{Question: question, Answers: []DraftAnswer{{Text: answer}, {GuideID: "a/b.md", GuideTitle: "B]("}},
			Names: strings.Fields(names), Vars: Vars{VarContactEmail: "digital@verein.de"}})
		if err != nil {
			if !errors.Is(err, ErrNoQuestion) && !errors.Is(err, ErrNoAnswers) {
				t.Fatal(err)
			}
			return
		}
		g, problems := Parse("thema/"+d.FileName, d.Markdown)
		if HasErrors(problems) {
			t.Fatalf("draft does not parse: %v\n%s", problems, d.Markdown)
		}
		if len(g.Questions) != 1 || g.Title != d.Title || !utf8.Valid(d.Markdown) {
			t.Fatalf("front matter: questions %q, title %q", g.Questions, g.Title)
		}
		if m := emailRE.Find(d.Markdown); m != nil {
			t.Fatalf("e-mail address %q left:\n%s", m, d.Markdown)
		}
		if m := matrixIDRE.Find(d.Markdown); m != nil {
			t.Fatalf("Matrix ID %q left:\n%s", m, d.Markdown)
		}
	})
}

// BenchmarkNewDraft: a typical case (a question, three answers, one of
// them a guide) and the largest one the bounds allow (twenty long answers).
func BenchmarkNewDraft(b *testing.B) {
	answer := "Hallo Mia,\n\ngeh auf https://cloud.verein.de/einstellungen, dann **Sicherheit** und „Neues App-Passwort“. " +
		"Bei Fragen: digital@verein.de oder 0170 1234567.\n\n1. Namen vergeben\n2. Kopieren\n\nViele Grüße\nAlice"
	typical := DraftInput{Question: "Wie richte ich ein App-Passwort für Thunderbird ein? Danke, Mia", Names: []string{"Mia Mitglied", "@mia:verein.de", "Alice", "@alice:verein.de"},
		Vars:    Vars{VarCloudURL: "https://cloud.verein.de", VarContactEmail: "digital@verein.de"},
		Answers: []DraftAnswer{{Text: answer}, {GuideID: "konto/app-passwoerter.md", GuideTitle: "App-Passwörter"}, {Text: "Erledigt, danke!"}}}
	large := typical
	large.Answers = nil
	for range DraftMaxAnswers {
		large.Answers = append(large.Answers, DraftAnswer{Text: strings.Repeat(answer+"\n\n", 20)})
	}
	for _, bc := range []struct {
		name string
		in   DraftInput
	}{{"typical", typical}, {"largest", large}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := NewDraft(bc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
