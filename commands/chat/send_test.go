package chat_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/lotse-bot/lotse/bot"
	"github.com/lotse-bot/lotse/commands/chat"
)

// TestIsPermanent: the workflows tell the runtime's permanent errors
// (wrapped, as DirectRoom returns them) from retryable ones without
// importing bot (whole-change review 20, people, M1).
func TestIsPermanent(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{bot.ErrPermanent, true},
		{fmt.Errorf("%w: cannot open a direct chat with @x:test: M_FORBIDDEN", bot.ErrPermanent), true},
		{fmt.Errorf("failed to find the direct chat: %w", fmt.Errorf("%w: x", bot.ErrPermanent)), true},
		{bot.ErrTooLarge, true},
		{errors.New("a direct chat with this member was created moments ago; trying again later"), false},
		{nil, false},
	} {
		if got := chat.IsPermanent(tt.err); got != tt.want {
			t.Errorf("IsPermanent(%v) = %v, want %v", tt.err, got, tt.want)
		}
		if tt.err != nil && tt.want && !errors.Is(tt.err, bot.ErrPermanent) {
			t.Errorf("%v is not bot.ErrPermanent any more", tt.err)
		}
	}
}
