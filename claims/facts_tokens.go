package claims

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of the facts stage.
type fxTokKind uint8

const (
	fxTWord  fxTokKind = iota // letters, with inner apostrophes and dotted initials ("U.S.")
	fxTNum                    // digits, with inner "." or "," between digits ("1,200", "6.5")
	fxTPunct                  // any other single character
)

// tok is one token with its byte span in the article text.
type fxTok struct {
	s, e  int
	low   string // lower-cased text
	kind  fxTokKind
	cap   bool // starts with an upper-case letter
	upper bool // every letter upper-case (and more than one letter)
	nl    bool // a line break stands between it and the previous token
	sp    bool // white space stands before it
	// mask has bit b set when a phrase of the language's lexicon number b
	// starts with this token (valid when masked): one map look-up per token
	// instead of one per lexicon.
	mask   uint64
	masked bool
}

// isApos reports whether r is an apostrophe inside a word.
func fxIsApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits text[start:end] into tokens. The grammar is small:
//
//	token = word | number | punct
//	word  = letter { letter | digit | apos letter } | initials
//	initials = letter "." letter "." { letter "." }      ("U.S.", "U.N.")
//	number = digit { digit | ("." | ",") digit }
//	punct = any other non-space character
//
// Hyphens and dashes are punctuation, so "Russia-US" is three tokens and
// "twenty-five" too; the number and place rules read across them.
func fxTokenize(text string, start, end int, out []fxTok) []fxTok {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	nl, sp := false, false
	i := start
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			nl, sp = true, true
			i += w
			continue
		}
		if unicode.IsSpace(r) {
			sp = true
			i += w
			continue
		}
		t := fxTok{s: i, nl: nl, sp: sp}
		nl, sp = false, false
		switch {
		case r >= '0' && r <= '9':
			j := i + w
			for j < end {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == '.' || c == ',') && j+1 < end && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			t.e, t.kind = j, fxTNum
		case unicode.IsLetter(r):
			j := i + w
			// dotted initials: "U.S.", "U.N.", "D.C."
			if j+1 < end && text[j] == '.' {
				if r2, w2 := utf8.DecodeRuneInString(text[j+1 : end]); unicode.IsLetter(r2) && j+1+w2 < end && text[j+1+w2] == '.' {
					k := j
					for k+1 < end && text[k] == '.' {
						r3, w3 := utf8.DecodeRuneInString(text[k+1 : end])
						if !unicode.IsLetter(r3) || k+1+w3 >= end || text[k+1+w3] != '.' {
							break
						}
						k = k + 1 + w3
					}
					if k > j {
						t.e = k + 1
						t.kind = fxTWord
						break
					}
				}
			}
			for j < end {
				r2, w2 := utf8.DecodeRuneInString(text[j:end])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\u0301' {
					j += w2
					continue
				}
				if fxIsApos(r2) && j+w2 < end {
					if r3, _ := utf8.DecodeRuneInString(text[j+w2 : end]); unicode.IsLetter(r3) {
						j += w2
						continue
					}
				}
				break
			}
			t.e, t.kind = j, fxTWord
		default:
			t.e, t.kind = i+w, fxTPunct
		}
		raw := text[t.s:t.e]
		t.low = fxLower(raw)
		if t.kind == fxTWord {
			t.cap = unicode.IsUpper(r)
			t.upper = t.cap && fxIsAllUpper(raw)
		}
		out = append(out, t)
		i = t.e
	}
	return out
}

// lower lower-cases s without allocating when it already is.
func fxLower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// isAllUpper reports whether s has at least two letters and no lower-case one.
func fxIsAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 1
}

// phraseToks splits a data phrase into its lower-cased token texts, with
// "_" standing for a space (gazetteer names).
func fxPhraseToks(p string) []string {
	p = strings.ReplaceAll(p, "_", " ")
	ts := fxTokenize(p, 0, len(p), nil)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.low
	}
	return out
}

// phraseCase is how a gazetteer form must be written to match.
type fxPhraseCase uint8

const (
	fxCaseAny   fxPhraseCase = iota // any case ("russiske")
	fxCaseCap                       // first letter capitalised ("Moscow")
	fxCaseExact                     // exactly as written ("US", "EU")
)

// lexEntry is one phrase of a lexicon with its payload.
type fxLexEntry struct {
	toks   []string
	suffix bool // a "*xyz" entry: matches one token that ends in xyz
	cs     fxPhraseCase
	raw    []string // case-exact tokens, for caseExact
	flags  []string
	val    int // payload index or small value, section-specific
	ival   int // the first flag as an integer (0 when it is not one)
}

