package langid

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The foreign minister said the talks would continue next week in Istanbul.", "en"},
		{"bokmal", "Russlands ambassadør sa tirsdag at beslutningen var foreløpig, og at hovedtemaet forblir det samme.", "nb"},
		{"bokmal short", "Møtet ble utsatt til neste uke.", "nb"},
		{"nynorsk", "Eg veit ikkje kva dei skal gjere no, men det er berre eit spørsmål om tid før ho kjem heim frå byen.", "nn"},
		{"danish", "Udenrigsministeren sagde, at forhandlingerne ville fortsætte i næste uge, og at der ikke var nogen aftale endnu.", "da"},
		{"swedish", "Utrikesministern sade att förhandlingarna skulle fortsätta nästa vecka och att inget avtal hade nåtts ännu.", "sv"},
		{"german", "Der Außenminister sagte, die Gespräche würden in der kommenden Woche in Istanbul fortgesetzt.", "de"},
		{"russian", "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Стамбуле.", "ru"},
		{"french", "Le ministre des affaires étrangères a déclaré que les négociations se poursuivraient la semaine prochaine.", "fr"},
		{"ukrainian", "Міністр закордонних справ заявив, що переговори продовжаться наступного тижня у Стамбулі.", "uk"},
		{"empty", "", ""},
		{"digits only", "2025-02-27 10:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectCorpusNorwegian measures Detect on the Norwegian newspaper
// articles of the corpus (all Bokmål); it skips when the corpus is absent.
func TestDetectCorpusNorwegian(t *testing.T) {
	dir := os.Getenv("CLAIMTRAIL_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "nb", "ndt-*.txt"))
	if len(files) == 0 {
		t.Skip("corpus nb/ not found; set CLAIMTRAIL_CORPUS")
	}
	ok, got := 0, map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:] // the header line
		}
		l := Detect(text)
		got[l]++
		if l == "nb" {
			ok++
		}
	}
	acc := float64(ok) / float64(len(files))
	t.Logf("nb corpus: %d/%d detected as nb (%.1f%%); all answers: %v", ok, len(files), 100*acc, got)
	if acc < 0.97 {
		t.Errorf("accuracy %.3f below the floor 0.97", acc)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Russlands ambassadør i USA har kunngjort at en ny runde med samtaler mellom de to landene vil finne sted i Moskva. ", 12)
	Detect(text)
	b.SetBytes(int64(len(sample(text, SampleSize))))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Detect(text)
	}
}

func BenchmarkDetectEnglish(b *testing.B) {
	text := strings.Repeat("High-level diplomats from Russia and the US are set to meet this week to discuss the operations of their embassies. ", 10)
	Detect(text)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Detect(text)
	}
}

// TestFastPathAgreesWithLingua checks on every 50th article of the news
// corpus (English, German, Russian) that the fast paths (letters,
// function words) give the answer the full n-gram detector gives. Skips
// without the corpus.
func TestFastPathAgreesWithLingua(t *testing.T) {
	dir := os.Getenv("CLAIMTRAIL_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	f, err := os.Open(filepath.Join(dir, "news.tar.gz"))
	if err != nil {
		t.Skip("corpus news.tar.gz not found; set CLAIMTRAIL_CORPUS")
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	once.Do(build)
	n, fast, agree := 0, 0, 0
	for i := 0; ; i++ {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if i%50 != 0 || !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		s := sample(string(b), SampleSize)
		n++
		code, ok := byLetters(s)
		if !ok {
			code, ok = fastPath(s)
		}
		if !ok || code == "scand" {
			if testing.Verbose() && !ok {
				t.Logf("undecided (%d words): %.60q", len(strings.Fields(s)), s)
			}
			continue
		}
		fast++
		l, _ := detector.DetectLanguageOf(s)
		if strings.ToLower(l.IsoCode639_1().String()) == code {
			agree++
		} else {
			t.Logf("%s: fast path %q, lingua %q", h.Name, code, l)
		}
	}
	t.Logf("fast path decided %d of %d articles, agreeing with lingua on %d", fast, n, agree)
	if fast == 0 || float64(agree) < 0.995*float64(fast) {
		t.Errorf("fast path agreement %d/%d below 99.5%%", agree, fast)
	}
}
