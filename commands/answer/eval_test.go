package answer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/guides"
	"github.com/lotse-bot/lotse/guides/search"
)

func loadLibrary(tb testing.TB) *guides.Library {
	tb.Helper()
	lib, _, err := guides.Load(filepath.Join("..", "..", "library"))
	if err != nil {
		tb.Fatal(err)
	}
	return lib
}

// checkTalk decides msg on lib (cases on) and checks that it is small
// talk of kind want or, for want "", no small talk at all; it returns the
// decision for further checks.
func checkTalk(t *testing.T, lib Library, msg string, want Talk) Decision {
	t.Helper()
	d := Decide(msg, lib, Options{Cases: true})
	if want == "" {
		if d.Outcome == SmallTalk {
			t.Errorf("%q: small talk %s (%q), want none", msg, d.Talk, d.Reply)
		}
	} else if d.Outcome != SmallTalk || d.Talk != want {
		t.Errorf("%q: %s %s %v %q, want small talk %s", msg, d.Outcome, d.Talk, d.Guides(), d.Reply, want)
	}
	return d
}

// loadBenchLibrary loads the bench guides (../shared/bench/guides) and
// skips the test when they are not above the checkout — or fails it with
// LOTSE_BENCH=require (CI), so that a missing bench never passes as a
// skipped guard.
func loadBenchLibrary(tb testing.TB) *guides.Library {
	tb.Helper()
	dir := benchDir()
	if dir == "" {
		if os.Getenv("LOTSE_BENCH") == "require" {
			tb.Fatal("shared/bench not found above the checkout, and LOTSE_BENCH=require")
		}
		tb.Skip("shared/bench not found")
	}
	lib, _, err := guides.Load(filepath.Join(dir, "guides"))
	if err != nil {
		tb.Fatal(err)
	}
	return lib
}

func loadSet(tb testing.TB, half string) []search.Question {
	tb.Helper()
	qs, err := search.ReadQuestionsFile(frozenFile(tb, "testdata", "first-messages-"+half))
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// frozenFile is the one question file dir/name-DATE.tsv: a set's file
// carries the date it was frozen (2026-12-04, or 2026-12-05 for the sets
// written in the sixth pass), and there must be exactly one per set.
func frozenFile(tb testing.TB, dir, name string) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, name+"-2026-[01][0-9]-[0-3][0-9].tsv"))
	if err != nil || len(files) != 1 {
		tb.Fatalf("question set %s in %s: want exactly one frozen file, found %v (%v)", name, dir, files, err)
	}
	return files[0]
}

// floorRow is a question set and the floors the decision holds on it
// (TestFloors, TestTuneFloors).
type floorRow struct {
	name string
	load func(testing.TB) (*guides.Library, []search.Question)
	// minHelped is the floor of the helped share (in %, for the
	// message); maxConfidentWrong the most confident wrong answers.
	minHelped         float64
	maxConfidentWrong int
	// kinds are non-guide kinds each recognised at least mostly
	// (80 % helped).
	kinds []string
}

// firstMessages and bench load a set of the first messages (with the
// project's library) or of the bench questions (with the bench guides).
func firstMessages(half string) func(testing.TB) (*guides.Library, []search.Question) {
	return func(tb testing.TB) (*guides.Library, []search.Question) {
		return loadLibrary(tb), loadSet(tb, half)
	}
}

func bench(half string) func(testing.TB) (*guides.Library, []search.Question) {
	return func(tb testing.TB) (*guides.Library, []search.Question) {
		return loadBenchHalf(tb, half)
	}
}

// checkFloorRows decides each row's set (cases on, as in a direct chat)
// and checks it against the row's floors; -v prints the report.
func checkFloorRows(t *testing.T, rows []floorRow) {
	t.Helper()
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			lib, qs := tc.load(t)
			r := Evaluate(lib, qs, Options{Cases: true})
			if testing.Verbose() {
				r.Write(os.Stdout)
			}
			if got := Rate(r.Total.Helped, r.Total.Messages); got < tc.minHelped/100 {
				t.Errorf("helped %.1f %%, want >= %.0f %%", 100*got, tc.minHelped)
			}
			if r.Total.ConfidentWrong > tc.maxConfidentWrong {
				t.Errorf("%d confident wrong answers, want at most %d", r.Total.ConfidentWrong, tc.maxConfidentWrong)
			}
			for _, k := range tc.kinds {
				if tl := r.ByExpected[k]; tl == nil || Rate(tl.Helped, tl.Messages) < 0.8 {
					t.Errorf("%s: %+v, want at least 80 %% helped", k, tl)
				}
			}
		})
	}
}

