package nextcloudtest

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// request is the parsed context of one OCS call.
type request struct {
	r       *http.Request
	version int // 1 or 2
	json    bool
	caller  *User
	params  url.Values // query and form body merged (body wins), like PHP's $_REQUEST
	segs    []string   // unescaped path segments below /cloud
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	version, segs, ok := splitPath(r.URL.EscapedPath())
	key := endpointKey(r.Method, segs, ok)

	f.mu.Lock()
	f.total++
	f.requests[key]++
	close(f.requested)
	f.requested = make(chan struct{})
	latency := f.latency
	injected := 0
	if f.failNext > 0 {
		f.failNext--
		injected = f.failStatus
	}
	rateLimited, pwConfirm, retryAfter, onRequest := f.rateLimited, f.pwConfirm, f.retryAfter, f.onRequest
	f.mu.Unlock()
	if onRequest != nil {
		onRequest(key)
	}

	// Read the body first: only then does net/http notice a client that hangs
	// up (and cancel r.Context()) while we wait.
	params, perr := parseParams(r)
	if !wait(r.Context(), latency) {
		return // the client gave up
	}
	if injected != 0 {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		if injected == http.StatusInternalServerError {
			// An OCSException 996 as V1Response / V2Response send it: HTTP
			// 500 on v2, but HTTP 200 on v1 (the code only in the
			// envelope). Before, v1 got HTTP 500 as well, kinder than the
			// server, and hid that the client read a v1 server error on
			// a create as „no account made“ (acc34).
			if !ok {
				version = 2
			}
			writeOCS(w, &request{r: r, version: version, json: wantsJSON(r)}, nil, fail(996, "Internal Server Error"), 0)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(injected)
		fmt.Fprintf(w, "<html><head><title>%d %s</title></head><body><center><h1>%d %s</h1></center><hr><center>nginx</center></body></html>\n",
			injected, http.StatusText(injected), injected, http.StatusText(injected))
		return
	}
	if !ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<html><body><h1>404 Not Found</h1></body></html>\n")
		return
	}
	req := &request{r: r, version: version, json: wantsJSON(r), segs: segs}
	if rateLimited {
		w.Header().Set("X-Nextcloud-Bruteforce-Throttled", "25000ms")
		writeOCS(w, req, nil, fail(429, "Reached maximum delay"), 0)
		return
	}
	// CSRF: OCS requests without a Bearer token need OCS-APIRequest: true.
	if r.Header.Get("OCS-APIRequest") != "true" && !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusPreconditionFailed)
		io.WriteString(w, `{"message":"CSRF check failed"}`)
		return
	}
	user, pass, hasAuth := r.BasicAuth()
	f.mu.Lock()
	caller := f.users[strings.ToLower(user)]
	if !hasAuth || caller == nil || caller.Password == "" || caller.Password != pass || caller.Disabled {
		caller = nil
	}
	f.mu.Unlock()
	if caller == nil {
		writeOCS(w, req, nil, fail(997, "Current user is not logged in"), 0)
		return
	}
	req.caller = caller
	if perr != nil {
		writeOCS(w, req, nil, fail(101, "Bad request: %v", perr), 0)
		return
	}
	req.params = params
	if pwConfirm && r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeOCS(w, req, nil, fail(403, "Password confirmation is required"), 0)
		return
	}
	data, oerr := f.route(req)
	writeOCS(w, req, data, oerr, 0)
}

// splitPath parses /ocs/v{1,2}.php/cloud/<segs…>.
func splitPath(p string) (version int, segs []string, ok bool) {
	switch {
	case strings.HasPrefix(p, "/ocs/v1.php/cloud/") || p == "/ocs/v1.php/cloud":
		version, p = 1, strings.TrimPrefix(p, "/ocs/v1.php/cloud")
	case strings.HasPrefix(p, "/ocs/v2.php/cloud/") || p == "/ocs/v2.php/cloud":
		version, p = 2, strings.TrimPrefix(p, "/ocs/v2.php/cloud")
	default:
		return 0, nil, false
	}
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		u, err := url.PathUnescape(s)
		if err != nil {
			return 0, nil, false
		}
		segs = append(segs, u)
	}
	return version, segs, true
}

// endpointKey names the route for the request counters.
func endpointKey(method string, segs []string, ok bool) string {
	if !ok || len(segs) == 0 {
		return method + " (not OCS)"
	}
	parts := append([]string(nil), segs...)
	switch {
	case parts[0] == "users" && len(parts) >= 2 && parts[1] != "details":
		parts[1] = "{userid}"
	case parts[0] == "groups" && len(parts) >= 2 && parts[1] != "details":
		parts[1] = "{groupid}"
	}
	return method + " /cloud/" + strings.Join(parts, "/")
}

