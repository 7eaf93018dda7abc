package report

import (
	"bytes"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// extOf is the file extension of each format's golden file.
var extOf = map[string]string{
	"csl-json": "csl.json", "bibtex": "bib", "ris": "ris",
	"claimreview": "claimreview.jsonld", "md": "md", "html": "html",
}

// render writes in in format and fails the test on error.
func render(t *testing.T, format string, in Input) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, in); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	in := seedInput(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, in)
			path := filepath.Join("testdata", "golden", "seeds."+extOf[format])
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run go test ./report -update and review the diff\n%s",
					format, path, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\n got: " + g
		}
	}
	return "(same lines)"
}

// The order of the input must not matter: reports sort what they show.
func TestDeterministicOrder(t *testing.T) {
	in := seedInput(t)
	want := map[string]string{}
	for _, f := range Formats {
		want[f] = render(t, f, in)
	}
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 3; round++ {
		sh := in
		sh.Articles = append([]Article(nil), in.Articles...)
		sh.Statements = append([]Statement(nil), in.Statements...)
		rng.Shuffle(len(sh.Articles), func(i, j int) { sh.Articles[i], sh.Articles[j] = sh.Articles[j], sh.Articles[i] })
		rng.Shuffle(len(sh.Statements), func(i, j int) { sh.Statements[i], sh.Statements[j] = sh.Statements[j], sh.Statements[i] })
		for _, f := range Formats {
			if got := render(t, f, sh); got != want[f] {
				t.Fatalf("round %d: %s depends on input order\n%s", round, f, firstDiff(want[f], got))
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "docx", Input{})
	if err == nil {
		t.Fatal("Write docx: want an error")
	}
	for _, f := range Formats {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not list %s", err, f)
		}
	}
}

// Every format must write something sensible for an empty input and for
// articles without dates, outlets, titles or statements.
func TestSparseInputs(t *testing.T) {
	cases := []struct {
		name string
		in   Input
	}{
		{"empty", Input{Generated: generated}},
		{"bare article", Input{Generated: generated, Articles: []Article{{ID: 9}}}},
		{"undated and unknown language", Input{Generated: generated, Articles: []Article{
			{ID: 1, Source: "https://www.example.org/a", Title: "Ålesund: «nytt» møte"},
			{ID: 2, Source: "x.txt", Outlet: "NRK", Lang: "xx", Published: sources.Date{Year: 2024, Precision: sources.PrecYear}},
		}}},
		{"finding about articles not in the input", Input{Generated: generated, Findings: []Finding{{
			Kind: "conflict", Claims: []FindingClaim{{Article: 7, Text: "a"}, {Article: 8, Text: "b", Published: "2024-05"}},
		}}}},
	}
	for _, c := range cases {
		for _, f := range Formats {
			t.Run(c.name+"/"+f, func(t *testing.T) {
				out := render(t, f, c.in)
				if out == "" && !(f == "ris" && len(c.in.Articles) == 0) {
					t.Fatal("empty output")
				}
			})
		}
	}
}
