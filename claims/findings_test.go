package claims

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// talks builds a claim about Russia–US talks.
func talks(article int64, outlet string, pub sources.Date, attr, value string, f func(*Fact)) Claim {
	fact := Fact{Statement: -1, Attribute: attr, Event: "talks", Value: value, Start: 10, End: 20, Text: value,
		Participants: []string{"Russia", "United States"}, Tense: fxTensePast}
	if f != nil {
		f(&fact)
	}
	if fact.Subject == "" {
		fact.Subject = "Russia–US talks"
	}
	return Claim{Article: article, Source: fmt.Sprintf("a%d.txt", article), Outlet: outlet, Lang: "en", Published: pub, Fact: fact}
}

// quake builds a claim about an earthquake told by place and time.
func quake(article int64, pub sources.Date, attr, value, place, when string, implied bool) Claim {
	g := fxGetGazetteer()
	fact := Fact{Statement: -1, Attribute: attr, Event: "earthquake", Value: value, Start: 10, End: 20, Text: value,
		Place: place, Country: g.countryOf(place), When: when, WhenImplied: implied, Tense: fxTensePast,
		Subject: "earthquake in " + place}
	return Claim{Article: article, Source: fmt.Sprintf("q%d.txt", article), Outlet: "Reuters", Lang: "en", Published: pub, Fact: fact}
}

// loose marks a claim's time as reaching weeks back (a known event).
func loose(c Claim) Claim {
	c.Fact.WhenLoose = true
	return c
}

// group marks a claim as a figure about several events.
func group(c Claim) Claim {
	c.Fact.Group = true
	return c
}

// unit sets the counted group of a claim.
func unit(c Claim, u string) Claim {
	c.Fact.Unit = u
	return c
}

func ordinal(n int) func(*Fact) { return func(f *Fact) { f.Ordinal = n } }

func kindsOf(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind+"/"+f.Attribute+"/"+f.Severity)
	}
	return out
}

