package nextcloud

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.mau.fi/util/retryafter"
)

// DefaultTimeout is the per-request timeout used when Options.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// maxBodySize bounds how much of a response is read (user listings can be big).
const maxBodySize = 16 << 20

// Options configures a Client.
type Options struct {
	// BaseURL is the Nextcloud root, e.g. "https://cloud.example.org" or
	// "https://example.org/nextcloud". The client talks to "<BaseURL>/ocs/v2.php".
	// A BaseURL that already ends in "/ocs/v1.php" or "/ocs/v2.php" is used as
	// is (v1 responses are understood too). It must not contain credentials.
	BaseURL string
	// User is the (admin) account the bot acts as.
	User string
	// AppPassword is an app password of User (Settings → Security, or
	// `occ user:add-app-password`). It never appears in errors.
	AppPassword string
	// HTTPClient is used for requests; nil means a new http.Client.
	HTTPClient *http.Client
	// Timeout bounds each request (applied through the context, so it also
	// works with a shared HTTPClient); 0 means DefaultTimeout.
	Timeout time.Duration
}

// Client calls the Nextcloud OCS Provisioning API (JSON).
// See https://docs.nextcloud.com/server/latest/admin_manual/configuration_user/instruction_set_for_users.html
// A Client is safe for concurrent use.
type Client struct {
	apiRoot  string // e.g. https://host/ocs/v2.php
	user     string
	password string
	hc       *http.Client
	timeout  time.Duration
}

// NewClient checks the options and returns a Client.
func NewClient(opts Options) (*Client, error) {
	if opts.BaseURL == "" {
		return nil, errors.New("nextcloud: base URL is required")
	}
	u, err := url.Parse(opts.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("nextcloud: base URL must be an absolute http(s) URL")
	}
	if u.User != nil {
		return nil, errors.New("nextcloud: base URL must not contain credentials; use User and AppPassword")
	}
	if opts.User == "" || opts.AppPassword == "" {
		return nil, errors.New("nextcloud: user and app password are required")
	}
	u.RawQuery, u.Fragment = "", ""
	root := strings.TrimRight(u.String(), "/")
	if !strings.HasSuffix(root, "/ocs/v1.php") && !strings.HasSuffix(root, "/ocs/v2.php") {
		root += "/ocs/v2.php"
	}
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Client{apiRoot: root, user: opts.User, password: opts.AppPassword, hc: hc, timeout: timeout}, nil
}

// envelope is the OCS response wrapper: {"ocs":{"meta":{…},"data":…}}.
type envelope struct {
	OCS *struct {
		Meta *struct {
			Status     string `json:"status"`
			StatusCode int    `json:"statuscode"`
			Message    string `json:"message"`
		} `json:"meta"`
		Data json.RawMessage `json:"data"`
	} `json:"ocs"`
}

// call describes one request.
type call struct {
	op     string
	method string
	path   string      // below /cloud, already escaped
	query  url.Values  // without format
	form   []formField // body for POST/PUT/DELETE
	codes  map[int]error
}

// formField is one key=value pair; keys may repeat (groups[]).
type formField struct{ key, value string }

// encodeForm encodes fields as application/x-www-form-urlencoded, keeping
// "[]" in keys literal (groups[]=a&groups[]=b) as in Nextcloud's docs.
func encodeForm(fields []formField) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(strings.ReplaceAll(url.QueryEscape(f.key), "%5B%5D", "[]"))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(f.value))
	}
	return b.String()
}

// do performs c and decodes the envelope's data into out (may be nil).
func (c *Client) do(ctx context.Context, cl call, out any) error {
	q := url.Values{}
	for k, v := range cl.query {
		q[k] = v
	}
	q.Set("format", "json")
	target := c.apiRoot + "/cloud" + cl.path + "?" + q.Encode()

	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	var body io.Reader
	if cl.method != http.MethodGet {
		body = strings.NewReader(encodeForm(cl.form))
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, target, body)
	if err != nil {
		return &Error{Op: cl.op, Message: c.redact("invalid request: " + err.Error())}
	}
	req.SetBasicAuth(c.user, c.password)
	req.Header.Set("OCS-APIRequest", "true")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "lotse-nextcloud")
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		return c.networkError(ctx, cl.op, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBodySize))
	if err != nil {
		return c.networkError(ctx, cl.op, err)
	}
	return c.handle(cl, resp, raw, out)
}

// networkError turns a transport error into an *Error without secrets and
// without the request URL (which may carry personal data in the query).
func (c *Client) networkError(ctx context.Context, op string, err error) error {
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	e := &Error{Op: op, err: err}
	switch {
	case errors.Is(err, context.Canceled) && !errors.Is(ctx.Err(), context.DeadlineExceeded):
		e.Message = "request canceled"
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil:
		e.Message = "request timed out"
		e.kind = ErrTemporary
	default:
		e.Message = c.redact("request failed: " + inner.Error())
		e.kind = ErrTemporary
	}
	return e
}

