package bbb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Roles for JoinRequest.Role.
const (
	RoleModerator = "MODERATOR"
	RoleViewer    = "VIEWER"
)

// CreateRequest holds the parameters of create. Zero values are not sent.
type CreateRequest struct {
	MeetingID string // required; 2–256 characters, no commas (see MeetingID)
	Name      string // required; 2–64 characters
	// AttendeePW and ModeratorPW are deprecated (use JoinRequest.Role); when
	// empty the server generates them.
	AttendeePW  string
	ModeratorPW string
	Welcome     string // limited HTML; %%CONFNAME%% etc. are replaced
	// ModeratorOnlyMessage is shown to moderators only.
	ModeratorOnlyMessage string
	Record               bool
	AutoStartRecording   bool
	// AllowStartStopRecording is sent only when set (server default true).
	AllowStartStopRecording *bool
	Duration                int // minutes, 0 = unlimited
	MaxParticipants         int // 0 = unlimited
	LogoutURL               string
	VoiceBridge             string
	GuestPolicy             string // ALWAYS_ACCEPT (default), ALWAYS_DENY, ASK_MODERATOR
	MuteOnStart             bool
	WebcamsOnlyForModerator bool
	BannerText              string
	EndWhenNoModerator      bool
	// MeetingExpireIfNoUserJoinedInMinutes: server default 5, i.e. a meeting
	// nobody joins disappears after 5 minutes.
	MeetingExpireIfNoUserJoinedInMinutes   int
	MeetingExpireWhenLastUserLeftInMinutes int
	DisabledFeatures                       []string
	// Meta is sent as meta_<key>=<value>; the server returns keys lower-cased.
	// Keys may contain ASCII letters, digits, "-" and "_".
	Meta map[string]string
}

// CreateResponse is the result of create.
type CreateResponse struct {
	MeetingID            string
	InternalMeetingID    string
	ParentMeetingID      string
	AttendeePW           string
	ModeratorPW          string
	CreateTime           int64 // ms; pass it to JoinRequest.CreateTime
	VoiceBridge          string
	DialNumber           string
	CreateDate           string
	HasUserJoined        bool
	Duration             int
	HasBeenForciblyEnded bool
	// Duplicate is true when the meeting already existed (duplicateWarning);
	// create is idempotent, so this is a success.
	Duplicate  bool
	MessageKey string
	Message    string
}

// validMeetingID checks BBB 2.4+'s meetingID constraint.
func validMeetingID(id string) error {
	n := utf8.RuneCountInString(id)
	switch {
	case id == "":
		return fmt.Errorf("meeting ID is required")
	case n < 2 || n > 256:
		return fmt.Errorf("meeting ID must be 2 to 256 characters long")
	case strings.Contains(id, ","):
		return fmt.Errorf("meeting ID must not contain commas")
	}
	return nil
}

func validMetaKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func invalid(call string, err error) error {
	return &Error{Call: call, MessageKey: "validationError", Message: err.Error(), kind: ErrValidation}
}

