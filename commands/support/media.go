package support

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"maunium.net/go/mautrix/event"
)

// A member's file goes to the team as the member declared it (message
// type, MIME type, name), and the team opens it on their phones. A
// member — or someone who took over their account — could send a web
// page, an SVG with a script or an XML document declared as an image
// („screenshot.png“, image/png) or as any file: on a phone it opens in
// the browser, where a page that looks like a login can ask the
// volunteer for their password. So what the content is decides: a file
// whose declared or sniffed type, or whose first bytes, are active web
// content is relayed as a plain download (m.file, application/
// octet-stream), never as an image, and the thread warns the team
// (RelayActiveFile). Other files keep their declared type: a photo that
// Go's sniffer does not know (HEIC) must stay a photo.

// activeTypes are MIME types (and parts of them) a browser runs or
// renders as a page.
var activeTypes = []string{"html", "xml", "svg", "javascript", "ecmascript"}

// activeMarks are the first tags of active content, looked for in a
// file's first bytes (lowercased): http.DetectContentType knows no SVG
// without an XML prolog.
var activeMarks = [][]byte{[]byte("<svg"), []byte("<script"), []byte("<html"), []byte("<!doctype html"), []byte("<iframe"), []byte("<?xml")}

// sniffLen is how many first bytes are read (as http.DetectContentType).
const sniffLen = 512

// isActiveType reports whether the MIME type t is active web content.
func isActiveType(t string) bool {
	base, _, err := mime.ParseMediaType(t)
	if err != nil {
		base = strings.ToLower(strings.TrimSpace(t))
	}
	for _, a := range activeTypes {
		if strings.Contains(base, a) {
			return true
		}
	}
	return false
}

// isActiveContent reports whether a file declared as declared (MIME
// type) with content data is active web content by its declared type,
// its sniffed type or its first bytes.
func isActiveContent(declared string, data []byte) bool {
	if isActiveType(declared) || isActiveType(http.DetectContentType(data)) {
		return true
	}
	head := bytes.ToLower(data[:min(len(data), sniffLen)])
	for _, mark := range activeMarks {
		if bytes.Contains(head, mark) {
			return true
		}
	}
	return false
}

// passiveMedia returns the message and MIME type under which a member's
// file (declared as msgType and declared, with content data) is relayed
// to the team, and whether it was active content made a plain download.
func passiveMedia(msgType event.MessageType, declared string, data []byte) (event.MessageType, string, bool) {
	if isActiveContent(declared, data) {
		return event.MsgFile, "application/octet-stream", true
	}
	return msgType, declared, false
}
