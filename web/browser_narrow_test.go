package web_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/web"
)

// overflowJS reports the page's width beyond the viewport and the elements
// that stick out on the right, so that a failure names its cause.
const overflowJS = `(function () {
  var vw = document.documentElement.clientWidth, out = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.right > vw + 1 && out.length < 5) {
      out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " " + Math.round(r.right) + "px");
    }
  });
  return [document.documentElement.scrollWidth - vw].concat(out).join(" ");
})()`

// TestBrowserNoSideScrollAt360 opens every page of the fixture and the
// real library on a 360 px phone (the narrowest common one) with the chat
// linked, and fails when a page is wider than the screen: a member who
// opens a guide link from the chat must not have to scroll sideways.
func TestBrowserNoSideScrollAt360(t *testing.T) {
	tab := browser(t)
	narrow := emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 740, DeviceScaleFactor: 2, Mobile: true}
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, narrow); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{testLibrary, realLibrary} {
		lib := loadLibrary(t, dir)
		h, _ := newHandler(t, dir, web.Options{ChatURL: "https://matrix.to/#/@lotse:example.org", Audiences: []string{guides.DefaultAudience, "team"}})
		srv := httptest.NewServer(h)
		paths := []string{"/", "/suche", "/suche?q=Passwort+vergessen", "/suche?q=" + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 6), "/gibt/es/nicht"}
		for _, g := range lib.Guides() {
			paths = append(paths, "/"+strings.TrimSuffix(g.ID, ".md"))
		}
		for _, p := range paths {
			if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS("footer.site"))); err != nil {
				t.Fatalf("%s %s: %v", dir, p, err)
			}
			res, err := chromedp.Run(tab, chromedp.Evaluate[string](overflowJS))
			if err != nil {
				t.Fatalf("%s %s: %v", dir, p, err)
			}
			if extra, causes, _ := strings.Cut(res, " "); extra != "0" && !strings.HasPrefix(extra, "-") {
				t.Errorf("%s %s: %s px wider than a 360 px screen; sticking out: %s", dir, p, extra, causes)
			}
		}
		srv.Close()
		t.Logf("%s: %d pages at 360 px", dir, len(paths))
	}
}
