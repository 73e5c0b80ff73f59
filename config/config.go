// Package config reads Lotse's configuration: a YAML file, then environment
// variables (LOTSE_<KEY>, env wins), then secrets from files (<KEY>_FILE).
// Only cmd/lotse imports it; every other package receives plain values.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"gopkg.in/yaml.v3"

	"github.com/lotse-bot/lotse/internal/pgdsn"
)

// ExampleConfig is the commented example printed by `lotse config example`.
//
//go:embed example-config.yaml
var ExampleConfig string

// Config is Lotse's whole configuration. Every key can also be set in the
// environment as LOTSE_ plus the key in capitals (homeserver_url →
// LOTSE_HOMESERVER_URL); lists are comma-separated there. Secrets can be
// read from a file named by LOTSE_<KEY>_FILE.
type Config struct {
	HomeserverURL string `yaml:"homeserver_url"`
	UserID        string `yaml:"user_id"`
	Password      string `yaml:"password" secret:"true"`
	AccessToken   string `yaml:"access_token" secret:"true"`
	DeviceName    string `yaml:"device_name"`
	// DisplayName and Avatar are Lotse's profile, set at every start when
	// they differ ("": left as they are). Avatar is an image file (PNG,
	// JPEG, GIF or WebP, at most 1 MB) or an mxc:// URI.
	//
	// DisplayName is not the name the answer engine reads a "du" in a
	// question as (search.Options.Addressee, "Lotse"): that is the name
	// the guides call the bot by, a word of theirs. A profile name may be
	// empty, several words or a new name while the guides stay as
	// written; and `lotse ask`, which decides without a config, must
	// answer as the bot does.
	DisplayName string `yaml:"display_name"`
	Avatar      string `yaml:"avatar"`
	PickleKey   string `yaml:"pickle_key" secret:"true"`

	Database  string `yaml:"database"`
	GuidesDir string `yaml:"guides_dir"`
	Language  string `yaml:"language"`

	AllowedInviters []string `yaml:"allowed_inviters"`
	Workers         int      `yaml:"workers"`
	// GuideBaseURL, when set, is where the web view of the guides lives;
	// answers then link to the whole guide.
	GuideBaseURL string `yaml:"guide_base_url"`
	// WebListen, when set, serves the read-only web view of the guides on
	// this address (e.g. 127.0.0.1:8080).
	WebListen string `yaml:"web_listen"`
	// OpsListen, when set, serves /healthz, /readyz and /metrics on this
	// address (e.g. 127.0.0.1:9180). Keep it off the public internet.
	OpsListen string `yaml:"ops_listen"`
	// OpsPprof also serves Go's profiler under /debug/pprof/ on OpsListen,
	// for diagnosing memory or CPU use (off by default: profiles show
	// memory contents such as guide text and can be costly to take).
	OpsPprof bool `yaml:"ops_pprof"`
	// WebAudiences are the guide audiences shown on the web (default members).
	WebAudiences []string `yaml:"web_audiences"`
	// ChoiceTTL is how long a "Meintest du …?" offer can be answered by number.
	ChoiceTTL time.Duration `yaml:"choice_ttl"`
	// InboxRetention is how long handled event IDs are kept for deduplication.
	InboxRetention time.Duration `yaml:"inbox_retention"`
	// AnswerRetention is how long Lotse remembers which guide an answer showed
	// (for feedback reactions).
	AnswerRetention time.Duration `yaml:"answer_retention"`

	// TeamRoom is the room ID of the digital team's (encrypted) room, where
	// people with the team role handle support cases. Empty: no support cases.
	TeamRoom string `yaml:"team_room"`
	// SupportAnonymous hides the team member's name in answers to members.
	SupportAnonymous bool `yaml:"support_anonymous"`
	// SupportReplyPrefix, when set, sends thread messages starting with it to the member.
	SupportReplyPrefix string `yaml:"support_reply_prefix"`
	// SupportReopenWindow: a member's message reopens a resolved case within this time (0: never).
	SupportReopenWindow time.Duration `yaml:"support_reopen_window"`
	// SupportUnclaimedAfter: unclaimed cases ping the team room after this long (0: off).
	SupportUnclaimedAfter time.Duration `yaml:"support_unclaimed_after"`
	// SupportStaleAfter: claimed cases without activity ping their assignee after this long (0: off).
	SupportStaleAfter time.Duration `yaml:"support_stale_after"`
	// SupportDigest is off, daily or a weekday (monday … sunday).
	SupportDigest string `yaml:"support_digest"`
	// SupportDigestHour is the local hour of the digest (0–23).
	SupportDigestHour int `yaml:"support_digest_hour"`
	// SupportQuietHours are local hours without reminders, e.g. "21-8" ("" or "off": none).
	SupportQuietHours string `yaml:"support_quiet_hours"`
	// SupportTimezone is the zone of quiet hours and digests.
	SupportTimezone string `yaml:"support_timezone"`
	// SupportRetention: resolved and closed cases are deleted after this long.
	SupportRetention time.Duration `yaml:"support_retention"`

	// KeepFailedQuestions keeps members' questions Lotse could not answer
	// (no guide, a choice without a pick, 👎) for the team's weekly digest.
	KeepFailedQuestions bool `yaml:"keep_failed_questions"`
	// FailedQuestionRetention: such questions are deleted after this long.
	FailedQuestionRetention time.Duration `yaml:"failed_question_retention"`
	// GapsDigest is the weekday of the team room's digest of them, or off.
	GapsDigest string `yaml:"gaps_digest"`
	// GapsDigestHour is its local hour (0–23, support_timezone).
	GapsDigestHour int `yaml:"gaps_digest_hour"`

	// ApprovalsRoom is the room ID of the (encrypted) room where access
	// requests are shown and decided. Empty: no access requests.
	ApprovalsRoom string `yaml:"approvals_room"`
	// Approvers may approve access requests (full Matrix IDs), besides
	// people an admin granted the approver role.
	Approvers []string `yaml:"approvers"`
	// AccessTwoApprovers lists Nextcloud groups and BBB rooms that need two
	// different approvers.
	AccessTwoApprovers []string `yaml:"access_two_approvers"`
	// AccessMaxAttempts: a temporary provisioning failure is retried this often.
	AccessMaxAttempts int `yaml:"access_max_attempts"`
	// AccessNotifyAfter: the approvers are told after this many failures.
	AccessNotifyAfter int `yaml:"access_notify_after"`
	// AccessRetryBackoff is the first retry delay (doubling, at most 1h).
	AccessRetryBackoff time.Duration `yaml:"access_retry_backoff"`
	// IntegrationTimeout bounds each request to Nextcloud and BBB.
	IntegrationTimeout time.Duration `yaml:"integration_timeout"`

	// NextcloudURL is the Nextcloud root; empty: no Nextcloud requests.
	NextcloudURL string `yaml:"nextcloud_url"`
	// NextcloudUser is the admin account Lotse acts as.
	NextcloudUser string `yaml:"nextcloud_user"`
	// NextcloudAppPassword: only from LOTSE_NEXTCLOUD_APP_PASSWORD(_FILE).
	NextcloudAppPassword string `yaml:"nextcloud_app_password" secret:"env-only"`
	// NextcloudGroups are the groups members may request.
	NextcloudGroups []string `yaml:"nextcloud_groups"`
	// NextcloudQuota is the quota of new accounts ("" = server default).
	NextcloudQuota string `yaml:"nextcloud_quota"`
	// NextcloudGuide is the guide sent as the next step.
	NextcloudGuide string `yaml:"nextcloud_guide"`

	// BBBURL is the BigBlueButton API base; empty: no BBB requests.
	BBBURL string `yaml:"bbb_url"`
	// BBBSecret: only from LOTSE_BBB_SECRET(_FILE).
	BBBSecret string `yaml:"bbb_secret" secret:"env-only"`
	// BBBChecksum is sha1 (default) or sha256/sha384/sha512.
	BBBChecksum string `yaml:"bbb_checksum"`
	// BBBWelcome is the welcome text of persistent rooms.
	BBBWelcome string `yaml:"bbb_welcome"`
	// BBBGuide is the guide sent with a room link.
	BBBGuide string `yaml:"bbb_guide"`

	// Admins (full Matrix IDs) may grant every role, including approver,
	// and record declarations and trainings. Only set here, never in chat.
	Admins []string `yaml:"admins"`
	// TrainingRequired: the team role also needs a data-protection training.
	TrainingRequired bool `yaml:"training_required"`
	// TrainingValidity is how long a training counts (default 12 months):
	// multiples of 365 days count calendar years, other whole days calendar
	// days in SupportTimezone (commands/people.Workflow.trainingUntil).
	TrainingValidity time.Duration `yaml:"training_validity"`
	// TrainingRemindBefore: reminders this long before a training expires.
	TrainingRemindBefore time.Duration `yaml:"training_remind_before"`

	// OnboardingWelcome sends one welcome DM to new members (first DM
	// message, or joining a lobby room).
	OnboardingWelcome bool `yaml:"onboarding_welcome"`
	// LobbyRooms are room IDs (rooms or spaces) whose new members are welcomed.
	LobbyRooms []string `yaml:"lobby_rooms"`
	// OnboardingWelcomeText replaces the built-in welcome (Markdown).
	OnboardingWelcomeText string `yaml:"onboarding_welcome_text"`
	// OnboardingReminderAfter: one reminder when the checklist is unfinished (0: none).
	OnboardingReminderAfter time.Duration `yaml:"onboarding_reminder_after"`

	// AccessRetention: decided access requests are deleted after this long.
	AccessRetention time.Duration `yaml:"access_retention"`
	// AuditRetention: access and role audit entries are deleted after this long.
	AuditRetention time.Duration `yaml:"audit_retention"`
	// MemberRetention: onboarding state of members without a role is deleted
	// this long after their last message; also removed team gates.
	MemberRetention time.Duration `yaml:"member_retention"`
	// RetentionRedactsRoomMessages: when a case or an access request is
	// deleted at the end of its period (support_retention,
	// access_retention), Lotse redacts its own messages that show the
	// member in the team and the approvals room (default on; off keeps
	// them in the rooms' history, for an association that must keep them).
	RetentionRedactsRoomMessages bool `yaml:"retention_redacts_room_messages"`

	// Coordinators (Matrix IDs) may announce and change round tables;
	// empty: round tables are off.
	Coordinators []string `yaml:"coordinators"`
	// AnnouncementRooms are the default rooms (IDs) for round-table announcements.
	AnnouncementRooms []string `yaml:"announcement_rooms"`
	// RoundTableReminders are durations before start, e.g. 24h,15m.
	RoundTableReminders []string `yaml:"roundtable_reminders"`
	// RoundTableMeetingLead: the BBB meeting is created this long before start.
	RoundTableMeetingLead time.Duration `yaml:"roundtable_meeting_lead"`
	// RoundTableTick is how often reminders are checked.
	RoundTableTick time.Duration `yaml:"roundtable_tick"`
	// Round tables use bbb_url, the BBB secret and bbb_checksum above.

	LogLevel  string `yaml:"log_level"`
	LogFormat string `yaml:"log_format"`

	// --- Site and fallback contact (first deployment, issue 19) ---

	// Site holds the association's names and addresses (guide placeholders,
	// web title, Impressum and privacy links).
	Site Site `yaml:"site"`
	// FallbackContact is one line telling members whom to reach when Lotse
	// cannot help (a feature is off or nobody is on duty), e.g. "Schreib an
	// digital@… oder ruf … an." Empty: Lotse points to the association's
	// office in general.
	FallbackContact string `yaml:"fallback_contact"`

	// --- Learning from cases (issue 18) ---

	// LearnEvalQuestions names an optional TSV of evaluation questions
	// ("question<TAB>expected", the format of `lotse guides eval`) that the
	// guard of !lehren checks besides the guides' example questions and the
	// questions learned so far. Empty: none.
	LearnEvalQuestions string `yaml:"learn_eval_questions"`
}