func TestCompare(t *testing.T) {
	p1, p2 := day(2025, 2, 26), day(2025, 11, 9)
	tests := []struct {
		name   string
		claims []Claim
		want   []string // kind/attribute/severity of every finding, in order
	}{
		{"at least three and four agree", []Claim{
			talks(1, "RT", p1, "count", ">=3", nil),
			talks(2, "TASS", p2, "count", "4", nil),
		}, []string{"agreement/count/high"}},
		{"a date inside an interval agrees", []Claim{
			talks(1, "RT", p1, "date", "2025-04-10", ordinal(2)),
			talks(2, "Sputnik", p2, "date", "2025-03-01/2025-05-31", func(f *Fact) { f.Ordinal, f.OrdinalTo = 1, 2 }),
		}, []string{"agreement/date/high"}},
		{"a day outside the stated season conflicts, low", []Claim{
			talks(1, "RT", p1, "date", "2025-02-27", ordinal(1)),
			talks(2, "Sputnik", p2, "date", "2025-03-01/2025-05-31", func(f *Fact) { f.Ordinal, f.OrdinalTo = 1, 2 }),
		}, []string{"conflict/date/low"}},
		{"two different rounds stay apart", []Claim{
			talks(1, "RT", p1, "date", "2025-02-27", ordinal(1)),
			talks(2, "TASS", p2, "date", "2025-04-10", ordinal(2)),
		}, nil},
		{"days without a round number may agree, never conflict", []Claim{
			talks(1, "RT", p1, "date", "2025-02-27", func(f *Fact) { f.Place = "Istanbul" }),
			talks(2, "TASS", p2, "date", "2025-04-10", func(f *Fact) { f.Place = "Istanbul" }),
			talks(3, "MENAFN", p2, "date", "2025-04-10", func(f *Fact) { f.Place = "Istanbul" }),
		}, []string{"agreement/date/high"}},
		{"different participants are different talks", []Claim{
			talks(1, "RT", p1, "count", "2", nil),
			talks(2, "TASS", p2, "count", "5", func(f *Fact) { f.Participants = []string{"Russia", "Ukraine"} }),
		}, nil},
		{"a round that moved on is an update", []Claim{
			talks(1, "", month(2025, 6), "date", "2025-06-01/2025-07-01", func(f *Fact) { f.Ordinal, f.Vague, f.Tense = 3, true, fxTenseFuture }),
			talks(2, "MENAFN", day(2025, 9, 28), "date", "2025-09-01/2025-11-30", func(f *Fact) { f.Ordinal, f.Tense = 3, fxTenseFuture }),
		}, []string{"update/date/low"}},
		{"more rounds later is an update", []Claim{
			talks(1, "RT", p1, "count", "2", nil),
			talks(2, "TASS", p2, "count", "3", nil),
		}, []string{"update/count/medium"}},
		{"fewer rounds later is a conflict", []Claim{
			talks(1, "RT", p1, "count", "3", nil),
			talks(2, "TASS", p2, "count", "2", nil),
		}, []string{"conflict/count/medium"}},
		{"a denial is no agreement", []Claim{
			talks(1, "RT", p1, "date", "2025-02-27", ordinal(1)),
			talks(2, "TASS", p2, "date", "2025-02-27", func(f *Fact) { f.Ordinal, f.Negated = 1, true }),
		}, nil},
		{"an article at odds with itself is no ground for a conflict", []Claim{
			talks(1, "RT", p1, "place", "Manila", ordinal(20)),
			talks(1, "RT", p1, "place", "Osaka", ordinal(20)),
			talks(2, "TASS", p1, "place", "Osaka", ordinal(20)),
		}, []string{"agreement/place/high"}},
		{"two denials say nothing", []Claim{
			talks(1, "RT", p1, "date", "2025-02-27", func(f *Fact) { f.Ordinal, f.Negated = 1, true }),
			talks(2, "TASS", p2, "date", "2025-02-27", func(f *Fact) { f.Ordinal, f.Negated = 1, true }),
		}, nil},
		{"a rising death toll is an update", []Claim{
			quake(1, day(1987, 3, 18), "deaths", "1", "Japan", "1987-03-17/1987-03-18", true),
			quake(2, day(1987, 3, 23), "deaths", "2", "Japan", "1987-03-18", false),
		}, []string{"update/deaths/medium"}},
		{"magnitudes of one quake contradict", []Claim{
			quake(1, day(1987, 3, 5), "magnitude", "8", "Chile", "1987-03-04/1987-03-05", true),
			quake(2, day(1987, 3, 5), "magnitude", "7", "Chile", "1987-03-04/1987-03-05", true),
		}, []string{"conflict/magnitude/high"}},
		{"two quakes in one country days apart stay apart", []Claim{
			quake(1, day(1987, 3, 18), "magnitude", "6.9", "Japan", "1987-03-17/1987-03-18", true),
			quake(2, day(1987, 3, 23), "magnitude", "5.5", "Japan", "1987-03-22/1987-03-23", true),
		}, nil},
		{"two quakes in two countries stay apart", []Claim{
			quake(1, day(1987, 3, 5), "magnitude", "6.5", "New Zealand", "1987-03-04/1987-03-05", true),
			quake(2, day(1987, 3, 5), "magnitude", "8", "Chile", "1987-03-04/1987-03-05", true),
		}, nil},
		{"a town's toll and a country's total never contradict", []Claim{
			quake(1, day(1987, 3, 25), "deaths", "81", "Teri Mangal", "1987-03-23", false),
			quake(2, day(1987, 3, 25), "deaths", "~150", "Pakistan", "1987-03-23", false),
		}, nil},
		{"the whole counted later and higher revises a part", []Claim{
			unit(quake(1, day(1987, 4, 9), "deaths", "30", "South Africa", "1987-04-08/1987-04-09", true), "miners"),
			unit(quake(2, day(1987, 4, 13), "deaths", "34", "South Africa", "1987-04-09", false), "workers"),
		}, []string{"update/deaths/medium"}},
		{"a part and its whole never contradict", []Claim{
			unit(quake(1, day(1987, 4, 9), "deaths", "34", "South Africa", "1987-04-08/1987-04-09", true), "workers"),
			unit(quake(2, day(1987, 4, 13), "deaths", "30", "South Africa", "1987-04-09", false), "miners"),
		}, nil},
		{"a total over several events agrees with the same figure", []Claim{
			group(quake(1, day(1987, 3, 25), "deaths", "~150", "Pakistan", "1987-03-23", false)),
			quake(2, day(1987, 3, 25), "deaths", "~150", "Pakistan", "1987-03-23", false),
		}, []string{"agreement/deaths/low"}},
		{"a total over several events contradicts no other figure", []Claim{
			group(quake(1, day(1987, 3, 25), "deaths", "150", "Pakistan", "1987-03-23", false)),
			quake(2, day(1987, 3, 25), "deaths", "81", "Pakistan", "1987-03-23", false),
		}, nil},
		{"a magnitude of several quakes is not compared", []Claim{
			group(quake(1, day(1987, 3, 25), "magnitude", "4.5", "Japan", "1987-03-23", false)),
			quake(2, day(1987, 3, 25), "magnitude", "4.5", "Japan", "1987-03-23", false),
		}, nil},
		{"counts of the trapped agree, and never contradict as rescuers bring people out", []Claim{
			quake(1, day(1987, 4, 2), "trapped", "44", "Quebec", "1987-04-02", false),
			quake(2, day(1987, 4, 2), "trapped", "44", "Quebec", "1987-04-02", false),
			quake(3, day(1987, 4, 3), "trapped", "17", "Quebec", "1987-04-02", false),
		}, []string{"agreement/trapped/medium"}},
		{"about forty and forty agree even when only perhaps the same event", []Claim{
			quake(1, day(1987, 3, 18), "injuries", "~40", "Philippines", "1987-03-17/1987-03-18", true),
			loose(quake(2, day(1987, 3, 23), "injuries", "40", "Philippines", "1987-02-21/1987-03-23", true)),
		}, []string{"agreement/injuries/medium"}},
		{"about forty and forty-one say nothing when only perhaps the same event", []Claim{
			quake(1, day(1987, 3, 18), "injuries", "~40", "Philippines", "1987-03-17/1987-03-18", true),
			loose(quake(2, day(1987, 3, 23), "injuries", "41", "Philippines", "1987-02-21/1987-03-23", true)),
		}, nil},
		{"a figure without its group agrees with the same figure of a group", []Claim{
			quake(1, day(2017, 11, 30), "deaths", "4", "Birmingham", "1963", false),
			unit(quake(2, day(2017, 12, 6), "deaths", "4", "Birmingham", "1963", false), "girls"),
		}, []string{"agreement/deaths/medium"}},
		{"a figure without its group never contradicts one of a group", []Claim{
			quake(1, day(1987, 3, 20), "deaths", "19", "Philippines", "1987-03-20", false),
			unit(quake(2, day(1987, 3, 20), "deaths", "18", "Philippines", "1987-03-20", false), "soldiers"),
		}, nil},
		{"at least one and one agree even when only perhaps the same event", []Claim{
			quake(1, day(1987, 4, 2), "deaths", ">=1", "Quebec", "1987-04-02", false),
			loose(quake(2, day(1987, 4, 2), "deaths", "1", "Quebec", "1987-03-03/1987-04-02", true)),
		}, []string{"agreement/deaths/medium"}},
		{"at least one and four say nothing when only perhaps the same event", []Claim{
			quake(1, day(1987, 4, 2), "deaths", ">=1", "Quebec", "1987-04-02", false),
			loose(quake(2, day(1987, 4, 2), "deaths", "4", "Quebec", "1987-03-03/1987-04-02", true)),
		}, nil},
		{"up to 300 and at least 300 say nothing when only perhaps the same event", []Claim{
			quake(1, day(1987, 4, 2), "deaths", "<=300", "Quebec", "1987-04-02", false),
			loose(quake(2, day(1987, 4, 2), "deaths", ">=300", "Quebec", "1987-03-03/1987-04-02", true)),
		}, nil},
		{"one article never contradicts itself", []Claim{
			talks(1, "RT", p1, "count", "2", nil),
			talks(1, "RT", p1, "count", "3", nil),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Compare(tt.claims)
			if got := kindsOf(fs); !reflect.DeepEqual(got, tt.want) {
				for _, f := range fs {
					t.Logf("%s %s [%s]: %s", f.Kind, f.Attribute, f.Severity, f.Explanation)
				}
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, f := range fs {
				if f.Explanation == "" || f.Subject == "" || len(f.Claims) < 2 {
					t.Errorf("finding incomplete: %+v", f)
				}
			}
		})
	}
}

func TestCompareExplanation(t *testing.T) {
	fs := Compare([]Claim{
		talks(1, "RT", day(2025, 2, 26), "date", "2025-02-27", func(f *Fact) { f.Ordinal, f.Subject = 1, "Russia–US talks, round 1" }),
		talks(2, "Sputnik", day(2025, 11, 9), "date", "2025-03-01/2025-05-31", func(f *Fact) {
			f.Ordinal, f.OrdinalTo, f.Subject = 1, 2, "Russia–US talks, rounds 1–2"
		}),
	})
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	want := "RT (2025-02-26) dates round 1 to 27 Feb 2025; Sputnik (2025-11-09) places rounds 1–2 in spring 2025."
	if fs[0].Explanation != want {
		t.Errorf("explanation:\n got %q\nwant %q", fs[0].Explanation, want)
	}
	if fs[0].Subject != "Russia–US talks, round 1" {
		t.Errorf("subject %q", fs[0].Subject)
	}
}

func TestFindingJSON(t *testing.T) {
	fs := Compare([]Claim{
		talks(1, "RT", day(2025, 2, 26), "count", "2", nil),
		talks(2, "", sources.Date{Precision: sources.PrecUnknown}, "count", "2", nil),
	})
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	b, err := json.Marshal(fs[0])
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, w := range []string{`"kind":"agreement"`, `"attribute":"count"`, `"outlet":null`, `"published":null`,
		`"speaker":null`, `"outlet":"RT"`, `"published":"2025-02-26"`, `"value":"2"`, `"start":10`, `"end":20`} {
		if !strings.Contains(s, w) {
			t.Errorf("JSON lacks %s: %s", w, s)
		}
	}
	var back Finding
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, fs[0]) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, fs[0])
	}
}

