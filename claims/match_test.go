package claims

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// mtSeedText reads a sample article of testdata/articles by its number.
func mtSeedText(t testing.TB, num string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "articles", num+"_*.txt"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("seed %s: %v (%d files)", num, err, len(paths))
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatalf("seed %s: %v", num, err)
	}
	return string(b)
}

// mtSeedCand builds a candidate for the text of a seed article, with its
// byte span found in the article (so Start/End are real offsets).
func mtSeedCand(t testing.TB, num string, ref int64, text string) Candidate {
	t.Helper()
	art := mtSeedText(t, num)
	i := strings.Index(art, text)
	if i < 0 {
		t.Fatalf("seed %s does not contain %q", num, text)
	}
	return Candidate{Ref: ref, Text: text, Start: i, End: i + len(text)}
}

func mtDay(s string) sources.Date {
	d, err := sources.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{name: "identical", a: "We will hold a third round this fall.", b: "We will hold a third round this fall.", lo: 1, hi: 1},
		{name: "case and punctuation", a: "We will hold a third round, this fall!", b: "we will hold a THIRD round this fall", lo: 1, hi: 1},
		{name: "abbreviation U.S. equals US", a: "the U.S. Senate", b: "the US Senate", lo: 1, hi: 1},
		{
			// isot-true-0331.txt @1219 and isot-true-0339.txt @1692.
			name: "one abbreviation spelled otherwise",
			a:    "Roy Moore in the U.S. Senate would be a stain on the GOP and on the nation,",
			b:    "Roy Moore in the US Senate would be a stain on the GOP and on the nation,",
			lo:   1, hi: 1,
		},
		{
			// isot-true-0145.txt @974 and isot-true-0150.txt @288.
			name: "small edit",
			a:    "The speaker assured the president that those were not accurate reports and that they looked forward to working together for a long time to come,",
			b:    "The speaker assured the president that those were not accurate reports, and that they look forward to working together for a long time to come,",
			lo:   0.85, hi: 0.99,
		},
		{
			name: "clauses reordered",
			a:    "The talks took place in Istanbul on February 27, officials said.",
			b:    "Officials said the talks took place on February 27 in Istanbul.",
			lo:   0.6, hi: 0.95,
		},
		{
			// bbc-politics-271.txt @2166 and bbc-politics-344.txt @1558.
			name: "edited variant of a quotation",
			a:    "All this adds up to a bottom line and the bottom line is at this election people will have a clear choice between Mr Blair, who will waste more and tax more, and a Conservative government that will give them value for money and tax less.",
			b:    "At this election, people will have a clear choice between Mr Blair who will waste more and tax more and the Conservative party which will give value for money and tax less,",
			lo:   0.6, hi: 0.9,
		},
		{
			name: "nb inflection through truncation",
			a:    "Konsultasjonene fant sted i Istanbul.",
			b:    "Konsultasjoner fant sted i Istanbul.",
			lo:   1, hi: 1,
		},
		{
			name: "unrelated sentences",
			a:    "Russia and the United States have agreed to a third round of discussions this autumn.",
			b:    "The central bank left interest rates unchanged on Thursday.",
			lo:   0, hi: 0.2,
		},
		{
			// Seeds 000 and 003: the same idea in other words.
			name: "loose paraphrase is low",
			a:    "In cases where interests coincide—and in relations between the US and Russia, such cases are, of course, rare—but when they do, it would be foolish not to use this circumstance to implement some joint, mutually beneficial projects.",
			b:    "when national interests coincide, efforts must be united and implemented",
			lo:   0.1, hi: 0.4,
		},
		{name: "no words", a: "—!?", b: "—!?", lo: 0, hi: 0},
		{name: "empty", a: "", b: "Something.", lo: 0, hi: 0},
		{name: "one word each", a: "Lavrov", b: "lavrov.", lo: 1, hi: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Similarity(tt.a, tt.b)
			if got < tt.lo-1e-9 || got > tt.hi+1e-9 {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", got, tt.lo, tt.hi)
			}
			if back := Similarity(tt.b, tt.a); back != got {
				t.Errorf("not symmetric: %.3f vs %.3f", got, back)
			}
		})
	}
}

