package schedule

import (
	"errors"
	"fmt"
)

// Sentinels for the ways a date can fail to parse. A [*ParseError] wraps one
// of them, so callers branch with errors.Is and show [ParseError.Message]
// and [ParseError.Hint] to the coordinator.
var (
	// ErrNoDate means no day was found ("19 Uhr" alone).
	ErrNoDate = errors.New("schedule: no date")
	// ErrNoTime means a day but no time of day was found ("3.12.").
	ErrNoTime = errors.New("schedule: no time")
	// ErrPast means the start is not after now.
	ErrPast = errors.New("schedule: date in the past")
	// ErrAmbiguous means the text holds contradicting parts (two dates, a
	// weekday that doesn't match the date, duration and end disagreeing).
	ErrAmbiguous = errors.New("schedule: ambiguous date")
	// ErrInvalidDate means a day that doesn't exist ("31.2.").
	ErrInvalidDate = errors.New("schedule: invalid date")
	// ErrInvalidTime means a time of day that doesn't exist ("25 Uhr").
	ErrInvalidTime = errors.New("schedule: invalid time")
	// ErrInvalidDuration means a duration outside 1 minute … 24 hours.
	ErrInvalidDuration = errors.New("schedule: invalid duration")
	// ErrUnrecognized means a word that is not part of a date.
	ErrUnrecognized = errors.New("schedule: unrecognized word")
)

// ParseError is the error [Parse] returns. Kind is one of the Err*
// sentinels; the other fields feed the localised message.
type ParseError struct {
	// Kind is the sentinel, returned by Unwrap.
	Kind error
	// Input is the text given to Parse.
	Input string
	// msg and hint build the localised texts; each gets the language's Texts.
	msg  func(tx *Texts) string
	hint func(tx *Texts) string
	// detail is an English detail for logs.
	detail string
}

// Error returns an English description for logs.
func (e *ParseError) Error() string {
	if e.detail == "" {
		return fmt.Sprintf("%v in %q", e.Kind, e.Input)
	}
	return fmt.Sprintf("%v in %q: %s", e.Kind, e.Input, e.detail)
}

// Unwrap returns Kind.
func (e *ParseError) Unwrap() error { return e.Kind }

// Message returns a friendly German sentence saying what is wrong.
func (e *ParseError) Message() string { return e.MessageIn("de") }

// Hint returns a German sentence with an example that works.
func (e *ParseError) Hint() string { return e.HintIn("de") }

// MessageIn is [ParseError.Message] in lang ("de" or "en").
func (e *ParseError) MessageIn(lang string) string {
	if e.msg == nil {
		return e.Error()
	}
	return e.msg(TextsFor(lang))
}

// HintIn is [ParseError.Hint] in lang ("de" or "en").
func (e *ParseError) HintIn(lang string) string {
	if e.hint == nil {
		return ""
	}
	return e.hint(TextsFor(lang))
}

// newError builds a ParseError whose message is format(tx) with args.
func newError(kind error, detail string, msg, hint func(tx *Texts) string) *ParseError {
	return &ParseError{Kind: kind, detail: detail, msg: msg, hint: hint}
}

// examplesHint is the hint for errors that just need a working example.
func examplesHint(field func(tx *Texts) string) func(tx *Texts) string {
	return func(tx *Texts) string { return fmt.Sprintf(field(tx), tx.Examples) }
}
