//go:build race

package learn

// raceDetector: the simulated month (pure computation, no goroutines) is
// skipped under the race detector, which makes it ten times slower.
const raceDetector = true
