package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/commands/privacy"
	"github.com/lotse-bot/lotse/config"
	"github.com/lotse-bot/lotse/storage"
)

// cmdPrivacyCLI: lotse privacy retention|export|erase.
func cmdPrivacyCLI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fail(exitUsage, errors.New("usage: lotse privacy retention|export|erase …"))
	}
	switch args[0] {
	case "retention":
		return cmdPrivacyRetention(ctx, args[1:], stdout, stderr)
	case "export":
		return cmdPrivacyExport(ctx, args[1:], stdout, stderr)
	case "erase":
		return cmdPrivacyErase(ctx, args[1:], stdout, stderr)
	}
	return fail(exitUsage, fmt.Errorf("unknown privacy command %q: retention, export or erase", args[0]))
}

// openForPerson parses "[-c config.yaml] @user:server" (plus the flags
// the caller added to fs, anywhere among the arguments) and opens the configured, existing database with
// the pseudonym key of the running bot, derived from the pickle key: a
// person erased here gets the pseudonym !daten-löschen would give them, and
// no key is left in the database.
func openForPerson(ctx context.Context, fs *flag.FlagSet, path *string, args []string) (id.UserID, config.Config, *storage.DB, error) {
	// Flags anywhere, as the guides commands: `erase @name:server --yes`
	// is what a tired admin types after the count.
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return "", config.Config{}, nil, err
	}
	if len(rest) != 1 {
		usage := "lotse privacy export [-c config.yaml] @name:server"
		if fs.Name() == "erase" {
			usage = "lotse privacy erase [-c config.yaml] [--yes] @name:server"
		}
		return "", config.Config{}, nil, fail(exitUsage, fmt.Errorf("usage: %s (one Matrix ID)", usage))
	}
	user := id.UserID(strings.TrimSpace(rest[0]))
	if _, _, err := user.ParseAndValidateRelaxed(); err != nil {
		return "", config.Config{}, nil, fail(exitUsage, fmt.Errorf("%q is not a Matrix ID (@name:server): %w", rest[0], err))
	}
	cfg, db, err := openExisting(ctx, *path)
	if err != nil {
		return "", cfg, nil, err
	}
	if len(cfg.PickleKey) < 16 {
		db.Close()
		return "", cfg, nil, fail(exitConfig, errors.New("the pickle key is not set (LOTSE_PICKLE_KEY_FILE, as for lotse run): it keys the pseudonyms of erased people"))
	}
	key, err := bot.PseudonymKey(cfg.PickleKey)
	if err != nil {
		db.Close()
		return "", cfg, nil, fail(exitFailed, err)
	}
	db.SetPseudonymKey(key)
	return user, cfg, db, nil
}

// cmdPrivacyExport: lotse privacy export [-c config.yaml] @user:server
// prints, as JSON, every row Lotse keeps about the person: for a request
// by letter or e-mail (Art. 15 DSGVO), and as the proof after an erasure.
func cmdPrivacyExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file")
	user, cfg, db, err := openForPerson(ctx, fs, path, args)
	if err != nil {
		return err
	}
	defer db.Close()
	tables, err := db.Privacy().Export(ctx, user.String())
	if err != nil {
		return fail(exitDatabase, err)
	}
	// The member's own file (!meine-daten): with support_anonymous it
	// names no team member either, as it goes out to the person.
	// Dates in the round-table entries as the chat shows them (a zone
	// that does not load was refused when the config was read: UTC).
	loc, _ := cfg.Location()
	data, err := json.MarshalIndent(privacy.Export(tables, user.String(), time.Now(), cfg.Language, cfg.SupportAnonymous, loc), "", "  ")
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintln(stdout, string(data))
	return nil
}

