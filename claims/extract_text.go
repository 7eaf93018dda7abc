package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/sources"
)

// This file holds the text layer of extraction: a lower-cased copy of the
// text with the same byte offsets, the tokenizer, and paragraph spans.

// lowerSame returns s lower-cased rune by rune, keeping every rune whose
// lower-case form has a different UTF-8 length as it is, so that byte
// offsets into the result are byte offsets into s.
func lowerSame(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii && !upper {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if l != r && r != utf8.RuneError && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:i+n], s[i:i+n])
		}
		i += n
	}
	return string(b)
}

// Token flags.
const (
	tWord    uint16 = 1 << iota // letters/digits
	tCap                        // first rune is an upper-case letter
	tUpper                      // two or more letters, all upper-case
	tDigit                      // starts with a digit
	tPunct                      // a single punctuation or symbol rune
	tQuoted                     // inside a quotation's text
	tSpace                      // whitespace stands before the token
	tNewSent                    // first token of a sentence
)

// token is a word or a punctuation mark with its byte span.
type token struct {
	s, e int32
	f    uint16
	q    int32 // index of the quotation segment the token is inside, -1 if none
}

func (t token) is(f uint16) bool { return t.f&f != 0 }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeAt decodes the rune at byte i of s (RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune that ends at byte i of s.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize appends the tokens of text[start:end] to dst.
//
// Grammar: a word is a run of letters, digits and combining marks, with
// these joined inside it: a hyphen, apostrophe or period between two word
// runes ("Mette-Marit", "don't", "U.S", "bl.a", "10.30"), a comma between
// digits ("2,5"), and a leading '@' or '#' (handles). A possessive "'s"
// is split off ("Russia", "’s"). Every other non-space rune is a
// one-rune punctuation token. The period that ends an abbreviation is its
// own token; sentence rules look at it.
func tokenize(dst []token, text string, start, end int) []token {
	space := true
	i := start
	for i < end {
		r, n := runeAt(text, i)
		if n == 0 {
			break
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = true
			i += n
			continue
		}
		var f uint16
		if space {
			f |= tSpace
		}
		space = false
		if isWordRune(r) || ((r == '@' || r == '#') && i+n < end && isWordRuneAt(text, i+n)) {
			ws := i
			j := i + n
			for j < end {
				r2, n2 := runeAt(text, j)
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (isHyphen(r2) || r2 == '.' || isApostrophe(r2) || r2 == ',' || r2 == '/') && j+n2 < end {
					prev, _ := runeBefore(text, j)
					next, _ := runeAt(text, j+n2)
					if !isWordRune(prev) || !isWordRune(next) {
						break
					}
					if r2 == ',' && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
						break
					}
					if r2 == '/' && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
						break
					}
					if isApostrophe(r2) && (next == 's' || next == 'S') {
						after, _ := runeAt(text, j+n2+1)
						if !isWordRune(after) {
							break // possessive 's: its own token
						}
					}
					j += n2
					continue
				}
				break
			}
			f |= tWord
			first, _ := runeAt(text, ws)
			if first == '@' || first == '#' {
				first, _ = runeAt(text, ws+1)
			}
			if unicode.IsUpper(first) || unicode.IsTitle(first) {
				f |= tCap
			}
			if unicode.IsDigit(first) {
				f |= tDigit
			}
			if isAllUpper(text[ws:j]) {
				f |= tUpper
			}
			dst = append(dst, token{s: int32(ws), e: int32(j), f: f, q: -1})
			i = j
			continue
		}
		if isApostrophe(r) && i > start {
			// a possessive "'s" is one token: "Russia’s" → "Russia", "’s"
			if nx, nn := runeAt(text, i+n); (nx == 's' || nx == 'S') && !isWordRuneAt(text, i+n+nn) {
				if prev, _ := runeBefore(text, i); isWordRune(prev) {
					dst = append(dst, token{s: int32(i), e: int32(i + n + nn), f: f | tPunct, q: -1})
					i += n + nn
					continue
				}
			}
		}
		dst = append(dst, token{s: int32(i), e: int32(i + n), f: f | tPunct, q: -1})
		i += n
	}
	return dst
}