// Defaults returns the configuration used for keys nobody set.
func Defaults() Config {
	return Config{
		DeviceName:      "Lotse",
		Database:        "lotse.db",
		GuidesDir:       "library",
		WebAudiences:    []string{"members"},
		Language:        "de",
		Workers:         8,
		ChoiceTTL:       30 * time.Minute,
		InboxRetention:  7 * 24 * time.Hour,
		AnswerRetention: 30 * 24 * time.Hour,

		SupportReopenWindow:   7 * 24 * time.Hour,
		SupportUnclaimedAfter: 4 * time.Hour,
		SupportStaleAfter:     3 * 24 * time.Hour,
		SupportDigest:         "daily",
		SupportDigestHour:     9,
		SupportQuietHours:     "21-8",
		SupportTimezone:       "Europe/Berlin",
		SupportRetention:      90 * 24 * time.Hour,

		KeepFailedQuestions:     true,
		FailedQuestionRetention: 30 * 24 * time.Hour,
		GapsDigest:              "monday",
		GapsDigestHour:          9,

		AccessMaxAttempts:  16,
		AccessNotifyAfter:  5,
		AccessRetryBackoff: 5 * time.Second,
		IntegrationTimeout: 10 * time.Second,
		NextcloudGuide:     "nextcloud/erste-anmeldung.md",
		BBBChecksum:        "sha1",
		BBBWelcome:         "Willkommen im Raum <b>%%CONFNAME%%</b>!",
		BBBGuide:           "bbb/konferenz-im-browser-beitreten.md",

		TrainingValidity:             365 * 24 * time.Hour,
		TrainingRemindBefore:         30 * 24 * time.Hour,
		OnboardingWelcome:            true,
		OnboardingReminderAfter:      7 * 24 * time.Hour,
		AccessRetention:              365 * 24 * time.Hour,
		AuditRetention:               3 * 365 * 24 * time.Hour,
		MemberRetention:              2 * 365 * 24 * time.Hour,
		RetentionRedactsRoomMessages: true,
		RoundTableReminders:          []string{"24h", "15m"},
		RoundTableMeetingLead:        10 * time.Minute,
		RoundTableTick:               time.Minute,

		LogLevel:  "info",
		LogFormat: "console",
	}
}

