package support

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestJoinDraft(t *testing.T) {
	long := strings.Repeat("ä", MaxDraftBytes) // 2 bytes a rune: over the bound
	tests := []struct {
		name      string
		old, text string
		want      string
		full      bool
	}{
		{"first", "", "Wie spende ich?", "Wie spende ich?", false},
		{"follow-up", "Wie spende ich?", "Per Überweisung?", "Wie spende ich?\nPer Überweisung?", false},
		{"replay keeps everything", "a\nb", "b", "a\nb", false},
		{"too many bytes", "a", strings.Repeat("x", MaxDraftBytes), "a" + draftMore, true},
		{"too many lines", strings.Repeat("z\n", MaxDraftLines-1) + "z", "y", strings.Repeat("z\n", MaxDraftLines-1) + "z" + draftMore, true},
		{"full stays full, told once", "a" + draftMore, "b", "a" + draftMore, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, full := joinDraft(tt.old, tt.text)
			if got != tt.want || full != tt.full {
				t.Fatalf("joinDraft = %q, %v; want %q, %v", got, full, tt.want, tt.full)
			}
		})
	}
	got, full := joinDraft("", long)
	if !full || len(got) > MaxDraftBytes+len(draftMore) || !utf8.ValidString(got) {
		t.Fatalf("a single long text: %d bytes, full %v, valid UTF-8 %v", len(got), full, utf8.ValidString(got))
	}
}
