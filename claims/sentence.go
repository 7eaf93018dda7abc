package claims

import (
	"github.com/claimtrail/claimtrail/sources"
)

// SentenceSpans splits text[within] into sentences and returns their byte
// spans, trimmed of surrounding space, in order. It is the splitter that
// extraction uses, so other stages (facts) see the same sentences.
//
// Rules: a line break always ends a sentence (and a paragraph); '.', '!',
// '?' and '…' end one when, after any closing quotation marks and
// brackets, whitespace and an upper-case letter, a digit, an opening
// quotation mark, a dash or a bracket follow. They do not end one inside a
// quotation (its marks, or a Norwegian dash quotation up to its
// attribution), after an abbreviation of the language's data (Mr., bl.a.,
// f.eks.), after an abbreviation that may end a sentence (U.S., Inc.)
// unless a typical sentence opener follows, after "No."/"nr." before a
// number, after a single initial ("Sven O. Høiby"), or after an ordinal
// number before a month name ("27. Februar"). lang picks the data; a
// language without a pack uses English rules. A zero within means the
// whole text.
func SentenceSpans(text string, lang string, within sources.Span) []sources.Span {
	if within.Start == 0 && within.End == 0 {
		within.End = len(text)
	}
	x := newExtractor(Doc{Text: text, Lang: lang, Body: within})
	x.prepare()
	out := make([]sources.Span, len(x.sents))
	for i, s := range x.sents {
		out[i] = sources.Span{Start: s.s, End: s.e}
	}
	return out
}

// sent is one sentence: its byte span and token range.
type sent struct {
	s, e   int
	t0, t1 int
	para   int
}

// splitSentences appends the sentences of paragraph pi to x.sents.
func (x *extractor) splitSentences(pi int) {
	p := &x.paras[pi]
	p.sn0 = len(x.sents)
	toks := x.toks
	start := p.t0
	for k := p.t0; k < p.t1; k++ {
		t := toks[k]
		if !t.is(tPunct) {
			continue
		}
		c, _ := runeAt(x.text, int(t.s))
		if !isSentenceEndRune(c) {
			continue
		}
		// Take further end marks and closing quotes/brackets along.
		end := k + 1
		for end < p.t1 && toks[end].is(tPunct) && !toks[end].is(tSpace) {
			c2, _ := runeAt(x.text, int(toks[end].s))
			if isSentenceEndRune(c2) || isClosingQuoteRune(c2) || c2 == ')' || c2 == ']' {
				end++
				continue
			}
			break
		}
		if end >= p.t1 {
			break // paragraph end closes it anyway
		}
		nx := toks[end]
		if !nx.is(tSpace) {
			continue
		}
		if !x.canStartSentence(end) {
			continue
		}
		if x.insideQuote(int(toks[end-1].e), int(nx.s)) {
			continue
		}
		if c == '.' && x.abbreviationBefore(k, end, p.t0) {
			continue
		}
		x.addSent(start, end, pi)
		start = end
		k = end - 1
	}
	if start < p.t1 {
		x.addSent(start, p.t1, pi)
	}
	p.sn1 = len(x.sents)
}

func (x *extractor) addSent(t0, t1, pi int) {
	if t1 <= t0 {
		return
	}
	x.sents = append(x.sents, sent{s: int(x.toks[t0].s), e: int(x.toks[t1-1].e), t0: t0, t1: t1, para: pi})
	x.toks[t0].f |= tNewSent
}

// canStartSentence reports whether token k may open a sentence.
func (x *extractor) canStartSentence(k int) bool {
	t := x.toks[k]
	if t.is(tCap) || t.is(tDigit) {
		return true
	}
	if t.is(tPunct) {
		c, _ := runeAt(x.text, int(t.s))
		if _, ok := x.r.closerFor(c); ok {
			return true
		}
		return x.r.dashes[c] || c == '(' || c == '[' || c == '¿' || c == '¡' || c == '‘'
	}
	return false
}

// insideQuote reports whether a boundary between byte a (end of the
// sentence's last token) and b (start of the next) falls strictly inside a
// quotation's text. x.qspans is sorted and non-overlapping.
func (x *extractor) insideQuote(a, b int) bool {
	lo, hi := 0, len(x.qspans)
	for lo < hi {
		m := (lo + hi) / 2
		if x.qspans[m].Start < a {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return false
	}
	q := x.qspans[lo-1]
	return q.Start < a && b < q.End
}

// abbreviationBefore reports whether the period at token k (the sentence
// would end before token end) belongs to an abbreviation or number.
func (x *extractor) abbreviationBefore(k, end, lo int) bool {
	if k == lo {
		return false
	}
	w := x.toks[k-1]
	if !w.is(tWord) || w.e != x.toks[k].s {
		return false
	}
	word := x.low[w.s:w.e]
	withDot := x.low[w.s:x.toks[k].e]
	r := x.r
	if r.abbrev.has(withDot) {
		return true
	}
	nx := x.toks[end]
	next := x.low[nx.s:nx.e]
	if r.beforeNum.has(withDot) && nx.is(tDigit) {
		return true
	}
	if r.abbrevFinal.has(withDot) {
		return !r.openers.has(next)
	}
	// a single initial: "Sven O. Høiby"
	if w.is(tCap) && w.e-w.s == 1 || (w.is(tCap) && len([]rune(word)) == 1) {
		return nx.is(tCap)
	}
	// an ordinal before a month name: "27. Februar"
	if w.is(tDigit) && r.months.has(next) {
		return true
	}
	return false
}
