package nextcloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// User is the subset of Nextcloud's UserDetails the bot needs.
type User struct {
	ID          string
	Enabled     bool
	Email       string // "" when unset
	DisplayName string
	Groups      []string
	Subadmin    []string
	Quota       Quota
	Language    string
	Locale      string
	LastLogin   int64 // Unix milliseconds, 0 = never
	Backend     string
}

// Quota is the quota part of UserDetails.
type Quota struct {
	Free     int64
	Used     int64
	Total    int64
	Relative float64
	// Quota is the configured limit as sent by the server, e.g. "none",
	// "default", "5368709120" or -3 (unlimited) rendered as text.
	Quota string
}

// rawUser mirrors UserDetails loosely: PHP may send [] for empty objects,
// numbers as strings and null for unset values.
type rawUser struct {
	ID           string          `json:"id"`
	Enabled      json.RawMessage `json:"enabled"`
	Email        *string         `json:"email"`
	DisplayName  *string         `json:"displayname"`
	DisplayName2 *string         `json:"display-name"`
	Groups       stringList      `json:"groups"`
	Subadmin     stringList      `json:"subadmin"`
	Quota        json.RawMessage `json:"quota"`
	Language     string          `json:"language"`
	Locale       string          `json:"locale"`
	LastLogin    json.RawMessage `json:"lastLogin"`
	Backend      string          `json:"backend"`
}

func (r *rawUser) user() User {
	u := User{ID: r.ID, Groups: r.Groups, Subadmin: r.Subadmin, Language: r.Language, Locale: r.Locale, Backend: r.Backend}
	if r.Email != nil {
		u.Email = *r.Email
	}
	switch {
	case r.DisplayName != nil:
		u.DisplayName = *r.DisplayName
	case r.DisplayName2 != nil:
		u.DisplayName = *r.DisplayName2
	}
	u.Enabled = flexBool(r.Enabled)
	u.LastLogin = int64(flexNumber(r.LastLogin))
	var q map[string]json.RawMessage
	if json.Unmarshal(r.Quota, &q) == nil {
		u.Quota = Quota{
			Free:     int64(flexNumber(q["free"])),
			Used:     int64(flexNumber(q["used"])),
			Total:    int64(flexNumber(q["total"])),
			Relative: flexNumber(q["relative"]),
			Quota:    flexString(q["quota"]),
		}
	}
	return u
}

// UnmarshalJSON implements json.Unmarshaler for User (tolerant of PHP quirks).
func (u *User) UnmarshalJSON(b []byte) error {
	var r rawUser
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*u = r.user()
	return nil
}

func flexBool(b json.RawMessage) bool {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x == "1" || x == "true"
	}
	return false
}

func flexNumber(b json.RawMessage) float64 {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return 0
	}
	switch x := v.(type) {
	case float64:
		return x
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	}
	return 0
}

