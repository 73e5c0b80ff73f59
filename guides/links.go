package guides

import (
	"net/url"
	"regexp"
	"strings"
)

// A member's question may carry a link with a secret in its path or query:
// a share link of the cloud (/s/<token>), a password reset link, a meeting
// link with its access code, a link with the member's name in it. A kept
// unanswered question and a learned example question keep only where such
// a link points — its scheme and host —, which is what the team needs to
// see what the question is about (guide drafts keep the team's links: they
// are for an author to review, and configured addresses become placeholders).

// PersonalLink names the paths of links [ShortenLinks] cut (for a caller's
// list of what it replaced; [Redact] does not cut links).
const PersonalLink PersonalKind = "link"

// linkRE is a web link with a scheme, one starting with "www.", or a
// host name with a path written without either ("cloud.example.org/s/…",
// as copied from a browser's address bar: a host of two or more labels,
// the last of letters, then a slash and more).
var linkRE = regexp.MustCompile(`(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"'“”„‚‘’«»()\[\]{}]+` +
	`|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?::[0-9]+)?/[^\s<>"'“”„‚‘’«»()\[\]{}]+`)

// hasScheme reports whether link starts with a scheme ("https://").
func hasScheme(link string) bool {
	i := strings.Index(link, "://")
	return i > 0 && !strings.ContainsAny(link[:i], "./")
}

// linkTrail is punctuation that ends a sentence after a link.
const linkTrail = ".,;:!?"

// ShortenLinks replaces every web link in s by its scheme and host (with the port) with
// "/…" where its path, query or fragment was ("https://cloud.example.org/…");
// a link that is only a host stays. It returns the text and how many links
// it shortened.
func ShortenLinks(s string) (string, int) {
	n := 0
	out := linkRE.ReplaceAllStringFunc(s, func(m string) string {
		link := strings.TrimRight(m, linkTrail)
		trail := m[len(link):]
		raw := link
		if !hasScheme(raw) {
			raw = "http://" + raw
		}
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			// Not a link after all ("www." alone): the host is unknown, the
			// rest may be anything.
			n++
			return "[…]" + trail
		}
		if (u.Path == "" || u.Path == "/") && u.RawQuery == "" && u.Fragment == "" && u.User == nil {
			return m
		}
		n++
		scheme := u.Scheme + "://"
		if raw != link {
			scheme = "" // written without one
		}
		return scheme + u.Host + "/…" + trail
	})
	return out, n
}
