// The tuning pools (never a held-out set): the question sets of each pass
// with their libraries, split into parts A and B; and the development aids
// over a whole pool — the sweeps of the calibration and the decision per
// set and part. Each aid does nothing unless LOTSE_TUNE is set.

package answer

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

// benchDir finds shared/bench above the package directory ("" if none).
func benchDir() string {
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "bench")
		if st, err := os.Stat(filepath.Join(p, "guides")); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func loadBenchHalf(tb testing.TB, half string) (*guides.Library, []search.Question) {
	tb.Helper()
	lib := loadBenchLibrary(tb)
	qs, err := search.ReadQuestionsFile(frozenFile(tb, filepath.Join("..", "..", "guides", "search", "testdata"), "bench-"+half))
	if err != nil {
		tb.Fatal(err)
	}
	return lib, qs
}

// poolSet is one question set of the tuning pool with its library.
type poolSet struct {
	name string
	lib  Library
	qs   []search.Question
}

// scopeSet loads a TUNING set by name, whatever the date it was frozen
// (2026-12-04 or -05): "fm NAME" against library/, "bench NAME" against
// the bench guides. Held-out sets are never named here.
func scopeSet(tb testing.TB, name string) poolSet {
	tb.Helper()
	kind, half, _ := strings.Cut(name, " ")
	var pattern string
	var lib Library
	if kind == "fm" {
		pattern = filepath.Join("testdata", "first-messages-"+half+"-2026-12-0?.tsv")
		lib = loadLibrary(tb)
	} else {
		lib = loadBenchLibrary(tb)
		pattern = filepath.Join("..", "..", "guides", "search", "testdata", "bench-"+half+"-2026-12-0?.tsv")
	}
	files, _ := filepath.Glob(pattern)
	if len(files) != 1 {
		tb.Fatalf("%s: %d files", pattern, len(files))
	}
	qs, err := search.ReadQuestionsFile(files[0])
	if err != nil {
		tb.Fatal(err)
	}
	return poolSet{name, lib, qs}
}

// tunePool loads the TUNING pool: the tune halves and the second tuning
// sets of both question sets (never a held-out set).
func tunePool(tb testing.TB) []poolSet {
	tb.Helper()
	return poolOf(tb, "tune", "tune2")
}

// poolOf loads the named tuning sets (never a held-out set) of both
// question sets: the bench questions with the bench guides and the first
// messages with the project's library.
func poolOf(tb testing.TB, halves ...string) []poolSet {
	tb.Helper()
	var out []poolSet
	llib := loadLibrary(tb)
	for _, half := range halves {
		blib, bqs := loadBenchHalf(tb, half)
		out = append(out, poolSet{"bench " + half, blib, bqs}, poolSet{"first messages " + half, llib, loadSet(tb, half)})
	}
	return out
}

// poolPart splits questions in two by bit 1 of the FNV-1a hash of the
// text (bit 0 made the tune halves, so it cannot split them): part A
// (false) to fit a number, part B (true) to check the fit.
func poolPart(qs []search.Question, b bool) []search.Question {
	var out []search.Question
	for _, q := range qs {
		h := fnv.New32a()
		h.Write([]byte(strings.TrimSpace(q.Text)))
		if (h.Sum32()>>1)&1 == 1 == b {
			out = append(out, q)
		}
	}
	return out
}

// poolScore is the decision over (a part of) the pool.
type poolScore struct{ messages, helped, answers, wrong int }

func (p poolScore) String() string {
	return fmt.Sprintf("helped %d/%d answer %d wrong %d", p.helped, p.messages, p.answers, p.wrong)
}

// scorePool evaluates the pool; part < 0 for all of it, 0/1 for part A/B.
func scorePool(sets []poolSet, part int) (poolScore, []poolScore) {
	var all poolScore
	var per []poolScore
	for _, s := range sets {
		qs := s.qs
		if part >= 0 {
			qs = poolPart(qs, part == 1)
		}
		r := Evaluate(s.lib, qs, Options{Cases: true})
		p := poolScore{r.Total.Messages, r.Total.Helped, r.Total.Outcomes[Answer], r.Total.ConfidentWrong}
		per = append(per, p)
		all.messages += p.messages
		all.helped += p.helped
		all.answers += p.answers
		all.wrong += p.wrong
	}
	return all, per
}

