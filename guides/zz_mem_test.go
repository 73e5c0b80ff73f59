package guides

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestZZMem(t *testing.T) {
	dir := os.Getenv("ZZ")
	if dir == "" {
		t.Skip()
	}
	gs, _, err := loadGuides(dir)
	if err != nil {
		t.Fatal(err)
	}
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("guides heap %d MB", m.HeapAlloc>>20)
	var peak uint64
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	l := NewLibrary(gs)
	close(done)
	t.Logf("peak heapalloc %d MB", peak>>20)
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("library heap %d MB", m.HeapAlloc>>20)
	runtime.KeepAlive(l)
}
