package privacy

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/commands/chat"
	"github.com/lotse-bot/lotse/storage"
)

// Data rights: !datenschutz (what is stored, why, how long), !meine-daten
// (a JSON export of everything about the asking member, uploaded into the
// DM, encrypted there if the DM is) and !daten-löschen (after confirmation
// with a token: erase or pseudonymise, and say what was kept and why).
// All three work in the DM only: nobody else should see the answer.

// days formats a retention period.
func (w *Workflow) days(d time.Duration) string {
	if d <= 0 {
		return w.tx.NoLimit
	}
	n := int(d.Hours()/24 + 0.5)
	return chat.Format(chat.Plural(w.tx.Days, n), n)
}

// cmdPrivacy explains what Lotse stores about the asking member.
func (w *Workflow) cmdPrivacy(ce *chat.Call) error {
	pv := w.tx
	r := w.cfg.Retention
	md := chat.Format(pv.Overview, w.days(r.Members), w.days(r.Cases), w.days(r.Access), w.days(r.Audit), w.days(r.Inbox), w.days(r.Answers))
	data, err := w.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	var names []string
	for name, rows := range data {
		if len(rows) > 0 {
			names = append(names, fmt.Sprintf("%s (%d)", name, len(rows)))
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		md += "\n\n" + pv.NothingStored
	} else {
		md += "\n\n" + chat.Format(pv.YourTables, strings.Join(names, ", "))
	}
	return w.ReplyMarkdown(ce.Ctx, md+"\n\n"+pv.Rights)
}

// exportFile is the JSON export.
type exportFile struct {
	User     string                      `json:"user"`
	Exported string                      `json:"exported"`
	Note     string                      `json:"note"`
	Tables   map[string][]map[string]any `json:"tables"`
}

// cmdMyData uploads the export into the DM.
func (w *Workflow) cmdMyData(ce *chat.Call) error {
	tables, err := w.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(exportFile{User: ce.Sender.String(), Exported: w.Now().UTC().Format(chat.StampLayout),
		Note: w.tx.ExportNote, Tables: tables}, "", "  ")
	if err != nil {
		return err
	}
	name := "lotse-meine-daten-" + w.Now().In(w.Location).Format(chat.ISODateLayout) + ".json"
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name, Mentions: &event.Mentions{},
		Info: &event.FileInfo{MimeType: "application/json", Size: len(data)}}
	encrypted, err := w.AttachFile(ce.Ctx, ce.RoomID, content, data, "application/json")
	if err != nil {
		return err
	}
	if _, err := w.Matrix.Send(ce.Ctx, ce.RoomID, event.EventMessage, content, w.CauseTxn(ce.Ctx, "export-file", 0)); err != nil {
		return err
	}
	if !encrypted {
		return w.ReplyMarkdown(ce.Ctx, w.tx.ExportSent+"\n\n"+w.tx.ExportUnencrypted)
	}
	return w.ReplyMarkdown(ce.Ctx, w.tx.ExportSent)
}

// deleteToken is the confirmation word for !daten-löschen: it depends on the
// member and the day, so an old message cannot be replayed by accident.
func (w *Workflow) deleteToken(user string) string {
	sum := sha256.Sum256([]byte("lotse-delete\x00" + user + "\x00" + w.Now().In(w.Location).Format(chat.ISODateLayout)))
	return hex.EncodeToString(sum[:])[:6]
}

// cmdDeleteMyData erases the member's data after confirmation.
func (w *Workflow) cmdDeleteMyData(ce *chat.Call) error {
	pv := w.tx
	token := w.deleteToken(ce.Sender.String())
	if len(ce.Args) == 0 || !strings.EqualFold(ce.Args[len(ce.Args)-1], token) {
		return w.ReplyMarkdown(ce.Ctx, chat.Format(pv.DeleteConfirm, pv.DeleteCommand+" "+token))
	}
	evt := chat.TurnOf(ce.Ctx).Event
	sentBefore := time.UnixMilli(evt.Timestamp)
	if evt.Timestamp == 0 {
		sentBefore = w.Now()
	}
	counts, err := w.DB.Privacy().Erase(ce.Ctx, ce.Sender.String(), evt.ID.String(), sentBefore)
	if err != nil {
		return err
	}
	var deleted []string
	for table, n := range counts {
		if n > 0 {
			deleted = append(deleted, fmt.Sprintf("%s (%d)", table, n))
		}
	}
	sort.Strings(deleted)
	summary := pv.NothingStored
	if len(deleted) > 0 {
		summary = strings.Join(deleted, ", ")
	}
	if err := w.ReplyMarkdown(ce.Ctx, chat.Format(pv.Deleted, summary)+"\n\n"+pv.Kept); err != nil {
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
	return w.ReplyMarkdown(ce.Ctx, w.tx.RetentionIntro+"\n\n"+RetentionReport(res, w.days))
}

// RetentionReport formats retention results, one line per table.
func RetentionReport(res []storage.RetentionResult, days func(time.Duration) string) string {
	var b strings.Builder
	for _, r := range res {
		fmt.Fprintf(&b, "- %s (%s): %d\n", r.Table, days(r.Period), r.Rows)
	}
	return b.String()
}
