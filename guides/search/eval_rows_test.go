package search

import (
	"strings"
	"testing"
)

// TestReadRows: rows keep their line in the file (comments and blank
// lines count).
func TestReadRows(t *testing.T) {
	rows, err := ReadRows(strings.NewReader("# set\nquestion\texpected\n\nwie geht das\tbbb/x.md\n# more\nspenden?\t-\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Line != 4 || rows[1].Line != 6 || rows[1].Expected != "-" {
		t.Fatalf("rows %+v", rows)
	}
}

// TestReadQuestionsMessages: each malformed file gets a message that
// names the line and says what to do, without quoting the row (eval31:
// "want 2 tab-separated columns, got 1" did not say that a tab was
// missing, and a header with spaces was quoted back unexplained).
func TestReadQuestionsMessages(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"header with spaces", "question expected\na\t-\n", "line 1: the first line must be the header \"question<TAB>expected\" with a tab between the two words, not spaces"},
		{"no header", "a\tb\n", "line 1: the first line must be the header \"question<TAB>expected\"; this looks like a question: add the header above it"},
		{"other header", "frage\tanleitung\tnotiz\n", "line 1: the first line must be the header \"question<TAB>expected\""},
		{"no tab", "question\texpected\n\na b\n", "line 3: no tab;"},
		{"two tabs", "question\texpected\na\tb\tc\n", "line 2: 2 tabs;"},
		{"empty question", "question\texpected\n\t-\n", "line 2: the question (before the tab) is empty"},
		{"empty expected", "question\texpected\na\t\n", "line 2: the expected column (after the tab) is empty"},
		{"empty", "", "empty file"},
		{"too long", "question\texpected\n" + strings.Repeat("a", 2<<20) + "\t-\n", "line 2: longer than 1 MiB"},
	}
	for _, tt := range tests {
		_, err := ReadQuestions(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
		if err != nil && tt.name != "header with spaces" && strings.Contains(err.Error(), "a\t") {
			t.Errorf("%s: the error quotes the row: %v", tt.name, err)
		}
	}
}
