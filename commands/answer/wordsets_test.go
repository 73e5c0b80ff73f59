package answer

import (
	"maps"
	"slices"
	"testing"
)

func TestWordSets(t *testing.T) {
	a, b := set("mein", "dein", "dem", "den"), set("dem", "den", "ein")
	for _, tc := range []struct {
		name string
		got  map[string]bool
		want []string
	}{
		{"union", union(a, b), []string{"dein", "dem", "den", "ein", "mein"}},
		{"common", common(a, b), []string{"dem", "den"}},
		{"minus", minus(a, "dem", "den", "nicht"), []string{"dein", "mein"}},
		{"suffixed", suffixed(a, "in"), []string{"dein", "mein"}},
		{"empty", common(a, set()), nil},
	} {
		if got := slices.Sorted(maps.Keys(tc.got)); !slices.Equal(got, tc.want) {
			t.Errorf("%s = %v, want %v", tc.name, got, tc.want)
		}
	}
	if len(a) != 4 {
		t.Errorf("the operations changed their input: %v", a)
	}
}