// TestTuneFloors guards the decision on the TUNING sets (tuned on, so no
// measure of quality — a regression guard, like TestEvalBenchTunePool for
// the ranking) with floors a little below what it achieves: one point
// under the helped share, one more confident wrong answer. Measured at
// 1d7c14f (`lotse ask --eval`, cases on):
//
//	first messages tune   95/99  = 96.0 %, 0 confident wrong
//	first messages tune2 176/184 = 95.7 %, 0
//	first messages tune3 176/186 = 94.6 %, 1
//	first messages tune4 150/157 = 95.5 %, 1 (measured at c48fcfb,
//	                     after the sixth pass's small talk, criticism
//	                     and person grammar: small talk 20/20, requests
//	                     for a person 49/50; at 1d7c14f it was
//	                     113/157 = 72.0 %, 3, and a floor there would
//	                     not notice the sixth pass undone)
//	bench tune            78/80  = 97.5 %, 0
//	bench tune2          177/187 = 94.7 %, 0
//	bench tune3          168/185 = 90.8 %, 0
//
// The seventh pass's tune sets (written blind in the sixth, measured at
// a057232, after the lift of scope7):
//
//	first messages tune5 135/164 = 82.3 %, 1 (134/164 at 3629c50)
//	bench tune4          154/179 = 86.0 %, 2 (141/179 at 3629c50)
//
// and bench tune2/tune3 rose with the lift to 178/187 and 170/185.
//
// The eighth pass's tune sets (written blind in the seventh, measured at
// 086b72c, after the vocabulary of other things):
//
//	first messages tune6 166/185 = 89.7 %, 2 (156/185, 4 at 70d35f7)
//	bench tune5          156/182 = 85.7 %, 2 (152/182 at 70d35f7)
//
// and first messages tune5 rose to 140/164 (85.4 %), tune4 to 151/157.
//
// The ninth pass's tune sets (written blind in the eighth, measured at
// 786f86c, after the one weak-evidence model of refit9):
//
//	first messages tune7 158/180 = 87.8 %, 0 (157/180 at de7656b)
//	bench tune6          158/185 = 85.4 %, 2 (155/185 at de7656b)
//
// and bench tune2 fell to 175/187 (93.6 %) with that model.
func TestTuneFloors(t *testing.T) {
	talk := []string{"smalltalk", "human"}
	checkFloorRows(t, []floorRow{
		{"FirstMessagesTune", firstMessages("tune"), 95, 1, talk},
		{"FirstMessagesTune2", firstMessages("tune2"), 94, 1, talk},
		{"FirstMessagesTune3", firstMessages("tune3"), 93, 2, talk},
		{"FirstMessagesTune4", firstMessages("tune4"), 94, 2, talk},
		{"FirstMessagesTune5", firstMessages("tune5"), 84, 2, nil},
		{"FirstMessagesTune6", firstMessages("tune6"), 88, 3, talk},
		{"FirstMessagesTune7", firstMessages("tune7"), 86, 2, talk},
		{"BenchTune", bench("tune"), 96, 1, nil},
		{"BenchTune2", bench("tune2"), 93, 1, nil},
		{"BenchTune3", bench("tune3"), 90, 1, nil},
		{"BenchTune4", bench("tune4"), 85, 3, nil},
		{"BenchTune5", bench("tune5"), 84, 3, nil},
		{"BenchTune6", bench("tune6"), 84, 3, nil},
		// The eleventh pass's tuning data, written blind at its start under
		// the judges' writers' brief: bench tune7 156 of 168 (152 at the
		// start), first messages tune8 174 of 182 (170 at the start).
		{"BenchTune7", bench("tune7"), 90, 2, nil},
		{"FirstMessagesTune8", firstMessages("tune8"), 93, 1, talk},
		// The twelfth pass's tuning data, written blind at its start
		// under the same brief: bench tune8 168 → 169 of 185 (2
		// confident wrong), first messages tune9 169 → 171 of 183 (1).
		{"BenchTune8", bench("tune8"), 89, 2, nil},
		{"FirstMessagesTune9", firstMessages("tune9"), 91, 1, talk},
		// The thirteenth pass's tuning data, written blind at its start
		// under the same brief: bench tune9 157 of 188 (2 confident
		// wrong) at the start and the end, first messages tune10 178 of
		// 185 (0).
		{"BenchTune9", bench("tune9"), 82, 3, nil},
		{"FirstMessagesTune10", firstMessages("tune10"), 95, 1, talk},
	})
}

