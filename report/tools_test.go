package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The citation files must load in the tools people use. These tests run
// pandoc (citeproc) and biber where they are installed and skip cleanly
// where they are not (apt-get install pandoc biber).

// tool returns the path of a program or skips the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed; skipping", name)
	}
	return p
}

// run runs a program and returns stdout and stderr.
func run(t *testing.T, dir string, stdin string, name string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}

// nociteAll is a Markdown document that cites every entry of its bibliography.
const nociteAll = "---\nnocite: |\n  @*\n---\n\n# References\n"

// pandoc --citeproc formats a bibliography from the CSL-JSON and from the
// BibLaTeX files without a warning, with every article in it.
func TestPandocCiteproc(t *testing.T) {
	pandoc := tool(t, "pandoc")
	for name, in := range validationInputs(t) {
		for _, c := range []struct{ format, file string }{{"csl-json", "refs.json"}, {"bibtex", "refs.bib"}} {
			t.Run(name+"/"+c.format, func(t *testing.T) {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, c.file), []byte(render(t, c.format, in)), 0o644); err != nil {
					t.Fatal(err)
				}
				out, stderr := run(t, dir, nociteAll, pandoc, "--citeproc", "--bibliography="+c.file, "-f", "markdown", "-t", "plain")
				if strings.TrimSpace(stderr) != "" {
					t.Errorf("pandoc warned:\n%s", stderr)
				}
				r := newReport(in)
				for _, a := range r.articles {
					if a.Outlet != "" && !strings.Contains(plainQuotes(out), plainQuotes(flatten(a.Outlet))) {
						t.Errorf("outlet %q of %s not in the bibliography:\n%s", a.Outlet, a.Label, out)
					}
				}
				if name == "seeds" && !strings.Contains(out, "ambassadør") {
					t.Errorf("the Norwegian title lost its ø:\n%s", out)
				}
			})
		}
	}
}

// pandoc reads the BibLaTeX back into the same data as the CSL-JSON: the
// escaping round-trips exactly (titles, outlets, dates, URLs, notes).
func TestPandocReadsBibLaTeXBack(t *testing.T) {
	pandoc := tool(t, "pandoc")
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "refs.bib"), []byte(render(t, "bibtex", in)), 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr := run(t, dir, "", pandoc, "-f", "biblatex", "-t", "csljson", "refs.bib")
			if strings.TrimSpace(stderr) != "" {
				t.Errorf("pandoc warned:\n%s", stderr)
			}
			var got []map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("pandoc's CSL JSON: %v", err)
			}
			byID := map[string]map[string]any{}
			for _, g := range got {
				byID[g["id"].(string)] = g
			}
			want := cslItems(newReport(in))
			if len(got) != len(want) {
				t.Fatalf("pandoc read %d entries, want %d", len(got), len(want))
			}
			for _, w := range want {
				g := byID[w.ID]
				if g == nil {
					t.Errorf("entry %s missing", w.ID)
					continue
				}
				check := func(field string, gotV any, wantV string) {
					if s, _ := gotV.(string); s != wantV {
						t.Errorf("%s: %s read back as %q, want %q", w.ID, field, s, wantV)
					}
				}
				check("title", g["title"], w.Title)
				check("type", g["type"], w.Type)
				if w.ContainerTitle != "" {
					check("container-title", g["container-title"], w.ContainerTitle)
				}
				if w.URL != "" {
					check("URL", g["URL"], bibURL(w.URL))
				}
				if w.Issued != nil {
					gi, _ := json.Marshal(g["issued"])
					wi, _ := json.Marshal(w.Issued)
					if string(gi) != string(wi) {
						t.Errorf("%s: issued read back as %s, want %s", w.ID, gi, wi)
					}
				}
				// pandoc joins note and addendum; every line of the CSL
				// note must come back verbatim.
				note, _ := g["note"].(string)
				note = plainQuotes(note)
				for _, line := range strings.Split(w.Note, "\n") {
					line = plainQuotes(strings.TrimSuffix(line, "."))
					if !strings.Contains(note, line) {
						t.Errorf("%s: note lost %q\nread back: %q", w.ID, line, note)
					}
				}
			}
		})
	}
}

// plainQuotes maps every quotation mark and apostrophe, straight or curly,
// single or double, to one character. That is typography, not lost text:
// TeX typesets ' as ’ and ` as ‘ (so pandoc reads them so), citeproc makes
// "…" curly, and pandoc renders a quotation nested in a quotation with
// single marks.
func plainQuotes(s string) string {
	return strings.NewReplacer("’", `"`, "‘", `"`, "`", `"`, "'", `"`, "“", `"`, "”", `"`).Replace(s)
}

// biber (the BibLaTeX backend) reads the file without errors; validated
// against biblatex's data model, the only complaints allowed are the ones
// the data cannot avoid: no author (bylines are not extracted) and an
// @online entry without a URL (an article read from a file).
func TestBiberReads(t *testing.T) {
	biber := tool(t, "biber")
	for name, in := range validationInputs(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "refs.bib"), []byte(render(t, "bibtex", in)), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := run(t, dir, "", biber, "--tool", "--validate-datamodel", "--output-file=out.bib", "refs.bib")
			for _, line := range strings.Split(out, "\n") {
				switch {
				case strings.HasPrefix(line, "ERROR"):
					t.Errorf("biber: %s", line)
				case strings.HasPrefix(line, "WARN"):
					if !strings.Contains(line, "Missing mandatory field 'author'") &&
						!strings.Contains(line, "one of 'url, doi, eprint' must be defined") {
						t.Errorf("biber: %s", line)
					}
				}
			}
			back, err := os.ReadFile(filepath.Join(dir, "out.bib"))
			if err != nil {
				t.Fatal(err)
			}
			if name == "seeds" && !strings.Contains(string(back), "ambassadør") {
				t.Error("biber's output lost the ø")
			}
			entries, err := parseBib(string(back))
			if err != nil {
				t.Fatalf("biber's output: %v", err)
			}
			if len(entries) != len(in.Articles) {
				t.Errorf("biber wrote %d entries, want %d", len(entries), len(in.Articles))
			}
		})
	}
}
