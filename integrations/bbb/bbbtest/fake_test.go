package bbbtest_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/xml"
	"hash"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
)

const secret = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"

// sum computes a checksum independently of package bbb.
func sum(h hash.Hash, call, query string) string {
	io.WriteString(h, call+query+secret)
	return hex.EncodeToString(h.Sum(nil))
}

type result struct {
	status     int
	body       string
	ReturnCode string `xml:"returncode"`
	MessageKey string `xml:"messageKey"`
	Message    string `xml:"message"`
}

func get(t *testing.T, u string) result {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := result{status: resp.StatusCode, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/xml") {
		if err := xml.Unmarshal(b, &r); err != nil {
			t.Fatalf("bad XML: %v\n%s", err, b)
		}
	}
	return r
}

func TestChecksumVerification(t *testing.T) {
	const q = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
	tests := []struct {
		name, call, rawQuery string
		wantKey              string // "" = SUCCESS
	}{
		{"documented vector (sha1)", "create", q + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17", ""},
		{"documented vector (sha256)", "create", q + "&checksum=da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e", "duplicateWarning"},
		{"upper-case hex", "create", q + "&checksum=1FCBB0C4FC1F039F73AA6D697D2DB9BA7F803F17", "duplicateWarning"},
		{"checksum first", "create", "checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17&" + q, "duplicateWarning"},
		{"sha384", "create", q + "&checksum=" + sum(sha512.New384(), "create", q), "duplicateWarning"},
		{"sha512", "create", q + "&checksum=" + sum(sha512.New(), "create", q), "duplicateWarning"},
		{"wrong checksum", "create", q + "&checksum=0fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17", "checksumError"},
		{"checksum of another call", "end", "meetingID=abc123&checksum=" + sum(sha1.New(), "getMeetingInfo", "meetingID=abc123"), "checksumError"},
		{"missing checksum", "getMeetings", "", "checksumError"},
		{"odd length", "getMeetings", "checksum=abc", "checksumError"},
		{"re-encoded query (Go ~ vs Java %7E)", "create", "name=a~b&meetingID=abc123&checksum=" + sum(sha1.New(), "create", "name=a%7Eb&meetingID=abc123"), "checksumError"},
		{"parameter order matters", "create", "meetingID=abc123&name=Test+Meeting&attendeePW=111222&moderatorPW=333444&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17", "checksumError"},
		{"empty query", "getMeetings", "checksum=" + sum(sha256.New(), "getMeetings", ""), ""},
	}
	f := bbbtest.New(t, secret)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, f.URL()+tt.call+"?"+tt.rawQuery)
			if r.status != 200 || r.MessageKey != tt.wantKey {
				t.Errorf("got %d %s/%s (%s), want messageKey %q", r.status, r.ReturnCode, r.MessageKey, r.Message, tt.wantKey)
			}
			wantRC := "SUCCESS"
			if tt.wantKey == "checksumError" {
				wantRC = "FAILED"
			}
			if r.ReturnCode != wantRC {
				t.Errorf("returncode %s, want %s", r.ReturnCode, wantRC)
			}
			if !strings.HasPrefix(r.body, "<response>\n  <returncode>") {
				t.Errorf("returncode is not the first element:\n%s", r.body)
			}
		})
	}
}

func TestParameterErrors(t *testing.T) {
	signed := func(call, q string) string {
		s := sum(sha1.New(), call, q)
		if q == "" {
			return call + "?checksum=" + s
		}
		return call + "?" + q + "&checksum=" + s
	}
	tests := []struct {
		name, path, wantKey string
	}{
		{"create without meetingID", signed("create", "name=Raum"), "missingParamMeetingID"},
		{"create with short meetingID", signed("create", "name=Raum&meetingID=a"), "validationError"},
		{"create with comma", signed("create", "name=Raum&meetingID=a%2Cb"), "validationError"},
		{"create with long meetingID", signed("create", "name=Raum&meetingID="+strings.Repeat("x", 257)), "validationError"},
		{"create with short name", signed("create", "name=R&meetingID=abc"), "validationError"},
		{"join without fullName", signed("join", "meetingID=abc&role=VIEWER"), "missingParamFullName"},
		{"join without meetingID", signed("join", "fullName=A&role=VIEWER"), "missingParamMeetingID"},
		{"join unknown meeting", signed("join", "fullName=A&meetingID=abc&role=VIEWER"), "invalidMeetingIdentifier"},
		{"info unknown meeting", signed("getMeetingInfo", "meetingID=abc"), "notFound"},
		{"end unknown meeting", signed("end", "meetingID=abc"), "notFound"},
		{"no meetings", signed("getMeetings", ""), "noMeetings"},
		{"unknown call", signed("frobnicate", ""), "unsupportedRequest"},
	}
	f := bbbtest.New(t, secret)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := get(t, f.URL()+tt.path); r.MessageKey != tt.wantKey {
				t.Errorf("got %s/%s (%s), want %s", r.ReturnCode, r.MessageKey, r.Message, tt.wantKey)
			}
		})
	}
}