// Load reads the file at path (if path is not empty), then the environment.
// getenv is os.Getenv in production.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Defaults()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("failed to read config file: %w", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
			var te *yaml.TypeError
			if errors.As(err, &te) {
				err = typeErrorWithoutValues(data, te)
			}
			return cfg, fmt.Errorf("failed to parse config file %s: %w", path, err)
		}
		if err := checkEnvOnly(cfg); err != nil {
			return cfg, err
		}
	}
	if err := applyEnv(&cfg, getenv); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// typeErrorWithoutValues rewrites yaml's type errors ("line 2: cannot
// unmarshal !!str `hunter2...` into int") to name the key and the wanted
// type, never the value: a secret typed or pasted under the wrong key
// would otherwise reach the journal, and the docs invite sharing it with
// the team. Other messages (an unknown key) are kept.
func typeErrorWithoutValues(data []byte, te *yaml.TypeError) error {
	keys := keysByLine(data)
	msgs := make([]string, len(te.Errors))
	for i, m := range te.Errors {
		msgs[i] = unknownKeyHint(m)
		at := strings.Index(m, "cannot unmarshal ")
		into := strings.LastIndex(m, " into ")
		if at < 0 || into < at {
			continue
		}
		prefix, want := m[:at], m[into+len(" into "):]
		key := "a value"
		if line, ok := strings.CutPrefix(prefix, "line "); ok {
			if n, err := strconv.Atoi(strings.TrimSuffix(line, ": ")); err == nil && keys[n] != "" {
				key = keys[n]
			}
		}
		msgs[i] = prefix + key + " is not of type " + want + typeHints[want] + " (the value is not shown: it may be a secret set in the wrong place)"
	}
	return &yaml.TypeError{Errors: msgs}
}

