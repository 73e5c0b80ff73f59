package commands

import (
	"context"
	"strings"
	"testing"
)

func TestGiveUp(t *testing.T) {
	h, fm, _ := newTestHandler(t)
	tests := []struct {
		name          string
		direct, undec bool
		want          string
	}{
		{"group room: silent", false, true, ""},
		{"undecryptable DM", true, true, "nicht entschlüsseln"},
		{"failed DM", true, false, "mehreren Versuchen"},
	}
	for i, tt := range tests {
		before := fm.count()
		evtID := msgEvent("x").ID
		if err := h.GiveUp(context.Background(), "!dm:test", evtID, tt.direct, tt.undec); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.want == "" {
			if fm.count() != before {
				t.Errorf("%s: sent a message", tt.name)
			}
			continue
		}
		c := fm.last(t)
		if fm.count() != before+1 || !strings.Contains(c.Body, tt.want) || c.RelatesTo.GetReplyTo() != evtID {
			t.Errorf("case %d %s: sent %q (reply to %v)", i, tt.name, c.Body, c.RelatesTo)
		}
	}
}
