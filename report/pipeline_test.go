package report

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// extractedInput is the report input the real pipeline makes of the sample
// articles: sources.Read, claims.Extract, claims.ExtractFacts and
// claims.Compare, as the CLI does at ingest and report time. Its output
// evolves with the rules, so it is validated (validate_test.go,
// tools_test.go), never compared with a golden file.
func extractedInput(t *testing.T) Input {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles in %s: %v", seedDir, err)
	}
	sort.Strings(files)
	in := Input{Generated: generated, Filters: "the sample articles, extracted"}
	var cs []claims.Claim
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "testdata/articles/" + filepath.Base(f)
		arts, errs := sources.Read(name, data, sources.Options{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("%s: %d articles, errors %v", name, len(arts), errs)
		}
		a, id := arts[0], int64(i+1)
		in.Articles = append(in.Articles, Article{ID: id, Source: a.Source, URL: a.URL, Outlet: a.Outlet,
			Lang: a.Lang, Title: a.Title, Published: a.Published, DateInferred: a.DateInferred, Version: 1})
		doc := claims.DocOf(a)
		stmts, _ := claims.Extract(doc)
		for _, s := range stmts {
			if s.Start < 0 || s.End > len(a.Text) || a.Text[s.Start:s.End] != s.Text {
				t.Fatalf("%s: statement text is not text[start:end]: %+v", name, s)
			}
			in.Statements = append(in.Statements, Statement{Article: id, Statement: s})
		}
		for _, fact := range claims.ExtractFacts(doc, stmts) {
			c := claims.Claim{Article: id, Source: a.Source, Outlet: a.Outlet, Lang: a.Lang, Published: a.Published, Fact: fact}
			if fact.Statement >= 0 && fact.Statement < len(stmts) {
				st := stmts[fact.Statement]
				c.Speaker, c.StatementText, c.StatementStart, c.StatementEnd = st.Speaker, st.Text, st.Start, st.End
			}
			cs = append(cs, c)
		}
	}
	for _, f := range claims.Compare(cs) {
		rf := Finding{Kind: f.Kind, Attribute: f.Attribute, Subject: f.Subject, Severity: f.Severity, Explanation: f.Explanation}
		for _, c := range f.Claims {
			rf.Claims = append(rf.Claims, FindingClaim{Article: c.Article, Source: c.Source, Outlet: c.Outlet,
				Lang: c.Lang, Published: c.Published, Speaker: c.Speaker, Text: c.Text, Value: c.Value,
				Vague: c.Vague, Start: c.Start, End: c.End})
		}
		in.Findings = append(in.Findings, rf)
	}
	if len(in.Statements) == 0 {
		t.Fatal("the pipeline extracted no statement from the sample articles")
	}
	return in
}

// The report of what the pipeline extracts keeps every statement's
// citation and the Norwegian letters.
func TestPipelineReport(t *testing.T) {
	in := extractedInput(t)
	for _, f := range Formats {
		out := render(t, f, in)
		if f != "claimreview" { // JSON-LD names spans as identifiers "A3:1204–1290"
			for _, s := range in.Statements {
				if c := cite(s.Article, s.Start, s.End); !strings.Contains(out, c) {
					t.Errorf("%s: statement %s not cited", f, c)
					break
				}
			}
		}
		if !strings.Contains(out, "ø") {
			t.Errorf("%s: no ø", f)
		}
	}
}
