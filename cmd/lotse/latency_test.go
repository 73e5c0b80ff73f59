package main

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

// BenchmarkAnswerLatency measures the time from a member sending a question
// to seeing Lotse's answer, through the real homeserver, in a plain and an
// encrypted DM. It reports p50/p95/p99 in milliseconds.
//
//	go test -tags goolm -run XXX -bench AnswerLatency -benchtime 200x ./cmd/lotse/
func BenchmarkAnswerLatency(b *testing.B) {
	for _, encrypted := range []bool{false, true} {
		b.Run(fmt.Sprintf("encrypted=%v", encrypted), func(b *testing.B) {
			tt := b
			l := startLotse(tt, copyLibrary(tt), nil)
			m := newMember(tt, "bench")
			roomID := openDM(tt, m, l.userID, encrypted)
			ask(tt, m, roomID, l.userID, text("warm-up: passwort vergessen")) // first message of a session
			questions := []string{
				"passwort vergesen, wie komm ich wieder in die cloud",
				"mikro geht nicht in der videokonferenz",
				"wie teile ich einen ordner mit meiner ag",
				"2fa neues handy",
			}
			durations := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				ask(tt, m, roomID, l.userID, text(questions[i%len(questions)]))
				durations = append(durations, time.Since(start))
			}
			b.StopTimer()
			sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
			pct := func(p float64) float64 {
				idx := int(p * float64(len(durations)-1))
				return float64(durations[idx].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}