func TestMatchStatements(t *testing.T) {
	// Seed 003, line 15 (partial quotations of Lavrov) and seed 000, line 5.
	lavrov003 := mtSeedCand(t, "003", 1, "mutually beneficial projects")
	lavrov003.Lang, lavrov003.Kind, lavrov003.Published = "en", Direct, mtDay("2025-02-19")
	lavrov003b := mtSeedCand(t, "003", 2, "when national interests coincide, efforts must be united and implemented")
	lavrov003b.Lang, lavrov003b.Kind, lavrov003b.Published = "en", Direct, mtDay("2025-02-19")
	lavrov000 := mtSeedCand(t, "000", 3, "In cases where interests coincide—and in relations between the US and Russia, such cases are, of course, rare—but when they do, it would be foolish not to use this circumstance to implement some joint, mutually beneficial projects.")
	lavrov000.Lang, lavrov000.Kind, lavrov000.Published = "en", Direct, mtDay("2025-09-28")
	// Seed 001, line 5 (reported speech of Lavrov).
	rounds001 := mtSeedCand(t, "001", 4, "There were two rounds of talks in the spring, where a number of agreements were reached to improve the operating conditions of diplomatic missions")
	rounds001.Lang, rounds001.Kind = "en", Indirect
	rounds001.FactKeys = []string{"count:talks=2", "season=2025-spring", "event=talks"}
	// Seed 004, line 9 (Norwegian assertion).
	istanbul004 := mtSeedCand(t, "004", 5, "Konsultasjoner som tar sikte på å normalisere driften av russiske og amerikanske ambassader og adressere hindringer i bilaterale forhold, fant sted i Istanbul 27. februar og 10. april.")
	istanbul004.Lang, istanbul004.Kind, istanbul004.Published = "nb", Assertion, mtDay("2025-06")
	istanbul004.FactKeys = []string{"date=2025-02-27", "date=2025-04-10", "place=Istanbul", "event=consultations"}
	// The same facts in English without the words (invented assertion).
	sameFactsEN := Candidate{Ref: 6, Lang: "en", Kind: Assertion, Text: "Diplomats from both countries met in Istanbul on February 27.",
		FactKeys: []string{"date=2025-02-27", "place=istanbul", "event=meeting"}}
	// Seed 004, line 15 (Darchiev's quotation).
	darchiev004 := mtSeedCand(t, "004", 8, "Jeg kan bekrefte at neste forhandlingsrunde mellom delegasjonene vil finne sted i svært nær fremtid i Moskva.")
	darchiev004.Lang, darchiev004.Kind, darchiev004.SpeakerID = "nb", Direct, "alexander-darchiev"
	darchiev004.FactKeys = []string{"place=moscow", "when=near-future"}
	unrelated := Candidate{Ref: 7, Lang: "en", Kind: Assertion, Text: "The central bank left interest rates unchanged on Thursday."}
	cands := []Candidate{unrelated, lavrov003, lavrov003b, lavrov000, rounds001, istanbul004, sameFactsEN, darchiev004}

	type want struct {
		ref int64
		rel string
	}
	tests := []struct {
		name string
		q    Query
		want []want // in order
	}{
		{
			name: "verbatim fragment and paraphrase of the Lavrov sentence",
			q:    Query{Text: "when national interests coincide, Russia and the US should implement mutually beneficial projects", Lang: "en"},
			want: []want{{3, RelParaphrase}, {1, RelVerbatim}},
		},
		{
			name: "verbatim inside a longer quotation",
			q:    Query{Text: "it would be foolish not to use this circumstance to implement some joint, mutually beneficial projects", Lang: "en"},
			// The 3-word fragment covers under a fifth of this query.
			want: []want{{3, RelVerbatim}},
		},
		{
			name: "verbatim with one word changed",
			q:    Query{Text: "such cases are, of course, very rare—but when they do, it would be foolish not to use this circumstance", Lang: "en"},
			want: []want{{3, RelVerbatim}},
		},
		{
			name: "paraphrase of reported speech",
			q:    Query{Text: "Lavrov said two rounds of talks took place in spring and agreements were reached on the work of diplomatic missions", Lang: "en"},
			want: []want{{4, RelParaphrase}},
		},
		{
			name: "translation of the Istanbul consultations",
			q: Query{Text: "The consultations in Istanbul took place on February 27 and April 10", Lang: "en",
				FactKeys: []string{"date=2025-02-27", "date=2025-04-10", "place=Istanbul", "event=consultations"}},
			want: []want{{5, RelTranslation}, {6, RelSameFacts}},
		},
		{
			name: "translation needs the event or speaker",
			q: Query{Text: "Istanbul hosted a chess tournament on February 27 and April 10", Lang: "en",
				FactKeys: []string{"date=2025-02-27", "date=2025-04-10", "place=Istanbul", "event=tournament"}},
			want: []want{{5, RelSameFacts}, {6, RelSameFacts}},
		},
		{
			name: "translation by the same speaker",
			q: Query{Text: "I can confirm that the next round of negotiations between the delegations will take place in Moscow very soon", Lang: "en",
				SpeakerID: "alexander-darchiev", FactKeys: []string{"place=Moscow", "when=near-future"}},
			want: []want{{8, RelTranslation}},
		},
		{
			name: "other speaker: same facts only",
			q: Query{Text: "The next round will take place in Moscow soon", Lang: "en",
				SpeakerID: "sergey-lavrov", FactKeys: []string{"place=Moscow", "when=near-future"}},
			want: []want{{8, RelSameFacts}},
		},
		{
			name: "numbers differ: no paraphrase",
			q:    Query{Text: "There were five rounds of talks in the winter, where agreements were reached to improve the operating conditions of embassies", Lang: "en"},
			want: nil,
		},
		{name: "nothing matches", q: Query{Text: "A volcano erupted in Iceland.", Lang: "en"}, want: nil},
		{name: "empty query", q: Query{Text: "", Lang: "en"}, want: nil},
		{name: "punctuation only", q: Query{Text: "\"*\" OR NEAR(", Lang: "en"}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchStatements(tt.q, cands)
			var g []want
			for _, m := range got {
				g = append(g, want{m.Ref, m.Relation})
				if m.Score <= 0 || m.Score > 1 {
					t.Errorf("ref %d: score %.3f outside (0,1]", m.Ref, m.Score)
				}
			}
			if fmt.Sprint(g) != fmt.Sprint(tt.want) {
				for _, m := range got {
					t.Logf("ref %d %s %.3f", m.Ref, m.Relation, m.Score)
				}
				t.Errorf("matches = %v, want %v", g, tt.want)
			}
		})
	}
}

