package guides

import "github.com/lotse-bot/lotse/guides/search"

// Evaluate measures the library's search on a question set (see
// `lotse guides eval`).
func (l *Library) Evaluate(qs []search.Question) search.Report {
	return search.Evaluate(l.index, qs)
}
