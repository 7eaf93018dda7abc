package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Outlet signals in the text itself. Only positions where an outlet names
// itself count: a dateline or tag that opens the article, a byline, a
// title suffix, a signature line that closes it. A medium that is only
// quoted in running text ("told Sputnik", "according to TASS") is never
// an outlet signal, because no rule looks at running text.

// titleSeps are the separators between a headline and a site name, the
// strong ones first. After a strong separator the site name may carry a
// section ("— RT World News", "| Reuters Business"); after a hyphen or an
// en dash only an exact outlet name counts, because those also introduce
// the speaker of a quoted headline ("… – Lavrov").
var titleSeps = []struct {
	sep    string
	strong bool
}{
	{" — ", true}, {" | ", true}, {" · ", true}, {" :: ", true}, {" // ", true}, {" – ", false}, {" - ", false},
}

// lastTitleSep finds the last separator of titleSeps in s in one
// backward pass: its index (-1 when none), strength and length.
func lastTitleSep(s string) (idx int, strong bool, n int) {
	for i := len(s) - 2; i > 0; i-- {
		if s[i] != ' ' || s[i-1] == ' ' {
			continue
		}
		switch s[i+1] {
		case 0xE2, 0xC2, '|', ':', '/', '-': // first bytes of — – · | :: // -
		default:
			continue
		}
		for _, sep := range titleSeps {
			if strings.HasPrefix(s[i:], sep.sep) {
				return i, sep.strong, len(sep.sep)
			}
		}
	}
	return -1, false, 0
}

// titleSuffixOutlet finds an outlet named at the end of a title or a
// headline line: TITLE SEP OUTLET [SECTION]. It returns the canonical
// name and the byte index where the separator starts.
func titleSuffixOutlet(title string, outlets *Outlets) (name string, cut int, ok bool) {
	best, bestStrong, sepLen := lastTitleSep(title)
	if best <= 0 {
		return "", 0, false
	}
	cut = best
	name = title[best+sepLen:]
	suffix := strings.TrimSpace(name)
	suffix = strings.TrimSuffix(strings.TrimSuffix(suffix, "..."), "…")
	if suffix == "" || len(suffix) > 80 {
		return "", 0, false
	}
	if n, ok := outlets.byNameIndex(suffix); ok {
		return n, cut, true
	}
	if !bestStrong {
		return "", 0, false
	}
	// OUTLET SECTION: the longest run of leading words naming an outlet,
	// followed by capitalised section words ("RT Russia & Former Soviet Union").
	words := strings.Fields(suffix)
	if len(words) > 8 {
		return "", 0, false
	}
	for k := len(words) - 1; k >= 1; k-- {
		if n, ok := outlets.byNameIndex(strings.Join(words[:k], " ")); ok {
			for _, w := range words[k:] {
				r, _ := utf8.DecodeRuneInString(w)
				if !(unicode.IsUpper(r) || r == '&' || unicode.IsDigit(r)) {
					return "", 0, false
				}
			}
			return n, cut, true
		}
	}
	return "", 0, false
}

// leadOutlet reads the outlet from the opening of an article (its first
// line of prose):
//
//	lead     = [ note ] [ byline | dateline ] "(" name [ sep extra ] ")" [ " "* dash ]
//	note     = "(" ... ")"                   a correction note: "(Corrects … story.)"
//	byline   = "By " up to five words        "By Sharon Bernstein"
//	dateline = an upper-case place ("MOSCOW", "SEATTLE/WASHINGTON",
//	           "KYIV, Ukraine", "LONDON, March 3"), at most 60 bytes, no
//	           sentence end inside
//	sep      = "-" | "–" | "—" | ":" | "," | "/"
//
// "(MENAFN)", "(MENAFN- Gulf Times)", "MOSCOW (Sputnik) -",
// "WASHINGTON (Reuters) -", "OSLO (NTB):" give MENAFN, MENAFN, Sputnik,
// Reuters and NTB. The name must be in the outlet table: a parenthesis
// that opens an article for another reason says nothing. Only the first
// 300 bytes are read.
func leadOutlet(line string, outlets *Outlets) (string, bool) {
	if len(line) > 300 {
		line = line[:300]
	}
	from := 0
	for from < len(line) {
		open := strings.IndexByte(line[from:], '(')
		if open < 0 {
			return "", false
		}
		open += from
		closeIdx := strings.IndexByte(line[open:], ')')
		if closeIdx < 0 {
			return "", false
		}
		closeIdx += open
		before := strings.TrimSpace(line[from:open])
		if before == "" || datelineShape(before) || bylineShape(before) {
			if n, ok := tagOutlet(line[open+1:closeIdx], outlets); ok {
				return n, true
			}
		} else {
			return "", false
		}
		// Only a note (a parenthesis at the very start) or a byline may
		// come before the tag; skip past this parenthesis and go on.
		if before != "" && !bylineShape(before) {
			return "", false
		}
		from = closeIdx + 1
	}
	return "", false
}

// tagOutlet resolves the inside of a dateline tag: an outlet name, or an
// outlet name, a separator and its source ("MENAFN- Gulf Times").
func tagOutlet(inner string, outlets *Outlets) (string, bool) {
	inner = strings.TrimSpace(inner)
	if inner == "" || len(inner) > 60 {
		return "", false
	}
	if n, ok := outlets.byNameIndex(inner); ok {
		return n, true
	}
	for i, r := range inner {
		if r == '-' || r == '–' || r == '—' || r == ':' || r == ',' || r == '/' {
			return outlets.byNameIndex(strings.TrimSpace(inner[:i]))
		}
	}
	return "", false
}

// bylineShape accepts "By Jane Doe" (a byline word and up to five words).
func bylineShape(s string) bool {
	return isByline(s) && len(strings.Fields(s)) <= 6
}

// datelineShape accepts the place (and date) part before a dateline tag:
// it starts with an upper-case word of at least two letters and holds no
// sentence end.
func datelineShape(s string) bool {
	if len(s) > 60 {
		return false
	}
	first := s
	if i := strings.IndexAny(s, " ,/"); i >= 0 {
		first = s[:i]
	}
	letters := 0
	for _, r := range first {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		} else if r != '.' && r != '-' && r != '\'' {
			return false
		}
	}
	if letters < 2 {
		return false
	}
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && i+2 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// bylineOutlet reads "By Reuters Staff", "By Jane Doe, Associated Press",
// "Av NTB": a short line opening with a byline word whose rest, or the
// part after its last comma, names an outlet.
func bylineOutlet(line string, outlets *Outlets) (string, bool) {
	if len(line) > 80 {
		return "", false
	}
	var rest string
	for _, p := range bylineWords {
		if strings.HasPrefix(line, p) {
			rest = strings.TrimSpace(line[len(p):])
			break
		}
	}
	if rest == "" {
		return "", false
	}
	if n, ok := outlets.byNameIndex(rest); ok {
		return n, true
	}
	if i := strings.LastIndexAny(rest, ",|"); i >= 0 {
		if n, ok := outlets.byNameIndex(strings.TrimSpace(rest[i+1:])); ok {
			return n, true
		}
	}
	return "", false
}

// signatureOutlet reads a closing signature: the last line of the body is
// an outlet's name and nothing else ("REUTER", "NTB").
func signatureOutlet(line string, outlets *Outlets) (string, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 40 {
		return "", false
	}
	return outlets.byNameIndex(line)
}
