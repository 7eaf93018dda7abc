package claims

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// Change is a claim-level change between two versions of an article.
type Change struct {
	Before Statement `json:"before"`
	After  Statement `json:"after"`
	Diff   []DiffOp  `json:"diff"`
	// NumbersChanged is true when a number or date token differs: "two"
	// → "three", "2" → "3", "27 February" → "28 February" (but not "two"
	// → "2", the same number written otherwise).
	NumbersChanged bool `json:"numbers_changed"`
}

// ChangeSimilarity is the least Similarity at which a statement of the
// older version and one of the newer, of the same kind, count as one
// claim changed rather than one removed and another added. At 0.5 an edit
// of a number, a name or a few words in a sentence stays a change (such
// edits keep 0.7–0.9), while a rewritten sentence becomes removed + added.
const ChangeSimilarity = 0.5

// historyAllPairs is the most before×after pairs compared exhaustively;
// above it (huge articles) only pairs sharing a rare stem bigram are.
const historyAllPairs = 40000

// CompareVersions pairs the statements of two versions of an article.
// Statements with the same text in both are unchanged and dropped (each
// occurrence paired once). Of the rest, pairs of the same kind with
// Similarity ≥ ChangeSimilarity become Changes, most similar first, each
// statement in at most one; what remains is removed (only before) or
// added (only after). added and changed keep the order of after, removed
// the order of before.
func CompareVersions(before, after []Statement) (added, removed []Statement, changed []Change) {
	usedB := make([]bool, len(before))
	usedA := make([]bool, len(after))
	byText := map[string][]int{}
	for i := range before {
		byText[before[i].Text] = append(byText[before[i].Text], i)
	}
	for j := range after {
		if q := byText[after[j].Text]; len(q) > 0 {
			usedB[q[0]], usedA[j] = true, true
			byText[after[j].Text] = q[1:]
		}
	}

	var rb, ra []int // remaining
	for i := range before {
		if !usedB[i] {
			rb = append(rb, i)
		}
	}
	for j := range after {
		if !usedA[j] {
			ra = append(ra, j)
		}
	}
	bags := func(ss []Statement, idx []int) []mtBag {
		out := make([]mtBag, len(idx))
		var t mtText
		for k, i := range idx {
			t.reset()
			mtParse(ss[i].Text, &t)
			out[k] = mtBagOf(&t)
		}
		return out
	}
	bb, ba := bags(before, rb), bags(after, ra)

	type pair struct {
		b, a int // into rb, ra
		s    float64
	}
	var pairs []pair
	consider := func(x, y int) {
		if before[rb[x]].Kind != after[ra[y]].Kind {
			return
		}
		if s := mtBagSimilarity(&bb[x], &ba[y]); s >= ChangeSimilarity {
			pairs = append(pairs, pair{x, y, s})
		}
	}
	if len(rb)*len(ra) <= historyAllPairs {
		for x := range rb {
			for y := range ra {
				consider(x, y)
			}
		}
	} else {
		post := map[uint64][]int{}
		for y := range ba {
			for _, h := range ba[y].bigrams {
				post[h] = append(post[h], y)
			}
		}
		seen := map[int]bool{}
		for x := range bb {
			clear(seen)
			for _, h := range bb[x].bigrams {
				if p := post[h]; len(p) <= familyBucketCap {
					for _, y := range p {
						if !seen[y] {
							seen[y] = true
							consider(x, y)
						}
					}
				}
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		p, q := pairs[i], pairs[j]
		if p.s != q.s {
			return p.s > q.s
		}
		if p.b != q.b {
			return p.b < q.b
		}
		return p.a < q.a
	})
	matchB := make([]int, len(rb))
	for i := range matchB {
		matchB[i] = -1
	}
	matchA := make([]int, len(ra))
	for i := range matchA {
		matchA[i] = -1
	}
	for _, p := range pairs {
		if matchB[p.b] < 0 && matchA[p.a] < 0 {
			matchB[p.b], matchA[p.a] = p.a, p.b
		}
	}
	for y, x := range matchA {
		a := after[ra[y]]
		if x < 0 {
			added = append(added, a)
			continue
		}
		b := before[rb[x]]
		l := b.Lang
		if l == "" {
			l = a.Lang
		}
		changed = append(changed, Change{
			Before: b, After: a, Diff: WordDiff(b.Text, a.Text),
			NumbersChanged: !slices.Equal(NumberTokens(b.Text, l), NumberTokens(a.Text, l)),
		})
	}
	for x, y := range matchB {
		if y < 0 {
			removed = append(removed, before[rb[x]])
		}
	}
	return added, removed, changed
}

// numWords is the number and date vocabulary of one language: single
// words mapped to a normalised value.
type numWords struct {
	val map[string]string // lower-cased word → value ("2", "m2", "w4")
	cap map[string]bool   // words that count only when capitalised ("May")
}

var (
	numWordsMu sync.Mutex
	numWordsBy = map[string]*numWords{}
)

// numWordsFor returns the number vocabulary of a language, read once from
// the facts data files (claims/lang/<code>/numbers.txt [cardinal],
// [ordinal], [multiplier], [plural] and dates.txt [month], [weekday]): only
// entries of one word, valued by their first flag. An unknown language
// has none, and only digits count.
func numWordsFor(code string) *numWords {
	code = langBase(code)
	numWordsMu.Lock()
	defer numWordsMu.Unlock()
	if nw, ok := numWordsBy[code]; ok {
		return nw
	}
	nw := &numWords{val: map[string]string{}, cap: map[string]bool{}}
	if p, ok := lang.Facts(code); ok {
		for _, sec := range []struct{ name, prefix string }{
			{"cardinal", ""}, {"ordinal", ""}, {"multiplier", ""}, {"plural", ""},
			{"month", "m"}, {"weekday", "w"},
		} {
			for _, e := range p.Entries(sec.name) {
				if len(e.Flags) == 0 || strings.ContainsAny(e.Text, " \t") {
					continue
				}
				w := strings.ToLower(e.Text)
				if _, dup := nw.val[w]; dup {
					continue // the first meaning wins ("second" the ordinal)
				}
				nw.val[w] = sec.prefix + e.Flags[0]
				if e.Has("cap") {
					nw.cap[w] = true
				}
			}
		}
	}
	numWordsBy[code] = nw
	return nw
}

// NumberTokens returns the numbers and date words of a text in a
// normalised, sorted form, so that two texts state the same numbers
// exactly when their lists are equal: runs of digits as written ("1,000"
// is "1" and "000", the same on both sides; "27" of "27th"; 2025, 02 and
// 27 of "2025-02-27"), number
// words as their value in the language ("two" → "2", "tre" → "3",
// "twenty-five" → "25"), month and weekday names as "m<n>" and "w<n>".
func NumberTokens(text, langCode string) []string {
	nw := numWordsFor(langCode)
	var out []string
	for _, t := range wdTokens(text) {
		w := text[t[0]:t[1]]
		r, _ := utf8.DecodeRuneInString(w)
		if !mtIsWordRune(r) {
			continue
		}
		if n := len(out); numDigitRuns(w, &out) > n {
			continue
		}
		if v, ok := nw.word(w); ok {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// numDigitRuns appends the runs of digits inside a word token ("27" of
// "27th", "2025", "02" and "27" of "2025-02-27", "19" of "COVID-19") and
// returns the new length of out.
func numDigitRuns(w string, out *[]string) int {
	for i := 0; i < len(w); {
		if w[i] < '0' || w[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(w) && '0' <= w[j] && w[j] <= '9' {
			j++
		}
		*out = append(*out, w[i:j])
		i = j
	}
	return len(*out)
}

// word looks a word token up, whole or as a hyphenated sum of parts
// ("twenty-five" → 25).
func (nw *numWords) word(w string) (string, bool) {
	low := strings.ToLower(w)
	if v, ok := nw.val[low]; ok {
		if nw.cap[low] {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				return "", false
			}
		}
		return v, true
	}
	if !strings.Contains(low, "-") {
		return "", false
	}
	sum := 0
	for _, part := range strings.Split(low, "-") {
		v, ok := nw.val[part]
		if !ok || v == "" || v[0] < '0' || v[0] > '9' {
			return "", false
		}
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				return "", false
			}
			n = n*10 + int(c-'0')
			if n > 1e9 {
				return "", false
			}
		}
		sum += n
	}
	return strconv.Itoa(sum), true
}