func TestMatchStatementsDeterministic(t *testing.T) {
	base := Candidate{Lang: "en", Text: "We’ve already had two rounds, and Marco Rubio and I agreed to hold a third this fall"}
	var cands []Candidate
	for i := 5; i >= 1; i-- {
		c := base
		c.Ref = int64(i)
		c.Published = mtDay("2025-09-28")
		cands = append(cands, c)
	}
	cands[1].Published = mtDay("2025-09")
	got := MatchStatements(Query{Text: base.Text, Lang: "en"}, cands)
	var refs []int64
	for _, m := range got {
		refs = append(refs, m.Ref)
	}
	// Equal scores: the day before the month that holds it, then by Ref.
	if want := "[1 2 3 5 4]"; fmt.Sprint(refs) != want {
		t.Errorf("order = %v, want %s", refs, want)
	}
}

func TestEarliest(t *testing.T) {
	m := func(ref, art int64, date string) Match {
		c := Candidate{Ref: ref, Article: art}
		if date != "" {
			c.Published = mtDay(date)
		}
		return Match{Candidate: c}
	}
	tests := []struct {
		name      string
		ms        []Match
		best      int64 // Ref of the winner, 0 for none
		uncertain bool
	}{
		{name: "month against a day inside it", ms: []Match{m(1, 1, "2025-06"), m(2, 2, "2025-06-10")}, best: 2, uncertain: true},
		{name: "day before the month", ms: []Match{m(1, 1, "2025-06"), m(2, 2, "2025-05-31")}, best: 2, uncertain: false},
		{name: "month before a later day", ms: []Match{m(1, 1, "2025-07-15"), m(2, 2, "2025-06")}, best: 2, uncertain: false},
		{name: "year against a day inside it", ms: []Match{m(1, 1, "2025"), m(2, 2, "2025-03-01")}, best: 2, uncertain: true},
		{name: "seeds 003 and 000", ms: []Match{m(3, 10, "2025-09-28"), m(1, 13, "2025-02-19")}, best: 1, uncertain: false},
		{name: "same day is uncertain", ms: []Match{m(1, 1, "2025-02-19"), m(2, 2, "2025-02-19")}, best: 1, uncertain: true},
		{name: "same article is no rival", ms: []Match{m(1, 1, "2025-02-19"), m(2, 1, "2025-02-19")}, best: 1, uncertain: false},
		{name: "unknown never wins", ms: []Match{m(1, 1, ""), m(2, 2, "2025-09-28")}, best: 2, uncertain: false},
		{name: "all unknown", ms: []Match{m(2, 1, ""), m(1, 2, "")}, best: 1, uncertain: true},
		{name: "single", ms: []Match{m(7, 1, "")}, best: 7, uncertain: false},
		{name: "empty", ms: nil, best: 0, uncertain: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, unc := Earliest(tt.ms)
			var ref int64
			if i >= 0 {
				ref = tt.ms[i].Ref
			}
			if ref != tt.best || unc != tt.uncertain {
				t.Errorf("Earliest = ref %d uncertain %v, want ref %d uncertain %v", ref, unc, tt.best, tt.uncertain)
			}
		})
	}
}

