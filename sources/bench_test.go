package sources

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bench1K is a plain-text article of about 1 KB in the corpus shape (a
// header line and a few paragraphs), written for the benchmark.
var bench1K = " date 2025-02-26 Envoys agree to meet again in Geneva\n" +
	"GENEVA (Reuters) - Envoys from the two countries agreed on Wednesday to hold a third round of talks in Geneva next month, a spokesperson for the host government said after a day of meetings.\n" +
	"\"We have made progress on the practical questions, and we will continue in March,\" the spokesperson told reporters outside the conference centre, adding that no date had been set.\n" +
	"The first two rounds, held in January and early February, dealt with the operation of embassies and the issuing of visas to diplomatic staff, according to a statement.\n" +
	"Officials on both sides cautioned that larger political questions remained unresolved and that the talks were not expected to produce a broader agreement before the summer.\n" +
	"The next meeting is expected to focus on property disputes that have strained relations since 2016, when several buildings were closed.\n"

func BenchmarkRead(b *testing.B) {
	data := []byte(bench1K)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		arts, errs := Read("a.txt", data, Options{})
		if len(errs) != 0 || len(arts) != 1 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkReadNoHeader also runs date inference (no header line).
func BenchmarkReadNoHeader(b *testing.B) {
	data := []byte(bench1K[strings.IndexByte(bench1K, '\n')+1:])
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Read("a.txt", data, Options{})
	}
}

func BenchmarkReadSeed002(b *testing.B) {
	_, data := readSeed(b, "002")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Read("002.txt", data, Options{})
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	line := `{"text": "The talks went well, the minister said on Wednesday in Geneva.", "title": "Talks", "url": "https://www.reuters.com/a", "published": "2025-02-26"}` + "\n"
	data := []byte(strings.Repeat(line, 10))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Read("a.jsonl", data, Options{})
	}
}

func BenchmarkReadHTML(b *testing.B) {
	path := filepath.Join("..", "testdata", "html", "article_en.html")
	data := readFile(b, path)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Read(path, data, Options{})
	}
}

// TestReadLinear checks that reading grows linearly with input size: a
// text 64 times longer costs no more than about 64 times the allocations
// (a quadratic step would show here long before it shows in timings).
func TestReadLinear(t *testing.T) {
	small := []byte(bench1K)
	big := []byte(bench1K + strings.Repeat(bench1K[strings.IndexByte(bench1K, '\n')+1:], 63))
	allocs := func(data []byte) float64 {
		return testing.AllocsPerRun(5, func() { Read("a.txt", data, Options{}) })
	}
	a, b := allocs(small), allocs(big)
	if b > 80*a+200 {
		t.Errorf("allocations %v for 1 KB, %v for 64 KB: not linear", a, b)
	}
}

// TestReadPathological: inputs built to hit quadratic paths (thousands of
// dates and weekdays to link, comment-form openers, one huge line,
// repeated lines) must still read in about linear time. The bound is
// generous (seconds for what takes milliseconds) so that a loaded machine
// does not fail it, while a quadratic path would take minutes.
func TestReadPathological(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"dates and weekdays", strings.Repeat("On Monday the Geneva talks on March 3 went on. Trade fell in 2024. ", 20000)},
		{"comment openers", strings.Repeat("Leave a Reply\n", 20000) + strings.Repeat("x", 400) + "\n"},
		{"one huge line", strings.Repeat("word ", 400000)},
		{"repeated lines", strings.Repeat("The same advert line, again and again.\n", 50000)},
		{"headline list", strings.Repeat("Related posts:\nOil falls — RT Business News\nBusiness\n", 20000)},
		{"parentheses", strings.Repeat("(", 100000) + strings.Repeat("MOSCOW (Sputnik) - ", 1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			arts, errs := Read("p.txt", []byte(tt.text), Options{DetectLang: fakeDetect})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Read took %v on %d bytes", d, len(tt.text))
			}
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("errs %v", errs)
			}
		})
	}
}
