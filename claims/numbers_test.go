package claims

import (
	"math"
	"testing"
)

// numberOf reads the number expression at the start of phrase.
func numberOf(t *testing.T, lang, phrase string) (fxNumExpr, bool) {
	t.Helper()
	fl := fxGetFactLang(lang)
	if fl == nil {
		t.Fatalf("no facts data for %s", lang)
	}
	toks := fxTokenize(phrase, 0, len(phrase), nil)
	return fl.numberAt(phrase, toks, 0)
}

func TestNumberAt(t *testing.T) {
	tests := []struct {
		name, lang, phrase string
		want               string // SPEC value; "" = no number
		ordinal            bool
	}{
		{"digits", "en", "26 people", "26", false},
		{"digit groups", "en", "1,200 soldiers", "1200", false},
		{"nb digit groups apart by a space", "nb", "1 200 personer", "1200", false},
		{"nb digit groups apart by a no-break space", "nb", "12\u00a0500\u00a0000 kroner", "12500000", false},
		{"nb a year before a count stays apart", "nb", "2008 200 personer", "2008", false},
		{"en digit groups never apart by a space", "en", "1 200 people", "1", false},
		{"two dozen", "en", "Two dozen people died", "24", false},
		{"nb to dusin", "nb", "to dusin mennesker", "24", false},
		{"a hundred", "en", "more than a hundred people", ">100", false},
		{"decimal", "en", "6.5 on the Richter scale", "6.5", false},
		{"word", "en", "eight people", "8", false},
		{"hyphenated tens", "en", "Fifty-one people were reported killed", "51", false},
		{"spaced tens", "en", "twenty five people", "25", false},
		{"multiplier", "en", "2.5 million dollars", "2500000", false},
		{"word multiplier", "en", "three hundred people", "300", false},
		{"at least", "en", "at least 26 people", ">=26", false},
		{"more than", "en", "more than 500 are wounded", ">500", false},
		{"over", "en", "over 400 were wounded", ">400", false},
		{"up to", "en", "up to 4.5 on the Richter scale", "<=4.5", false},
		{"nearly", "en", "nearly 500 injured", "~500", false},
		{"almost", "en", "almost 150 people", "~150", false},
		{"some", "en", "some 2,600 people were killed", "~2600", false},
		{"between", "en", "between 5 and 7 rounds", "5-7", false},
		{"range to", "en", "5 to 7 people", "5-7", false},
		{"range dash", "en", "70-80 people", "70-80", false},
		{"or", "en", "two or three rounds", "2-3", false},
		{"a dozen", "en", "a dozen people", "12", false},
		{"plural", "en", "dozens of people", ">=24", false},
		{"ordinal word", "en", "third round", "3", true},
		{"ordinal digits", "en", "3rd round", "3", true},
		{"nb digits", "nb", "26 personer", "26", false},
		{"nb digit groups", "nb", "1.200 soldater", "1200", false},
		{"nb decimal", "nb", "6,5 på Richters skala", "6.5", false},
		{"nb word", "nb", "tre runder", "3", false},
		{"nb compound", "nb", "tjuefem personer", "25", false},
		{"nb minst", "nb", "minst 26 personer", ">=26", false},
		{"nb mer enn", "nb", "mer enn 500 skadde", ">500", false},
		{"nb mellom", "nb", "mellom 5 og 7", "5-7", false},
		{"nb ordinal", "nb", "tredje runde", "3", true},
		{"nb digit ordinal", "nb", "3. runde", "3", true},
		{"not a number", "en", "the talks", "", false},
		// Fixed bugs
		{"nb andre without a determiner is other, not second", "nb", "andre land", "", false},
		{"date-like 27. februar is no ordinal", "nb", "27. februar", "27", false},
		{"a year stays a number flagged as year", "en", "1987 results", "1987", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := numberOf(t, tt.lang, tt.phrase)
			if tt.want == "" {
				if ok {
					t.Fatalf("%q: got number %s, want none", tt.phrase, n.Value())
				}
				return
			}
			if !ok {
				t.Fatalf("%q: no number, want %s", tt.phrase, tt.want)
			}
			if n.Value() != tt.want || n.ordinal != tt.ordinal {
				t.Errorf("%q: got %s (ordinal %v), want %s (ordinal %v)", tt.phrase, n.Value(), n.ordinal, tt.want, tt.ordinal)
			}
		})
	}
}

func TestNumberDeterminerOrdinal(t *testing.T) {
	fl := fxGetFactLang("nb")
	phrase := "den andre runden"
	toks := fxTokenize(phrase, 0, len(phrase), nil)
	n, ok := fl.numberAt(phrase, toks, 1)
	if !ok || !n.ordinal || n.val != 2 {
		t.Fatalf("den andre: got %+v %v, want ordinal 2", n, ok)
	}
}

func TestNumInterval(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name, v string
		lo, hi  float64
		ok      bool
	}{
		{"exact", "26", 26, 26, true},
		{"at least", ">=3", 3, inf, true},
		{"more than includes the bound", ">50", 50, inf, true},
		{"at most", "<=4.5", 0, 4.5, true},
		{"about", "~150", 135, 165, true},
		{"range", "5-7", 5, 7, true},
		{"bad range", "7-5", 0, 0, false},
		{"not a number", "two", 0, 0, false},
		{"empty", "", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := fxNumInterval(tt.v)
			if ok != tt.ok || (ok && (math.Abs(lo-tt.lo) > 1e-9 || (hi != tt.hi && math.Abs(hi-tt.hi) > 1e-9))) {
				t.Errorf("%q: got [%v, %v] %v, want [%v, %v] %v", tt.v, lo, hi, ok, tt.lo, tt.hi, tt.ok)
			}
		})
	}
}
