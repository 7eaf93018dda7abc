package claims

import (
	"strings"
	"unicode"
)

// This file finds quoted stretches: text between quotation marks, the
// paragraphs of a quotation that runs over several paragraphs, and the
// Norwegian dash paragraph.
//
// Grammar of a paragraph, as the scanner reads it:
//
//	paragraph = [ dash space ] { text | quote }
//	quote     = open { any but close } ( close | continued | end-of-paragraph )
//	continued = sentence-end space open      (the opening mark repeated: a new
//	                                          paragraph of the same quotation
//	                                          in flattened copy)
//
// Only the outermost quotation is tracked: marks inside it (nested quotes,
// apostrophes) belong to it; an inner quotation in the same pair of
// distinct marks («… «Роснефти» …») is counted so that its closer does not
// end the outer one. A straight mark (") opens when no letter or
// digit stands before it and a non-space follows; otherwise it is a stray
// closer. The scan visits every byte once, so thousands of unbalanced marks
// stay linear.

// qseg is one quoted stretch: the text between the marks (or after the
// dash), trimmed of spaces.
type qseg struct {
	s, e     int  // content span
	open     int  // byte offset of the opening mark (or dash)
	close    int  // byte offset of the closing mark, -1 when none
	para     int  // paragraph index
	chain    int  // segments of one multi-paragraph quotation share a chain id; -1 alone
	dash     bool // a dash paragraph quotation
	unclosed bool // no closing mark in its paragraph
	mark     rune // opening mark
	drop     bool // absorbed by a dash quotation or rejected
	tweet    bool // an embedded post: text, then "  Name (@handle) Month D, YYYY"
	hard     int  // end of the protected stretch (a tweet's signature); 0 = e
	spk      [2]int
}

