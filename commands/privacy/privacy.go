package privacy

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Data rights: !datenschutz (what is stored, why, how long), !meine-daten
// (a JSON export of everything about the asking member, uploaded into the
// DM, encrypted there if the DM is) and !daten-löschen (after confirmation
// with a token: erase or pseudonymise, and say what was kept and why).
// All three work in the DM only: nobody else should see the answer.

// period formats a retention period in plain words: years, months,
// weeks or days ("3 Jahre", "6 Monate"), never "1095 Tage".
func (w *Workflow) period(pv *Texts, d time.Duration) string {
	if d <= 0 {
		return pv.NoLimit
	}
	days := int(d.Hours()/24 + 0.5)
	near := func(n int, unit float64) bool { return math.Abs(float64(days)-float64(n)*unit) <= 3 }
	switch {
	case days >= 360 && near(int(float64(days)/365+0.5), 365):
		n := int(float64(days)/365 + 0.5)
		return chat.Format(chat.Plural(pv.Years, n), n)
	case days >= 28:
		n := int(float64(days)/monthDays + 0.5)
		s := chat.Format(chat.Plural(pv.Months, n), n)
		if !near(n, monthDays) {
			s = chat.Format(pv.About, s)
		}
		return s
	case days >= 7 && days%7 == 0:
		return chat.Format(chat.Plural(pv.Weeks, days/7), days/7)
	case days >= 1:
		return chat.Format(chat.Plural(pv.Days, days), days)
	}
	h := max(1, int(d.Hours()+0.5))
	return chat.Format(chat.Plural(pv.Hours, h), h)
}

// monthDays is the length of an average month.
const monthDays = 365.25 / 12

// cmdPrivacy explains in plain words what Lotse stores about the asking
// member, why and for how long (only about the features that are on),
// and what it holds about them right now.
func (w *Workflow) cmdPrivacy(ce *chat.Call) error {
	pv := w.texts(ce.Ctx)
	r := w.cfg.Retention
	f := w.Features
	line := func(about, when string, d time.Duration) string {
		if d <= 0 {
			return about + " " + pv.NoLimitSentence
		}
		return about + " " + chat.Format(when, w.period(pv, d))
	}
	lines := []string{line(pv.AboutWelcome, pv.WhenWelcome, r.Members)}
	// With a period, the retention also removes Lotse's own messages in
	// the team and approvals room, unless the association keeps them.
	rooms := func(s, room string, d time.Duration) string {
		if d <= 0 || r.KeepRoomMessages {
			return s
		}
		return s + " " + room
	}
	if f.Cases {
		lines = append(lines, rooms(line(pv.AboutCases, pv.WhenCases, r.Cases), pv.RoomCases, r.Cases))
	}
	if f.Access() {
		lines = append(lines, rooms(line(pv.AboutAccess, pv.WhenAccess, r.Access), pv.RoomAccess, r.Access))
	}
	if f.RoundTables {
		lines = append(lines, line(pv.AboutRoundTables, pv.WhenRoundTables, r.Cases))
	}
	lines = append(lines, line(pv.AboutAudit, pv.WhenAudit, r.Audit), line(pv.AboutInbox, pv.WhenInbox, r.Inbox),
		line(pv.AboutAnswers, pv.WhenAnswers, r.Answers))
	if w.cfg.KeepsQuestions {
		about := pv.AboutQuestions
		if w.cfg.QuestionsDigest {
			about += " " + pv.QuestionsDigest
		}
		lines = append(lines, line(about+" "+pv.QuestionsOptOut, pv.WhenQuestions, r.FailedQuestions))
	}
	if f.Cases {
		lines = append(lines, pv.AboutRoles)
	}
	notStored := pv.NotStoredNoCases
	if f.Cases {
		notStored = pv.NotStored
	}
	md := pv.OverviewTitle + "\n\n- " + strings.Join(lines, "\n- ") + "\n\n" + notStored
	data, err := w.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for name, rows := range data {
		counts[name] = len(rows)
	}
	if items := w.summary(pv, counts); len(items) == 0 {
		md += "\n\n" + pv.NothingStored
	} else {
		md += "\n\n" + pv.YourData + "\n\n- " + strings.Join(items, "\n- ")
	}
	md += "\n\n" + chat.Format(pv.Rights, w.contact(pv.Lang))
	if w.cfg.NoticeURL != "" {
		md += "\n\n" + chat.Format(pv.Notice, "<"+w.cfg.NoticeURL+">")
	}
	return w.ReplyMarkdown(ce.Ctx, md)
}