func flexString(b json.RawMessage) string {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// userPath returns "/users/<escaped id>".
func userPath(id string) string { return "/users/" + url.PathEscape(id) }

// CurrentUser returns the account the client authenticates as; use it to
// check the credentials. GET /cloud/user.
func (c *Client) CurrentUser(ctx context.Context) (*User, error) {
	var u User
	if err := c.do(ctx, call{op: "get current user", method: http.MethodGet, path: "/user"}, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

// GetUser returns one user's details; ErrNotFound if it is unknown or not
// visible. GET /cloud/users/{id}.
func (c *Client) GetUser(ctx context.Context, id string) (*User, error) {
	if id == "" {
		return nil, &Error{Op: "get user", Message: "empty user ID", kind: ErrInvalidInput}
	}
	var u User
	err := c.do(ctx, call{op: fmt.Sprintf("get user %q", id), method: http.MethodGet, path: userPath(id)}, &u)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// FindUsersByEmail returns the users whose email equals email (compared
// case-insensitively after trimming), sorted by ID. Nextcloud has no exact
// email lookup and emails are not unique, so this searches
// GET /cloud/users/details?search=<email> (a substring match on ID, display
// name and email) and filters the result. It may return 0, 1 or more users.
func (c *Client) FindUsersByEmail(ctx context.Context, email string) ([]User, error) {
	email = strings.TrimSpace(email)
	if email == "" {
		return nil, &Error{Op: "find users by email", Message: "empty email address", kind: ErrInvalidInput}
	}
	var data struct {
		Users json.RawMessage `json:"users"`
	}
	err := c.do(ctx, call{
		op: "find users by email", method: http.MethodGet, path: "/users/details",
		query: url.Values{"search": {email}},
	}, &data)
	if err != nil {
		return nil, err
	}
	all, err := decodeUserMap(data.Users)
	if err != nil {
		return nil, &Error{Op: "find users by email", Message: "invalid response data: " + err.Error()}
	}
	var out []User
	for _, u := range all {
		if strings.EqualFold(strings.TrimSpace(u.Email), email) {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// decodeUserMap decodes data.users of /users/details: an object id → details,
// or [] when empty (or a list when PHP made one from numeric IDs).
func decodeUserMap(raw json.RawMessage) ([]User, error) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		return nil, nil
	}
	var users []User
	if t[0] == '[' {
		if err := json.Unmarshal(t, &users); err != nil {
			return nil, err
		}
		return users, nil
	}
	var m map[string]User
	if err := json.Unmarshal(t, &m); err != nil {
		return nil, err
	}
	for id, u := range m {
		if u.ID == "" {
			u.ID = id
		}
		users = append(users, u)
	}
	return users, nil
}

// CreateUserRequest holds the fields of POST /cloud/users.
type CreateUserRequest struct {
	UserID string // required; allowed characters a-zA-Z0-9 _.@-', at most 64
	// Email is required here: the password is left empty, so Nextcloud
	// generates one and sends a welcome mail with a "set your password" link.
	Email       string
	DisplayName string   // optional, at most 64 characters
	Groups      []string // must exist (else ErrGroupMissing)
	Quota       string   // optional, e.g. "5 GB", "none", "default"
	Language    string   // optional, e.g. "de"
}

// CreateUser creates a user with an empty password, so that Nextcloud sends
// the welcome mail to req.Email. It returns the new user's ID.
// Errors: ErrUserExists (102), ErrGroupMissing (104), ErrInvalidInput (101,
// 107, 108, 110, 111), ErrForbidden (103, 105, 106).
// POST /cloud/users.
func (c *Client) CreateUser(ctx context.Context, req CreateUserRequest) (string, error) {
	op := fmt.Sprintf("create user %q", req.UserID)
	if req.Email == "" {
		return "", &Error{Op: op, Message: "an email address is required for the welcome mail", kind: ErrInvalidInput}
	}
	form := []formField{{"userid", req.UserID}, {"password", ""}, {"email", req.Email}}
	if req.DisplayName != "" {
		form = append(form, formField{"displayName", req.DisplayName})
	}
	for _, g := range req.Groups {
		form = append(form, formField{"groups[]", g})
	}
	if req.Quota != "" {
		form = append(form, formField{"quota", req.Quota})
	}
	if req.Language != "" {
		form = append(form, formField{"language", req.Language})
	}
	var data struct {
		ID string `json:"id"`
	}
	err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/users", form: form, codes: map[int]error{
		102: ErrUserExists, 103: ErrForbidden, 104: ErrGroupMissing, 105: ErrForbidden, 106: ErrForbidden,
		101: ErrInvalidInput, 107: ErrInvalidInput, 108: ErrInvalidInput, 110: ErrInvalidInput, 111: ErrInvalidInput,
	}}, &data)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && (e.err != nil || e.HTTPStatus >= 500 || e.StatusCode == 996 || e.StatusCode == 999) {
			// Sent, but no answer (a timeout, a broken connection, Lotse
			// shutting down) or a server error: the account may exist.
			// On v1 a server error comes with HTTP 200 and OCS 996 or
			// 999 (V1Response): before, only HTTP 5xx counted, so a
			// client on /ocs/v1.php read the same failure as „no account
			// made“ (acc34).
			e.createUnsure = true
		}
		return "", err
	}
	if data.ID == "" { // older servers return empty data
		data.ID = req.UserID
	}
	return data.ID, nil
}

// groupCodes are the OCS codes of POST/DELETE /cloud/users/{id}/groups.
var groupCodes = map[int]error{101: ErrInvalidInput, 102: ErrGroupMissing, 103: ErrNotFound, 104: ErrForbidden, 105: ErrForbidden}

// AddToGroup adds a user to a group; adding a member again succeeds.
// Errors: ErrGroupMissing (102), ErrNotFound (103, user missing),
// ErrForbidden (104). POST /cloud/users/{id}/groups.
func (c *Client) AddToGroup(ctx context.Context, userID, group string) error {
	return c.do(ctx, call{
		op: fmt.Sprintf("add user %q to group %q", userID, group), method: http.MethodPost,
		path: userPath(userID) + "/groups", form: []formField{{"groupid", group}}, codes: groupCodes,
	}, nil)
}

// RemoveFromGroup removes a user from a group. Errors as AddToGroup, plus
// ErrForbidden for 105 (removing oneself from admin, or a subadmin removing
// the last group it administers). DELETE /cloud/users/{id}/groups.
func (c *Client) RemoveFromGroup(ctx context.Context, userID, group string) error {
	return c.do(ctx, call{
		op: fmt.Sprintf("remove user %q from group %q", userID, group), method: http.MethodDelete,
		path: userPath(userID) + "/groups", form: []formField{{"groupid", group}}, codes: groupCodes,
	}, nil)
}

// ResendWelcome sends the welcome mail again (no new password token is made).
// Errors: ErrNotFound (998), ErrInvalidInput (101, the user has no email),
// ErrMailFailed (102). POST /cloud/users/{id}/welcome.
func (c *Client) ResendWelcome(ctx context.Context, userID string) error {
	return c.do(ctx, call{
		op: fmt.Sprintf("resend welcome mail to %q", userID), method: http.MethodPost,
		path: userPath(userID) + "/welcome", codes: map[int]error{101: ErrInvalidInput, 102: ErrMailFailed},
	}, nil)
}

// DisableUser disables an account. Errors: ErrInvalidInput (101, the user is
// missing or is the caller), ErrNotFound (998, not permitted).
// PUT /cloud/users/{id}/disable.
func (c *Client) DisableUser(ctx context.Context, userID string) error {
	return c.do(ctx, call{
		op: fmt.Sprintf("disable user %q", userID), method: http.MethodPut,
		path: userPath(userID) + "/disable", codes: map[int]error{101: ErrInvalidInput},
	}, nil)
}

// ListGroups returns the group IDs matching search (substring; "" = all).
// GET /cloud/groups?search=.
func (c *Client) ListGroups(ctx context.Context, search string) ([]string, error) {
	q := url.Values{}
	if search != "" {
		q.Set("search", search)
	}
	var data struct {
		Groups stringList `json:"groups"`
	}
	if err := c.do(ctx, call{op: "list groups", method: http.MethodGet, path: "/groups", query: q}, &data); err != nil {
		return nil, err
	}
	return data.Groups, nil
}

// CreateGroup creates a group; displayName may be empty.
// Errors: ErrGroupExists (102), ErrInvalidInput (101), ErrForbidden
// (non-admin). POST /cloud/groups.
func (c *Client) CreateGroup(ctx context.Context, id, displayName string) error {
	form := []formField{{"groupid", id}}
	if displayName != "" {
		form = append(form, formField{"displayname", displayName})
	}
	return c.do(ctx, call{
		op: fmt.Sprintf("create group %q", id), method: http.MethodPost, path: "/groups", form: form,
		codes: map[int]error{101: ErrInvalidInput, 102: ErrGroupExists},
	}, nil)
}
