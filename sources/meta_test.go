package sources

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedMetadata: the acceptance values of issue 3 on the sample
// articles, found without flags.
func TestSeedMetadata(t *testing.T) {
	tests := []struct {
		seed, outlet, lang, date string
		prec                     Precision
		inferred                 bool
	}{
		{"000", "MENAFN", "en", "2025-09-28", PrecDay, false},
		{"001", "Sputnik", "en", "2025-11-09", PrecDay, false},
		// 002 has no date line: "on Wednesday", a meeting on Thursday
		// "February 27" (a Thursday in 2025) and "October 2024" give it.
		{"002", "RT", "en", "2025-02-26", PrecDay, true},
		{"003", "", "en", "2025-02-19", PrecDay, false},
		{"004", "", "nb", "2025-06", PrecMonth, false},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			name, data := readSeed(t, tt.seed)
			arts, errs := Read(name, data, Options{DetectLang: fakeDetect})
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("arts=%d errs=%v", len(arts), errs)
			}
			a := arts[0]
			if a.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", a.Outlet, tt.outlet)
			}
			if a.Lang != tt.lang {
				t.Errorf("Lang = %q, want %q", a.Lang, tt.lang)
			}
			if a.Published.String() != tt.date || a.Published.Precision != tt.prec || a.DateInferred != tt.inferred {
				t.Errorf("Published = %s (%s, inferred %v), want %s (%s, inferred %v)",
					a.Published, a.Published.Precision, a.DateInferred, tt.date, tt.prec, tt.inferred)
			}
			if a.Source != name || a.Format != FormatText {
				t.Errorf("Source/Format = %q/%q", a.Source, a.Format)
			}
		})
	}
}

// fakeDetect stands in for langid.Detect (which this package must not
// import): a crude function-word vote, enough for the tests.
func fakeDetect(text string) string {
	votes := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch w {
		case "the", "and", "of", "to", "is":
			votes["en"]++
		case "og", "det", "som", "er", "ikke", "på":
			votes["nb"]++
		case "und", "der", "die", "das":
			votes["de"]++
		case "le", "les", "des", "et":
			votes["fr"]++
		}
	}
	best, n := "", 0
	for l, v := range votes {
		if v > n || v == n && l < best {
			best, n = l, v
		}
	}
	return best
}

func TestReadFlagsOverride(t *testing.T) {
	_, data := readSeed(t, "002")
	d, _ := ParseDate("2025-03")
	arts, errs := Read("002.txt", data, Options{Outlet: "russia today", Lang: "en-GB", Date: d, URL: "https://www.rt.com/news/x/"})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	a := arts[0]
	if a.Outlet != "RT" || a.Lang != "en" || a.Published != d || a.DateInferred || a.URL != "https://www.rt.com/news/x/" {
		t.Errorf("flags not applied: outlet %q lang %q date %v inferred %v url %q", a.Outlet, a.Lang, a.Published, a.DateInferred, a.URL)
	}
	// An outlet the table does not know is kept as given.
	arts, _ = Read("002.txt", data, Options{Outlet: "  Local  Gazette "})
	if arts[0].Outlet != "Local Gazette" {
		t.Errorf("unknown outlet flag = %q", arts[0].Outlet)
	}
}