// typeHints tells the admin how to write a value of each type a key may
// have; a duration without its unit ("72") is the common mistake.
var typeHints = map[string]string{
	"time.Duration": ": write a duration with its unit, like 30m, 72h or 720h",
	"int":           ": write a whole number, like 4",
	"bool":          ": write true or false",
	"[]string":      `: write a list, like ["a", "b"]`,
	"string":        ": write one text value",
}

// unknownKeyHint rewrites yaml's "line 9: field aprovers not found in type
// config.Config" to name the key the admin most likely meant (approvers)
// and where every key is listed. Other messages are returned unchanged.
func unknownKeyHint(m string) string {
	prefix, rest, ok := strings.Cut(m, "field ")
	if !ok {
		return m
	}
	key, typ, ok := strings.Cut(rest, " not found in type ")
	if !ok {
		return m
	}
	var known []string
	switch typ {
	case "config.Config":
		known = yamlKeys(reflect.TypeFor[Config]())
	case "config.Site":
		known = yamlKeys(reflect.TypeFor[Site]())
		key = "site." + key
	default:
		return m
	}
	msg := prefix + key + " is not a known key"
	if best := closestKey(strings.TrimPrefix(key, "site."), known); best != "" {
		if strings.HasPrefix(key, "site.") {
			best = "site." + best
		}
		msg += " (did you mean " + best + "?)"
	}
	return msg + "; `lotse config example` lists every key"
}

