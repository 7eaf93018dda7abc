package langid

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

func corpusDir() string {
	if d := os.Getenv("CLAIMTRAIL_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpus")
}

// TestLangHTMLCorpus measures the language sources.Read gives the real
// pages of corpus/html with Detect plugged in (the page's own attribute,
// checked against the text), against the language the manifest says the
// page is written in. Skips without the corpus.
func TestLangHTMLCorpus(t *testing.T) {
	dir := filepath.Join(corpusDir(), "html")
	b, err := os.ReadFile(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		t.Skip("corpus html/manifest.tsv not found; set CLAIMTRAIL_CORPUS")
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	head := strings.Split(lines[0], "\t")
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	ok, n := 0, 0
	for _, ln := range lines[1:] {
		c := strings.Split(ln, "\t")
		name, want := c[col["file"]], sources.NormalizeLang(c[col["lang"]])
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		arts, errs := sources.Read(name, data, sources.Options{DetectLang: Detect})
		if len(errs) != 0 || want == "" {
			continue
		}
		n++
		if arts[0].Lang == want {
			ok++
		} else {
			t.Logf("%s: lang %q, manifest %q (page says %q)", name, arts[0].Lang, want, c[col["html_lang"]])
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("HTML corpus language with detection: %d/%d (%.1f%%)", ok, n, 100*acc)
	if acc < 0.97 {
		t.Errorf("accuracy %.3f below the floor 0.97", acc)
	}
}

// TestLangGold measures the language of the hand-written gold articles
// (testdata/gold/meta.tsv) read with Detect. Skips without the corpus.
func TestLangGold(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold", "meta.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ file, lang string }
	var rows []row
	want := map[string]bool{}
	header := true
	for _, ln := range strings.Split(string(b), "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		c := strings.Split(ln, "\t")
		if len(c) > 2 && c[2] != "" {
			rows = append(rows, row{c[0], c[2]})
			want[c[0]] = true
		}
	}
	dir := corpusDir()
	f, err := os.Open(filepath.Join(dir, "news.tar.gz"))
	if err != nil {
		t.Skip("corpus news.tar.gz not found; set CLAIMTRAIL_CORPUS")
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if want[h.Name] {
			if files[h.Name], err = io.ReadAll(tr); err != nil {
				t.Fatal(err)
			}
		}
	}
	ok := 0
	for _, r := range rows {
		data, found := files[r.file]
		if !found {
			if data, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.file))); err != nil {
				t.Fatalf("%s: %v", r.file, err)
			}
		}
		arts, errs := sources.Read(r.file, data, sources.Options{DetectLang: Detect})
		if len(errs) != 0 {
			t.Fatalf("%s: %v", r.file, errs)
		}
		if arts[0].Lang == r.lang {
			ok++
		} else {
			t.Logf("%s: lang %q, gold %q", r.file, arts[0].Lang, r.lang)
		}
	}
	acc := float64(ok) / float64(len(rows))
	t.Logf("gold metadata language: %d/%d (%.1f%%)", ok, len(rows), 100*acc)
	if len(rows) < 35 || acc < 0.97 {
		t.Errorf("accuracy %.3f over %d articles below the floor 0.97", acc, len(rows))
	}
}
