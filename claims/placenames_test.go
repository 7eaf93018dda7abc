package claims

import (
	"reflect"
	"slices"
	"testing"
)

func TestPlaceVariants(t *testing.T) {
	has := func(g []string, forms ...string) bool {
		for _, f := range forms {
			if !slices.Contains(g, f) {
				return false
			}
		}
		return true
	}
	g := PlaceVariants("moskva talks")
	if len(g) != 2 || !has(g[0], "Moscow", "Moskva", "Москва") || !reflect.DeepEqual(g[1], []string{"talks"}) {
		t.Errorf("moskva talks: %q", g)
	}
	g = PlaceVariants("Saudi Arabia, Riyadh")
	if len(g) != 2 || !has(g[0], "Saudi Arabia", "Saudi-Arabia") || !has(g[1], "Riyadh") {
		t.Errorf("Saudi Arabia Riyadh: %q", g)
	}
	// An all-capital short form counts only as written: "us" is a pronoun.
	if g := PlaceVariants("us"); !reflect.DeepEqual(g, [][]string{{"us"}}) {
		t.Errorf("us: %q", g)
	}
	if g := PlaceVariants("US"); len(g) != 1 || !has(g[0], "United States", "USA") {
		t.Errorf("US: %q", g)
	}
	// Dateline abbreviations are no search terms.
	for _, gr := range PlaceVariants("Quebec Nevada") {
		for _, f := range gr {
			if f[len(f)-1] == '.' {
				t.Errorf("abbreviation %q offered as a search form", f)
			}
		}
	}
	if g := PlaceVariants(""); len(g) != 0 {
		t.Errorf("nil: %q", g)
	}
}