func TestJoinRoleAndPassword(t *testing.T) {
	f := bbbtest.New(t, secret)
	signed := func(call, q string) string { return f.URL() + call + "?" + q + "&checksum=" + sum(sha1.New(), call, q) }
	if r := get(t, signed("create", "name=Raum&meetingID=abc&attendeePW=ap&moderatorPW=mp")); r.ReturnCode != "SUCCESS" {
		t.Fatalf("create: %+v", r)
	}
	tests := []struct {
		name, q  string
		wantKey  string
		wantRole string
	}{
		{"role wins over password", "fullName=A&meetingID=abc&role=viewer&password=mp&redirect=false", "successfullyJoined", "VIEWER"},
		{"moderator password", "fullName=B&meetingID=abc&password=mp&redirect=false", "successfullyJoined", "MODERATOR"},
		{"attendee password", "fullName=C&meetingID=abc&password=ap&redirect=false", "successfullyJoined", "VIEWER"},
		{"wrong password", "fullName=D&meetingID=abc&password=xx&redirect=false", "invalidPassword", ""},
		{"neither", "fullName=E&meetingID=abc&redirect=false", "Params required", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := signed("join", tt.q)
			info, verr := f.VerifyJoinURL(u)
			if r := get(t, u); r.MessageKey != tt.wantKey {
				t.Errorf("got %s (%s), want %s", r.MessageKey, r.Message, tt.wantKey)
			}
			if tt.wantRole == "" {
				if verr == nil {
					t.Error("VerifyJoinURL accepted a link without a valid role")
				}
				return
			}
			if verr != nil || info.Role != tt.wantRole || info.Redirect {
				t.Errorf("VerifyJoinURL = %+v, %v", info, verr)
			}
		})
	}
	m, _ := f.Meeting("abc")
	if len(m.Attendees) != 3 || !m.Running {
		t.Errorf("attendees = %+v", m.Attendees)
	}

	// A redirecting join only counts once the browser arrives.
	r := get(t, signed("join", "fullName=F&meetingID=abc&role=MODERATOR"))
	if r.status != http.StatusFound {
		t.Fatalf("join: %d %s", r.status, r.body)
	}
	if m, _ := f.Meeting("abc"); len(m.Attendees) != 3 {
		t.Errorf("attendee added before the redirect was followed")
	}
	if _, err := f.VerifyJoinURL(strings.Replace(signed("join", "fullName=F&meetingID=abc&role=MODERATOR"), f.URL(), "https://elsewhere.example/bigbluebutton/api/", 1)); err == nil {
		t.Error("VerifyJoinURL accepted a link to another server")
	}
}

func TestFailNextAndRoot(t *testing.T) {
	f := bbbtest.New(t, secret)
	f.FailNext(1, http.StatusServiceUnavailable)
	if r := get(t, f.URL()); r.status != 503 {
		t.Errorf("FailNext: %d", r.status)
	}
	r := get(t, f.URL())
	if r.status != 200 || r.ReturnCode != "SUCCESS" || !strings.Contains(r.body, "<version>") {
		t.Errorf("root: %+v", r)
	}
	if f.Requests("") != 2 {
		t.Errorf("Requests(\"\") = %d", f.Requests(""))
	}
}

// TestNewServer: the constructor for programs serves plain HTTP on loopback
// (a subprocess can reach it without trusting a test certificate) and stops
// answering after Close.
func TestNewServer(t *testing.T) {
	f := bbbtest.NewServer(secret)
	if !strings.HasPrefix(f.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL() = %q, want plain HTTP on 127.0.0.1", f.URL())
	}
	if r := get(t, f.URL()); r.status != http.StatusOK || r.ReturnCode != "SUCCESS" {
		t.Fatalf("API root: %d %s", r.status, r.body)
	}
	f.Close()
	if resp, err := http.Get(f.URL()); err == nil {
		resp.Body.Close()
		t.Fatal("the server still answers after Close")
	}
}