// TestFloors checks the decision on the held-out sets (never tuned on)
// against floors a little below what it achieves; one row per set.
func TestFloors(t *testing.T) {
	checkFloorRows(t, []floorRow{
		// Measured after the seventh quality pass (docs/passes/07.md,
		// "Seventh quality pass: the held-out figures"); each floor sits a
		// little below.
		//
		// The checking half of the first messages: helped 78 of 81 =
		// 96.3 %, no confident wrong answer in 24.
		{"FirstMessagesCheck", firstMessages("check"), 93, 1, []string{"smalltalk", "human"}},
		// The checking half of the bench questions: helped 63 of 70 =
		// 90.0 %, no confident wrong answer in 29. The sixth pass lost
		// one (63 → 62: a guide question gets the offer of a person,
		// unread), the seventh's lift won one back.
		{"BenchCheck", bench("check"), 89, 1, nil},
		// The fresh held-out first messages
		// (testdata/first-messages-fresh-2026-12-04.tsv: written before
		// the first quality pass): helped 94 of 98 = 95.9 %, no confident
		// wrong answer in 36.
		{"FirstMessagesFresh", firstMessages("fresh"), 93, 1, nil},
		// The fresh held-out bench questions
		// (guides/search/testdata/bench-fresh-2026-12-04.tsv): helped 95
		// of 100 (93 before the sixth pass, 94 before the eighth), 1
		// confident wrong answer in 46.
		{"BenchFresh", bench("fresh"), 92, 2, nil},
		// The unseen first messages
		// (testdata/first-messages-unseen-2026-12-04.tsv: written and
		// committed before the second quality pass changed the engine):
		// helped 110 of 114 = 96.5 %, 1 confident wrong answer in 46.
		{"FirstMessagesUnseen", firstMessages("unseen"), 93, 2, nil},
		// The unseen bench questions
		// (guides/search/testdata/bench-unseen-2026-12-04.tsv): helped 65
		// of 67 = 97.0 %, no confident wrong answer in 32.
		{"BenchUnseen", bench("unseen"), 94, 1, nil},
		// The sealed first messages
		// (testdata/first-messages-sealed-2026-12-04.tsv: written and
		// committed before the third quality pass changed the engine):
		// helped 167 of 177 = 94.4 %, 1 confident wrong answer in 60.
		{"FirstMessagesSealed", firstMessages("sealed"), 92, 2, []string{"smalltalk", "human"}},
		// The sealed bench questions
		// (guides/search/testdata/bench-sealed-2026-12-04.tsv): helped 151
		// of 162 = 93.2 %, no confident wrong answer in 46.
		{"BenchSealed", bench("sealed"), 91, 1, nil},
		// The second sealed first messages
		// (testdata/first-messages-sealed2-2026-12-04.tsv: written blind
		// and committed in aa3d989, before the fourth quality pass changed
		// the engine): helped 174 of 186 = 93.5 % (172 before the eighth
		// pass's vocabulary of other things), 2 confident wrong answers.
		{"FirstMessagesSealed2", firstMessages("sealed2"), 92, 3, []string{"smalltalk", "human"}},
		// The second sealed bench questions
		// (guides/search/testdata/bench-sealed2-2026-12-04.tsv): helped 149
		// of 171 = 87.1 % (142 before the seventh pass's lift, 148 before
		// the eighth), 1 confident wrong answer in 34.
		{"BenchSealed2", bench("sealed2"), 84, 2, nil},
		// The third sealed first messages
		// (testdata/first-messages-sealed3-2026-12-04.tsv: written blind
		// and committed in 45bc3bd, before the fifth quality pass changed
		// the engine, and run once, at its end): helped 171 of 180 =
		// 95.0 % (170 before the eighth pass), 2 confident wrong answers. Requests for a person
		// were recognised 9 of 12 times before the sixth pass, 11 of 12
		// after it.
		{"FirstMessagesSealed3", firstMessages("sealed3"), 93, 3, []string{"smalltalk", "human"}},
		// The third sealed bench questions
		// (guides/search/testdata/bench-sealed3-2026-12-04.tsv): helped 166
		// of 189 = 87.8 % (159 before the seventh pass's lift, 164 before
		// the eighth), 2 confident wrong answers (1 before the eighth).
		{"BenchSealed3", bench("sealed3"), 86, 2, nil},
		// The fourth sealed first messages
		// (testdata/first-messages-sealed4-2026-12-04.tsv: written blind
		// and committed in 4258d8b, before the fifth quality pass changed
		// the engine, and run once, at the end of the sixth pass, the
		// pass it judged): helped 173 of 187 = 92.5 % (172 after the
		// sixth pass), 3 confident wrong answers in 52 (4 at the start of
		// the sixth pass); requests for a person 12 of 12.
		{"FirstMessagesSealed4", firstMessages("sealed4"), 90, 3, []string{"smalltalk", "human"}},
		// The fourth sealed bench questions
		// (guides/search/testdata/bench-sealed4-2026-12-04.tsv): helped 155
		// of 180 = 86.1 % (148 before the seventh pass's lift), 3
		// confident wrong answers in 37 (2 of 160 answerable, 1 of 20
		// out of scope).
		{"BenchSealed4", bench("sealed4"), 84, 4, nil},
		// The fifth sealed first messages
		// (testdata/first-messages-sealed5-2026-12-05.tsv: written blind
		// and committed in 1fc28c3, before the seventh quality pass
		// changed the engine, and run once, at the end of that pass, the
		// pass it judged): helped 170 of 187 = 90.9 % (the same at its
		// start), 1 confident wrong answer in 51 (none after the eighth
		// pass, helped unchanged); small talk 14 of 15,
		// requests for a person 11 of 12.
		{"FirstMessagesSealed5", firstMessages("sealed5"), 89, 2, []string{"smalltalk", "human"}},
		// The fifth sealed bench questions
		// (guides/search/testdata/bench-sealed5-2026-12-05.tsv): helped 159
		// of 179 = 88.8 % (154 at the start of the seventh pass); 157 =
		// 87.7 % after the eighth (its price on this set); 2 confident
		// wrong answers (both of 159 answerable).
		{"BenchSealed5", bench("sealed5"), 87, 3, nil},
		// The sixth sealed first messages
		// (testdata/first-messages-sealed6-2026-12-05.tsv: written blind
		// and committed in 402111e, before the eighth quality pass changed
		// the engine, and run once, at the end of that pass, the pass it
		// judged): helped 174 of 186 = 93.5 % (the same at its start),
		// 2 confident wrong answers; small talk 14 of 15, requests for a
		// person 12 of 12.
		{"FirstMessagesSealed6", firstMessages("sealed6"), 92, 3, []string{"smalltalk", "human"}},
		// The sixth sealed bench questions
		// (guides/search/testdata/bench-sealed6-2026-12-05.tsv): helped 154
		// of 181 = 85.1 % (152 at the start of the eighth pass), no
		// confident wrong answer; out of scope 18 of 20 (16 at the start).
		{"BenchSealed6", bench("sealed6"), 83, 1, nil},
		// The seventh sealed first messages
		// (testdata/first-messages-sealed7-2026-12-05.tsv: written blind
		// and committed in a0dd1aa, before the eighth quality pass changed
		// the engine, and run once, at the end of the ninth pass, the pass
		// it judged): helped 166 of 181 = 91.7 % (the same at the start of
		// the eighth pass and of the ninth), 1 confident wrong answer;
		// small talk 14 of 15, requests for a person 12 of 12.
		{"FirstMessagesSealed7", firstMessages("sealed7"), 90, 2, []string{"smalltalk", "human"}},
		// The seventh sealed bench questions
		// (guides/search/testdata/bench-sealed7-2026-12-05.tsv): helped 148
		// of 172 = 86.0 % (144 at the start of the eighth and of the ninth
		// pass), 2 confident wrong answers (both of 152 answerable).
		{"BenchSealed7", bench("sealed7"), 84, 3, nil},
		// The eighth sealed first messages
		// (testdata/first-messages-sealed8-2026-12-05.tsv: written blind
		// and committed in c852da3, after the eighth pass, and run once,
		// at the end of the tenth pass, the pass it judged): helped 166 of
		// 185 = 89.7 % (the same at the start of the session), 2 confident
		// wrong answers; small talk 14 of 15, requests for a person 11 of 12.
		{"FirstMessagesSealed8", firstMessages("sealed8"), 88, 3, []string{"smalltalk", "human"}},
		// The eighth sealed bench questions
		// (guides/search/testdata/bench-sealed8-2026-12-05.tsv): helped 159
		// of 179 = 88.8 % (158 at the start of the session), no confident
		// wrong answer.
		{"BenchSealed8", bench("sealed8"), 87, 1, nil},
		// The ninth sealed first messages
		// (testdata/first-messages-sealed9-2026-12-05.tsv: written blind
		// and committed in b1bad0b, before the eleventh pass, and run once
		// per binary, at the end of the eleventh pass, the pass it judged):
		// helped 173 of 182 = 95.1 % (170 at the pass's start), no
		// confident wrong answer (1 at the start); small talk 14 of 15,
		// requests for a person 12 of 12.
		{"FirstMessagesSealed9", firstMessages("sealed9"), 93, 2, []string{"smalltalk", "human"}},
		// The ninth sealed bench questions
		// (guides/search/testdata/bench-sealed9-2026-12-05.tsv): helped 152
		// of 175 = 86.9 % (the same at the pass's start), no confident
		// wrong answer.
		{"BenchSealed9", bench("sealed9"), 85, 1, nil},
		// The tenth sealed first messages, the judge of the twelfth
		// pass (testdata/first-messages-sealed10-2026-12-05.tsv: written
		// blind in the eleventh pass's session, never run before): helped
		// 175 of 188 = 93.1 % at the pass's start and end, 1 confident
		// wrong answer.
		{"FirstMessagesSealed10", firstMessages("sealed10"), 91, 2, []string{"smalltalk", "human"}},
		// The tenth sealed bench questions
		// (guides/search/testdata/bench-sealed10-2026-12-05.tsv): helped
		// 158 of 179 = 88.3 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed10", bench("sealed10"), 86, 1, nil},
		// The eleventh sealed first messages, the judge of the thirteenth
		// pass (testdata/first-messages-sealed11-2026-12-05.tsv: written
		// blind in the twelfth pass's session): helped 168 of 187 = 89.8 %
		// at the pass's start and end, 3 confident wrong answers.
		{"FirstMessagesSealed11", firstMessages("sealed11"), 88, 4, []string{"smalltalk", "human"}},
		// The eleventh sealed bench questions
		// (guides/search/testdata/bench-sealed11-2026-12-05.tsv): helped
		// 156 of 188 = 83.0 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed11", bench("sealed11"), 82, 1, nil},
		// The twelfth sealed first messages, the judge of the fourteenth
		// pass (testdata/first-messages-sealed12-2026-12-05.tsv: written
		// blind in the thirteenth pass's session): helped 170 of 186 =
		// 91.4 % at the pass's start and end, 1 confident wrong answer.
		{"FirstMessagesSealed12", firstMessages("sealed12"), 89, 2, []string{"smalltalk", "human"}},
		// The twelfth sealed bench questions
		// (guides/search/testdata/bench-sealed12-2026-12-05.tsv): helped
		// 162 of 188 = 86.2 % at the start and end, 1 confident wrong
		// answer.
		{"BenchSealed12", bench("sealed12"), 84, 2, nil},
		// The thirteenth sealed first messages, the judge of the fifteenth
		// pass (testdata/first-messages-sealed13-2026-12-05.tsv: written
		// blind in the fourteenth pass's session): helped 172 of 185 =
		// 93.0 % at the pass's start and end, 1 confident wrong answer.
		{"FirstMessagesSealed13", firstMessages("sealed13"), 91, 2, []string{"smalltalk", "human"}},
		// The thirteenth sealed bench questions
		// (guides/search/testdata/bench-sealed13-2026-12-05.tsv): helped
		// 157 of 188 = 83.5 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed13", bench("sealed13"), 81, 1, nil},
		// The fourteenth sealed first messages, the judge of the sixteenth
		// pass (testdata/first-messages-sealed14-2026-12-05.tsv: written
		// blind in the fifteenth pass's session): helped 172 of 185 =
		// 93.0 % at the pass's start and end, 1 confident wrong answer.
		{"FirstMessagesSealed14", firstMessages("sealed14"), 91, 2, []string{"smalltalk", "human"}},
		// The fourteenth sealed bench questions
		// (guides/search/testdata/bench-sealed14-2026-12-05.tsv): helped
		// 161 of 188 = 85.6 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed14", bench("sealed14"), 83, 1, nil},
		// The fifteenth sealed first messages, the judge of the seventeenth
		// pass (testdata/first-messages-sealed15-2026-12-05.tsv: written
		// blind in the sixteenth pass's session, against the library
		// before the seventeenth pass added two guides): helped 174 of 185
		// = 94.1 % at the pass's start, 175 = 94.6 % at its end (with the
		// old library and with the new one), 1 confident wrong answer.
		{"FirstMessagesSealed15", firstMessages("sealed15"), 92, 2, []string{"smalltalk", "human"}},
		// The fifteenth sealed bench questions
		// (guides/search/testdata/bench-sealed15-2026-12-05.tsv): helped
		// 165 of 188 = 87.8 % at the start, 166 = 88.3 % at the end, 1
		// confident wrong answer.
		{"BenchSealed15", bench("sealed15"), 86, 2, nil},
		// The sixteenth sealed first messages, the judge of the eighteenth
		// pass (testdata/first-messages-sealed16-2026-12-05.tsv: written
		// blind in the seventeenth pass's session, against the library with
		// that pass's two new guides): helped 175 of 185 = 94.6 % at the
		// pass's start and end, no confident wrong answer.
		{"FirstMessagesSealed16", firstMessages("sealed16"), 92, 2, []string{"smalltalk", "human"}},
		// The sixteenth sealed bench questions
		// (guides/search/testdata/bench-sealed16-2026-12-05.tsv): helped
		// 165 of 188 = 87.8 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed16", bench("sealed16"), 85, 2, nil},
		// The seventeenth sealed first messages, the judge of the
		// nineteenth pass (testdata/first-messages-sealed17-2026-12-06.tsv:
		// written blind in the eighteenth pass's session): helped 169 of
		// 185 = 91.4 % at the pass's start, 170 = 91.9 % at its end, 1
		// confident wrong answer (a message no guide covers).
		{"FirstMessagesSealed17", firstMessages("sealed17"), 89, 2, []string{"smalltalk", "human"}},
		// The seventeenth sealed bench questions
		// (guides/search/testdata/bench-sealed17-2026-12-06.tsv): helped
		// 162 of 188 = 86.2 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed17", bench("sealed17"), 83, 2, nil},
		// The eighteenth sealed first messages, the judge of the twentieth
		// pass (testdata/first-messages-sealed18-2026-12-06.tsv: written
		// blind in the nineteenth pass's session): helped 173 of 185 =
		// 93.5 % at the pass's start, 175 = 94.6 % at its end (the edited
		// guide bodies and the title share of the re-ranking), 1 confident
		// wrong answer (a message no guide covers).
		{"FirstMessagesSealed18", firstMessages("sealed18"), 91, 2, []string{"smalltalk", "human"}},
		// The eighteenth sealed bench questions
		// (guides/search/testdata/bench-sealed18-2026-12-06.tsv): helped
		// 171 of 188 = 91.0 % at the start and end, 1 confident wrong
		// answer.
		{"BenchSealed18", bench("sealed18"), 88, 2, nil},
		// The nineteenth sealed first messages, the judge of the
		// twenty-first pass (testdata/first-messages-sealed19-2026-12-06.tsv:
		// written blind in the twentieth pass's session): helped 175 of 189
		// = 92.6 % at the pass's start and end (the engine did not change),
		// 1 confident wrong answer (a message no guide covers).
		{"FirstMessagesSealed19", firstMessages("sealed19"), 90, 2, []string{"smalltalk", "human"}},
		// The nineteenth sealed bench questions
		// (guides/search/testdata/bench-sealed19-2026-12-06.tsv): helped
		// 167 of 188 = 88.8 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed19", bench("sealed19"), 86, 2, nil},
		// The twentieth sealed first messages, the judge of the
		// twenty-second pass (testdata/first-messages-sealed20-2026-12-06.tsv:
		// written blind in the twenty-first pass's session): helped 174 of
		// 185 = 94.1 % at the pass's start and end (its engine changes,
		// the bound thing and a second blind vocabulary, moved none of its
		// messages), no confident wrong answer.
		{"FirstMessagesSealed20", firstMessages("sealed20"), 91, 2, []string{"smalltalk", "human"}},
		// The twentieth sealed bench questions
		// (guides/search/testdata/bench-sealed20-2026-12-06.tsv): helped
		// 167 of 188 = 88.8 % at the start and end, 1 confident wrong
		// answer.
		{"BenchSealed20", bench("sealed20"), 86, 2, nil},
		// The twenty-first sealed first messages, the judge of the
		// twenty-third pass (testdata/first-messages-sealed21-2026-12-06.tsv:
		// written blind in the twenty-second pass's session): helped 170 of
		// 185 = 91.9 % at the pass's start and end (its engine change, a
		// question whether a reported message is genuine, moved none of its
		// messages), no confident wrong answer.
		{"FirstMessagesSealed21", firstMessages("sealed21"), 90, 2, []string{"smalltalk", "human"}},
		// The twenty-first sealed bench questions
		// (guides/search/testdata/bench-sealed21-2026-12-06.tsv): helped
		// 168 of 188 = 89.4 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed21", bench("sealed21"), 87, 2, nil},
		// The twenty-second sealed first messages, the judge of the
		// twenty-fourth pass (testdata/first-messages-sealed22-2026-12-06.tsv:
		// written blind in the twenty-third pass's session): helped 174 of
		// 185 = 94.1 % at the pass's start and end (its engine change, a
		// rescued choice when one line of a guide names two words of the
		// message, moved none of its messages), 1 confident wrong answer.
		{"FirstMessagesSealed22", firstMessages("sealed22"), 92, 2, []string{"smalltalk", "human"}},
		// The twenty-second sealed bench questions
		// (guides/search/testdata/bench-sealed22-2026-12-06.tsv): helped
		// 174 of 188 = 92.6 % at the start, 173 = 92.0 % at the end (one
		// question no guide covers got a choice), no confident wrong answer.
		{"BenchSealed22", bench("sealed22"), 90, 2, nil},
		// The twenty-third sealed first messages, the judge of the
		// twenty-fifth pass (testdata/first-messages-sealed23-2026-12-06.tsv:
		// written blind in the twenty-fourth pass's session): helped 173 of
		// 185 = 93.5 % at the pass's start and end (its engine changes — a
		// pasted device message, the setting of a task, a reported mail's
		// claim — moved none of its outcomes), no confident wrong answer.
		{"FirstMessagesSealed23", firstMessages("sealed23"), 91, 2, []string{"smalltalk", "human"}},
		// The twenty-third sealed bench questions
		// (guides/search/testdata/bench-sealed23-2026-12-06.tsv): helped
		// 174 of 188 = 92.6 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed23", bench("sealed23"), 90, 2, nil},
		// The twenty-fourth sealed first messages, the judge of the
		// twenty-sixth pass (testdata/first-messages-sealed24-2026-12-06.tsv:
		// written blind in the twenty-fifth pass's session): helped 178 of
		// 185 = 96.2 % at the pass's start and end (its one kept engine
		// change, an English dictionary fallback, moved none of its
		// outcomes), no confident wrong answer.
		{"FirstMessagesSealed24", firstMessages("sealed24"), 94, 2, []string{"smalltalk", "human"}},
		// The twenty-fourth sealed bench questions
		// (guides/search/testdata/bench-sealed24-2026-12-06.tsv): helped
		// 170 of 188 = 90.4 % at the start and end, 1 confident wrong
		// answer.
		{"BenchSealed24", bench("sealed24"), 89, 2, nil},
		// The twenty-fifth sealed first messages, the judge of the
		// twenty-seventh pass (testdata/first-messages-sealed25-2026-12-06.tsv:
		// written blind in the twenty-sixth pass's session): helped 175 of
		// 185 = 94.6 % at the pass's start and end (its kept engine change,
		// a device named as the place of a task no longer vetoing a choice,
		// and two guides' added sentence moved none of its outcomes), no
		// confident wrong answer.
		{"FirstMessagesSealed25", firstMessages("sealed25"), 93, 2, []string{"smalltalk", "human"}},
		// The twenty-fifth sealed bench questions
		// (guides/search/testdata/bench-sealed25-2026-12-06.tsv): helped
		// 175 of 188 = 93.1 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed25", bench("sealed25"), 91, 2, nil},
		// The twenty-sixth sealed first messages, the judge of the
		// twenty-eighth pass (testdata/first-messages-sealed26-2026-12-07.tsv:
		// written blind in the twenty-seventh pass's session): helped 182 of
		// 185 = 98.4 % at the pass's start and end (its kept engine changes,
		// the contrastive reading of two close guides and the office's
		// contact guide, moved none of its outcomes; the raw top-1 of its
		// guide questions went from 118 to 117 of 125), no confident wrong
		// answer.
		{"FirstMessagesSealed26", firstMessages("sealed26"), 96, 2, []string{"smalltalk", "human"}},
		// The twenty-sixth sealed bench questions
		// (guides/search/testdata/bench-sealed26-2026-12-07.tsv): helped
		// 173 of 188 = 92.0 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed26", bench("sealed26"), 90, 2, nil},
		// The twenty-seventh sealed first messages, the judge of the
		// twenty-ninth pass (testdata/first-messages-sealed27-2026-12-07.tsv:
		// written blind in the twenty-eighth pass's session): helped 176 of
		// 185 = 95.1 % at the pass's start, no confident wrong
		// answer.
		{"FirstMessagesSealed27", firstMessages("sealed27"), 93, 2, []string{"smalltalk", "human"}},
		// The twenty-seventh sealed bench questions
		// (guides/search/testdata/bench-sealed27-2026-12-07.tsv): helped
		// 167 of 188 = 88.8 % at the start, two confident
		// wrong answers.
		{"BenchSealed27", bench("sealed27"), 87, 2, nil},
		// The twenty-eighth sealed first messages, the judge of the
		// thirtieth pass (testdata/first-messages-sealed28-2026-12-07.tsv:
		// written blind in the twenty-ninth pass's session): helped 176 of
		// 185 = 95.1 % at the pass's start and end (no engine change was
		// kept), no confident wrong answer.
		{"FirstMessagesSealed28", firstMessages("sealed28"), 93, 2, []string{"smalltalk", "human"}},
		// The twenty-eighth sealed bench questions
		// (guides/search/testdata/bench-sealed28-2026-12-07.tsv): helped
		// 174 of 188 = 92.6 % at the start and end, no confident wrong
		// answer.
		{"BenchSealed28", bench("sealed28"), 90, 2, nil},
		// The twenty-ninth sealed first messages, the judge of the
		// thirty-first pass (testdata/first-messages-sealed29-2026-12-07.tsv:
		// written blind in the thirtieth pass's session; its expected column
		// first named guides as library/… paths, cut to the guide IDs before
		// the first run): helped 175 of 185 = 94.6 % at the pass's start, no
		// confident wrong answer.
		{"FirstMessagesSealed29", firstMessages("sealed29"), 93, 2, []string{"smalltalk", "human"}},
		// The twenty-ninth sealed bench questions
		// (guides/search/testdata/bench-sealed29-2026-12-07.tsv): helped
		// 172 of 188 = 91.5 % at the start, no confident wrong answer.
		{"BenchSealed29", bench("sealed29"), 90, 2, nil},
		// The thirtieth sealed first messages, the judge of the
		// thirty-second pass (testdata/first-messages-sealed30-2026-12-07.tsv:
		// written blind in the thirty-first pass's session): helped 178 of
		// 185 = 96.2 % at the pass's start, no confident wrong answer.
		{"FirstMessagesSealed30", firstMessages("sealed30"), 94, 2, []string{"smalltalk", "human"}},
		// The thirtieth sealed bench questions
		// (guides/search/testdata/bench-sealed30-2026-12-07.tsv): helped
		// 174 of 188 = 92.6 % at the start, no confident wrong answer.
		{"BenchSealed30", bench("sealed30"), 90, 2, nil},
		// The thirty-first sealed first messages, the judge of the
		// thirty-third pass (testdata/first-messages-sealed31-2026-12-07.tsv:
		// written blind in the thirty-second pass's session): helped 176 of
		// 185 = 95.1 % at the pass's start, one confident wrong answer.
		{"FirstMessagesSealed31", firstMessages("sealed31"), 94, 2, []string{"smalltalk", "human"}},
		// The thirty-first sealed bench questions
		// (guides/search/testdata/bench-sealed31-2026-12-07.tsv, written a
		// second time blind after the first version was exposed): helped 174
		// of 188 = 92.6 % at the start, no confident wrong answer.
		{"BenchSealed31", bench("sealed31"), 90, 2, nil},
		// The thirty-second sealed first messages, the judge of the
		// thirty-fourth pass (testdata/first-messages-sealed32-2026-12-07.tsv:
		// written blind in the thirty-third pass's session): helped 173 of
		// 185 = 93.5 % at the pass's start, two confident wrong answers.
		{"FirstMessagesSealed32", firstMessages("sealed32"), 93, 3, []string{"smalltalk", "human"}},
		// The thirty-second sealed bench questions
		// (guides/search/testdata/bench-sealed32-2026-12-07.tsv): helped 170
		// of 188 = 90.4 % at the start, no confident wrong answer.
		{"BenchSealed32", bench("sealed32"), 90, 2, nil},
		// The thirty-third sealed first messages, the judge of the
		// thirty-fifth pass (testdata/first-messages-sealed33-2026-12-07.tsv:
		// written blind in the thirty-fourth pass's session): helped 172 of
		// 185 = 93.0 % at the pass's start, no confident wrong answer.
		{"FirstMessagesSealed33", firstMessages("sealed33"), 92, 3, []string{"smalltalk", "human"}},
		// The thirty-third sealed bench questions
		// (guides/search/testdata/bench-sealed33-2026-12-07.tsv): helped 170
		// of 188 = 90.4 % at the start, no confident wrong answer.
		{"BenchSealed33", bench("sealed33"), 90, 2, nil},
	})
}

