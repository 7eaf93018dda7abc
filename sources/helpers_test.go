package sources

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedFiles lists the sample articles (copies of the seeds) in name order.
func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("sample articles: %v (%d files)", err, len(files))
	}
	return files
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readSeed reads the seed whose file name starts with prefix ("002").
func readSeed(t testing.TB, prefix string) (string, []byte) {
	t.Helper()
	for _, f := range seedFiles(t) {
		if strings.HasPrefix(filepath.Base(f), prefix) {
			return f, readFile(t, f)
		}
	}
	t.Fatalf("no seed %s", prefix)
	return "", nil
}

// corpusDir is $CLAIMTRAIL_CORPUS or ../../shared/corpus from this package.
func corpusDir() string {
	if d := os.Getenv("CLAIMTRAIL_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus")
}

// corpus reads corpus files by name: "news/X.txt" from news.tar.gz (read
// once, only the members asked for), anything else as a plain file.
type corpus struct {
	dir  string
	news map[string][]byte
}

// openCorpus returns the corpus or skips the test when it is absent.
func openCorpus(t testing.TB) *corpus {
	t.Helper()
	dir := corpusDir()
	if _, err := os.Stat(filepath.Join(dir, "news.tar.gz")); err != nil {
		t.Skipf("corpus not found at %s (set CLAIMTRAIL_CORPUS); skipping", dir)
	}
	return &corpus{dir: dir}
}

// load reads the named news members in one pass over the archive.
func (c *corpus) load(t testing.TB, names []string) {
	t.Helper()
	want := map[string]bool{}
	for _, n := range names {
		if strings.HasPrefix(n, "news/") {
			want[n] = true
		}
	}
	if len(want) == 0 {
		return
	}
	c.news = map[string][]byte{}
	c.walkNews(t, func(name string, data []byte) bool {
		if want[name] {
			c.news[name] = data
		}
		return true
	}, func(name string) bool { return want[name] })
}

// walkNews calls f for the members of news.tar.gz that keep accepts, in
// archive order, until f returns false.
func (c *corpus) walkNews(t testing.TB, f func(name string, data []byte) bool, keep func(name string) bool) {
	t.Helper()
	fh, err := os.Open(filepath.Join(c.dir, "news.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	gz, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if !keep(h.Name) {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if !f(h.Name, data) {
			return
		}
	}
}

// file returns a corpus file's bytes.
func (c *corpus) file(t testing.TB, name string) []byte {
	t.Helper()
	if b, ok := c.news[name]; ok {
		return b
	}
	if strings.HasPrefix(name, "news/") {
		t.Fatalf("corpus member %s not loaded or missing", name)
	}
	return readFile(t, filepath.Join(c.dir, filepath.FromSlash(name)))
}
