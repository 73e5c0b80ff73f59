package bbb_test

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/bbb/bbbtest"
)

const fakeSecret = "fake-secret-8f2b1c"

func newFake(t *testing.T, alg string) (*bbbtest.Fake, *bbb.Client) {
	t.Helper()
	f := bbbtest.New(t, fakeSecret)
	c, err := bbb.NewClient(bbb.Options{BaseURL: f.URL(), Secret: fakeSecret, Algorithm: alg, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return f, c
}

// joinXML fetches a join URL (built with NoRedirect) and returns its messageKey.
func joinXML(t *testing.T, joinURL string) string {
	t.Helper()
	resp, err := http.Get(joinURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		ReturnCode string `xml:"returncode"`
		MessageKey string `xml:"messageKey"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r.MessageKey
}

func TestFakeAlgorithms(t *testing.T) {
	for _, alg := range []string{"sha1", "sha256", "sha384", "sha512"} {
		t.Run(alg, func(t *testing.T) {
			_, c := newFake(t, alg)
			if _, err := c.GetMeetings(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Create(context.Background(), bbb.CreateRequest{MeetingID: "ab", Name: "Jürgen's ~*Raum* & Co"}); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("unsupported by the server", func(t *testing.T) {
		f, c := newFake(t, "sha512")
		f.SetSupportedAlgorithms("sha1", "sha256")
		_, err := c.GetMeetings(context.Background())
		if !errors.Is(err, bbb.ErrChecksum) || bbb.Retryable(err) {
			t.Errorf("got %v, want non-retryable ErrChecksum", err)
		}
	})
	t.Run("wrong secret", func(t *testing.T) {
		f := bbbtest.New(t, fakeSecret)
		c, _ := bbb.NewClient(bbb.Options{BaseURL: f.URL(), Secret: "wrong"})
		_, err := c.Create(context.Background(), bbb.CreateRequest{MeetingID: "ab", Name: "Raum"})
		if !errors.Is(err, bbb.ErrChecksum) {
			t.Errorf("got %v, want ErrChecksum", err)
		}
		if strings.Contains(err.Error(), "wrong") && !strings.Contains(err.Error(), "Checksums") {
			t.Errorf("error %v", err)
		}
		if len(f.Meetings()) != 0 {
			t.Error("meeting created despite wrong checksum")
		}
	})
}

func TestFakeCreateIdempotent(t *testing.T) {
	f, c := newFake(t, "")
	ctx := context.Background()
	id := bbb.MeetingID("Vorstand Süd")
	req := bbb.CreateRequest{MeetingID: id, Name: "Vorstand Süd", Meta: map[string]string{"Lotse-Room": "vorstand"}}
	first, err := c.Create(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if first.Duplicate || first.CreateTime == 0 || first.MeetingID != id || first.AttendeePW == "" || first.ModeratorPW == "" {
		t.Errorf("first create = %+v", first)
	}
	second, err := c.Create(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Duplicate || second.CreateTime != first.CreateTime {
		t.Errorf("second create = %+v, want duplicate with the same createTime", second)
	}
	// Same passwords → duplicate; other passwords → idNotUnique.
	withPW := req
	withPW.ModeratorPW = first.ModeratorPW
	if r, err := c.Create(ctx, withPW); err != nil || !r.Duplicate {
		t.Errorf("create with matching password = %+v, %v", r, err)
	}
	withPW.ModeratorPW = "other"
	if _, err := c.Create(ctx, withPW); !errors.Is(err, bbb.ErrIDNotUnique) {
		t.Errorf("create with other password = %v, want ErrIDNotUnique", err)
	}
	m, _ := f.Meeting(id)
	if m.Duplicates != 2 || m.Metadata["lotse-room"] != "vorstand" {
		t.Errorf("fake meeting = %+v", m)
	}
	info, err := c.GetMeetingInfo(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if info.MeetingName != "Vorstand Süd" || info.Running || info.Metadata["lotse-room"] != "vorstand" {
		t.Errorf("info = %+v", info)
	}
}

func TestFakeJoinFlow(t *testing.T) {
	f, c := newFake(t, "sha256")
	ctx := context.Background()
	id := bbb.MeetingID("Stammtisch")
	created, err := c.Create(ctx, bbb.CreateRequest{MeetingID: id, Name: "Stammtisch", MaxParticipants: 2})
	if err != nil {
		t.Fatal(err)
	}
	if running, err := c.IsMeetingRunning(ctx, id); err != nil || running {
		t.Fatalf("running before join = %v, %v", running, err)
	}

	joinURL, err := c.JoinURL(bbb.JoinRequest{MeetingID: id, FullName: "Jürgen Groß", Role: bbb.RoleModerator, UserID: "@j:example.org", CreateTime: created.CreateTime})
	if err != nil {
		t.Fatal(err)
	}
	info, err := f.VerifyJoinURL(joinURL)
	if err != nil {
		t.Fatal(err)
	}
	want := bbbtest.JoinInfo{MeetingID: id, FullName: "Jürgen Groß", Role: "MODERATOR", UserID: "@j:example.org", CreateTime: created.CreateTime, Algorithm: "sha256", Redirect: true}
	info.Params = nil
	if !reflect.DeepEqual(info, want) {
		t.Errorf("VerifyJoinURL = %+v, want %+v", info, want)
	}
	if _, err := f.VerifyJoinURL(strings.Replace(joinURL, "MODERATOR", "VIEWER", 1)); err == nil {
		t.Error("tampered join URL verified")
	}

	// Following the link redirects to the HTML5 client and joins.
	resp, err := http.Get(joinURL)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/html5client/join" || !strings.HasPrefix(resp.Request.URL.RawQuery, "sessionToken=") {
		t.Errorf("join ended at %d %s", resp.StatusCode, resp.Request.URL)
	}
	if err := f.Join(id, "Gast", bbb.RoleViewer); err != nil {
		t.Fatal(err)
	}
	mi, err := c.GetMeetingInfo(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !mi.Running || mi.ParticipantCount != 2 || mi.ModeratorCount != 1 || len(mi.Attendees) != 2 ||
		mi.Attendees[0] != (bbb.Attendee{UserID: "@j:example.org", FullName: "Jürgen Groß", Role: "MODERATOR", ClientType: "HTML5"}) {
		t.Errorf("meeting info = %+v", mi)
	}

	viewer := func(ct int64) string {
		u, err := c.JoinURL(bbb.JoinRequest{MeetingID: id, FullName: "Spät", Role: "viewer", CreateTime: ct, NoRedirect: true})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	if key := joinXML(t, viewer(created.CreateTime)); key != "maxParticipantsReached" {
		t.Errorf("join over the limit: %q", key)
	}
	if key := joinXML(t, viewer(created.CreateTime+1)); key != "mismatchCreateTimeParam" {
		t.Errorf("join with old createTime: %q", key)
	}

	// End: not running any more, joins are refused, a new session gets a new createTime.
	if err := c.End(ctx, id); err != nil {
		t.Fatal(err)
	}
	if running, _ := c.IsMeetingRunning(ctx, id); running {
		t.Error("still running after end")
	}
	if key := joinXML(t, viewer(0)); key != "meetingForciblyEnded" {
		t.Errorf("join after end: %q", key)
	}
	again, err := c.Create(ctx, bbb.CreateRequest{MeetingID: id, Name: "Stammtisch"})
	if err != nil {
		t.Fatal(err)
	}
	if again.Duplicate || again.CreateTime <= created.CreateTime {
		t.Errorf("re-create = %+v", again)
	}
	if key := joinXML(t, viewer(created.CreateTime)); key != "mismatchCreateTimeParam" {
		t.Errorf("old link after re-create: %q", key)
	}
	if key := joinXML(t, viewer(again.CreateTime)); key != "successfullyJoined" {
		t.Errorf("join new session: %q", key)
	}
}

func TestFakeErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		setup     func(f *bbbtest.Fake)
		call      func(c *bbb.Client) error
		want      error
		retryable bool
	}{
		{"info of unknown meeting", nil, func(c *bbb.Client) error { _, err := c.GetMeetingInfo(ctx, "nope"); return err }, bbb.ErrNotFound, false},
		{"end unknown meeting", nil, func(c *bbb.Client) error { return c.End(ctx, "nope") }, bbb.ErrNotFound, false},
		{"unknown is not running", nil, func(c *bbb.Client) error {
			if r, err := c.IsMeetingRunning(ctx, "nope"); err != nil || r {
				return errors.New("unexpected")
			}
			return nil
		}, nil, false},
		{"no meetings", nil, func(c *bbb.Client) error {
			if m, err := c.GetMeetings(ctx); err != nil || len(m) != 0 {
				return errors.New("unexpected")
			}
			return nil
		}, nil, false},
		{"version", nil, func(c *bbb.Client) error {
			v, err := c.Version(ctx)
			if err == nil && v.Version != "2.0" {
				return errors.New("unexpected version")
			}
			return err
		}, nil, false},
		{"502", func(f *bbbtest.Fake) { f.FailNext(1, 502) }, func(c *bbb.Client) error { _, err := c.GetMeetings(ctx); return err }, bbb.ErrTemporary, true},
		{"503 on create", func(f *bbbtest.Fake) { f.FailNext(1, 503) }, func(c *bbb.Client) error {
			_, err := c.Create(ctx, bbb.CreateRequest{MeetingID: "ab", Name: "Raum"})
			return err
		}, bbb.ErrTemporary, true},
		{"timeout", func(f *bbbtest.Fake) { f.SetLatency(time.Minute) }, func(c *bbb.Client) error {
			ctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
			defer cancel()
			_, err := c.GetMeetings(ctx)
			if !errors.Is(err, context.DeadlineExceeded) {
				return errors.New("not a deadline error")
			}
			return err
		}, bbb.ErrTemporary, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c := newFake(t, "")
			if tt.setup != nil {
				tt.setup(f)
			}
			err := tt.call(c)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if bbb.Retryable(err) != tt.retryable {
				t.Errorf("Retryable(%v) = %v", err, !tt.retryable)
			}
			if strings.Contains(err.Error(), fakeSecret) {
				t.Errorf("error leaks the secret: %v", err)
			}
		})
	}
}

// TestLive runs read-only calls against a real BBB when LOTSE_TEST_BBB_URL
// and LOTSE_TEST_BBB_SECRET are set (LOTSE_TEST_BBB_ALGORITHM optional).
func TestLive(t *testing.T) {
	base := os.Getenv("LOTSE_TEST_BBB_URL")
	if base == "" {
		t.Skip("set LOTSE_TEST_BBB_URL and LOTSE_TEST_BBB_SECRET to run against a real BigBlueButton")
	}
	c, err := bbb.NewClient(bbb.Options{BaseURL: base, Secret: os.Getenv("LOTSE_TEST_BBB_SECRET"),
		Algorithm: os.Getenv("LOTSE_TEST_BBB_ALGORITHM"), Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.Version(context.Background())
	if err != nil {
		t.Fatalf("Version: %v", err)
	}
	t.Logf("API %s, BBB %s", v.Version, v.BBBVersion)
	ms, err := c.GetMeetings(context.Background())
	if err != nil {
		t.Fatalf("GetMeetings: %v", err)
	}
	t.Logf("%d meetings", len(ms))
}
