package claims

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// This file holds the normalised word features that similarity, matching,
// drift families and version comparison share. Texts become sequences of
// words, case- and punctuation-insensitive; each word is kept twice, as a
// hash of the whole lower-cased word (for verbatim tests) and as a hash of
// its first mtStemRunes runes (for paraphrase tests).

// mtStemRunes is the length of the truncation "stem". Cutting words to
// their first six letters merges inflections in every language without
// per-language rules (implement/implemented/implementing, møte/møtene,
// встреча/встречи) at the price of rare collisions of long words that
// share a prefix (intervene/interview stay apart, national/nationalist do
// not). Truncation to 5–6 characters is a known, language-neutral stand-in
// for stemming in retrieval.
const mtStemRunes = 6

// mtShortWeight is the weight of a short word (under 4 letters and no
// digit): function words such as "the", "of", "og", "på", "в" say little
// about what a statement claims, so they count for about a third of a
// content word. Words with digits always count fully: numbers carry facts.
const mtShortWeight = 0.35

// mtText is one text as word features, position by position.
type mtText struct {
	exact []uint64  // hash of the lower-cased word
	stem  []uint64  // hash of the lower-cased first mtStemRunes runes
	w     []float32 // weight: 1 for content words, mtShortWeight otherwise
	// anchor marks names: capitalised words not at the start of a
	// sentence. A paraphrase keeps them.
	anchor []bool
}

// len returns the number of words.
func (t *mtText) len() int { return len(t.exact) }

// reset empties t, keeping its buffers.
func (t *mtText) reset() {
	t.exact, t.stem, t.w, t.anchor = t.exact[:0], t.stem[:0], t.w[:0], t.anchor[:0]
}

const (
	mtFNVOffset = 14695981039346656037
	mtFNVPrime  = 1099511628211
)

// mtAdd hashes one rune into an FNV-1a state, four bytes at a time (the
// rune itself, not its UTF-8 form: cheaper and as good for equality).
func mtAdd(h uint64, r rune) uint64 {
	h ^= uint64(r)
	return h * mtFNVPrime
}

// mtPair combines two word hashes into a bigram hash.
func mtPair(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

// mtParse appends the words of s to t. A word is a maximal run of letters,
// marks and digits; everything else (space, punctuation, hyphens,
// apostrophes, quotation marks) separates words, so "mutually-beneficial"
// and "mutually beneficial" read alike. Single letters joined by full
// stops are one word: "U.S." reads as "US", "e.g." as "eg".
func mtParse(s string, t *mtText) {
	i := 0
	sentStart := true // no word yet since a sentence boundary
	abbrev := false   // the last word was one letter followed by "."
	for i < len(s) {
		var (
			r    rune
			w    int
			word bool
		)
		if c := s[i]; c < utf8.RuneSelf {
			r, w, word = rune(c), 1, mtASCII[c] != 0
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
			word = mtIsWordRune(r)
		}
		if !word {
			switch r {
			case '.':
				sentStart = sentStart || !abbrev // "U.S. Senate": no boundary
			case '!', '?', ':', '"', '“', '”', '«', '»', '„', '\n':
				sentStart = true
			}
			if r != '.' || i+w >= len(s) || !mtIsWordRune(mtRuneAt(s, i+w)) {
				abbrev = false
			}
			i += w
			continue
		}
		upper := unicode.IsUpper(r)
		h, stem := uint64(mtFNVOffset), uint64(0)
		n, digit := 0, false
		start := i
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				// ASCII fast path.
				k := mtASCII[c]
				if k == 0 {
					break
				}
				i++
				if k == 'A' {
					c += 'a' - 'A'
				} else if k == '0' {
					digit = true
				}
				r = rune(c)
			} else {
				r, w = utf8.DecodeRuneInString(s[i:])
				if !mtIsWordRune(r) {
					break
				}
				i += w
				r = unicode.ToLower(r)
				if unicode.IsDigit(r) {
					digit = true
				}
			}
			h = mtAdd(h, r)
			n++
			if n == mtStemRunes {
				stem = h
			}
		}
		if n < mtStemRunes {
			stem = h
		}
		oneLetter := n == 1 && !digit && i < len(s) && s[i] == '.'
		if oneLetter && abbrev && start > 0 && s[start-1] == '.' {
			// Continue an abbreviation: "U.S." → one word "us".
			k := t.len() - 1
			r0, _ := utf8.DecodeRuneInString(s[start:])
			t.exact[k] = mtAdd(t.exact[k], unicode.ToLower(r0))
			t.stem[k] = t.exact[k]
			t.w[k] = float32(1)
			continue
		}
		abbrev = oneLetter
		weight := float32(1)
		if n < 4 && !digit {
			weight = mtShortWeight
		}
		t.exact = append(t.exact, h)
		t.stem = append(t.stem, stem)
		t.w = append(t.w, weight)
		t.anchor = append(t.anchor, !digit && upper && !sentStart)
		sentStart = false
	}
}

