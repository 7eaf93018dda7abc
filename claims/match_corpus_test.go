package claims

import (
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// BenchmarkMatchStatementsCorpus scores 10,000 real statements that share
// words with the query, as FTS5 candidates would: extraction output of the
// isot-true and reuters articles of the corpus.
func BenchmarkMatchStatementsCorpus(b *testing.B) {
	files := mtCorpusMembers(b, func(n string) bool {
		return strings.HasPrefix(n, "news/isot-true-") || strings.HasPrefix(n, "news/reuters-0")
	})
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	q := Query{Text: "Senate Republicans said the tax bill would cut the corporate rate to 20 percent", Lang: "en"}
	words := []string{"senate", "tax", "bill", "corporate", "percent", "republicans", "rate"}
	var cands []Candidate
	for i, n := range names {
		if len(cands) >= 10000 {
			break
		}
		arts, _ := sources.Read(n, files[n], sources.Options{Lang: "en"})
		if len(arts) == 0 {
			continue
		}
		stmts, _ := Extract(DocOf(arts[0]))
		for _, s := range stmts {
			low := strings.ToLower(s.Text)
			for _, w := range words {
				if strings.Contains(low, w) {
					cands = append(cands, Candidate{Ref: int64(len(cands) + 1), Article: int64(i + 1), Lang: "en",
						Kind: s.Kind, Text: s.Text, Speaker: s.Speaker, SpeakerID: s.SpeakerID, Published: arts[0].Published})
					break
				}
			}
		}
	}
	if len(cands) > 10000 {
		cands = cands[:10000]
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(MatchStatements(q, cands))
	}
	b.ReportMetric(float64(len(cands)), "candidates")
	b.ReportMetric(float64(n), "matches")
}
