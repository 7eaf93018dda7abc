package claims

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// mtSeedCandidates extracts every statement of the sample articles, with
// its facts, as the store would hold them (languages as ingest detects
// them: 004 is Norwegian).
func mtSeedCandidates(t *testing.T) []Candidate {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	sort.Strings(paths)
	if len(paths) != 5 {
		t.Fatalf("%d sample articles", len(paths))
	}
	var cands []Candidate
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lang := "en"
		if strings.HasPrefix(filepath.Base(p), "004") {
			lang = "nb"
		}
		arts, errs := sources.Read(p, b, sources.Options{Lang: lang})
		if len(arts) != 1 {
			t.Fatalf("%s: %v", p, errs)
		}
		doc := DocOf(arts[0])
		stmts, _ := Extract(doc)
		facts := ExtractFacts(doc, stmts)
		for k, s := range stmts {
			var own []Fact
			for _, f := range facts {
				if f.Statement == k {
					own = append(own, f)
				}
			}
			cands = append(cands, Candidate{Ref: int64(len(cands) + 1), Article: int64(i + 1),
				Source: filepath.Base(p), Lang: s.Lang, Published: arts[0].Published, Speaker: s.Speaker,
				SpeakerID: s.SpeakerID, Kind: s.Kind, Text: s.Text, Via: s.Via, Start: s.Start, End: s.End,
				FactKeys: FactKeys(own)})
		}
	}
	return cands
}

// TestProvenanceSeeds runs the two provenance examples of the issue on
// the real extraction of the sample articles (every statement a
// candidate, as if FTS5 had returned them all).
func TestProvenanceSeeds(t *testing.T) {
	cands := mtSeedCandidates(t)
	sourcesOf := func(ms []Match) map[string]string {
		out := map[string]string{}
		for _, m := range ms {
			if _, ok := out[m.Source[:3]]; !ok {
				out[m.Source[:3]] = m.Relation
			}
		}
		return out
	}

	t.Run("Lavrov mutually beneficial projects", func(t *testing.T) {
		q := Query{Text: "when national interests coincide, Russia and the US should implement mutually beneficial projects", Lang: "en"}
		ms := MatchStatements(q, cands)
		got := sourcesOf(ms)
		if got["003"] == "" || got["000"] == "" {
			for _, m := range ms {
				t.Logf("%s %s %.2f %q", m.Source, m.Relation, m.Score, m.Text)
			}
			t.Fatalf("matched articles %v, want 003 and 000", got)
		}
		best, unc := Earliest(ms)
		if ms[best].Source[:3] != "003" || unc {
			t.Errorf("earliest %s (uncertain %v), want 003, certain", ms[best].Source, unc)
		}
	})

	t.Run("Istanbul consultations in Norwegian", func(t *testing.T) {
		q := Query{Text: "The consultations in Istanbul took place on February 27 and April 10", Lang: "en"}
		doc := Doc{Text: q.Text, Lang: q.Lang, Body: sources.Span{End: len(q.Text)}, Published: mtDay("2025-11-23")}
		q.FactKeys = FactKeys(ExtractFacts(doc, nil))
		ms := MatchStatements(q, cands)
		if rel := sourcesOf(ms)["004"]; rel != RelTranslation {
			for _, m := range ms {
				t.Logf("%s %s %.2f %q %v", m.Source, m.Relation, m.Score, m.Text, m.FactKeys)
			}
			t.Errorf("004 relation %q, want translation (query keys %v)", rel, q.FactKeys)
		}
	})
}
