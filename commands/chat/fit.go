package chat

import (
	"bytes"
	"encoding/json"
	"html"
	"path"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"maunium.net/go/mautrix/event"
	"maunium.net/go/mautrix/id"

	"github.com/lotse-bot/lotse/internal/utf8cut"
)

// MaxContentBytes bounds the JSON of a message's content as Lotse sends it
// (before encryption). A homeserver refuses an event of more than 65,536
// bytes (the whole event: content, signatures, hashes, the previous and
// the authorising events' IDs); in an encrypted room the content travels
// as base64 ciphertext, a third larger than the JSON. So 44,000 bytes of
// JSON, encrypted (about 58,900 bytes), leave 6 KB for the event around
// it. A message built from a member's near-64 KB message (a relay, a
// quote, its HTML with every „<“ escaped) would otherwise be refused and
// lost (twenty-ninth pass, sec29).
const MaxContentBytes = 44_000

// cutMarkers end a message cut to fit (FitContent), per language.
var cutMarkers = map[string]string{
	"de": "[… gekürzt: zu lang für eine Chatnachricht]",
	"en": "[… shortened: too long for one chat message]",
}

// CutMarker is the marker that ends a message cut to fit, in lang
// (German by default).
func CutMarker(lang string) string { return inLang(cutMarkers, lang) }

// minCutField is the length below which a text field is never cut: the
// fields that make a message too large are the long ones.
const minCutField = 512

// FitContent cuts the texts of c (body, HTML and a file's name, of an
// edit's new content too) so that its JSON is at most limit bytes, each cut text ending in
// marker; it reports whether it cut. A plain text is cut at a rune
// boundary (at a line break or space near the cut, when there is one); an
// HTML text before an open tag or entity, its open elements closed; a
// file's name keeps its extension after „…“. c is changed in place.
//
// Before the texts, what no real message needs at that size goes (sec30):
// a file's info keeps its standard, short fields (a mime type or blurhash
// longer than any real one, unknown fields and a bridged sticker's data
// are dropped: a member's relayed image carried them as they came), and
// the mentions list, repeats dropped, keeps the user IDs that fit in a
// quarter of limit (the rest are still named in the text, but not
// notified). The caller gives FitContent a content whose Info and
// Mentions it may change (Env's Matrix copies them).
func FitContent(c *event.MessageEventContent, limit int, marker string) bool {
	size := jsonSize(c)
	if size <= limit {
		return false
	}
	for cc := c; cc != nil; cc = cc.NewContent {
		fitInfo(cc.Info)
		fitMentions(cc.Mentions, limit/4)
		if cc.NewContent == cc {
			break
		}
	}
	trimmed := jsonSize(c) != size
	if size = jsonSize(c); size <= limit {
		return true
	}
	const (
		plainField = iota
		htmlField
		nameField
	)
	type field struct {
		p        *string
		orig     string
		kind     int
		encLen   int
		markCost int
	}
	var fields []field
	add := func(p *string, kind int) {
		if len(*p) < minCutField {
			return
		}
		cost := jsonSize("\n\n" + marker)
		switch kind {
		case htmlField:
			cost = jsonSize("<p><em>" + html.EscapeString(marker) + "</em></p>")
		case nameField:
			cost = jsonSize("…")
		}
		fields = append(fields, field{p: p, orig: *p, kind: kind, encLen: jsonSize(*p), markCost: cost})
	}
	for cc := c; cc != nil; cc = cc.NewContent {
		add(&cc.Body, plainField)
		add(&cc.FormattedBody, htmlField)
		add(&cc.FileName, nameField)
		if cc.NewContent == cc {
			break
		}
	}
	if len(fields) == 0 {
		return trimmed
	}
	enc, marks := 0, 0
	for _, f := range fields {
		enc, marks = enc+f.encLen, marks+f.markCost
	}
	room := limit - (size - enc) - marks
	// Cut every long field in proportion to its encoded length; JSON
	// escaping is not even across a text, so shrink again until it fits.
	ratio := float64(max(room, 0)) / float64(enc)
	for round := 0; round < 12 && size > limit; round++ {
		for _, f := range fields {
			keep := int(float64(len(f.orig)) * ratio)
			switch f.kind {
			case htmlField:
				*f.p = cutHTML(f.orig, keep, marker)
			case nameField:
				*f.p = cutName(f.orig, keep)
			default:
				*f.p = cutPlain(f.orig, keep, marker)
			}
		}
		size = jsonSize(c)
		ratio *= 0.9
	}
	if size > limit {
		for _, f := range fields {
			switch f.kind {
			case htmlField:
				*f.p = cutHTML("", 0, marker)
			case nameField:
				*f.p = cutName(f.orig, 0)
			default:
				*f.p = cutPlain("", 0, marker)
			}
		}
	}
	return true
}

