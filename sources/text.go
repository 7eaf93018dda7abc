package sources

import (
	"strings"
	"unicode/utf8"
)

// readText reads a plain-text article: decoding, the header line or a
// headline, then metadata detection.
func readText(source string, data []byte, opts *Options) (Article, error) {
	d, err := decodeText(data)
	if err != nil {
		return Article{}, err
	}
	if isBlank([]byte(d.text)) {
		return Article{}, ErrEmpty
	}
	a := Article{Source: source, Format: FormatText, Text: d.text, Hash: hashHex(data)}
	var m meta
	parseLayout(&a, &m, opts.Outlets)
	finish(&a, opts, &m)
	return a, nil
}

// meta is what an input's container says about an article (a header line,
// HTML meta tags, JSON fields), before the user's flags and detection.
type meta struct {
	url, outlet, siteName, lang string
	date                        Date
	// titleOutlet is the outlet named by a title suffix ("— RT World News").
	titleOutlet string
}

// parseLayout finds the header line or headline of a plain text and sets
// Title, TitleSpan, Body and, from a header, the date.
//
// Header grammar (first line; the shape of the sample and corpus files):
//
//	header = [ " "... ] "date" " "+ when [ " "+ title ] EOL
//	when   = "unknown" | YYYY [ "-" MM [ "-" DD ] ]
//
// A "when" that has the shape but is no real date (2025-13-40) gives an
// unknown date. Without a header, a headline is a first line of at most
// 200 bytes and 30 words that does not end like a sentence (a final "."
// other than "..."), followed by a blank line and more text. A title
// suffix naming an outlet of the table (" — RT World News", " | Reuters")
// is cut from Title and TitleSpan and remembered as a signal.
func parseLayout(a *Article, m *meta, outlets *Outlets) {
	text := a.Text
	a.Body = Span{0, len(text)}
	line, next := firstLine(text, 0)
	if t, ok := parseHeader(text[:line]); ok {
		m.date = t.date
		a.Body = Span{next, len(text)}
		if t.title.Len() > 0 {
			a.TitleSpan = t.title
			a.Title = text[t.title.Start:t.title.End]
			cutTitleSuffix(a, m, outlets)
		}
		return
	}
	// Headline: skip leading blank lines.
	start := 0
	for start < len(text) {
		e, n := firstLine(text, start)
		if strings.TrimSpace(text[start:e]) != "" {
			break
		}
		start = n
		if n == e {
			break
		}
	}
	end, after := firstLine(text, start)
	ls, le := trimSpan(text, start, end)
	if le <= ls || le-ls > 200 || after >= len(text) {
		return
	}
	head := text[ls:le]
	if !headlineShape(head) || isByline(head) {
		return
	}
	// A blank line must follow, then more text.
	bEnd, bNext := firstLine(text, after)
	if strings.TrimSpace(text[after:bEnd]) != "" || strings.TrimSpace(text[bNext:]) == "" {
		return
	}
	a.TitleSpan = Span{ls, le}
	a.Title = head
	a.Body = Span{after, len(text)}
	cutTitleSuffix(a, m, outlets)
}

// headlineShape reports whether a line can be a headline: up to 30 words,
// starts with a letter, digit or quote, and does not end like a sentence.
func headlineShape(s string) bool {
	if strings.Count(s, " ") > 30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(isWordRune(r) || strings.ContainsRune("\"'“‘«„", r)) {
		return false
	}
	switch {
	case strings.HasSuffix(s, "..."), strings.HasSuffix(s, "…"):
		return true
	case strings.HasSuffix(s, "."), strings.HasSuffix(s, ","), strings.HasSuffix(s, ";"), strings.HasSuffix(s, ":"):
		return false
	}
	return true
}

// bylineWords open a byline ("By Jane Doe", "Av Kari Nordmann"), which is
// not a headline.
var bylineWords = []string{"By ", "BY ", "Av ", "AV ", "Von ", "Par ", "Por ", "Di "}

func isByline(line string) bool {
	for _, p := range bylineWords {
		if strings.HasPrefix(line, p) && len(line) <= 80 {
			return true
		}
	}
	return false
}

// cutTitleSuffix removes an outlet suffix from Title/TitleSpan.
func cutTitleSuffix(a *Article, m *meta, outlets *Outlets) {
	name, cut, ok := titleSuffixOutlet(a.Title, outlets)
	if !ok {
		return
	}
	m.titleOutlet = name
	a.Title = strings.TrimRight(a.Title[:cut], " \t")
	a.TitleSpan.End = a.TitleSpan.Start + len(a.Title)
}

type header struct {
	date  Date
	title Span
}

// parseHeader parses the header line grammar of parseLayout. line is the
// first line without its newline.
func parseHeader(line string) (header, bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(line[i:], "date") {
		return header{}, false
	}
	i += 4
	if i >= len(line) || line[i] != ' ' && line[i] != '\t' {
		return header{}, false
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '\r' {
		j++
	}
	when := line[i:j]
	var h header
	switch {
	case when == "unknown":
		h.date = Date{Precision: PrecUnknown}
	case dateShape(when):
		d, err := ParseDate(when)
		if err != nil {
			d = Date{Precision: PrecUnknown}
		}
		h.date = d
	default:
		return header{}, false
	}
	s, e := trimSpan(line, j, len(line))
	if e > s {
		h.title = Span{s, e}
	}
	return h, true
}

// dateShape reports whether s is YYYY, YYYY-MM or YYYY-MM-DD in shape.
func dateShape(s string) bool {
	switch len(s) {
	case 4, 7, 10:
	default:
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if k == 4 || k == 7 {
			if c != '-' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// firstLine returns the end of the line starting at from (before "\n")
// and the start of the next line.
func firstLine(text string, from int) (end, next int) {
	if from >= len(text) {
		return len(text), len(text)
	}
	i := strings.IndexByte(text[from:], '\n')
	if i < 0 {
		return len(text), len(text)
	}
	return from + i, from + i + 1
}

// trimSpan narrows [s,e) of text past leading and trailing white space
// (ASCII space, tab, CR, and the no-break and BOM characters).
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		c := text[s]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			s++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if r == 0xA0 || r == 0xFEFF || r == 0x202F || r == 0x2009 || r == 0x200B || r == 0x3000 {
				s += n
				continue
			}
		}
		break
	}
	for e > s {
		c := text[e-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			e--
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if r == 0xA0 || r == 0xFEFF || r == 0x202F || r == 0x2009 || r == 0x200B || r == 0x3000 {
				e -= n
				continue
			}
		}
		break
	}
	return s, e
}
