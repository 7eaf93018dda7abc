package sources

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// manifestRow is one row of corpus/html/manifest.tsv.
type manifestRow map[string]string

func readManifest(t *testing.T, dir string) []manifestRow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		t.Skipf("corpus HTML manifest not found in %s; skipping", dir)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	var rows []manifestRow
	for _, ln := range lines[1:] {
		cols := strings.Split(ln, "\t")
		r := manifestRow{}
		for i, h := range head {
			if i < len(cols) {
				r[h] = cols[i]
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// tally counts right answers for one field.
type tally struct{ ok, n int }

func (t *tally) add(ok bool) {
	t.n++
	if ok {
		t.ok++
	}
}

func (t tally) rate() float64 {
	if t.n == 0 {
		return 1
	}
	return float64(t.ok) / float64(t.n)
}

// TestHTMLCorpus reads the real saved pages of corpus/html and measures,
// per field, how often Read agrees with what the pages' source
// repositories state (manifest.tsv): publication date, title, site name
// (as outlet), canonical URL and, for pages with a reference body, how
// much of it is found (word recall) and how much of ours is in it (word
// precision); "must contain" snippets in the text and "must not
// contain" ones outside its boilerplate spans. It prints
// the figures and fails below floors set a little under what was
// measured. Skips without the corpus.
func TestHTMLCorpus(t *testing.T) {
	dir := filepath.Join(corpusDir(), "html")
	rows := readManifest(t, dir)
	var date, title, site, url, lang, with, without tally
	var recall, precision float64
	bodies, refused := 0, 0
	for _, r := range rows {
		name := r["file"]
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		arts, errs := Read(name, data, Options{})
		if r["kind"] != "article" {
			continue
		}
		if len(errs) > 0 || len(arts) != 1 {
			refused++
			t.Logf("%s: refused: %v", name, errs)
			continue
		}
		a := arts[0]
		if exp := r["expected_date"]; len(exp) >= 10 {
			ok := a.Published.String() == exp[:10]
			date.add(ok)
			if !ok {
				t.Logf("%s: date %q, expected %q", name, a.Published, exp)
			}
		}
		if exp := r["expected_title"]; exp != "" {
			ok := cleanSpace(a.Title) == cleanSpace(exp)
			title.add(ok)
			if !ok {
				t.Logf("%s: title %q, expected %q", name, a.Title, exp)
			}
		}
		if exp := r["expected_sitename"]; exp != "" {
			ok := sameOutlet(a.Outlet, exp)
			site.add(ok)
			if !ok {
				t.Logf("%s: outlet %q, expected site %q", name, a.Outlet, exp)
			}
		}
		if exp := r["expected_url"]; exp != "" {
			ok := normURL(a.URL) == normURL(exp)
			url.add(ok)
			if !ok {
				t.Logf("%s: url %q, expected %q", name, a.URL, exp)
			}
		}
		if exp := r["lang"]; exp != "" {
			lang.add(a.Lang == NormalizeLang(exp))
		}
		if b, err := os.ReadFile(filepath.Join(dir, "truth", name+".txt")); err == nil {
			rc, pr := wordOverlap(string(b), a.Text)
			recall += rc
			precision += pr
			bodies++
		}
		if b, err := os.ReadFile(filepath.Join(dir, "truth", name+".snippets.json")); err == nil {
			var sn struct{ With, Without []string }
			if err := json.Unmarshal(b, &sn); err != nil {
				t.Fatal(err)
			}
			flat := cleanSpace(a.Text)
			prose := cleanSpace(withoutSpans(a.Text, a.Boilerplate))
			for _, w := range sn.With {
				ok := strings.Contains(flat, cleanSpace(w))
				with.add(ok)
				if !ok {
					t.Logf("%s: text snippet missing: %q", name, w)
				}
			}
			for _, w := range sn.Without {
				ok := !strings.Contains(prose, cleanSpace(w))
				without.add(ok)
				if !ok {
					t.Logf("%s: boilerplate snippet kept: %q", name, w)
				}
			}
		}
	}
	if bodies > 0 {
		recall /= float64(bodies)
		precision /= float64(bodies)
	}
	t.Logf("HTML corpus (%d pages): date %d/%d (%.0f%%), title %d/%d (%.0f%%), outlet=site name %d/%d (%.0f%%), url %d/%d (%.0f%%), lang from page only %d/%d (%.0f%%)",
		len(rows), date.ok, date.n, 100*date.rate(), title.ok, title.n, 100*title.rate(), site.ok, site.n, 100*site.rate(), url.ok, url.n, 100*url.rate(), lang.ok, lang.n, 100*lang.rate())
	t.Logf("body vs reference (%d pages): word recall %.2f, word precision %.2f; snippets kept %d/%d, boilerplate snippets removed %d/%d; articles refused %d",
		bodies, recall, precision, with.ok, with.n, without.ok, without.n, refused)
	floors := []struct {
		name  string
		got   float64
		floor float64
	}{
		{"date", date.rate(), 0.90}, {"title", title.rate(), 0.95}, {"site name", site.rate(), 0.90}, {"url", url.rate(), 0.85},
		// What the page states (<html lang>, content-language, og:locale,
		// JSON-LD inLanguage); detection is measured in sources/langid.
		{"lang (page only)", lang.rate(), 0.85}, {"body recall", recall, 0.95}, {"body precision", precision, 0.90},
		{"snippets kept", with.rate(), 0.93}, {"boilerplate removed", without.rate(), 0.96},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s: %.3f below the floor %.2f", f.name, f.got, f.floor)
		}
	}
	if refused > 0 {
		t.Errorf("%d article pages refused", refused)
	}
}

// withoutSpans returns text with the spans cut out (each replaced by a
// line break): what later stages treat as article text.
func withoutSpans(text string, spans []Span) string {
	var b strings.Builder
	pos := 0
	for _, s := range spans {
		b.WriteString(text[pos:s.Start])
		b.WriteByte('\n')
		pos = s.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// sameOutlet compares our outlet with a site name a test suite states,
// through the outlet table where it knows the name.
func sameOutlet(got, site string) bool {
	if got == "" {
		return false
	}
	if nameKey(got) == nameKey(site) {
		return true
	}
	if n, ok := builtinOutlets().byNameIndex(site); ok && n == got {
		return true
	}
	g, s := nameKey(got), nameKey(site)
	return strings.HasPrefix(s, g+" ") || strings.HasPrefix(g, s+" ")
}

func normURL(u string) string {
	u = strings.TrimSpace(strings.ToLower(u))
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

// wordOverlap returns the share of the reference's words found in got
// (recall) and of got's words found in the reference (precision), as
// multisets of lower-cased words.
func wordOverlap(ref, got string) (recall, precision float64) {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	rw, gw := count(ref), count(got)
	common, nr, ng := 0, 0, 0
	for w, n := range rw {
		common += min(n, gw[w])
		nr += n
	}
	for _, n := range gw {
		ng += n
	}
	if nr == 0 || ng == 0 {
		return 0, 0
	}
	return float64(common) / float64(nr), float64(common) / float64(ng)
}

// BenchmarkReadHTMLCorpus reads the real saved pages of corpus/html, one
// page per iteration. Skips without the corpus.
func BenchmarkReadHTMLCorpus(b *testing.B) {
	dir := filepath.Join(corpusDir(), "html")
	names, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(names) == 0 {
		b.Skip("corpus html/ not found")
	}
	pages := make([][]byte, len(names))
	size := 0
	for i, n := range names {
		pages[i] = readFile(b, n)
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(pages)
		Read(names[k], pages[k], Options{})
	}
}
