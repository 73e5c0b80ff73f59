package main

import (
	"bytes"
	"testing"
)

// testWriter sends progress lines to t.Log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

// TestLoadShort is the CI version of the load program: 10 members × 6
// questions (2 rounds) against Lotse and the echo reference, then one SIGKILL of Lotse
// during load. It checks correctness (nothing lost, nothing answered twice,
// memory; recovery is logged) and only logs the latency ratio, which is
// too noisy on a shared CI machine to gate on. The full run and its figures:
// docs/performance.md.
func TestLoadShort(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Dendrite, builds and kills Lotse")
	}
	rep, err := Run(t.Context(), Options{
		Members: 10, Questions: 6, Rounds: 2, Guides: 500, Cases: 5000,
		Faults: []string{"kill"}, Kills: 1, FaultMembers: 10, FaultQuestions: 5, Seed: 1,
	}, testWriter{t})
	var out bytes.Buffer
	if rep != nil {
		rep.Print(&out)
		t.Log("\n" + out.String())
	}
	if err != nil {
		t.Fatal(err)
	}
	l := rep.Lotse.stats()
	if l.asked != 60 || l.lost != 0 || l.duplicated != 0 {
		t.Errorf("load: asked %d, lost %d, duplicated %d; want 60, 0, 0", l.asked, l.lost, l.duplicated)
	}
	if rep.RSS <= 0 || rep.RSS >= 150<<20 {
		t.Errorf("Lotse peak RSS %d bytes, want (0, 150 MB)", rep.RSS)
	}
	if len(rep.Faults) != 1 {
		t.Fatalf("%d fault runs, want 1", len(rep.Faults))
	}
	f := rep.Faults[0].stats()
	if f.lost != 0 || f.duplicated != 0 {
		t.Errorf("kill: lost %d, duplicated %d; want 0, 0", f.lost, f.duplicated)
	}
	// Recovery is a measured figure (docs/performance.md), logged, not asserted:
	// a shared CI machine stretches it.
	t.Logf("recovery %v", f.recovery)
}
