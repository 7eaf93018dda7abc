package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

func TestRunFindings(t *testing.T) {
	repo := t.TempDir()
	a := " date 2025-03-01 A\nTwo rounds of talks were held, the minister said.\n"
	b := " date 2025-03-02 B\nThe second round took place in Istanbul on Thursday.\n"
	writeFile(t, filepath.Join(repo, "testdata/articles/a.txt"), a)
	writeFile(t, filepath.Join(repo, "testdata/articles/b.txt"), b)
	as, ae := span(t, a, "Two rounds", 0)
	bs, be := span(t, b, "The second round", 0)
	writeJSON(t, filepath.Join(repo, "testdata/gold/findings/talks.json"), Story{
		Story: "talks", Files: []string{"testdata/articles/a.txt", "testdata/articles/b.txt"},
		Expected: []ExpectedFinding{
			{Kind: "agreement", Attribute: "count", Claims: []FindingClaim{
				{File: "testdata/articles/a.txt", Start: as, End: ae}, {File: "testdata/articles/b.txt", Start: bs, End: be}}},
			{Kind: "conflict|update", Attribute: "date", Claims: []FindingClaim{{File: "testdata/articles/a.txt", Start: as, End: ae}}},
		},
		NotExpected: []NotExpected{{Kind: "conflict", Attribute: "place"}},
	})

	facts := func(d claims.Doc, _ []claims.Statement) []claims.Fact {
		return []claims.Fact{{Statement: -1, Attribute: "count", Value: "2"}}
	}
	var got []claims.Claim
	compare := func(cs []claims.Claim) []claims.Finding {
		got = cs
		fc := func(art int64, s, e int, v string) claims.FindingClaim {
			return claims.FindingClaim{Article: art, Start: s, End: e, Value: v}
		}
		return []claims.Finding{
			// Matches the expected agreement: both claims overlap.
			{Kind: "agreement", Attribute: "count", Claims: []claims.FindingClaim{fc(0, as+4, ae+3, "2"), fc(1, bs, bs+3, "2")}},
			// Right kind and attribute, but the span misses the expected claim: a false conflict, not a hit.
			{Kind: "conflict", Attribute: "date", Claims: []claims.FindingClaim{fc(0, 0, 5, "x"), fc(1, bs, be, "y")}},
			// A conflict the story says must not appear.
			{Kind: "conflict", Attribute: "place", Claims: []claims.FindingClaim{fc(0, as, ae, "Moscow"), fc(1, bs, be, "Istanbul")}},
			// An update on another attribute: neither a conflict nor expected.
			{Kind: "update", Attribute: "deaths", Claims: []claims.FindingClaim{fc(0, as, ae, "1"), fc(1, bs, be, "2")}},
		}
	}
	read := func(src string, data []byte) ([]sources.Article, []error) {
		return []sources.Article{{Source: src, Text: string(data), Lang: "en", Outlet: "X"}}, nil
	}
	var out bytes.Buffer
	rep, err := Run(context.Background(), Pipeline{Read: read, Extract: noExtract, Facts: facts, Compare: compare},
		Options{GoldDir: filepath.Join(repo, "testdata/gold"), Verbose: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Article != 0 || got[1].Article != 1 || got[1].Source != "testdata/articles/b.txt" || got[0].Outlet != "X" {
		t.Errorf("claims given to Compare = %+v", got)
	}
	fe := rep.Findings
	if fe == nil || len(fe.Stories) != 1 {
		t.Fatalf("findings = %+v", fe)
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"expected", fe.Expected, 2},
		{"found", fe.Found, 1},
		{"produced", fe.Produced, 4},
		{"conflicts", fe.Conflicts, 2},
		{"false conflicts", fe.FalseConflicts, 2},
		{"not_expected violations", fe.Violations, 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if val(fe.Recall) != 0.5 {
		t.Errorf("recall = %v, want 0.5", val(fe.Recall))
	}
	for _, want := range []string{"== Findings", "MISSED", "FALSE CONFLICT", "NOT EXPECTED"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	// A held-out story is measured, but its misses are listed only when the
	// held-out split alone is asked for.
	if err := os.Rename(filepath.Join(repo, "testdata/gold/findings/talks.json"),
		filepath.Join(repo, "testdata/gold/findings/heldout-talks.json")); err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"", SplitDev, SplitAll, SplitHeldout} {
		out.Reset()
		rep, err := Run(context.Background(), Pipeline{Read: read, Extract: noExtract, Facts: facts, Compare: compare},
			Options{GoldDir: filepath.Join(repo, "testdata/gold"), Verbose: true, Split: split}, &out)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Findings == nil || rep.Findings.Found != 1 {
			t.Errorf("split %q: held-out story not measured: %+v", split, rep.Findings)
		}
		listed := strings.Contains(out.String(), "MISSED") || strings.Contains(out.String(), "FALSE CONFLICT")
		if listed != (split == SplitHeldout) {
			t.Errorf("split %q: held-out details listed = %v:\n%s", split, listed, out.String())
		}
	}

	// Without a facts stage the section is skipped, not failed.
	rep, err = Run(context.Background(), Pipeline{Read: read, Extract: noExtract},
		Options{GoldDir: filepath.Join(repo, "testdata/gold")}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Findings == nil || rep.Findings.Skipped == "" {
		t.Errorf("findings without a facts stage = %+v", rep.Findings)
	}
}

func TestStoryGoldErrors(t *testing.T) {
	tests := []struct {
		name    string
		story   Story
		wantErr string
	}{
		{"claim file not listed", Story{Files: []string{"testdata/articles/x.txt"},
			Expected: []ExpectedFinding{{Kind: "agreement", Attribute: "count", Claims: []FindingClaim{{File: "testdata/articles/y.txt", Start: 0, End: 3}}}}},
			"not in \"files\""},
		{"no attribute", Story{Files: []string{"testdata/articles/x.txt"},
			Expected: []ExpectedFinding{{Kind: "agreement", Claims: []FindingClaim{{File: "testdata/articles/x.txt", Start: 0, End: 3}}}}},
			"needs kind, attribute and claims"},
		{"span outside the file", Story{Files: []string{"testdata/articles/x.txt"},
			Expected: []ExpectedFinding{{Kind: "agreement", Attribute: "count", Claims: []FindingClaim{{File: "testdata/articles/x.txt", Start: 0, End: 100000}}}}},
			"outside testdata/articles/x.txt"},
		{"no files", Story{}, "no \"files\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, _ := synthRepo(t)
			writeJSON(t, filepath.Join(repo, "testdata/gold/findings/s.json"), tt.story)
			facts := func(claims.Doc, []claims.Statement) []claims.Fact { return nil }
			compare := func([]claims.Claim) []claims.Finding { return nil }
			_, err := Run(context.Background(), Pipeline{Read: plainRead("en"), Extract: noExtract, Facts: facts, Compare: compare},
				Options{GoldDir: filepath.Join(repo, "testdata/gold")}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "s.json") {
				t.Errorf("err = %v, want one naming s.json with %q", err, tt.wantErr)
			}
		})
	}
}
