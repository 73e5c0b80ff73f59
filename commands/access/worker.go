package access

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/integrations/bbb"
	"github.com/lotse-bot/lotse/integrations/nextcloud"
	"github.com/lotse-bot/lotse/storage"
)

// Provisioning: an approved request is a persisted job. The worker runs it
// (nextcloud.EnsureMember is idempotent; BBB create is idempotent), retries
// temporary failures with backoff, never retries 401, and announces the
// outcome once (to the member and by editing the approvals-room message).
// A crash at any point leaves the job in the table; the next tick repeats
// the idempotent step and sends with the same transaction IDs.

// errAccessNotConfigured: the integration of a request's kind is off.
var errAccessNotConfigured = errors.New("access: integration not configured")

// errRoomTaken: another member was granted a BBB room of the same name
// first; its meeting would be the same, so this requester is not made its
// moderator (issue #15, Low: BBB rooms were keyed by name only).
var errRoomTaken = errors.New("access: the room belongs to another member")

// roomOwner is the member who was first granted the BBB room of name
// (same meeting ID), or "" if nobody was. While nobody was, it is the
// requester of the earliest approved request for it that is not set up
// yet: the worker sets up several requests at once, and two requests of
// one room in the same run both found no owner (security review 22, Low 5).
// Both kinds are read in one query (storage GrantedOf): read one after the
// other, a request set up between the reads was in neither.
func (w *Workflow) roomOwner(ctx context.Context, name string) (string, error) {
	requests, err := w.DB.Access().GrantedOf(ctx, storage.AccessBBB, 10000)
	if err != nil {
		return "", err
	}
	for _, r := range requests {
		if bbb.MeetingID(r.Target) == bbb.MeetingID(name) {
			return r.MemberID, nil
		}
	}
	return "", nil
}

// Run runs the provisioning worker until ctx ends.
func (w *Workflow) Run(ctx context.Context) {
	if w.accessOn() {
		w.Every(ctx, w.cfg.PollInterval, "Access provisioning failed; will try again", w.Tick)
	}
}

// Tick runs the due provisioning jobs and announcements at now.
// Tests call it with a fake clock.
func (w *Workflow) Tick(ctx context.Context, now time.Time) error {
	if !w.accessOn() {
		return nil
	}
	// What an erasure left to redact in the approvals room (also one
	// interrupted by a crash or made on the command line): reported, but
	// it holds back no provisioning job (gdpr26).
	// What the retention rules left to redact there (priv29), likewise.
	erased := errors.Join(w.FinishErasures(ctx), w.FinishExpired(ctx))
	// Approvals of former approvers (revoked, erased) leave the pending
	// requests and their messages (mend26a); this holds back nothing either.
	voided := w.voidFormerApprovals(ctx, now)
	return errors.Join(erased, voided, w.runDue(ctx, now))
}

