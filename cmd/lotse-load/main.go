// Command lotse-load measures Lotse under load against a bare mautrix echo
// bot on the same homeserver, in the same run, and runs fault scenarios.
//
// It starts the pinned Dendrite on loopback, builds and starts Lotse as a
// subprocess (so its peak memory can be read from /proc), generates a guide
// library and seeds support cases, then lets N members ask questions in
// encrypted DMs, concurrently. See docs/performance.md for the figures.
//
//	go run -tags goolm ./cmd/lotse-load -members 100 -questions 20 -guides 5000 -cases 100000 -faults all
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Options configure one load run.
type Options struct {
	Members   int
	Questions int
	Guides    int
	Cases     int
	// Faults to run after the load: kill, homeserver, ratelimit, dblock,
	// provisioning.
	Faults []string
	// FaultMembers and FaultQuestions size the fault runs.
	FaultMembers, FaultQuestions int
	// Kills is how often the kill fault SIGKILLs Lotse.
	Kills int
	// LotseBin is a prebuilt lotse binary (empty: build one).
	LotseBin string
	// KeepDir keeps the work folder (logs, databases).
	KeepDir bool
	Seed    uint64
	// Check makes the run fail when a target is missed.
	Check bool
	// GoMemLimit is Lotse's GOMEMLIMIT, as the Dockerfile and the systemd
	// unit set it ("" leaves it unset).
	GoMemLimit string
	// Rounds splits the questions into rounds that alternate the bots.
	Rounds int
	// EchoSize pads the echo bot's replies to this many bytes (0: bare echo).
	EchoSize int
	// ProvFail and ProvHang shape the provisioning fault: the Nextcloud and
	// BBB fakes answer 5xx for ProvFail, then hold every request beyond
	// Lotse's client timeout for ProvHang.
	ProvFail, ProvHang time.Duration
	// AccessBackoff is Lotse's access_retry_backoff (0: Lotse's default).
	AccessBackoff time.Duration
	// Relay is how many messages each member writes into an open support
	// case (relayed by Lotse into the team room) and to the bare relay bot
	// (0: no relay run).
	Relay int
}