func TestCompareDeterministic(t *testing.T) {
	claims, _ := seedClaims(t)
	want := Compare(claims)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		shuffled := append([]Claim(nil), claims...)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := Compare(shuffled); !reflect.DeepEqual(kindsAndClaims(got), kindsAndClaims(want)) {
			t.Fatalf("order %d changed the findings", i)
		}
	}
}

func kindsAndClaims(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind+" "+f.Attribute+" "+f.Subject+" "+fxClaimsKey(f))
	}
	return out
}

// syntheticClaims makes the claims of n articles: stories of a few
// articles each, about talks and quakes, with the figures moving.
func syntheticClaims(n int) []Claim {
	r := rand.New(rand.NewSource(42))
	var out []Claim
	countries := []string{"Japan", "Chile", "Pakistan", "Turkey", "Iran", "Italy", "Peru", "Mexico", "Nepal", "Greece"}
	for a := 0; a < n; a++ {
		story := a / 4
		pub := day(1987+story%30, 1+story%12, 1+a%4)
		c := countries[story%len(countries)]
		when := pub.String()
		out = append(out,
			quake(int64(a), pub, "deaths", fmt.Sprint(10+r.Intn(5)), c, when, false),
			quake(int64(a), pub, "magnitude", fmt.Sprintf("%.1f", 5+r.Float64()), c, when, false),
			talks(int64(a), "RT", pub, "count", fmt.Sprint(1+story%3), func(f *Fact) {
				f.Participants = []string{countries[story%len(countries)], countries[(story+1)%len(countries)]}
			}),
		)
	}
	return out
}

