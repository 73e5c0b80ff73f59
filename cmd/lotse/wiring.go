package main

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/metrics"
	"github.com/lotse-bot/lotse/storage"
)

// Wiring: the workflows' configuration from the config file, and the
// command handler built from it.

// newHandler builds the workflows from the config; loc is the config's
// time zone ([config.Config.Location]). attach gives them the bot once it
// exists.
func newHandler(cfg config.Config, loc *time.Location, db *storage.DB, store *guides.Store, m *metrics.Metrics, log zerolog.Logger) (*commands.Handler, func(*bot.Bot), error) {
	support, err := supportConfig(cfg, loc)
	if err != nil {
		return nil, nil, err
	}
	meetings, err := bbbClient(cfg)
	if err != nil {
		return nil, nil, err
	}
	access, err := accessConfig(cfg, meetings)
	if err != nil {
		return nil, nil, err
	}
	roundTables, err := roundTableConfig(cfg, loc, meetings)
	if err != nil {
		return nil, nil, err
	}
	learn, err := learnConfig(cfg, store)
	if err != nil {
		return nil, nil, err
	}
	matrix, rooms := &matrixAdapter{}, &roomAdapter{}
	handler := commands.New(commands.Deps{
		Support:     support,
		Access:      access,
		RoundTables: roundTables,
		Roles:       rolesConfig(cfg),
		Onboarding:  onboardingConfig(cfg),
		Privacy:     commands.Privacy{Retention: retentionPolicy(cfg), NoticeURL: cfg.Site.PrivacyURL},
		GuideDraft:  commands.GuideDraft{Vars: siteVars(cfg)}, // addresses in drafts become {{placeholders}}
		Learn:       learn,
		Rooms:       rooms,
		Matrix:      matrix,
		Guides:      store,
		DB:          db,
		Texts:       commands.TextsFor(cfg.Language),
		Log:         log.With().Str("component", "commands").Logger(),
		ChoiceTTL:   cfg.ChoiceTTL,
		// What one sender and other servers have answered is bounded
		// (commands/pace.go).
		Paced:        true,
		PacedServers: trustedServers(cfg.AllowedInviters),
		GuideURL:     guideURL(cfg.GuideBaseURL),
		TxnID:        bot.TxnID,
		Observer:     m,
		// Named wherever Lotse cannot help (issue 19 point 5).
		FallbackContact: cfg.FallbackContact,
		Gaps:            gapsConfig(cfg, loc),
		// The switches the guides' "requires" are checked against: the
		// commands use the same ones (whole-change review 20, L1). Never
		// nil, which would derive them again.
	})
	attach := func(b *bot.Bot) {
		matrix.bot, rooms.bot = b, b
		m.AddSources(metrics.Sources{LastSync: b.LastSync, InboxPending: db.Inbox.PendingCount, SenderStats: b.Sender().Stats})
	}
	return handler, attach, nil
}

// learnConfig gives learning from cases the guide store and the admin's
// evaluation questions (learn_eval_questions).
func learnConfig(cfg config.Config, store *guides.Store) (commands.Learn, error) {
	l := commands.Learn{Library: store}
	if cfg.LearnEvalQuestions == "" {
		return l, nil
	}
	var err error
	if l.EvalSet, err = search.ReadQuestionsFile(cfg.LearnEvalQuestions); err != nil {
		return l, fmt.Errorf("learn_eval_questions: %w", err)
	}
	return l, nil
}

// roundTableConfig turns the round-table and bbb_* keys into the commands' settings.
// bbbClient is the one BigBlueButton client of access requests and round
// tables, or nil when bbb_url is not set.
func bbbClient(cfg config.Config) (*bbb.Client, error) {
	if cfg.BBBURL == "" {
		return nil, nil
	}
	client, err := bbb.NewClient(bbb.Options{BaseURL: cfg.BBBURL, Secret: cfg.BBBSecret, Algorithm: cfg.BBBChecksum, Timeout: cfg.IntegrationTimeout})
	if err != nil {
		return nil, fmt.Errorf("bbb_url: %w", err)
	}
	return client, nil
}

func roundTableConfig(cfg config.Config, loc *time.Location, meetings *bbb.Client) (commands.RoundTables, error) {
	rt := commands.RoundTables{Location: loc, MeetingLead: cfg.RoundTableMeetingLead, TickInterval: cfg.RoundTableTick}
	for _, c := range cfg.Coordinators {
		rt.Coordinators = append(rt.Coordinators, id.UserID(c))
	}
	for _, r := range cfg.AnnouncementRooms {
		rt.Rooms = append(rt.Rooms, id.RoomID(r))
	}
	var err error
	if rt.Reminders, err = cfg.ReminderOffsets(); err != nil {
		return rt, err
	}
	if _, server, err := id.UserID(cfg.UserID).Parse(); err == nil {
		rt.UIDDomain = server
	}
	if meetings != nil { // a nil *bbb.Client must not become a non-nil interface
		rt.Meetings = meetings
	}
	return rt, nil
}

// supportConfig turns the support_* keys into the commands' settings
// (quiet hours and digests in the time zone loc).
func supportConfig(cfg config.Config, loc *time.Location) (commands.Support, error) {
	s := commands.Support{
		TeamRoom:       id.RoomID(cfg.TeamRoom),
		Anonymous:      cfg.SupportAnonymous,
		ReplyPrefix:    cfg.SupportReplyPrefix,
		ReopenWindow:   cfg.SupportReopenWindow,
		UnclaimedAfter: cfg.SupportUnclaimedAfter,
		StaleAfter:     cfg.SupportStaleAfter,
		DigestHour:     cfg.SupportDigestHour,
		TickInterval:   cfg.RoundTableTick, // reminders of cases and round tables share the tick
		Location:       loc,
	}
	wd, err := cfg.DigestWeekday()
	if err != nil {
		return s, err
	}
	s.DigestWeekday = wd
	if wd == -2 {
		s.DigestHour, s.DigestWeekday = -1, -1
	}
	if s.QuietFrom, s.QuietTo, err = cfg.QuietHours(); err != nil {
		return s, err
	}
	return s, nil
}

