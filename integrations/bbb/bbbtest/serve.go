package bbbtest

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// el is an XML element with ordered children (returncode must come first).
type el struct {
	name     string
	text     string
	children []el
}

func leaf(name string, v any) el { return el{name: name, text: fmt.Sprint(v)} }

func (e el) write(b *strings.Builder, indent string) {
	b.WriteString(indent + "<" + e.name + ">")
	if len(e.children) == 0 {
		xml.EscapeText(b, []byte(e.text))
	} else {
		b.WriteString("\n")
		for _, c := range e.children {
			c.write(b, indent+"  ")
		}
		b.WriteString(indent)
	}
	b.WriteString("</" + e.name + ">\n")
}

func writeXML(w http.ResponseWriter, children ...el) {
	var b strings.Builder
	b.WriteString("<response>\n")
	for _, c := range children {
		c.write(&b, "  ")
	}
	b.WriteString("</response>\n")
	w.Header().Set("Content-Type", "text/xml;charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, b.String())
}

func success(w http.ResponseWriter, children ...el) {
	writeXML(w, append([]el{leaf("returncode", "SUCCESS")}, children...)...)
}

func failed(w http.ResponseWriter, key, msg string) {
	writeXML(w, leaf("returncode", "FAILED"), leaf("messageKey", key), leaf("message", msg))
}

// Messages of current BBB versions.
const (
	msgChecksum       = "Checksums do not match"
	msgNotFound       = "A meeting with that ID does not exist"
	msgInvalidMeeting = "The meeting ID that you supplied did not match any existing meetings"
	msgForciblyEnded  = "You can not re-join a meeting that has already been forcibly ended.  However, once the meeting is removed from memory (according to the timeout configured on this server, you will again be able to recreate the meeting."
	msgIDNotUnique    = "A meeting already exists with that meeting ID.  Please use a different meeting ID."
	msgDuplicate      = "This conference was already in existence and may currently be in progress."
	msgMissingMeeting = "You must specify a meeting ID for the meeting."
	msgMissingName    = "You must specify a name for the attendee who will be joining the meeting."
	msgMismatchCT     = "The createTime parameter submitted mismatches with the current meeting."
	msgMaxReached     = "The number of participants allowed for this meeting has been reached."
)

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	path := r.URL.EscapedPath()
	call := "?"
	switch {
	case path == APIPath || path == strings.TrimSuffix(APIPath, "/"):
		call = ""
	case strings.HasPrefix(path, APIPath):
		call = strings.TrimPrefix(path, APIPath)
	case path == "/html5client/join":
		call = "html5client"
	}
	f.mu.Lock()
	f.requests[call]++
	latency := f.latency
	injected := 0
	if f.failNext > 0 {
		f.failNext--
		injected = f.failStatus
	}
	f.mu.Unlock()

	if !wait(r.Context(), latency) {
		return
	}
	if injected != 0 {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(injected)
		fmt.Fprintf(w, "<html><head><title>%d %s</title></head><body><h1>%d %s</h1><hr>nginx</body></html>\n",
			injected, http.StatusText(injected), injected, http.StatusText(injected))
		return
	}
	switch call {
	case "?":
		http.NotFound(w, r)
		return
	case "":
		success(w, leaf("version", "2.0"), leaf("apiVersion", "2.0"), leaf("bbbVersion", "3.0.0-fake"))
		return
	case "html5client":
		f.followJoin(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.checkChecksum(call, r.URL.RawQuery); !ok {
		failed(w, "checksumError", msgChecksum)
		return
	}
	p, err := url.ParseQuery(stripChecksum(r.URL.RawQuery))
	if err != nil {
		failed(w, "validationError", "Invalid query string")
		return
	}
	for _, vs := range p {
		for _, v := range vs {
			if strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\r' && r != '\t' }) {
				failed(w, "validationError", "Parameters must not contain control characters")
				return
			}
		}
	}
	switch call {
	case "create":
		f.create(w, p)
	case "join":
		f.join(w, r, p)
	case "isMeetingRunning":
		if !f.meetingIDOK(w, p) {
			return
		}
		m := f.meetings[p.Get("meetingID")]
		success(w, leaf("running", m != nil && m.running()))
	case "getMeetingInfo":
		if !f.meetingIDOK(w, p) {
			return
		}
		m := f.meetings[p.Get("meetingID")]
		if m == nil {
			failed(w, "notFound", msgNotFound)
			return
		}
		success(w, m.info()...)
	case "end":
		if !f.meetingIDOK(w, p) {
			return
		}
		m := f.meetings[p.Get("meetingID")]
		if m == nil {
			failed(w, "notFound", msgNotFound)
			return
		}
		if !m.ended {
			m.ended, m.endTime, m.attendees = true, time.Now().UnixMilli(), nil
		}
		success(w, leaf("messageKey", "sentEndMeetingRequest"),
			leaf("message", "A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended."))
	case "getMeetings":
		if len(f.meetings) == 0 {
			success(w, el{name: "meetings"}, leaf("messageKey", "noMeetings"), leaf("message", "no meetings were found on this server"))
			return
		}
		ids := make([]string, 0, len(f.meetings))
		for id := range f.meetings {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		list := el{name: "meetings"}
		for _, id := range ids {
			list.children = append(list.children, el{name: "meeting", children: f.meetings[id].info()})
		}
		success(w, list)
	default:
		failed(w, "unsupportedRequest", "This request is not supported.")
	}
}

// meetingIDOK checks presence and format of meetingID; f.mu is held.
func (f *Fake) meetingIDOK(w http.ResponseWriter, p url.Values) bool {
	id := p.Get("meetingID")
	if id == "" {
		failed(w, "missingParamMeetingID", msgMissingMeeting)
		return false
	}
	if n := utf8.RuneCountInString(id); n < 2 || n > 256 {
		failed(w, "validationError", "Meeting ID must be between 2 and 256 characters")
		return false
	}
	if strings.Contains(id, ",") {
		failed(w, "validationError", "Meeting ID cannot contain ','")
		return false
	}
	return true
}

func (f *Fake) create(w http.ResponseWriter, p url.Values) {
	if !f.meetingIDOK(w, p) {
		return
	}
	id, name := p.Get("meetingID"), p.Get("name")
	if n := utf8.RuneCountInString(name); n < 2 || n > 64 {
		failed(w, "validationError", "Meeting name must be between 2 and 64 characters")
		return
	}
	for _, k := range []string{"duration", "maxParticipants"} {
		if v := p.Get(k); v != "" {
			if _, err := strconv.Atoi(v); err != nil {
				failed(w, "validationError", k+" must be a number")
				return
			}
		}
	}
	if m, ok := f.meetings[id]; ok && !m.ended {
		apw, mpw := p.Get("attendeePW"), p.Get("moderatorPW")
		if (apw != "" && apw != m.attendeePW) || (mpw != "" && mpw != m.moderatorPW) {
			failed(w, "idNotUnique", msgIDNotUnique)
			return
		}
		m.duplicateCount++
		success(w, append(m.createFields(), leaf("messageKey", "duplicateWarning"), leaf("message", msgDuplicate))...)
		return
	}
	ct := time.Now().UnixMilli()
	if ct <= f.lastCreateTime {
		ct = f.lastCreateTime + 1
	}
	f.lastCreateTime = ct
	sum := sha1.Sum([]byte(id))
	m := &meeting{
		id: id, internalID: hex.EncodeToString(sum[:]) + "-" + strconv.FormatInt(ct, 10), name: name,
		attendeePW: p.Get("attendeePW"), moderatorPW: p.Get("moderatorPW"), createTime: ct,
		voiceBridge: p.Get("voiceBridge"), record: p.Get("record") == "true",
		metadata: map[string]string{}, welcome: p.Get("welcome"), moderatorOnlyMsg: p.Get("moderatorOnlyMessage"),
		params: p,
	}
	if m.attendeePW == "" {
		m.attendeePW = randomHex(4)
	}
	if m.moderatorPW == "" {
		m.moderatorPW = randomHex(4)
	}
	if m.voiceBridge == "" {
		m.voiceBridge = strconv.Itoa(70000 + rand.IntN(29999))
	}
	m.duration, _ = strconv.Atoi(p.Get("duration"))
	m.maxParticipants, _ = strconv.Atoi(p.Get("maxParticipants"))
	for k, v := range p {
		if key, ok := strings.CutPrefix(k, "meta_"); ok && key != "" {
			m.metadata[strings.ToLower(key)] = v[0]
		}
	}
	f.meetings[id] = m
	success(w, append(m.createFields(), leaf("messageKey", ""), leaf("message", ""))...)
}

func (m *meeting) createFields() []el {
	return []el{
		leaf("meetingID", m.id), leaf("internalMeetingID", m.internalID), leaf("parentMeetingID", "bbb-none"),
		leaf("attendeePW", m.attendeePW), leaf("moderatorPW", m.moderatorPW), leaf("createTime", m.createTime),
		leaf("voiceBridge", m.voiceBridge), leaf("dialNumber", "613-555-1234"),
		leaf("createDate", time.UnixMilli(m.createTime).UTC().Format("Mon Jan 02 15:04:05 MST 2006")),
		leaf("hasUserJoined", m.hasUserJoined), leaf("duration", m.duration),
		leaf("hasBeenForciblyEnded", m.ended),
	}
}

func (m *meeting) info() []el {
	moderators := 0
	attendees := el{name: "attendees"}
	for _, a := range m.attendees {
		if a.Role == "MODERATOR" {
			moderators++
		}
		attendees.children = append(attendees.children, el{name: "attendee", children: []el{
			leaf("userID", a.UserID), leaf("fullName", a.FullName), leaf("role", a.Role),
			leaf("isPresenter", false), leaf("isListeningOnly", false), leaf("hasJoinedVoice", false),
			leaf("hasVideo", false), leaf("clientType", "HTML5"),
		}})
	}
	md := el{name: "metadata"}
	keys := make([]string, 0, len(m.metadata))
	for k := range m.metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		md.children = append(md.children, leaf(k, m.metadata[k]))
	}
	return []el{
		leaf("meetingName", m.name), leaf("meetingID", m.id), leaf("internalMeetingID", m.internalID),
		leaf("createTime", m.createTime),
		leaf("createDate", time.UnixMilli(m.createTime).UTC().Format("Mon Jan 02 15:04:05 MST 2006")),
		leaf("voiceBridge", m.voiceBridge), leaf("dialNumber", "613-555-1234"),
		leaf("attendeePW", m.attendeePW), leaf("moderatorPW", m.moderatorPW),
		leaf("running", m.running()), leaf("duration", m.duration), leaf("hasUserJoined", m.hasUserJoined),
		leaf("recording", false), leaf("hasBeenForciblyEnded", m.ended),
		leaf("startTime", m.startTime), leaf("endTime", m.endTime),
		leaf("participantCount", len(m.attendees)), leaf("listenerCount", 0), leaf("voiceParticipantCount", 0),
		leaf("videoCount", 0), leaf("maxUsers", m.maxParticipants), leaf("moderatorCount", moderators),
		attendees, md, leaf("isBreakout", false),
	}
}

// join handles the join call; f.mu is held.
func (f *Fake) join(w http.ResponseWriter, r *http.Request, p url.Values) {
	if p.Get("fullName") == "" {
		failed(w, "missingParamFullName", msgMissingName)
		return
	}
	if !f.meetingIDOK(w, p) {
		return
	}
	m := f.meetings[p.Get("meetingID")]
	if m == nil {
		failed(w, "invalidMeetingIdentifier", msgInvalidMeeting)
		return
	}
	if m.ended {
		failed(w, "meetingForciblyEnded", msgForciblyEnded)
		return
	}
	if ct := p.Get("createTime"); ct != "" && ct != strconv.FormatInt(m.createTime, 10) {
		failed(w, "mismatchCreateTimeParam", msgMismatchCT)
		return
	}
	role, errKey := resolveRole(p, m)
	switch errKey {
	case "":
	case "invalidPassword":
		failed(w, errKey, "You either did not supply a password or the password supplied is neither the attendee or moderator password for this conference.")
		return
	default:
		failed(w, errKey, "A role or a password is required to join.")
		return
	}
	if m.maxParticipants > 0 && len(m.attendees) >= m.maxParticipants {
		failed(w, "maxParticipantsReached", msgMaxReached)
		return
	}
	userID := p.Get("userID")
	if userID == "" {
		userID = "w_" + randomHex(6)
	}
	token := randomHex(8)
	f.sessions[token] = sessionRef{meetingID: m.id, userID: userID}
	pending := Attendee{UserID: userID, FullName: p.Get("fullName"), Role: role}
	joinURL := f.srv.URL + "/html5client/join?sessionToken=" + token
	f.pendingJoin(token, pending)
	if p.Get("redirect") == "false" {
		f.completeJoin(token)
		success(w, leaf("messageKey", "successfullyJoined"), leaf("message", "You have joined successfully."),
			leaf("meeting_id", m.internalID), leaf("user_id", userID), leaf("auth_token", randomHex(6)),
			leaf("session_token", token), leaf("guestStatus", "ALLOW"), leaf("url", joinURL))
		return
	}
	http.Redirect(w, r, joinURL, http.StatusFound)
}

// pendingJoin remembers an attendee until the browser opens the HTML5
// client; f.mu is held.
func (f *Fake) pendingJoin(token string, a Attendee) {
	if f.pending == nil {
		f.pending = map[string]Attendee{}
	}
	f.pending[token] = a
}

// completeJoin turns a pending session into an attendee; f.mu is held.
func (f *Fake) completeJoin(token string) bool {
	a, ok := f.pending[token]
	if !ok {
		return false
	}
	delete(f.pending, token)
	m := f.meetings[f.sessions[token].meetingID]
	if m == nil || m.ended {
		return false
	}
	f.addAttendee(m, a)
	return true
}

// followJoin serves /html5client/join?sessionToken=…: the browser arrives
// and the attendee enters the meeting.
func (f *Fake) followJoin(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("sessionToken")
	f.mu.Lock()
	_, known := f.sessions[token]
	f.completeJoin(token)
	f.mu.Unlock()
	if !known {
		http.Error(w, "invalid session token", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<!DOCTYPE html><html><head><title>BigBlueButton</title></head><body>joined</body></html>\n")
}

// wait sleeps for d unless ctx ends first.
func wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