// yamlKeys lists the YAML keys of a struct's fields.
func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if k := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]; k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// closestKey is the known key nearest to key by edit distance, if it is
// near enough to be a typo (at most a third of its length, at least one),
// or one that begins with it (homeserver for homeserver_url).
func closestKey(key string, known []string) string {
	best, bestD := "", max(1, len(key)/3)+1
	for _, k := range known {
		d := levenshtein.ComputeDistance(key, k)
		if len(key) >= 5 && strings.HasPrefix(k, key+"_") {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// keysByLine maps each line of a YAML document that holds a value to the
// dotted key the value belongs to (site.name; a list's items to the list's
// key). A document that does not parse gives an empty map.
func keysByLine(data []byte) map[int]string {
	keys := map[int]string{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return keys
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := n.Content[i].Value
				if path != "" {
					p = path + "." + p
				}
				keys[n.Content[i+1].Line] = p
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				keys[c.Line] = path
				walk(c, path)
			}
		}
	}
	walk(&doc, "")
	return keys
}

// checkEnvOnly refuses secrets tagged env-only in the config file: they
// belong in the environment or a secret file, never in a file that gets
// copied, committed or printed.
func checkEnvOnly(cfg Config) error {
	v := reflect.ValueOf(cfg)
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Tag.Get("secret") == "env-only" && v.Field(i).String() != "" {
			key := strings.Split(f.Tag.Get("yaml"), ",")[0]
			return fmt.Errorf("%s must not be in the config file: set %s or %s_FILE", key, EnvName(key), EnvName(key))
		}
	}
	return nil
}

// EnvName is the environment variable for a YAML key.
func EnvName(key string) string { return "LOTSE_" + strings.ToUpper(key) }

// applyEnv overrides fields from LOTSE_* variables and *_FILE secrets.
func applyEnv(cfg *Config, getenv func(string) string) error {
	return applyEnvStruct(reflect.ValueOf(cfg).Elem(), "", getenv)
}

// applyEnvStruct sets the fields of the struct v; a nested block (site:)
// is read from LOTSE_<BLOCK>_<KEY>.
func applyEnvStruct(v reflect.Value, prefix string, getenv func(string) string) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		key := prefix + strings.Split(f.Tag.Get("yaml"), ",")[0]
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[time.Time]() {
			if err := applyEnvStruct(v.Field(i), key+"_", getenv); err != nil {
				return err
			}
			continue
		}
		name := EnvName(key)
		raw := getenv(name)
		if file := getenv(name + "_FILE"); file != "" && raw == "" {
			data, err := os.ReadFile(file)
			if err != nil {
				return fmt.Errorf("failed to read %s_FILE: %w", name, err)
			}
			raw = strings.TrimSpace(string(data))
			if raw == "" {
				// Ctrl-D before pasting the secret: without this the
				// admin read "LOTSE_BBB_SECRET (or _FILE) must be set"
				// while the variable named a file (adm27).
				return fmt.Errorf("%s_FILE names %s, which is empty: write the value into that file", name, file)
			}
		}
		if raw == "" {
			continue
		}
		field := v.Field(i)
		switch field.Interface().(type) {
		case string:
			field.SetString(raw)
		case bool:
			b, err := strconv.ParseBool(raw)
			if err != nil {
				return fmt.Errorf("%s must be true or false (the value is not shown: it may be a secret set in the wrong place)", name)
			}
			field.SetBool(b)
		case int:
			n, err := strconv.Atoi(raw)
			if err != nil {
				return fmt.Errorf("%s must be a whole number (the value is not shown: it may be a secret set in the wrong place)", name)
			}
			field.SetInt(int64(n))
		case time.Duration:
			d, err := time.ParseDuration(raw)
			if err != nil {
				return fmt.Errorf("%s must be a duration like 30m or 24h (the value is not shown: it may be a secret set in the wrong place)", name)
			}
			field.SetInt(int64(d))
		case []string:
			var list []string
			for _, part := range strings.Split(raw, ",") {
				if p := strings.TrimSpace(part); p != "" {
					list = append(list, p)
				}
			}
			field.Set(reflect.ValueOf(list))
		default:
			return fmt.Errorf("config field %s has an unsupported type", f.Name)
		}
	}
	return nil
}