// mtBenchCandidates makes n candidate sentences from a Zipf-distributed
// vocabulary, deterministic, with a few real variants of the query mixed in.
func mtBenchCandidates(n int, seed int64) []Candidate {
	r := rand.New(rand.NewSource(seed))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*2654435761%1000003)
	}
	z := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	out := make([]Candidate, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		words := 12 + r.Intn(30)
		for k := 0; k < words; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[z.Uint64()])
		}
		b.WriteByte('.')
		out[i] = Candidate{Ref: int64(i + 1), Article: int64(i/8 + 1), Lang: "en", Kind: Direct, Text: b.String(),
			Published: sources.DayDate(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%300))}
		if i%1000 == 0 {
			out[i].Text = "When national interests coincide, Russia and the US should implement some joint, mutually beneficial projects, " + b.String()
		}
	}
	return out
}

func BenchmarkMatchStatements10k(b *testing.B) {
	cands := mtBenchCandidates(10000, 1)
	q := Query{Text: "when national interests coincide, Russia and the US should implement mutually beneficial projects", Lang: "en",
		FactKeys: []string{"event=projects", "place=russia"}}
	b.ReportAllocs()
	for b.Loop() {
		if ms := MatchStatements(q, cands); len(ms) < 10 {
			b.Fatalf("%d matches", len(ms))
		}
	}
}

