package claims

import (
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

func day(y, m, d int) sources.Date {
	return sources.Date{Year: y, Month: m, Day: d, Precision: sources.PrecDay}
}

func month(y, m int) sources.Date {
	return sources.Date{Year: y, Month: m, Precision: sources.PrecMonth}
}

func TestParseDateExpr(t *testing.T) {
	unknown := sources.Date{Precision: sources.PrecUnknown}
	tests := []struct {
		name, lang, expr string
		pub              sources.Date
		tense            string
		want             string // "" = not a resolvable time expression
		vague            bool
	}{
		// absolute days, the year by tense and publication
		{"month day future", "en", "on February 27", day(2025, 2, 26), "future", "2025-02-27", false},
		{"month day past", "en", "February 18", day(2025, 2, 26), "past", "2025-02-18", false},
		{"month day nearest", "en", "February 18", day(2025, 2, 26), "", "2025-02-18", false},
		{"abbreviated month", "en", "Feb. 27", month(2025, 6), "past", "2025-02-27", false},
		{"day month year", "en", "10 April 2025", unknown, "", "2025-04-10", false},
		{"month day year", "en", "Sept. 11, 2001", day(2017, 11, 2), "", "2001-09-11", false},
		{"ordinal day", "en", "March 3rd", day(2004, 3, 10), "past", "2004-03-03", false},
		{"iso", "en", "2025-02-27", unknown, "", "2025-02-27", false},
		{"dotted", "nb", "27.02.2025", unknown, "", "2025-02-27", false},
		{"nb day month", "nb", "27. februar", month(2025, 6), "past", "2025-02-27", false},
		{"nb day month year", "nb", "10. april 2025", unknown, "", "2025-04-10", false},
		{"past day across new year", "en", "December 30", day(2025, 1, 3), "past", "2024-12-30", false},
		{"future day across new year", "en", "January 3", day(2024, 12, 30), "future", "2025-01-03", false},
		// months and years
		{"month year", "en", "in December 2016", unknown, "", "2016-12", false},
		{"bare month past", "en", "in March", day(2025, 6, 1), "past", "2025-03", false},
		{"bare month future", "en", "in March", day(2025, 6, 1), "future", "2026-03", false},
		{"year", "en", "in 2022", unknown, "", "2022", false},
		{"nb month year", "nb", "i oktober 2024", unknown, "", "2024-10", false},
		{"nb month i year", "nb", "i juni i 1995", day(2008, 10, 3), "past", "1995-06", false},
		{"month of year", "en", "in June of 1995", day(2008, 10, 3), "past", "1995-06", false},
		// weekdays
		{"weekday past", "en", "on Tuesday", day(2025, 2, 19), "past", "2025-02-18", false},
		{"weekday future", "en", "on Thursday", day(2025, 2, 26), "future", "2025-02-27", false},
		{"weekday same day", "en", "on Wednesday", day(2025, 2, 26), "past", "2025-02-26", false},
		{"weekday default past", "en", "on Sunday", day(2025, 11, 9), "", "2025-11-09", false},
		{"last weekday", "en", "last Wednesday", day(1987, 3, 23), "", "1987-03-18", false},
		{"next weekday", "en", "next Thursday", day(2025, 4, 15), "", "2025-04-17", false},
		{"weekday with date", "en", "Tuesday, February 18", day(2025, 2, 26), "", "2025-02-18", false},
		{"nb weekday past", "nb", "tirsdag", day(2025, 6, 19), "past", "2025-06-17", false},
		{"weekday with month-precise publication", "nb", "tirsdag", month(2025, 6), "past", "2025-06", false},
		{"weekday without publication", "en", "on Tuesday", unknown, "past", "", false},
		// relative
		{"yesterday", "en", "yesterday", day(1987, 3, 3), "", "1987-03-02", false},
		{"genitive yesterday", "en", "yesterday's", day(1987, 3, 3), "", "1987-03-02", false},
		{"this week", "en", "this week", day(2025, 2, 26), "", "2025-02-24/2025-03-02", false},
		{"next month", "en", "next month", month(2025, 6), "", "2025-07", false},
		{"last year", "en", "last year", day(2025, 6, 3), "", "2024", false},
		{"nb i fjor", "nb", "i fjor", month(2025, 6), "", "2024", false},
		{"nb i går", "nb", "i går", day(2025, 6, 3), "", "2025-06-02", false},
		{"nb neste uke", "nb", "neste uke", day(2025, 2, 26), "", "2025-03-03/2025-03-09", false},
		// seasons (meteorological)
		{"this fall", "en", "this fall", day(2025, 9, 28), "", "2025-09-01/2025-11-30", false},
		{"this autumn", "en", "this autumn", day(2025, 9, 28), "future", "2025-09-01/2025-11-30", false},
		{"spring past", "en", "in the spring", day(2025, 11, 9), "past", "2025-03-01/2025-05-31", false},
		{"spring future", "en", "in the spring", day(2025, 11, 9), "future", "2026-03-01/2026-05-31", false},
		{"last spring", "en", "last spring", day(2025, 11, 9), "", "2025-03-01/2025-05-31", false},
		{"next spring", "en", "next spring", day(2025, 11, 9), "", "2026-03-01/2026-05-31", false},
		{"winter in January", "en", "this winter", day(2025, 1, 10), "", "2024-12-01/2025-02-28", false},
		{"winter in November", "en", "this winter", day(2025, 11, 10), "", "2025-12-01/2026-02-28", false},
		{"season with year", "en", "spring 2025", unknown, "", "2025-03-01/2025-05-31", false},
		{"nb i vår", "nb", "i vår", month(2025, 11), "", "2025-03-01/2025-05-31", false},
		{"nb i høst", "nb", "i høst", month(2025, 6), "", "2025-09-01/2025-11-30", false},
		{"nb i fjor høst", "nb", "i fjor høst", month(2025, 6), "", "2024-09-01/2024-11-30", false},
		{"nb til våren", "nb", "til våren", day(2025, 11, 9), "", "2026-03-01/2026-05-31", false},
		{"nb våren 2025", "nb", "våren 2025", unknown, "", "2025-03-01/2025-05-31", false},
		// vague phrases, from the start of the publication period
		{"very near future", "en", "in the very near future", month(2025, 6), "", "2025-06-01/2025-07-01", true},
		{"near future", "en", "in the near future", day(2025, 6, 10), "", "2025-06-10/2025-09-08", true},
		{"soon", "en", "soon", day(2025, 2, 19), "", "2025-02-19/2025-05-20", true},
		{"later this year", "en", "later this year", day(2025, 6, 15), "", "2025-06-15/2025-12-31", true},
		{"earlier this year", "en", "earlier this year", day(2025, 6, 15), "", "2025-01-01/2025-06-15", true},
		{"since the start of the year", "en", "since the start of the year", day(1987, 3, 12), "past", "1987-01-01/1987-03-12", true},
		{"nb hittil i år", "nb", "hittil i år", day(1987, 3, 12), "past", "1987-01-01/1987-03-12", true},
		{"nb svært nær fremtid", "nb", "i svært nær fremtid", month(2025, 6), "", "2025-06-01/2025-07-01", true},
		{"nb nær fremtid", "nb", "i nær fremtid", month(2025, 6), "", "2025-06-01/2025-08-30", true},
		{"nb snart", "nb", "snart", day(2025, 6, 10), "", "2025-06-10/2025-09-08", true},
		{"vague without publication", "en", "soon", unknown, "", "", false},
		// N units ago
		{"weeks ago", "en", "two weeks ago", day(2025, 4, 15), "", "2025-03-29/2025-04-04", false},
		{"years ago", "en", "16 years ago", day(2017, 11, 2), "", "2001", false},
		{"in days", "en", "in 3 days", day(2025, 4, 15), "", "2025-04-18", false},
		{"nb for uker siden", "nb", "for to uker siden", day(2025, 4, 15), "", "2025-03-29/2025-04-04", false},
		// not time expressions
		{"modal may", "en", "may", day(2025, 4, 15), "", "", false},
		{"bare month without preposition", "en", "March", day(2025, 4, 15), "", "", false},
		{"impossible day", "en", "February 30", day(2025, 4, 15), "", "", false},
		{"trailing words", "en", "February 27 talks", day(2025, 4, 15), "", "", false},
		// Fixed bugs
		{"sentence period after a nb month is not part of it", "nb", "10. april.", month(2025, 6), "past", "2025-04-10", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, vague, ok := ParseDateExpr(tt.lang, tt.expr, tt.pub, tt.tense)
			if tt.want == "" {
				if ok {
					t.Fatalf("%q: got %s, want no date", tt.expr, got)
				}
				return
			}
			if !ok || got != tt.want || vague != tt.vague {
				t.Errorf("%q (pub %s, %q): got %q vague=%v ok=%v, want %q vague=%v", tt.expr, tt.pub, tt.tense, got, vague, ok, tt.want, tt.vague)
			}
		})
	}
}

