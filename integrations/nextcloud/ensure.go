package nextcloud

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxUserIDLength is Nextcloud's limit for user IDs.
const MaxUserIDLength = 64

// AdminGroup is the ID of Nextcloud's admin group: its members administer
// the whole server. EnsureMember never adds anybody to it.
const AdminGroup = "admin"

// maxIDAttempts bounds how many suffixed IDs EnsureMember tries when the
// derived ID belongs to somebody else.
const maxIDAttempts = 20

// EnsureRequest describes the account a member should have.
type EnsureRequest struct {
	Email       string   // required; the account is looked up by this address
	DisplayName string   // used on creation only
	Groups      []string // the account must be in all of them (never removed from others)
	Quota       string   // used on creation only
	Language    string   // used on creation only
	// UserIDHint is the preferred user ID (e.g. "max.mustermann"); it is
	// cleaned with DeriveUserID. Empty means: derived from the email's local part.
	UserIDHint string
}

// EnsureResult says what EnsureMember did.
type EnsureResult struct {
	Created     bool     // a new account was created (Nextcloud sent the welcome mail)
	UserID      string   // the member's account
	AddedGroups []string // groups the existing account was added to (nil when created)
	Disabled    bool     // the existing account is disabled (EnsureMember does not enable it)
}

// EnsureMember is the idempotent provisioning step: it finds the account by
// exact email; if there is exactly one, it adds the missing groups; if there
// is none, it creates one (with a user ID derived from the hint or the email)
// so that Nextcloud sends the welcome mail. If the derived ID is taken (102),
// it fetches that account: if it has the same email (a parallel or earlier
// run), it reconciles its groups; otherwise it tries "<id>-2", "<id>-3", ….
// Several accounts with the email give an *AmbiguousEmailError
// (errors.Is ErrAmbiguousEmail). A request for the admin group
// (AdminGroup) is refused with ErrForbidden before any call. Safe to call
// again after any error.
func (c *Client) EnsureMember(ctx context.Context, req EnsureRequest) (EnsureResult, error) {
	email := strings.TrimSpace(req.Email)
	if email == "" || !strings.Contains(email, "@") {
		return EnsureResult{}, &Error{Op: "ensure member", Message: "a valid email address is required", kind: ErrInvalidInput}
	}
	for _, g := range req.Groups {
		// „Admin“ too: whether group IDs compare with case depends on
		// the database under Nextcloud.
		if strings.EqualFold(strings.TrimSpace(g), AdminGroup) {
			return EnsureResult{}, &Error{Op: "ensure member", Message: "members are never added to the admin group", kind: ErrForbidden}
		}
	}
	found, err := c.FindUsersByEmail(ctx, email)
	if err != nil {
		return EnsureResult{}, err
	}
	switch len(found) {
	case 0:
	case 1:
		return c.reconcile(ctx, &found[0], req.Groups)
	default:
		ids := make([]string, len(found))
		for i, u := range found {
			ids[i] = u.ID
		}
		return EnsureResult{}, &AmbiguousEmailError{UserIDs: ids}
	}

	base := DeriveUserID(req.UserIDHint, email)
	for attempt := 1; attempt <= maxIDAttempts; attempt++ {
		id := withSuffix(base, attempt)
		created, err := c.CreateUser(ctx, CreateUserRequest{
			UserID: id, Email: email, DisplayName: truncateRunes(req.DisplayName, MaxUserIDLength),
			Groups: req.Groups, Quota: req.Quota, Language: req.Language,
		})
		if err == nil {
			return EnsureResult{Created: true, UserID: created}, nil
		}
		if !errors.Is(err, ErrUserExists) {
			return EnsureResult{}, err
		}
		existing, err := c.GetUser(ctx, id)
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				continue // deleted in between, or invisible to us: try the next ID
			}
			return EnsureResult{}, err
		}
		if strings.EqualFold(strings.TrimSpace(existing.Email), email) {
			return c.reconcile(ctx, existing, req.Groups)
		}
		// The ID belongs to somebody else: never touch that account.
	}
	return EnsureResult{}, &Error{Op: "ensure member",
		// Not the IDs tried: derived from the member's name, they would
		// land in Warn logs (security review 20, finding 15).
		Message: fmt.Sprintf("no free user ID after %d attempts", maxIDAttempts), kind: ErrUserExists}
}

