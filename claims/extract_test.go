package claims_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

func init() {
	// -update rewrites golden files; other test files of the package may
	// register the same flag.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	return ok && g.Get() == true
}

// checkInvariants fails the test when statements break the contract of
// Extract: offsets in range, Text equal to its slice, cue spans in range,
// sorted by Start, known kinds.
func checkInvariants(t testing.TB, name string, doc claims.Doc, st []claims.Statement, dg []claims.Diagnostic) {
	t.Helper()
	n := len(doc.Text)
	for i, s := range st {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			t.Fatalf("%s: statement %d: span %d-%d outside text of %d bytes", name, i, s.Start, s.End, n)
		}
		if s.Text != doc.Text[s.Start:s.End] {
			t.Fatalf("%s: statement %d: text %q is not text[%d:%d] %q", name, i, s.Text, s.Start, s.End, doc.Text[s.Start:s.End])
		}
		if s.Cue != "" && (s.CueStart < 0 || s.CueEnd > n || s.CueStart >= s.CueEnd) {
			t.Fatalf("%s: statement %d: cue span %d-%d out of range", name, i, s.CueStart, s.CueEnd)
		}
		switch s.Kind {
		case claims.Direct, claims.Indirect, claims.Assertion:
		default:
			t.Fatalf("%s: statement %d: kind %q", name, i, s.Kind)
		}
		if s.Confidence < 0 || s.Confidence > 1 {
			t.Fatalf("%s: statement %d: confidence %v", name, i, s.Confidence)
		}
		if i > 0 && st[i-1].Start > s.Start {
			t.Fatalf("%s: statements not sorted by start at %d", name, i)
		}
	}
	for i, d := range dg {
		if d.Start < 0 || d.End > n || d.Start > d.End {
			t.Fatalf("%s: diagnostic %d: span %d-%d out of range", name, i, d.Start, d.End)
		}
	}
}

// goldenLine is one line of a golden file: a statement or a diagnostic.
type goldenLine struct {
	*claims.Statement
	Diagnostic *claims.Diagnostic `json:"diagnostic,omitempty"`
}

// TestExtractGolden compares Extract on the sample articles with the
// reviewed output in testdata/extract/*.golden (JSON lines: statements,
// then diagnostics). Run with -update to rewrite them, then review.
func TestExtractGolden(t *testing.T) {
	seeds := seedFiles(t)
	names := make([]string, 0, len(seeds))
	for f := range seeds {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(base, func(t *testing.T) {
			doc := seedDoc(t, f, seeds[f])
			st, dg := claims.Extract(doc)
			checkInvariants(t, base, doc, st, dg)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for i := range st {
				if err := enc.Encode(goldenLine{Statement: &st[i]}); err != nil {
					t.Fatal(err)
				}
			}
			for i := range dg {
				if err := enc.Encode(goldenLine{Diagnostic: &dg[i]}); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", "extract", base+".golden")
			if updating() {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run go test -run TestExtractGolden -update): %v", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				got := strings.Split(buf.String(), "\n")
				exp := strings.Split(string(want), "\n")
				for i := 0; i < len(got) || i < len(exp); i++ {
					var g, e string
					if i < len(got) {
						g = got[i]
					}
					if i < len(exp) {
						e = exp[i]
					}
					if g != e {
						t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", golden, i+1, g, e)
					}
				}
			}
		})
	}
}

