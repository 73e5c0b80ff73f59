package search

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	set := os.Getenv("ZZ")
	if set == "" {
		t.Skip()
	}
	var docs []Doc
	var file string
	if strings.HasPrefix(set, "lib") {
		docs = loadGuides(t, "../../library")
		file = "../../commands/answer/testdata/first-messages-" + set[3:] + "-2026-12-04.tsv"
	} else {
		docs, _ = loadBench(t)
		file = "testdata/bench-" + set + "-2026-12-04.tsv"
	}
	ix := Build(docs, Options{})
	f, _ := os.Open(file)
	qs, err := ReadQuestions(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		exp := q.Expected
		if exp == "smalltalk" || exp == "human" || exp == "command" {
			continue
		}
		if exp == "none" {
			exp = OutOfScope
		}
		r, ft := ix.search(q.Text, 5)
		lab := "OOS"
		if exp != OutOfScope {
			lab = "miss"
			for i, h := range r.Hits {
				if h.ID == exp {
					lab = fmt.Sprintf("r%d", i+1)
					break
				}
			}
		}
		lead := 0.0
		if ft.s1 > 0 {
			lead = (ft.s1 - ft.s2) / ft.s1
		}
		first := ""
		if len(r.Hits) > 0 {
			first = r.Hits[0].ID
		}
		fmt.Printf("%-4s c=%-5v cl=%-5v s1=%.2f lead=%.2f sol=%.2f solStr=%.2f str=%.2f dist=%.2f foc=%.2f unk=%.2f s1Str=%.2f n=%d | %s | %s\n", lab, r.Confident, r.Close, ft.s1, lead, ft.solid, ft.solidStr, ft.strong, ft.distinct, ft.focus, ft.unknown, ft.s1Str, ft.concepts, q.Text, first)
	}
}
