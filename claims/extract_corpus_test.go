package claims_test

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/claims"
	"github.com/claimtrail/claimtrail/sources"
)

// corpusDir returns the shared corpus folder: $CLAIMTRAIL_CORPUS, else
// ../shared/corpus relative to the repository root.
func corpusDir() string {
	if d := os.Getenv("CLAIMTRAIL_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus")
}

// corpusDoc is one corpus article ready for extraction.
type corpusDoc struct {
	name string
	doc  claims.Doc
}

// langOfCorpusName guesses the language of a corpus file from its name.
func langOfCorpusName(name string) string {
	base := filepath.Base(name)
	switch {
	case strings.HasPrefix(name, "nb/"):
		return "nb"
	case strings.HasPrefix(base, "gnad-de"):
		return "de"
	case strings.HasPrefix(base, "factru-ru"):
		return "ru"
	}
	return "en"
}

// loadCorpus reads up to n articles of the corpus, every step-th member of
// news.tar.gz plus the Norwegian folder, in name order. It skips the test
// when the corpus is absent.
func loadCorpus(tb testing.TB, n int) []corpusDoc {
	tb.Helper()
	dir := corpusDir()
	var out []corpusDoc
	add := func(name string, b []byte) {
		arts, _ := sources.Read(name, b, sources.Options{Lang: langOfCorpusName(name)})
		if len(arts) > 0 {
			out = append(out, corpusDoc{name: name, doc: claims.DocOf(arts[0])})
		}
	}
	nbFiles, _ := filepath.Glob(filepath.Join(dir, "nb", "*.txt"))
	sort.Strings(nbFiles)
	for _, f := range nbFiles {
		b, err := os.ReadFile(f)
		if err == nil {
			add("nb/"+filepath.Base(f), b)
		}
	}
	f, err := os.Open(filepath.Join(dir, "news.tar.gz"))
	if err != nil {
		if len(out) == 0 {
			tb.Skipf("corpus not found at %s (set CLAIMTRAIL_CORPUS)", dir)
		}
		return out
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("read corpus: %v", err)
	}
	tr := tar.NewReader(gz)
	step := 12 // ~24,800 members: every 12th gives ~2,000
	i := 0
	for len(out) < n {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatalf("read corpus: %v", err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		i++
		if i%step != 0 {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			tb.Fatalf("read corpus %s: %v", h.Name, err)
		}
		add(h.Name, b)
	}
	return out
}
