// Package langid detects the language of a text. It is the only package
// that links the lingua-go detector and its models (about 126 MiB), so
// that other packages and their tests stay small: callers pass Detect as
// a function value (sources.Options.DetectLang).
package langid

import (
	"fmt"
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

// scandinavianLanguages are the candidates when frequent words already
// say the text is mainland Scandinavian but not which language: a small
// model set is several times faster.
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

// LinguaSampleSize is how many bytes of the sample the n-gram detector
// reads when the fast path cannot decide: its time grows with the text,
// and texts that reach it are mostly short or made of few words.
const LinguaSampleSize = 400

// Detect returns the ISO 639-1 code of the language text is written in,
// or "" when the text is too short or the detector is unsure. It reads
// the first SampleSize bytes. The fast path (fast.go: scripts, letters,
// frequent words per language, Scandinavian markers) decides most texts;
// the rest go to lingua-go on the first LinguaSampleSize bytes (only the
// Scandinavian models when the words say the text is Scandinavian).
// Norwegian Bokmål is "nb"; Nynorsk is "nn" only when its own word forms
// clearly outnumber Bokmål ones, because n-gram models confuse the two;
// Bokmål and Danish are told apart the same way when their markers
// clearly disagree with the model.
func Detect(text string) string {
	return detect(text, func(group string) lingua.LanguageDetector {
		if group == "scand" {
			scandOnce.Do(buildScand)
			return scandDet
		}
		once.Do(build)
		return detector
	})
}

// detect runs the fast path on the sample of text and, where it cannot
// decide, the n-gram detector pick gives for the group the words point to
// (nil: the text is English, the only candidate left).
func detect(text string, pick func(group string) lingua.LanguageDetector) string {
	s := sample(text, SampleSize)
	if letters(s) < 3 {
		return ""
	}
	code, group, ok := fastDetect(s)
	if ok {
		return code
	}
	det := pick(group)
	if det == nil {
		return "en"
	}
	lang, ok := det.DetectLanguageOf(sample(s, LinguaSampleSize))
	if !ok {
		return ""
	}
	code = strings.ToLower(lang.IsoCode639_1().String())
	switch lang {
	case lingua.Bokmal, lingua.Nynorsk, lingua.Danish:
		code = scandinavian(s, code)
	}
	return code
}

var (
	amongMu   sync.Mutex
	amongDets = map[string]lingua.LanguageDetector{}
)

// DetectAmong is Detect for a text that is most likely in one of the given
// languages (ISO 639-1 codes) or in English, such as a short query against
// a database that holds articles in those languages. When the fast path
// cannot decide, only those languages' n-gram models are loaded: a few
// models load in a fraction of the time all of them take (which dominated
// a one-shot command). With no codes, or one lingua does not know, it is
// Detect.
func DetectAmong(text string, codes []string) string {
	if len(codes) == 0 {
		return Detect(text)
	}
	langs := []lingua.Language{lingua.English}
	seen := map[lingua.Language]bool{lingua.English: true}
	add := func(l lingua.Language) {
		if !seen[l] {
			seen[l] = true
			langs = append(langs, l)
		}
	}
	for _, c := range codes {
		if c == "nb" || c == "nn" || c == "no" {
			add(lingua.Bokmal)
			add(lingua.Nynorsk)
			continue
		}
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(c))
		if l == lingua.Unknown {
			return Detect(text)
		}
		add(l)
	}
	return detect(text, func(string) lingua.LanguageDetector {
		if len(langs) == 1 {
			return nil
		}
		key := fmt.Sprint(langs)
		amongMu.Lock()
		defer amongMu.Unlock()
		det, ok := amongDets[key]
		if !ok {
			det = lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().Build()
			amongDets[key] = det
		}
		return det
	})
}

// scandinavian settles nb/nn/da with the marker words where the model
// said one of them.
func scandinavian(s, code string) string {
	t := theTables()
	wc := t.countWords(s, t.scan(s))
	if code == "nb" || code == "da" {
		nb, da := t.marker(wc, "nb-da"), t.marker(wc, "da")
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
	nn, nb := t.marker(wc, "nn"), t.marker(wc, "nb-nn")
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
