package lang

import (
	"testing"
)

// TestPacks checks that every shipped language pack loads and holds the
// sections extraction needs.
func TestPacks(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	need := []string{"pairs", "verbs", "according", "complementizers", "pronoun-male", "pronoun-female",
		"roles", "org-words", "unnamed", "abbreviations", "media-nouns", "via"}
	for _, code := range []string{"en", "nb", "ru"} {
		p, ok := Get(code)
		if !ok {
			t.Fatalf("no pack for %s", code)
		}
		for _, sec := range need {
			if len(p.Entries(sec)) == 0 {
				t.Errorf("%s: section [%s] is empty", code, sec)
			}
		}
	}
}

// TestGet checks code normalisation and fallbacks.
func TestGet(t *testing.T) {
	tests := []struct {
		name, code, want string
		ok               bool
	}{
		{"plain", "en", "en", true},
		{"case and region", "EN-gb", "en", true},
		{"Norwegian macro code", "no", "nb", true},
		{"Nynorsk reads Bokmål", "nn", "nb", true},
		{"unknown", "xx", "", false},
		{"empty", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := Get(tc.code)
			if ok != tc.ok || ok && p.Code != tc.want {
				t.Errorf("Get(%q) = %v, %v; want %q, %v", tc.code, p, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestParse checks the file grammar: sections, flags, comments, and an
// entry before any section.
func TestParse(t *testing.T) {
	p := &Pack{Sections: map[string][]Entry{}}
	err := parse(p, "# comment\n[verbs]\nsaid | bare\n\n  pointed out  \n[other]\nx | a b\n")
	if err != nil {
		t.Fatal(err)
	}
	v := p.Entries("verbs")
	if len(v) != 2 || v[0].Text != "said" || !v[0].Has("bare") || v[1].Text != "pointed out" || v[1].Has("bare") {
		t.Errorf("verbs = %+v", v)
	}
	if o := p.Entries("other"); len(o) != 1 || !o[0].Has("a") || !o[0].Has("b") {
		t.Errorf("other = %+v", o)
	}
	if err := parse(p, "loose entry\n"); err == nil {
		t.Error("entry before a section: want an error")
	}
}