// TestSeedExpectations states, independently of the golden files, what
// the sample articles must yield.
func TestSeedExpectations(t *testing.T) {
	seeds := seedFiles(t)
	byPrefix := map[string][]claims.Statement{}
	docs := map[string]claims.Doc{}
	for f, lang := range seeds {
		doc := seedDoc(t, f, lang)
		st, _ := claims.Extract(doc)
		p := filepath.Base(f)[:3]
		byPrefix[p] = st
		docs[p] = doc
	}
	// every direct quotation in 000, 001 and 003 is Lavrov's (003 never
	// gives his first name)
	for _, p := range []string{"000", "001", "003"} {
		n := 0
		for _, s := range byPrefix[p] {
			if s.Kind != claims.Direct {
				continue
			}
			n++
			want := "Sergey Lavrov"
			if p == "003" {
				want = "Lavrov"
			}
			if s.Speaker != want {
				t.Errorf("%s: direct %q: speaker %q, want %q", p, short(s.Text), s.Speaker, want)
			}
		}
		if n < 5 {
			t.Errorf("%s: %d direct quotations, want at least 5", p, n)
		}
	}
	// 001: a Sputnik interview: every Lavrov quotation came through Sputnik
	for _, s := range byPrefix["001"] {
		if s.Kind == claims.Direct && s.Via != "Sputnik" {
			t.Errorf("001: direct %q: via %q, want Sputnik", short(s.Text), s.Via)
		}
	}
	// 000: the relay is an unnamed agency, recorded as written
	found := false
	for _, s := range byPrefix["000"] {
		if s.Via == "a Russian state-run news agency" {
			found = true
			if s.Kind != claims.Direct || !strings.HasPrefix(s.Text, "We’ve already had two rounds") {
				t.Errorf("000: via on the wrong statement: %+v", s)
			}
		}
	}
	if !found {
		t.Error("000: no statement relayed by a Russian state-run news agency")
	}
	// 002: Zakharova told RIA Novosti
	found = false
	for _, s := range byPrefix["002"] {
		if s.Speaker == "Maria Zakharova" {
			found = true
			if s.Kind != claims.Indirect || s.Via != "RIA Novosti" || s.Cue != "told" ||
				s.Text != "Moscow has put forward a candidate but has yet to receive Washington’s approval" {
				t.Errorf("002: Zakharova statement %+v", s)
			}
		}
	}
	if !found {
		t.Error("002: Zakharova's statement not found")
	}
	// 004: Darchiev's quotations, via TASS; the nested 'den dype staten'
	// stays inside the outer quotation
	n := 0
	for _, s := range byPrefix["004"] {
		if s.Kind != claims.Direct {
			continue
		}
		n++
		if s.Speaker != "Alexander Darchiev" || s.Via != "TASS" || s.SpeakerID != claims.SpeakerID("Aleksandr Darchiev") {
			t.Errorf("004: direct %q: speaker %q (%s) via %q", short(s.Text), s.Speaker, s.SpeakerID, s.Via)
		}
		if strings.HasPrefix(s.Text, "den dype staten") || strings.HasPrefix(s.Text, "hauker") {
			t.Errorf("004: nested quotation extracted on its own: %q", s.Text)
		}
	}
	if n < 6 {
		t.Errorf("004: %d direct quotations, want 6", n)
	}
	// titles are never statements; boilerplate neither
	for p, st := range byPrefix {
		d := docs[p]
		for _, s := range st {
			if d.TitleSpan.End > d.TitleSpan.Start && s.Start < d.TitleSpan.End && s.End > d.TitleSpan.Start {
				t.Errorf("%s: statement inside the title: %q", p, short(s.Text))
			}
			for _, b := range d.Boilerplate {
				if s.Start < b.End && s.End > b.Start {
					t.Errorf("%s: statement inside boilerplate: %q", p, short(s.Text))
				}
			}
		}
	}
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// TestExtractReuse checks that extracting other articles in between does
// not change what an article yields (extractors are pooled).
func TestExtractReuse(t *testing.T) {
	docs := seedDocs(t)
	first := make([][]claims.Statement, len(docs))
	for i, d := range docs {
		first[i], _ = claims.Extract(d)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		again, _ := claims.Extract(docs[i])
		if !reflect.DeepEqual(again, first[i]) {
			t.Fatalf("article %d: statements differ on a second run", i)
		}
	}
}

// TestExtractCorpusInvariants runs extraction over corpus articles and
// checks the contract on every output; it skips without the corpus.
func TestExtractCorpusInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short")
	}
	docs := loadCorpus(t, 2000)
	stmts := 0
	for _, c := range docs {
		st, dg := claims.Extract(c.doc)
		checkInvariants(t, c.name, c.doc, st, dg)
		for _, d := range dg {
			if strings.HasPrefix(d.Message, "extraction failed") {
				t.Fatalf("%s: %s", c.name, d.Message)
			}
		}
		stmts += len(st)
	}
	t.Logf("%d articles, %d statements", len(docs), stmts)
}

// TestExtractLinear checks that a 4 MB article of stray marks and
// repeated prose takes time proportional to its size: 8× the size may
// take at most 24× the time of a 0.5 MB one (ideal 8×, plus cache and
// garbage-collection effects of big arrays; quadratic work would be 64×).
func TestExtractLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped in -short")
	}
	small := claims.Doc{Text: syntheticArticle(t, 512<<10), Lang: "en"}
	big := claims.Doc{Text: syntheticArticle(t, 4<<20), Lang: "en"}
	best := func(d claims.Doc) int64 {
		var b int64 = 1 << 62
		for i := 0; i < 3; i++ {
			r := testing.Benchmark(func(tb *testing.B) {
				for j := 0; j < tb.N; j++ {
					claims.Extract(d)
				}
			})
			if ns := r.NsPerOp(); ns < b {
				b = ns
			}
		}
		return b
	}
	ts, tb := best(small), best(big)
	if tb > 24*ts {
		t.Fatalf("4 MB took %d ns, 0.5 MB %d ns: %.1f×, want about 8× (linear)", tb, ts, float64(tb)/float64(ts))
	}
	t.Logf("0.5 MB %.1f ms, 4 MB %.1f ms (%.1f×)", float64(ts)/1e6, float64(tb)/1e6, float64(tb)/float64(ts))
}

