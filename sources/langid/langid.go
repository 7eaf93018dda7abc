// Package langid detects the language of a text. It is the only package
// that links the lingua-go detector and its models (about 126 MiB), so
// that other packages and their tests stay small: callers pass Detect as
// a function value (sources.Options.DetectLang).
package langid

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	lingua "github.com/pemistahl/lingua-go"
)

// SampleSize is how many bytes from the start of a text Detect reads: a
// paragraph or two decide the language of a news article, and detection
// time grows with the text.
const SampleSize = 1000

// languages are the languages the detector chooses among: those of the
// project's users and corpus, plus enough neighbours that a text in
// another language is not forced into a wrong one.
var languages = []lingua.Language{
	lingua.English, lingua.Bokmal, lingua.Nynorsk, lingua.Danish, lingua.Swedish, lingua.German,
	lingua.Russian, lingua.French, lingua.Spanish, lingua.Italian, lingua.Portuguese, lingua.Dutch,
	lingua.Polish, lingua.Ukrainian, lingua.Finnish, lingua.Czech, lingua.Japanese, lingua.Arabic,
	lingua.Turkish, lingua.Greek, lingua.Hebrew, lingua.Hungarian, lingua.Romanian, lingua.Bulgarian,
	lingua.Croatian, lingua.Serbian, lingua.Slovak, lingua.Slovene, lingua.Estonian, lingua.Latvian,
	lingua.Lithuanian, lingua.Icelandic, lingua.Catalan, lingua.Chinese, lingua.Korean, lingua.Persian,
	lingua.Belarusian, lingua.Kazakh, lingua.Indonesian, lingua.Vietnamese, lingua.Hindi,
}

// scandinavianLanguages are the candidates when function words already
// say the text is mainland Scandinavian: a small model set is several
// times faster.
var scandinavianLanguages = []lingua.Language{lingua.Bokmal, lingua.Nynorsk, lingua.Danish, lingua.Swedish}

var (
	once, scandOnce    sync.Once
	detector, scandDet lingua.LanguageDetector
)

func build() {
	detector = lingua.NewLanguageDetectorBuilder().
		FromLanguages(languages...).
		WithLowAccuracyMode().
		Build()
}

func buildScand() {
	scandDet = lingua.NewLanguageDetectorBuilder().
		FromLanguages(scandinavianLanguages...).
		WithLowAccuracyMode().
		Build()
}

//go:embed data/stopwords.tsv
var stopwordsTSV string

var (
	stopOnce  sync.Once
	stopLangs []string
	stopwords map[string]uint16 // word -> bit set over stopLangs
)

func stopwordTable() {
	stopOnce.Do(func() {
		stopwords = map[string]uint16{}
		for _, ln := range strings.Split(stopwordsTSV, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			cols := strings.SplitN(ln, "\t", 2)
			if len(cols) != 2 || len(stopLangs) == 16 {
				continue
			}
			bit := uint16(1) << len(stopLangs)
			stopLangs = append(stopLangs, cols[0])
			for _, w := range strings.Split(cols[1], "|") {
				if w = strings.TrimSpace(w); w != "" {
					stopwords[w] |= bit
				}
			}
		}
	})
}

// fastPath decides the language from function words alone when the
// evidence is overwhelming: at least 25 words, the leading language's
// function words make up at least a quarter of them and outnumber the
// runner-up's two and a half times (for 12 to 24 words: a third, and
// four times). Everything else goes to lingua.
// The result "scand" means mainland Scandinavian, to be settled by the
// small Scandinavian model set.
func fastPath(s string) (string, bool) {
	stopwordTable()
	var counts [16]int
	total := 0
	var buf [32]byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' {
				break
			}
			j += n2
		}
		total++
		if j-i <= len(buf) {
			w := buf[:0]
			for _, c := range s[i:j] {
				w = utf8.AppendRune(w, unicode.ToLower(c))
			}
			if bits, ok := stopwords[string(w)]; ok {
				for k := range stopLangs {
					if bits&(1<<k) != 0 {
						counts[k]++
					}
				}
			}
		}
		i = j
	}
	if total < 12 {
		return "", false
	}
	best, second := -1, 0
	for k := range stopLangs {
		if best < 0 || counts[k] > counts[best] {
			best = k
		}
	}
	for k := range stopLangs {
		if k != best && counts[k] > second {
			second = counts[k]
		}
	}
	if best < 0 || counts[best]*4 < total || counts[best]*2 < second*5 {
		return "", false
	}
	// Short samples (12-24 words) need a clearer verdict.
	if total < 25 && (counts[best]*3 < total || counts[best] < second*4) {
		return "", false
	}
	return stopLangs[best], true
}

