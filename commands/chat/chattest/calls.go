package chattest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-bot/lotse/commands/chat"
)

// formatFuncs are the calls that fill a text with arguments, by name
// (fmt.Sprintf, fmt.Errorf, chat.Format, web's Texts.F): the format is
// their first argument (fmt.Fprintf's second).
var formatFuncs = map[string]int{"Sprintf": 0, "Errorf": 0, "Format": 0, "F": 0, "Fprintf": 1, "Printf": 0}

// CheckCalls reads the Go files of dir (tests left out) and fails t on a
// call that fills a text of the catalogues german and english (a string
// field, named by the selector that reads it: tx.Filed, w.tx.Filed, also
// inside chat.Plural) with another number of arguments than the text's
// format verbs take, in any language and either plural form: one
// argument too few prints „%!d(MISSING)“ to the member, one too many
// „%!(EXTRA …)“. It also fails on an argument whose kind plainly differs
// from its verb: a string literal or chat.Escape/chat.Code/chat.Shorten
// for %d, an integer literal for %s. go vet's printf check cannot see
// these: the format is no constant. A text read into a variable first is
// not followed; calls with args... are left out.
func CheckCalls(t testing.TB, dir string, german, english any) {
	t.Helper()
	// texts are the texts by field name, then by path: two nested
	// catalogues may both have a field of a name (support's Claimed).
	texts := map[string]map[string][]string{}
	for _, v := range []any{german, english} {
		walkTexts("", reflect.Indirect(reflect.ValueOf(v)), func(path, text string) {
			if strings.Contains(path, "[") {
				return // map entries are read by key, not by selector
			}
			name := path[strings.LastIndex(path, ".")+1:]
			if texts[name] == nil {
				texts[name] = map[string][]string{}
			}
			texts[name][path] = append(texts[name][path], text)
		})
	}
	checked := 0
	EachCall(t, dir, func(fset *token.FileSet, call *ast.CallExpr) {
		if call.Ellipsis.IsValid() {
			return
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		at, ok := formatFuncs[sel.Sel.Name]
		if !ok || len(call.Args) <= at {
			return
		}
		name, plural := textField(call.Args[at])
		paths, ok := texts[name]
		if name == "" || !ok {
			return
		}
		// web's Texts.F picks the form itself.
		plural = plural || sel.Sel.Name == "F"
		checked++
		args := call.Args[at+1:]
		// The call passes when the texts of one path (a name two
		// nested catalogues share) fit it.
		var problems []string
		for path, langTexts := range paths {
			var these []string
			for _, text := range langTexts {
				forms := []string{text}
				if plural {
					one, other, ok := chat.PluralForms(text)
					if ok {
						forms = []string{one, other}
					}
					if _, _, more := chat.PluralForms(other); ok && more {
						these = append(these, path+": more than two forms (a „|“ outside a code span): "+text)
					}
				}
				for _, form := range forms {
					for _, p := range verbProblems(form, args) {
						these = append(these, fmt.Sprintf("%s: %s: %q", path, p, form))
					}
				}
			}
			if len(these) == 0 {
				problems = nil
				break
			}
			problems = append(problems, these...)
		}
		for _, p := range problems {
			t.Errorf("%s: %s fills text %s: %s", fset.Position(call.Pos()), sel.Sel.Name, name, p)
		}
	})
	if checked == 0 {
		t.Errorf("%s: no call fills a text of the catalogue: is the directory right?", dir)
	}
}

// EachCall parses the Go files of dir (tests left out) and calls fn on
// every call in them, nested calls too: for the tests that read the texts
// a package fills from its source (CheckCalls; cmd/lotse's counts and
// setup findings).
func EachCall(t testing.TB, dir string, fn func(fset *token.FileSet, call *ast.CallExpr)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				fn(fset, call)
			}
			return true
		})
	}
}

// textField returns the field name a format expression reads (x.Name or
// chat.Plural(x.Name, n), then plural is true), or "".
func textField(e ast.Expr) (name string, plural bool) {
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Plural" && len(call.Args) == 2 {
			e, plural = call.Args[0], true
		}
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if x, isIdent := sel.X.(*ast.Ident); isIdent && isPackageName(x.Name) {
			return "", false
		}
		return sel.Sel.Name, plural
	}
	return "", false
}

// isPackageName: a selector on these reads a package's name, not a text.
func isPackageName(s string) bool {
	return s == "fmt" || s == "strings" || s == "time" || s == "strconv"
}

// callVerb is one verb of a format: %[2]d and %d alike.
var callVerb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*))?([a-zA-Z%])`)

// verbProblems compares the verbs of format with args as fmt numbers
// them: a verb without an index takes the next argument, %[n]v the n-th
// and the next verb the one after it.
func verbProblems(format string, args []ast.Expr) []string {
	var out []string
	next, used, reordered := 0, map[int]bool{}, false
	for _, m := range callVerb.FindAllStringSubmatch(format, -1) {
		if m[6] == "%" {
			continue
		}
		if m[3] == "*" || m[5] == "*" {
			next++ // a width or precision argument
		}
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			next, reordered = n-1, true
		}
		if next >= len(args) {
			out = append(out, "no argument for "+m[0]+" (prints %!"+m[6]+"(MISSING) or BADINDEX)")
			next++
			continue
		}
		if p := kindProblem(m[6], args[next]); p != "" {
			out = append(out, m[0]+" gets "+p)
		}
		used[next] = true
		next++
	}
	if !reordered && len(used) < len(args) {
		out = append(out, strconv.Itoa(len(args)-len(used))+" argument(s) too many (prints %!(EXTRA …))")
	}
	return out
}

// kindProblem names an argument whose kind plainly differs from verb.
func kindProblem(verb string, arg ast.Expr) string {
	isString := false
	switch a := arg.(type) {
	case *ast.BasicLit:
		if a.Kind == token.STRING {
			isString = true
		} else if a.Kind == token.INT && verb == "s" {
			return "an integer"
		}
	case *ast.CallExpr:
		if sel, ok := a.Fun.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "Escape", "EscapeLong", "Code", "Shorten", "Join", "TrimSpace", "Sprintf", "Itoa":
				isString = true
			}
		}
	}
	if isString && verb == "d" {
		return "a string"
	}
	return ""
}