// TestSpeakerID checks that spelling variants of one person share an id.
func TestSpeakerID(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"Sergey/Sergej", "Sergey Lavrov", "Sergej Lavrov", true},
		{"Sergey/Sergei", "Sergey Lavrov", "Sergei Lavrov", true},
		{"Aleksandr/Alexander", "Aleksandr Darchiev", "Alexander Darchiev", true},
		{"Aleksander/Alexander", "Aleksander Darchiev", "Alexander Darchiev", true},
		{"Yury/Yuri/Jurij", "Yury Ushakov", "Jurij Ushakov", true},
		{"Yuri/Yury", "Yuri Ushakov", "Yury Ushakov", true},
		{"Dmitry/Dmitrij", "Dmitry Peskov", "Dmitrij Peskov", true},
		{"Dmitri/Dmitry", "Dmitri Peskov", "Dmitry Peskov", true},
		{"Maria/Mariya", "Maria Zakharova", "Mariya Zakharova", true},
		{"Cyrillic", "Сергей Лавров", "Sergey Lavrov", true},
		{"diacritics", "Jonas Gahr Støre", "Jonas Gahr Store", true},
		{"case and space", "sergey  LAVROV", "Sergey Lavrov", true},
		{"title dropped", "Mr Blair", "Blair", true},
		{"different people", "Sergey Lavrov", "Sergey Shoigu", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := claims.SpeakerID(tc.a), claims.SpeakerID(tc.b)
			if (a == b) != tc.same || a == "" {
				t.Errorf("SpeakerID(%q)=%q, SpeakerID(%q)=%q, same=%v", tc.a, a, tc.b, b, tc.same)
			}
		})
	}
	if got := claims.SpeakerID("Sergey Lavrov"); got != "sergei-lavrov" {
		t.Errorf("SpeakerID(Sergey Lavrov) = %q, want sergei-lavrov", got)
	}
	if got := claims.SpeakerID("  "); got != "" {
		t.Errorf("SpeakerID(blank) = %q, want empty", got)
	}
}

// TestSentenceSpans checks sentence boundaries with the language data.
func TestSentenceSpans(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string
		want []string
	}{
		{"en abbreviations", "en", "Mr. Smith met Dr. Jones on Feb. 27 at 10 a.m. in the U.S. capital. They talked.",
			[]string{"Mr. Smith met Dr. Jones on Feb. 27 at 10 a.m. in the U.S. capital.", "They talked."}},
		{"en U.S. at sentence end", "en", "He moved to the U.S. The company said so.",
			[]string{"He moved to the U.S.", "The company said so."}},
		{"en No. before digits", "en", "He lives at No. 10 Downing Street. Really.",
			[]string{"He lives at No. 10 Downing Street.", "Really."}},
		{"en quotation kept whole", "en", "“It will take time. We are waiting,” Lavrov said. He left.",
			[]string{"“It will take time. We are waiting,” Lavrov said.", "He left."}},
		{"nb ordinal and abbreviations", "nb", "Møtet var 27. februar. Han kom bl.a. til Oslo kl. 10.30. Det regnet.",
			[]string{"Møtet var 27. februar.", "Han kom bl.a. til Oslo kl. 10.30.", "Det regnet."}},
		{"nb dash quotation kept whole", "nb", "- Vi er fornøyde. Det gikk bra, sier han. Laget vant.",
			[]string{"- Vi er fornøyde. Det gikk bra, sier han.", "Laget vant."}},
		{"nb initial", "nb", "Bak fulgte Sven O. Høiby med dronningen. Så kom resten.",
			[]string{"Bak fulgte Sven O. Høiby med dronningen.", "Så kom resten."}},
		{"line break ends a sentence", "en", "A heading\nThe text goes on.",
			[]string{"A heading", "The text goes on."}},
		{"question and exclamation", "en", "Why? Because! Fine.",
			[]string{"Why?", "Because!", "Fine."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, sp := range claims.SentenceSpans(tc.text, tc.lang, sources.Span{}) {
				got = append(got, tc.text[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	// within limits the split to a part of the text
	text := "Skip this. Take this one. And this."
	sp := claims.SentenceSpans(text, "en", sources.Span{Start: 11, End: len(text)})
	if len(sp) != 2 || text[sp[0].Start:sp[0].End] != "Take this one." {
		t.Errorf("within: got %v", sp)
	}
}
