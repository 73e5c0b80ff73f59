package httpserve

import (
	stdlog "log"
	"net/netip"
	"strings"
	"unicode"

	"github.com/rs/zerolog"
)

// ErrorLog returns a logger for http.Server.ErrorLog: net/http's own lines
// (a panic that [Recover] did not catch, a TLS handshake error, a failing
// Accept, a handler's misuse of its ResponseWriter) go to log, at error
// level for a panic (its stack in the field "stack") and at warn level
// otherwise, with every IP address replaced by "<address>": net/http names
// the client's address in the first two, and without ErrorLog they would
// go to the standard logger, outside zerolog.
func ErrorLog(log zerolog.Logger) *stdlog.Logger {
	return stdlog.New(errorLogWriter{log}, "", 0)
}

type errorLogWriter struct{ log zerolog.Logger }

// Write logs one line of net/http (log.Logger writes each in one call).
func (w errorLogWriter) Write(p []byte) (int, error) {
	line, stack, _ := strings.Cut(strings.TrimRight(string(p), "\n"), "\n")
	line = withoutAddresses(line)
	ev := w.log.Warn()
	if strings.Contains(line, "panic serving") {
		ev = w.log.Error()
	}
	if stack != "" {
		ev = ev.Str("stack", withoutAddresses(stack))
	}
	ev.Msg(line)
	return len(p), nil
}

// addressPunctuation may follow an address in a log line ("from 192.0.2.1:4711: EOF").
const addressPunctuation = `:,;.)"'`

// withoutAddresses replaces every word of s that is an IP address, with or
// without port and brackets, by "<address>".
func withoutAddresses(s string) string {
	var b strings.Builder
	for s != "" {
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		b.WriteString(wordWithoutAddress(s[:end]))
		s = s[end:]
		end = strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if end < 0 {
			end = len(s)
		}
		b.WriteString(s[:end])
		s = s[end:]
	}
	return b.String()
}

// wordWithoutAddress replaces an address in a word, which may be quoted or
// followed by punctuation.
func wordWithoutAddress(word string) string {
	core := strings.TrimLeft(word, `("'`)
	lead := word[:len(word)-len(core)]
	for end := len(core); end > 0; end-- {
		if isAddress(core[:end]) {
			return lead + "<address>" + core[end:]
		}
		if !strings.ContainsRune(addressPunctuation, rune(core[end-1])) {
			break
		}
	}
	return word
}

// isAddress reports whether s is "ip", "ip:port", "[ipv6]" or "[ipv6]:port".
func isAddress(s string) bool {
	if _, err := netip.ParseAddrPort(s); err == nil {
		return true
	}
	if inner, ok := strings.CutPrefix(s, "["); ok {
		s, ok = strings.CutSuffix(inner, "]")
		if !ok {
			return false
		}
	}
	_, err := netip.ParseAddr(s)
	return err == nil
}
