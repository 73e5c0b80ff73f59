package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/guides"
)

// verbRE matches a format verb (as chattest.Verbs does for the chat's texts).
var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// textFields returns the string fields of t by name; Months is joined.
func textFields(t *Texts) map[string]string {
	v := reflect.ValueOf(t).Elem()
	out := map[string]string{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch f.Type.Kind() {
		case reflect.String:
			out[f.Name] = v.Field(i).String()
		case reflect.Slice:
			out[f.Name] = strings.Join(v.Field(i).Interface().([]string), " ")
		default:
			panic("texts: field " + f.Name + " of an unchecked kind")
		}
	}
	return out
}

// TestTexts: the two catalogues have the same texts, none empty, with the
// same format verbs and "one|other" forms, and twelve month names.
func TestTexts(t *testing.T) {
	de, en := textFields(German), textFields(English)
	for name, g := range de {
		e := en[name]
		if strings.TrimSpace(g) == "" || strings.TrimSpace(e) == "" {
			t.Errorf("%s: empty text (de %q, en %q)", name, g, e)
		}
		if strings.Count(g, "|") != strings.Count(e, "|") || strings.Count(g, "|") > 1 {
			t.Errorf("%s: plural forms differ: %q / %q", name, g, e)
		}
		for _, form := range strings.Split(g, "|") {
			if a, b := sortedVerbs(form), sortedVerbs(strings.Split(e, "|")[0]); !slices.Equal(a, b) {
				t.Errorf("%s: en has format verbs %v, de %v", name, b, a)
			}
		}
		for _, form := range strings.Split(e, "|") {
			if a, b := sortedVerbs(strings.Split(g, "|")[0]), sortedVerbs(form); !slices.Equal(a, b) {
				t.Errorf("%s: en has format verbs %v, de %v", name, b, a)
			}
		}
	}
	if len(German.Months) != 12 || len(English.Months) != 12 {
		t.Errorf("months: %d German, %d English, want 12", len(German.Months), len(English.Months))
	}
	if German.Lang != "de" || English.Lang != "en" || TextsFor("") != German || TextsFor("en") != English || TextsFor("fr") != German {
		t.Error("TextsFor does not choose German by default and English for en")
	}
}

func sortedVerbs(s string) []string {
	v := verbRE.FindAllString(s, -1)
	slices.Sort(v)
	return v
}

// chromeWords are the pieces of a catalogue's texts that a page of the other
// language must not show: the parts between format verbs, at least four
// letters long, and not also a text of the other catalogue ("September").
func chromeWords(t *Texts, other *Texts) []string {
	otherAll := strings.Join(slices.Collect(func(yield func(string) bool) {
		for _, s := range textFields(other) {
			if !yield(s) {
				return
			}
		}
	}), "\n")
	var words []string
	for name, s := range textFields(t) {
		if name == "Lang" || name == "Date" {
			continue
		}
		pieces := verbRE.Split(strings.ReplaceAll(s, "|", "%s"), -1)
		if name == "Months" {
			pieces = strings.Fields(s)
		}
		for _, p := range pieces {
			p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "„“”.:–"))
			if utf8.RuneCountInString(p) >= 4 && !strings.Contains(otherAll, p) {
				words = append(words, p)
			}
		}
	}
	return words
}

// acceptAll is a vote counter for the guide page's form.
type acceptAll struct{}

func (acceptAll) WebVote(context.Context, string, bool) error { return nil }

