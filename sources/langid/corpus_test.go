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

// newsDoc is one plain-text article of the corpus with the language its
// manifest gives.
type newsDoc struct {
	name, lang string
	text       []byte
}

// loadNews returns the plain-text articles of the news corpus (every
// step-th member in archive order) and of its nb/ folder, with their
// manifest languages; it skips the benchmark or test without the corpus.
func loadNews(tb testing.TB, step int) []newsDoc {
	tb.Helper()
	dir := corpusDir()
	f, err := os.Open(filepath.Join(dir, "news.tar.gz"))
	if err != nil {
		tb.Skip("corpus news.tar.gz not found; set CLAIMTRAIL_CORPUS")
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var docs []newsDoc
	langs := map[string]string{}
	for i := 0; ; i++ {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(h.Name, "manifest.tsv") {
			b, err := io.ReadAll(tr)
			if err != nil {
				tb.Fatal(err)
			}
			for _, ln := range strings.Split(string(b), "\n") {
				if c := strings.Split(ln, "\t"); len(c) > 2 {
					langs["news/"+c[0]] = c[2]
				}
			}
			continue
		}
		if !strings.HasSuffix(h.Name, ".txt") || i%step != 0 {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, newsDoc{name: h.Name, text: b})
	}
	for k := range docs {
		docs[k].lang = langs[docs[k].name]
	}
	nb, _ := filepath.Glob(filepath.Join(dir, "nb", "*.txt"))
	for _, p := range nb {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, newsDoc{name: "nb/" + filepath.Base(p), lang: "nb", text: b})
	}
	return docs
}

// TestLangNewsCorpus measures the language sources.Read gives the plain
// articles of the corpus (news.tar.gz and nb/, every third news article)
// with Detect plugged in, against their manifest language, per language.
// Skips without the corpus.
func TestLangNewsCorpus(t *testing.T) {
	docs := loadNews(t, 3)
	ok, n := map[string]int{}, map[string]int{}
	wrong := map[string]int{}
	for _, d := range docs {
		if d.lang == "" {
			t.Fatalf("%s: no manifest language", d.name)
		}
		arts, errs := sources.Read(d.name, d.text, sources.Options{DetectLang: Detect})
		if len(errs) != 0 {
			continue
		}
		n[d.lang]++
		if got := arts[0].Lang; got == d.lang {
			ok[d.lang]++
		} else {
			wrong[d.lang+"->"+got]++
		}
	}
	total, good := 0, 0
	for l := range n {
		t.Logf("%s: %d/%d (%.2f%%)", l, ok[l], n[l], 100*float64(ok[l])/float64(n[l]))
		total += n[l]
		good += ok[l]
	}
	t.Logf("all: %d/%d (%.2f%%); wrong: %v", good, total, 100*float64(good)/float64(total), wrong)
	if float64(good) < 0.99*float64(total) || ok["nb"] < n["nb"] {
		t.Errorf("accuracy %d/%d below 99%%, or an nb article missed", good, total)
	}
}

// BenchmarkReadDetectCorpus measures sources.Read with Detect plugged in
// over the plain-text articles of the corpus (news and nb), one article
// per iteration; it reports articles/s. Run with -cpu=1 for a figure per
// core. Skips without the corpus.
func BenchmarkReadDetectCorpus(b *testing.B) {
	docs := loadNews(b, 1)
	Detect("warm up the detector: the models load once")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		sources.Read(d.name, d.text, sources.Options{DetectLang: Detect})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
