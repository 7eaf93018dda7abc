package claims

import (
	"math"
	"strconv"
	"strings"
)

// numExpr is one number expression found in a sentence: a cardinal with
// its bound ("at least 26"), a range ("5 to 7"), an ordinal ("third",
// "3rd", "3."), or a plural quantity ("dozens").
type fxNumExpr struct {
	i, j    int     // token range [i, j)
	val     float64 // the number as written (the upper one of a range)
	lo      float64 // a range's lower number
	rel     string  // "", ">=", ">", "<=", "<", "~" or "range"
	ordinal bool
	prev    float64 // "rose from 85 to 150": the earlier figure, 85
	hasPrev bool
	year    bool // four digits that read as a year (1987)
	word    bool // written as a word ("two"), not digits
	plural  bool // a plural quantity word ("dozens", "thousands"): vague
}

// Value renders the expression in SPEC form: "26", ">=26", "~150", "5-7".
func (n fxNumExpr) Value() string {
	v := fxFmtNum(n.val)
	switch n.rel {
	case "range":
		return fxFmtNum(n.lo) + "-" + v
	case "":
		return v
	}
	return n.rel + v
}

// fmtNum prints a number without a needless decimal part.
func fxFmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// numInterval is the closed interval of values a SPEC number value allows:
// "26" → [26,26], ">=3" → [3,∞), ">50" → (50,∞) as [50+ε,∞), "~150" →
// [135,165], "5-7" → [5,7]. ok is false for what is not a number value.
func fxNumInterval(v string) (lo, hi float64, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, 0, false
	}
	rel := ""
	for _, p := range []string{">=", "<=", ">", "<", "~"} {
		if strings.HasPrefix(v, p) {
			rel, v = p, v[len(p):]
			break
		}
	}
	if rel == "" {
		if a, b, found := strings.Cut(v, "-"); found && a != "" {
			x, err1 := strconv.ParseFloat(a, 64)
			y, err2 := strconv.ParseFloat(b, 64)
			if err1 != nil || err2 != nil || x > y {
				return 0, 0, false
			}
			return x, y, true
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, 0, false
	}
	switch rel {
	case ">=", ">":
		return x, math.Inf(1), true
	case "<=", "<":
		return 0, x, true
	case "~":
		d := math.Abs(x) * 0.1
		return x - d, x + d, true
	}
	return x, x, true
}

// parseDigits reads a digit token with the language's decimal mark and
// digit-group separator ("1,200" en, "1.200" nb; "6.5" en, "6,5" nb).
func (fl *fxFactLang) parseDigits(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	var b strings.Builder
	dec := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case string(c) == fl.group && !dec && fxGroupOK(s, i):
			// thousands separator: exactly three digits follow
		case string(c) == fl.decimal && !dec:
			dec = true
			b.WriteByte('.')
		case (c == '.' || c == ',') && !dec && fl.group == "" && fl.decimal == "":
			dec = true
			b.WriteByte('.')
		default:
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// groupOK reports whether the separator at s[i] is followed by exactly
// three digits and then the end or another separator.
func fxGroupOK(s string, i int) bool {
	n := 0
	j := i + 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		n++
		j++
	}
	return n == 3
}

// cardinalAt reads a number word at toks[i], joining tens and units
// ("twenty-five", "twenty five", nb "tjuefem") and a following multiplier
// ("three hundred", "2.5 million"). It returns the value and the end token.
func (fl *fxFactLang) cardinalAt(text string, toks []fxTok, i int) (float64, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	var v float64
	j := i
	if toks[i].kind == fxTNum {
		d, ok := fl.parseDigits(toks[i].low)
		if !ok {
			return 0, i, false
		}
		v, j = d, i+1
		// "1 200", "12 500 000": groups of three digits one space apart
		for fl.groupSpace && fxDigitsOnly(toks[j-1].low) && (j > i+1 || len(toks[i].low) <= 3) &&
			j < len(toks) && toks[j].kind == fxTNum && len(toks[j].low) == 3 && fxDigitsOnly(toks[j].low) &&
			fxOneSpace(text[toks[j-1].e:toks[j].s]) {
			g, _ := strconv.ParseFloat(toks[j].low, 64)
			v, j = v*1000+g, j+1
		}
	} else if e, n := fl.match(fxLCardinal, text, toks, i); e != nil {
		v, j = float64(e.ival), i+n
		// tens + units: "twenty-five", "twenty five"
		if v >= 20 && v < 100 && int(v)%10 == 0 {
			k := j
			if k < len(toks) && (toks[k].low == "-" || toks[k].low == "–") && !toks[k].sp {
				k++
			}
			if e2, n2 := fl.match(fxLCardinal, text, toks, k); e2 != nil && n2 == 1 {
				if u := e2.ival; u > 0 && u < 10 {
					v += float64(u)
					j = k + 1
				}
			}
		}
	} else if v2, ok := fl.compoundCardinal(toks[i].low); ok {
		v, j = v2, i+1
	} else {
		return 0, i, false
	}
	// multipliers: "three hundred", "1.2 million"
	for j < len(toks) {
		e, n := fl.match(fxLMultiplier, text, toks, j)
		if e == nil {
			break
		}
		v *= float64(e.ival)
		j += n
	}
	return v, j, true
}

func fxDigitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// fxOneSpace reports whether s is one space, a no-break or a thin space.
func fxOneSpace(s string) bool {
	return s == " " || s == "\u00a0" || s == "\u202f" || s == "\u2009"
}

// compoundCardinal reads a written-together tens+units word ("tjuefem").
func (fl *fxFactLang) compoundCardinal(w string) (float64, bool) {
	if len(w) < 4 {
		return 0, false
	}
	for _, e := range fl.tens {
		if len(w) > len(e.toks[0]) && strings.HasPrefix(w, e.toks[0]) {
			if u, ok := fl.units[w[len(e.toks[0]):]]; ok {
				return float64(e.ival + u), true
			}
		}
	}
	return 0, false
}

// numberAt reads a number expression starting at toks[i]. The grammar,
// with every word taken from the language's numbers.txt:
//
//	expr     = [ comparator ] base [ range-join base ]
//	         | range-open base range-join base
//	         | plural                               ("dozens")
//	base     = cardinal [ multiplier ]... | digits [ ordinal-suffix ] | ordinal
//
// A change verb before "from X to Y" makes X the earlier figure and Y the
// value. Digits of four figures between 1800 and 2100 are marked as years.
func (fl *fxFactLang) numberAt(text string, toks []fxTok, i int) (fxNumExpr, bool) {
	n := fxNumExpr{i: i}
	k := i
	if e, m := fl.match(fxLComparator, text, toks, k); e != nil && k+m < len(toks) {
		if _, _, ok := fl.cardinalAt(text, toks, k+m); ok {
			n.rel = fxFlag0(e.flags)
			k += m
		}
	}
	rangeOpen := false
	if n.rel == "" {
		if e, m := fl.match(fxLRangeOpen, text, toks, k); e != nil {
			if _, _, ok := fl.cardinalAt(text, toks, k+m); ok {
				rangeOpen = true
				k += m
			}
		}
	}
	// plural quantity words: "dozens of", "hundreds of"
	if !rangeOpen && n.rel == "" {
		if e, m := fl.match(fxLPlural, text, toks, k); e != nil {
			lo, _, ok := fxNumInterval(fxFlag0(e.flags))
			if ok {
				n.rel, n.val, n.j, n.word, n.plural = ">=", lo, k+m, true, true
				return n, true
			}
		}
	}
	// ordinal words
	if n.rel == "" && !rangeOpen {
		if e, m := fl.match(fxLOrdinal, text, toks, k); e != nil {
			if !fxHasFlag(e.flags, "det") || (k > 0 && fl.is(fxLDeterminer, text, toks, k-1)) {
				n.val, n.ordinal, n.j, n.word = float64(e.ival), true, k+m, true
				return n, true
			}
		}
	}
	v, j, ok := fl.cardinalAt(text, toks, k)
	if !ok {
		if rangeOpen || n.rel != "" {
			return fxNumExpr{}, false
		}
		return fxNumExpr{}, false
	}
	n.val, n.word = v, toks[k].kind != fxTNum
	// digit ordinals: "3rd" (suffix glued on), nb "3." before a lower-case noun
	if toks[k].kind == fxTNum && j == k+1 && j < len(toks) && !toks[j].sp {
		if e, m := fl.match(fxLOrdinalSuffix, text, toks, j); e != nil {
			if toks[j].kind == fxTWord {
				n.ordinal, n.j = true, j+m
				return n, true
			}
			// "3." : an ordinal only before a lower-case word that is not a month
			if j+1 < len(toks) && toks[j+1].kind == fxTWord && !toks[j+1].cap && !toks[j+1].nl &&
				!fl.is(fxLMonth, text, toks, j+1) && v >= 1 && v <= 100 && v == math.Trunc(v) {
				n.ordinal, n.j = true, j+m
				return n, true
			}
		}
	}
	if toks[k].kind == fxTNum && len(toks[k].low) == 4 && j == k+1 && v >= 1800 && v <= 2100 {
		n.year = true
	}
	n.j = j
	// ranges: "5 to 7", "5-7", "two or three", "between 5 and 7"
	if j < len(toks) {
		if e, m := fl.match(fxLRangeJoin, text, toks, j); e != nil {
			joinWord := toks[j].low
			if v2, j2, ok2 := fl.cardinalAt(text, toks, j+m); ok2 && !(joinWord == "and" && !rangeOpen) && !(fl.code == "nb" && joinWord == "og" && !rangeOpen) {
				changed := rangeOpen && k > 0 && i > 0 && fl.is(fxLChange, text, toks, i-1) ||
					rangeOpen && i > 1 && fl.is(fxLChange, text, toks, i-2)
				dash := joinWord == "-" || joinWord == "–"
				if dash && (toks[j].sp || toks[j+m].sp) {
					ok2 = false // "1987 - 88" spaced dashes are not ranges we trust
				}
				if ok2 {
					if changed {
						n.prev, n.hasPrev, n.val = v, true, v2
					} else if v2 > v {
						n.rel, n.lo, n.val = "range", v, v2
					} else {
						return n, true
					}
					n.j, n.year = j2, false
					return n, true
				}
			}
		}
	}
	if rangeOpen {
		// "between 5" without its second number: not a range; read from the number
		n.i = k
	}
	return n, true
}