// BenchmarkCompare10k: findings over the claims of 10,000 articles (target
// ≤ 2 s, SPEC "Findings"); `make bench` runs it, and scripts/bench times
// the conflicts command on a real 10,000-article database.
func BenchmarkCompare10k(b *testing.B) {
	claims := syntheticClaims(10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compare(claims)
	}
}

func BenchmarkExtractFactsSeeds(b *testing.B) {
	docs, stmts := seedDocs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			ExtractFacts(d, stmts[j])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs))/1000, "µs/doc")
}

// TestAgreementsMergeStatementsOfOneArticle: two sentences of one article
// that name the same place, and one of another article, make one agreement
// citing all three, not one agreement per sentence.
func TestAgreementsMergeStatementsOfOneArticle(t *testing.T) {
	pub1, pub2 := day(2025, 2, 26), month(2025, 6)
	at := func(start, st int, when string, tense string, ord int) func(*Fact) {
		return func(f *Fact) {
			f.Start, f.End, f.Statement, f.When, f.Tense, f.Ordinal = start, start+8, st, when, tense, ord
			f.Place, f.Subject = "Istanbul", "Russia–US talks in Istanbul"
		}
	}
	cs := []Claim{
		talks(1, "RT", pub1, "place", "Istanbul", at(112, 0, "2025-02-27", fxTenseFuture, 0)),
		talks(1, "RT", pub1, "place", "Istanbul", at(523, 2, "2025-02-27", fxTenseFuture, 0)),
		talks(2, "", pub2, "place", "Istanbul", at(914, 6, "2025-02-27", "", 0)),
		talks(2, "", pub2, "place", "Istanbul", at(1362, 8, "2025-04-10", fxTensePast, 2)),
	}
	var agree []Finding
	for _, f := range Compare(cs) {
		if f.Kind == KindAgreement && f.Attribute == "place" {
			agree = append(agree, f)
		}
	}
	if len(agree) != 1 {
		t.Fatalf("place agreements = %d, want 1: %+v", len(agree), agree)
	}
	starts := map[int]bool{}
	for _, c := range agree[0].Claims {
		starts[c.Start] = true
	}
	if !starts[112] || !starts[523] || !starts[914] {
		t.Errorf("the agreement cites %v, want both sentences of article 1 and article 2's", starts)
	}
}