// TestCalibrate sweeps the calibration on the TUNING pool only
// (development aid; set LOTSE_TUNE=1): every setting with the pool, its
// part A and part B. Rule: the most helped (then the most answers) with at
// most 1 in 50 answers wrong, chosen on part A and checked on part B, then
// on the whole pool.
func TestCalibrate(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	old := calib
	defer func() { calib = old }()
	line := func(name string) {
		p, per := scorePool(sets, -1)
		a, _ := scorePool(sets, 0)
		b, _ := scorePool(sets, 1)
		fmt.Printf("%-44s | pool %s | A %s | B %s | per set %v\n", name, p, a, b, per)
	}
	line("as set")
	for _, mc := range []float64{0.15, 0.2, 0.25} {
		for _, lead := range []float64{0.2, 0.3, 0.4, 0.5, 0.6} {
			for _, ma := range []float64{0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8} {
				for _, mt := range []float64{0.8, 2} {
					calib = old
					calib.minLead, calib.minAnswer, calib.minChoose, calib.minTopic = lead, ma, mc, mt
					line(fmt.Sprintf("choose %.2f lead %.2f answer %.2f topic %.2f", mc, lead, ma, mt))
				}
			}
		}
	}
	// The clear-topic path (clearTopic), with the lead rule as set.
	for _, mt := range []float64{0.7, 0.8, 0.9, 1, 2} {
		for _, ml := range []float64{0.5, 0.6, 0.7, 0.8} {
			for _, sl := range []float64{0, 0.1, 0.15, 0.2, 0.25} {
				calib = old
				calib.minTopic, calib.minTopicLead, calib.minTopicScoreLead = mt, ml, sl
				line(fmt.Sprintf("topic %.2f topic lead %.2f score lead %.2f", mt, ml, sl))
			}
		}
	}
	// How many guides a choice shows: share of the first guide's score
	// and at most 2 or 3.
	defer func(m int) { maxChoices = m }(maxChoices)
	for _, mx := range []int{2, 3} {
		for _, cs := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
			calib = old
			maxChoices, calib.chooseShare = mx, cs
			line(fmt.Sprintf("choices at most %d, share %.2f", mx, cs))
		}
	}
}

// groupFilter is a Library that keeps only the off-topic signals of the
// given groups (to measure each group's effect).
type groupFilter struct {
	lib    Library
	groups map[string]bool
}

func (g groupFilter) SearchFor(q string, limit int, team bool) search.Result {
	res := g.lib.SearchFor(q, limit, team)
	var keep []string
	for _, w := range res.OffTopic {
		if g.groups[search.OffTopicGroup(w)] {
			keep = append(keep, w)
		}
	}
	res.OffTopic = keep
	return res
}

// TestOffTopicEffect measures the off-topic signals on the TUNING pool
// only, per effect and per group (development aid; set LOTSE_TUNE=1).
func TestOffTopicEffect(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	old := calib
	defer func() { calib = old }()
	all := map[string]bool{}
	for _, n := range search.OffTopicGroupNames() {
		all[n] = true
	}
	line := func(name string, groups map[string]bool) {
		var b strings.Builder
		fmt.Fprintf(&b, "%-40s", name)
		for _, s := range sets {
			r := Evaluate(groupFilter{s.lib, groups}, s.qs, Options{Cases: true})
			g := func(k string) string {
				if t := r.ByExpected[k]; t != nil {
					return fmt.Sprintf("%d/%d", t.Helped, t.Messages)
				}
				return "-"
			}
			fmt.Fprintf(&b, " | %s %d/%d (guide %s, none %s) cw %d", s.name, r.Total.Helped, r.Total.Messages, g("guide"), g("none"), r.Total.ConfidentWrong)
		}
		fmt.Println(b.String())
	}
	for _, ms := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 2} {
		for _, e := range []offTopicEffect{offTopicNoChoice, offTopicNoAnswer, offTopicNone} {
			calib = old
			calib.offTopic, calib.offTopicStrong = e, ms
			line(fmt.Sprintf("strong < %.1f effect %d, all groups", ms, e), all)
		}
	}
	for _, e := range []offTopicEffect{offTopicIgnore, offTopicNoChoice} {
		calib = old
		calib.offTopic = e
		line(fmt.Sprintf("effect %d, all groups", e), all)
		if e == offTopicIgnore {
			continue
		}
		for _, n := range search.OffTopicGroupNames() {
			line(fmt.Sprintf("effect %d, only %s", e, n), map[string]bool{n: true})
		}
	}
}

