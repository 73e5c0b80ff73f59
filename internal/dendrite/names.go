package dendrite

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"sync/atomic"
)

// userSerial makes local parts unique within a process.
var userSerial atomic.Uint64

// UniqueLocalpart returns prefix (reduced to characters valid in a Matrix
// localpart) plus a suffix unique within and across processes.
func UniqueLocalpart(prefix string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(prefix) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', strings.ContainsRune("._=-/", r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		b.WriteString("user")
	}
	return fmt.Sprintf("%s-%d-%s", b.String(), userSerial.Add(1), randomHex(3))
}

func randomHex(n int) string {
	buf := make([]byte, n)
	_, _ = rand.Read(buf) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(buf)
}

// RandomPassword returns a fresh random password for a test or demo user.
func RandomPassword() string { return randomHex(12) }
