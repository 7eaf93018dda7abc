package claims_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
)

// BenchmarkExtract runs extraction over the sample articles and, when the
// corpus is present, 2,000 corpus articles; it reports articles per second
// (one core: run with -cpu 1).
func BenchmarkExtract(b *testing.B) {
	docs := seedDocs(b)
	for _, c := range loadCorpusQuiet(b, 2000) {
		docs = append(docs, c.doc)
	}
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		claims.Extract(docs[i%len(docs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// loadCorpusQuiet is loadCorpus that returns nothing instead of skipping.
func loadCorpusQuiet(b *testing.B, n int) []corpusDoc {
	if _, err := os.Stat(corpusDir()); err != nil {
		return nil
	}
	return loadCorpus(b, n)
}

// BenchmarkExtractLinear extracts one synthetic 10 MB article built from
// the sample articles with stray quotation marks mixed in; its time per
// byte should match BenchmarkExtract's (extraction is linear).
func BenchmarkExtractLinear(b *testing.B) {
	text := syntheticArticle(b, 10<<20)
	doc := claims.Doc{Text: text, Lang: "en"}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		claims.Extract(doc)
	}
}

// syntheticArticle repeats the bodies of the sample articles, with runs of
// unbalanced quotation marks, up to size bytes.
func syntheticArticle(tb testing.TB, size int) string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if len(files) == 0 {
		tb.Skip("sample articles not found")
	}
	var parts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\"\u201c\u00ab unbalanced \u201d \" \u00bb\u201c\n")
	}
	return sb.String()
}
