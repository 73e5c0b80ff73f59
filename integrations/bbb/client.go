package bbb

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultTimeout is the per-request timeout used when Options.Timeout is 0.
const DefaultTimeout = 30 * time.Second

const maxBodySize = 8 << 20

// Options configures a Client.
type Options struct {
	// BaseURL is the API base, e.g. "https://bbb.example.org/bigbluebutton/api/".
	// A server root ("https://bbb.example.org") gets "/bigbluebutton/api/" appended.
	BaseURL string
	// Secret is the shared secret (securitySalt, `bbb-conf --secret`). It is
	// only ever hashed, never sent or included in errors.
	Secret string
	// Algorithm is the checksum hash: "sha1" (default, works everywhere),
	// "sha256", "sha384" or "sha512" (BBB 2.5+). It must be in the server's
	// supportedChecksumAlgorithms.
	Algorithm string
	// HTTPClient is used for requests; nil means a new http.Client.
	HTTPClient *http.Client
	// Timeout bounds each request (through the context); 0 means DefaultTimeout.
	Timeout time.Duration
}

// Client calls the BigBlueButton API.
// See https://docs.bigbluebutton.org/development/api/
// A Client is safe for concurrent use.
type Client struct {
	base      string // ends with "/"
	secret    string
	algorithm string
	hc        *http.Client
	timeout   time.Duration
}

// NewClient checks the options and returns a Client.
func NewClient(opts Options) (*Client, error) {
	u, err := url.Parse(opts.BaseURL)
	if opts.BaseURL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("bbb: base URL must be an absolute http(s) URL")
	}
	if u.User != nil {
		return nil, errors.New("bbb: base URL must not contain credentials")
	}
	if opts.Secret == "" {
		return nil, errors.New("bbb: shared secret is required")
	}
	alg := strings.ToLower(strings.TrimSpace(opts.Algorithm))
	if alg == "" {
		alg = "sha1"
	}
	if newHash(alg) == nil {
		return nil, fmt.Errorf("bbb: unsupported checksum algorithm %q (want sha1, sha256, sha384 or sha512)", opts.Algorithm)
	}
	u.RawQuery, u.Fragment = "", ""
	base := strings.TrimRight(u.String(), "/")
	if !strings.HasSuffix(base, "/api") {
		base += "/bigbluebutton/api"
	}
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Client{base: base + "/", secret: opts.Secret, algorithm: alg, hc: hc, timeout: timeout}, nil
}

func newHash(algorithm string) hash.Hash {
	switch algorithm {
	case "sha1":
		return sha1.New()
	case "sha256":
		return sha256.New()
	case "sha384":
		return sha512.New384()
	case "sha512":
		return sha512.New()
	}
	return nil
}

// Checksum returns hex(H(call + query + secret)), the BBB API checksum, for
// algorithm "sha1", "sha256", "sha384" or "sha512". query must be exactly the
// encoded query string that is sent (without checksum=).
func Checksum(algorithm, call, query, secret string) (string, error) {
	h := newHash(strings.ToLower(algorithm))
	if h == nil {
		return "", fmt.Errorf("bbb: unsupported checksum algorithm %q", algorithm)
	}
	io.WriteString(h, call)
	io.WriteString(h, query)
	io.WriteString(h, secret)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// QueryEscape encodes s like Java's URLEncoder.encode(s, "UTF-8"), which is
// what BBB's checksum check expects: only A-Z a-z 0-9 - _ . * stay as they
// are, space becomes "+", everything else is %XX of its UTF-8 bytes. (Go's
// url.QueryEscape differs on "~" and "*".)
func QueryEscape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) * 3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '_', c == '.', c == '*':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xF])
		}
	}
	return b.String()
}

// query is an ordered list of parameters; the order is part of the checksum.
type query []param

type param struct{ key, value string }

func (q *query) add(key, value string) { *q = append(*q, param{key, value}) }

// addNonEmpty adds key=value unless value is "".
func (q *query) addNonEmpty(key, value string) {
	if value != "" {
		q.add(key, value)
	}
}

