package nextcloudtest

import (
	"net/http"
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxPasswordLength is Nextcloud's password length limit (UserManager).
const maxPasswordLength = 469

// route dispatches an authenticated request. It holds f.mu while working.
func (f *Fake) route(req *request) (any, *ocsError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, m := req.segs, req.r.Method
	isAdmin := f.isAdmin(req.caller)

	if len(s) == 1 && s[0] == "user" && m == http.MethodGet {
		d := f.userDetails(req.caller)
		d["display-name"] = d["displayname"]
		delete(d, "displayname")
		return d, nil
	}
	if len(s) >= 1 && (s[0] == "users" || s[0] == "groups") && !isAdmin {
		return nil, fail(403, "Logged in account must be an admin")
	}
	switch {
	case len(s) == 1 && s[0] == "users" && m == http.MethodGet:
		ids := f.searchUsers(req.params)
		return map[string]any{"users": ids}, nil
	case len(s) == 2 && s[0] == "users" && s[1] == "details" && m == http.MethodGet:
		details := map[string]any{}
		for _, id := range f.searchUsers(req.params) {
			details[id] = f.userDetails(f.users[strings.ToLower(id)])
		}
		return map[string]any{"users": details}, nil
	case len(s) == 1 && s[0] == "users" && m == http.MethodPost:
		return f.addUser(req)
	case len(s) == 2 && s[0] == "users" && m == http.MethodGet:
		u := f.users[strings.ToLower(s[1])]
		if u == nil {
			return nil, fail(998, "User does not exist")
		}
		return f.userDetails(u), nil
	case len(s) == 2 && s[0] == "users" && m == http.MethodDelete:
		u := f.users[strings.ToLower(s[1])]
		if u == nil || u == req.caller {
			return nil, fail(101, "")
		}
		delete(f.users, strings.ToLower(u.ID))
		return nil, nil
	case len(s) == 3 && s[0] == "users" && s[2] == "groups":
		return f.userGroups(req, s[1])
	case len(s) == 3 && s[0] == "users" && s[2] == "welcome" && m == http.MethodPost:
		u := f.users[strings.ToLower(s[1])]
		if u == nil {
			return nil, fail(998, "User does not exist")
		}
		if u.Email == "" {
			return nil, fail(101, "Email address not available")
		}
		if f.mailFails {
			return nil, fail(102, "Sending email failed")
		}
		f.welcomes = append(f.welcomes, Welcome{UserID: u.ID, Email: u.Email})
		return nil, nil
	case len(s) == 3 && s[0] == "users" && (s[2] == "disable" || s[2] == "enable") && m == http.MethodPut:
		u := f.users[strings.ToLower(s[1])]
		if u == nil || u == req.caller {
			return nil, fail(101, "")
		}
		u.Disabled = s[2] == "disable"
		return nil, nil
	case len(s) == 1 && s[0] == "groups" && m == http.MethodGet:
		return map[string]any{"groups": f.searchGroups(req.params)}, nil
	case len(s) == 1 && s[0] == "groups" && m == http.MethodPost:
		id := strings.TrimSpace(req.params.Get("groupid"))
		if id == "" {
			return nil, fail(101, "Invalid group name")
		}
		if _, ok := f.groups[id]; ok {
			return nil, fail(102, "group exists")
		}
		dn := req.params.Get("displayname")
		if dn == "" {
			dn = id
		}
		f.groups[id] = &group{id: id, displayName: dn}
		return nil, nil
	case len(s) == 3 && s[0] == "groups" && s[2] == "users" && m == http.MethodGet:
		if _, ok := f.groups[s[1]]; !ok {
			return nil, fail(998, "The requested group could not be found")
		}
		var ids []string
		for _, u := range f.users {
			if contains(u.Groups, s[1]) {
				ids = append(ids, u.ID)
			}
		}
		sort.Strings(ids)
		return map[string]any{"users": ids}, nil
	}
	return nil, fail(998, "Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.")
}

func (f *Fake) isAdmin(u *User) bool { return u != nil && contains(u.Groups, "admin") }

// addUser follows UsersController::addUser's order of checks.
func (f *Fake) addUser(req *request) (any, *ocsError) {
	p := req.params
	userid := p.Get("userid")
	password := p.Get("password")
	displayName := p.Get("displayName")
	email := p.Get("email")
	groups, oerr := arrayParam(p, "groups")
	if oerr != nil {
		return nil, oerr
	}
	subadmin, oerr := arrayParam(p, "subadmin")
	if oerr != nil {
		return nil, oerr
	}
	// (1) exists
	if f.users[strings.ToLower(userid)] != nil {
		return nil, fail(102, "User already exists")
	}
	// (2) groups
	for _, g := range groups {
		if _, ok := f.groups[g]; !ok {
			return nil, fail(104, "Group %s does not exist", g)
		}
	}
	// (3) subadmin groups
	for _, g := range subadmin {
		if _, ok := f.groups[g]; !ok {
			return nil, fail(102, "Sub-admin group does not exist")
		}
		if g == "admin" {
			return nil, fail(103, "Cannot create sub-admins for admin group")
		}
	}
	// (4) password length
	if len(password) > maxPasswordLength {
		return nil, fail(101, "Invalid password value")
	}
	// (5) empty password needs an email
	setPasswordLink := false
	if password == "" {
		if email == "" {
			return nil, fail(108, "To send a password link to the user an email address is required.")
		}
		setPasswordLink = true
	}
	// (6) newUser.requireEmail
	if f.requireMail && email == "" {
		return nil, fail(110, "Required email address was not provided")
	}
	// (7) create: ID, email and display name validation, password policy
	if msg := validateUserID(userid); msg != "" {
		return nil, fail(101, "%s", msg)
	}
	if email != "" {
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
			return nil, fail(101, "Invalid email address")
		}
	}
	if utf8.RuneCountInString(displayName) > 64 {
		return nil, fail(101, "Invalid display name")
	}
	if password != "" && len(password) < 10 {
		return nil, fail(107, "Password is too short. Minimum length is 10 characters.")
	}
	u := &User{ID: userid, DisplayName: displayName, Email: email, Quota: p.Get("quota"), Language: p.Get("language")}
	if u.DisplayName == "" {
		u.DisplayName = userid
	}
	u.Groups = append(u.Groups, groups...)
	u.Subadmin = append(u.Subadmin, subadmin...)
	f.users[strings.ToLower(userid)] = u
	// (8) welcome mail (a failure is only logged; the call still succeeds)
	if email != "" && !f.mailFails {
		f.welcomes = append(f.welcomes, Welcome{UserID: userid, Email: email, SetPasswordLink: setPasswordLink})
	}
	return map[string]any{"id": userid}, nil
}