func (r *rules) closerFor(open rune) (rune, bool) {
	for _, p := range r.pairs {
		if p.open == open {
			return p.close, true
		}
	}
	return 0, false
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

// openContext reports whether the mark at byte i (n bytes) can open a
// quotation at top level.
func openContext(text string, i, n, lo, hi int, open, close rune) bool {
	next, nn := runeAt(text, i+n)
	if i+n >= hi || nn == 0 {
		return false
	}
	prev, pn := runeBefore(text, i)
	prevWord := i > lo && pn > 0 && (isWordRune(prev))
	switch {
	case open == close: // straight or symmetric mark
		return !prevWord && !isSpaceRune(next)
	case open == '‘' || open == '‚':
		return !prevWord && isWordRune(next)
	case open == '«':
		return true
	default:
		return !isSpaceRune(next) || !prevWord
	}
}

// scanParagraph finds the quoted stretches of paragraph pi = [ps, pe).
// carry is the opening mark of a quotation left open at the end of the
// previous paragraph (0 when none); the returned rune is the mark left
// open at the end of this one.
func (x *extractor) scanParagraph(pi, ps, pe int, carry rune, carryChain int) (rune, int) {
	text := x.text
	r := x.r
	// A paragraph that opens with the carried mark continues the quotation.
	if carry != 0 {
		if c, _ := runeAt(text, ps); c == carry {
			x.pending = -1
		} else {
			x.closeCarry()
			carry = 0
		}
	}
	// Dash paragraph.
	if len(r.dashParas) > 0 {
		c, n := runeAt(text, ps)
		if r.dashParas[c] {
			nx, _ := runeAt(text, ps+n)
			if ps+n < pe && (isSpaceRune(nx) || c != '-') {
				s := ps + n
				for s < pe {
					q, qn := runeAt(text, s)
					if !isSpaceRune(q) {
						break
					}
					s += qn
				}
				if s < pe {
					x.segs = append(x.segs, qseg{s: s, e: pe, open: ps, close: -1, para: pi, chain: -1, dash: true, mark: c})
				}
			}
		}
	}
	depth := 0
	var open, want rune
	openAt, segStart := 0, 0
	chain := -1
	// nest counts opening marks of the open quotation's own kind inside it
	// («… акции «Роснефти» …»): their closers do not end it. left holds,
	// per closing mark of a pair of distinct marks, how many stand after
	// the scan position, so that an inner opener nests only when closers
	// for it and for the outer quotation follow.
	nest := 0
	var left map[rune]int
	for _, p := range r.pairs {
		if p.open != p.close && strings.ContainsRune(text[ps:pe], p.close) {
			if left == nil {
				left = map[rune]int{}
			}
			left[p.close] = strings.Count(text[ps:pe], string(p.close))
		}
	}
	i := ps
	if carry != 0 {
		// Continuation paragraph: the carried mark opens it again.
		c, n := runeAt(text, ps)
		depth, open, openAt, segStart, chain = 1, c, ps, ps+n, carryChain
		want, _ = r.closerFor(c)
		i = ps + n
	}
	for i < pe {
		c, n := runeAt(text, i)
		if n == 0 {
			break
		}
		if _, ok := left[c]; ok {
			left[c]--
		}
		if depth == 0 {
			if cl, ok := r.closerFor(c); ok && openContext(text, i, n, ps, pe, c, cl) {
				depth, open, want, openAt, segStart, chain, nest = 1, c, cl, i, i+n, -1, 0
			} else if c == '"' || c == '”' || c == '»' || c == '“' {
				// A double mark that cannot open here is a stray closer.
				if !isPairedOpener(r, c) || !openContext(text, i, n, ps, pe, c, c) {
					x.diag(i, i+n, "unbalanced quotation mark")
				}
			}
			i += n
			continue
		}
		// Inside a quotation: look for its closing mark.
		if c == want && nest > 0 {
			nest--
			i += n
			continue
		}
		if c == want {
			if want == open && x.continuesQuote(i, n, segStart, pe) {
				// "…everyone. "You could …": the same quotation goes on.
				if chain < 0 {
					chain = x.nextChain()
				}
				x.addSeg(pi, openAt, segStart, i, -1, chain, true, open)
				openAt, segStart = i, i+n
				i += n
				continue
			}
			x.addSeg(pi, openAt, segStart, i, i, chain, false, open)
			depth, chain = 0, -1
			i += n
			continue
		}
		if c == open && want != open && x.continuesQuote(i, n, segStart, pe) {
			// “…everyone. “You could …”: a curly opening mark repeated.
			if chain < 0 {
				chain = x.nextChain()
			}
			x.addSeg(pi, openAt, segStart, i, -1, chain, true, open)
			openAt, segStart = i, i+n
		} else if c == open && want != open && left[want] >= nest+2 {
			nest++ // «… «нормандский формат» …»
		}
		i += n
	}
	if depth > 0 {
		if chain < 0 {
			chain = x.nextChain()
		}
		x.addSeg(pi, openAt, segStart, pe, -1, chain, true, open)
		x.pending = len(x.segs) - 1
		return open, chain
	}
	return 0, -1
}

func isPairedOpener(r *rules, c rune) bool {
	_, ok := r.closerFor(c)
	return ok
}

// continuesQuote reports whether the mark at i, inside an open quotation,
// is the opening mark of a new paragraph of the same quotation rather than
// its closing mark: whitespace before it, a sentence end before that, and
// a word after it.
func (x *extractor) continuesQuote(i, n, segStart, pe int) bool {
	text := x.text
	next, nn := runeAt(text, i+n)
	if nn == 0 || i+n >= pe || !(isWordRune(next) || next == '(' || next == '[') {
		return false
	}
	j := i
	sp := false
	for j > segStart {
		p, pn := runeBefore(text, j)
		if !isSpaceRune(p) {
			break
		}
		sp = true
		j -= pn
	}
	if !sp || j <= segStart {
		return false
	}
	p, _ := runeBefore(text, j)
	return isSentenceEndRune(p)
}

func (x *extractor) nextChain() int {
	x.chains++
	return x.chains
}

// addSeg records a quoted stretch [s, e), trimmed of spaces.
func (x *extractor) addSeg(pi, open, s, e, close, chain int, unclosed bool, mark rune) {
	for s < e {
		c, n := runeAt(x.text, s)
		if !isSpaceRune(c) {
			break
		}
		s += n
	}
	for e > s {
		c, n := runeBefore(x.text, e)
		if !isSpaceRune(c) {
			break
		}
		e -= n
	}
	if e <= s {
		return
	}
	x.segs = append(x.segs, qseg{s: s, e: e, open: open, close: close, para: pi, chain: chain, unclosed: unclosed, mark: mark})
	if chain >= 0 {
		x.chainLen[chain]++
	}
}

// closeCarry settles a quotation left open at the end of the previous
// paragraph that the next paragraph does not continue: a diagnostic, and
// the stretch is dropped unless it opened its paragraph (a lost closing
// mark) or belongs to a chain that was continued before.
func (x *extractor) closeCarry() {
	if x.pending < 0 {
		return
	}
	sg := &x.segs[x.pending]
	x.pending = -1
	if x.chainLen[sg.chain] > 1 {
		return
	}
	x.diag(sg.open, sg.open+len(string(sg.mark)), "quotation mark not closed")
	// "…in the company, said Wood Gundie analyst Edward Comeau.": the
	// quotation ends where its attribution begins
	hi := x.paras[sg.para].t1
	for k := x.tokAt(sg.s); k < hi && int(x.toks[k].s) < sg.e; k++ {
		if x.isMark(k, ",") && k+1 < hi {
			if _, ok := x.attributionAfterComma(k+1, hi); ok {
				sg.e = int(x.toks[k].e) // the comma stays inside, as if closed after it
				sg.unclosed = false
				return
			}
		}
	}
	if sg.open != x.paras[sg.para].s {
		sg.drop = true
	}
}

// tweetSignature reads an embedded post's signature at byte i of text
// (i at the '(' of "(@handle)"): "  Display Name (@handle) Month D,
// YYYY". It returns where the display name starts and ends and where the
// signature ends. Scraped copy (the ISOT corpus) keeps embedded tweets
// this way, the post's text standing before the signature.
func tweetSignature(text string, i, lo int) (nameS, nameE, end int, ok bool) {
	if !strings.HasPrefix(text[i:], "(@") {
		return 0, 0, 0, false
	}
	j := i + 2
	for j < len(text) && j < i+40 && (isASCIIWord(text[j]) || text[j] == '_') {
		j++
	}
	if j == i+2 || !strings.HasPrefix(text[j:], ") ") {
		return 0, 0, 0, false
	}
	j += 2
	// Month D, YYYY
	m := j
	if m >= len(text) || text[m] < 'A' || text[m] > 'Z' {
		return 0, 0, 0, false
	}
	for m < len(text) && m < j+10 && text[m] >= 'A' && (text[m] <= 'Z' || text[m] >= 'a' && text[m] <= 'z') {
		m++
	}
	if m-j < 3 || m >= len(text) || text[m] != ' ' {
		return 0, 0, 0, false
	}
	d := m + 1
	for d < len(text) && d < m+3 && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d == m+1 || !strings.HasPrefix(text[d:], ", ") {
		return 0, 0, 0, false
	}
	y := d + 2
	for y < len(text) && y < d+6 && text[y] >= '0' && text[y] <= '9' {
		y++
	}
	if y-(d+2) != 4 {
		return 0, 0, 0, false
	}
	// the display name: back from the space before "(@" to a double space
	nameE = i - 1
	if nameE <= lo || text[nameE] != ' ' {
		return 0, 0, 0, false
	}
	k := nameE
	for k > lo && nameE-k < 70 {
		if text[k-1] == ' ' && k-2 >= lo && text[k-2] == ' ' {
			break
		}
		k--
	}
	if nameE-k >= 70 || k >= nameE {
		return 0, 0, 0, false
	}
	return k, nameE, y, true
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// scanTweets finds embedded posts in paragraph pi = [ps, pe): the text
// before each signature, back to the previous signature, a sentence end
// glued to the next word ("…told reporters.This is not Melania") where
// scraping joined the post to the prose, or the paragraph start; a
// "pic.twitter.com/…" link at its end is left out.
func (x *extractor) scanTweets(pi, ps, pe int) {
	text := x.text
	prev := ps
	for i := ps; i < pe; {
		j := strings.Index(text[i:pe], "(@")
		if j < 0 {
			return
		}
		at := i + j
		nameS, nameE, end, ok := tweetSignature(text[:pe], at, ps)
		if !ok {
			i = at + 2
			continue
		}
		e := nameS
		if k := strings.LastIndex(text[prev:e], "pic.twitter.com/"); k >= 0 {
			e = prev + k
		}
		s := prev
		glued := false
		for k := e - 2; k > prev; k-- {
			c := text[k]
			if (c == '.' || c == '!' || c == '?') && k+1 < e && k-2 >= prev && isLowerASCII(text[k-1]) && isLowerASCII(text[k-2]) {
				r, _ := runeAt(text, k+1)
				if isUpperRune(r) || r == '“' || r == '"' || r == '(' {
					s, glued = k+1, true
					break
				}
			}
		}
		if !glued && prev == ps {
			// no glued boundary and no signature before: the post starts after the last sentence
			// end before it ("… this fall. .@IvankaTrump will …")
			for k := e - 2; k > prev+1; k-- {
				c := text[k]
				if (c == '.' || c == '!' || c == '?') && text[k+1] == ' ' && k-1 >= prev && isLowerASCII(text[k-1]) {
					s = k + 2
					break
				}
			}
		}
		if e-s > 600 {
			s = e - 600
		}
		x.addSeg(pi, s, s, e, -1, -1, false, 0)
		if n := len(x.segs) - 1; n >= 0 && x.segs[n].s >= s && x.segs[n].e <= e {
			sg := &x.segs[n]
			sg.tweet, sg.hard, sg.spk = true, end, [2]int{nameS, nameE}
		}
		prev = end
		i = end
	}
}