// postgresURIProblem names what is wrong with a PostgreSQL connection
// string (a URI or libpq's key/value form), or "". It asks the driver's own
// parser and never quotes the string or the parser's error: both hold the
// password.
func postgresURIProblem(uri string) string {
	if err := pgdsn.Check(uri); err != nil {
		return err.Error()
	}
	return ""
}

// Validate checks that Lotse can start with cfg and explains what is missing.
func (c Config) Validate() error {
	var problems []string
	if c.HomeserverURL == "" {
		problems = append(problems, "homeserver_url is missing (LOTSE_HOMESERVER_URL), e.g. https://matrix.example.org")
	} else if !strings.HasPrefix(c.HomeserverURL, "http://") && !strings.HasPrefix(c.HomeserverURL, "https://") {
		problems = append(problems, "homeserver_url must start with https:// (or http:// on loopback)")
	}
	if !strings.HasPrefix(c.UserID, "@") || !strings.Contains(c.UserID, ":") {
		problems = append(problems, "user_id must be a full Matrix ID like @lotse:example.org (LOTSE_USER_ID)")
	}
	if c.Password == "" && c.AccessToken == "" {
		problems = append(problems, "password or access_token is needed (LOTSE_PASSWORD or LOTSE_ACCESS_TOKEN, or their _FILE variants)")
	}
	if len(c.PickleKey) < 16 {
		problems = append(problems, "pickle_key (LOTSE_PICKLE_KEY) must be set to a random secret of at least 16 characters; it encrypts the crypto store — keep it, changing it loses the encryption keys")
	}
	if c.Database == "" {
		problems = append(problems, "database is empty: a file path for SQLite or postgres://…")
	} else if p := postgresURIProblem(c.Database); p != "" {
		problems = append(problems, p)
	}
	if len([]rune(c.DisplayName)) > 100 {
		problems = append(problems, "display_name is longer than 100 characters")
	}
	if c.Avatar != "" && !strings.HasPrefix(c.Avatar, "mxc://") {
		if st, err := os.Stat(c.Avatar); err != nil || !st.Mode().IsRegular() {
			problems = append(problems, fmt.Sprintf("avatar %q is neither an image file Lotse can read nor an mxc:// URI", c.Avatar))
		} else if st.Size() > 1<<20 {
			problems = append(problems, fmt.Sprintf("avatar %q is larger than 1 MB", c.Avatar))
		}
	}
	if c.GuidesDir == "" {
		problems = append(problems, "guides_dir is empty")
	}
	if c.Language != "de" && c.Language != "en" {
		problems = append(problems, "language must be de or en")
	}
	if c.Workers < 1 || c.Workers > 64 {
		problems = append(problems, "workers must be between 1 and 64")
	}
	if c.TeamRoom != "" && !strings.HasPrefix(c.TeamRoom, "!") {
		problems = append(problems, "team_room must be a room ID like !abc:example.org (not an alias)")
	}
	if _, err := c.DigestWeekday(); err != nil {
		problems = append(problems, err.Error())
	}
	if c.SupportDigestHour < 0 || c.SupportDigestHour > 23 {
		problems = append(problems, "support_digest_hour must be between 0 and 23")
	}
	if _, _, err := c.QuietHours(); err != nil {
		problems = append(problems, err.Error())
	}
	if _, err := c.GapsDigestWeekday(); err != nil {
		problems = append(problems, err.Error())
	}
	if c.GapsDigestHour < 0 || c.GapsDigestHour > 23 {
		problems = append(problems, "gaps_digest_hour must be between 0 and 23")
	}
	// Also with keeping off: questions kept while it was on still need
	// their deadline (retention skips a rule without a period).
	if c.FailedQuestionRetention <= 0 {
		problems = append(problems, "failed_question_retention must be positive, also with keep_failed_questions: false (e.g. 720h)")
	}
	if _, err := c.Location(); err != nil {
		problems = append(problems, err.Error())
	}
	problems = append(problems, c.accessProblems()...)
	problems = append(problems, c.roomRoleProblems()...)
	for _, a := range c.Admins {
		if !strings.HasPrefix(a, "@") || !strings.Contains(a, ":") {
			problems = append(problems, "admins must be full Matrix IDs like @name:example.org, not "+strconv.Quote(a))
		}
	}
	for _, r := range c.LobbyRooms {
		if !strings.HasPrefix(r, "!") {
			problems = append(problems, "lobby_rooms must be room IDs like !abc:example.org (not aliases), not "+strconv.Quote(r))
		}
	}
	if c.TrainingRequired && c.TrainingValidity <= 0 {
		problems = append(problems, "training_validity must be positive when training_required is true")
	}
	for _, c := range c.Coordinators {
		if !strings.HasPrefix(c, "@") || !strings.Contains(c, ":") {
			problems = append(problems, "coordinators must be full Matrix IDs like @name:example.org, not "+c)
		}
	}
	for _, r := range c.AnnouncementRooms {
		if !strings.HasPrefix(r, "!") {
			problems = append(problems, "announcement_rooms must be room IDs like !abc:example.org (not aliases), not "+r)
		}
	}
	if _, err := c.ReminderOffsets(); err != nil {
		problems = append(problems, err.Error())
	}
	if c.RoundTableTick < time.Second {
		problems = append(problems, "roundtable_tick must be at least 1s")
	}
	// One problem per missing half, named the way the admin sets it.
	switch {
	case c.BBBURL != "" && c.BBBSecret == "":
		problems = append(problems, "bbb_url needs the shared secret in LOTSE_BBB_SECRET (or _FILE)")
	case c.BBBURL == "" && c.BBBSecret != "":
		problems = append(problems, "the BBB shared secret (LOTSE_BBB_SECRET or _FILE) is set but bbb_url is empty: set both or neither")
	}
	switch strings.ToLower(c.BBBChecksum) {
	case "", "sha1", "sha256", "sha384", "sha512":
	default:
		problems = append(problems, "bbb_checksum must be sha1, sha256, sha384 or sha512")
	}
	problems = append(problems, c.Site.siteProblems()...)
	problems = append(problems, fallbackProblems(c.FallbackContact)...)
	if len(problems) > 0 {
		return fmt.Errorf("invalid configuration:\n  - %s", strings.Join(problems, "\n  - "))
	}
	return nil
}

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	"sonntag": 0, "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6}

