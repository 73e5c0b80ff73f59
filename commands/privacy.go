package commands

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"maunium.net/go/mautrix/event"

	"github.com/lotse-bot/lotse/storage"
)

// Data rights: !datenschutz (what is stored, why, how long), !meine-daten
// (a JSON export of everything about the asking member, uploaded into the
// DM, encrypted there if the DM is) and !daten-löschen (after confirmation
// with a token: erase or pseudonymise, and say what was kept and why).
// All three work in the DM only: nobody else should see the answer.

func (h *Handler) dmOnly(ce *CommandEvent) bool {
	if turnOf(ce.Ctx).msg.Direct {
		return true
	}
	_ = h.replyMarkdown(ce.Ctx, h.Texts.Privacy.DMOnly)
	return false
}

// days formats a retention period.
func (h *Handler) days(d time.Duration) string {
	if d <= 0 {
		return h.Texts.Privacy.NoLimit
	}
	return formatText(h.Texts.Privacy.Days, int(d.Hours()/24+0.5))
}

// cmdPrivacy explains what Lotse stores about the asking member.
func cmdPrivacy(ce *CommandEvent) error {
	h := ce.Meta
	if !h.dmOnly(ce) {
		return turnOf(ce.Ctx).t.Err
	}
	pv := h.Texts.Privacy
	r := h.Privacy.Retention
	md := formatText(pv.Overview, h.days(r.Members), h.days(r.Cases), h.days(r.Access), h.days(r.Audit), h.days(r.Inbox), h.days(r.Answers))
	data, err := h.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
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
		md += "\n\n" + formatText(pv.YourTables, strings.Join(names, ", "))
	}
	return h.replyMarkdown(ce.Ctx, md+"\n\n"+pv.Rights)
}

// exportFile is the JSON export.
type exportFile struct {
	User     string                      `json:"user"`
	Exported string                      `json:"exported"`
	Note     string                      `json:"note"`
	Tables   map[string][]map[string]any `json:"tables"`
}

// cmdMyData uploads the export into the DM.
func cmdMyData(ce *CommandEvent) error {
	h := ce.Meta
	if !h.dmOnly(ce) {
		return turnOf(ce.Ctx).t.Err
	}
	tables, err := h.DB.Privacy().Export(ce.Ctx, ce.Sender.String())
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(exportFile{User: ce.Sender.String(), Exported: h.Now().UTC().Format(time.RFC3339),
		Note: h.Texts.Privacy.ExportNote, Tables: tables}, "", "  ")
	if err != nil {
		return err
	}
	name := "lotse-meine-daten-" + h.Now().In(h.location()).Format("2006-01-02") + ".json"
	content := &event.MessageEventContent{MsgType: event.MsgFile, Body: name, FileName: name, Mentions: &event.Mentions{},
		Info: &event.FileInfo{MimeType: "application/json", Size: len(data)}}
	encrypted, err := h.attachFile(ce.Ctx, ce.RoomID, content, data, "application/json")
	if err != nil {
		return err
	}
	if _, err := h.Matrix.Send(ce.Ctx, ce.RoomID, event.EventMessage, content, h.causeTxn(ce.Ctx, "export-file", 0)); err != nil {
		return err
	}
	if !encrypted {
		return h.replyMarkdown(ce.Ctx, h.Texts.Privacy.ExportSent+"\n\n"+h.Texts.Privacy.ExportUnencrypted)
	}
	return h.replyMarkdown(ce.Ctx, h.Texts.Privacy.ExportSent)
}

// deleteToken is the confirmation word for !daten-löschen: it depends on the
// member and the day, so an old message cannot be replayed by accident.
func (h *Handler) deleteToken(user string) string {
	sum := sha256.Sum256([]byte("lotse-delete\x00" + user + "\x00" + h.Now().In(h.location()).Format("2006-01-02")))
	return hex.EncodeToString(sum[:])[:6]
}

// cmdDeleteMyData erases the member's data after confirmation.
func cmdDeleteMyData(ce *CommandEvent) error {
	h := ce.Meta
	if !h.dmOnly(ce) {
		return turnOf(ce.Ctx).t.Err
	}
	pv := h.Texts.Privacy
	token := h.deleteToken(ce.Sender.String())
	if len(ce.Args) == 0 || !strings.EqualFold(ce.Args[len(ce.Args)-1], token) {
		return h.replyMarkdown(ce.Ctx, formatText(pv.DeleteConfirm, pv.DeleteCommand+" "+token))
	}
	evt := turnOf(ce.Ctx).msg.Event
	sentBefore := time.UnixMilli(evt.Timestamp)
	if evt.Timestamp == 0 {
		sentBefore = h.Now()
	}
	counts, err := h.DB.Privacy().Erase(ce.Ctx, ce.Sender.String(), evt.ID.String(), sentBefore)
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
	if err := h.replyMarkdown(ce.Ctx, formatText(pv.Deleted, summary)+"\n\n"+pv.Kept); err != nil {
		return err
	}
	// The request itself goes last, after its answer was sent.
	return h.DB.Privacy().EraseInboxEvent(ce.Ctx, evt.ID.String())
}

// cmdRetention shows what the retention jobs would delete now (dry run).
func cmdRetention(ce *CommandEvent) error {
	h := ce.Meta
	res, err := h.DB.Retention(ce.Ctx, h.Privacy.Retention, h.Now(), true)
	if err != nil {
		return err
	}
	return h.replyMarkdown(ce.Ctx, h.Texts.Privacy.RetentionIntro+"\n\n"+RetentionReport(res, h.days))
}

// RetentionReport formats retention results, one line per table.
func RetentionReport(res []storage.RetentionResult, days func(time.Duration) string) string {
	var b strings.Builder
	for _, r := range res {
		fmt.Fprintf(&b, "- %s (%s): %d\n", r.Table, days(r.Period), r.Rows)
	}
	return b.String()
}
