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

// linkRE is a link with any scheme ("https://", "otpauth://" with its
// one-time-password secret, "davs://"), a Matrix URI ("matrix:u/…"), one
// starting with "www.", or a host name written without a scheme and followed
// by a path, query or fragment ("cloud.example.org/s/<token>": chat clients
// make such a text a link, and members write their share links so).
var linkRE = regexp.MustCompile(`(?i)(?:\b[a-z][a-z0-9+.\-]*://|\bmatrix:|\bwww\.|\b(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}(?::[0-9]{1,5})?[/?#])` + linkRest)

// linkRest is the rest of a link: up to white space, quotes or brackets.
const linkRest = `[^\s<>"'“”„‚‘’«»()\[\]{}]*`

// linkTrail is punctuation that ends a sentence after a link.
const linkTrail = ".,;:!?"

// ShortenLinks replaces every link in s by its scheme and host (with the port) with
// "/…" where its path, query, fragment or user information was
// ("https://cloud.example.org/…"; a link written without a scheme keeps
// none); a link that is only a host stays, one without a host becomes "[…]".
// It returns the text and how many links it shortened.
func ShortenLinks(s string) (string, int) {
	n := 0
	out := linkRE.ReplaceAllStringFunc(s, func(m string) string {
		link := strings.TrimRight(m, linkTrail)
		trail := m[len(link):]
		raw := link
		if !strings.Contains(raw, "://") && !strings.HasPrefix(strings.ToLower(raw), "matrix:") {
			raw = "http://" + raw // "www." or a bare host
		}
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			// Not a link after all ("www." alone), or one without a host
			// (a Matrix URI names a person or room): the host is unknown,
			// the rest may be anything.
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