// TestLeanDump prints, for every TUNING pool message the decision offers
// a guide for without the one-word rules (leansOnOneWord,
// offTopicOnOneWord), the first guide's figures: set, helped, outcome,
// score, strong share, 0 (unused), expected, message, OneWord,
// OneWordDF, number of off-topic words (development aid; LOTSE_TUNE=1).
// The rules' bars were fitted on part A of the pool (poolPart) from this
// output and checked on part B.
func TestLeanDump(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	old := calib
	defer func() { calib = old }()
	calib.oneWordScore, calib.offTopicOneWord = 0, 2 // the figures without the rules they tune
	for _, s := range tunePool(t) {
		for _, q := range s.qs {
			d := Decide(q.Text, s.lib, Options{Cases: true})
			if d.Outcome != Answer && d.Outcome != Choose {
				continue
			}
			f := d.Hits[0]
			ok := Helped(d, q.Expected)
			fmt.Printf("LEAN %s\t%v\t%s\t%.3f\t%.3f\t%.3f\t%s\t%q\t%.2f\t%.3f\t%d\n", s.name, ok, d.Outcome, f.Score, f.Strong, 0.0, q.Expected, q.Text, f.OneWord, f.OneWordDF, len(s.lib.SearchFor(d.Query, 5, false).OffTopic))
		}
	}
}

// TestPoolLine prints the decision over the TUNING pool, its part A and
// part B, as set (development aid; LOTSE_TUNE=1).
func TestPoolLine(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := tunePool(t)
	p, per := scorePool(sets, -1)
	a, _ := scorePool(sets, 0)
	b, _ := scorePool(sets, 1)
	fmt.Printf("POOL pool %s | A %s | B %s | per set %v\n", p, a, b, per)
}

// thingPoolNames is the eighth pass's tuning pool (never a held-out set):
// the seventh pass's pool and the two sets written blind for the eighth.
var thingPoolNames = []string{"fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5", "fm tune6",
	"bench tune", "bench tune2", "bench tune3", "bench tune4", "bench tune5"}

// none9PoolNames is the ninth pass's tuning pool (never a held-out set):
// the eighth pass's pool and the two sets written blind for the ninth
// (first messages tune7, bench tune6).
var none9PoolNames = append(append([]string{}, thingPoolNames...), "fm tune7", "bench tune6")

// refitPoolNames is the ninth pass's whole tuning pool: every tune set
// of both kinds (never a held-out set).
var refitPoolNames = []string{"fm tune", "fm tune2", "fm tune3", "fm tune4", "fm tune5", "fm tune6", "fm tune7",
	"bench tune", "bench tune2", "bench tune3", "bench tune4", "bench tune5", "bench tune6"}

// refit11PoolNames are the two sets the eleventh pass added to the tune
// pool (written blind for it); LOTSE_REFIT_POOL11=1 adds them to
// refitPoolNames for the refit's development aids (branch guide11: the
// refit on the grown pool, measured and dropped; docs/performance.md).
var refit11PoolNames = []string{"fm tune8", "bench tune7"}

// refitSets loads the whole pool, each set split into part A and B
// (rescuePart).
func refitSets(t *testing.T) []poolSet {
	t.Helper()
	var out []poolSet
	names := refitPoolNames
	if os.Getenv("LOTSE_REFIT_POOL11") != "" {
		names = append(slices.Clone(names), refit11PoolNames...)
	}
	for _, name := range names {
		out = append(out, scopeSet(t, name))
	}
	return out
}

// rescuePart is the pool split of the fifth pass: bit 0 of the FNV-1a
// 32 hash of the question text (part A false, part B true).
func rescuePart(text string) bool {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(text)))
	return h.Sum32()&1 == 1
}

// partQs are the questions of one part (b: part B).
func partQs(qs []search.Question, b bool) []search.Question {
	var out []search.Question
	for _, q := range qs {
		if rescuePart(q.Text) == b {
			out = append(out, q)
		}
	}
	return out
}

