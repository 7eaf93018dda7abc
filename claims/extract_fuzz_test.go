package claims

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/sources"
)

// FuzzExtract feeds arbitrary text to extraction (without Extract's
// recover, so a panic is a crash) and checks its contract on every
// output: spans in range, Text equal to its slice, cue spans in range,
// sorted by Start, no panic. It also splits the text into sentences.
// Seeds: testdata/fuzz/FuzzExtract (the sample articles, single sentences
// of every construction, stray marks).
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "en")
		}
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		for _, doc := range []Doc{
			{Text: text, Lang: lang},
			{Text: text, Lang: lang, TitleSpan: sources.Span{Start: 0, End: len(text) / 3},
				Boilerplate: []sources.Span{{Start: len(text) / 2, End: len(text)/2 + len(text)/5}},
				Body:        sources.Span{Start: len(text) / 4, End: len(text)}},
		} {
			st, dg := extract(doc)
			n := len(text)
			for i, s := range st {
				if s.Start < 0 || s.End > n || s.Start >= s.End {
					t.Fatalf("statement %d: span %d-%d of %d bytes", i, s.Start, s.End, n)
				}
				if s.Text != text[s.Start:s.End] {
					t.Fatalf("statement %d: text is not its slice", i)
				}
				if s.Cue != "" && (s.CueStart < 0 || s.CueEnd > n || s.CueStart >= s.CueEnd) {
					t.Fatalf("statement %d: cue span %d-%d", i, s.CueStart, s.CueEnd)
				}
				if i > 0 && st[i-1].Start > s.Start {
					t.Fatalf("statements not sorted at %d", i)
				}
				if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
					t.Fatalf("statement %d cuts a rune: %q", i, s.Text)
				}
			}
			for i, d := range dg {
				if d.Start < 0 || d.End > n || d.Start > d.End {
					t.Fatalf("diagnostic %d: span %d-%d", i, d.Start, d.End)
				}
			}
			prev := 0
			for i, sp := range SentenceSpans(text, lang, doc.Body) {
				if sp.Start < prev || sp.End > n || sp.Start >= sp.End {
					t.Fatalf("sentence %d: span %d-%d", i, sp.Start, sp.End)
				}
				prev = sp.End
			}
		}
	})
}