func TestDetectOutlet(t *testing.T) {
	tests := []struct {
		name, text, url, want string
	}{
		{"dateline with wire", "WASHINGTON (Reuters) - The Senate voted on Tuesday.\n", "", "Reuters"},
		{"dateline with two cities", "SEATTLE/WASHINGTON (Reuters) - The president said.\n", "", "Reuters"},
		{"dateline with date", "LONDON, March 3 (Reuters) - Shares fell.\n", "", "Reuters"},
		{"dateline Sputnik", "MOSCOW (Sputnik) - The dialogue is underway.\n", "", "Sputnik"},
		{"dateline AP with em dash", "KYIV, Ukraine (AP) — Drones struck the city overnight.\n", "", "AP"},
		{"Norwegian wire with colon", "OSLO (NTB): Regjeringen la fram budsjettet.\n", "", "NTB"},
		{"MENAFN tag", "(MENAFN) Russia and the United States agreed.\n", "", "MENAFN"},
		{"MENAFN tag with source", "(MENAFN- Gulf Times) The ministry said.\n", "", "MENAFN"},
		{"byline", "By Reuters Staff\n\nThe company said on Monday.\n", "", "Reuters"},
		{"byline with name and outlet", "By Jane Doe, Associated Press\n\nThe company said.\n", "", "AP"},
		{"signature", "The company said profits rose.\nREUTER\n", "", "Reuters"},
		{"url host", "The company said profits rose.\n", "https://edition.cnn.com/2025/02/27/x.html", "CNN"},
		{"url host unknown", "The company said profits rose.\n", "https://example.org/a", ""},
		// A medium that is only quoted is not the outlet.
		{"told Sputnik", "Lavrov told Sputnik that talks were underway.\n", "", ""},
		{"according to TASS", "According to TASS, the talks were held in Istanbul.\n", "", ""},
		{"quoted in parentheses later", "The minister said (as TASS reported) that talks went well.\n", "", ""},
		{"lowercase start is no dateline", "officials in Moscow (Sputnik) - said.\n", "", ""},
		{"parenthesis without outlet", "WASHINGTON (Photo) - The Senate voted.\n", "", ""},
		{"nothing", "The talks were held in Istanbul.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := Read("x.txt", []byte(tt.text), Options{URL: tt.url})
			if len(errs) != 0 {
				t.Fatal(errs)
			}
			if got := arts[0].Outlet; got != tt.want {
				t.Errorf("Outlet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTitleSuffixOutlet(t *testing.T) {
	tests := []struct {
		title, want string
	}{
		{"Lavrov announces new round of talks — RT World News", "RT"},
		{"Putin speaks of hope — RT Russia & Former Soviet Union", "RT"},
		{"Oil prices fall | Reuters", "Reuters"},
		{"Storm hits coast - BBC News", "BBC"},
		{"Talks in Riyadh — RT World New...", "RT"},
		{"Dialog Ongoing, Though Not As Quickly As Desirable - Lavrov", ""},
		{"Macron's visit a failure – Politico — RT World News", "RT"},
		{"Oil prices fall - Reuters business desk", ""}, // weak separator: exact names only
		{"No suffix at all", ""},
		{"— RT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			got, cut, ok := titleSuffixOutlet(tt.title, builtinOutlets())
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("titleSuffixOutlet = %q, %v; want %q", got, ok, tt.want)
			}
			if ok && (cut <= 0 || cut >= len(tt.title)) {
				t.Errorf("cut %d out of range", cut)
			}
		})
	}
}

func TestNormalizeLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"en-US", "en"}, {"EN_gb", "en"}, {"no", "nb"}, {"nob", "nb"}, {"nb-NO", "nb"},
		{"nn", "nn"}, {"nno", "nn"}, {"deu", "de"}, {"pt-br", "pt"}, {"  fr ", "fr"}, {"", ""},
		{"english", "en"}, {"x", ""}, {"12", ""}, {"zz-top", "zz"},
	}
	for _, tt := range tests {
		if got := NormalizeLang(tt.in); got != tt.want {
			t.Errorf("NormalizeLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolveLang(t *testing.T) {
	long := strings.Repeat("Der Minister sagte, die Gespräche würden fortgesetzt und die Lage sei ernst. ", 4)
	de := func(string) string { return "de" }
	da := func(string) string { return "da" }
	tests := []struct {
		name, flag, stated string
		detect             func(string) string
		text, want         string
	}{
		{"flag wins", "nb", "en", de, long, "nb"},
		{"stated without detector", "", "en-US", nil, long, "en"},
		{"wrong attribute overruled by the text", "", "en", de, long, "de"},
		{"short text keeps the attribute", "", "en", de, "Kurz.", "en"},
		{"scandinavian attribute kept", "", "no", da, long, "nb"},
		{"nothing stated: detect", "", "", de, long, "de"},
		{"detector unsure", "", "fr", func(string) string { return "" }, long, "fr"},
		{"nothing at all", "", "", nil, long, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveLang(tt.flag, tt.stated, tt.detect, tt.text); got != tt.want {
				t.Errorf("resolveLang = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadSourceNames(t *testing.T) {
	arts, _ := Read(filepath.Join("dir", "a.txt"), []byte("Some text.\n"), Options{})
	if arts[0].Source != filepath.Join("dir", "a.txt") {
		t.Errorf("Source = %q", arts[0].Source)
	}
	arts, _ = Read("-", []byte("Some text.\n"), Options{})
	if arts[0].Source != "-" {
		t.Errorf("stdin Source = %q", arts[0].Source)
	}
}

// TestReadConcurrent: the CLI reads files on several goroutines; Read
// shares only read-only tables (run with -race to check).
func TestReadConcurrent(t *testing.T) {
	var inputs [][]byte
	for _, f := range seedFiles(t) {
		inputs = append(inputs, readFile(t, f))
	}
	inputs = append(inputs, readFile(t, filepath.Join("..", "testdata", "html", "article_en.html")))
	want := make([]Article, len(inputs))
	for i, in := range inputs {
		arts, _ := Read("in", in, Options{})
		want[i] = arts[0]
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for r := 0; r < 5; r++ {
				for i, in := range inputs {
					arts, _ := Read("in", in, Options{})
					if arts[0].Outlet != want[i].Outlet || arts[0].Published != want[i].Published || len(arts[0].Boilerplate) != len(want[i].Boilerplate) {
						done <- fmt.Errorf("input %d: concurrent result differs", i)
						return
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
