package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// A sync response carries each event's unsigned.age, an integer of
// milliseconds. Synapse passes a federated event's unsigned.age on as the
// sending server wrote it once Python's int() accepts it (its issue 8429):
// a string "5" or a float 1.5 from a hostile or broken server reaches
// Lotse verbatim, and mautrix then refuses the whole response („cannot
// unmarshal … into int64“). The sync would fail on that batch at every
// retry and Lotse would answer nobody again. ageGuard drops such a value
// before mautrix decodes the response; an event without an age is judged
// by its origin_server_ts (beyondRetention). Hand-written because mautrix
// offers no hook between reading and decoding the sync response.

// suspectAge finds an "age" key whose value is not a plain integer: a
// string, an object, a float or an exponent. A plain integer everywhere —
// every sync from a well-behaved homeserver — leaves the body untouched
// and costs one scan.
var suspectAge = regexp.MustCompile(`"age"\s*:\s*(?:[^-\d\s]|-?\d+[.eE])`)

// ageGuard is the http.RoundTripper of Lotse's Matrix client: it hands
// every request to next and cleans /sync responses (dropBadAges).
type ageGuard struct {
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (g ageGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := g.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK || !strings.HasSuffix(req.URL.Path, "/sync") {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("failed to read the sync response: %w", err)
	}
	body = dropBadAges(body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// guardAges returns a copy of c whose transport is wrapped in ageGuard.
func guardAges(c *http.Client) *http.Client {
	guarded := *c
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	guarded.Transport = ageGuard{next: next}
	return &guarded
}

// dropBadAges returns body without the unsigned.age values that are not
// integers, or body itself when it has none (or is no JSON: mautrix then
// reports the error as before).
func dropBadAges(body []byte) []byte {
	if !suspectAge.Match(body) {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil || !dropAges(v) {
		return body
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return body
	}
	return out.Bytes()
}

// dropAges removes, anywhere in v, an "unsigned" object's "age" that is
// not an integer, and reports whether it removed one.
func dropAges(v any) bool {
	changed := false
	switch v := v.(type) {
	case map[string]any:
		if u, ok := v["unsigned"].(map[string]any); ok {
			if age, ok := u["age"]; ok && !isInteger(age) {
				delete(u, "age")
				changed = true
			}
		}
		for _, x := range v {
			changed = dropAges(x) || changed
		}
	case []any:
		for _, x := range v {
			changed = dropAges(x) || changed
		}
	}
	return changed
}

// isInteger reports whether a decoded JSON value is an integer that fits
// int64 (mautrix's event.Unsigned.Age).
func isInteger(v any) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	_, err := n.Int64()
	return err == nil
}