// summary says in plain words what counts holds (rows per table): one
// line per kind of data, in a fixed order, tables without a name of their
// own summed up as "further entries". No table name reaches a member.
func (w *Workflow) summary(pv *Texts, counts map[string]int) []string {
	// In the order of storage.PersonalTables (the export's), others last.
	order := map[string]int{}
	for i, t := range storage.PersonalTables {
		order[t.Name] = i + 1
	}
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		oi, oj := order[names[i]], order[names[j]]
		if oi == 0 || oj == 0 {
			return oi != 0 || (oj == 0 && names[i] < names[j])
		}
		return oi < oj
	})
	var out []string
	other := 0
	for _, name := range names {
		n := counts[name]
		if n <= 0 {
			continue
		}
		forms, ok := pv.Items[name]
		if !ok {
			other += n
			continue
		}
		out = append(out, chat.Format(chat.Plural(forms, n), n))
	}
	if other > 0 {
		out = append(out, chat.Format(chat.Plural(pv.OtherItems, other), other))
	}
	return out
}

// ExportFile is the JSON export of one person's data: the file of
// !meine-daten, and what `lotse privacy export` prints for a request that
// does not come through the chat.
type ExportFile struct {
	User     string                      `json:"user"`
	Exported string                      `json:"exported"`
	Note     string                      `json:"note"`
	Tables   map[string][]map[string]any `json:"tables"`
}

// Export builds user's export file from tables (storage's
// PrivacyQuery.Export) in the language lang. With hideTeam
// (support_anonymous) every other person in the rows of the member's own
// cases becomes the team's name, as the answers did not name them either:
// both the chat's file and the admin's must leave them out.
//
// The role log's entries about round tables (a stand-in's change, a
// restore) read in words of lang, dates in loc (nil: UTC), not as stored.
func Export(tables map[string][]map[string]any, user string, exported time.Time, lang string, hideTeam bool, loc *time.Location) ExportFile {
	tx := TextsFor(lang)
	if hideTeam {
		hideTeamIn(tables, user, tx.AnonymousTeam)
	}
	roundTablesIn(tables, tx, loc)
	erasedIn(tables, tx.ErasedPerson)
	return ExportFile{User: user, Exported: exported.UTC().Format(chat.StampLayout), Note: tx.ExportNote, Tables: tables}
}

// cmdMyData uploads the export into the DM.
func (w *Workflow) cmdMyData(ce *chat.Call) error {
	tables, err := w.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	pv := w.texts(ce.Ctx)
	data, err := json.MarshalIndent(Export(tables, ce.Sender.String(), w.Now(), pv.Lang, w.cfg.HideTeam, w.Location), "", "  ")
	if err != nil {
		return err
	}
	name := chat.Format(pv.ExportFile, w.Now().In(w.Location).Format(chat.ISODateLayout))
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name, Mentions: &event.Mentions{},
		Info: &event.FileInfo{MimeType: "application/json", Size: len(data)}}
	encrypted, err := w.AttachFile(ce.Ctx, ce.RoomID, content, data, "application/json")
	if err != nil {
		return err
	}
	if _, err := w.Matrix.Send(ce.Ctx, ce.RoomID, event.EventMessage, content, w.CauseTxn(ce.Ctx, "export-file", 0)); err != nil {
		return err
	}
	// Beside the file, the same in plain words.
	counts := map[string]int{}
	for name, rows := range tables {
		counts[name] = len(rows)
	}
	md := pv.ExportSent
	if items := w.summary(pv, counts); len(items) == 0 {
		md += "\n\n" + pv.NothingStored
	} else {
		md += "\n\n" + pv.ExportSummary + "\n\n- " + strings.Join(items, "\n- ")
	}
	if !encrypted {
		md += "\n\n" + pv.ExportUnencrypted
	}
	return w.ReplyMarkdown(ce.Ctx, md)
}

// deleteToken is the confirmation word for !daten-löschen, a plain word of
// the language: it depends on the member and the day (in the association's
// time zone), so an old message cannot be replayed by accident. days is 0
// for today, -1 for yesterday.
func (w *Workflow) deleteToken(pv *Texts, user string, days int) string {
	y, m, d := w.Now().In(w.Location).Date()
	day := time.Date(y, m, d+days, 12, 0, 0, 0, w.Location).Format(chat.ISODateLayout)
	sum := sha256.Sum256([]byte("lotse-delete\x00" + user + "\x00" + day))
	words := pv.ConfirmWords
	return words[binary.BigEndian.Uint32(sum[:4])%uint32(len(words))]
}