// encode renders the query in order with Java-compatible escaping.
func (q query) encode() string {
	var b strings.Builder
	for i, p := range q {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(QueryEscape(p.key))
		b.WriteByte('=')
		b.WriteString(QueryEscape(p.value))
	}
	return b.String()
}

// signedURL builds base + call + "?" + query + "checksum=…".
func (c *Client) signedURL(call string, q query) string {
	qs := q.encode()
	sum, _ := Checksum(c.algorithm, call, qs, c.secret) // algorithm checked in NewClient
	if qs == "" {
		return c.base + call + "?checksum=" + sum
	}
	return c.base + call + "?" + qs + "&checksum=" + sum
}

// response holds the fields every API response has.
type response struct {
	XMLName    xml.Name `xml:"response"`
	ReturnCode string   `xml:"returncode"`
	MessageKey string   `xml:"messageKey"`
	Message    string   `xml:"message"`
}

// get performs a GET of rawURL and decodes the XML response into out, which
// must embed the common fields (see decodeResponse).
func (c *Client) get(ctx context.Context, call, rawURL string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return &Error{Call: call, Message: "invalid request", kind: ErrValidation}
	}
	req.Header.Set("Accept", "application/xml, text/xml")
	req.Header.Set("User-Agent", "lotse-bbb")
	resp, err := c.hc.Do(req)
	if err != nil {
		return c.networkError(ctx, call, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodySize))
	if err != nil {
		return c.networkError(ctx, call, err)
	}
	return c.decode(call, resp.StatusCode, body, out)
}

// networkError turns a transport error into an *Error without the URL.
func (c *Client) networkError(ctx context.Context, call string, err error) error {
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	e := &Error{Call: call, err: err}
	switch {
	case errors.Is(err, context.Canceled) && !errors.Is(ctx.Err(), context.DeadlineExceeded):
		e.Message = "request canceled"
	case errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil:
		e.Message, e.kind = "request timed out", ErrTemporary
	default:
		e.Message, e.kind = c.redact("request failed: "+inner.Error()), ErrTemporary
	}
	return e
}

func (c *Client) redact(s string) string {
	if c.secret == "" {
		return s
	}
	return strings.ReplaceAll(s, c.secret, "[REDACTED]")
}

// decode checks the HTTP status and returncode and unmarshals body into out.
func (c *Client) decode(call string, status int, body []byte, out any) error {
	var base response
	xmlErr := xml.Unmarshal(body, &base)
	// 5xx, and a 429 of a proxy in front of bbb-web (rate limits): later
	// may succeed. Before, a 429 counted as a refusal and the request of
	// a room failed at once (twenty-sixth pass).
	if status >= 500 || status == http.StatusTooManyRequests {
		e := &Error{Call: call, HTTPStatus: status, kind: ErrTemporary,
			Message: fmt.Sprintf("server error %d %s", status, http.StatusText(status))}
		if xmlErr == nil && base.MessageKey != "" {
			e.MessageKey, e.Message = base.MessageKey, c.redact(base.Message)
		}
		return e
	}
	if xmlErr != nil {
		msg := "unexpected non-XML response; check the base URL"
		if status != http.StatusOK {
			msg = fmt.Sprintf("unexpected response %d %s", status, http.StatusText(status))
		}
		return &Error{Call: call, HTTPStatus: status, Message: msg}
	}
	switch base.ReturnCode {
	case "SUCCESS":
	case "FAILED":
		return &Error{Call: call, HTTPStatus: status, MessageKey: base.MessageKey,
			Message: c.redact(base.Message), kind: classifyKey(base.MessageKey)}
	default:
		return &Error{Call: call, HTTPStatus: status, Message: fmt.Sprintf("unexpected returncode %q", base.ReturnCode)}
	}
	if status != http.StatusOK {
		return &Error{Call: call, HTTPStatus: status, Message: fmt.Sprintf("unexpected HTTP status %d", status)}
	}
	if out == nil {
		return nil
	}
	if err := xml.Unmarshal(body, out); err != nil {
		return &Error{Call: call, HTTPStatus: status, Message: "invalid response: " + c.redact(err.Error())}
	}
	return nil
}