// reconcile adds u to the groups it is missing.
func (c *Client) reconcile(ctx context.Context, u *User, groups []string) (EnsureResult, error) {
	res := EnsureResult{UserID: u.ID, Disabled: !u.Enabled}
	have := make(map[string]bool, len(u.Groups))
	for _, g := range u.Groups {
		have[g] = true
	}
	for _, g := range groups {
		if have[g] {
			continue
		}
		if err := c.AddToGroup(ctx, u.ID, g); err != nil {
			return res, err
		}
		have[g] = true
		res.AddedGroups = append(res.AddedGroups, g)
	}
	return res, nil
}

// germanFold transliterates common non-ASCII letters.
var germanFold = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue", 'ß': "ss", 'ẞ': "SS",
	'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'å': "a", 'æ': "ae", 'ç': "c", 'č': "c", 'ć': "c",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ń': "n",
	'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'œ': "oe", 'š': "s", 'ś': "s", 'ú': "u", 'ù': "u",
	'û': "u", 'ý': "y", 'ÿ': "y", 'ž': "z", 'ź': "z", 'ż': "z", 'ł': "l", 'ğ': "g", 'ı': "i", 'ş': "s",
}

// DeriveUserID turns hint (or, if hint is empty, the local part of email)
// into a valid Nextcloud user ID: lower case, umlauts transliterated
// ("Jürgen Groß" → "juergen.gross"), only a-z0-9 _.-' kept, spaces and other
// separators become ".", at most 64 characters, never "." or "..".
// Falls back to "member". An "@" is a separator too, although Nextcloud
// allows it: the hint is a name the member chooses, and a user ID like
// „vorstand@verein.de“ looks like that address to everyone who shares a
// file with it (twenty-sixth pass).
func DeriveUserID(hint, email string) string {
	src := strings.TrimSpace(hint)
	if src == "" {
		src = strings.TrimSpace(email)
		if i := strings.LastIndex(src, "@"); i >= 0 {
			src = src[:i]
		}
	}
	if strings.HasPrefix(src, "@") && strings.Contains(src, ":") { // a Matrix ID: @localpart:server
		src = src[1:strings.Index(src, ":")]
	}
	var b strings.Builder
	lastSep := true
	for _, r := range src {
		if s, ok := germanFold[r]; ok {
			b.WriteString(strings.ToLower(s))
			lastSep = false
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			lastSep = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
			lastSep = false
		case r == '_' || r == '-' || r == '\'':
			b.WriteRune(r)
			lastSep = false
		default: // '.', space, '+', '/', and anything else
			if !lastSep {
				b.WriteByte('.')
				lastSep = true
			}
		}
	}
	id := strings.Trim(b.String(), ".")
	if len(id) > MaxUserIDLength {
		id = strings.TrimRight(id[:MaxUserIDLength], ".")
	}
	if id == "" || id == "." || id == ".." {
		id = "member"
	}
	return id
}

// withSuffix returns base for attempt 1 and "<base>-<n>" after that,
// shortening base so the result stays within MaxUserIDLength.
func withSuffix(base string, attempt int) string {
	if attempt <= 1 {
		return base
	}
	suffix := fmt.Sprintf("-%d", attempt)
	if len(base)+len(suffix) > MaxUserIDLength {
		base = strings.TrimRight(base[:MaxUserIDLength-len(suffix)], ".")
	}
	return base + suffix
}

// truncateRunes shortens s to at most n runes (Nextcloud rejects display
// names over 64 characters with 101 after creating the user).
func truncateRunes(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n]))
}
