package search

import (
	"fmt"
	"testing"
)

func TestCloseStats(t *testing.T) {
	docs, qs := loadBench(t)
	sdocs, sqs := loadStarter(t)
	for _, set := range []struct {
		n string
		d []Doc
		q []Question
	}{{"dev", docs, qs}, {"starter", sdocs, sqs}} {
		ix := Build(set.d, Options{})
		var closeOOS, closeGood, closeBad, noneAns, oos int
		for _, q := range set.q {
			r := ix.Search(q.Text, 5)
			if r.Confident {
				continue
			}
			rank := -1
			for i, h := range r.Hits {
				if i < 3 && h.ID == q.Expected {
					rank = i
				}
			}
			switch {
			case q.Expected == OutOfScope && r.Close:
				closeOOS++
				fmt.Printf("  close OOS %q %v\n", q.Text, titles(r))
			case q.Expected == OutOfScope:
				oos++
			case r.Close && rank >= 0:
				closeGood++
			case r.Close:
				closeBad++
				fmt.Printf("  close wrong %q %v\n", q.Text, titles(r))
			default:
				noneAns++
				fmt.Printf("  nothing for answerable %q (rank %d) %v\n", q.Text, rank, titles(r))
			}
		}
		fmt.Printf("%s: OOS rejected: %d close, %d nothing; answerable not confident: %d close with answer in top 3, %d close without, %d nothing\n", set.n, closeOOS, oos, closeGood, closeBad, noneAns)
	}
}

func titles(r Result) []string {
	var s []string
	for i, h := range r.Hits {
		if i < 3 {
			s = append(s, fmt.Sprintf("%s %.2f", h.ID, h.Score))
		}
	}
	return s
}