// TestPagesInLanguage renders every kind of page and answer of the web view
// and of the static site in English and in German: an English page carries
// lang="en" and none of the German catalogue's words, a German one lang="de"
// and none of the English's (before, every page was German whatever the
// configured language).
func TestPagesInLanguage(t *testing.T) {
	const dir = "testdata/library"
	lib, _, err := guides.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"de", "en", ""} {
		texts, other := German, English
		if lang == "en" {
			texts, other = English, German
		}
		t.Run("lang="+lang, func(t *testing.T) {
			opts := Options{Dir: dir, Language: lang, Feedback: acceptAll{}, ChatURL: "https://matrix.to/#/@lotse:example.org",
				ImpressumURL: "https://example.org/impressum", PrivacyURL: "https://example.org/datenschutz", Log: zerolog.Nop()}
			h, err := NewHandler(fixedSource{lib}, opts)
			if err != nil {
				t.Fatal(err)
			}
			serve := func(hh http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
				req := httptest.NewRequest(method, target, nil)
				copyHeader(req.Header, header)
				rec := httptest.NewRecorder()
				hh.ServeHTTP(rec, req)
				return rec
			}
			out := t.TempDir()
			if _, err := Build(t.Context(), lib, out, opts); err != nil {
				t.Fatal(err)
			}
			static := func(name string) string {
				b, err := os.ReadFile(filepath.Join(out, name))
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			month := regexp.MustCompile(`<time datetime="[0-9-]+">[0-9]+\.? (` + strings.Join(texts.Months, "|") + `) [0-9]{4}</time>`)
			tests := []struct {
				name   string
				status int
				body   func() (int, string)
				html   bool
				want   []string
			}{
				{name: "index", status: 200, html: true,
					body: func() (int, string) { r := serve(h, "GET", "/", nil); return r.Code, r.Body.String() },
					want: []string{texts.AllGuides, texts.SkipToContent, texts.SearchPlaceholder, texts.FooterNoCookies, texts.Impressum, texts.Privacy}},
				{name: "guide", status: 200, html: true,
					body: func() (int, string) {
						r := serve(h, "GET", "/konto/passwort-vergessen", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.TOCTitle, texts.Modified, texts.FeedbackQuestion, texts.FeedbackSorryAsk, texts.AskLink, texts.AskAfter}},
				{name: "search form", status: 200, html: true,
					body: func() (int, string) { r := serve(h, "GET", "/suche", nil); return r.Code, r.Body.String() },
					want: []string{texts.SearchPrompt, texts.IndexLink}},
				{name: "search with hits", status: 200, html: true,
					body: func() (int, string) {
						r := serve(h, "GET", "/suche?q=Authenticator+App+QR-Code+scannen", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.F(texts.SearchSection, "App einrichten"), texts.F(texts.SearchTitleQuery, "Authenticator App QR-Code scannen")}},
				{name: "search without hits", status: 200, html: true,
					body: func() (int, string) {
						r := serve(h, "GET", "/suche?q=Fahrradreparatur+Kettenschaltung", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.F(texts.SearchNoneBefore, "Fahrradreparatur Kettenschaltung")}},
				{name: "404", status: 404, html: true,
					body: func() (int, string) {
						r := serve(h, "GET", "/konto/gibt-es-nicht", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.NotFoundTitle, texts.NotFoundText}},
				{name: "503", status: 503,
					body: func() (int, string) {
						h.searches.waiting.Store(maxSearchWaiting)
						for range cap(h.searches.slots) {
							h.searches.slots <- struct{}{}
						}
						defer func() {
							for range cap(h.searches.slots) {
								h.searches.release()
							}
							h.searches.waiting.Store(0)
						}()
						r := serve(h, "GET", "/suche?q=passwort", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.SearchBusy}},
				{name: "403 of LocalOnly", status: 403,
					body: func() (int, string) {
						r := serve(LocalOnly(lang, h), "GET", "http://evil.example/", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.LocalOnly}},
				{name: "405", status: 405,
					body: func() (int, string) { r := serve(h, "PUT", "/", nil); return r.Code, r.Body.String() },
					want: []string{texts.MethodNotAllowed}},
				{name: "403 of a vote from another site", status: 403,
					body: func() (int, string) {
						r := serve(h, "POST", "/konto/passwort-vergessen", http.Header{"Sec-Fetch-Site": {"cross-site"}})
						return r.Code, r.Body.String()
					},
					want: []string{texts.VoteForeign}},
				{name: "400 of an invalid vote", status: 400,
					body: func() (int, string) {
						r := serve(h, "POST", "/konto/passwort-vergessen", nil)
						return r.Code, r.Body.String()
					},
					want: []string{texts.VoteInvalid}},
				{name: "static index", status: 200, html: true,
					body: func() (int, string) { return 200, static("index.html") },
					want: []string{texts.AllGuides, texts.IndexSearchHint}},
				{name: "static guide", status: 200, html: true,
					body: func() (int, string) { return 200, static("konto/passwort-vergessen/index.html") },
					want: []string{texts.Modified, texts.AskLink}},
				{name: "static search page", status: 200, html: true,
					body: func() (int, string) { return 200, static("suche/index.html") },
					want: []string{texts.SearchPrompt, texts.SearchNoScriptBefore, `data-none="` + texts.SearchNoneStatic + `"`, `data-hits="` + texts.SearchHits + `"`}},
				{name: "static 404", status: 200, html: true,
					body: func() (int, string) { return 200, static("404.html") },
					want: []string{texts.NotFoundTitle}},
			}
			foreign := chromeWords(other, texts)
			for _, tt := range tests {
				status, body := tt.body()
				body = strings.ReplaceAll(body, "&#39;", "'")
				if status != tt.status {
					t.Errorf("%s: status %d, want %d", tt.name, status, tt.status)
				}
				for _, w := range tt.want {
					if !strings.Contains(body, w) {
						t.Errorf("%s: no %q in\n%s", tt.name, w, body)
					}
				}
				if tt.html && !strings.Contains(body, `<html lang="`+texts.Lang+`">`) {
					t.Errorf("%s: no lang=%q", tt.name, texts.Lang)
				}
				if tt.html && strings.Contains(tt.name, "guide") && !month.MatchString(body) {
					t.Errorf("%s: the date is not written as in %s", tt.name, texts.Lang)
				}
				for _, w := range foreign {
					if strings.Contains(body, w) {
						t.Errorf("%s: shows %q of the other language", tt.name, w)
					}
				}
			}
		})
	}
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = v
	}
}