// TestMatchTranslationThroughFacts runs the cross-language path as the
// store does: facts of the query and of the stored Norwegian sentence (seed
// 004, line 9) through ExtractFacts and FactKeys.
func TestMatchTranslationThroughFacts(t *testing.T) {
	keys := func(text, lang, pub string) []string {
		doc := Doc{Text: text, Lang: lang, Body: sources.Span{Start: 0, End: len(text)}, Published: mtDay(pub)}
		return FactKeys(ExtractFacts(doc, nil))
	}
	q := Query{Text: "The consultations in Istanbul took place on February 27 and April 10", Lang: "en"}
	q.FactKeys = keys(q.Text, q.Lang, "2025-09-01")
	nb := mtSeedCand(t, "004", 5, "Konsultasjoner som tar sikte på å normalisere driften av russiske og amerikanske ambassader og adressere hindringer i bilaterale forhold, fant sted i Istanbul 27. februar og 10. april.")
	nb.Lang, nb.Kind, nb.Published = "nb", Assertion, mtDay("2025-06")
	nb.FactKeys = keys(nb.Text, nb.Lang, "2025-06")
	ms := MatchStatements(q, []Candidate{nb})
	if len(ms) != 1 || ms[0].Relation != RelTranslation {
		t.Fatalf("matches %+v, want one translation (query keys %v, candidate keys %v)", ms, q.FactKeys, nb.FactKeys)
	}
}

func TestFactKeys(t *testing.T) {
	facts := []Fact{
		{Attribute: "date", Event: "talks", Value: "2025-02-27", Place: "Istanbul"},
		{Attribute: "count", Event: "talks", Value: "2"},
		{Attribute: "count", Event: "talks", Value: ">=2", Derived: true},
		{Attribute: "deaths", Event: "earthquake", Value: "0", Negated: true},
		{Attribute: "place", Value: "Istanbul", Place: "Istanbul"},
	}
	want := "[count:talks=2 date=2025-02-27 event=talks place=istanbul]"
	if got := fmt.Sprint(FactKeys(facts)); got != want {
		t.Errorf("FactKeys = %s, want %s", got, want)
	}
	if got := FactKeys(nil); len(got) != 0 {
		t.Errorf("FactKeys(nil) = %v", got)
	}
}

func TestMatchStatementsOddInput(t *testing.T) {
	cands := []Candidate{
		{Ref: 1, Lang: "en", Text: "DROP TABLE statements; -- said the minister"},
		{Ref: 2, Lang: "en", Text: "The minister said the talks would go on."},
	}
	huge := strings.Repeat("the minister said the talks would go on and on ", 20000) // ~1 MB
	tests := []struct {
		name string
		q    string
		want string
	}{
		{name: "sql", q: "'; DROP TABLE statements; --", want: "[1]"},
		{name: "fts5 syntax", q: `"minister" NEAR(talks, 3) OR col:*`, want: "[]"},
		{name: "empty", q: "", want: "[]"},
		{name: "spaces", q: " \t\n ", want: "[]"},
		{name: "invalid utf8", q: "\xff\xfe minister \xc3", want: "[1 2]"},
		{name: "huge query", q: huge, want: "[2]"}, // its one distinct sentence
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			ms := MatchStatements(Query{Text: tt.q, Lang: "en"}, cands)
			var refs []int64
			for _, m := range ms {
				refs = append(refs, m.Ref)
			}
			if got := fmt.Sprint(refs); got != tt.want && !(got == "[]" && tt.want == "[]") {
				t.Errorf("refs = %s, want %s", got, tt.want)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
		})
	}
}

func FuzzSimilarity(f *testing.F) {
	f.Add("There were two rounds of talks.", "There were three rounds of talks.")
	f.Add("the U.S. Senate", "the US Senate")
	f.Add("«Vi forventer at neste møte holdes»", "встреча состоится")
	f.Add("\xff", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 2000 || len(b) > 2000 {
			return
		}
		s := Similarity(a, b)
		if s < 0 || s > 1 || s != s {
			t.Fatalf("Similarity = %v", s)
		}
		if back := Similarity(b, a); back != s {
			t.Fatalf("not symmetric: %v vs %v", s, back)
		}
		for _, m := range MatchStatements(Query{Text: a, Lang: "en", FactKeys: []string{"date=" + b}},
			[]Candidate{{Text: b, Lang: "en", FactKeys: []string{"date=" + b, "place=" + a}}}) {
			if m.Score <= 0 || m.Score > 1 || m.Score != m.Score {
				t.Fatalf("score %v (%s)", m.Score, m.Relation)
			}
		}
	})
}
