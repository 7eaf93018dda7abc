package sources

import (
	"path/filepath"
	"strings"
	"testing"
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
