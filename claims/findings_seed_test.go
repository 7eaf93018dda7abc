package claims

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// seedLangs are the languages of the sample articles (the test reads them
// without a language detector).
var seedLangs = map[string]string{"000": "en", "001": "en", "002": "en", "003": "en", "004": "nb"}

// seedDocs reads the sample articles and extracts their statements.
func seedDocs(t testing.TB) ([]Doc, [][]Statement) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed articles: %v (%d files)", err, len(files))
	}
	sort.Strings(files)
	var docs []Doc
	var stmts [][]Statement
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(path)
		arts, errs := sources.Read(path, b, sources.Options{Lang: seedLangs[base[:3]]})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("read %s: %v", path, errs)
		}
		if !arts[0].Published.Known() && base[:3] == "002" {
			arts[0].Published = sources.Date{Year: 2025, Month: 2, Day: 26, Precision: sources.PrecDay}
		}
		d := DocOf(arts[0])
		st, _ := Extract(d)
		docs = append(docs, d)
		stmts = append(stmts, st)
	}
	return docs, stmts
}

// seedClaims runs the whole pure pipeline on the sample articles: read,
// extract statements, extract facts, and turn them into claims as the
// store would. Article ids are 1–5 in file order.
func seedClaims(t testing.TB) ([]Claim, map[int64]string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed articles: %v (%d files)", err, len(files))
	}
	sort.Strings(files)
	var claims []Claim
	names := map[int64]string{}
	for i, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(path)
		arts, errs := sources.Read(path, b, sources.Options{Lang: seedLangs[base[:3]]})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("read %s: %v", path, errs)
		}
		art := arts[0]
		if !art.Published.Known() && base[:3] == "002" {
			// the acceptance assumes the date inferred from the body
			art.Published = sources.Date{Year: 2025, Month: 2, Day: 26, Precision: sources.PrecDay}
		}
		doc := DocOf(art)
		stmts, _ := Extract(doc)
		id := int64(i + 1)
		names[id] = base[:3]
		for _, f := range ExtractFacts(doc, stmts) {
			c := Claim{Article: id, Source: path, Outlet: art.Outlet, Lang: art.Lang, Published: art.Published, Fact: f}
			if f.Statement >= 0 {
				st := stmts[f.Statement]
				c.Speaker, c.StatementText, c.StatementStart, c.StatementEnd = st.Speaker, st.Text, st.Start, st.End
			}
			claims = append(claims, c)
		}
	}
	return claims, names
}

// findingHas reports whether a finding holds a claim of each named seed
// whose value passes the check.
func findingHas(f Finding, names map[int64]string, want map[string]func(FindingClaim) bool) bool {
	for seed, ok := range want {
		found := false
		for _, c := range f.Claims {
			if names[c.Article] == seed && ok(c) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func valueIs(v string) func(FindingClaim) bool {
	return func(c FindingClaim) bool { return c.Value == v }
}

// numAllows reports whether a claim's number value admits n.
func numAllows(n float64) func(FindingClaim) bool {
	return func(c FindingClaim) bool {
		lo, hi, ok := fxNumInterval(c.Value)
		return ok && lo <= n && n <= hi
	}
}

func anyValue(FindingClaim) bool { return true }

// TestSeedFindings checks the acceptance findings of the issue on the five
// sample articles, found by the general rules.
func TestSeedFindings(t *testing.T) {
	claims, names := seedClaims(t)
	findings := Compare(claims)
	type want struct {
		name  string
		kinds []string
		attr  string
		sev   string // "" = any
		has   map[string]func(FindingClaim) bool
	}
	wants := []want{
		{"two rounds held: 000, 001 and 004 agree", []string{KindAgreement}, "count", "",
			map[string]func(FindingClaim) bool{"000": numAllows(2), "001": numAllows(2), "004": numAllows(2)}},
		{"Istanbul meeting on 2025-02-27: 002 and 004 agree", []string{KindAgreement}, "date", "",
			map[string]func(FindingClaim) bool{"002": valueIs("2025-02-27"), "004": valueIs("2025-02-27")}},
		{"Riyadh meeting on 2025-02-18: 002 and 003 agree", []string{KindAgreement}, "date", "",
			map[string]func(FindingClaim) bool{"002": valueIs("2025-02-18"), "003": valueIs("2025-02-18")}},
		{"next (third) round: very near future (004) vs this fall (000)", []string{KindConflict, KindUpdate}, "date", "",
			map[string]func(FindingClaim) bool{"004": func(c FindingClaim) bool { return c.Vague }, "000": valueIs("2025-09-01/2025-11-30")}},
		{"two rounds in the spring (001) vs a first round on 27 February (004)", []string{KindConflict}, "date", "low",
			map[string]func(FindingClaim) bool{"001": valueIs("2025-03-01/2025-05-31"), "004": valueIs("2025-02-27")}},
	}
	for _, w := range wants {
		t.Run(w.name, func(t *testing.T) {
			for _, f := range findings {
				kindOK := false
				for _, k := range w.kinds {
					kindOK = kindOK || f.Kind == k
				}
				if kindOK && f.Attribute == w.attr && (w.sev == "" || f.Severity == w.sev) && findingHas(f, names, w.has) {
					t.Logf("%s [%s] %s: %s", f.Kind, f.Severity, f.Subject, f.Explanation)
					return
				}
			}
			for _, f := range findings {
				t.Logf("have %s %s [%s] %s: %s", f.Kind, f.Attribute, f.Severity, f.Subject, f.Explanation)
			}
			t.Errorf("missing finding")
		})
	}
	// What must not be found: the Istanbul meeting of 27 February does not
	// contradict the one of 10 April (two rounds, not one misdated).
	for _, f := range findings {
		if f.Kind != KindConflict {
			continue
		}
		if findingHas(f, names, map[string]func(FindingClaim) bool{"002": valueIs("2025-02-27"), "004": valueIs("2025-04-10")}) {
			t.Errorf("false conflict between two different rounds: %s", f.Explanation)
		}
		if f.Severity == "high" {
			t.Errorf("no high-severity conflict expected among the sample articles: %s", f.Explanation)
		}
	}
}

// TestFactsSpans checks on the sample articles that every fact's text is
// its span of the article text and its statement contains it.
func TestFactsSpans(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(path)
		arts, _ := sources.Read(path, b, sources.Options{Lang: seedLangs[base[:3]]})
		for _, art := range arts {
			doc := DocOf(art)
			stmts, _ := Extract(doc)
			facts := ExtractFacts(doc, stmts)
			if len(facts) == 0 {
				t.Errorf("%s: no facts", base)
			}
			for _, f := range facts {
				if f.Start < 0 || f.End > len(doc.Text) || f.Start >= f.End || doc.Text[f.Start:f.End] != f.Text {
					t.Errorf("%s: bad span %d:%d for %q", base, f.Start, f.End, f.Text)
				}
				if f.Statement >= 0 {
					st := stmts[f.Statement]
					if st.Start >= f.End || f.Start >= st.End {
						t.Errorf("%s: fact %q outside its statement %q", base, f.Text, st.Text)
					}
				}
				if strings.TrimSpace(f.Value) == "" {
					t.Errorf("%s: fact %q without value", base, f.Text)
				}
			}
		}
	}
}
