package claims_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// seedFiles lists the sample articles with their language.
func seedFiles(tb testing.TB) map[string]string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if len(files) == 0 {
		tb.Fatal("sample articles not found in testdata/articles")
	}
	out := map[string]string{}
	for _, f := range files {
		lang := "en"
		if strings.HasPrefix(filepath.Base(f), "004_") {
			lang = "nb"
		}
		out[f] = lang
	}
	return out
}

// seedDoc reads one sample article the way ingest does.
func seedDoc(tb testing.TB, path, lang string) claims.Doc {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	arts, errs := sources.Read(path, data, sources.Options{Lang: lang})
	if len(arts) == 0 {
		tb.Fatalf("read %s: %v", path, errs)
	}
	return claims.DocOf(arts[0])
}

func seedDocs(tb testing.TB) []claims.Doc {
	fs := seedFiles(tb)
	names := make([]string, 0, len(fs))
	for f := range fs {
		names = append(names, f)
	}
	sort.Strings(names)
	var out []claims.Doc
	for _, f := range names {
		out = append(out, seedDoc(tb, f, fs[f]))
	}
	return out
}
