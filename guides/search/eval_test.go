package search

import (
	"os"
	"testing"
)

func TestEvalBench(t *testing.T) {
	docs, qs := loadBench(t)
	ix := Build(docs, Options{})
	r := Evaluate(ix, qs)
	if testing.Verbose() {
		r.Write(os.Stdout)
	}
}
