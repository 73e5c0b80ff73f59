package main

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestSetupFindingsStyle (texts33): the findings of `lotse setup` and
// `lotse config check` (every ok(…) and problem(…) of this package, read
// from the source) keep the house style of the chat's catalogues in both
// languages: „…“ in German, “…” in English, no "...", du. The admin reads
// config keys there, so snake_case names pass.
func TestSetupFindingsStyle(t *testing.T) {
	checked := 0
	chattest.EachCall(t, ".", func(fset *token.FileSet, call *ast.CallExpr) {
		fn, ok := call.Fun.(*ast.Ident)
		if !ok {
			return
		}
		var langs map[int]string
		switch {
		case fn.Name == "ok" && len(call.Args) == 2:
			langs = map[int]string{0: "de", 1: "en"}
		case fn.Name == "problem" && len(call.Args) == 5:
			langs = map[int]string{1: "de", 2: "en", 3: "de", 4: "en"}
		default:
			return
		}
		checked++
		for i, lang := range langs {
			text := literals(call.Args[i])
			for _, p := range chattest.StyleProblems(lang, text) {
				if strings.HasPrefix(p, "internal name") {
					continue
				}
				t.Errorf("%s: %s finding: %s: %q", fset.Position(call.Args[i].Pos()), lang, p, text)
			}
		}
	})
	if checked < 20 {
		t.Errorf("only %d findings read: is the source still built from ok and problem?", checked)
	}
}

// literals joins the string literals of e (the pieces of a concatenation
// or the format of a Sprintf) with a space for what is computed between
// them.
func literals(e ast.Expr) string {
	var parts []string
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				parts = append(parts, s)
			}
		}
		return true
	})
	return strings.Join(parts, " ")
}