// deleteConfirmed reports whether word is the member's confirmation word
// of today or of yesterday, in either language: asked at 23:58 and
// answered at 0:01, the word had changed and the member was asked again
// with another one; and the word was given in the language of the command
// typed, while a member may type the other name to confirm.
func (w *Workflow) deleteConfirmed(user, word string) bool {
	for _, pv := range []*Texts{&German, &English} {
		for _, days := range []int{0, -1} {
			if strings.EqualFold(word, w.deleteToken(pv, user, days)) {
				return true
			}
		}
	}
	return false
}

// deleteWhat names the kinds of data the erasure deletes, of the features
// that are on only (no support cases where there are none).
func (w *Workflow) deleteWhat(pv *Texts) string {
	f := w.Features
	var kinds []string
	for _, k := range []struct {
		key string
		on  bool
	}{{"cases", f.Cases}, {"access", f.Access()}, {"roundtables", f.RoundTables}, {"welcome", true}, {"roles", f.Cases}} {
		if k.on {
			kinds = append(kinds, pv.DeleteWhat[k.key])
		}
	}
	if len(kinds) == 1 {
		return kinds[0]
	}
	return strings.Join(kinds[:len(kinds)-1], ", ") + pv.And + kinds[len(kinds)-1]
}

// cmdDeleteMyData erases the member's data after confirmation.
func (w *Workflow) cmdDeleteMyData(ce *chat.Call) error {
	pv := w.texts(ce.Ctx)
	token := w.deleteToken(pv, ce.Sender.String(), 0)
	if len(ce.Args) == 0 || !w.deleteConfirmed(ce.Sender.String(), ce.Args[len(ce.Args)-1]) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(pv.DeleteConfirm, w.deleteWhat(pv), pv.DeleteCommand+" "+token))
	}
	evt := chat.TurnOf(ce.Ctx).Event
	sentBefore := time.UnixMilli(evt.Timestamp)
	if evt.Timestamp == 0 {
		sentBefore = w.Now()
	}
	if w.cfg.BeforeErase != nil {
		if err := w.cfg.BeforeErase(ce.Ctx, ce.Sender, evt.ID.String()); err != nil {
			return err
		}
	}
	counts, err := w.DB.Privacy().Erase(ce.Ctx, ce.Sender.String(), evt.ID.String(), sentBefore)
	if err != nil {
		return err
	}
	if w.cfg.OnErased != nil {
		// The erasure is done and stays; the member gets its answer.
		if err := w.cfg.OnErased(ce.Ctx); err != nil {
			zerolog.Ctx(ce.Ctx).Warn().Err(err).Msg("Failed to follow an erasure (learned questions in memory: restart Lotse or send it SIGHUP; redactions in the team and approvals rooms: the support and access workers retry them)")
		}
	}
	deleted := map[string]int{}
	for table, n := range counts {
		deleted[table] = int(n)
	}
	summary := pv.DeletedNothing
	if items := w.summary(pv, deleted); len(items) > 0 {
		summary = pv.Deleted + "\n\n- " + strings.Join(items, "\n- ")
	}
	if err := w.ReplyMarkdown(ce.Ctx, summary+"\n\n"+w.kept(pv)); err != nil {
		return err
	}
	// The request itself goes last, after its answer was sent.
	return w.DB.Privacy().EraseInboxEvent(ce.Ctx, evt.ID.String())
}

// cmdRetention shows what the retention jobs would delete now (dry run).
func (w *Workflow) cmdRetention(ce *chat.Call) error {
	res, err := w.DB.Retention(ce.Ctx, w.cfg.Retention, w.Now(), true)
	if err != nil {
		return err
	}
	// Never empty: the record of opened cases (the daily bound) goes after
	// a day whatever is configured (storage.CaseOpeningKept).
	pv := w.texts(ce.Ctx)
	return w.ReplyMarkdown(ce.Ctx, pv.RetentionIntro+"\n\n"+w.retentionReport(pv, res))
}

// retentionReport is one line per retention rule and table, in words: how
// many of what, and after which period. Before lead27 the lines named the
// tables („- access_request (6 Monate): 3“).
func (w *Workflow) retentionReport(pv *Texts, res []storage.RetentionResult) string {
	var b strings.Builder
	for _, r := range res {
		forms, ok := pv.RetentionItems[r.Rule+"/"+r.Table]
		if !ok {
			forms, ok = pv.RetentionItems[r.Table]
		}
		if !ok {
			forms = pv.OtherItems
		}
		what := chat.Format(chat.Plural(forms, int(r.Rows)), r.Rows)
		b.WriteString("- " + chat.Format(pv.RetentionLine, what, w.period(pv, r.Period)) + "\n")
	}
	return b.String()
}