// DigestWeekday reads support_digest: -2 off, -1 daily, else the weekday (0 = Sunday).
func (c Config) DigestWeekday() (int, error) {
	switch d := strings.ToLower(strings.TrimSpace(c.SupportDigest)); d {
	case "", "off", "aus", "none":
		return -2, nil
	case "daily", "täglich", "taeglich":
		return -1, nil
	default:
		if w, ok := weekdays[d]; ok {
			return w, nil
		}
		return 0, fmt.Errorf("support_digest must be off, daily or a weekday like monday, not %q", c.SupportDigest)
	}
}

// Location loads support_timezone, the zone of quiet hours, digests and
// the dates Lotse shows ("" is UTC). Load it once at start and pass it
// down; the error names the setting for the admin.
func (c Config) Location() (*time.Location, error) {
	loc, err := time.LoadLocation(c.SupportTimezone)
	if err != nil {
		return nil, fmt.Errorf("support_timezone must be a time zone name like Europe/Berlin, not %q", c.SupportTimezone)
	}
	return loc, nil
}

// GapsDigestWeekday reads gaps_digest: -1 off, else the weekday (0 = Sunday).
func (c Config) GapsDigestWeekday() (int, error) {
	d := strings.ToLower(strings.TrimSpace(c.GapsDigest))
	switch d {
	case "", "off", "aus", "none":
		return -1, nil
	}
	if w, ok := weekdays[d]; ok {
		return w, nil
	}
	return 0, fmt.Errorf("gaps_digest must be off or a weekday like monday, not %q", c.GapsDigest)
}