// mtASCII classifies ASCII bytes: 'a' lower-case letter, 'A' upper-case
// letter, '0' digit, 0 not part of a word.
var mtASCII = func() (t [utf8.RuneSelf]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 'a'
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 'A'
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = '0'
	}
	return t
}()

// mtRuneAt returns the rune at byte offset i of s.
func mtRuneAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// mtBag is a text as sets: unique stems with their weights and unique stem
// bigrams, both sorted, for symmetric similarity.
type mtBag struct {
	stems   []uint64
	weights []float32
	total   float64 // sum of weights
	bigrams []uint64
}

// mtBagOf builds the sets of a parsed text.
func mtBagOf(t *mtText) mtBag {
	var b mtBag
	type sw struct {
		h uint64
		w float32
	}
	tmp := make([]sw, t.len())
	for i := range tmp {
		tmp[i] = sw{t.stem[i], t.w[i]}
	}
	slices.SortFunc(tmp, func(x, y sw) int {
		switch {
		case x.h < y.h:
			return -1
		case x.h > y.h:
			return 1
		}
		return 0
	})
	for i, x := range tmp {
		if i > 0 && x.h == tmp[i-1].h {
			continue
		}
		b.stems = append(b.stems, x.h)
		b.weights = append(b.weights, x.w)
		b.total += float64(x.w)
	}
	if t.len() > 1 {
		b.bigrams = make([]uint64, 0, t.len()-1)
		for i := 0; i+1 < t.len(); i++ {
			b.bigrams = append(b.bigrams, mtPair(t.stem[i], t.stem[i+1]))
		}
		slices.Sort(b.bigrams)
		b.bigrams = slices.Compact(b.bigrams)
	}
	return b
}

// mtBagSimilarity is the symmetric similarity of two bags (see Similarity).
func mtBagSimilarity(a, b *mtBag) float64 {
	if len(a.stems) == 0 || len(b.stems) == 0 {
		return 0
	}
	// Weighted Dice over the stem sets.
	common := 0.0
	i, j := 0, 0
	for i < len(a.stems) && j < len(b.stems) {
		switch {
		case a.stems[i] < b.stems[j]:
			i++
		case a.stems[i] > b.stems[j]:
			j++
		default:
			common += float64(max(a.weights[i], b.weights[j]))
			i++
			j++
		}
	}
	uni := 2 * common / (a.total + b.total)
	if uni > 1 {
		uni = 1
	}
	if len(a.bigrams) == 0 || len(b.bigrams) == 0 {
		return uni
	}
	// Dice over the bigram sets: word order, locally.
	n := mtIntersect(a.bigrams, b.bigrams)
	bi := 2 * float64(n) / float64(len(a.bigrams)+len(b.bigrams))
	return (uni + bi) / 2
}

// mtIntersect counts the common elements of two sorted unique slices.
func mtIntersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Similarity returns a score in [0,1] saying how alike two statements'
// texts are, insensitive to case and punctuation, robust
// to reordered clauses and small edits.
//
// It is the mean of two Dice coefficients: one over the sets of word stems
// (words cut to six letters, function words weighted about a third), which
// ignores order and tolerates inflection, and one over the sets of stem
// bigrams, which rewards shared phrasing. Identical texts score 1; a
// reordered sentence keeps the first part and most of the second; unrelated
// sentences of one language share some function words and little else and
// score around 0.1. A text without any word scores 0 against anything.
func Similarity(a, b string) float64 {
	var ta, tb mtText
	mtParse(a, &ta)
	mtParse(b, &tb)
	ba, bb := mtBagOf(&ta), mtBagOf(&tb)
	return mtBagSimilarity(&ba, &bb)
}