func main() {
	var o Options
	var faults string
	flag.IntVar(&o.Members, "members", 100, "simulated members, each with its own account and encrypted DMs")
	flag.IntVar(&o.Questions, "questions", 20, "questions per member and bot")
	flag.IntVar(&o.Guides, "guides", 5000, "generated guides added to the starter library")
	flag.IntVar(&o.Cases, "cases", 100000, "support cases seeded into Lotse's database")
	flag.StringVar(&faults, "faults", "", "comma-separated fault runs after the load: kill,homeserver,ratelimit,dblock,provisioning or all")
	flag.IntVar(&o.FaultMembers, "fault-members", 20, "members in each fault run")
	flag.IntVar(&o.FaultQuestions, "fault-questions", 10, "questions per member in each fault run")
	flag.IntVar(&o.Kills, "kills", 5, "SIGKILLs in the kill fault run")
	flag.StringVar(&o.LotseBin, "lotse-bin", "", "prebuilt lotse binary (default: go build -tags goolm ./cmd/lotse)")
	flag.BoolVar(&o.KeepDir, "keep", false, "keep the work folder (logs, databases)")
	flag.Uint64Var(&o.Seed, "seed", uint64(time.Now().UnixNano()), "random seed (fault timing, generated guides)")
	flag.BoolVar(&o.Check, "check", false, "exit 1 when a target is missed")
	flag.IntVar(&o.Rounds, "rounds", 4, "alternate echo and Lotse in this many rounds (echo, Lotse, Lotse, echo, …)")
	flag.IntVar(&o.EchoSize, "echo-size", 0, "pad echo replies to this many bytes, like a guide answer (0: bare echo)")
	flag.StringVar(&o.GoMemLimit, "gomemlimit", "120MiB", "GOMEMLIMIT for the Lotse process, as deployed (empty: unset)")
	flag.DurationVar(&o.ProvFail, "prov-5xx", 6*time.Second, "provisioning fault: how long Nextcloud answers 503 and BBB 500")
	flag.DurationVar(&o.ProvHang, "prov-timeouts", 12*time.Second, "provisioning fault: then how long both hold requests beyond Lotse's client timeout")
	flag.DurationVar(&o.AccessBackoff, "access-backoff", 0, "Lotse's access_retry_backoff in the provisioning fault (0: Lotse's default)")
	flag.IntVar(&o.Relay, "relay", 0, "messages per member relayed into the team room, by Lotse (open case) and by a bare relay bot (0: no relay run)")
	flag.Parse()
	o.Faults = parseFaults(faults)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := Run(ctx, o, os.Stderr)
	if rep != nil {
		rep.Print(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lotse-load:", err)
		os.Exit(1)
	}
	if o.Check {
		if missed := rep.Missed(); len(missed) > 0 {
			fmt.Fprintln(os.Stderr, "lotse-load: targets missed:\n  "+strings.Join(missed, "\n  "))
			os.Exit(1)
		}
	}
}

func parseFaults(s string) []string {
	if s == "all" {
		return []string{"kill", "homeserver", "ratelimit", "dblock", "provisioning"}
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Report holds all figures of a run.
type Report struct {
	Opts             Options
	Echo, Lotse      *phase
	RSS              int64
	Setup            time.Duration
	SeedTook         time.Duration
	Confident, NoHit float64
	Faults           []*phase
	Load             string // /proc/loadavg at the end
	LotseRateLimited float64
	WarmupMissed     []string // bots that did not answer every warm-up message
	GoSys            float64  // Lotse's go_memstats_sys_bytes at the end
	GoHeapInuse      float64  // Lotse's go_memstats_heap_inuse_bytes at the end
	// RelayRef and RelayLotse are the relay runs: the bare relay bot and
	// Lotse relaying an open case's messages into the team room.
	RelayRef, RelayLotse *phase
}

// Missed lists the targets the run missed.
func (r *Report) Missed() []string {
	var out []string
	if r.Echo != nil && r.Lotse != nil {
		e, l := r.Echo.stats(), r.Lotse.stats()
		if float64(l.p99) > 1.25*float64(e.p99) {
			out = append(out, fmt.Sprintf("p99 %v > 1.25 × echo p99 %v", l.p99.Round(time.Millisecond), e.p99.Round(time.Millisecond)))
		}
		if l.throughput < 0.9*e.throughput {
			out = append(out, fmt.Sprintf("throughput %.1f/s < 0.9 × echo %.1f/s", l.throughput, e.throughput))
		}
		if l.lost > 0 || l.duplicated > 0 {
			out = append(out, fmt.Sprintf("load: lost %d, duplicated %d", l.lost, l.duplicated))
		}
	}
	if r.RSS >= 150<<20 {
		out = append(out, fmt.Sprintf("Lotse peak RSS %d MB ≥ 150 MB", r.RSS>>20))
	}
	for _, f := range r.Faults {
		s := f.stats()
		if s.lost-s.lostHomeserver > 0 || s.duplicated > 0 {
			out = append(out, fmt.Sprintf("%s: lost by Lotse %d, duplicated %d", f.name, s.lost-s.lostHomeserver, s.duplicated))
		}
		if s.recovery > 30*time.Second {
			out = append(out, fmt.Sprintf("%s: recovery %v > 30 s", f.name, s.recovery.Round(time.Millisecond)))
		}
		if f.incomplete > 0 {
			out = append(out, fmt.Sprintf("%s: %d steps never answered", f.name, f.incomplete))
		}
	}
	return out
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d.Microseconds())/1000) }

// Print writes the result tables.
func (r *Report) Print(w io.Writer) {
	o := r.Opts
	fmt.Fprintf(w, "\nLoad: %d members × %d questions (%d rounds), encrypted DMs, %d generated guides + starter library, %d seeded cases, Lotse GOMEMLIMIT=%q, echo answer padding %d\n",
		o.Members, o.Questions, max(1, o.Rounds), o.Guides, o.Cases, o.GoMemLimit, o.EchoSize)
	fmt.Fprintf(w, "setup %v (seeding cases %v); machine load at the end: %s\n\n", r.Setup.Round(time.Second), r.SeedTook.Round(time.Second), r.Load)
	if len(r.WarmupMissed) > 0 {
		fmt.Fprintf(w, "warm-up messages not answered within 60 s: %s\n\n", strings.Join(r.WarmupMissed, ", "))
	}
	if r.Echo != nil || r.Lotse != nil {
		fmt.Fprintf(w, "%-22s %6s %8s %6s %5s %9s %8s %8s %8s %9s\n", "bot", "asked", "answered", "dup", "lost", "answers/s", "p50 ms", "p95 ms", "p99 ms", "answer B")
	}
	for _, p := range []*phase{r.Echo, r.Lotse} {
		if p == nil {
			continue
		}
		s := p.stats()
		fmt.Fprintf(w, "%-22s %6d %8d %6d %5d %9.1f %8s %8s %8s %9d\n", p.name, s.asked, s.answered, s.duplicated, s.lost, s.throughput, ms(s.p50), ms(s.p95), ms(s.p99), p.answerBytes)
	}
	if r.Echo != nil && r.Lotse != nil {
		e, l := r.Echo.stats(), r.Lotse.stats()
		fmt.Fprintf(w, "\nLotse/echo: p99 ×%.2f (target ≤ 1.25), throughput ×%.2f (target ≥ 0.90)\n",
			float64(l.p99)/float64(max(e.p99, 1)), l.throughput/max(e.throughput, 0.001))
	}
	if r.RelayRef != nil && r.RelayLotse != nil {
		fmt.Fprintf(w, "\nRelay: member DM → encrypted team room, %d members × %d messages, latency until a team member sees it\n", r.RelayLotse.members, r.RelayLotse.perMember)
		fmt.Fprintf(w, "%-22s %6s %8s %6s %5s %9s %8s %8s %8s %11s\n", "bot", "sent", "relayed", "dup", "lost", "msgs/s", "p50 ms", "p95 ms", "p99 ms", "at HS p50")
		for _, p := range []*phase{r.RelayRef, r.RelayLotse} {
			s := p.stats()
			fmt.Fprintf(w, "%-22s %6d %8d %6d %5d %9.1f %8s %8s %8s %11s\n", p.name, s.asked, s.answered, s.duplicated, s.lost, s.throughput, ms(s.p50), ms(s.p95), ms(s.p99), ms(p.atServerP50()))
		}
		e, l := r.RelayRef.stats(), r.RelayLotse.stats()
		fmt.Fprintf(w, "Lotse/relay: p50 ×%.2f (target ≤ 1.05), p95 ×%.2f\n", float64(l.p50)/float64(max(e.p50, 1)), float64(l.p95)/float64(max(e.p95, 1)))
	}
	if r.RSS > 0 {
		fmt.Fprintf(w, "Lotse peak RSS (VmHWM): %.1f MB (target < 150 MB); at the end: Go runtime sys %.1f MB, heap in use %.1f MB\n",
			float64(r.RSS)/(1<<20), r.GoSys/(1<<20), r.GoHeapInuse/(1<<20))
	}
	if r.Confident >= 0 {
		fmt.Fprintf(w, "Lotse questions by outcome (its /metrics, incl. warm-up): confident %.0f, no guide %.0f\n", r.Confident, max(r.NoHit, 0))
	}
	if len(r.Faults) > 0 {
		each := fmt.Sprintf("at least %d questions each", o.FaultQuestions)
		if slices.Contains(o.Faults, "provisioning") {
			each += "; provisioning: one access request each"
		}
		fmt.Fprintf(w, "\nFault runs (%d members, %s)\n", o.FaultMembers, each)
		fmt.Fprintf(w, "%-12s %6s %8s %6s %5s %14s %14s %12s  %s\n", "fault", "asked", "answered", "dup", "lost", "lost by Lotse", "lost by HS", "recovery s", "notes")
		for _, f := range r.Faults {
			s := f.stats()
			var notes []string
			for _, fw := range f.faults {
				if fw.note != "" {
					notes = append(notes, fw.note)
				}
			}
			if f.extra > 0 {
				notes = append(notes, fmt.Sprintf("%d answers to re-sent questions the HS had taken before its crash", f.extra))
			}
			if f.sendErrs > 0 {
				notes = append(notes, fmt.Sprintf("%d sends failed for 2 min", f.sendErrs))
			}
			if f.incomplete > 0 {
				notes = append(notes, fmt.Sprintf("%d steps never answered", f.incomplete))
			}
			notes = append(notes, f.notes...)
			for _, q := range f.qs {
				if q.lostBy != "" {
					notes = append(notes, "lost "+q.name()+": "+q.lostBy)
				}
			}
			fmt.Fprintf(w, "%-12s %6d %8d %6d %5d %14d %14d %12.1f  %s\n", f.name, s.asked, s.answered, s.duplicated, s.lost,
				s.lost-s.lostHomeserver, s.lostHomeserver, s.recovery.Seconds(), strings.Join(notes, "; "))
		}
	}
}
