package main

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat/chattest"
)

// TestCLICountsHaveForms (texts33): a count the command line prints with
// a noun („%d learned questions erased“, „%d pages and %d images
// written“) goes through chat.Plural, as the chat's texts do: an admin
// erasing one person read "1 learned questions erased". The format
// strings of fmt's calls of this package are read from the source;
// a noun written with "(s)" is the short form of an admin's listing and
// passes.
func TestCLICountsHaveForms(t *testing.T) {
	chattest.EachCall(t, ".", func(fset *token.FileSet, call *ast.CallExpr) {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		at := map[string]int{"Sprintf": 0, "Printf": 0, "Errorf": 0, "Fprintf": 1}[sel.Sel.Name]
		if x, isIdent := sel.X.(*ast.Ident); !isIdent || x.Name != "fmt" || len(call.Args) <= at {
			return
		}
		lit, ok := call.Args[at].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		text, err := strconv.Unquote(lit.Value)
		if err != nil || strings.Contains(text, "(s)") {
			return
		}
		for _, never := range countNeverOne {
			if strings.Contains(text, never) {
				return
			}
		}
		if m := chattest.FixedCount(text); m != "" {
			t.Errorf("%s: %q counts with a fixed noun (%q): use chat.Plural with both forms", fset.Position(lit.Pos()), text, m)
		}
	})
}

// countNeverOne are counts that are never 1, each with its reason.
var countNeverOne = []string{
	"ll %d",                  // „all %d guides“, „All %d guides“: the caller says „its only guide“ for one
	"alle %d",                // the same in German
	"%d bytes",               // a database file is kilobytes at least
	"%d tables",              // the export names every table of the schema
	"%d of Lotse's messages", // "of", no noun after the count
}
