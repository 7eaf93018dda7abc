package langid

import (
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

// TestFastDetect: what the fast path decides on its own, and what it
// leaves to the n-gram detector (want ""); each case also goes through
// Detect.
func TestFastDetect(t *testing.T) {
	tests := []struct {
		name, text, want, detect string
	}{
		{"japanese: kana and han", "東京都は月曜日、新型コロナウイルスの感染者が新たに確認されたと発表した。", "ja", "ja"},
		{"chinese: han only", "北京市政府周一宣布，新的交通规则将于下个月开始实施。", "zh", "zh"},
		{"korean", "서울시는 월요일 새로운 교통 규칙을 다음 달부터 시행한다고 밝혔다.", "ko", "ko"},
		{"greek", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για την οικονομία της χώρας.", "el", "el"},
		{"hebrew", "הממשלה הודיעה ביום שני על צעדים חדשים לכלכלה.", "he", "he"},
		{"arabic", "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لدعم الاقتصاد في البلاد.", "ar", "ar"},
		{"persian letters", "دولت روز دوشنبه اقدامات جدیدی برای کمک به اقتصاد کشور اعلام کرد و گفت که پول بیشتری می‌پردازد.", "fa", "fa"},
		{"hindi", "सरकार ने सोमवार को देश की अर्थव्यवस्था के लिए नए उपायों की घोषणा की।", "hi", "hi"},
		{"russian letters", "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе и что эти встречи были бы полезны.", "ru", "ru"},
		{"short russian goes to the n-gram detector", "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Стамбуле.", "", "ru"},
		{"english earnings table", "ATLANTA, March 25 - Shr 31 cts vs 26 cts\nNet 3,516,000 vs 2,972,000\nRevs 40.0 mln vs 35.1 mln\n", "en", "en"},
		{"swedish by its own words", "Regeringen meddelade på måndagen nya åtgärder för ekonomin och finansministern sade att skatterna ska sänkas.", "sv", "sv"},
		{"danish by markers", "Regeringen meddelte mandag nye tiltag for økonomien, og finansministeren sagde, at skatterne skal sænkes efter sommeren.", "da", "da"},
		{"bokmål by markers", "Regjeringen la mandag fram nye tiltak for økonomien, og finansministeren sa at skattene skal senkes etter sommeren.", "nb", "nb"},
		{"german", "Die Regierung hat am Montag neue Maßnahmen für die Wirtschaft angekündigt, und der Finanzminister sagte, die Steuern würden gesenkt.", "de", "de"},
		{"turkish", "Hükümet pazartesi günü ekonomi için yeni önlemler açıkladı ve maliye bakanı vergilerin düşürüleceğini söyledi.", "tr", "tr"},
		{"polish", "Rząd ogłosił w poniedziałek nowe środki dla gospodarki, a minister finansów powiedział, że podatki zostaną obniżone.", "pl", "pl"},
		{"finnish", "Hallitus ilmoitti maanantaina uusista toimista talouden tukemiseksi, ja valtiovarainministeri sanoi, että veroja lasketaan.", "fi", "fi"},
		{"indonesian", "Pemerintah mengumumkan langkah baru untuk ekonomi pada hari Senin dan menteri keuangan mengatakan bahwa pajak akan diturunkan.", "id", "id"},
		{"croatian has no profile", "Vlada je u ponedjeljak objavila nove mjere za gospodarstvo, a ministar financija rekao je da će porezi biti niži.", "", "hr"},
		{"czech has no profile", "Vláda v pondělí oznámila nová opatření pro ekonomiku a ministr financí řekl, že daně budou sníženy.", "", "cs"},
		{"catalan and spanish too close in few words", "El govern va anunciar dilluns noves mesures per a l'economia del país, i el ministre va dir que els impostos baixaran.", "", "ca"},
		{"too few words", "Møtet ble utsatt til neste uke.", "", "nb"},
		// Fixed bugs
		{"a dateline in capitals is not Spanish", "LOS ANGELES, March 3 - Shr 57 cts vs 27 cts\nNet 1,002,000 vs 470,000\nSales 15.9 mln vs 12.0 mln\nNote: 4th qtr data not available\n", "en", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, ok := fastDetect(tt.text)
			if !ok {
				code = ""
			}
			if code != tt.want {
				t.Errorf("fastDetect = %q, want %q", code, tt.want)
			}
			if got := Detect(tt.text); got != tt.detect {
				t.Errorf("Detect = %q, want %q", got, tt.detect)
			}
		})
	}
}

// TestDataFiles checks that every line of the data files parses and
// that the compiled tables hold what they say.
func TestDataFiles(t *testing.T) {
	for _, c := range dataLines(profilesTSV) {
		if len(c) != 3 || len(c[0]) != 2 || c[1] == "" || len(splitList(c[2])) == 0 {
			t.Errorf("profiles.tsv: %q", c)
		}
	}
	for _, c := range dataLines(lettersTSV) {
		ok := len(c) >= 3
		if ok {
			switch c[1] {
			case "script":
				ok = len(scriptTables(c[2])) == len(splitList(c[2])) && (len(c) < 4 || len(scriptTables(c[3])) == len(splitList(c[3])))
			case "cyrillic":
				ok = len(c) == 4
			case "arabic", "alphabet":
				ok = len(c) == 3
			default:
				ok = false
			}
		}
		if !ok {
			t.Errorf("letters.tsv: %q", c)
		}
	}
	for _, c := range dataLines(markersTSV) {
		if len(c) != 2 || len(splitList(c[1])) == 0 {
			t.Errorf("markers.tsv: %q", c)
		}
	}
	tb := theTables()
	if len(tb.langs) < 20 || len(tb.markers) != 4 || tb.persian == "" || len(tb.cyrillic) != 2 || len(tb.scripts) != 6 {
		t.Errorf("tables: %d languages, %d marker sets, %d Cyrillic rules, %d scripts", len(tb.langs), len(tb.markers), len(tb.cyrillic), len(tb.scripts))
	}
	for _, l := range tb.langs {
		if _, ok := tb.alphabet[l]; !ok && l != "ru" && l != "uk" {
			t.Errorf("%s: a Latin profile without an alphabet in letters.tsv", l)
		}
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

// TestFastPathCorrect checks on every fifth article of the news corpus
// and on the nb/ articles that the fast path (scripts, letters, frequent
// words, markers) decides most of them and is right, by their manifest
// language, on at least 99.9% of those it decides; and that where it
// decides an article of 50 words or more (every fifth of them) the full
// n-gram detector agrees with it. Skips without the corpus.
func TestFastPathCorrect(t *testing.T) {
	docs := loadNews(t, 5)
	once.Do(build)
	n, fast, right, long, agree := 0, 0, 0, 0, 0
	for _, d := range docs {
		text := string(d.text)
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:] // the header line
		}
		s := sample(text, SampleSize)
		n++
		code, _, ok := fastDetect(s)
		if !ok {
			continue
		}
		fast++
		if code == d.lang {
			right++
		} else {
			t.Logf("%s: fast path %q, manifest %q: %.80q", d.name, code, d.lang, s)
		}
		if len(strings.Fields(s)) >= 50 && fast%5 == 0 {
			long++
			l, _ := detector.DetectLanguageOf(s)
			if lc := strings.ToLower(l.IsoCode639_1().String()); lc == code || code == "nb" && (lc == "nn" || lc == "da") {
				agree++
			} else {
				t.Logf("%s: fast path %q, lingua %q", d.name, code, lc)
			}
		}
	}
	t.Logf("fast path decided %d of %d articles (%.1f%%), right on %d; lingua agrees on %d of %d long ones",
		fast, n, 100*float64(fast)/float64(n), right, agree, long)
	if float64(fast) < 0.9*float64(n) || float64(right) < 0.999*float64(fast) || float64(agree) < 0.995*float64(long) {
		t.Errorf("fast path: decided %d/%d, right %d, lingua agrees %d/%d", fast, n, right, agree, long)
	}
}

// TestDetectAmong: short statements the fast path cannot decide are told
// among the given languages and English only; an unknown code falls back
// to Detect.
func TestDetectAmong(t *testing.T) {
	tests := []struct {
		text  string
		codes []string
		want  string
	}{
		{"oil prices fell sharply on Monday", []string{"en", "de", "ru", "nb"}, "en"},
		{"oljeprisen falt kraftig mandag", []string{"en", "nb"}, "nb"},
		{"die Ölpreise fielen am Montag stark", []string{"en", "de", "nb"}, "de"},
		{"oil prices fell sharply on Monday", []string{"de"}, "en"},
		{"die Ölpreise fielen am Montag stark", []string{"de"}, "de"},
		{"oil prices fell sharply on Monday", []string{"en"}, "en"},
		{"ok", []string{"en", "nb"}, ""},
	}
	for _, tt := range tests {
		if got := DetectAmong(tt.text, tt.codes); got != tt.want {
			t.Errorf("DetectAmong(%q, %v) = %q, want %q", tt.text, tt.codes, got, tt.want)
		}
	}
	s := "oil prices fell sharply on Monday"
	if got, want := DetectAmong(s, []string{"en", "xx"}), Detect(s); got != want {
		t.Errorf("unknown code: %q, want Detect's %q", got, want)
	}
}