// runDue runs the due provisioning jobs and announcements at now (Tick's
// part after the erasures).
func (w *Workflow) runDue(ctx context.Context, now time.Time) error {
	q := w.DB.Access()
	if err := q.PruneDrafts(ctx, now.Add(-24*time.Hour)); err != nil {
		return err
	}
	due, err := q.Due(ctx, now, 20)
	if err != nil {
		return err
	}
	// A few jobs at a time, so that one Nextcloud or BBB call that hangs
	// until its timeout does not hold up the others. Each job reads the
	// clock when it runs (now plus the time the tick has taken so far, so a
	// test's fixed clock stays fixed): audit entries and retry times must
	// not be dated back to the start of a slow tick.
	start := w.Now()
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
		sem  = make(chan struct{}, accessParallelJobs)
	)
	for _, r := range due {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			var err error
			defer func() {
				if p := recover(); p != nil {
					// A bug must not take the process (and every other
					// member's answers) down; the job stays due.
					zerolog.Ctx(ctx).Error().Any("panic", p).Bytes("stack", debug.Stack()).Int64("request", r.ID).Msg("Provisioning job panicked")
					err = fmt.Errorf("panic: %v", p)
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("request %d: %w", r.ID, err))
					mu.Unlock()
				}
				<-sem
				wg.Done()
			}()
			jobNow := now.Add(w.Now().Sub(start))
			cur, err := w.stillDue(ctx, r, now)
			if err != nil || cur == nil {
				return
			}
			switch cur.Status {
			case storage.AccessApproved:
				err = w.provision(ctx, cur, jobNow)
			case storage.AccessProvisioned, storage.AccessFailed:
				err = w.announce(ctx, cur, jobNow)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// stillDue reads job r's row again when its turn comes: it may have
// waited behind slower jobs (accessParallelJobs at a time, each call up to
// its timeout) while the member had their data erased. Before, the job ran
// from the row read at the start of the tick: Lotse created the Nextcloud
// account of a member who had just had their data erased (name and e-mail
// to Nextcloud, a welcome mail) and posted about it (mend26a). nil: the
// request is gone or no longer in the state it was due in.
//
// An approved request's attempt is claimed first (storage Claim): a
// denial or `!genehmigen` that arrives while it runs is refused, however
// late its UPDATE reaches the row (mend34a).
func (w *Workflow) stillDue(ctx context.Context, r *storage.AccessRequest, now time.Time) (*storage.AccessRequest, error) {
	if r.Status == storage.AccessApproved {
		if claimed, err := w.DB.Access().Claim(ctx, r.ID, now); err != nil || !claimed {
			return nil, err
		}
	}
	cur, err := w.DB.Access().Get(ctx, r.ID)
	if err != nil || cur == nil || cur.Status != r.Status {
		return nil, err
	}
	return cur, nil
}

// accessParallelJobs bounds the provisioning jobs that run at once.
const accessParallelJobs = 4

// announceRetry is how long an announcement that could not be sent is put
// off: as long as the runtime's cooldown between two new direct chats with
// one member (bot.dmCooldown), the usual reason.
const announceRetry = 5 * time.Minute

// announce announces a provisioned or failed request. One that cannot be
// announced now is put off (AnnounceLater), so that it does not stay among
// the oldest due jobs and hold up the others' provisioning (whole-change
// review 20, people, M1).
func (w *Workflow) announce(ctx context.Context, r *storage.AccessRequest, now time.Time) error {
	var err error
	if r.Status == storage.AccessProvisioned {
		err = w.announceDone(ctx, r)
	} else {
		err = w.announceFailed(ctx, r)
	}
	if err != nil {
		if lerr := w.DB.Access().AnnounceLater(ctx, r.ID, now.Add(announceRetry)); lerr != nil {
			return errors.Join(err, lerr)
		}
	}
	return err
}

// memberRoom is the requester's direct chat as Lotse knows it now, as for
// every other notice (security review 20, finding 13), never a room stored
// with the request. reachable is false (and err nil) when the homeserver
// refuses to open one (chat.IsPermanent): the approvers tell the member
// then. Any other error (such as the cooldown between two new direct
// chats) is returned: the notice is tried again later.
func (w *Workflow) memberRoom(ctx context.Context, r *storage.AccessRequest) (room id.RoomID, reachable bool, err error) {
	room, err = w.Matrix.DirectRoom(ctx, id.UserID(r.MemberID))
	switch {
	case err == nil:
		return room, true, nil
	case chat.IsPermanent(err):
		zerolog.Ctx(ctx).Warn().Int64("request", r.ID).Msg("Cannot open a direct chat with the requester; the approvers are asked to tell them")
		return "", false, nil
	}
	return "", false, fmt.Errorf("failed to find the direct chat: %w", err)
}

// provision runs the idempotent step of one approved request.
func (w *Workflow) provision(ctx context.Context, r *storage.AccessRequest, now time.Time) error {
	q := w.DB.Access()
	var result string
	var err error
	switch r.Kind {
	case storage.AccessNextcloud:
		if w.cfg.Nextcloud == nil {
			err = errAccessNotConfigured
			break
		}
		var began, cutOff bool
		if began, cutOff, err = w.setupBegun(ctx, r, now); err != nil {
			return err
		}
		var res nextcloud.EnsureResult
		res, err = w.cfg.Nextcloud.EnsureMember(ctx, nextcloud.EnsureRequest{Email: r.Email, DisplayName: r.DisplayName,
			Groups: []string{r.Target}, Quota: w.cfg.NextcloudQuota, Language: w.cfg.NextcloudLanguage, UserIDHint: r.DisplayName})
		// An attempt cut off before its outcome was stored may have
		// created the account too.
		if err != nil && (nextcloud.CreateUnsure(err) || cutOff) {
			if merr := w.markMaybeCreated(ctx, r, now); merr != nil {
				return errors.Join(err, merr)
			}
		}
		if err == nil {
			kind := "existing"
			switch {
			case res.Created:
				kind = "created"
			case res.Disabled:
				// Found by the address and disabled in Nextcloud (Lotse
				// does not enable it): the member cannot log in, and the
				// approvers decide (twenty-sixth pass; before, the member
				// read of the group folders „after the next login“).
				kind = "disabled"
			case (r.Attempts > 0 || began) && len(res.AddedGroups) == 0:
				// An earlier attempt failed or was cut off (Lotse killed
				// between the call and recording it), and the account
				// already had the group: most likely that attempt created
				// it and only its answer was lost, so the member has a
				// password mail.
				kind = "created-earlier"
			}
			result = kind + " " + res.UserID
		}
	case storage.AccessBBB:
		if w.cfg.BBB == nil {
			err = errAccessNotConfigured
			break
		}
		var owner string
		if owner, err = w.roomOwner(ctx, r.Target); err != nil {
			return err
		}
		if owner != "" && owner != r.MemberID {
			err = errRoomTaken
			break
		}
		_, err = w.cfg.BBB.Create(ctx, w.roomRequest(r.Target))
		if err == nil {
			result = "room " + bbb.MeetingID(r.Target)
		}
	default:
		err = fmt.Errorf("unknown request kind %q", r.Kind)
	}
	if err == nil {
		if _, _, err := q.Provisioned(ctx, r.ID, result, now); err != nil {
			return err
		}
		w.Observer.ProvisioningJob("done")
		after, err := q.Get(ctx, r.ID)
		if err != nil || after == nil {
			return err
		}
		return w.announce(ctx, after, now)
	}
	cause, why := w.provisionError(err), failCause(err)
	logProvisionError(ctx, r, err, cause)
	attempt := r.Attempts + 1
	if !retryable(err) || attempt >= w.cfg.MaxAttempts {
		if _, _, err := q.Fail(ctx, r.ID, cause, why, now); err != nil {
			return err
		}
		w.Observer.ProvisioningJob("failed")
		after, err := q.Get(ctx, r.ID)
		if err != nil || after == nil {
			return err
		}
		return w.announce(ctx, after, now)
	}
	next := now.Add(w.backoff(attempt, err))
	if attempt == w.cfg.NotifyAfter {
		md := chat.Format(chat.Plural(w.tx.Failing, attempt), r.ID, attempt, chat.Escape(cause), w.ShortDayTime(next))
		if err := w.threadNote(ctx, r, md, w.accessTxn(r.ID, "failing", r.Version)); err != nil {
			return err
		}
	}
	w.Observer.ProvisioningJob("retry")
	return q.RetryLater(ctx, r.ID, attempt, cause, why, next, now)
}

// setupBegun reports whether an earlier attempt at setting up request r
// began (began=false: this is the first), and notes this one in the audit
// log before Nextcloud is called. A Lotse that was killed after Nextcloud
// created the account and before the outcome was stored left the attempt
// count at 0: the next run found the account by its address and told the
// member and the audit log of an account that „existed“, without the
// password mail (twenty-sixth pass).
//
// cutOff reports whether an attempt of this approval round began and its
// outcome was never stored (Lotse killed in the middle), so that it may
// have created the account (markMaybeCreated). A round is the time from
// an approval to the next recorded outcome: a recorded failure counts
// an attempt, and `!genehmigen` after a failed request (attempts back at
// 0) begins a new round, which notes its first attempt under a key of
// its own (the request's version, which only an outcome or an approval
// changes). Before, began with no attempt counted was taken for a
// cut-off: a request approved again after a plain failure (a 401) and
// failing again read „eine Antwort der Nextcloud ist verloren gegangen“
// although no create call had gone out (deny30; mend30c).
func (w *Workflow) setupBegun(ctx context.Context, r *storage.AccessRequest, now time.Time) (began, cutOff bool, err error) {
	q := w.DB.Access()
	key := fmt.Sprintf("setup:%d", r.ID)
	first, err := q.AuditByKey(ctx, key)
	if err != nil {
		return false, false, err
	}
	if first == nil {
		return false, false, q.Audit(ctx, storage.AuditEntry{Key: key, RequestID: r.ID, At: now, Actor: "lotse", Action: "setup"})
	}
	if r.Attempts > 0 {
		return true, false, nil // this round's last attempt was recorded
	}
	if !first.At.Before(r.UpdatedAt) {
		return true, true, nil // noted in this round, nothing recorded since
	}
	// Approved again since the first round: this round's own note.
	roundKey := fmt.Sprintf("setup:%d:v%d", r.ID, r.Version)
	if cutOff, err = q.AuditHas(ctx, roundKey); err != nil || cutOff {
		return true, cutOff, err
	}
	return true, false, q.Audit(ctx, storage.AuditEntry{Key: roundKey, RequestID: r.ID, At: now, Actor: "lotse", Action: "setup"})
}

// maybeCreatedKey is the audit key that records, once per request, that
// a Nextcloud create call of it went out and its outcome is unknown
// (nextcloud.CreateUnsure): the account may exist although the request
// failed (deny30; acc30 left it open).
func maybeCreatedKey(reqID int64) string { return fmt.Sprintf("maybe-created:%d", reqID) }

// markMaybeCreated notes in the audit log that setting up request r may
// have created the Nextcloud account: a later attempt that fails
// otherwise (a 401 after a password change) leaves a failed request with
// an account, and whoever denies it must check by hand (maybeCreated).
func (w *Workflow) markMaybeCreated(ctx context.Context, r *storage.AccessRequest, now time.Time) error {
	return w.DB.Access().Audit(ctx, storage.AuditEntry{Key: maybeCreatedKey(r.ID), RequestID: r.ID, At: now, Actor: "lotse", Action: "maybe-created"})
}

// maybeCreated reports whether setting up Nextcloud request r may have
// created the account (markMaybeCreated). A lookup that fails counts as
// yes: a warning too many costs a look in Nextcloud, one too few an
// account nobody knows of.
func (w *Workflow) maybeCreated(ctx context.Context, r *storage.AccessRequest) bool {
	if r.Kind != storage.AccessNextcloud {
		return false
	}
	ok, err := w.DB.Access().AuditHas(ctx, maybeCreatedKey(r.ID))
	if err != nil {
		zerolog.Ctx(ctx).Warn().Err(err).Int64("request", r.ID).Msg("Cannot read whether setting up the request may have created an account; warning anyway")
		return true
	}
	return ok
}

// logProvisionError logs a failed provisioning attempt. The clients'
// errors name the Nextcloud user IDs they worked on ("create user
// \"anna.schmidt\""), derived from members' names: above debug only
// the approvers' explanation and the status codes are logged (security
// review 20, finding 15).
func logProvisionError(ctx context.Context, r *storage.AccessRequest, err error, cause string) {
	log := zerolog.Ctx(ctx)
	ev := log.Warn().Int64("request", r.ID).Str("kind", r.Kind).Str("cause", cause)
	var ne *nextcloud.Error
	if errors.As(err, &ne) {
		// What failed and what the server said, without what is quoted
		// in them (the user IDs): approvers told „Details im Log“
		// (ErrUnknown) find them at Warn (whole-change review 20,
		// people, Low 4).
		ev = ev.Int("http_status", ne.HTTPStatus).Int("ocs_status", ne.StatusCode).
			Str("operation", withoutQuoted(ne.Op)).Str("server_message", withoutQuoted(ne.Message))
	} else {
		// Lotse's own errors and BigBlueButton's name no person.
		ev = ev.Err(err)
	}
	ev.Msg("Provisioning failed")
	dbg := log.Debug().Err(err).Int64("request", r.ID)
	var amb *nextcloud.AmbiguousEmailError
	if errors.As(err, &amb) {
		dbg = dbg.Strs("accounts", amb.UserIDs)
	}
	dbg.Msg("Provisioning failed: details")
}

// withoutQuoted is s with every quoted part ("…" or '…') replaced by
// "…": the Nextcloud client quotes the user IDs it works on, derived from
// people's names.
func withoutQuoted(s string) string {
	var b strings.Builder
	var quote rune
	for _, c := range s {
		switch {
		case quote != 0 && c == quote:
			quote = 0
			b.WriteString("…")
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		default:
			b.WriteRune(c)
		}
	}
	if quote != 0 {
		b.WriteString("…")
	}
	return b.String()
}

// retryable: temporary failures and rate limits; never 401 or other 4xx.
func retryable(err error) bool {
	return nextcloud.Retryable(err) || bbb.Retryable(err)
}

// maxBackoff is the longest delay before the next attempt, also when the
// server asks for more.
const maxBackoff = time.Hour

// backoff is the delay before attempt+1: Backoff doubled per attempt, at
// most an hour, at least what the server asked for up to that hour. A
// Retry-After of a year (a proxy's, or an HTTP date far ahead) put an
// approved request off for a year, and nobody was told before the
// NotifyAfter-th attempt (twenty-sixth pass).
func (w *Workflow) backoff(attempt int, err error) time.Duration {
	d := w.cfg.Backoff
	for i := 1; i < attempt && d < maxBackoff; i++ {
		d *= 2
	}
	d = min(d, maxBackoff)
	if ra := min(nextcloud.RetryAfter(err), maxBackoff); ra > d {
		d = ra
	}
	return d
}

// provisionError explains err to approvers (never with secrets: the
// clients' errors do not contain them, and only our texts are shown).
func (w *Workflow) provisionError(err error) string {
	at := w.tx
	switch {
	case errors.Is(err, errAccessNotConfigured):
		return at.ErrNotConfigured
	case errors.Is(err, errRoomTaken):
		return at.ErrRoomTaken
	case errors.Is(err, nextcloud.ErrUnauthorized):
		return at.ErrUnauthorized
	case errors.Is(err, nextcloud.ErrPasswordConfirmation):
		return at.ErrPasswordConfirmation
	case errors.Is(err, nextcloud.ErrForbidden):
		return at.ErrForbidden
	case errors.Is(err, nextcloud.ErrRateLimited):
		return at.ErrRateLimited
	case errors.Is(err, nextcloud.ErrGroupMissing):
		return at.ErrGroupMissing
	case errors.Is(err, nextcloud.ErrAmbiguousEmail):
		return at.ErrAmbiguous
	case errors.Is(err, nextcloud.ErrInvalidInput):
		return at.ErrInvalidInput
	case errors.Is(err, nextcloud.ErrTemporary):
		return at.ErrTemporary
	case errors.Is(err, bbb.ErrTemporary):
		return at.ErrBBBDown
	case errors.Is(err, bbb.ErrChecksum):
		return at.ErrBBBChecksum
	}
	var be *bbb.Error
	if errors.As(err, &be) {
		if be.MessageKey == "" {
			// No BigBlueButton answer (a proxy's error page): no „()“.
			return at.ErrBBB
		}
		return chat.Format(at.ErrBBBKey, be.MessageKey)
	}
	return at.ErrUnknown
}

// roomRequest is the create call of a persistent room: a stable meeting ID
// from the name, the configured welcome text.
func (w *Workflow) roomRequest(name string) bbb.CreateRequest {
	title := name
	if len([]rune(title)) < 2 {
		title += " –"
	}
	return bbb.CreateRequest{MeetingID: bbb.MeetingID(name), Name: title, Welcome: w.cfg.BBBWelcome,
		Meta: map[string]string{"origin": "lotse"}}
}

// joinLink creates the room (idempotent; BBB ends empty meetings after
// minutes, so it is created right before the link is sent) and builds a
// signed moderator link bound to this session. The link is a bearer
// credential: it only goes into the member's DM and is never logged or stored.
func (w *Workflow) joinLink(ctx context.Context, room string, user id.UserID, name string) (string, error) {
	created, err := w.cfg.BBB.Create(ctx, w.roomRequest(room))
	if err != nil {
		return "", err
	}
	return w.cfg.BBB.JoinURL(bbb.JoinRequest{MeetingID: bbb.MeetingID(room), FullName: name, Role: bbb.RoleModerator,
		UserID: user.String(), CreateTime: created.CreateTime})
}

// guideHint is the next step: a link to the guide's web page, or the
// command to open it; "" for a guide that is gone or team-only (the
// member could not open it, and its title is the team's).
func (w *Workflow) guideHint(guideID string) string {
	if guideID == "" {
		return ""
	}
	g, ok := w.Guides.Current().GetFor(guideID, false)
	if !ok {
		return ""
	}
	if w.GuideURL != nil {
		if u := w.GuideURL(g.ID); u != "" {
			return "[" + chat.Escape(g.Title) + "](" + u + ")"
		}
	}
	return chat.Format(w.tx.GuideCommand, chat.Escape(g.Title), chat.Code(g.Title))
}

// announceDone tells the member what was done and the next step, edits
// the approvals-room message and notes it there; then marks it announced.
// A member Lotse cannot open a direct chat with is not told; the
// approvers' note says so.
func (w *Workflow) announceDone(ctx context.Context, r *storage.AccessRequest) error {
	at := w.tx
	room, reachable, err := w.memberRoom(ctx, r)
	if err != nil {
		return err
	}
	var md, done, guide string
	switch r.Kind {
	case storage.AccessNextcloud:
		kind, userID, _ := strings.Cut(r.Result, " ")
		switch kind {
		case "created":
			md = chat.Format(at.MemberNextcloudCreated, r.ID, chat.Code(userID), chat.Escape(r.Target), chat.Escape(r.Email))
		case "created-earlier":
			md = chat.Format(at.MemberNextcloudCreatedEarlier, r.ID, chat.Code(userID), chat.Escape(r.Target), chat.Escape(r.Email))
		case "disabled":
			md = chat.Format(at.MemberNextcloudDisabled, r.ID, chat.Code(r.Email), chat.Escape(r.Target), w.FallbackContact())
		default:
			// An account that existed before was found by the e-mail the
			// requester typed, which Lotse cannot verify: the requester is
			// not told its user ID (only the approvers see it, in the note
			// below), just the address they gave (issue #15, Low).
			md = chat.Format(at.MemberNextcloudExisting, r.ID, chat.Code(r.Email), chat.Escape(r.Target))
		}
		done, guide = w.what(r)+" → "+userID, w.cfg.NextcloudGuide
		if kind == "disabled" {
			done += " " + at.DoneDisabled
			guide = "" // no first login to guide through
		}
	case storage.AccessBBB:
		done, guide = w.what(r), w.cfg.BBBGuide
		if !reachable {
			break // no moderator link for nobody
		}
		name := r.DisplayName
		if name == "" {
			name = oneLineName(w.Matrix.DisplayName(ctx, id.RoomID(r.MemberRoom), id.UserID(r.MemberID)))
		}
		if name == "" {
			name = r.MemberID // BigBlueButton needs a name
		}
		link, err := w.joinLink(ctx, r.Target, id.UserID(r.MemberID), name)
		if err != nil {
			return err // the job stays unannounced and is tried again
		}
		md = chat.Format(at.MemberBBB, r.ID, chat.Escape(r.Target), "<"+link+">", chat.Code(r.Target))
	}
	if hint := w.guideHint(guide); hint != "" {
		md += "\n\n" + chat.Format(at.NextStep, hint)
	}
	// The moderator link is a secret: only for the direct chat
	// (memberRoom), never for a room stored with the request.
	note := at.DoneUnreachable
	if reachable {
		note = at.DoneApprovals
		if _, err := w.SendMarkdownTo(ctx, room, md, nil, w.accessTxn(r.ID, "done-member", 0)); err != nil {
			return err
		}
	}
	if err := w.threadNote(ctx, r, chat.Format(note, r.ID, chat.Escape(done)), w.accessTxn(r.ID, "done-approvals", 0)); err != nil {
		return err
	}
	if gone, err := w.unlessErased(ctx, r.ID, w.accessTxn(r.ID, "done-approvals", 0)); gone || err != nil {
		return err
	}
	if err := w.updateAccessBoard(ctx, r.ID); err != nil {
		return err
	}
	return w.DB.Access().MarkNotified(ctx, r.ID)
}

// announceFailed tells the approvers why provisioning failed, and the
// member that it is stuck: once per request (a failure after an approval
// to retry does not tell them again: the member's notice has one
// transaction ID per request, and a send is known as done while the
// runtime keeps its record of sent events, inbox_retention). They hear
// again when an approval sets it up (announceDone) or a denial ends it.
// The member's notice promises to report back only where an approval may
// still set it up (memberFailedText).
func (w *Workflow) announceFailed(ctx context.Context, r *storage.AccessRequest) error {
	room, reachable, err := w.memberRoom(ctx, r)
	if err != nil {
		return err
	}
	note := w.tx.FailedUnreachable
	if reachable {
		note = w.tx.Failed
		member := chat.Format(w.memberFailedText(r), r.ID, chat.Escape(w.what(r)))
		if _, err := w.SendMarkdownTo(ctx, room, member, nil, w.accessTxn(r.ID, "failed-member", 0)); err != nil {
			return err
		}
	}
	md := chat.Format(note, r.ID, chat.Escape(r.LastError))
	if w.maybeCreated(ctx, r) {
		md += "\n" + chat.Format(w.tx.MaybeCreatedFailed, chat.Escape(r.Email))
	}
	if err := w.threadNote(ctx, r, md, w.accessTxn(r.ID, "failed", r.Version)); err != nil {
		return err
	}
	if gone, err := w.unlessErased(ctx, r.ID, w.accessTxn(r.ID, "failed", r.Version)); gone || err != nil {
		return err
	}
	if err := w.updateAccessBoard(ctx, r.ID); err != nil {
		return err
	}
	return w.DB.Access().MarkNotified(ctx, r.ID)
}

// MaxRoomLinksPerHour bounds the moderator links `!raum` hands out for
// one granted room in an hour. Each link was a BigBlueButton create call
// and an audit entry kept for years, and nothing bounded them: a member
// (or an account in the wrong hands) writing `!raum Vorstand` as fast as
// the homeserver lets them cost a call to BigBlueButton and a row per
// message (acc34). Past the bound, a message costs one indexed count.
const MaxRoomLinksPerHour = 10

// cmdRoom sends a fresh moderator link for a room the member was granted.
func (w *Workflow) cmdRoom(ce *chat.Call) error {
	at := w.tx
	switch {
	case !w.accessOn():
		return w.ReplyMarkdown(ce.Ctx, w.notEnabled())
	case w.cfg.BBB == nil:
		return w.ReplyMarkdown(ce.Ctx, at.NotEnabledBBB+" "+w.FallbackContact())
	}
	raw := strings.Join(strings.Fields(ce.RawArgs), " ")
	name := chat.OneLineName(raw) // as a request keeps it (roomName)
	if name == "" {
		return w.ReplyMarkdown(ce.Ctx, at.RoomUsage)
	}
	list, err := w.DB.Access().ListForMember(ce.Ctx, ce.Sender.String(), 200)
	if err != nil {
		return err
	}
	var granted *storage.AccessRequest
	for _, r := range list {
		if r.Kind == storage.AccessBBB && r.Status == storage.AccessProvisioned && (strings.EqualFold(r.Target, name) || bbb.MeetingID(r.Target) == bbb.MeetingID(name) || bbb.MeetingID(r.Target) == bbb.MeetingID(raw)) {
			granted = r
			break
		}
	}
	if granted != nil {
		// Two grants of one name from before the first-requester rule:
		// only the first requester gets the moderator link.
		if owner, err := w.roomOwner(ce.Ctx, granted.Target); err != nil {
			return err
		} else if owner != ce.Sender.String() {
			granted = nil
		}
	}
	if granted == nil {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(at.RoomNotGranted, chat.Escape(name)))
	}
	if n, err := w.DB.Access().AuditActionsSince(ce.Ctx, granted.ID, "join-link", w.Now().Add(-time.Hour)); err != nil {
		return err
	} else if n >= MaxRoomLinksPerHour && !w.lastAuditIs(ce.Ctx, "link:"+ce.ID.String()) {
		// (A replay of a call that got a link goes on to the same link.)
		return w.ReplyMarkdown(ce.Ctx, chat.Format(chat.Plural(at.RoomLinkLimit, n), chat.Escape(granted.Target), n))
	}
	link, err := w.joinLink(ce.Ctx, granted.Target, ce.Sender, oneLineName(w.Matrix.DisplayName(ce.Ctx, ce.RoomID, ce.Sender)))
	if err != nil {
		zerolog.Ctx(ce.Ctx).Warn().Err(err).Int64("request", granted.ID).Bool("temporary", bbb.Retryable(err)).Msg("Failed to open a BBB room")
		if !bbb.Retryable(err) {
			// A refusal (a wrong shared secret, FAILED with HTTP 200)
			// stays: „in ein paar Minuten“ sent the member back in vain
			// (acc30, deny30).
			return w.ReplyMarkdown(ce.Ctx, chat.Format(at.RoomRefused, chat.Escape(granted.Target), w.FallbackContact()))
		}
		return w.ReplyMarkdown(ce.Ctx, at.RoomUnavailable)
	}
	if err := w.DB.Access().Audit(ce.Ctx, storage.AuditEntry{Key: "link:" + ce.ID.String(), RequestID: granted.ID, At: w.Now(),
		Actor: ce.Sender.String(), Action: "join-link", Detail: bbb.MeetingID(granted.Target)}); err != nil {
		return err
	}
	return w.ReplyMarkdown(ce.Ctx, chat.Format(at.RoomLink, chat.Escape(granted.Target), "<"+link+">", chat.Code(granted.Target)))
}