func TestTenseAt(t *testing.T) {
	tests := []struct {
		name, lang, sentence, at string
		want                     string
	}{
		{"will be held", "en", "The high-level meeting will be held in Istanbul on Thursday", "on Thursday", fxTenseFuture},
		{"met", "en", "Top Russian and US diplomats met in Saudi Arabia on Tuesday", "on Tuesday", fxTensePast},
		{"said does not date", "en", "Lavrov said the talks will resume on Thursday", "on Thursday", fxTenseFuture},
		{"were", "en", "There were two rounds of talks in the spring", "in the spring", fxTensePast},
		{"agreed to", "en", "Russia and the United States have agreed to a third round of discussions this autumn", "this autumn", fxTenseFuture},
		{"nb vil", "nb", "neste forhandlingsrunde mellom delegasjonene vil finne sted i svært nær fremtid", "i svært nær fremtid", fxTenseFuture},
		{"nb fant sted", "nb", "Konsultasjonene fant sted i Istanbul 27. februar", "27. februar", fxTensePast},
		{"nb verb after", "nb", "Etter den første runden godkjente Washington nominasjonen", "første", fxTensePast},
		{"no tense", "en", "The development comes on the heels of talks on February 18", "on February 18", fxTenseUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fl := fxGetFactLang(tt.lang)
			toks := fxTokenize(tt.sentence, 0, len(tt.sentence), nil)
			i := -1
			for k, tk := range toks {
				if len(tt.sentence) >= tk.s+len(tt.at) && tt.sentence[tk.s:tk.s+len(tt.at)] == tt.at {
					i = k
					break
				}
			}
			if i < 0 {
				t.Fatalf("%q not in sentence", tt.at)
			}
			if got := fl.tenseAt(tt.sentence, toks, 0, len(toks), i); got != tt.want {
				t.Errorf("tense at %q: got %q, want %q", tt.at, got, tt.want)
			}
		})
	}
}

func TestDateInterval(t *testing.T) {
	tests := []struct {
		v      string
		lo, hi string
		ok     bool
	}{
		{"2025-02-27", "2025-02-27", "2025-02-27", true},
		{"2025-02", "2025-02-01", "2025-02-28", true},
		{"2024", "2024-01-01", "2024-12-31", true},
		{"2025-09-01/2025-11-30", "2025-09-01", "2025-11-30", true},
		{"2025-11-30/2025-09-01", "", "", false},
		{"soon", "", "", false},
	}
	for _, tt := range tests {
		lo, hi, ok := fxDateInterval(tt.v)
		if ok != tt.ok || (ok && (lo.Format("2006-01-02") != tt.lo || hi.Format("2006-01-02") != tt.hi)) {
			t.Errorf("%q: got %v %v %v", tt.v, lo, hi, ok)
		}
	}
}