// TestFrozenFirstMessages checks that the two halves are the hash split of
// the messages (each message in the half SplitByHash puts it in).
func TestFrozenFirstMessages(t *testing.T) {
	for _, h := range []struct {
		name string
		tune bool
	}{{"tune", true}, {"check", false}} {
		for _, q := range loadSet(t, h.name) {
			if search.InTuneHalf(q.Text) != h.tune {
				t.Errorf("%q is in the %s half, the hash says otherwise", q.Text, h.name)
			}
		}
	}
}

// searchOnly hides everything of a library but its search.
type searchOnly struct{ Library }

// TestEvaluateTeamRows: a message that expects a guide only the team sees
// is judged with the team's view (a member can never get that guide), and
// counted; a message that expects a member guide or a non-guide outcome
// stays a member's.
func TestEvaluateTeamRows(t *testing.T) {
	lib := loadLibrary(t)
	const teamGuide = "team/verpflichtungserklaerung-und-schulung.md"
	if g, ok := lib.Get(teamGuide); !ok || guides.VisibleTo(g, false) {
		t.Fatalf("%s must be a team-only guide of library/", teamGuide)
	}
	qs := []search.Question{
		{Text: "Wie gebe ich die Verpflichtungserklärung ab?", Expected: teamGuide},
		{Text: "Wie lege ich ein App-Passwort an?", Expected: "konto/app-passwoerter.md"},
		{Text: "wo bekomme ich Wahlplakate", Expected: "none"},
	}
	for _, tc := range []struct {
		name       string
		lib        Library
		opts       Options
		asTeam     int
		teamHelped bool
	}{
		{"member run", lib, Options{Cases: true}, 1, true},
		{"team run", lib, Options{Team: true, Cases: true}, 0, true},
		{"library without audiences", searchOnly{lib}, Options{Cases: true}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(tc.lib, qs, tc.opts)
			if r.AsTeam != tc.asTeam {
				t.Errorf("AsTeam = %d, want %d", r.AsTeam, tc.asTeam)
			}
			for i, res := range r.Results {
				if want := i == 0 && tc.asTeam > 0; res.AsTeam != want {
					t.Errorf("%q: AsTeam %v, want %v", res.Question.Text, res.AsTeam, want)
				}
			}
			if got := r.Results[0].Helped; got != tc.teamHelped {
				t.Errorf("team question helped %v, want %v (%s %v)", got, tc.teamHelped, r.Results[0].Decision.Outcome, r.Results[0].Decision.Guides())
			}
			if !r.Results[1].Helped {
				t.Errorf("member question not helped: %s %v", r.Results[1].Decision.Outcome, r.Results[1].Decision.Guides())
			}
			var out strings.Builder
			if err := r.Write(&out); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(out.String(), "judged as a team member: 1 "); got != (tc.asTeam == 1) {
				t.Errorf("report names the team rows: %v, want %v\n%s", got, tc.asTeam == 1, out.String())
			}
		})
	}
}
