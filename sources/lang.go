package sources

import "strings"

// iso639 maps three-letter (ISO 639-2/3) codes and legacy names to the
// two-letter code the project uses; Norwegian without a variant is Bokmål.
var iso639 = map[string]string{
	"no": "nb", "nor": "nb", "nob": "nb", "nno": "nn", "bokmal": "nb", "bokmål": "nb", "nynorsk": "nn",
	"eng": "en", "deu": "de", "ger": "de", "rus": "ru", "fra": "fr", "fre": "fr", "spa": "es",
	"ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "pol": "pl", "ukr": "uk", "fin": "fi",
	"ces": "cs", "cze": "cs", "jpn": "ja", "ara": "ar", "swe": "sv", "dan": "da", "zho": "zh",
	"chi": "zh", "tur": "tr", "ell": "el", "gre": "el", "heb": "he", "hun": "hu", "ron": "ro",
	"rum": "ro", "bul": "bg", "hrv": "hr", "srp": "sr", "slk": "sk", "slo": "sk", "slv": "sl",
	"est": "et", "lav": "lv", "lit": "lt", "isl": "is", "ice": "is", "cat": "ca", "kor": "ko",
	"fas": "fa", "per": "fa", "hin": "hi", "ind": "id", "vie": "vi", "bel": "be", "kaz": "kk",
	"iw": "he", "in": "id", "ji": "yi",
	"english": "en", "norwegian": "nb", "german": "de", "russian": "ru", "french": "fr",
	"spanish": "es", "swedish": "sv", "danish": "da",
}

// NormalizeLang turns a language tag into the ISO 639-1 code the project
// uses: lower case, region and script dropped ("en-US" -> "en",
// "pt_BR" -> "pt"), three-letter codes mapped ("nob" -> "nb"), Norwegian
// without a variant is Bokmål ("no" -> "nb"). It returns "" for anything
// that is not a language code.
func NormalizeLang(tag string) string {
	s := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(s, "-_ .;,"); i >= 0 {
		s = s[:i]
	}
	if c, ok := iso639[s]; ok {
		return c
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// langGroup puts together languages a detector confuses on real text and
// a page attribute rightly tells apart: the mainland Scandinavian ones.
func langGroup(code string) string {
	switch code {
	case "nb", "nn", "da", "sv":
		return "scandinavian"
	}
	return code
}

// resolveLang picks an article's language: the user's flag, then the
// input's own statement (a JSON field, <html lang>) unless detection on
// enough text clearly says another language, then detection.
func resolveLang(flag, stated string, detect func(string) string, text string) string {
	if l := NormalizeLang(flag); l != "" {
		return l
	}
	stated = NormalizeLang(stated)
	if detect == nil {
		return stated
	}
	if stated != "" && len(text) < 200 {
		return stated // too little text to overrule the input
	}
	d := NormalizeLang(detect(text))
	switch {
	case d == "":
		return stated
	case stated == "":
		return d
	case d != stated && langGroup(d) != langGroup(stated):
		return d // the attribute is wrong (a template's default)
	}
	return stated
}