// createQuery builds create's query in a fixed order.
func createQuery(req CreateRequest) (query, error) {
	if err := validMeetingID(req.MeetingID); err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(req.Name); n < 2 || n > 64 {
		return nil, fmt.Errorf("name must be 2 to 64 characters long")
	}
	var q query
	q.add("name", req.Name)
	q.add("meetingID", req.MeetingID)
	q.addNonEmpty("attendeePW", req.AttendeePW)
	q.addNonEmpty("moderatorPW", req.ModeratorPW)
	q.addNonEmpty("welcome", req.Welcome)
	q.addNonEmpty("moderatorOnlyMessage", req.ModeratorOnlyMessage)
	if req.Record {
		q.add("record", "true")
	}
	if req.AutoStartRecording {
		q.add("autoStartRecording", "true")
	}
	if req.AllowStartStopRecording != nil {
		q.add("allowStartStopRecording", strconv.FormatBool(*req.AllowStartStopRecording))
	}
	if req.Duration > 0 {
		q.add("duration", strconv.Itoa(req.Duration))
	}
	if req.MaxParticipants > 0 {
		q.add("maxParticipants", strconv.Itoa(req.MaxParticipants))
	}
	q.addNonEmpty("logoutURL", req.LogoutURL)
	q.addNonEmpty("voiceBridge", req.VoiceBridge)
	q.addNonEmpty("guestPolicy", req.GuestPolicy)
	if req.MuteOnStart {
		q.add("muteOnStart", "true")
	}
	if req.WebcamsOnlyForModerator {
		q.add("webcamsOnlyForModerator", "true")
	}
	q.addNonEmpty("bannerText", req.BannerText)
	if req.EndWhenNoModerator {
		q.add("endWhenNoModerator", "true")
	}
	if req.MeetingExpireIfNoUserJoinedInMinutes > 0 {
		q.add("meetingExpireIfNoUserJoinedInMinutes", strconv.Itoa(req.MeetingExpireIfNoUserJoinedInMinutes))
	}
	if req.MeetingExpireWhenLastUserLeftInMinutes > 0 {
		q.add("meetingExpireWhenLastUserLeftInMinutes", strconv.Itoa(req.MeetingExpireWhenLastUserLeftInMinutes))
	}
	if len(req.DisabledFeatures) > 0 {
		q.add("disabledFeatures", strings.Join(req.DisabledFeatures, ","))
	}
	keys := make([]string, 0, len(req.Meta))
	for k := range req.Meta {
		if !validMetaKey(k) {
			return nil, fmt.Errorf("invalid meta key %q", k)
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		q.add("meta_"+k, req.Meta[k])
	}
	return q, nil
}

// Create creates a meeting, or confirms an existing one: the call is
// idempotent and a duplicateWarning is a success (Duplicate = true).
// FAILED idNotUnique (ErrIDNotUnique) means a running meeting has that ID
// with other passwords.
// https://docs.bigbluebutton.org/development/api/#create
func (c *Client) Create(ctx context.Context, req CreateRequest) (*CreateResponse, error) {
	q, err := createQuery(req)
	if err != nil {
		return nil, invalid("create", err)
	}
	var r struct {
		MessageKey           string `xml:"messageKey"`
		Message              string `xml:"message"`
		MeetingID            string `xml:"meetingID"`
		InternalMeetingID    string `xml:"internalMeetingID"`
		ParentMeetingID      string `xml:"parentMeetingID"`
		AttendeePW           string `xml:"attendeePW"`
		ModeratorPW          string `xml:"moderatorPW"`
		CreateTime           fInt   `xml:"createTime"`
		VoiceBridge          string `xml:"voiceBridge"`
		DialNumber           string `xml:"dialNumber"`
		CreateDate           string `xml:"createDate"`
		HasUserJoined        fBool  `xml:"hasUserJoined"`
		Duration             fInt   `xml:"duration"`
		HasBeenForciblyEnded fBool  `xml:"hasBeenForciblyEnded"`
	}
	if err := c.get(ctx, "create", c.signedURL("create", q), &r); err != nil {
		return nil, err
	}
	return &CreateResponse{
		MeetingID: r.MeetingID, InternalMeetingID: r.InternalMeetingID, ParentMeetingID: r.ParentMeetingID,
		AttendeePW: r.AttendeePW, ModeratorPW: r.ModeratorPW, CreateTime: int64(r.CreateTime),
		VoiceBridge: r.VoiceBridge, DialNumber: r.DialNumber, CreateDate: r.CreateDate,
		HasUserJoined: bool(r.HasUserJoined), Duration: int(r.Duration), HasBeenForciblyEnded: bool(r.HasBeenForciblyEnded),
		Duplicate: r.MessageKey == "duplicateWarning", MessageKey: r.MessageKey, Message: r.Message,
	}, nil
}

// JoinRequest holds the parameters of a join link.
type JoinRequest struct {
	MeetingID string // required
	FullName  string // required
	Role      string // required: RoleModerator or RoleViewer (case-insensitive)
	UserID    string // optional external ID, shown in getMeetingInfo
	// CreateTime (ms, from CreateResponse/MeetingInfo) binds the link to this
	// session of the meeting: after end and re-create it fails with
	// mismatchCreateTimeParam. 0 = not sent.
	CreateTime int64
	AvatarURL  string
	// NoRedirect adds redirect=false: the join call then answers XML instead
	// of redirecting the browser.
	NoRedirect bool
}

// JoinURL builds the signed join URL a user opens in the browser; it makes
// no request. The link is a bearer credential carrying the role and does not
// expire by itself: send it only to the person it is for, and set CreateTime.
// https://docs.bigbluebutton.org/development/api/#join
func (c *Client) JoinURL(req JoinRequest) (string, error) {
	if err := validMeetingID(req.MeetingID); err != nil {
		return "", invalid("join", err)
	}
	if strings.TrimSpace(req.FullName) == "" {
		return "", &Error{Call: "join", MessageKey: "missingParamFullName", Message: "full name is required", kind: ErrMissingParam}
	}
	role := strings.ToUpper(req.Role)
	if role != RoleModerator && role != RoleViewer {
		return "", invalid("join", fmt.Errorf("role must be %s or %s", RoleModerator, RoleViewer))
	}
	var q query
	q.add("fullName", req.FullName)
	q.add("meetingID", req.MeetingID)
	q.add("role", role)
	q.addNonEmpty("userID", req.UserID)
	if req.CreateTime > 0 {
		q.add("createTime", strconv.FormatInt(req.CreateTime, 10))
	}
	q.addNonEmpty("avatarURL", req.AvatarURL)
	if req.NoRedirect {
		q.add("redirect", "false")
	}
	return c.signedURL("join", q), nil
}

// IsMeetingRunning reports whether the meeting runs (someone joined and it
// has not ended). Unknown IDs give false, not an error.
// https://docs.bigbluebutton.org/development/api/#ismeetingrunning
func (c *Client) IsMeetingRunning(ctx context.Context, meetingID string) (bool, error) {
	if err := validMeetingID(meetingID); err != nil {
		return false, invalid("isMeetingRunning", err)
	}
	var q query
	q.add("meetingID", meetingID)
	var r struct {
		Running fBool `xml:"running"`
	}
	if err := c.get(ctx, "isMeetingRunning", c.signedURL("isMeetingRunning", q), &r); err != nil {
		return false, err
	}
	return bool(r.Running), nil
}

// GetMeetingInfo returns a meeting's state and attendees; ErrNotFound for
// unknown meetings.
// https://docs.bigbluebutton.org/development/api/#getmeetinginfo
func (c *Client) GetMeetingInfo(ctx context.Context, meetingID string) (*MeetingInfo, error) {
	if err := validMeetingID(meetingID); err != nil {
		return nil, invalid("getMeetingInfo", err)
	}
	var q query
	q.add("meetingID", meetingID)
	var r xmlMeeting
	if err := c.get(ctx, "getMeetingInfo", c.signedURL("getMeetingInfo", q), &r); err != nil {
		return nil, err
	}
	m := r.export()
	return &m, nil
}

// End ends a meeting for everyone. The server answers at once
// (sentEndMeetingRequest) and ends it asynchronously; poll IsMeetingRunning
// if it matters. ErrNotFound for unknown meetings. (BBB before 2.4 also
// wants the moderator password, which this client does not send.)
// https://docs.bigbluebutton.org/development/api/#end
func (c *Client) End(ctx context.Context, meetingID string) error {
	if err := validMeetingID(meetingID); err != nil {
		return invalid("end", err)
	}
	var q query
	q.add("meetingID", meetingID)
	return c.get(ctx, "end", c.signedURL("end", q), nil)
}

// GetMeetings lists the meetings on the server (empty when there are none).
// https://docs.bigbluebutton.org/development/api/#getmeetings
func (c *Client) GetMeetings(ctx context.Context) ([]MeetingInfo, error) {
	var r struct {
		Meetings []xmlMeeting `xml:"meetings>meeting"`
	}
	if err := c.get(ctx, "getMeetings", c.signedURL("getMeetings", nil), &r); err != nil {
		return nil, err
	}
	out := make([]MeetingInfo, 0, len(r.Meetings))
	for _, m := range r.Meetings {
		out = append(out, m.export())
	}
	return out, nil
}

// VersionInfo is the answer of the API root.
type VersionInfo struct {
	Version    string // API version, e.g. "2.0"
	APIVersion string // newer servers
	BBBVersion string // e.g. "2.7.3", when the server reveals it
}

// Version calls the API root (no checksum); use it as a reachability check.
// https://docs.bigbluebutton.org/development/api/#api-calls
func (c *Client) Version(ctx context.Context) (*VersionInfo, error) {
	var r struct {
		Version    string `xml:"version"`
		APIVersion string `xml:"apiVersion"`
		BBBVersion string `xml:"bbbVersion"`
	}
	if err := c.get(ctx, "", c.base, &r); err != nil {
		return nil, err
	}
	return &VersionInfo{Version: r.Version, APIVersion: r.APIVersion, BBBVersion: r.BBBVersion}, nil
}

// MeetingInfo is a meeting as returned by getMeetingInfo and getMeetings.
type MeetingInfo struct {
	MeetingName           string
	MeetingID             string
	InternalMeetingID     string
	CreateTime            int64 // ms
	CreateDate            string
	VoiceBridge           string
	DialNumber            string
	AttendeePW            string
	ModeratorPW           string
	Running               bool
	Duration              int
	HasUserJoined         bool
	Recording             bool
	HasBeenForciblyEnded  bool
	StartTime             int64 // ms, 0 = not started
	EndTime               int64 // ms, 0 = not ended
	ParticipantCount      int
	ListenerCount         int
	VoiceParticipantCount int
	VideoCount            int
	MaxUsers              int
	ModeratorCount        int
	IsBreakout            bool
	Attendees             []Attendee
	Metadata              map[string]string // keys lower-cased by the server
}

// Attendee is one participant in MeetingInfo.
type Attendee struct {
	UserID          string
	FullName        string
	Role            string // MODERATOR or VIEWER
	IsPresenter     bool
	IsListeningOnly bool
	HasJoinedVoice  bool
	HasVideo        bool
	ClientType      string
}

type xmlMeeting struct {
	MeetingName           string `xml:"meetingName"`
	MeetingID             string `xml:"meetingID"`
	InternalMeetingID     string `xml:"internalMeetingID"`
	CreateTime            fInt   `xml:"createTime"`
	CreateDate            string `xml:"createDate"`
	VoiceBridge           string `xml:"voiceBridge"`
	DialNumber            string `xml:"dialNumber"`
	AttendeePW            string `xml:"attendeePW"`
	ModeratorPW           string `xml:"moderatorPW"`
	Running               fBool  `xml:"running"`
	Duration              fInt   `xml:"duration"`
	HasUserJoined         fBool  `xml:"hasUserJoined"`
	Recording             fBool  `xml:"recording"`
	HasBeenForciblyEnded  fBool  `xml:"hasBeenForciblyEnded"`
	StartTime             fInt   `xml:"startTime"`
	EndTime               fInt   `xml:"endTime"`
	ParticipantCount      fInt   `xml:"participantCount"`
	ListenerCount         fInt   `xml:"listenerCount"`
	VoiceParticipantCount fInt   `xml:"voiceParticipantCount"`
	VideoCount            fInt   `xml:"videoCount"`
	MaxUsers              fInt   `xml:"maxUsers"`
	ModeratorCount        fInt   `xml:"moderatorCount"`
	IsBreakout            fBool  `xml:"isBreakout"`
	Attendees             []struct {
		UserID          string `xml:"userID"`
		FullName        string `xml:"fullName"`
		Role            string `xml:"role"`
		IsPresenter     fBool  `xml:"isPresenter"`
		IsListeningOnly fBool  `xml:"isListeningOnly"`
		HasJoinedVoice  fBool  `xml:"hasJoinedVoice"`
		HasVideo        fBool  `xml:"hasVideo"`
		ClientType      string `xml:"clientType"`
	} `xml:"attendees>attendee"`
	Metadata struct {
		Items []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	} `xml:"metadata"`
}

func (m xmlMeeting) export() MeetingInfo {
	out := MeetingInfo{
		MeetingName: m.MeetingName, MeetingID: m.MeetingID, InternalMeetingID: m.InternalMeetingID,
		CreateTime: int64(m.CreateTime), CreateDate: m.CreateDate, VoiceBridge: m.VoiceBridge, DialNumber: m.DialNumber,
		AttendeePW: m.AttendeePW, ModeratorPW: m.ModeratorPW, Running: bool(m.Running), Duration: int(m.Duration),
		HasUserJoined: bool(m.HasUserJoined), Recording: bool(m.Recording), HasBeenForciblyEnded: bool(m.HasBeenForciblyEnded),
		StartTime: int64(m.StartTime), EndTime: int64(m.EndTime), ParticipantCount: int(m.ParticipantCount),
		ListenerCount: int(m.ListenerCount), VoiceParticipantCount: int(m.VoiceParticipantCount),
		VideoCount: int(m.VideoCount), MaxUsers: int(m.MaxUsers), ModeratorCount: int(m.ModeratorCount),
		IsBreakout: bool(m.IsBreakout),
	}
	for _, a := range m.Attendees {
		out.Attendees = append(out.Attendees, Attendee{
			UserID: a.UserID, FullName: a.FullName, Role: a.Role, IsPresenter: bool(a.IsPresenter),
			IsListeningOnly: bool(a.IsListeningOnly), HasJoinedVoice: bool(a.HasJoinedVoice),
			HasVideo: bool(a.HasVideo), ClientType: a.ClientType,
		})
	}
	if len(m.Metadata.Items) > 0 {
		out.Metadata = make(map[string]string, len(m.Metadata.Items))
		for _, it := range m.Metadata.Items {
			out.Metadata[it.XMLName.Local] = strings.TrimSpace(it.Value)
		}
	}
	return out
}

// fInt decodes an XML number, treating empty text as 0.
type fInt int64

// UnmarshalText implements encoding.TextUnmarshaler.
func (n *fInt) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return err
	}
	*n = fInt(v)
	return nil
}