func wantsJSON(r *http.Request) bool {
	switch r.URL.Query().Get("format") {
	case "json":
		return true
	case "xml":
		return false
	}
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// parseParams merges query parameters and a form-encoded body (also for
// DELETE, which net/http's ParseForm ignores but PHP reads).
func parseParams(r *http.Request) (url.Values, error) {
	params := url.Values{}
	for k, v := range r.URL.Query() {
		params[k] = v
	}
	if r.Body == nil || r.Method == http.MethodGet {
		return params, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return params, nil
	}
	if ct != "application/x-www-form-urlencoded" {
		return nil, fmt.Errorf("unsupported body Content-Type %q", ct)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	for k, v := range form {
		params[k] = v
	}
	return params, nil
}

// arrayParam returns PHP array parameter name (name[]=a&name[]=b or
// name[0]=a); a plain "name=a" is a type error like in PHP.
func arrayParam(p url.Values, name string) ([]string, *ocsError) {
	if _, ok := p[name]; ok {
		return nil, fail(101, "Bad request: %s must be an array (send %s[]=…)", name, name)
	}
	out := append([]string(nil), p[name+"[]"]...)
	var indexed []string
	for k := range p {
		if strings.HasPrefix(k, name+"[") && k != name+"[]" && strings.HasSuffix(k, "]") {
			indexed = append(indexed, k)
		}
	}
	sort.Strings(indexed)
	for _, k := range indexed {
		out = append(out, p[k]...)
	}
	return out, nil
}

// httpStatus maps an OCS status code to HTTP like V1Response / V2Response.
func httpStatus(version, code int) int {
	if code == 997 {
		return http.StatusUnauthorized
	}
	if version == 1 {
		return http.StatusOK
	}
	switch {
	case code == 100 || code == 200:
		return http.StatusOK
	case code == 998:
		return http.StatusNotFound
	case code == 996 || code == 999:
		return http.StatusInternalServerError
	case code < 200 || code > 600:
		return http.StatusBadRequest
	}
	return code
}

// writeOCS writes the OCS envelope. status overrides the HTTP status if non-zero.
func writeOCS(w http.ResponseWriter, req *request, data any, oerr *ocsError, status int) {
	code, msg, st := 100, "OK", "ok"
	if req.version == 2 {
		code = 200
	}
	if oerr != nil {
		code, msg, st = oerr.code, oerr.msg, "failure"
		data = nil
	}
	if status == 0 {
		status = httpStatus(req.version, code)
	}
	data = phpify(data)
	if req.json {
		meta := map[string]any{"status": st, "statuscode": code, "message": msg}
		if req.version == 1 {
			meta["totalitems"], meta["itemsperpage"] = "", ""
		}
		body, err := json.Marshal(map[string]any{"ocs": map[string]any{"meta": meta, "data": data}})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		w.Write(body)
		return
	}
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n")
	fmt.Fprintf(&b, "  <status>%s</status>\n  <statuscode>%d</statuscode>\n  <message>%s</message>\n", st, code, xmlEscape(msg))
	if req.version == 1 {
		b.WriteString("  <totalitems></totalitems>\n  <itemsperpage></itemsperpage>\n")
	}
	b.WriteString(" </meta>\n <data>")
	writeXML(&b, data)
	b.WriteString("</data>\n</ocs>\n")
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

// phpify turns nil and empty maps/slices into [] like PHP's json_encode of an
// empty array, recursively.
func phpify(v any) any {
	switch x := v.(type) {
	case nil:
		return []any{}
	case map[string]any:
		if len(x) == 0 {
			return []any{}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			if e == nil {
				out[k] = nil // PHP null stays null inside arrays
				continue
			}
			out[k] = phpify(e)
		}
		return out
	case []string:
		if len(x) == 0 {
			return []any{}
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = phpify(e)
		}
		return out
	}
	return v
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// writeXML renders data like OCS's XML renderer: map keys become elements
// (invalid names become <element>), list items become <element>.
func writeXML(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if !validXMLName(k) {
				name = "element"
			}
			fmt.Fprintf(b, "<%s>", name)
			writeXML(b, x[k])
			fmt.Fprintf(b, "</%s>", name)
		}
	case []any:
		for _, e := range x {
			b.WriteString("<element>")
			writeXML(b, e)
			b.WriteString("</element>")
		}
	case []string:
		for _, e := range x {
			b.WriteString("<element>" + xmlEscape(e) + "</element>")
		}
	case string:
		b.WriteString(xmlEscape(x))
	case bool:
		if x {
			b.WriteString("1")
		}
	default:
		b.WriteString(xmlEscape(fmt.Sprint(v)))
	}
}

func validXMLName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
			(i > 0 && (r == '-' || r == '.' || (r >= '0' && r <= '9')))
		if !ok {
			return false
		}
	}
	return true
}
