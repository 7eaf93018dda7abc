package claims

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/sources"
)

// FuzzExtractFacts runs fact extraction and Compare on arbitrary text (the
// seed corpus in testdata/fuzz/FuzzExtractFacts holds single sentences):
// no panic, every fact's span inside the text and equal to its Text, a
// value on every fact, and findings only between different articles.
func FuzzExtractFacts(f *testing.F) {
	f.Add("At least 26 people were killed in a shooting in Texas on Sunday.", "en")
	f.Add("Jordskjelvet i går drepte minst 12 personer, sier politiet.", "nb")
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(text) > 1<<14 {
			return
		}
		for _, pub := range []sources.Date{day(2025, 2, 19), month(2025, 6), {Precision: sources.PrecUnknown}} {
			doc := Doc{Text: text, Lang: lang, Published: pub, Body: sources.Span{Start: 0, End: len(text)}}
			// a title over the first line, when there is one
			if i := strings.IndexByte(text, '\n'); i > 0 {
				doc.TitleSpan = sources.Span{Start: 0, End: i}
				doc.Body = sources.Span{Start: i, End: len(text)}
			}
			st := Statement{Kind: Assertion, Start: 0, End: len(text) / 2}
			st.Text = text[st.Start:st.End]
			facts := ExtractFacts(doc, []Statement{st})
			var claims []Claim
			for i, fc := range facts {
				if fc.Start < 0 || fc.End > len(text) || fc.Start >= fc.End || text[fc.Start:fc.End] != fc.Text {
					t.Fatalf("fact %d: span %d:%d does not hold %q", i, fc.Start, fc.End, fc.Text)
				}
				if fc.Value == "" || !utf8.ValidString(fc.Value) && utf8.ValidString(text) {
					t.Fatalf("fact %d %q: bad value %q", i, fc.Text, fc.Value)
				}
				if fc.Statement < -1 || fc.Statement > 0 {
					t.Fatalf("fact %d: statement %d", i, fc.Statement)
				}
				claims = append(claims, Claim{Article: int64(i % 3), Published: pub, Fact: fc})
			}
			for _, fd := range Compare(claims) {
				arts := map[int64]bool{}
				for _, c := range fd.Claims {
					arts[c.Article] = true
				}
				if len(arts) < 2 {
					t.Fatalf("finding within one article: %+v", fd)
				}
			}
		}
	})
}

// FuzzParseDateExpr normalises arbitrary strings as time expressions: no
// panic, and every value it gives is a valid SPEC date or interval.
func FuzzParseDateExpr(f *testing.F) {
	f.Add("en", "February 27")
	f.Add("nb", "i svært nær fremtid")
	f.Fuzz(func(t *testing.T, lang, expr string) {
		if len(expr) > 256 {
			return
		}
		for _, pub := range []sources.Date{day(2025, 2, 19), month(2025, 6), {Precision: sources.PrecYear, Year: 1987}, {}} {
			for _, tense := range []string{"", fxTensePast, fxTenseFuture} {
				v, _, ok := ParseDateExpr(lang, expr, pub, tense)
				if !ok {
					continue
				}
				if _, _, valid := fxDateInterval(v); !valid {
					t.Fatalf("%q (pub %v, %q): invalid value %q", expr, pub, tense, v)
				}
			}
		}
	})
}

// TestExtractFactsLinear checks that fact extraction stays linear in the
// text: eight times the text may take at most sixteen times as long (a
// run-on table of numbers, dense casualty reports, events without end).
func TestExtractFactsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, unit := range []string{
		"At least 26 people were killed in Texas on Sunday, and 3 died. ",
		"1 2 3 4 5 6 7 8 9 ",
		"talks talks meeting round in Moscow on Tuesday ",
	} {
		// the best of five runs: the least disturbed by other work
		cost := func(n int) int64 {
			doc := sentenceDoc("en", strings.Repeat(unit, n), day(2025, 2, 19))
			best := int64(1 << 62)
			for r := 0; r < 5; r++ {
				t0 := time.Now()
				ExtractFacts(doc, nil)
				best = min(best, time.Since(t0).Nanoseconds())
			}
			return best
		}
		small, large := cost(20), cost(160)
		if small > 0 && large > 16*small {
			t.Errorf("%q: 8x the text took %.1fx the time", unit, float64(large)/float64(small))
		}
	}
}
