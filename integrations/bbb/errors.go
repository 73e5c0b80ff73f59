package bbb

import (
	"errors"
	"strings"
)

// Sentinel errors, matched with errors.Is against the *Error a call returns.
// Each FAILED messageKey below maps to one sentinel.
var (
	// ErrChecksum is messageKey checksumError: wrong secret or algorithm, or
	// the query was changed on the way (a proxy re-encoding it).
	ErrChecksum = errors.New("bbb: checksum error")
	// ErrNotFound is messageKey notFound (getMeetingInfo, end on an unknown meeting).
	ErrNotFound = errors.New("bbb: meeting not found")
	// ErrIDNotUnique is messageKey idNotUnique (create with other passwords
	// for a running meeting ID).
	ErrIDNotUnique = errors.New("bbb: meeting ID not unique")
	// ErrInvalidMeetingIdentifier is messageKey invalidMeetingIdentifier
	// (join to a meeting that does not exist).
	ErrInvalidMeetingIdentifier = errors.New("bbb: invalid meeting identifier")
	// ErrMeetingForciblyEnded is messageKey meetingForciblyEnded (join after end).
	ErrMeetingForciblyEnded = errors.New("bbb: meeting was forcibly ended")
	// ErrMismatchCreateTime is messageKey mismatchCreateTimeParam (a join
	// link from an earlier session of the meeting).
	ErrMismatchCreateTime = errors.New("bbb: createTime does not match the meeting")
	// ErrMaxParticipantsReached is messageKey maxParticipantsReached.
	ErrMaxParticipantsReached = errors.New("bbb: maximum number of participants reached")
	// ErrValidation is messageKey validationError (e.g. a bad meeting ID), and
	// also what the client returns for requests it refuses to send.
	ErrValidation = errors.New("bbb: validation error")
	// ErrMissingParam covers missingParamMeetingID, missingParamFullName and
	// other missingParam* keys.
	ErrMissingParam = errors.New("bbb: missing parameter")
	// ErrTemporary covers 5xx responses, timeouts and network errors.
	ErrTemporary = errors.New("bbb: temporary failure")
)

// messageKeys maps FAILED messageKeys to sentinels.
var messageKeys = map[string]error{
	"checksumError":            ErrChecksum,
	"notFound":                 ErrNotFound,
	"idNotUnique":              ErrIDNotUnique,
	"invalidMeetingIdentifier": ErrInvalidMeetingIdentifier,
	"meetingForciblyEnded":     ErrMeetingForciblyEnded,
	"mismatchCreateTimeParam":  ErrMismatchCreateTime,
	"maxParticipantsReached":   ErrMaxParticipantsReached,
	"validationError":          ErrValidation,
}

// Error describes a failed BigBlueButton call. It never contains the shared
// secret or a request URL.
type Error struct {
	Call       string // API call name, e.g. "create"
	MessageKey string // stable key from the response, "" for HTTP/network errors
	Message    string // server text (may change between versions) or our explanation
	HTTPStatus int    // 0 for network errors

	kind error
	err  error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("bbb: failed to call ")
	if e.Call == "" {
		b.WriteString("api")
	} else {
		b.WriteString(e.Call)
	}
	b.WriteString(": ")
	msg := e.Message
	if msg == "" && e.kind != nil {
		msg = strings.TrimPrefix(e.kind.Error(), "bbb: ")
	}
	if msg == "" {
		msg = "request failed"
	}
	b.WriteString(msg)
	if e.MessageKey != "" {
		b.WriteString(" (" + e.MessageKey + ")")
	}
	return b.String()
}

// Is reports whether target is the sentinel for this error's messageKey or kind.
func (e *Error) Is(target error) bool { return e.kind != nil && target == e.kind }

// Unwrap returns the underlying network or context error, if any.
func (e *Error) Unwrap() error { return e.err }

// Retryable reports whether repeating the call later may succeed (5xx,
// 429, timeouts, network errors). FAILED responses are not retryable.
func Retryable(err error) bool { return errors.Is(err, ErrTemporary) }

// classifyKey returns the sentinel for a FAILED messageKey.
func classifyKey(key string) error {
	if k, ok := messageKeys[key]; ok {
		return k
	}
	if strings.HasPrefix(key, "missingParam") {
		return ErrMissingParam
	}
	return nil
}
