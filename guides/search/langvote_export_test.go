package search

import "testing"

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
