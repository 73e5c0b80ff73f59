package answer

import (
	"testing"

	"github.com/lotse-bot/lotse/guides/search"
)

func TestClearTopic(t *testing.T) {
	h := func(strong ...float64) []search.Hit {
		var hs []search.Hit
		for _, s := range strong {
			hs = append(hs, search.Hit{Strong: s})
		}
		return hs
	}
	for _, c := range []struct {
		name string
		hits []search.Hit
		want bool
	}{
		{"no hits", nil, false},
		{"single guide about the question", h(0.9), true},
		{"single guide, topic too weak", h(0.7), false},
		{"clearly ahead of the runner-up", h(1, 0.3), true},
		{"runner-up about it too", h(1, 0.5), false},
		{"first not about it", h(0.5, 0), false},
	} {
		if got := clearTopic(c.hits); got != c.want {
			t.Errorf("%s: clearTopic = %v, want %v", c.name, got, c.want)
		}
	}
}