// handle checks the HTTP status and the envelope and decodes data.
func (c *Client) handle(cl call, resp *http.Response, raw []byte, out any) error {
	e := &Error{Op: cl.op, HTTPStatus: resp.StatusCode, RetryAfter: retryAfter(resp.Header)}

	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	isJSON := mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
	var env envelope
	hasEnvelope := false
	if isJSON && json.Unmarshal(raw, &env) == nil && env.OCS != nil && env.OCS.Meta != nil {
		hasEnvelope = true
		e.StatusCode = env.OCS.Meta.StatusCode
		e.Message = c.redact(env.OCS.Meta.Message)
	} else if isJSON {
		// Errors raised before the OCS controller, e.g. 412 {"message":"CSRF check failed"}.
		var plain struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(raw, &plain) == nil {
			e.Message = c.redact(plain.Message)
		}
	}

	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if ok2xx && hasEnvelope && (e.StatusCode == 100 || e.StatusCode == 200) {
		if out == nil {
			return nil
		}
		if err := decodeData(env.OCS.Data, out); err != nil {
			return &Error{Op: cl.op, HTTPStatus: resp.StatusCode, StatusCode: e.StatusCode,
				Message: "invalid response data: " + c.redact(err.Error())}
		}
		return nil
	}

	if !hasEnvelope && e.Message == "" {
		switch {
		case resp.StatusCode == http.StatusPreconditionFailed:
			e.Message = "CSRF check failed (OCS-APIRequest header missing or stripped by a proxy)"
		case ok2xx:
			e.Message = fmt.Sprintf("unexpected non-OCS response (Content-Type %q); check the base URL", mediaType)
		default:
			e.Message = fmt.Sprintf("unexpected response %q", http.StatusText(resp.StatusCode))
			if mediaType != "" {
				e.Message += fmt.Sprintf(" (Content-Type %q)", mediaType)
			}
		}
	}
	e.kind = classify(resp.StatusCode, e.StatusCode, e.Message, hasEnvelope, cl.codes)
	if e.kind == ErrNotFound && !hasEnvelope && resp.StatusCode == http.StatusNotFound {
		e.Message = "endpoint not found; check the base URL"
	}
	return e
}

// classify maps an HTTP status and an OCS status code to a sentinel.
func classify(httpStatus, code int, msg string, hasEnvelope bool, codes map[int]error) error {
	switch {
	case httpStatus == http.StatusUnauthorized || code == 997:
		return ErrUnauthorized
	case (httpStatus == http.StatusForbidden || code == 403) &&
		strings.Contains(strings.ToLower(msg), "password confirmation"):
		return ErrPasswordConfirmation
	case httpStatus == http.StatusForbidden || code == 403:
		return ErrForbidden
	case httpStatus == http.StatusTooManyRequests || code == 429:
		return ErrRateLimited
	case code == 998 || httpStatus == http.StatusNotFound:
		return ErrNotFound
	case httpStatus >= 500 || code == 996 || code == 999:
		return ErrTemporary
	}
	if !hasEnvelope {
		return nil
	}
	if k, ok := codes[code]; ok {
		return k
	}
	if code > 100 && code < 200 {
		return ErrInvalidInput
	}
	return nil
}

// retryAfter reads X-Nextcloud-Bruteforce-Throttled ("<ms>ms") or Retry-After (seconds).
func retryAfter(h http.Header) time.Duration {
	if v := strings.TrimSpace(h.Get("X-Nextcloud-Bruteforce-Throttled")); v != "" {
		v = strings.TrimSpace(strings.TrimSuffix(v, "ms"))
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	// Seconds or an HTTP date (go.mau.fi/util/retryafter); a date in the
	// past or nonsense means no hint.
	return max(retryafter.Parse(strings.TrimSpace(h.Get("Retry-After")), 0), 0)
}

// redact removes the app password (and the Basic credentials built from it)
// from s.
func (c *Client) redact(s string) string {
	if c.password == "" || s == "" {
		return s
	}
	s = strings.ReplaceAll(s, c.password, "[REDACTED]")
	s = strings.ReplaceAll(s, url.QueryEscape(c.password), "[REDACTED]")
	basic := base64.StdEncoding.EncodeToString([]byte(c.user + ":" + c.password))
	return strings.ReplaceAll(s, basic, "[REDACTED]")
}

// decodeData decodes an envelope's data, treating [] and null as empty
// (PHP's json_encode writes an empty array as []).
func decodeData(raw json.RawMessage, out any) error {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) || bytes.Equal(t, []byte("[]")) {
		return nil
	}
	return json.Unmarshal(t, out)
}

// stringList decodes a JSON array of strings, or an object whose values are
// strings (PHP arrays with gaps in their keys), or [] / null.
type stringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *stringList) UnmarshalJSON(b []byte) error {
	t := bytes.TrimSpace(b)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		*l = nil
		return nil
	}
	if t[0] == '{' {
		var m map[string]string
		if err := json.Unmarshal(t, &m); err != nil {
			return err
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, errA := strconv.Atoi(keys[i])
			b, errB := strconv.Atoi(keys[j])
			if errA == nil && errB == nil {
				return a < b
			}
			return keys[i] < keys[j]
		})
		out := make([]string, 0, len(m))
		for _, k := range keys {
			out = append(out, m[k])
		}
		*l = out
		return nil
	}
	var s []string
	if err := json.Unmarshal(t, &s); err != nil {
		return err
	}
	*l = s
	return nil
}
