package sources

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/boilerplate.tsv
var boilerplateTSV string

type bpKind uint8

const (
	bpNone bpKind = iota
	bpLine
	bpPrefix
	bpMarker
	bpTail
	bpInline
	bpPattern
)

// bpPhrase is one phrase of the boilerplate table, lower-cased.
type bpPhrase struct {
	key  string
	kind bpKind
	// boundary: the phrase ends in a letter or digit, so the next
	// character of the line must not continue the word.
	boundary bool
}

// bpTable is the boilerplate table compiled for matching.
type bpTable struct {
	lines    map[string]bpKind // whole-line phrases (line, marker, tail)
	prefixes []bpPhrase        // prefix, marker and tail phrases, longest first
	byFirst  [256][]bpPhrase   // prefixes by their first byte
	inline   []bpPhrase
	patterns [][]string // globs split at "*"
}

var (
	bpOnce sync.Once
	bpData *bpTable
)

func boilerplateTable() *bpTable {
	bpOnce.Do(func() { bpData = parseBoilerplate(boilerplateTSV) })
	return bpData
}

// parseBoilerplate compiles the data file; unknown kinds are skipped (the
// data file is tested).
func parseBoilerplate(src string) *bpTable {
	t := &bpTable{lines: map[string]bpKind{}}
	seen := map[string]bool{}
	for _, ln := range strings.Split(src, "\n") {
		ln = strings.TrimRight(ln, "\r")
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		cols := strings.SplitN(ln, "\t", 3)
		if len(cols) != 3 || cols[2] == "" {
			continue
		}
		phrase := cols[2]
		key := string(lowerText(nil, phrase))
		var kind bpKind
		switch cols[1] {
		case "line":
			kind = bpLine
		case "prefix":
			kind = bpPrefix
		case "marker":
			kind = bpMarker
		case "tail":
			kind = bpTail
		case "inline":
			kind = bpInline
		case "pattern":
			t.patterns = append(t.patterns, strings.Split(key, "*"))
			continue
		default:
			continue
		}
		if seen[cols[1]+"\x00"+key] {
			continue
		}
		seen[cols[1]+"\x00"+key] = true
		last, _ := utf8.DecodeLastRuneInString(key)
		p := bpPhrase{key: key, kind: kind, boundary: isWordRune(last)}
		switch kind {
		case bpInline:
			t.inline = append(t.inline, p)
			continue
		case bpLine:
			if _, ok := t.lines[trimLinePunct(key)]; !ok {
				t.lines[trimLinePunct(key)] = bpLine
			}
			continue
		}
		// Markers and tails also match as whole lines, and win over "line".
		t.lines[trimLinePunct(key)] = kind
		t.prefixes = append(t.prefixes, p)
	}
	sort.SliceStable(t.prefixes, func(i, j int) bool { return len(t.prefixes[i].key) > len(t.prefixes[j].key) })
	for _, p := range t.prefixes {
		t.byFirst[p.key[0]] = append(t.byFirst[p.key[0]], p)
	}
	return t
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerText appends the lower-case form of s to dst (ASCII fast path);
// no-break spaces become spaces.
func lowerText(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0xA0 || r == 0x202F {
			dst = append(dst, ' ')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// trimLinePunct drops trailing punctuation that does not change what a
// boilerplate line says ("Related posts:", "Loading...", "Source link.").
func trimLinePunct(s string) string {
	for {
		r, n := utf8.DecodeLastRuneInString(s)
		if n == 0 {
			return s
		}
		switch r {
		case ':', '.', '…', '!', '*', ' ', '\t', '»', '›', '>', '|', '-', '–', '—':
			s = s[:len(s)-n]
		default:
			return s
		}
	}
}

// trimLinePunctBytes is trimLinePunct on bytes (no allocation).
func trimLinePunctBytes(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		switch r {
		case ':', '.', '…', '!', '*', ' ', '\t', '»', '›', '>', '|', '-', '–', '—':
			b = b[:len(b)-n]
		default:
			return b
		}
	}
	return b
}

// lineInfo is one line of the body: [start,end) is the line without its
// newline and without surrounding white space.
type lineInfo struct {
	start, end int
}

// FindBoilerplate returns the sorted, non-overlapping byte ranges of the
// part body of text that are not article prose, using the built-in
// phrase table and outlet table. Text is not changed.
func FindBoilerplate(text string, body Span, outlets *Outlets) []Span {
	if outlets == nil {
		outlets = builtinOutlets()
	}
	return findBoilerplate(text, body, outlets)
}

// findBoilerplate classifies the lines of the body. A line is boilerplate
// when
//
//   - it is a phrase of the data file (a whole line such as "Source link",
//     "[ad_1]" or "Annonse"; a short line starting with "Photo:", "© ",
//     "READ MORE", "Les også"), or holds no letter or digit ("×", "***");
//   - it follows a list marker ("Related posts:", "READ MORE:", "Se også")
//     and looks like a headline (short, no final full stop), until the
//     first line of prose;
//   - it is a headline that ends with an outlet name after a separator
//     ("… — RT World News", "… | Reuters"): a link to another story;
//   - it is a short section word ("Russia") between two boilerplate lines;
//   - it is repeated word for word elsewhere in the body: an advert (up
//     to 80 bytes) in every copy, a duplicated paragraph in its later
//     copies;
//   - it or a line before it is a comment-form opener ("Leave a Reply")
//     and what follows is short form text;
//   - it is the last line and only names an outlet (a "REUTER" signature).
//
// A credit glued to the end of a paragraph ("…down.Featured image via X",
// "… Foto: NTB") is boilerplate from the phrase to the end of the line.
func findBoilerplate(text string, body Span, outlets *Outlets) []Span {
	if body.Start < 0 || body.End > len(text) || body.Start >= body.End {
		return nil
	}
	t := boilerplateTable()
	var lines []lineInfo
	for pos := body.Start; pos < body.End; {
		end := strings.IndexByte(text[pos:body.End], '\n')
		next := body.End
		if end < 0 {
			end = body.End
		} else {
			end += pos
			next = end + 1
		}
		s, e := trimSpan(text, pos, end)
		lines = append(lines, lineInfo{s, e})
		pos = next
	}
	flag := make([]bool, len(lines))
	var spans []Span
	var buf []byte
	inList := false
	tailFrom := -1
	var sufTotal, sufMax []int // bytes and longest line from line i on
	for i, ln := range lines {
		if ln.end <= ln.start {
			continue // blank lines keep a list going
		}
		s := text[ln.start:ln.end]
		if !hasWordRune(s) {
			flag[i] = true
			continue
		}
		kind := bpNone
		if len(s) <= 200 {
			buf = lowerText(buf[:0], s)
			kind = t.match(buf)
		}
		switch kind {
		case bpLine, bpPrefix, bpPattern:
			flag[i] = true
			continue
		case bpMarker:
			flag[i] = true
			inList = true
			continue
		case bpTail:
			flag[i] = true
			if tailFrom < 0 {
				if sufTotal == nil {
					sufTotal, sufMax = suffixSizes(lines)
				}
				if sufTotal[i+1] < 1000 && sufMax[i+1] <= 300 {
					tailFrom = i
				}
			}
			continue
		}
		if len(s) <= 200 && headlineLike(s) {
			if _, _, ok := titleSuffixOutlet(s, outlets); ok {
				flag[i] = true
				inList = true
				continue
			}
		}
		if inList && headlineLike(s) {
			flag[i] = true
			continue
		}
		inList = false
		// A credit glued to the end of the line.
		if sp, ok := t.inlineCredit(text, ln, &buf); ok {
			spans = append(spans, sp)
		}
	}
	if tailFrom >= 0 {
		for i := tailFrom; i < len(lines); i++ {
			if lines[i].end > lines[i].start {
				flag[i] = true
			}
		}
	}
	markRepeats(text, lines, flag)
	// Section words between boilerplate lines.
	prev := -1
	for i, ln := range lines {
		if ln.end <= ln.start {
			continue
		}
		if !flag[i] && prev >= 0 && flag[prev] && sectionWord(text[ln.start:ln.end]) {
			if n := nextNonBlank(lines, i+1); n >= 0 && flag[n] {
				flag[i] = true
			}
		}
		prev = i
	}
	// A closing signature.
	if last := prevNonBlank(lines, len(lines)-1); last >= 0 && !flag[last] {
		if _, ok := signatureOutlet(text[lines[last].start:lines[last].end], outlets); ok && last > 0 {
			flag[last] = true
		}
	}
	for i, ln := range lines {
		if flag[i] && ln.end > ln.start {
			spans = append(spans, Span{ln.start, ln.end})
		}
	}
	return mergeSpans(text, spans)
}

// match classifies a lower-cased, trimmed line.
func (t *bpTable) match(low []byte) bpKind {
	if k, ok := t.lines[string(trimLinePunctBytes(low))]; ok {
		return k
	}
	for _, p := range t.patterns {
		if globMatch(p, low) {
			return bpPattern
		}
	}
	if len(low) == 0 {
		return bpNone
	}
	for _, p := range t.byFirst[low[0]] {
		if len(low) < len(p.key) || string(low[:len(p.key)]) != p.key {
			continue
		}
		if p.boundary && len(low) > len(p.key) {
			r, _ := utf8.DecodeRune(low[len(p.key):])
			if isWordRune(r) {
				continue
			}
		}
		return p.kind
	}
	return bpNone
}

// inlineCredit finds a credit phrase in the last 200 bytes of a line that
// stands after a sentence end (with or without a space) and runs, in at
// most ten words, to the end of the line. Only the few positions after a
// sentence end are tried.
func (t *bpTable) inlineCredit(text string, ln lineInfo, _ *[]byte) (Span, bool) {
	from := ln.start + 1
	if ln.end-from > 200 {
		from = ln.end - 200
	}
	for i := from; i < ln.end; i++ {
		switch text[i-1] {
		case '.', '!', '?', '"', ')':
		case 0x9D, 0x99, 0xBB: // last bytes of ” ’ »
			if !afterSentenceEnd(text[ln.start:i]) {
				continue
			}
		default:
			continue
		}
		j := i
		for j < ln.end && text[j] == ' ' {
			j++
		}
		if j >= ln.end {
			break
		}
		for _, p := range t.inline {
			if len(p.key) > ln.end-j || !strings.EqualFold(text[j:j+len(p.key)], p.key) {
				continue
			}
			if creditShape(text[j+len(p.key) : ln.end]) {
				return Span{j, ln.end}, true
			}
		}
	}
	return Span{}, false
}

// creditShape: what follows a credit phrase is a name or a source, not
// more prose: at most ten words and no sentence end before its last
// character.
func creditShape(rest string) bool {
	rest = strings.TrimSpace(rest)
	if len(strings.Fields(rest)) > 10 {
		return false
	}
	for i := 0; i+1 < len(rest); i++ {
		if (rest[i] == '.' || rest[i] == '!' || rest[i] == '?') && rest[i+1] == ' ' {
			return false
		}
	}
	return true
}

// afterSentenceEnd reports whether s ends with a sentence end, possibly
// followed by spaces: . ! ? or a closing quote or parenthesis after one.
func afterSentenceEnd(s string) bool {
	s = strings.TrimRight(s, " \t")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '"', '”', '’', '»', ')':
		return true
	}
	return false
}

// globMatch matches a lower-cased line against a glob split at "*".
func globMatch(parts []string, s []byte) bool {
	if len(parts) == 1 {
		return string(s) == parts[0]
	}
	if len(s) < len(parts[0]) || string(s[:len(parts[0])]) != parts[0] {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(string(s), p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	last := parts[len(parts)-1]
	return len(s) >= len(last) && string(s[len(s)-len(last):]) == last
}

// hasWordRune reports whether s holds a letter or digit.
func hasWordRune(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// headlineLike: a short line (at most 200 bytes and 30 words) that does
// not end like a sentence of prose and is not a Norwegian dash quotation.
func headlineLike(s string) bool {
	if len(s) > 200 || strings.Count(s, " ") > 30 {
		return false
	}
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "– ") || strings.HasPrefix(s, "— ") {
		return false
	}
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', ',', ';', ':', '"', '”', '»':
		return false
	}
	return true
}

// sectionWord: one to three capitalised words without punctuation, such
// as the section names of a related-stories list ("Russia", "World News").
func sectionWord(s string) bool {
	if len(s) > 40 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "&" {
			return false
		}
		for _, c := range w {
			if !isWordRune(c) && c != '&' && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return true
}

// suffixSizes returns, for each line index i (and len(lines)), the bytes
// of the lines from i on and the longest of them: a comment-form opener
// ends the article when what follows is short form text (under 1,000
// bytes, no line over 300).
func suffixSizes(lines []lineInfo) (total, longest []int) {
	total = make([]int, len(lines)+1)
	longest = make([]int, len(lines)+1)
	for i := len(lines) - 1; i >= 0; i-- {
		n := lines[i].end - lines[i].start
		total[i] = total[i+1] + n
		longest[i] = max(longest[i+1], n)
	}
	return total, longest
}

// markRepeats flags lines of 15 to 300 bytes that occur more than once.
// A short repeated line (up to 80 bytes: an advert, a call to action) is
// boilerplate in every copy; a longer one is a duplicated paragraph, so
// only its later copies are.
func markRepeats(text string, lines []lineInfo, flag []bool) {
	const shortAd = 80
	var idx []int
	for i, ln := range lines {
		if n := ln.end - ln.start; n >= 15 && n <= 300 {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 {
		return
	}
	mark := func(first, later int) {
		flag[later] = true
		if lines[first].end-lines[first].start <= shortAd {
			flag[first] = true
		}
	}
	if len(idx) <= 64 {
		for a := 0; a < len(idx); a++ {
			la := lines[idx[a]]
			sa := text[la.start:la.end]
			for b := a + 1; b < len(idx); b++ {
				lb := lines[idx[b]]
				if lb.end-lb.start == len(sa) && text[lb.start:lb.end] == sa {
					mark(idx[a], idx[b])
				}
			}
		}
		return
	}
	first := make(map[string]int, len(idx))
	for _, i := range idx {
		s := text[lines[i].start:lines[i].end]
		if j, ok := first[s]; ok {
			mark(j, i)
		} else {
			first[s] = i
		}
	}
}

func nextNonBlank(lines []lineInfo, from int) int {
	for i := from; i < len(lines); i++ {
		if lines[i].end > lines[i].start {
			return i
		}
	}
	return -1
}

func prevNonBlank(lines []lineInfo, from int) int {
	for i := from; i >= 0; i-- {
		if lines[i].end > lines[i].start {
			return i
		}
	}
	return -1
}

// mergeSpans sorts spans and joins those that overlap or are separated
// only by white space.
func mergeSpans(text string, spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End || strings.TrimSpace(text[last.End:s.Start]) == "" {
			if s.End > last.End {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