//go:embed data/letters.tsv
var lettersTSV string

// letterRule decides a language from its letters alone.
type letterRule struct {
	lang            string
	marks, excludes string
}

var (
	lettersOnce sync.Once
	letterRules []letterRule
)

func letterTable() []letterRule {
	lettersOnce.Do(func() {
		for _, ln := range strings.Split(lettersTSV, "\n") {
			ln = strings.TrimRight(ln, "\r")
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			c := strings.Split(ln, "\t")
			if len(c) == 4 && c[1] == "cyrillic" {
				letterRules = append(letterRules, letterRule{c[0], c[2], c[3]})
			}
		}
	})
	return letterRules
}

// byLetters decides Cyrillic texts whose letters alone say the language
// (data/letters.tsv): most letters Cyrillic, three or more of the
// language's own letters, none of its neighbours'.
func byLetters(s string) (string, bool) {
	cyr, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Cyrillic, r) {
				cyr++
			}
		}
	}
	if letters < 20 || cyr*10 < letters*8 {
		return "", false
	}
	low := strings.ToLower(s)
	for _, rule := range letterTable() {
		marks := 0
		for _, r := range low {
			if strings.ContainsRune(rule.marks, r) {
				marks++
			}
		}
		if marks >= 3 && !strings.ContainsAny(low, rule.excludes) {
			return rule.lang, true
		}
	}
	return "", false
}

//go:embed data/markers.tsv
var markersTSV string

var (
	markersOnce sync.Once
	markers     map[string]map[string]bool // set -> word -> true
)

func markerSets() map[string]map[string]bool {
	markersOnce.Do(func() {
		markers = map[string]map[string]bool{}
		for _, ln := range strings.Split(markersTSV, "\n") {
			ln = strings.TrimSpace(ln)
			if ln == "" || strings.HasPrefix(ln, "#") {
				continue
			}
			cols := strings.SplitN(ln, "\t", 2)
			if len(cols) != 2 {
				continue
			}
			set := markers[cols[0]]
			if set == nil {
				set = map[string]bool{}
				markers[cols[0]] = set
			}
			for _, w := range strings.Split(cols[1], "|") {
				if w = strings.TrimSpace(w); w != "" {
					set[w] = true
				}
			}
		}
	})
	return markers
}

// Detect returns the ISO 639-1 code of the language text is written in,
// or "" when the text is too short or the detector is unsure. It reads
// the first SampleSize bytes. Norwegian Bokmål is "nb"; Nynorsk is "nn"
// only when its own word forms clearly outnumber Bokmål ones, because
// n-gram models confuse the two; Bokmål and Danish are told apart the
// same way when their markers clearly disagree with the model.
func Detect(text string) string {
	s := sample(text, SampleSize)
	if letters(s) < 3 {
		return ""
	}
	det := func() lingua.LanguageDetector { once.Do(build); return detector }
	if code, ok := byLetters(s); ok {
		return code
	}
	if code, ok := fastPath(s); ok {
		if code != "scand" {
			return code
		}
		det = func() lingua.LanguageDetector { scandOnce.Do(buildScand); return scandDet }
	}
	lang, ok := det().DetectLanguageOf(s)
	if !ok {
		return ""
	}
	code := strings.ToLower(lang.IsoCode639_1().String())
	switch lang {
	case lingua.Bokmal, lingua.Nynorsk, lingua.Danish:
		code = scandinavian(s, code)
	}
	return code
}

// scandinavian settles nb/nn/da with the marker words.
func scandinavian(s, code string) string {
	sets := markerSets()
	counts := map[string]int{}
	for _, w := range words(s) {
		for name, set := range sets {
			if set[w] {
				counts[name]++
			}
		}
	}
	if code == "nb" || code == "da" {
		nb, da := counts["nb-da"], counts["da"]
		switch {
		case nb >= 2*da+1 && code == "da":
			code = "nb"
		case da >= 2*nb+1 && code == "nb":
			code = "da"
		}
		if code == "da" {
			return code
		}
	}
	nn, nb := counts["nn"], counts["nb-nn"]
	if nn >= 2 && nn > 2*nb {
		return "nn"
	}
	return "nb"
}

// sample cuts text to at most n bytes at a word boundary.
func sample(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if i := strings.LastIndexAny(text[:cut], " \n\t"); i > n/2 {
		cut = i
	}
	return text[:cut]
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// words splits s into lower-case words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
}
