package eval

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Overlap thresholds of the matching rule: a predicted statement of the
// same kind matches a gold one when their token overlap reaches these.
const (
	DirectThreshold   = 0.8
	IndirectThreshold = 0.5
)

// Tokens splits s into lowercased runs of letters and digits, the unit of
// the overlap measure. Everything else (spaces, punctuation, quotation
// marks) separates tokens.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

// Overlap is |common tokens as a multiset| / max(len a, len b): 1 for the
// same words in any order, 0 when either side is empty.
func Overlap(a, b []string) float64 {
	n := max(len(a), len(b))
	if n == 0 || len(a) == 0 || len(b) == 0 {
		return 0
	}
	counts := make(map[string]int, len(a))
	for _, t := range a {
		counts[t]++
	}
	common := 0
	for _, t := range b {
		if counts[t] > 0 {
			counts[t]--
			common++
		}
	}
	return float64(common) / float64(n)
}

// Threshold returns the overlap a pair of the given kind needs to match.
func Threshold(kind string) float64 {
	if kind == "direct" {
		return DirectThreshold
	}
	return IndirectThreshold
}

// Pair is one gold item matched to one predicted item, by index.
type Pair struct {
	Gold, Pred int
	Overlap    float64
}

// Match pairs gold and predicted token lists one to one, greedily by best
// overlap: every candidate pair at or above threshold is sorted by overlap
// (ties by gold index, then predicted index, so the result is
// deterministic) and taken when neither side is taken yet. Kind and file
// filtering is the caller's business.
func Match(gold, pred [][]string, threshold float64) []Pair {
	var cands []Pair
	for gi, g := range gold {
		for pi, p := range pred {
			if o := Overlap(g, p); o >= threshold && o > 0 {
				cands = append(cands, Pair{Gold: gi, Pred: pi, Overlap: o})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.Overlap != b.Overlap {
			return a.Overlap > b.Overlap
		}
		if a.Gold != b.Gold {
			return a.Gold < b.Gold
		}
		return a.Pred < b.Pred
	})
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	var out []Pair
	for _, c := range cands {
		if usedG[c.Gold] || usedP[c.Pred] {
			continue
		}
		usedG[c.Gold], usedP[c.Pred] = true, true
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Gold < out[j].Gold })
	return out
}

// foldMap handles letters that Unicode decomposition does not reduce to a
// base letter plus marks (ø, æ, ß, ł, đ …), so "Støre" and "Store" fold alike.
var foldMap = map[rune]string{
	'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Fold lowercases s, strips diacritics, and reduces it to its tokens
// joined by single spaces: the normal form names are compared in.
func Fold(s string) string {
	d := norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return strings.Join(Tokens(b.String()), " ")
}

// lastToken returns the last token of a folded name, "" for none.
func lastToken(folded string) string {
	if i := strings.LastIndexByte(folded, ' '); i >= 0 {
		return folded[i+1:]
	}
	return folded
}

// Unnamed is the gold speaker value for unnamed sources.
const Unnamed = "unnamed"

// UnnamedMedium is the gold via value for a medium the text does not name.
const UnnamedMedium = "unnamed medium"

// SpeakerOK reports whether a predicted speaker counts as correct for a
// gold speaker: both empty; gold "unnamed" and the prediction marked as an
// unnamed source; equal after folding case and diacritics; or, both
// non-empty, the same last token ("Lavrov" for "Sergey Lavrov").
func SpeakerOK(gold, pred string, predUnnamed bool) bool {
	g, p := Fold(gold), Fold(pred)
	if g == "" && p == "" {
		return true
	}
	if g == Unnamed {
		return predUnnamed || p == Unnamed
	}
	if predUnnamed && g != "" {
		return false
	}
	if g == "" || p == "" {
		return false
	}
	return g == p || lastToken(g) == lastToken(p)
}

// CueOK reports whether a predicted cue equals the gold cue, folded
// ("Said" = "said"; "according to" = "According to").
func CueOK(gold, pred string) bool { return Fold(gold) == Fold(pred) }

// ViaOK reports whether a predicted medium counts as correct: both empty;
// equal after folding or the same last token ("RIA Novosti" for "Novosti");
// or gold "unnamed medium" and a prediction that describes rather than
// names a medium (it begins with a lower-case letter, as "a Russian
// state-run news agency" does) or says "unnamed medium" itself.
func ViaOK(gold, pred string) bool {
	g, p := Fold(gold), Fold(pred)
	if g == "" || p == "" {
		return g == p
	}
	if g == Fold(UnnamedMedium) {
		if p == g {
			return true
		}
		for _, r := range strings.TrimSpace(pred) {
			return unicode.IsLower(r)
		}
		return false
	}
	return g == p || lastToken(g) == lastToken(p)
}