func isWordRuneAt(s string, i int) bool {
	r, n := runeAt(s, i)
	return n > 0 && isWordRune(r)
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// regions returns the parts of the body that extraction reads: doc.Body
// (the whole text when unset) minus the title span and boilerplate spans,
// clamped to the text and sorted.
func regions(doc Doc) []sources.Span {
	n := len(doc.Text)
	body := doc.Body
	if body.Start == 0 && body.End == 0 {
		body.End = n
	}
	body.Start = clamp(body.Start, 0, n)
	body.End = clamp(body.End, body.Start, n)
	cut := make([]sources.Span, 0, len(doc.Boilerplate)+1)
	if doc.TitleSpan.End > doc.TitleSpan.Start {
		cut = append(cut, doc.TitleSpan)
	}
	cut = append(cut, doc.Boilerplate...)
	out := []sources.Span{body}
	for _, c := range cut {
		if c.End <= c.Start {
			continue
		}
		var next []sources.Span
		for _, r := range out {
			if !r.Overlaps(c) {
				next = append(next, r)
				continue
			}
			if c.Start > r.Start {
				next = append(next, sources.Span{Start: r.Start, End: c.Start})
			}
			if c.End < r.End {
				next = append(next, sources.Span{Start: c.End, End: r.End})
			}
		}
		out = next
	}
	return out
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// paragraphs splits the regions into paragraphs: runs of text between line
// breaks, trimmed of surrounding space. A run of two or more spaces after
// a sentence end is also a paragraph break: flattened copy ("…override the
// law.”  The Fifth Amendment …") often marks paragraphs that way. In a
// language with dash quotations (dashParas), a dash that opens a new
// utterance right after a finished sentence ("… sa han. – Vi er …") starts
// a paragraph too.
func paragraphs(text string, regs []sources.Span, dashParas map[rune]bool) []sources.Span {
	var out []sources.Span
	emit := func(s, e int) {
		for s < e {
			r, n := runeAt(text, s)
			if !unicode.IsSpace(r) && r != '\u00a0' {
				break
			}
			s += n
		}
		for e > s {
			r, n := runeBefore(text, e)
			if !unicode.IsSpace(r) && r != '\u00a0' {
				break
			}
			e -= n
		}
		if e > s {
			out = append(out, sources.Span{Start: s, End: e})
		}
	}
	for _, rg := range regs {
		s := rg.Start
		i := rg.Start
		for i < rg.End {
			c := text[i]
			if c == '\n' || c == '\r' {
				emit(s, i)
				i++
				s = i
				continue
			}
			if c == ' ' && len(dashParas) > 0 && i > s && i+1 < rg.End {
				if d, n := runeAt(text, i+1); dashParas[d] && i+1+n < rg.End && text[i+1+n] == ' ' {
					nx, _ := runeAt(text, i+2+n)
					prev, _ := runeBefore(text, i)
					if isClosingQuoteRune(prev) {
						j := i - len(string(prev))
						prev, _ = runeBefore(text, j)
					}
					if (isSentenceEndRune(prev) || prev == ':') && isUpperRune(nx) {
						emit(s, i)
						s = i + 1
						i++
						continue
					}
				}
			}
			if c == ' ' && i+1 < rg.End && text[i+1] == ' ' && i > s && !signatureAhead(text, i+2, rg.End) {
				prev, _ := runeBefore(text, i)
				if isSentenceEndRune(prev) || isClosingQuoteRune(prev) {
					j := i
					for j < rg.End && text[j] == ' ' {
						j++
					}
					if j < rg.End && text[j] != '\n' {
						emit(s, i)
						s = j
						i = j
						continue
					}
				}
			}
			i++
		}
		emit(s, rg.End)
	}
	return out
}

func isSentenceEndRune(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func isClosingQuoteRune(r rune) bool {
	switch r {
	case '"', '”', '»', '’', '“', '›':
		return true
	}
	return false
}

// signatureAhead reports whether an embedded post's signature "Name
// (@handle) …" starts at byte i: the double space before it is no
// paragraph break.
func signatureAhead(text string, i, hi int) bool {
	lim := i + 70
	if lim > hi {
		lim = hi
	}
	j := strings.Index(text[i:lim], " (@")
	if j < 0 {
		return false
	}
	_, _, _, ok := tweetSignature(text[:hi], i+j+1, i-2)
	return ok
}
