// Package bbbtest provides an API-faithful fake BigBlueButton server served
// on a loopback port, for tests of integrations/bbb and of code that sends join links
// (New), and for programs that run Lotse against it, such as cmd/lotse-load
// (NewServer).
//
// It follows section B.7 of docs/integrations-reference.md: it verifies the
// checksum over the raw query minus "checksum=…" with the algorithm chosen by
// the checksum's length (40 SHA-1, 64 SHA-256, 96 SHA-384, 128 SHA-512),
// keeps meetings in memory keyed by meetingID with their createTime, makes
// create idempotent (duplicateWarning / idNotUnique), redirects joins to
// /html5client/join?sessionToken=… (or answers XML with redirect=false),
// resolves role versus password, checks createTime, ends meetings, lists
// attendees, and always writes XML with returncode first.
package bbbtest

import (
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lotse-bot/lotse/internal/loopback"
)

// APIPath is where the fake serves the API.
const APIPath = "/bigbluebutton/api/"

// Fake is a fake BigBlueButton server. All methods are safe for concurrent use.
type Fake struct {
	srv    *loopback.Server
	secret string

	mu             sync.Mutex
	algorithms     map[string]bool
	meetings       map[string]*meeting
	sessions       map[string]sessionRef
	pending        map[string]Attendee // by session token, until the join URL is followed
	lastCreateTime int64
	requests       map[string]int
	failNext       int
	failStatus     int
	latency        time.Duration
}

type sessionRef struct{ meetingID, userID string }

type meeting struct {
	id, internalID, name      string
	attendeePW, moderatorPW   string
	createTime                int64
	voiceBridge               string
	duration, maxParticipants int
	record                    bool
	ended                     bool
	startTime, endTime        int64
	hasUserJoined             bool
	metadata                  map[string]string
	attendees                 []Attendee
	welcome, moderatorOnlyMsg string
	params                    url.Values
	duplicateCount            int
}

// Attendee is a participant of a fake meeting.
type Attendee struct {
	UserID   string
	FullName string
	Role     string // MODERATOR or VIEWER
}

// Meeting is a snapshot of a fake meeting.
type Meeting struct {
	MeetingID   string
	Name        string
	CreateTime  int64
	AttendeePW  string
	ModeratorPW string
	Ended       bool
	Running     bool
	// Duplicates counts create calls answered with duplicateWarning.
	Duplicates int
	Attendees  []Attendee
	Metadata   map[string]string
	// Params are the create parameters as received (decoded).
	Params url.Values
}

// TB is the part of testing.TB that New uses; taking it instead of
// testing.TB keeps package testing out of programs that run the fake with
// NewServer (the demo, the load program).
type TB interface {
	Helper()
	Cleanup(func())
}

// New starts a fake that accepts checksums made with secret (SHA-1, -256,
// -384 and -512). It is closed by t.Cleanup.
func New(t TB, secret string) *Fake {
	t.Helper()
	f := NewServer(secret)
	t.Cleanup(f.Close)
	return f
}

// NewServer starts a fake like New, for programs that are not tests (the
// load program runs Lotse as a subprocess against it). It listens on a
// plain-HTTP loopback address (127.0.0.1, a free port), which any process on
// the machine can reach at URL. The caller closes it with Close.
func NewServer(secret string) *Fake {
	f := &Fake{
		secret:     secret,
		algorithms: map[string]bool{"sha1": true, "sha256": true, "sha384": true, "sha512": true},
		meetings:   map[string]*meeting{},
		sessions:   map[string]sessionRef{},
		requests:   map[string]int{},
	}
	f.srv = loopback.Start(http.HandlerFunc(f.serve))
	return f
}

// Close shuts the server down. It waits for requests in progress, including
// ones held by SetLatency until their client gives up.
func (f *Fake) Close() { f.srv.Close() }

// URL returns the API base, ".../bigbluebutton/api/".
func (f *Fake) URL() string { return f.srv.URL + APIPath }

// Client returns an *http.Client for the fake.
func (f *Fake) Client() *http.Client { return f.srv.Client() }

// SetSupportedAlgorithms limits the accepted checksum algorithms (like
// supportedChecksumAlgorithms in bbb-web), e.g. "sha1", "sha256".
func (f *Fake) SetSupportedAlgorithms(algs ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.algorithms = map[string]bool{}
	for _, a := range algs {
		f.algorithms[strings.ToLower(a)] = true
	}
}

// FailNext makes the next n requests fail with HTTP status (an HTML error
// page, like nginx in front of a broken bbb-web).
func (f *Fake) FailNext(n, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failNext, f.failStatus = n, status
}

// SetLatency delays every response by d (or until the request's context ends).
func (f *Fake) SetLatency(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency = d
}

// Requests returns how many requests named call ("create", "join", …; ""
// for the API root; "html5client" for followed join redirects) arrived.
func (f *Fake) Requests(call string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests[call]
}

// Meeting returns a snapshot of a meeting.
func (f *Fake) Meeting(meetingID string) (Meeting, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, ok := f.meetings[meetingID]
	if !ok {
		return Meeting{}, false
	}
	return m.snapshot(), true
}

// Meetings returns snapshots of all meetings, sorted by ID.
func (f *Fake) Meetings() []Meeting {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Meeting, 0, len(f.meetings))
	for _, m := range f.meetings {
		out = append(out, m.snapshot())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MeetingID < out[j].MeetingID })
	return out
}