// validateUserID mirrors OC\User\Manager::validateUserId; "" means valid.
func validateUserID(id string) string {
	switch {
	case id == "":
		return "A valid Login must be provided"
	case strings.TrimSpace(id) != id:
		return "Login contains whitespace at the beginning or at the end"
	case strings.Trim(id, ".") == "":
		return "Login must not consist of dots only"
	case len(id) > 64:
		return "Login is too long"
	}
	for _, r := range id {
		ok := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
			strings.ContainsRune(" _.@-'", r)
		if !ok {
			return `Only the following characters are allowed in a Login: "a-z", "A-Z", "0-9", spaces and "_.@-'"`
		}
	}
	return ""
}

// userGroups handles GET/POST/DELETE /users/{id}/groups.
func (f *Fake) userGroups(req *request, id string) (any, *ocsError) {
	u := f.users[strings.ToLower(id)]
	if req.r.Method == http.MethodGet {
		if u == nil {
			return nil, fail(998, "User does not exist")
		}
		return map[string]any{"groups": append([]string(nil), u.Groups...)}, nil
	}
	gid := req.params.Get("groupid")
	if gid == "" {
		return nil, fail(101, "")
	}
	if _, ok := f.groups[gid]; !ok {
		return nil, fail(102, "")
	}
	if u == nil {
		return nil, fail(103, "")
	}
	switch req.r.Method {
	case http.MethodPost:
		if !contains(u.Groups, gid) {
			u.Groups = append(u.Groups, gid)
		}
		return nil, nil
	case http.MethodDelete:
		if u == req.caller && gid == "admin" {
			return nil, fail(105, "Cannot remove yourself from the admin group")
		}
		out := u.Groups[:0]
		for _, g := range u.Groups {
			if g != gid {
				out = append(out, g)
			}
		}
		u.Groups = out
		return nil, nil
	}
	return nil, fail(998, "Invalid query")
}