// matrixID finds Matrix user IDs in free text (case event details).
var matrixID = regexp.MustCompile(`@[^\s:@]+:[A-Za-z0-9.\-]+(:[0-9]+)?`)

// hideTeamIn replaces, in the rows about a member's own cases, every person
// other than the member (the team members who claimed, answered or
// changed them) with team: with support_anonymous the answers did not
// name them, so the export does not either (issue #15, Low).
func hideTeamIn(tables map[string][]map[string]any, user, team string) {
	other := func(v any) any {
		if s, ok := v.(string); ok && s != "" && s != user {
			return team
		}
		return v
	}
	for _, row := range tables["support_case"] {
		row["assignee"] = other(row["assignee"])
	}
	for _, row := range tables["case_message"] {
		row["sender"] = other(row["sender"])
	}
	for _, row := range tables["case_event"] {
		row["actor"] = other(row["actor"])
		if s, ok := row["detail"].(string); ok {
			row["detail"] = matrixID.ReplaceAllStringFunc(s, func(id string) string {
				if id == user {
					return id
				}
				return team
			})
		}
	}
}

// erasedIn replaces, in every text of tables, the pseudonym of an erased
// person (a team member who worked on the member's case, an approver of
// their request, whoever granted their role) with erased: the pseudonym is
// a hex code („gelöscht-3fa2c1…“) that tells the member nothing, and the
// same code in two members' exports tells them that one person handled
// both (priv35).
func erasedIn(tables map[string][]map[string]any, erased string) {
	for _, rows := range tables {
		for _, row := range rows {
			for col, v := range row {
				if s, ok := v.(string); ok && storage.Pseudonyms.MatchString(s) {
					row[col] = storage.Pseudonyms.ReplaceAllLiteralString(s, erased)
				}
			}
		}
	}
}

// roundTableDetail reads the detail rt32 and rt33 store with a round
// table's entry in the role log: „round table 5“, „round table 5: <RFC
// 3339>“ or „round table 5: <RFC 3339> -> <RFC 3339>“.
var roundTableDetail = regexp.MustCompile(`^round table (\d+)(?:: (\S+)(?: -> (\S+))?)?$`)

// roundTablesIn puts the role log's entries about round tables into the
// words of tx: the stored action („roundtable-move“) and detail
// („round table 5: 2026-12-03T18:00:00Z -> …“) were English and technical
// in a member's export (mend32a's Left, rt33). Rows that do not read as
// expected stay as they are.
func roundTablesIn(tables map[string][]map[string]any, tx *Texts, loc *time.Location) {
	if loc == nil {
		loc = time.UTC
	}
	when := func(s string) (string, bool) {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return "", false
		}
		return t.In(loc).Format(tx.RoundTableTime), true
	}
	for _, name := range []string{"role_audit", "role_audit_by_you_for_others"} {
		for _, row := range tables[name] {
			action, _ := row["action"].(string)
			words, ok := tx.RoundTableActions[action]
			if !ok {
				continue
			}
			row["action"] = words
			detail, _ := row["detail"].(string)
			m := roundTableDetail.FindStringSubmatch(detail)
			if m == nil {
				continue
			}
			n, err := strconv.ParseInt(m[1], 10, 64)
			if err != nil {
				continue
			}
			from, okFrom := when(m[2])
			to, okTo := when(m[3])
			switch {
			case m[2] == "":
				row["detail"] = chat.Format(tx.RoundTableIs, n)
			case m[3] == "" && okFrom:
				row["detail"] = chat.Format(tx.RoundTableOn, n, from)
			case okFrom && okTo:
				row["detail"] = chat.Format(tx.RoundTableMoved, n, from, to)
			}
		}
	}
}

// kept says what stays after an erasure, and why: the notes in other
// members' cases only where support cases are on (texts28).
func (w *Workflow) kept(pv *Texts) string {
	items := []string{pv.KeptAudit}
	if w.Features.Cases {
		items = append(items, pv.KeptCaseNotes)
	}
	items = append(items, pv.KeptIDs, pv.KeptMatrix)
	return pv.Kept + "\n- " + strings.Join(items, "\n- ") + "\n\n" + pv.KeptAgain
}