// lexicon finds the longest phrase starting at a token.
type fxLexicon struct {
	first    map[string][]int // first token → entries, longest first
	suffixes []int
	entries  []fxLexEntry
	bit      uint64 // this lexicon's bit in fxTok.mask; 0 = not masked
}

func fxNewLexicon() *fxLexicon { return &fxLexicon{first: map[string][]int{}} }

// add registers a phrase. A leading "*" makes a suffix entry: it matches
// one word that ends with the rest (the word itself included).
func (l *fxLexicon) add(text string, flags []string, val int, cs fxPhraseCase) {
	if strings.HasPrefix(text, "*") && len(text) > 1 {
		l.entries = append(l.entries, fxLexEntry{toks: []string{fxLower(text[1:])}, suffix: true, flags: flags, val: val})
		l.suffixes = append(l.suffixes, len(l.entries)-1)
		return
	}
	ts := fxPhraseToks(text)
	if len(ts) == 0 {
		return
	}
	e := fxLexEntry{toks: ts, flags: flags, val: val, cs: cs}
	if len(flags) > 0 {
		if n, err := strconv.Atoi(flags[0]); err == nil {
			e.ival = n
		}
	}
	if cs == fxCaseExact {
		raw := fxTokenize(strings.ReplaceAll(text, "_", " "), 0, len(strings.ReplaceAll(text, "_", " ")), nil)
		txt := strings.ReplaceAll(text, "_", " ")
		for _, t := range raw {
			e.raw = append(e.raw, txt[t.s:t.e])
		}
	}
	l.entries = append(l.entries, e)
	id := len(l.entries) - 1
	ids := l.first[ts[0]]
	// keep longest first; stable for equal lengths
	pos := len(ids)
	for k, o := range ids {
		if len(l.entries[o].toks) < len(ts) {
			pos = k
			break
		}
	}
	ids = append(ids, 0)
	copy(ids[pos+1:], ids[pos:])
	ids[pos] = id
	l.first[ts[0]] = ids
}

// match returns the longest entry matching at toks[i] (ids of all entries
// of that length are not needed: the first wins) and the number of tokens.
func (l *fxLexicon) match(text string, toks []fxTok, i int) (int, int) {
	if l == nil || i >= len(toks) {
		return -1, 0
	}
	if l.bit != 0 && toks[i].masked && toks[i].mask&l.bit == 0 && len(l.suffixes) == 0 {
		return -1, 0
	}
	ids := l.first[toks[i].low]
	if len(ids) == 0 {
		if stem, ok := fxGenitiveStem(toks[i].low); ok {
			ids = l.first[stem]
		}
	}
	for _, id := range ids {
		e := &l.entries[id]
		if i+len(e.toks) > len(toks) {
			continue
		}
		ok := true
		for k, w := range e.toks {
			t := &toks[i+k]
			if (t.low != w && !(k == len(e.toks)-1 && fxGenitiveOf(t.low, w))) || (k > 0 && t.nl) {
				ok = false
				break
			}
			switch e.cs {
			case fxCaseCap:
				if t.kind == fxTWord && !t.cap {
					ok = false
				}
			case fxCaseExact:
				if text[t.s:t.e] != e.raw[k] {
					ok = false
				}
			}
			if !ok {
				break
			}
		}
		if ok {
			return id, len(e.toks)
		}
	}
	if len(l.suffixes) > 0 && toks[i].kind == fxTWord {
		w := toks[i].low
		for _, id := range l.suffixes {
			sfx := l.entries[id].toks[0]
			if len(w) >= len(sfx) && strings.HasSuffix(w, sfx) {
				return id, 1
			}
		}
	}
	return -1, 0
}

// fxGenitiveOf reports whether word is w with an English genitive ending
// ("tuesday's", "yesterday’s").
func fxGenitiveOf(word, w string) bool {
	return len(word) > len(w) && strings.HasPrefix(word, w) && (word[len(w):] == "'s" || word[len(w):] == "’s")
}

// fxGenitiveStem strips an English genitive ending.
func fxGenitiveStem(word string) (string, bool) {
	for _, g := range []string{"'s", "’s"} {
		if len(word) > len(g) && strings.HasSuffix(word, g) {
			return word[:len(word)-len(g)], true
		}
	}
	return "", false
}

// has reports whether a phrase of the lexicon starts at toks[i].
func (l *fxLexicon) has(text string, toks []fxTok, i int) bool {
	id, _ := l.match(text, toks, i)
	return id >= 0
}
