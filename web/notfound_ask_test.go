package web_test

import (
	"net/http"
	"strings"
	"testing"

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
