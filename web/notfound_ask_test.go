package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lotse-bot/lotse/web"
)

// TestDeadEndsLeadToAPerson checks that the pages where a member gets
// stuck — a guide that is gone (an old link from the chat) and a search
// without hits — show the way to Lotse in the chat when it is configured,
// and no such paragraph when it is not.
func TestDeadEndsLeadToAPerson(t *testing.T) {
	const chat = "https://matrix.to/#/@lotse:example.org"
	for _, lang := range []string{"de", "en"} {
		texts := web.TextsFor(lang)
		with, _ := newHandler(t, testLibrary, web.Options{ChatURL: chat, Language: lang})
		without, _ := newHandler(t, testLibrary, web.Options{Language: lang})
		for _, tc := range []struct {
			name, target string
			status       int
		}{
			{"removed guide", "/konto/gibt-es-nicht-mehr", http.StatusNotFound},
			{"search without hits", "/suche?q=qxzqxzqxz", http.StatusOK},
		} {
			t.Run(lang+"/"+tc.name, func(t *testing.T) {
				res := get(t, with, tc.target)
				if res.status != tc.status {
					t.Fatalf("status %d, want %d", res.status, tc.status)
				}
				if !strings.Contains(res.body, `<p class="ask">`+texts.AskBefore+` <a href="https://matrix.to/#/@lotse:example.org">`+texts.AskLink+`</a>`) {
					t.Errorf("no way to Lotse in the chat:\n%s", res.body)
				}
				res = get(t, without, tc.target)
				if res.status != tc.status {
					t.Fatalf("without chat: status %d, want %d", res.status, tc.status)
				}
				if strings.Contains(res.body, `class="ask"`) || strings.Contains(res.body, texts.AskLink) {
					t.Errorf("without chat URL: ask paragraph shown:\n%s", res.body)
				}
			})
		}
	}
}

// TestStaticDeadEndsLeadToAPerson checks the same for the static site: its
// 404 page and its search page (which finds nothing as often as the
// server's, in the browser) link to Lotse in the chat when configured.
func TestStaticDeadEndsLeadToAPerson(t *testing.T) {
	for _, chat := range []string{"https://matrix.to/#/@lotse:example.org", ""} {
		out := t.TempDir()
		opts := web.Options{Dir: testLibrary, ChatURL: chat, Log: zerolog.Nop()}
		if _, err := web.Build(t.Context(), loadLibrary(t, testLibrary), out, opts); err != nil {
			t.Fatal(err)
		}
		for _, file := range []string{"404.html", "suche/index.html"} {
			b, err := os.ReadFile(filepath.Join(out, file))
			if err != nil {
				t.Fatal(err)
			}
			want := chat != ""
			if got := strings.Contains(string(b), `<p class="ask">`) && strings.Contains(string(b), `href="`+chat+`"`); got != want {
				t.Errorf("chat %q: %s links to Lotse: %v, want %v", chat, file, got, want)
			}
		}
	}
}
