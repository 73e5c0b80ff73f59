package guides

import "strings"

// InnerQuotes returns the member's question q with its double quotation
// marks made single ones, as a quotation inside a quotation wants (a
// reply quotes the question: „…“ in German, “…” in English). German
// (Duden, D 159): „…“ inside „…“ becomes ‚…‘; a “…” or "…" the member
// typed likewise (opening ‚, closing ‘). English (the Chicago Manual of
// Style, 13.30: double marks outside, single inside): “…” or "…" becomes
// ‘…’. A straight mark opens when no quotation is open and closes
// otherwise; so does “ in German, where it closes „ but opens in the
// English style. A German „…“ typed in English text becomes ‘…’ too
// (review rv7, finding 10). One pass over q.
func InnerQuotes(lang, q string) string {
	if !strings.ContainsAny(q, "\"„“”") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q))
	// low: the open quotation was opened with a German „ (in English
	// text too), which “ closes.
	open, low := false, false
	for _, r := range q {
		switch {
		case lang != "de" && r == '„':
			r, open, low = '‘', true, true
		case lang != "de" && r == '“' && low:
			r, open, low = '’', false, false
		case lang == "de" && r == '„':
			r, open = '‚', true
		case lang == "de" && (r == '“' || r == '"') && open, lang == "de" && r == '”':
			r, open = '‘', false
		case lang == "de" && (r == '“' || r == '"'):
			r, open = '‚', true
		case lang != "de" && r == '“':
			r, open = '‘', true
		case lang != "de" && (r == '”' || r == '"' && open):
			r, open, low = '’', false, false
		case lang != "de" && r == '"':
			r, open = '‘', true
		}
		b.WriteRune(r)
	}
	return b.String()
}