func (m *meeting) snapshot() Meeting {
	md := make(map[string]string, len(m.metadata))
	for k, v := range m.metadata {
		md[k] = v
	}
	params := url.Values{}
	for k, v := range m.params {
		params[k] = append([]string(nil), v...)
	}
	return Meeting{
		MeetingID: m.id, Name: m.name, CreateTime: m.createTime, AttendeePW: m.attendeePW,
		ModeratorPW: m.moderatorPW, Ended: m.ended, Running: m.running(), Duplicates: m.duplicateCount,
		Attendees: append([]Attendee(nil), m.attendees...), Metadata: md, Params: params,
	}
}

func (m *meeting) running() bool { return !m.ended && len(m.attendees) > 0 }

// Join adds an attendee to a running meeting, as if a join link had been
// followed. role is MODERATOR or VIEWER.
func (f *Fake) Join(meetingID, fullName, role string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, ok := f.meetings[meetingID]
	if !ok {
		return errors.New("bbbtest: no such meeting")
	}
	if m.ended {
		return errors.New("bbbtest: meeting was ended")
	}
	role = strings.ToUpper(role)
	if role != "MODERATOR" && role != "VIEWER" {
		return fmt.Errorf("bbbtest: bad role %q", role)
	}
	f.addAttendee(m, Attendee{UserID: "w_" + randomHex(6), FullName: fullName, Role: role})
	return nil
}

func (f *Fake) addAttendee(m *meeting, a Attendee) {
	if !m.hasUserJoined {
		m.startTime = time.Now().UnixMilli()
	}
	m.hasUserJoined = true
	m.attendees = append(m.attendees, a)
}

// JoinInfo describes a verified join URL.
type JoinInfo struct {
	MeetingID  string
	FullName   string
	Role       string // MODERATOR or VIEWER (resolved from password if needed)
	UserID     string
	CreateTime int64 // 0 if the link has none
	Algorithm  string
	Redirect   bool // false if the link asks for XML
	// Params are all parameters of the link (decoded).
	Params url.Values
}

// VerifyJoinURL checks a join link as the server would before joining: it
// points at this fake's join call, its checksum is valid, and it has
// meetingID, fullName and a valid role (or a password of an existing
// meeting). It does not join; open the URL for that.
func (f *Fake) VerifyJoinURL(rawURL string) (JoinInfo, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return JoinInfo{}, fmt.Errorf("bbbtest: bad URL: %w", err)
	}
	if u.Scheme+"://"+u.Host != f.srv.URL || u.EscapedPath() != APIPath+"join" {
		return JoinInfo{}, fmt.Errorf("bbbtest: not a join URL of this server: %s://%s%s", u.Scheme, u.Host, u.EscapedPath())
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	alg, ok := f.checkChecksum("join", u.RawQuery)
	if !ok {
		return JoinInfo{}, errors.New("bbbtest: checksum does not match")
	}
	p, err := url.ParseQuery(stripChecksum(u.RawQuery))
	if err != nil {
		return JoinInfo{}, fmt.Errorf("bbbtest: bad query: %w", err)
	}
	info := JoinInfo{MeetingID: p.Get("meetingID"), FullName: p.Get("fullName"), UserID: p.Get("userID"),
		Algorithm: alg, Redirect: p.Get("redirect") != "false", Params: p}
	if info.MeetingID == "" {
		return info, errors.New("bbbtest: missing meetingID")
	}
	if info.FullName == "" {
		return info, errors.New("bbbtest: missing fullName")
	}
	if ct := p.Get("createTime"); ct != "" {
		if _, err := fmt.Sscan(ct, &info.CreateTime); err != nil {
			return info, fmt.Errorf("bbbtest: bad createTime %q", ct)
		}
	}
	role, errKey := resolveRole(p, f.meetings[info.MeetingID])
	if errKey != "" {
		return info, fmt.Errorf("bbbtest: no valid role: %s", errKey)
	}
	info.Role = role
	return info, nil
}

// resolveRole returns the role of a join: the role parameter wins; else the
// password must match one of the meeting's.
func resolveRole(p url.Values, m *meeting) (role, errKey string) {
	if r := strings.ToUpper(p.Get("role")); r != "" {
		if r != "MODERATOR" && r != "VIEWER" {
			return "", "invalidRole"
		}
		return r, ""
	}
	pw := p.Get("password")
	if pw == "" {
		return "", "Params required"
	}
	if m != nil {
		switch pw {
		case m.moderatorPW:
			return "MODERATOR", ""
		case m.attendeePW:
			return "VIEWER", ""
		}
	}
	return "", "invalidPassword"
}

// stripChecksum removes checksum=<v> from a raw query the way bbb-web does.
func stripChecksum(raw string) string {
	sum := checksumParam(raw)
	raw = strings.Replace(raw, "&checksum="+sum, "", 1)
	raw = strings.Replace(raw, "checksum="+sum+"&", "", 1)
	return strings.Replace(raw, "checksum="+sum, "", 1)
}

// checksumParam returns the raw checksum value of a raw query.
func checksumParam(raw string) string {
	for _, part := range strings.Split(raw, "&") {
		if v, ok := strings.CutPrefix(part, "checksum="); ok {
			return v
		}
	}
	return ""
}

// checkChecksum verifies the checksum of call with raw query; f.mu is held.
func (f *Fake) checkChecksum(call, raw string) (string, bool) {
	sum := strings.ToLower(checksumParam(raw))
	var alg string
	var h hash.Hash
	switch len(sum) {
	case 40:
		alg, h = "sha1", sha1.New()
	case 64:
		alg, h = "sha256", sha256.New()
	case 96:
		alg, h = "sha384", sha512.New384()
	case 128:
		alg, h = "sha512", sha512.New()
	default:
		return "", false
	}
	if !f.algorithms[alg] {
		return alg, false
	}
	io.WriteString(h, call+stripChecksum(raw)+f.secret)
	return alg, hex.EncodeToString(h.Sum(nil)) == sum
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
