package sources

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func readPage(t *testing.T, name string, opts Options) ([]Article, []error) {
	t.Helper()
	path := filepath.Join("..", "testdata", "html", name)
	return Read(path, readFile(t, path), opts)
}

func TestReadHTML(t *testing.T) {
	arts, errs := readPage(t, "article_en.html", Options{})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("arts=%d errs=%v", len(arts), errs)
	}
	a := arts[0]
	if a.Format != FormatHTML || a.Title != "Envoys agree to meet again in Geneva" || a.Outlet != "Reuters" || a.Lang != "en" ||
		a.Published.String() != "2025-02-26" || a.DateInferred || !strings.HasPrefix(a.URL, "https://www.reuters.com/world/") {
		t.Errorf("metadata: format %s title %q outlet %q lang %q date %s url %q", a.Format, a.Title, a.Outlet, a.Lang, a.Published, a.URL)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 4 || !strings.HasPrefix(paras[0], "GENEVA (Reuters) - ") || !strings.HasPrefix(paras[1], `"We have made progress`) {
		t.Errorf("paragraphs = %q", paras)
	}
	for _, junk := range []string{"cookies", "Share on", "Markets rally", "Great article", "All rights reserved", "Privacy", "dataLayer", "display:flex", "Business"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q left in the text", junk)
		}
	}
	if a.Body != (Span{0, len(a.Text)}) || a.Hash != hashHex(readFile(t, filepath.Join("..", "testdata", "html", "article_en.html"))) {
		t.Errorf("Body %v or Hash wrong", a.Body)
	}
}

func TestReadHTMLLatin1(t *testing.T) {
	arts, errs := readPage(t, "article_nb_latin1.html", Options{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	a := arts[0]
	if !strings.Contains(a.Text, "Regjeringen foreslår å bygge") || !strings.Contains(a.Text, "«") || a.Title != "Regjeringen vil bygge flere sykehjem" {
		t.Errorf("decoding: title %q text %q", a.Title, a.Text)
	}
	if a.Outlet != "Aftenposten" || a.Lang != "nb" || a.Published.String() != "2012-03-14" {
		t.Errorf("metadata: outlet %q lang %q date %s", a.Outlet, a.Lang, a.Published)
	}
	if strings.Contains(a.Text, "Forsiden") || strings.Contains(a.Text, "redaktør") {
		t.Errorf("navigation or footer left in: %q", a.Text)
	}
}

func TestReadHTMLWrongLang(t *testing.T) {
	arts, _ := readPage(t, "wrong_lang.html", Options{})
	if arts[0].Lang != "en" {
		t.Errorf("without a detector the page's attribute counts: %q", arts[0].Lang)
	}
	arts, _ = readPage(t, "wrong_lang.html", Options{DetectLang: fakeDetect})
	if arts[0].Lang != "nb" {
		t.Errorf("a wrong <html lang> was not overruled by the text: %q", arts[0].Lang)
	}
}

func TestReadHTMLNoText(t *testing.T) {
	_, errs := readPage(t, "no_body.html", Options{})
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoText) || !strings.Contains(errs[0].Error(), "no_body.html: no article text found") {
		t.Errorf("errs = %v, want ErrNoText naming the file", errs)
	}
	for _, page := range []string{"<html><body></body></html>", "<!DOCTYPE html><html><head><title>x</title></head></html>", "<html><body><p>Too short.</p></body></html>"} {
		if _, errs := Read("p.html", []byte(page), Options{}); len(errs) != 1 || !errors.Is(errs[0], ErrNoText) {
			t.Errorf("%q: errs = %v", page, errs)
		}
	}
}

// TestReadHTMLNeverFetches: a URL in the page is metadata only; Read has
// no network or file access (it is given bytes), so the test asserts
// that a page pointing elsewhere still reads from its own bytes.
func TestReadHTMLNeverFetches(t *testing.T) {
	page := `<html><head><link rel="canonical" href="file:///etc/passwd"><meta property="og:url" content="http://127.0.0.1:1/x"></head>` +
		`<body><article><p>The council met on Monday and agreed to build a new bridge over the river next year, the mayor said.</p></article></body></html>`
	arts, errs := Read("p.html", []byte(page), Options{})
	if len(errs) != 0 || !strings.Contains(arts[0].Text, "new bridge") {
		t.Fatalf("arts %+v errs %v", arts, errs)
	}
}