// cmdPrivacyErase: lotse privacy erase [-c config.yaml] [--yes] @user:server
// erases the person as !daten-löschen does, for a request that does not
// come through the chat (a letter, a member who left). Without --yes it
// only counts the rows; with it, it erases and then exports again and
// prints what is left (nothing, or exit code 1).
func cmdPrivacyErase(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("erase", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("c", "", "config file")
	yes := fs.Bool("yes", false, "erase (without it: only count)")
	user, cfg, db, err := openForPerson(ctx, fs, path, args)
	if err != nil {
		return err
	}
	defer db.Close()
	// Read before the erasure deletes the roles.
	rooms, err := roomsToLeave(ctx, db, cfg, user)
	if err != nil {
		return fail(exitDatabase, err)
	}
	if !*yes {
		before, err := db.Privacy().Export(ctx, user.String())
		if err != nil {
			return fail(exitDatabase, err)
		}
		fmt.Fprintf(stdout, "about %s Lotse keeps:\n", user)
		printCounts(stdout, rowCounts(before), "row|rows")
		fmt.Fprintf(stdout, "nothing erased: run again with --yes to erase %s (as !daten-löschen; records kept for accountability get a pseudonym)\n", user)
		printRoomsToLeave(stdout, user, rooms, false)
		return nil
	}
	// The role log's "erase" entries (the roles end) are written in the
	// erasure's transaction, by "lotse": before it, an erasure that failed
	// and was run again logged the end twice (roles32).
	counts, err := db.Privacy().By("lotse").Erase(ctx, user.String(), "", time.Now())
	if err != nil {
		return fail(exitDatabase, err)
	}
	fmt.Fprintf(stdout, "erased %s (deleted or pseudonymised):\n", user)
	printCounts(stdout, counts, "row|rows")
	if err := queueRoomRemovals(ctx, db, user, rooms); err != nil {
		// The roles are gone: a second run would not find these rooms
		// again, so they are named now, as the admin's to empty.
		printRoomsToLeave(stdout, user, unqueued(rooms), true)
		return fail(exitDatabase, err)
	}
	printRoomsToLeave(stdout, user, rooms, true)
	after, err := db.Privacy().Export(ctx, user.String())
	if err != nil {
		return fail(exitDatabase, err)
	}
	left := rowCounts(after)
	for name, n := range left {
		if storage.KeptThroughErasure[name] {
			// Under a keyed hash, not the ID, and for a day at most.
			fmt.Fprintf(stdout, chat.Plural("kept on purpose: %s %d row (the daily bound on new support cases, at most %s)\n|kept on purpose: %s %d rows (the daily bound on new support cases, at most %s)\n", int(n)), name, n, storage.CaseOpeningKept)
			delete(left, name)
		}
	}
	if len(left) > 0 {
		printCounts(stdout, left, "row left|rows left")
		return fail(exitFailed, fmt.Errorf("rows about %s are left after the erasure", user))
	}
	// The pseudonym is not printed: next to the Matrix ID it would undo it.
	fmt.Fprintf(stdout, "check: lotse privacy export finds nothing about %s in %d tables\n", user, len(after))
	if n := counts[storage.LearnedFromCases]; n > 0 {
		// The running bot holds the learned questions in its search.
		fmt.Fprintf(stdout, chat.Plural("%d learned question erased: if Lotse runs, `systemctl reload lotse` (SIGHUP) takes it out of its search now (else at its next start)\n|%d learned questions erased: if Lotse runs, `systemctl reload lotse` (SIGHUP) takes them out of its search now (else at its next start)\n", int(n)), n)
	}
	fmt.Fprintln(stdout, "not erased here: backups (until the last one older than today is deleted) and the messages on the Matrix server")
	return nil
}

// rowCounts returns the tables of an export that hold rows, with their number.
func rowCounts(tables map[string][]map[string]any) map[string]int64 {
	out := map[string]int64{}
	for name, rows := range tables {
		if len(rows) > 0 {
			out[name] = int64(len(rows))
		}
	}
	return out
}

// unit has the forms "one|other" (chat.Plural).
func printCounts(w io.Writer, counts map[string]int64, unit string) {
	names := make([]string, 0, len(counts))
	for name, n := range counts {
		if n > 0 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		fmt.Fprintf(w, "  (no %s)\n", chat.Plural(unit, 0))
	}
	for _, name := range names {
		fmt.Fprintf(w, "  %-20s %d %s\n", name, counts[name], chat.Plural(unit, int(counts[name])))
	}
}

// roomToLeave is a room the person may still read after the erasure, and
// why; queued: the running bot removes them (their right came from the
// erased roles only).
type roomToLeave struct {
	room, why string
	queued    bool
}

// roomsToLeave are the rooms the person belongs to only by the roles the
// erasure deletes, as people.Workflow.BeforeErasure removes them from in
// the chat: the team room for the team role, the approvals room for any
// role unless the configuration makes them an admin or approver (then
// their right does not come from the erased rows, and the admin is told
// so). The command line cannot remove anyone from a room (it has no Matrix
// client), and said so nowhere: the person went on reading every new case
// and request, end-to-end encryption follows room membership (mend26a).
// Now it queues the removals from the rooms of erased roles for the
// running bot (queueRoomRemovals) and names the rest.
func roomsToLeave(ctx context.Context, db *storage.DB, cfg config.Config, user id.UserID) ([]roomToLeave, error) {
	held := map[string]bool{}
	for _, role := range []string{storage.RoleTeam, storage.RoleApprover, storage.RoleCoordinator} {
		r, err := db.Roles().Get(ctx, user.String(), role)
		if err != nil {
			return nil, err
		}
		held[role] = r != nil && r.Status != storage.RoleRemoved
	}
	var out []roomToLeave
	if held[storage.RoleTeam] && cfg.TeamRoom != "" {
		out = append(out, roomToLeave{cfg.TeamRoom, "team room (team role)", true})
	}
	configured := slices.Contains(cfg.Admins, user.String()) || slices.Contains(cfg.Approvers, user.String())
	switch {
	case cfg.ApprovalsRoom == "":
	case configured:
		out = append(out, roomToLeave{cfg.ApprovalsRoom, "approvals room: still listed in admins or approvers of the configuration; take them out there first", false})
	case held[storage.RoleTeam] || held[storage.RoleApprover] || held[storage.RoleCoordinator]:
		out = append(out, roomToLeave{cfg.ApprovalsRoom, "approvals room (role)", true})
	}
	return out, nil
}

// queueRoomRemovals asks the running bot to remove user from the rooms
// whose right came from the erased roles (storage.RoomRemoval; the people
// workflow's tick makes them within a minute, or at the next start).
func queueRoomRemovals(ctx context.Context, db *storage.DB, user id.UserID, rooms []roomToLeave) error {
	var queue []string
	for _, r := range rooms {
		if r.queued {
			queue = append(queue, r.room)
		}
	}
	if len(queue) == 0 {
		return nil
	}
	return db.RoomRemovals().Queue(ctx, user.String(), queue, time.Now())
}

// unqueued returns rooms as rooms to remove the person from by hand (the
// queue failed).
func unqueued(rooms []roomToLeave) []roomToLeave {
	out := make([]roomToLeave, len(rooms))
	for i, r := range rooms {
		r.queued = false
		out[i] = r
	}
	return out
}

// printRoomsToLeave tells the admin which rooms the person is (or, before
// the erasure, will be) removed from by the running bot, and which to
// remove them from by hand. done: the erasure has queued the removals.
func printRoomsToLeave(w io.Writer, user id.UserID, rooms []roomToLeave, done bool) {
	var queued, byHand []roomToLeave
	for _, r := range rooms {
		if r.queued {
			queued = append(queued, r)
		} else {
			byHand = append(byHand, r)
		}
	}
	if len(queued) > 0 {
		if done {
			fmt.Fprintf(w, "queued: the running Lotse removes %s from these rooms within a minute (if it is not running: at its next start):\n", user)
		} else {
			fmt.Fprintf(w, "after the erasure, the running Lotse removes %s from these rooms:\n", user)
		}
		for _, r := range queued {
			fmt.Fprintf(w, "  %s  %s\n", r.room, r.why)
		}
	}
	if len(byHand) > 0 {
		fmt.Fprintf(w, "remove %s from these rooms in a Matrix client (Lotse does not; until then they read every new message there):\n", user)
		for _, r := range byHand {
			fmt.Fprintf(w, "  %s  %s\n", r.room, r.why)
		}
	}
}
