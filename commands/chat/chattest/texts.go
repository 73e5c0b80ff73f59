// Package chattest has the test helpers of the workflows: a check of text
// catalogues. Only tests import it, so no binary links package testing.
package chattest

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Verbs returns the format verbs of s, sorted (argument indexes kept).
func Verbs(s string) []string {
	v := verb.FindAllString(s, -1)
	slices.Sort(v)
	return v
}

// CheckTexts walks the text catalogue german and each of others (values or
// pointers of the same struct type) by reflection and fails t on an empty
// string field or map entry, a map key German has and another language
// lacks (or has and German lacks), or format verbs that differ from
// German's.
func CheckTexts(t testing.TB, german any, others ...any) {
	t.Helper()
	de := reflect.Indirect(reflect.ValueOf(german))
	checkEmpty(t, "de", de)
	for _, o := range others {
		v := reflect.Indirect(reflect.ValueOf(o))
		if v.Type() != de.Type() {
			t.Fatalf("texts of type %s compared with %s", v.Type(), de.Type())
		}
		lang := langOf(v)
		checkEmpty(t, lang, v)
		compare(t, lang, "", de, v)
	}
}

// CheckFit fails t for every string field of the catalogues (values or
// pointers of a struct type) whose name begins with prefix and that is
// longer than max characters with each format verb filled by fill: such a
// text is stored and shown later through a cut (chat.Escape keeps
// chat.MaxEscaped), and a longer one lost its end — what to do and whom to
// ask (left33, left34). Each catalogue is named by its Lang field.
func CheckFit(t testing.TB, max int, fill, prefix string, catalogues ...any) {
	t.Helper()
	for _, c := range catalogues {
		v := reflect.Indirect(reflect.ValueOf(c))
		if v.Kind() != reflect.Struct {
			t.Fatalf("texts of kind %s, want a struct", v.Kind())
			continue
		}
		lang, found := langOf(v), 0
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || !strings.HasPrefix(f.Name, prefix) || f.Type.Kind() != reflect.String {
				continue
			}
			found++
			s := verb.ReplaceAllStringFunc(v.Field(i).String(), func(vb string) string {
				if vb == "%%" {
					return "%"
				}
				return fill
			})
			if n := utf8.RuneCountInString(s); n > max {
				t.Errorf("%s: text %s has %d characters where %d are shown: %q", lang, f.Name, n, max, s)
			}
		}
		if found == 0 {
			t.Errorf("%s: no text begins with %q", lang, prefix)
		}
	}
}

func langOf(v reflect.Value) string {
	if f := v.FieldByName("Lang"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
		return f.String()
	}
	return "other"
}

func checkEmpty(t testing.TB, lang string, v reflect.Value) {
	t.Helper()
	walk("", v, func(path string, s reflect.Value) {
		if strings.TrimSpace(s.String()) == "" {
			t.Errorf("%s: text %s is empty", lang, path)
		}
	})
}

func compare(t testing.TB, lang, path string, de, other reflect.Value) {
	t.Helper()
	switch de.Kind() {
	case reflect.String:
		if a, b := Verbs(de.String()), Verbs(other.String()); !slices.Equal(a, b) {
			t.Errorf("%s: text %s has format verbs %v, German has %v", lang, path, b, a)
		}
	case reflect.Struct:
		for i := range de.NumField() {
			if de.Type().Field(i).IsExported() {
				compare(t, lang, join(path, de.Type().Field(i).Name), de.Field(i), other.Field(i))
			}
		}
	case reflect.Map:
		for _, k := range de.MapKeys() {
			ov := other.MapIndex(k)
			if !ov.IsValid() {
				t.Errorf("%s: text %s[%v] is missing", lang, path, k)
				continue
			}
			compare(t, lang, path+"["+k.String()+"]", de.MapIndex(k), ov)
		}
		// The other way round too: an entry only the other language has
		// is never shown to a German reader (texts33).
		for _, k := range other.MapKeys() {
			if !de.MapIndex(k).IsValid() {
				t.Errorf("%s: text %s[%v] has no German entry", lang, path, k)
			}
		}
	case reflect.Slice:
		if de.Len() != other.Len() {
			t.Errorf("%s: list %s has %d entries, German has %d", lang, path, other.Len(), de.Len())
			return
		}
		for i := range de.Len() {
			compare(t, lang, path, de.Index(i), other.Index(i))
		}
	}
}

func walk(path string, v reflect.Value, fn func(string, reflect.Value)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walk(join(path, v.Type().Field(i).Name), v.Field(i), fn)
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walk(path+"["+k.String()+"]", v.MapIndex(k), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walk(path, v.Index(i), fn)
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