// fBool decodes an XML boolean, treating empty text as false.
type fBool bool

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *fBool) UnmarshalText(b []byte) error {
	*v = fBool(strings.EqualFold(strings.TrimSpace(string(b)), "true"))
	return nil
}

// roomFold transliterates common non-ASCII letters for MeetingID.
var roomFold = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'á': "a", 'à': "a", 'â': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'č': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ó': "o", 'ô': "o", 'ø': "o", 'œ': "oe", 'š': "s", 'ú': "u", 'û': "u", 'ý': "y", 'ž': "z", 'ł': "l",
}

// maxSlug bounds the readable part of MeetingID.
const maxSlug = 48

// MeetingID returns a stable meeting ID for a persistent room name: a
// lower-case ASCII slug of the name (umlauts transliterated, other
// characters turned into "-", at most 48 characters) plus "-" and the first
// 8 hex digits of SHA-256 of the trimmed name, e.g. "Vorstand Süd" →
// "vorstand-sued-1a2b3c4d". Names differing only in case or punctuation get
// different IDs. The result has 10–57 characters from [a-z0-9-].
func MeetingID(name string) string {
	name = strings.TrimSpace(name)
	var b strings.Builder
	dash := true
	for _, r := range strings.ToLower(name) {
		if s, ok := roomFold[r]; ok {
			b.WriteString(s)
			dash = false
			continue
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > maxSlug {
		slug = strings.TrimRight(slug[:maxSlug], "-")
	}
	if slug == "" {
		slug = "room"
	}
	sum := sha256.Sum256([]byte(name))
	return slug + "-" + hex.EncodeToString(sum[:4])
}