// maxInfoText is the longest mime type or blurhash kept in a file's info
// when a message is cut to fit: real ones are far shorter (RFC 6838 caps
// a mime type's names at 127 characters each; a blurhash is some 30).
const maxInfoText = 256

// SourceInfoKey is the key in a relayed file's info under which Lotse
// names the member's file the copy was made from (a hash: the support
// workflow's sourceKey), so that an edit carrying the same file keeps the
// copy instead of uploading it again (sec30). The cut to fit keeps it.
const SourceInfoKey = "org.lotse.source"

// maxSourceKey is the longest SourceInfoKey value the cut keeps (Lotse's
// own is 64 hex digits).
const maxSourceKey = 128

// fitInfo drops from info (and its thumbnail's) what only a crafted event
// makes large: unknown fields, a bridged sticker's data, a mime type or
// blurhash over maxInfoText (the mime type becomes a plain download's).
// Of the unknown fields, Lotse's own short source key stays (mend30b:
// dropped, a file with a 45 KB name lost it at every cut, and every edit
// carrying the same file uploaded it again).
func fitInfo(info *event.FileInfo) {
	for depth := 0; info != nil && depth < 4; depth++ {
		key, ok := info.Extra[SourceInfoKey].(string)
		info.Extra, info.BridgedSticker = nil, nil
		if ok && key != "" && len(key) <= maxSourceKey {
			info.Extra = map[string]any{SourceInfoKey: key}
		}
		if len(info.MimeType) > maxInfoText {
			info.MimeType = "application/octet-stream"
		}
		if len(info.Blurhash) > maxInfoText {
			info.Blurhash = ""
		}
		if len(info.AnoaBlurhash) > maxInfoText {
			info.AnoaBlurhash = ""
		}
		info = info.ThumbnailInfo
	}
}

// fitMentions drops repeated user IDs from m and then, from the end, the
// IDs beyond budget bytes of JSON.
func fitMentions(m *event.Mentions, budget int) {
	if m == nil || len(m.UserIDs) == 0 {
		return
	}
	seen := make(map[id.UserID]bool, len(m.UserIDs))
	kept := make([]id.UserID, 0, len(m.UserIDs))
	used := 0
	for _, u := range m.UserIDs {
		if seen[u] {
			continue
		}
		seen[u] = true
		n := jsonSize(u) + 1
		if used+n > budget {
			break
		}
		used += n
		kept = append(kept, u)
	}
	m.UserIDs = kept
}

// jsonSize is the length of v encoded as Lotse's client sends it.
func jsonSize(v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	return len(b)
}

// cutPlain cuts s to at most n bytes at a rune boundary — at the last line
// break or space of the last 200 bytes before it, when there is one — and
// adds marker on a line of its own.
func cutPlain(s string, n int, marker string) string {
	s = utf8cut.Prefix(s, n)
	if i := strings.LastIndexAny(s, "\n "); i >= 0 && len(s)-i < 200 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " \t\r\n")
	if s == "" {
		return marker
	}
	return s + "\n\n" + marker
}

// cutName cuts a file's name to about n bytes (whole runes) and „…“,
// keeping a short extension (".pdf").
func cutName(s string, n int) string {
	ext := path.Ext(s)
	if len(ext) > 16 || strings.ContainsAny(ext, " /") {
		ext = ""
	}
	return utf8cut.Prefix(strings.TrimSuffix(s, ext), n-len(ext)) + "…" + ext
}

// cutHTML cuts the HTML h to about n bytes: never inside a tag or an
// entity, every element left open closed again (parsed and rendered as
// a fragment of a body), marker as a paragraph of its own at the end.
func cutHTML(h string, n int, marker string) string {
	head := utf8cut.Prefix(h, n)
	if lt := strings.LastIndexByte(head, '<'); lt > strings.LastIndexByte(head, '>') {
		head = head[:lt]
	}
	if amp := strings.LastIndexByte(head, '&'); amp >= 0 && !strings.ContainsAny(head[amp:], "; <>") {
		head = head[:amp]
	}
	end := "<p><em>" + html.EscapeString(marker) + "</em></p>"
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(head), body)
	if err != nil {
		return end
	}
	var b bytes.Buffer
	for _, node := range nodes {
		if err := xhtml.Render(&b, node); err != nil {
			return end
		}
	}
	return b.String() + end
}
