package httpserve

import (
	stdlog "log"
	"net/netip"
	"strings"

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

// addressPunctuation may end an address word in a log line ("from
// 192.0.2.1:4711: EOF", "… 192.0.2.1.").
const addressPunctuation = ":."

// withoutAddresses replaces every IP address in s, with or without port
// and brackets, by "<address>". s is cut into words at every character
// that cannot be part of an address (a space, "->", "=", ",", quotes,
// parentheses …), so an address glued to other text is found as well
// ("127.0.0.1:443->192.0.2.1:4711", "remote=192.0.2.1").
func withoutAddresses(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		end := addressWordEnd(s, i)
		if end == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(wordWithoutAddress(s[i:end]))
		i = end
	}
	return b.String()
}

// addressWordEnd returns where the word of address characters that
// starts at s[i] ends (i if s[i] is none): ASCII letters and digits, '.',
// ':', brackets, '%' and '_'; after a '%' (a zone, "fe80::1%wlan-0") also
// '-', unless it begins "->".
func addressWordEnd(s string, i int) int {
	zone := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			zone = true
		case c == '-' && zone && !strings.HasPrefix(s[i:], "->"):
		case c == '.' || c == ':' || c == '[' || c == ']' || c == '_',
			'0' <= c && c <= '9', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		default:
			return i
		}
	}
	return i
}

// wordWithoutAddress replaces word by "<address>" if it is an address,
// perhaps followed by punctuation, which stays.
func wordWithoutAddress(word string) string {
	for end := len(word); end > 0; end-- {
		if isAddress(word[:end]) {
			return "<address>" + word[end:]
		}
		if !strings.ContainsRune(addressPunctuation, rune(word[end-1])) {
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
