package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/web"
)

// votes records the web votes like the feedback store.
type votes struct {
	mu      sync.Mutex
	helpful map[string]int
	not     map[string]int
}

func (v *votes) WebVote(_ context.Context, guideID string, helpful bool) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.helpful == nil {
		v.helpful, v.not = map[string]int{}, map[string]int{}
	}
	if helpful {
		v.helpful[guideID]++
	} else {
		v.not[guideID]++
	}
	return nil
}

func (v *votes) count(id string) (int, int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.helpful[id], v.not[id]
}

func post(t *testing.T, h http.Handler, target, body, remote string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = remote
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// TestGuidePageFeedback (issue 17 point 7): a guide page asks "War das
// hilfreich?" with a plain form (no script), shows when it last changed
// (German date) and links back to asking Lotse; a vote counts once per
// reader and guide, only from the site itself, with a bounded body.
func TestGuidePageFeedback(t *testing.T) {
	v := &votes{}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	h, src := newHandler(t, testLibrary, web.Options{Feedback: v, ChatURL: "https://matrix.to/#/@lotse:verein.test", Location: berlin})
	g, _ := src.Current().Get("konto/passwort-vergessen.md")
	page := get(t, h, "/konto/passwort-vergessen").body
	mod := g.ModTime.In(berlin)
	months := []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	wantDate := strings.Join([]string{strconv.Itoa(mod.Day()) + ".", months[mod.Month()-1], strconv.Itoa(mod.Year())}, " ")
	for _, want := range []string{
		`<form class="feedback" method="post" action="/konto/passwort-vergessen">`, "War das hilfreich?",
		`name="hilfreich" value="ja"`, `name="hilfreich" value="nein"`,
		"Zuletzt geändert am <time datetime=\"" + mod.Format("2006-01-02") + "\">" + wantDate + "</time>",
		`<a href="https://matrix.to/#/@lotse:verein.test">Frag Lotse im Chat</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("guide page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") {
		t.Error("the feedback needs a script")
	}

	// A vote from the page: counted, back to the page with the thanks.
	same := http.Header{"Sec-Fetch-Site": {"same-origin"}}
	res := post(t, h, "/konto/passwort-vergessen", "hilfreich=ja", "192.0.2.1:1234", same)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/konto/passwort-vergessen#danke" {
		t.Fatalf("vote: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = post(t, h, "/konto/passwort-vergessen", "hilfreich=nein", "192.0.2.2:1234", nil) // no browser headers: a plain form client
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "#schade") {
		t.Fatalf("vote without fetch metadata: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// The same reader again: thanked, not counted.
	post(t, h, "/konto/passwort-vergessen", "hilfreich=ja", "192.0.2.1:999", same)
	if up, down := v.count("konto/passwort-vergessen.md"); up != 1 || down != 1 {
		t.Fatalf("counts %d/%d, want 1/1", up, down)
	}

	refused := []struct {
		name, target, body string
		header             http.Header
		status             int
	}{
		{"another site", "/konto/passwort-vergessen", "hilfreich=ja", http.Header{"Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden},
		{"another origin", "/konto/passwort-vergessen", "hilfreich=ja", http.Header{"Origin": {"https://evil.example"}}, http.StatusForbidden},
		{"unknown answer", "/konto/passwort-vergessen", "hilfreich=vielleicht", same, http.StatusBadRequest},
		{"oversized body", "/konto/passwort-vergessen", "hilfreich=ja&x=" + strings.Repeat("a", 10_000), same, http.StatusBadRequest},
		{"hidden guide", "/team/intern", "hilfreich=ja", same, http.StatusNotFound},
		{"no guide", "/suche", "hilfreich=ja", same, http.StatusNotFound},
	}
	for i, tt := range refused {
		res := post(t, h, tt.target, tt.body, "198.51.100."+strconv.Itoa(i+1)+":1", tt.header)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, res.StatusCode, tt.status)
		}
	}
	if up, down := v.count("konto/passwort-vergessen.md"); up != 1 || down != 1 {
		t.Fatalf("a refused vote counted: %d/%d", up, down)
	}
	if up, _ := v.count("team/intern.md"); up != 0 {
		t.Fatal("a hidden guide got a vote")
	}

	// A flood from many addresses is cut off by the global bucket.
	for i := range 200 {
		post(t, h, "/konto/zwei-faktor", "hilfreich=ja", "203.0.113."+strconv.Itoa(i%250)+":1", same)
	}
	if up, _ := v.count("konto/zwei-faktor.md"); up > 40 {
		t.Errorf("%d of 200 flooding votes counted", up)
	}
}

// TestNoFeedbackWithoutStore: without a store (the static build, `lotse
// guides serve`) the page has no form and POST stays refused.
func TestNoFeedbackWithoutStore(t *testing.T) {
	h, _ := newHandler(t, testLibrary, web.Options{})
	if page := get(t, h, "/konto/passwort-vergessen").body; strings.Contains(page, "<form class=\"feedback\"") || strings.Contains(page, "Frag Lotse im Chat") {
		t.Error("a form or chat link without a store or chat address")
	}
	if res := post(t, h, "/konto/passwort-vergessen", "hilfreich=ja", "192.0.2.1:1", nil); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST without a store: %d", res.StatusCode)
	}
}