// accessConfig turns the access keys into the commands' settings and
// builds the Nextcloud and BBB clients (secrets come from the environment).
func accessConfig(cfg config.Config, meetings *bbb.Client) (commands.Access, error) {
	a := commands.Access{
		ApprovalsRoom:   id.RoomID(cfg.ApprovalsRoom),
		NextcloudGroups: cfg.NextcloudGroups,
		TwoApprovers:    cfg.AccessTwoApprovers,
		NextcloudQuota:  cfg.NextcloudQuota,
		NextcloudGuide:  cfg.NextcloudGuide,
		BBBWelcome:      cfg.BBBWelcome,
		BBBGuide:        cfg.BBBGuide,
		MaxAttempts:     cfg.AccessMaxAttempts,
		NotifyAfter:     cfg.AccessNotifyAfter,
		Backoff:         cfg.AccessRetryBackoff,
	}
	for _, u := range cfg.Approvers {
		a.Approvers = append(a.Approvers, id.UserID(u))
	}
	if cfg.ApprovalsRoom == "" {
		return a, nil
	}
	if cfg.NextcloudURL != "" {
		nc, err := nextcloud.NewClient(nextcloud.Options{BaseURL: cfg.NextcloudURL, User: cfg.NextcloudUser, AppPassword: cfg.NextcloudAppPassword, Timeout: cfg.IntegrationTimeout})
		if err != nil {
			return a, fmt.Errorf("nextcloud_url: %w", err)
		}
		a.Nextcloud = nc
	}
	if meetings != nil {
		a.BBB = meetings
	}
	return a, nil
}

// rolesConfig turns the role keys into the commands' settings.
func rolesConfig(cfg config.Config) commands.Roles {
	r := commands.Roles{TrainingRequired: cfg.TrainingRequired, TrainingValidity: cfg.TrainingValidity, TrainingRemindBefore: cfg.TrainingRemindBefore}
	for _, a := range cfg.Admins {
		r.Admins = append(r.Admins, id.UserID(a))
	}
	return r
}

// onboardingConfig turns the onboarding keys into the commands' settings.
func onboardingConfig(cfg config.Config) commands.Onboarding {
	o := commands.Onboarding{Welcome: cfg.OnboardingWelcome, WelcomeText: cfg.OnboardingWelcomeText, ReminderAfter: cfg.OnboardingReminderAfter}
	for _, r := range cfg.LobbyRooms {
		o.LobbyRooms = append(o.LobbyRooms, id.RoomID(r))
	}
	return o
}

// retentionPolicy collects the retention periods of every kind of personal data.
func retentionPolicy(cfg config.Config) storage.RetentionPolicy {
	return storage.RetentionPolicy{Inbox: cfg.InboxRetention, Answers: cfg.AnswerRetention, Choices: cfg.ChoiceTTL,
		Cases: cfg.SupportRetention, Access: cfg.AccessRetention, Audit: cfg.AuditRetention, Members: cfg.MemberRetention,
		FailedQuestions: cfg.FailedQuestionRetention, RoundTableLead: longestReminder(cfg),
		KeepRoomMessages: !cfg.RetentionRedactsRoomMessages}
}

// longestReminder is the longest roundtable_reminders offset; without any,
// the round tables' default (a day before).
func longestReminder(cfg config.Config) time.Duration {
	offsets, err := cfg.ReminderOffsets()
	if err != nil || len(offsets) == 0 {
		return 24 * time.Hour // roundtable.DefaultReminders; Validate refuses offsets it cannot read
	}
	return slices.Max(offsets)
}

// gapsConfig turns the keys of unanswered questions and their weekly
// digest into the commands' settings (the digest in support's time zone).
func gapsConfig(cfg config.Config, loc *time.Location) commands.Gaps {
	wd, err := cfg.GapsDigestWeekday()
	if err != nil { // Validate reported it
		wd = -1
	}
	return commands.Gaps{Keep: cfg.KeepFailedQuestions, Weekday: wd, Hour: cfg.GapsDigestHour, Location: loc,
		TickInterval: cfg.RoundTableTick}
}

// guideURL links guides to the web view, if one is configured.
func guideURL(base string) func(string) string {
	if base == "" {
		return nil
	}
	base = strings.TrimRight(base, "/")
	return func(guideID string) string {
		parts := strings.Split(strings.TrimSuffix(guideID, ".md"), "/")
		for i, p := range parts {
			parts[i] = url.PathEscape(p)
		}
		return base + "/" + strings.Join(parts, "/")
	}
}

// trustedServers are the servers allowed_inviters names ("example.org",
// ":example.org" or "*:example.org"; not "*", not a person's ID): the
// admin trusts them, and the invites' join budget (bot/invites.go) and
// the pace of what other servers have answered (commands/pace.go) treat
// them as Lotse's own.
func trustedServers(allowed []string) []string {
	var servers []string
	for _, a := range allowed {
		a = strings.TrimSpace(a)
		if a == "" || a == "*" || strings.HasPrefix(a, "@") {
			continue
		}
		servers = append(servers, strings.TrimPrefix(strings.TrimPrefix(a, "*"), ":"))
	}
	return servers
}