// searchUsers does the Database backend's case-insensitive substring search
// over uid, display name and email, sorted by ID, with limit/offset.
func (f *Fake) searchUsers(p interface{ Get(string) string }) []string {
	term := strings.ToLower(p.Get("search"))
	var ids []string
	for _, u := range f.users {
		if term == "" || strings.Contains(strings.ToLower(u.ID), term) ||
			strings.Contains(strings.ToLower(u.DisplayName), term) ||
			strings.Contains(strings.ToLower(u.Email), term) {
			ids = append(ids, u.ID)
		}
	}
	sort.Strings(ids)
	return page(ids, p)
}

// searchGroups does a case-insensitive substring search over ID and display name.
func (f *Fake) searchGroups(p interface{ Get(string) string }) []string {
	term := strings.ToLower(p.Get("search"))
	var ids []string
	for _, g := range f.groups {
		if term == "" || strings.Contains(strings.ToLower(g.id), term) || strings.Contains(strings.ToLower(g.displayName), term) {
			ids = append(ids, g.id)
		}
	}
	sort.Strings(ids)
	return page(ids, p)
}

func page(ids []string, p interface{ Get(string) string }) []string {
	if off, err := strconv.Atoi(p.Get("offset")); err == nil && off > 0 {
		if off >= len(ids) {
			return nil
		}
		ids = ids[off:]
	}
	if lim, err := strconv.Atoi(p.Get("limit")); err == nil && lim > 0 && lim < len(ids) {
		ids = ids[:lim]
	}
	return ids
}

// userDetails renders UserDetails (ResponseDefinitions) for u.
func (f *Fake) userDetails(u *User) map[string]any {
	var email any
	if u.Email != "" {
		email = u.Email
	}
	var quota any = int64(-3) // unlimited
	if q := parseQuota(u.Quota); q >= 0 {
		quota = q
	}
	lang := u.Language
	return map[string]any{
		"id":                  u.ID,
		"enabled":             !u.Disabled,
		"storageLocation":     "/var/www/html/data/" + u.ID,
		"lastLogin":           0,
		"backend":             "Database",
		"subadmin":            append([]string(nil), u.Subadmin...),
		"quota":               map[string]any{"free": 0, "used": 0, "total": 0, "relative": 0, "quota": quota},
		"manager":             "",
		"email":               email,
		"additional_mail":     []string{},
		"displayname":         u.DisplayName,
		"display-name":        u.DisplayName,
		"phone":               "",
		"address":             "",
		"website":             "",
		"twitter":             "",
		"fediverse":           "",
		"organisation":        "",
		"role":                "",
		"headline":            "",
		"biography":           "",
		"profile_enabled":     "1",
		"groups":              append([]string(nil), u.Groups...),
		"language":            lang,
		"locale":              "",
		"notify_email":        nil,
		"backendCapabilities": map[string]any{"setDisplayName": true, "setPassword": true},
	}
}

// parseQuota returns bytes for "5 GB"-style values, -1 for none/default/"".
func parseQuota(q string) int64 {
	q = strings.TrimSpace(strings.ToUpper(q))
	if q == "" || q == "NONE" || q == "DEFAULT" {
		return -1
	}
	mult := int64(1)
	for _, s := range []struct {
		suffix string
		m      int64
	}{{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(q, s.suffix) {
			mult, q = s.m, strings.TrimSpace(strings.TrimSuffix(q, s.suffix))
			break
		}
	}
	n, err := strconv.ParseFloat(q, 64)
	if err != nil || n < 0 {
		return -1
	}
	return int64(n * float64(mult))
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
