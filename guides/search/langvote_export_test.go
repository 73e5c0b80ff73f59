package search

import (
	"fmt"
	"strings"
	"testing"
)

func TestLanguageVote(t *testing.T) {
	for _, c := range []struct {
		text   string
		en, de int
	}{
		{"how do i share my screen in bbb", 3, 0}, // "i" is one rune: no token
		{"wie teile ich meinen Bildschirm?", 0, 3},
		{"thanks!", 0, 0},
		{"2", 0, 0},
		{"👍", 0, 0},
		{"", 0, 0},
	} {
		en, de := LanguageVote(c.text)
		if en != c.en || de != c.de {
			t.Errorf("LanguageVote(%q) = %d, %d; want %d, %d", c.text, en, de, c.en, c.de)
		}
	}
}

// BenchmarkHostile60KBLanguageVote: a 60 KB message of voting words, of
// emoji and without spaces costs the vote its first words only
// (maxQueryTokens), the rest a scan.
func BenchmarkHostile60KBLanguageVote(b *testing.B) {
	for _, unit := range []string{"the der how wie you ich ", "👍😀2️⃣", "thehowyoudoes", "the👍der😀how/wie-you.ich_"} {
		text := strings.Repeat(unit, 60*1024/len(unit))
		b.Run(fmt.Sprintf("%.12q", unit), func(b *testing.B) {
			for b.Loop() {
				LanguageVote(text)
			}
		})
	}
}

// TestLanguageVoteReadsTheStart: the vote reads the first maxVoteBytes
// only, cut at a whole rune.
func TestLanguageVoteReadsTheStart(t *testing.T) {
	pad := strings.Repeat("😀", maxVoteBytes/4) // exactly maxVoteBytes
	if en, de := LanguageVote("x" + pad + " how do you do"); en != 0 || de != 0 {
		t.Errorf("words past the limit voted: %d, %d", en, de)
	}
	if en, _ := LanguageVote("how do you do " + pad); en != 4 {
		t.Errorf("words before the limit: %d English, want 4", en)
	}
}
