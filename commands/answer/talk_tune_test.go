package answer

import (
	"fmt"
	"os"
	"testing"
)

// Development aid of the sixth pass, small talk addressed to the bot
// (docs/performance.md, "Sixth quality pass: small talk"); does nothing
// unless LOTSE_TUNE is set, and reads no held-out set.

// talkFigures is the decision over one part of one set of the pool.
type talkFigures struct{ talkN, talk, guideN, guide, allN, all, cw, talkFP int }

func (f talkFigures) String() string {
	return fmt.Sprintf("smalltalk %2d/%-2d guide %3d/%-3d all %3d/%-3d CW %d smalltalk-false %d",
		f.talk, f.talkN, f.guide, f.guideN, f.all, f.allN, f.cw, f.talkFP)
}

// TestTalkLine prints, per TUNING set and part (A: bit 0 of the FNV-1a
// 32 hash of the message = 0, B = 1; rescuePart), the small-talk, guide
// and all messages helped, the confident-wrong answers and the messages
// taken for small talk that expected something else; with
// LOTSE_TALK_MISSES=1 also part A's small-talk misses and false small talk.
func TestTalkLine(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var tot [2]talkFigures
	for _, s := range poolOf(t, "tune", "tune2", "tune3") {
		talkLine(t, s, &tot)
	}
	t4 := poolSet{"first messages tune4", loadLibrary(t), loadSet(t, "tune4")}
	talkLine(t, t4, &tot)
	fmt.Printf("TALK pool A %s\nTALK pool B %s\n", tot[0], tot[1])
}

func talkLine(t *testing.T, s poolSet, tot *[2]talkFigures) {
	var f [2]talkFigures
	r := Evaluate(s.lib, s.qs, Options{Cases: true})
	for _, res := range r.Results {
		p := 0
		if rescuePart(res.Question.Text) {
			p = 1
		}
		exp := res.Question.Expected
		kind := expectedOutcome(exp)
		x := &f[p]
		x.allN++
		if res.Helped {
			x.all++
		}
		if res.ConfidentWrong {
			x.cw++
		}
		switch {
		case kind == SmallTalk:
			x.talkN++
			if res.Helped {
				x.talk++
			}
		case kind == "":
			x.guideN++
			if res.Helped {
				x.guide++
			}
		}
		if kind != SmallTalk && res.Decision.Outcome == SmallTalk {
			x.talkFP++
		}
		if p == 0 && os.Getenv("LOTSE_TALK_MISSES") != "" && (kind == SmallTalk) != (res.Decision.Outcome == SmallTalk) {
			fmt.Printf("MISS %s %q expected %s got %s %v\n", s.name, res.Question.Text, exp, res.Decision.Outcome, res.Decision.Guides())
		}
	}
	for p := range 2 {
		fmt.Printf("TALK %-22s %s %s\n", s.name, "AB"[p:p+1], f[p])
		for _, x := range []*talkFigures{&tot[p]} {
			x.talkN += f[p].talkN
			x.talk += f[p].talk
			x.guideN += f[p].guideN
			x.guide += f[p].guide
			x.allN += f[p].allN
			x.all += f[p].all
			x.cw += f[p].cw
			x.talkFP += f[p].talkFP
		}
	}
}
