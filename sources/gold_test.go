package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldRow is one line of testdata/gold/meta.tsv ("-" asserts an empty
// value, an empty cell asserts nothing).
type goldRow struct {
	file, outlet, lang, date, prec, title string
}

// readGold reads testdata/gold/meta.tsv.
func readGold(t testing.TB, path string) []goldRow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []goldRow
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
		for len(c) < 6 {
			c = append(c, "")
		}
		rows = append(rows, goldRow{c[0], c[1], c[2], c[3], c[4], c[5]})
	}
	return rows
}

func goldValue(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// TestGoldMetadata runs Read over the corpus articles of the hand-written
// gold (testdata/gold/meta.tsv) and reports accuracy per field: outlet,
// date (value at its precision), precision and title. Language needs the
// detector and is measured in sources/langid. Skips without the corpus.
func TestGoldMetadata(t *testing.T) {
	rows := readGold(t, filepath.Join("..", "testdata", "gold", "meta.tsv"))
	if len(rows) < 35 {
		t.Errorf("gold has %d articles, want at least 35", len(rows))
	}
	c := openCorpus(t)
	var names []string
	for _, r := range rows {
		names = append(names, r.file)
	}
	c.load(t, names)
	var outlet, date, prec, title tally
	for _, r := range rows {
		arts, errs := Read(r.file, c.file(t, r.file), Options{})
		if len(errs) != 0 || len(arts) != 1 {
			t.Errorf("%s: %v", r.file, errs)
			continue
		}
		a := arts[0]
		check := func(tl *tally, field, gold, got string) {
			if gold == "" {
				return
			}
			ok := goldValue(gold) == got
			tl.add(ok)
			if !ok {
				t.Logf("%s: %s = %q, gold %q", r.file, field, got, gold)
			}
		}
		check(&outlet, "outlet", r.outlet, a.Outlet)
		if r.date != "" {
			check(&date, "date", r.date, a.Published.String())
		}
		check(&prec, "precision", r.prec, string(a.Published.PrecisionOrUnknown()))
		if r.title != "" {
			check(&title, "title", r.title, a.Title)
		}
	}
	t.Logf("gold metadata (%d articles): outlet %d/%d (%.0f%%), date %d/%d (%.0f%%), precision %d/%d (%.0f%%), title %d/%d (%.0f%%)",
		len(rows), outlet.ok, outlet.n, 100*outlet.rate(), date.ok, date.n, 100*date.rate(), prec.ok, prec.n, 100*prec.rate(), title.ok, title.n, 100*title.rate())
	for _, f := range []struct {
		name  string
		rate  float64
		floor float64
	}{{"outlet", outlet.rate(), 0.95}, {"date", date.rate(), 0.95}, {"precision", prec.rate(), 0.95}, {"title", title.rate(), 0.95}} {
		if f.rate < f.floor {
			t.Errorf("%s accuracy %.3f below the floor %.2f", f.name, f.rate, f.floor)
		}
	}
}
