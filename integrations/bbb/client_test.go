package bbb_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/bbb"
)

// The official test vector (docs/docs/development/api.md, "API Security Model").
const (
	vectorSecret = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"
	vectorQuery  = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
	vectorSHA1   = "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
	vectorSHA256 = "da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read testdata: %v", err)
	}
	return b
}

func newClient(t *testing.T, base, alg string) *bbb.Client {
	t.Helper()
	c, err := bbb.NewClient(bbb.Options{BaseURL: base, Secret: vectorSecret, Algorithm: alg, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// recorder serves a canned file and records the request URL.
type recorder struct {
	file, contentType string
	status            int
	last              *url.URL
}

func (rec *recorder) server(t *testing.T) *httptest.Server {
	t.Helper()
	var body []byte
	if rec.file != "" {
		body = readTestdata(t, rec.file)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.last = r.URL
		ct := rec.contentType
		if ct == "" {
			ct = "text/xml;charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		if rec.status != 0 {
			w.WriteHeader(rec.status)
		}
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestChecksumVector(t *testing.T) {
	tests := []struct{ alg, want string }{{"sha1", vectorSHA1}, {"sha256", vectorSHA256}, {"SHA1", vectorSHA1}}
	for _, tt := range tests {
		got, err := bbb.Checksum(tt.alg, "create", vectorQuery, vectorSecret)
		if err != nil || got != tt.want {
			t.Errorf("Checksum(%s) = %q, %v; want %q", tt.alg, got, err, tt.want)
		}
	}
	if _, err := bbb.Checksum("md5", "create", vectorQuery, vectorSecret); err == nil {
		t.Error("md5 accepted")
	}
	// The client builds exactly the documented query and checksum.
	for _, tt := range tests[:2] {
		rec := &recorder{file: "create_success.xml"}
		c := newClient(t, rec.server(t).URL+"/bigbluebutton/api/", tt.alg)
		_, err := c.Create(context.Background(), bbb.CreateRequest{Name: "Test Meeting", MeetingID: "abc123", AttendeePW: "111222", ModeratorPW: "333444"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rec.last.EscapedPath(), "/bigbluebutton/api/create"; got != want {
			t.Errorf("path %q, want %q", got, want)
		}
		if got, want := rec.last.RawQuery, vectorQuery+"&checksum="+tt.want; got != want {
			t.Errorf("%s: query\n got %q\nwant %q", tt.alg, got, want)
		}
	}
}

func TestQueryEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Test Meeting", "Test+Meeting"},
		{"~", "%7E"},
		{"*", "*"},
		{"a-b_c.d", "a-b_c.d"},
		{"Jürgen Groß", "J%C3%BCrgen+Gro%C3%9F"},
		{"ÄÖÜäöü", "%C3%84%C3%96%C3%9C%C3%A4%C3%B6%C3%BC"},
		{"a+b=c&d/e?f", "a%2Bb%3Dc%26d%2Fe%3Ff"},
		{"'!()", "%27%21%28%29"},
		{"€", "%E2%82%AC"},
		{"<b>Hi</b>", "%3Cb%3EHi%3C%2Fb%3E"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := bbb.QueryEscape(tt.in); got != tt.want {
			t.Errorf("QueryEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The characters where Go's url.QueryEscape differs from Java.
	if url.QueryEscape("~*") == bbb.QueryEscape("~*") {
		t.Error("expected Java encoding to differ from Go's for ~ and *")
	}
}

func TestJoinURL(t *testing.T) {
	c := newClient(t, "https://bbb.example.org/bigbluebutton/api", "sha256")
	got, err := c.JoinURL(bbb.JoinRequest{MeetingID: "vorstand-1a2b3c4d", FullName: "Jürgen Groß ~*", Role: "moderator", UserID: "@j:example.org", CreateTime: 1732694400000})
	if err != nil {
		t.Fatal(err)
	}
	q := "fullName=J%C3%BCrgen+Gro%C3%9F+%7E*&meetingID=vorstand-1a2b3c4d&role=MODERATOR&userID=%40j%3Aexample.org&createTime=1732694400000"
	sum, _ := bbb.Checksum("sha256", "join", q, vectorSecret)
	if want := "https://bbb.example.org/bigbluebutton/api/join?" + q + "&checksum=" + sum; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if strings.Contains(got, vectorSecret) {
		t.Error("join URL contains the secret")
	}

	bad := []bbb.JoinRequest{
		{MeetingID: "x", FullName: "A", Role: "VIEWER"},
		{MeetingID: "a,b", FullName: "A", Role: "VIEWER"},
		{MeetingID: "ab", FullName: " ", Role: "VIEWER"},
		{MeetingID: "ab", FullName: "A", Role: "ADMIN"},
		{MeetingID: "ab", FullName: "A"},
	}
	for _, req := range bad {
		if _, err := c.JoinURL(req); err == nil {
			t.Errorf("JoinURL(%+v) accepted", req)
		}
	}
}

func TestNewClient(t *testing.T) {
	tests := []struct {
		opts     bbb.Options
		wantBase string // "" = want error
	}{
		{bbb.Options{BaseURL: "https://bbb.example.org/bigbluebutton/api/", Secret: "s"}, "https://bbb.example.org/bigbluebutton/api/"},
		{bbb.Options{BaseURL: "https://bbb.example.org/bigbluebutton/api", Secret: "s"}, "https://bbb.example.org/bigbluebutton/api/"},
		{bbb.Options{BaseURL: "https://bbb.example.org", Secret: "s"}, "https://bbb.example.org/bigbluebutton/api/"},
		{bbb.Options{BaseURL: "https://bbb.example.org", Secret: "s", Algorithm: "sha512"}, "https://bbb.example.org/bigbluebutton/api/"},
		{bbb.Options{BaseURL: "https://bbb.example.org", Secret: "s", Algorithm: "md5"}, ""},
		{bbb.Options{BaseURL: "https://bbb.example.org"}, ""},
		{bbb.Options{BaseURL: "bbb.example.org", Secret: "s"}, ""},
	}
	for _, tt := range tests {
		c, err := bbb.NewClient(tt.opts)
		if tt.wantBase == "" {
			if err == nil {
				t.Errorf("NewClient(%+v) accepted", tt.opts)
			}
			continue
		}
		if err != nil {
			t.Errorf("NewClient(%+v): %v", tt.opts, err)
			continue
		}
		u, _ := c.JoinURL(bbb.JoinRequest{MeetingID: "ab", FullName: "A", Role: "VIEWER"})
		if !strings.HasPrefix(u, tt.wantBase+"join?") {
			t.Errorf("URL %q does not start with %q", u, tt.wantBase)
		}
	}
}

func TestCanned(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		rec       recorder
		call      func(c *bbb.Client) (any, error)
		want      any
		wantErr   error
		wantKey   string
		retryable bool
	}{
		{
			name: "create", rec: recorder{file: "create_success.xml"}, call: create,
			want: &bbb.CreateResponse{MeetingID: "vorstand-9f86d081", InternalMeetingID: "0b0aaf9e2ad8d3f4fe2ad0cb2d3a3c2bd1b1e5a9-1732694400000",
				ParentMeetingID: "bbb-none", AttendeePW: "tK6J5cJv3hMLNx5IBePa", ModeratorPW: "34Heu0uiZYqCZXX9C4m2", CreateTime: 1732694400000,
				VoiceBridge: "70757", DialNumber: "613-555-1234", CreateDate: "Wed Nov 27 08:00:00 UTC 2024"},
		},
		{
			name: "create duplicate is success", rec: recorder{file: "create_duplicate.xml"}, call: create,
			want: &bbb.CreateResponse{MeetingID: "vorstand-9f86d081", InternalMeetingID: "0b0aaf9e2ad8d3f4fe2ad0cb2d3a3c2bd1b1e5a9-1732694400000",
				ParentMeetingID: "bbb-none", AttendeePW: "tK6J5cJv3hMLNx5IBePa", ModeratorPW: "34Heu0uiZYqCZXX9C4m2", CreateTime: 1732694400000,
				VoiceBridge: "70757", DialNumber: "613-555-1234", CreateDate: "Wed Nov 27 08:00:00 UTC 2024", HasUserJoined: true,
				Duplicate: true, MessageKey: "duplicateWarning", Message: "This conference was already in existence and may currently be in progress."},
		},
		{name: "id not unique", rec: recorder{file: "create_id_not_unique.xml"}, call: create, wantErr: bbb.ErrIDNotUnique, wantKey: "idNotUnique"},
		{name: "checksum error (new message)", rec: recorder{file: "checksum_error_new.xml"}, call: create, wantErr: bbb.ErrChecksum, wantKey: "checksumError"},
		{name: "checksum error (old message)", rec: recorder{file: "checksum_error_old.xml"}, call: getMeetings, wantErr: bbb.ErrChecksum, wantKey: "checksumError"},
		{name: "not found (new message)", rec: recorder{file: "not_found_new.xml"}, call: getMeetingInfo, wantErr: bbb.ErrNotFound, wantKey: "notFound"},
		{name: "not found (old message)", rec: recorder{file: "not_found_old.xml"}, call: end, wantErr: bbb.ErrNotFound, wantKey: "notFound"},
		{name: "validation error", rec: recorder{file: "validation_error.xml"}, call: create, wantErr: bbb.ErrValidation, wantKey: "validationError"},
		{name: "missing param", rec: recorder{file: "missing_meeting_id.xml"}, call: isRunning, wantErr: bbb.ErrMissingParam, wantKey: "missingParamMeetingID"},
		{name: "FAILED with HTTP 500", rec: recorder{file: "checksum_error_new.xml", status: 500}, call: create, wantErr: bbb.ErrTemporary, wantKey: "checksumError", retryable: true},
		{name: "502 html", rec: recorder{file: "bad_gateway.html", status: 502, contentType: "text/html"}, call: create, wantErr: bbb.ErrTemporary, retryable: true},
		{name: "429 html (a proxy's rate limit)", rec: recorder{file: "bad_gateway.html", status: 429, contentType: "text/html"}, call: create, wantErr: bbb.ErrTemporary, retryable: true},
		{name: "html with 200", rec: recorder{file: "bad_gateway.html", contentType: "text/html"}, call: create, wantErr: errAny},
		{name: "is running", rec: recorder{file: "is_meeting_running.xml"}, call: isRunning, want: true},
		{name: "end", rec: recorder{file: "end.xml"}, call: end, want: nil},
		{name: "version", rec: recorder{file: "version.xml"}, call: version, want: &bbb.VersionInfo{Version: "2.0", APIVersion: "2.0", BBBVersion: "2.7.12"}},
		{name: "get meetings empty", rec: recorder{file: "get_meetings_empty.xml"}, call: func(c *bbb.Client) (any, error) {
			m, err := c.GetMeetings(ctx)
			return len(m), err
		}, want: 0},
		{name: "get meetings", rec: recorder{file: "get_meetings.xml"}, call: func(c *bbb.Client) (any, error) {
			ms, err := c.GetMeetings(ctx)
			var ids []string
			for _, m := range ms {
				ids = append(ids, m.MeetingID+"/"+m.MeetingName+"/"+map[bool]string{true: "running", false: "idle"}[m.Running])
			}
			return ids, err
		}, want: []string{"vorstand-9f86d081/Vorstand/idle", "stammtisch-1a2b3c4d/Stammtisch/running"}},
		{name: "get meeting info", rec: recorder{file: "get_meeting_info.xml"}, call: getMeetingInfo, want: &bbb.MeetingInfo{
			MeetingName: "Vorstand", MeetingID: "vorstand-9f86d081", InternalMeetingID: "0b0aaf9e2ad8d3f4fe2ad0cb2d3a3c2bd1b1e5a9-1732694400000",
			CreateTime: 1732694400000, CreateDate: "Wed Nov 27 08:00:00 UTC 2024", VoiceBridge: "70757", DialNumber: "613-555-1234",
			AttendeePW: "tK6J5cJv3hMLNx5IBePa", ModeratorPW: "34Heu0uiZYqCZXX9C4m2", Running: true, HasUserJoined: true,
			StartTime: 1732694460000, ParticipantCount: 2, ListenerCount: 1, VoiceParticipantCount: 1, MaxUsers: 20, ModeratorCount: 1,
			Attendees: []bbb.Attendee{
				{UserID: "@anna:example.org", FullName: "Anna Beispiel", Role: "MODERATOR", IsPresenter: true, HasJoinedVoice: true, ClientType: "HTML5"},
				{UserID: "w_1nbfwkaqpkyp", FullName: "Jürgen Groß", Role: "VIEWER", IsListeningOnly: true, ClientType: "HTML5"},
			},
			Metadata: map[string]string{"lotse-room": "vorstand", "bbb-origin": "lotse"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.rec
			c := newClient(t, rec.server(t).URL+"/bigbluebutton/api/", "")
			got, err := tt.call(c)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("got  %+v\nwant %+v", got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("got success %+v, want error", got)
			}
			if tt.wantErr != errAny && !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want %v", err, tt.wantErr)
			}
			var e *bbb.Error
			if !errors.As(err, &e) || e.MessageKey != tt.wantKey {
				t.Errorf("got %#v, want *bbb.Error with messageKey %q", err, tt.wantKey)
			}
			if bbb.Retryable(err) != tt.retryable {
				t.Errorf("Retryable = %v, want %v", bbb.Retryable(err), tt.retryable)
			}
			if !strings.HasPrefix(err.Error(), "bbb: failed to ") {
				t.Errorf("error %q lacks the bbb prefix", err)
			}
		})
	}
}

var errAny = errors.New("any error")

func create(c *bbb.Client) (any, error) {
	return c.Create(context.Background(), bbb.CreateRequest{MeetingID: "vorstand-9f86d081", Name: "Vorstand"})
}
func getMeetings(c *bbb.Client) (any, error) { return c.GetMeetings(context.Background()) }
func getMeetingInfo(c *bbb.Client) (any, error) {
	return c.GetMeetingInfo(context.Background(), "vorstand-9f86d081")
}
func end(c *bbb.Client) (any, error) { return nil, c.End(context.Background(), "vorstand-9f86d081") }
func isRunning(c *bbb.Client) (any, error) {
	return c.IsMeetingRunning(context.Background(), "vorstand-9f86d081")
}
func version(c *bbb.Client) (any, error) { return c.Version(context.Background()) }

func TestCreateQueryOrder(t *testing.T) {
	rec := &recorder{file: "create_success.xml"}
	c := newClient(t, rec.server(t).URL, "")
	allow := false
	_, err := c.Create(context.Background(), bbb.CreateRequest{
		MeetingID: "kv-nord-1a2b3c4d", Name: "KV Nord", Welcome: "Willkommen bei <b>%%CONFNAME%%</b>!", Record: true,
		AllowStartStopRecording: &allow, Duration: 90, MaxParticipants: 50, GuestPolicy: "ASK_MODERATOR", MuteOnStart: true,
		MeetingExpireIfNoUserJoinedInMinutes: 30, DisabledFeatures: []string{"chat", "polls"},
		Meta: map[string]string{"origin": "lotse", "bbb-origin-server-name": "Lotse Bot"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "name=KV+Nord&meetingID=kv-nord-1a2b3c4d&welcome=Willkommen+bei+%3Cb%3E%25%25CONFNAME%25%25%3C%2Fb%3E%21" +
		"&record=true&allowStartStopRecording=false&duration=90&maxParticipants=50&guestPolicy=ASK_MODERATOR&muteOnStart=true" +
		"&meetingExpireIfNoUserJoinedInMinutes=30&disabledFeatures=chat%2Cpolls" +
		"&meta_bbb-origin-server-name=Lotse+Bot&meta_origin=lotse"
	sum, _ := bbb.Checksum("sha1", "create", want, vectorSecret)
	if got := rec.last.RawQuery; got != want+"&checksum="+sum {
		t.Errorf("query\n got %s\nwant %s", got, want+"&checksum="+sum)
	}
	// Invalid requests are refused without a request.
	rec.last = nil
	for _, req := range []bbb.CreateRequest{
		{MeetingID: "a", Name: "Name"},
		{MeetingID: "a,b", Name: "Name"},
		{MeetingID: strings.Repeat("x", 257), Name: "Name"},
		{MeetingID: "ab", Name: "N"},
		{MeetingID: "ab", Name: "Name", Meta: map[string]string{"bad key": "x"}},
	} {
		if _, err := c.Create(context.Background(), req); !errors.Is(err, bbb.ErrValidation) {
			t.Errorf("Create(%+v) = %v, want ErrValidation", req, err)
		}
	}
	if rec.last != nil {
		t.Error("an invalid request was sent")
	}
}

func TestMeetingID(t *testing.T) {
	valid := regexp.MustCompile(`^[a-z0-9-]{10,57}$`)
	tests := []struct{ name, prefix string }{
		{"Vorstand", "vorstand-"},
		{"Vorstand Süd", "vorstand-sued-"},
		{"  Vorstand Süd  ", "vorstand-sued-"},
		{"AG Öffentlichkeitsarbeit & Presse", "ag-oeffentlichkeitsarbeit-presse-"},
		{"Straße, Weg", "strasse-weg-"},
		{"", "room-"},
		{"日本", "room-"},
		{strings.Repeat("sehr lange raumbezeichnung ", 10), "sehr-lange-raumbezeichnung-sehr-lange-raumbezeic-"},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		id := bbb.MeetingID(tt.name)
		if !strings.HasPrefix(id, tt.prefix) || !valid.MatchString(id) {
			t.Errorf("MeetingID(%q) = %q, want prefix %q and [a-z0-9-]{10,57}", tt.name, id, tt.prefix)
		}
		if id != bbb.MeetingID(tt.name) {
			t.Errorf("MeetingID(%q) is not stable", tt.name)
		}
		if other, ok := seen[id]; ok && strings.TrimSpace(other) != strings.TrimSpace(tt.name) {
			t.Errorf("%q and %q share ID %q", other, tt.name, id)
		}
		seen[id] = tt.name
	}
	if bbb.MeetingID("Vorstand") == bbb.MeetingID("vorstand") {
		t.Error("names differing in case should get different IDs")
	}
}

func TestSecretNeverInErrorsOrURLs(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer slow.Close()
	echo := (&recorder{file: "echo_secret.xml"}).server(t)

	tests := []struct {
		name, base string
		timeout    time.Duration
	}{
		{"connection refused", closedURL, time.Second},
		{"timeout", slow.URL, 30 * time.Millisecond},
		{"server echoes the secret", echo.URL, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := bbb.NewClient(bbb.Options{BaseURL: tt.base, Secret: vectorSecret, Timeout: tt.timeout})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Create(context.Background(), bbb.CreateRequest{MeetingID: "abc123", Name: "Test Meeting"})
			if err == nil {
				t.Fatal("want error")
			}
			for e := err; e != nil; e = errors.Unwrap(e) {
				if strings.Contains(e.Error(), vectorSecret) {
					t.Errorf("error leaks the secret: %v", e)
				}
			}
		})
	}
	rec := &recorder{file: "create_success.xml"}
	c := newClient(t, rec.server(t).URL, "sha512")
	if _, err := c.Create(context.Background(), bbb.CreateRequest{MeetingID: "abc123", Name: "Test Meeting"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rec.last.String(), vectorSecret) || len(rec.last.Query().Get("checksum")) != 128 {
		t.Errorf("request URL %s: secret sent or wrong checksum length", rec.last)
	}
}