// dumpMisses writes to dump a line per message of rep that was not
// helped: the set's name, the expected and the decided outcome, the
// guides, the decision's exit, the off-topic words and the first guide's
// figures of the searched text (the tuning aids' dump of part A).
func dumpMisses(dump *strings.Builder, name string, lib Library, rep Report) {
	for _, res := range rep.Results {
		if res.Helped {
			continue
		}
		d := res.Decision
		var off []string
		fig := "-"
		if d.Query != "" {
			r := lib.SearchFor(d.Query, 5, false)
			off = r.OffTopic
			if len(r.Hits) > 0 {
				h := r.Hits[0]
				fig = fmt.Sprintf("unk=%.2f unc=%.2f sc=%.2f st=%.2f one=%.2f df=%.2f", r.Unknown, r.Uncovered, h.Score, h.Strong, h.OneWord, h.OneWordDF)
			}
		}
		fmt.Fprintf(dump, "%s\t%s\t%s\t%v\t%d\t%v\t%s\t%q\n", name, res.Question.Expected, d.Outcome,
			d.Guides(), d.exit, off, fig, res.Question.Text)
	}
}

// TestNoneParts prints the decision on the ninth pass's tuning pool per
// set and part (A: bit 0 of FNV-1a 32 of the text is 0, B: 1): helped,
// confident-wrong, and per expected kind guide/none/human with the
// outcomes (development aid; LOTSE_TUNE=1). LOTSE_NONE_DUMP=FILE writes
// part A's misses only; part B's rows are never written.
func TestNoneParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	var dump strings.Builder
	var tot [2]Tally
	var guideTot [2]int
	for _, name := range none9PoolNames {
		s := scopeSet(t, name)
		for part := 0; part < 2; part++ {
			qs := partQs(s.qs, part == 1)
			if len(qs) == 0 {
				continue
			}
			rep := Evaluate(s.lib, qs, Options{Cases: true})
			l := fmt.Sprintf("%-12s %c all %3d/%3d cw %d", name, "AB"[part], rep.Total.Helped, rep.Total.Messages, rep.Total.ConfidentWrong)
			for _, k := range []string{"guide", "none", "human"} {
				if tl := rep.ByExpected[k]; tl != nil {
					l += fmt.Sprintf(" | %s %d/%d cw %d (a %d c %d n %d h %d)", k, tl.Helped, tl.Messages, tl.ConfidentWrong,
						tl.Outcomes[Answer], tl.Outcomes[Choose], tl.Outcomes[None], tl.Outcomes[Human])
				}
			}
			fmt.Println(l)
			tot[part].Messages += rep.Total.Messages
			tot[part].Helped += rep.Total.Helped
			tot[part].ConfidentWrong += rep.Total.ConfidentWrong
			if tl := rep.ByExpected["guide"]; tl != nil {
				guideTot[part] += tl.Helped
			}
			if part == 1 {
				continue
			}
			dumpMisses(&dump, name, s.lib, rep)
		}
	}
	for part := range tot {
		fmt.Printf("pool %c all %d/%d cw %d guide %d\n", "AB"[part], tot[part].Helped, tot[part].Messages, tot[part].ConfidentWrong, guideTot[part])
	}
	if f := os.Getenv("LOTSE_NONE_DUMP"); f != "" {
		if err := os.WriteFile(f, []byte(dump.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// refitTally is helped, messages and confident-wrong of one set and part;
// cwLimit is the set's confident-wrong limit (bench: 3 % of the
// answerable questions, first messages: 1 in 50 messages).
type refitTally struct{ helped, messages, cw, answerable, answers int }

// refitTable evaluates every set per part: [set][part].
func refitTable(sets []poolSet, parts ...int) [][2]refitTally {
	out := make([][2]refitTally, len(sets))
	for i, s := range sets {
		for _, p := range parts {
			rep := Evaluate(s.lib, partQs(s.qs, p == 1), Options{Cases: true})
			t := refitTally{helped: rep.Total.Helped, messages: rep.Total.Messages, cw: rep.Total.ConfidentWrong, answers: rep.Total.Outcomes[Answer]}
			if g := rep.ByExpected["guide"]; g != nil {
				t.answerable = g.Messages
			}
			out[i][p] = t
		}
	}
	return out
}

// cwOK reports whether a set's confident-wrong keeps its limit (whole set).
func cwOK(name string, t refitTally) bool {
	if strings.HasPrefix(name, "bench") {
		return float64(t.cw) <= 0.03*float64(t.answerable)
	}
	return float64(t.cw) <= float64(t.messages)/50
}

func printRefitTable(sets []poolSet, before, after [][2]refitTally) {
	var tb, ta [2]refitTally
	for i, s := range sets {
		for p := 0; p < 2; p++ {
			b, a := before[i][p], after[i][p]
			fmt.Printf("%-12s %c %3d → %3d /%3d  cw %d → %d\n", s.name, "AB"[p], b.helped, a.helped, a.messages, b.cw, a.cw)
			tb[p].helped += b.helped
			tb[p].cw += b.cw
			ta[p].helped += a.helped
			ta[p].cw += a.cw
			ta[p].messages += a.messages
		}
		whole := refitTally{helped: after[i][0].helped + after[i][1].helped, messages: after[i][0].messages + after[i][1].messages,
			cw: after[i][0].cw + after[i][1].cw, answerable: after[i][0].answerable + after[i][1].answerable}
		if !cwOK(s.name, whole) {
			fmt.Printf("%-12s   CONFIDENT-WRONG LIMIT BROKEN: %d\n", s.name, whole.cw)
		}
	}
	for p := 0; p < 2; p++ {
		fmt.Printf("pool %c %d → %d /%d  cw %d → %d\n", "AB"[p], tb[p].helped, ta[p].helped, ta[p].messages, tb[p].cw, ta[p].cw)
	}
}

// TestRefitParts prints the decision per set and part on the whole pool
// (development aid; LOTSE_TUNE=1).
func TestRefitParts(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := refitSets(t)
	now := refitTable(sets, 0, 1)
	printRefitTable(sets, now, now)
}

// TestRefitGate sweeps the answer gate's thresholds (calib.minLead,
// minAnswer, siblingLead) on the whole pool: helped and confident-wrong
// on part A (to choose), part B (to check), and whether every tune set
// keeps its confident-wrong limit (bench ≤ 3 % of the answerable, first
// messages ≤ 1 in 50) (development aid; LOTSE_TUNE=1).
func TestRefitGate(t *testing.T) {
	if os.Getenv("LOTSE_TUNE") == "" {
		t.Skip("set LOTSE_TUNE")
	}
	sets := refitSets(t)
	old := calib
	defer func() { calib = old }()
	var base []int // confident-wrong per set as embedded
	run := func(label string) {
		tab := refitTable(sets, 0, 1)
		var tot [2]refitTally
		broken, rises := []string{}, []string{}
		for i, s := range sets {
			if base == nil || len(base) < len(sets) {
				base = append(base, tab[i][0].cw+tab[i][1].cw)
			}
			if c := tab[i][0].cw + tab[i][1].cw; c > base[i] {
				rises = append(rises, s.name)
			}
			whole := refitTally{}
			for p := 0; p < 2; p++ {
				tot[p].helped += tab[i][p].helped
				tot[p].cw += tab[i][p].cw
				tot[p].answers += tab[i][p].answers
				whole.helped += tab[i][p].helped
				whole.messages += tab[i][p].messages
				whole.cw += tab[i][p].cw
				whole.answerable += tab[i][p].answerable
			}
			if !cwOK(s.name, whole) {
				broken = append(broken, s.name)
			}
		}
		fmt.Printf("%s: A %d cw %d answers %d | B %d cw %d answers %d | limits broken %v, confident-wrong rises on %v\n", label, tot[0].helped, tot[0].cw, tot[0].answers, tot[1].helped, tot[1].cw, tot[1].answers, broken, rises)
	}
	run(fmt.Sprintf("embedded minLead %.2f minAnswer %.3f siblingLead %.2f", old.minLead, old.minAnswer, old.siblingLead))
	for lead := 0.20; lead <= 0.405; lead += 0.02 {
		for ans := 0.40; ans <= 0.751; ans += 0.025 {
			calib = old
			calib.minLead, calib.minAnswer = lead, ans
			run(fmt.Sprintf("minLead %.2f minAnswer %.3f", lead, ans))
		}
	}
	for sib := 0.28; sib <= 0.50; sib += 0.02 {
		calib = old
		calib.siblingLead = sib
		run(fmt.Sprintf("siblingLead %.2f", sib))
	}
}