// QuietHours reads support_quiet_hours ("21-8"): from and to as local hours; equal means none.
func (c Config) QuietHours() (from, to int, err error) {
	q := strings.TrimSpace(c.SupportQuietHours)
	if q == "" || q == "off" || q == "aus" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(q, "-")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || from < 0 || from > 23 || to < 0 || to > 23 {
		return 0, 0, fmt.Errorf("support_quiet_hours must look like 21-8 (hours 0–23) or off, not %q", c.SupportQuietHours)
	}
	return from, to, nil
}

// accessProblems checks the access request keys.
func (c Config) accessProblems() []string {
	var problems []string
	if (c.NextcloudURL != "" || c.BBBURL != "") && c.IntegrationTimeout < time.Second {
		// BBB serves round tables too, with or without access requests.
		problems = append(problems, "integration_timeout must be at least 1s, e.g. 10s")
	}
	if c.ApprovalsRoom == "" {
		return problems
	}
	if !strings.HasPrefix(c.ApprovalsRoom, "!") {
		problems = append(problems, "approvals_room must be a room ID like !abc:example.org (not an alias)")
	}
	for _, a := range c.Approvers {
		if !strings.HasPrefix(a, "@") || !strings.Contains(a, ":") {
			problems = append(problems, "approvers must be full Matrix IDs like @name:example.org, not "+strconv.Quote(a))
		}
	}
	if c.NextcloudURL == "" && c.BBBURL == "" {
		problems = append(problems, "approvals_room is set but neither nextcloud_url nor bbb_url: nothing to request")
	}
	if c.NextcloudURL != "" {
		if c.NextcloudUser == "" || c.NextcloudAppPassword == "" {
			problems = append(problems, "nextcloud_url needs nextcloud_user and an app password in LOTSE_NEXTCLOUD_APP_PASSWORD (or _FILE)")
		}
		if len(c.NextcloudGroups) == 0 {
			problems = append(problems, "nextcloud_groups lists the groups members may request; it is empty")
		}
		// Any member may ask for a listed group and one approval grants it:
		// Nextcloud's admin group would make them Nextcloud admins.
		for _, g := range c.NextcloudGroups {
			if strings.EqualFold(strings.TrimSpace(g), "admin") {
				problems = append(problems, "nextcloud_groups must not list Nextcloud's admin group \"admin\": members may request every group listed there")
			}
		}
	}
	if c.AccessMaxAttempts < 1 || c.AccessNotifyAfter < 1 {
		problems = append(problems, "access_max_attempts and access_notify_after must be at least 1")
	}
	return problems
}

// roomRoleProblems refuses a room given two jobs that must not share one:
// the team room holds cases and the approvals room requests, each with
// members' personal data, and each room's members are invited by their own
// role. One room for both would let approvers, who need no recorded
// declaration, read every support case; either room as a lobby would
// greet members there as if it were theirs.
func (c Config) roomRoleProblems() []string {
	var problems []string
	if c.TeamRoom != "" && c.TeamRoom == c.ApprovalsRoom {
		problems = append(problems, "team_room and approvals_room must be two different rooms: approvers (invited into the approvals room) would read the support cases; create a second encrypted room for one of them")
	}
	for _, r := range c.LobbyRooms {
		switch {
		case r == "":
		case r == c.TeamRoom:
			problems = append(problems, "lobby_rooms must not list the team_room: members are welcomed in a lobby, cases belong to the team; name the members' room there instead")
		case r == c.ApprovalsRoom:
			problems = append(problems, "lobby_rooms must not list the approvals_room: members are welcomed in a lobby, requests belong to the approvers; name the members' room there instead")
		}
	}
	return problems
}

// ReminderOffsets reads roundtable_reminders ("24h", "15m").
func (c Config) ReminderOffsets() ([]time.Duration, error) {
	var out []time.Duration
	for _, r := range c.RoundTableReminders {
		d, err := time.ParseDuration(strings.TrimSpace(r))
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("roundtable_reminders must be durations like 24h,15m, not %q", r)
		}
		out = append(out, d)
	}
	return out, nil
}
