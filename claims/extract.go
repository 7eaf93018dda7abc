package claims

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/claimtrail/claimtrail/sources"
)

// Extract splits an article into direct quotations, reported speech and
// the outlet's own assertions, each with byte offsets into doc.Text
// (Text == doc.Text[Start:End] always), sorted by Start (a longer
// statement first when two start together). The title (doc.TitleSpan) and
// boilerplate spans are skipped. Trouble such as an unbalanced quotation
// mark is returned as diagnostics, never as a failure; Extract does not
// panic on any input.
//
// Units follow SPEC.md "Reading what was found":
//   - direct: the text between the marks, marks excluded; a split
//     quotation ("X," he said, "Y.") is two statements with one speaker; a
//     quotation running over several paragraphs (the opening mark repeated,
//     no closing mark until the end) is one statement per paragraph; a
//     Norwegian dash paragraph runs from after the dash to before the
//     comma of its attribution (", sier X"), or to its end.
//   - partial: a quoted fragment inside a sentence attributed to a speaker
//     is a direct statement with Partial set, and the reported clause
//     around it an indirect one.
//   - indirect: the reported clause only (after the verb and "that"/"at",
//     before a trailing ", he said"; for "according to X" the rest of the
//     sentence), without its final punctuation.
//   - assertion: a whole body sentence that states something checkable.
func Extract(doc Doc) (stmts []Statement, diags []Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			// A bug must not take the caller down: report it and return
			// nothing rather than half-checked statements.
			stmts = nil
			diags = append(diags, Diagnostic{Start: 0, End: 0, Message: fmt.Sprintf("extraction failed: %v", r)})
		}
	}()
	return extract(doc)
}

// extract is Extract without the recover (the fuzz target calls it).
func extract(doc Doc) ([]Statement, []Diagnostic) {
	x := newExtractor(doc)
	defer x.release()
	x.prepare()
	x.collectNames()
	for si := range x.sents {
		x.analyse(si)
	}
	x.fillChains()
	x.fillLeadingDash()
	x.assertions()
	out := make([]Statement, 0, len(x.out))
	for _, s := range x.out {
		if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End {
			continue
		}
		s.Text = doc.Text[s.Start:s.End]
		out = append(out, s.Statement)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	sort.SliceStable(x.diags, func(i, j int) bool { return x.diags[i].Start < x.diags[j].Start })
	return out, x.diags
}

// maxDiags caps the diagnostics of one article: thousands of stray marks
// make one message each up to the cap, then a summary.
const maxDiags = 100

type para struct {
	s, e     int
	t0, t1   int
	sn0, sn1 int
	heading  bool
}

// stmt is a statement under construction with what later rules need.
type stmt struct {
	Statement
	sent   int
	para   int
	gender byte
	chain  int
	seg    int  // quotation segment, -1 for none
	single bool // the speaker is one unnamed person ("kvinna")
}

type stickyVia struct {
	via  string
	para int
}

type atomicCounter = atomic.Int64

type extractor struct {
	doc       Doc
	text, low string
	r         *rules
	lang      string

	paras    []para
	toks     []token
	segs     []qseg
	qspans   []sources.Span
	spanSeg  []int // kept span index -> segment index
	sents    []sent
	chains   int
	chainLen map[int]int
	pending  int
	diags    []Diagnostic
	ndiag    int

	mentions   []mention
	namesReady bool           // collectNames has run
	keyArena   []string       // backing store of mention keys
	seen       map[string]int // scratch of linkNames
	byKey      map[string]*fullForm
	segUsed    []bool // segment already a statement (per sentence)
	claimed    []bool // scratch of decide
	full       map[string][]*fullForm
	orgFull    map[string][]*fullForm
	roleIdx    map[string][]int // role -> mentions with it
	mentStart  []int            // sentence -> its first mention
	personKeys map[string]bool  // surname keys used for person speakers

	out    []stmt
	sticky map[string]stickyVia
	lead   *attrib // a colon lead-in that ended the previous paragraph
	leadP  int
	segAtt map[int]*attrib // attribution found for a dash quotation
	// interviewee: in a question-and-answer interview (answers in dash
	// paragraphs, each followed by the next question), the person the
	// title names; x.interview says the format was seen
	interview   bool
	interviewee string
}

var extractorPool = sync.Pool{New: func() any {
	return &extractor{chainLen: map[int]int{}, personKeys: map[string]bool{}, sticky: map[string]stickyVia{},
		segAtt: map[int]*attrib{}, full: map[string][]*fullForm{}, orgFull: map[string][]*fullForm{},
		roleIdx: map[string][]int{}, seen: map[string]int{}, byKey: map[string]*fullForm{}}
}}

// newExtractor takes an extractor from the pool, reset for doc; release
// returns it. Slices and maps keep their capacity between articles.
func newExtractor(doc Doc) *extractor {
	r := rulesFor(doc.Lang)
	l := doc.Lang
	if l == "" {
		l = r.code
	}
	x := extractorPool.Get().(*extractor)
	x.doc, x.text, x.low, x.r, x.lang = doc, doc.Text, lowerSame(doc.Text), r, l
	x.paras = x.paras[:0]
	if cap(x.toks) < len(doc.Text)/5 {
		x.toks = make([]token, 0, len(doc.Text)/5)
	}
	x.toks = x.toks[:0]
	x.segs, x.qspans, x.spanSeg, x.sents = x.segs[:0], x.qspans[:0], x.spanSeg[:0], x.sents[:0]
	x.chains, x.pending, x.ndiag = 0, -1, 0
	x.diags = nil
	x.mentions, x.mentStart, x.keyArena = x.mentions[:0], x.mentStart[:0], x.keyArena[:0]
	x.namesReady = false
	x.out = x.out[:0]
	x.lead, x.leadP = nil, 0
	x.interview, x.interviewee = false, ""
	x.segUsed, x.claimed = x.segUsed[:0], x.claimed[:0]
	for _, m := range []any{x.chainLen, x.personKeys, x.sticky, x.segAtt, x.full, x.orgFull, x.roleIdx, x.seen, x.byKey} {
		switch m := m.(type) {
		case map[int]int:
			clear(m)
		case map[string]bool:
			clear(m)
		case map[string]stickyVia:
			clear(m)
		case map[int]*attrib:
			clear(m)
		case map[string][]*fullForm:
			clear(m)
		case map[string][]int:
			clear(m)
		case map[string]int:
			clear(m)
		case map[string]*fullForm:
			clear(m)
		}
	}
	return x
}

// release returns x to the pool, dropping references to the article.
func (x *extractor) release() {
	x.doc, x.text, x.low = Doc{}, "", ""
	x.diags = nil
	x.lead = nil
	extractorPool.Put(x)
}

func (x *extractor) diag(s, e int, msg string) {
	x.ndiag++
	if x.ndiag <= maxDiags {
		x.diags = append(x.diags, Diagnostic{Start: s, End: e, Message: msg})
	} else if x.ndiag == maxDiags+1 {
		x.diags = append(x.diags, Diagnostic{Start: s, End: e, Message: "more extraction trouble not listed"})
	}
}

// prepare builds paragraphs, tokens, quotation segments and sentences.
func (x *extractor) prepare() {
	for _, p := range paragraphs(x.text, regions(x.doc), x.r.dashParas) {
		x.paras = append(x.paras, para{s: p.Start, e: p.End})
	}
	carry, chain := rune(0), -1
	for pi := range x.paras {
		p := &x.paras[pi]
		p.t0 = len(x.toks)
		x.toks = tokenize(x.toks, x.text, p.s, p.e)
		p.t1 = len(x.toks)
		p.heading = x.isHeading(pi)
		carry, chain = x.scanParagraph(pi, p.s, p.e, carry, chain)
		if strings.Contains(x.text[p.s:p.e], "(@") {
			x.scanTweets(pi, p.s, p.e)
		}
	}
	x.closeCarry()
	sort.SliceStable(x.segs, func(i, j int) bool { return x.segs[i].s < x.segs[j].s })
	// dash quotations end at their attribution and swallow marks inside
	for i := range x.segs {
		if x.segs[i].dash {
			x.dashEnd(i)
		}
	}
	x.interviewQuestions()
	for i := range x.segs {
		d := x.segs[i]
		if !d.dash && !d.tweet || d.drop {
			continue
		}
		// quotation marks inside a tweet or a dash quotation belong to it;
		// a tweet swallows a stretch that started before it too
		end := d.e
		if d.hard > end {
			end = d.hard
		}
		for k := range x.segs {
			if k != i && !x.segs[k].drop && x.segs[k].s < end && x.segs[k].e > d.s && (x.segs[k].s >= d.s || d.tweet) {
				x.segs[k].drop = true
			}
		}
	}
	// mark quoted tokens; segments are sorted and, once dropped ones are
	// left out, do not overlap
	k := 0
	for i := range x.segs {
		sg := x.segs[i]
		if sg.drop {
			continue
		}
		if n := len(x.qspans); n > 0 && x.qspans[n-1].End > sg.s {
			x.segs[i].drop = true // overlapping leftovers: keep the first
			continue
		}
		end := sg.e
		if sg.hard > end {
			end = sg.hard
		}
		x.qspans = append(x.qspans, sources.Span{Start: sg.s, End: end})
		x.spanSeg = append(x.spanSeg, i)
		for k < len(x.toks) && int(x.toks[k].s) < sg.s {
			k++
		}
		for j := k; j < len(x.toks) && int(x.toks[j].e) <= end; j++ {
			x.toks[j].q = int32(i)
		}
	}
	for pi := range x.paras {
		x.splitSentences(pi)
	}
	if cap(x.segUsed) < len(x.segs) {
		x.segUsed = make([]bool, len(x.segs))
	}
	x.segUsed = x.segUsed[:len(x.segs)]
	clear(x.segUsed)
}

// isHeading reports whether paragraph pi is a heading or crosshead: at
// most eight words and no sentence-final punctuation.
func (x *extractor) isHeading(pi int) bool {
	p := x.paras[pi]
	words := 0
	for k := p.t0; k < p.t1; k++ {
		if x.toks[k].is(tWord) {
			words++
		}
	}
	if words > 8 || words == 0 {
		return words == 0
	}
	for k := p.t1 - 1; k >= p.t0; k-- {
		t := x.toks[k]
		if !t.is(tPunct) {
			return true
		}
		c, _ := runeAt(x.text, int(t.s))
		if isSentenceEndRune(c) || c == ':' {
			return false
		}
		if !isClosingQuoteRune(c) && c != ')' {
			return true
		}
	}
	return true
}

// tokAt returns the index of the first token starting at or after byte b.
func (x *extractor) tokAt(b int) int {
	return sort.Search(len(x.toks), func(i int) bool { return int(x.toks[i].s) >= b })
}

// tokText returns token k as written.
func (x *extractor) tokText(k int) string {
	t := x.toks[k]
	return x.text[t.s:t.e]
}

func (x *extractor) tokLow(k int) string {
	t := x.toks[k]
	return x.low[t.s:t.e]
}

// ---------------------------------------------------------------------
// Attributions.

// attrib is a cue with its subject: who said it and how.
type attrib struct {
	c0, c1    int // cue tokens
	cue       string
	cueS      int
	cueE      int
	verb      *phrase
	subj      np
	hasSubj   bool
	w         who
	resolved  bool
	g0, g1    int  // tokens of the whole attribution group (subject, cue, object)
	trailing  bool // follows what was said
	leadIn    bool // introduces a quotation after ':' or ','
	cs, ce    int  // reported content, bytes; cs < 0 when none
	according bool
	relay     bool // a medium reporting another attribution ("…, the newspaper reported")
	rcs, rce  int  // a relay's tokens of what it reports
	quotedAs  bool // "QUOTED-VERB X as CUE"
	qs0       int  // first token of the quoting phrase ("the newspaper quoted")
	part      bool
	rule      string
	conf      float64
	via       string
	viaInt    bool
	objEnd    int  // token after the addressee of "told X"
	how       byte // for a dash quotation's attribution: 'c' comma, 'l' comma with a loose subject, 'q' after ?/!, 'e' echo sentence
}

// speaker resolves the attribution's subject once, in text order.
func (x *extractor) speaker(a *attrib) who {
	if !a.resolved {
		a.resolved = true
		if a.hasSubj {
			a.w = x.resolve(a.subj, a.subj.t0)
		}
	}
	return a.w
}

// matchCue returns the cue verb or "according to" phrase at token k.
func (x *extractor) matchCue(k, lo int) (*phrase, int, bool) {
	t := x.toks[k]
	if !t.is(tWord) || t.q >= 0 {
		return nil, k, false
	}
	if p, end := x.r.according.match(x, x.toks, k); p != nil {
		return p, end, true
	}
	p, end := x.r.verbs.match(x, x.toks, k)
	if p == nil {
		return nil, k, false
	}
	// a capitalised verb only opens a sentence or follows a quotation
	if t.is(tCap) && k != lo && !(k > 0 && x.toks[k-1].is(tPunct)) {
		return nil, k, false
	}
	// passive: "is said to be"
	if k > lo && x.r.passive.has(x.tokLow(k-1)) && strings.HasSuffix(x.tokLow(k), "d") {
		return nil, k, false
	}
	return p, end, false
}

// cueText sets the cue fields from tokens [c0, c1).
func (x *extractor) setCue(a *attrib, c0, c1 int) {
	a.c0, a.c1 = c0, c1
	a.cueS, a.cueE = int(x.toks[c0].s), int(x.toks[c1-1].e)
	a.cue = x.text[a.cueS:a.cueE]
}

// attributionAfterComma parses ", sier han" / ", he said" / ", said
// Lavrov" starting at token k (just after the comma), up to token hi.
func (x *extractor) attributionAfterComma(k, hi int) (*attrib, bool) {
	if k >= hi {
		return nil, false
	}
	// cue first: ", said Lavrov", ", sier han"
	if p, end, acc := x.matchCue(k, k); p != nil && !acc && p.flags&fObj == 0 {
		if n, ok := x.describedSubjectAfter(end, hi); ok && n.kind != npFirst && x.inversionTailOK(n.t1, hi) && (p.flags&fDoc == 0 || n.kind == npDoc) {
			a := &attrib{verb: p, subj: n, hasSubj: true, cs: -1, trailing: true}
			x.setCue(a, k, end)
			a.g0, a.g1 = k, n.t1
			x.particleAfter(a, hi)
			return a, true
		}
	}
	// a particle verb split by its inverted subject: ", legger han til",
	// ", slår Utne fast"
	if t := x.toks[k]; t.is(tWord) && !t.is(tCap) && t.q < 0 {
		for _, p := range x.r.verbs.byFirst[x.tokLow(k)] {
			if len(p.words) != 2 || p.flags&fObj != 0 {
				continue
			}
			n, ok := x.describedSubjectAfter(k+1, hi)
			if !ok || n.kind == npFirst || n.t1 >= hi || x.tokLow(n.t1) != p.words[1] || !x.inversionTailOK(n.t1+1, hi) {
				continue
			}
			a := &attrib{verb: p, subj: n, hasSubj: true, cs: -1, trailing: true}
			x.setCue(a, k, k+1)
			a.cue = x.tokText(k) + " " + x.tokText(n.t1)
			a.cueE = int(x.toks[n.t1].e)
			a.g0, a.g1 = k, n.t1+1
			return a, true
		}
	}
	// subject first: ", he said", ", the minister also said"
	for e := k + 1; e < hi && e <= k+12; e++ {
		t := x.toks[e]
		if t.q >= 0 || (t.is(tPunct) && x.tokText(e) != ".") {
			break
		}
		p, end, acc := x.matchCue(e, k)
		if p == nil || acc || p.flags&fPart != 0 {
			continue
		}
		if n, ok := x.subjectBefore(e, k); ok && n.p0 == k && n.kind != npFirst && (p.flags&fDoc == 0 || n.kind == npDoc) {
			a := &attrib{verb: p, subj: n, hasSubj: true, cs: -1, trailing: true}
			x.setCue(a, e, end)
			a.g0, a.g1 = k, end
			return a, true
		}
		break
	}
	return nil, false
}

// particleAfter extends a cue such as "legger" with its particle standing
// after an inverted subject ("legger han til").
func (x *extractor) particleAfter(a *attrib, hi int) {
	if a.verb == nil || len(a.verb.words) != 1 {
		return
	}
	j := a.g1
	if j >= hi || !x.toks[j].is(tWord) {
		return
	}
	for _, p := range x.r.verbs.byFirst[a.verb.words[0]] {
		if len(p.words) == 2 && x.tokLow(j) == p.words[1] {
			a.cue = a.verb.words[0] + " " + p.words[1]
			a.cueE = int(x.toks[j].e)
			a.g1 = j + 1
			return
		}
	}
}

// dashEnd ends the dash quotation of segment i at its attribution: the
// comma before ", sier X", a '?' or '!' before "spør han", the end of the
// sentence before "Det sier X." or before a sentence in the narrator's
// voice; else the paragraph end.
func (x *extractor) dashEnd(i int) {
	sg := &x.segs[i]
	hi := x.paras[sg.para].t1
	k0 := x.tokAt(sg.s)
	// a paragraph that ends in ", sier X" is the quotation up to there:
	// no sentence before it is the narrator's, whatever its subject
	// ("- … Siv Jensen sier at … Da mener jeg …, skriver hun videre.")
	attributed := false
	for k := k0 + 1; k < hi; k++ {
		if x.isMark(k, ",") {
			if _, ok := x.attributionAfterComma(k+1, hi); ok {
				attributed = true
				break
			}
		}
	}
	for k := k0; k < hi; k++ {
		t := x.toks[k]
		if !t.is(tPunct) {
			if !attributed && k > k0+1 {
				if a, ok := x.commalessAttribution(k, hi); ok {
					sg.e = int(x.toks[k-1].e)
					a.how = 'c'
					x.segAtt[i] = a
					return
				}
			}
			continue
		}
		c := x.tokText(k)
		switch c {
		case ",":
			if a, ok := x.attributionAfterComma(k+1, hi); ok {
				if k == k0 {
					sg.drop = true
					return
				}
				sg.e = int(x.toks[k-1].e)
				a.how = 'c'
				x.segAtt[i] = a
				return
			}
			if a, ok := x.looseAttribution(k+1, hi); ok && k > k0 {
				sg.e = int(x.toks[k-1].e)
				a.how = 'l'
				x.segAtt[i] = a
				return
			}
		case "?", "!", ".", "…":
			if k+1 >= hi {
				return
			}
			nx := x.toks[k+1]
			if c != "." && !nx.is(tCap) && nx.is(tWord) {
				if v, end, acc := x.matchCue(k+1, k+1); v != nil && !acc {
					if n, ok := x.subjectAfter(end, hi); ok {
						a := &attrib{verb: v, subj: n, hasSubj: true, cs: -1, trailing: true}
						x.setCue(a, k+1, end)
						a.g0, a.g1 = k+1, n.t1
						sg.e = int(t.e)
						a.how = 'q'
						x.segAtt[i] = a
						return
					}
				}
			}
			if !nx.is(tCap) {
				continue
			}
			// "Det sier X." / narrator: "Navneforskeren mener …"
			if a, ok := x.echoAttribution(k+1, hi); ok {
				sg.e = int(t.e)
				a.how = 'e'
				x.segAtt[i] = a
				return
			}
			if !attributed && x.narratorSentence(k+1, hi) {
				sg.e = int(t.e)
				return
			}
		}
	}
}

// commalessAttribution parses an attribution whose comma is missing
// ("… å bygge på sier Øyvind Strømmen, frilansjournalist …"): a cue that
// takes a bare clause right after a lower-case word of the quotation, then
// a name, then a comma, a full stop or the paragraph end.
func (x *extractor) commalessAttribution(k, hi int) (*attrib, bool) {
	prev := x.toks[k-1]
	if !prev.is(tWord) || prev.is(tCap) || prev.q >= 0 || x.toks[k].is(tCap) {
		return nil, false
	}
	p, end, acc := x.matchCue(k, k)
	if p == nil || acc || p.flags&fBare == 0 || p.flags&fObj != 0 {
		return nil, false
	}
	n, ok := x.subjectAfter(end, hi)
	if !ok || n.kind != npName || n.t1 > hi {
		return nil, false
	}
	if n.t1 < hi && !x.isMark(n.t1, ",", ".") {
		return nil, false
	}
	a, ok := x.attributionAfterComma(k, hi)
	if !ok || a.g1 != n.t1 {
		return nil, false
	}
	return a, true
}

// looseAttribution parses ", sier kristiansanderen som …", ", heter det i
// kronikken" after a dash quotation at token k (just after the comma): a
// cue verb that needs no addressee, followed by words but by no subject
// the phrase reader knows. A lower-case noun in a definite form right
// after the cue is a description of the speaker (a role noun the language
// data does not list) and is resolved like one; with anything else the
// quotation still ends at the comma, but whose words they are stays open
// rather than falling to the previous speaker.
func (x *extractor) looseAttribution(k, hi int) (*attrib, bool) {
	if k >= hi {
		return nil, false
	}
	p, end, acc := x.matchCue(k, k)
	if p == nil || acc || p.flags&(fObj|fDoc) != 0 || end >= hi || !x.toks[end].is(tWord) {
		return nil, false
	}
	if w := x.tokLow(end); x.r.comps.has(w) || x.r.finite.has(w) || x.isPronoun(w) {
		return nil, false // ", sier at …", ", sa jeg til ham": no attribution
	}
	a := &attrib{verb: p, cs: -1, trailing: true}
	x.setCue(a, k, end)
	a.g0, a.g1 = k, end
	j := end
	if w := x.tokLow(j); !x.toks[j].is(tCap) && x.toks[j].q < 0 {
		for _, de := range x.r.defEnds {
			if len(de) >= 2 && len(w) > len(de)+3 && strings.HasSuffix(w, de) && x.isAdjectiveLike(j) {
				a.subj = np{kind: npRole, role: w[:len(w)-len(de)], t0: j, t1: j + 1, p0: j}
				a.hasSubj = true
				a.g1 = j + 1
				break
			}
		}
	}
	return a, true
}

// echoAttribution parses a sentence that attributes the quotation before
// it: "Det sier ordfører Per Hansen til avisen."
func (x *extractor) echoAttribution(k, hi int) (*attrib, bool) {
	if !x.r.echo.has(x.tokLow(k)) || k+1 >= hi {
		return nil, false
	}
	p, end, acc := x.matchCue(k+1, k)
	if p == nil || acc {
		return nil, false
	}
	n, ok := x.subjectAfter(end, hi)
	if !ok || n.kind == npFirst || p.flags&fDoc != 0 && n.kind != npDoc {
		return nil, false // ("Det viser en kommune som …" is no attribution)
	}
	a := &attrib{verb: p, subj: n, hasSubj: true, cs: -1, trailing: true}
	x.setCue(a, k+1, end)
	a.g0, a.g1 = k, n.t1
	return a, true
}

// narratorSentence reports whether the sentence at token k is the
// narrator's: a third-person subject (a name, a role noun, he/she) and a
// cue verb ("Navneforskeren mener …", "Han understreker at …").
func (x *extractor) narratorSentence(k, hi int) bool {
	// a definite role noun opening the sentence: "Fredsprisvinneren ble …"
	if w := x.tokLow(k); x.toks[k].is(tCap) {
		if base, ok := x.r.isRoleWord(w); ok && base != w && !x.r.roles.has(w) {
			return true
		}
	}
	for e := k + 1; e < hi && e <= k+5; e++ {
		p, _, acc := x.matchCue(e, k)
		if p == nil || acc {
			continue
		}
		n, ok := x.subjectBefore(e, k)
		return ok && n.p0 == k && n.kind != npFirst
	}
	return false
}

// questionAt returns the byte where the last sentence of dash quotation i
// starts when that sentence is a question and another sentence stands
// before it ("- Sør-Amerika. Hvor reiste du sist?"), else -1.
func (x *extractor) questionAt(i int) int {
	sg := x.segs[i]
	if sg.drop || x.segAtt[i] != nil {
		return -1
	}
	if last, _ := runeBefore(x.text, sg.e); last != '?' {
		return -1
	}
	k1 := x.tokAt(sg.e) - 1
	for k := k1 - 1; k > x.tokAt(sg.s); k-- {
		if x.isMark(k, ".", "!", "?", "…") && k+1 < len(x.toks) && x.toks[k+1].is(tSpace) && x.toks[k+1].is(tCap) {
			return int(x.toks[k+1].s)
		}
	}
	return -1
}

// interviewQuestions recognises a question-and-answer interview: two or
// more unattributed dash paragraphs that end with a question after the
// answer. The questions are the interviewer's and are cut off the
// answers; the answers are the interviewee's, the one person the title
// names.
func (x *extractor) interviewQuestions() {
	n := 0
	for i := range x.segs {
		if x.segs[i].dash && x.questionAt(i) >= 0 {
			n++
		}
	}
	if n < 2 {
		return
	}
	x.interview = true
	for i := range x.segs {
		if !x.segs[i].dash {
			continue
		}
		if q := x.questionAt(i); q >= 0 {
			e := q
			for e > x.segs[i].s {
				r, n := runeBefore(x.text, e)
				if !isSpaceRune(r) {
					break
				}
				e -= n
			}
			x.segs[i].e = e
		}
	}
	x.interviewee = x.titlePerson()
}

// titlePerson returns the one name of two or more capitalised words in
// the title that is not a place ("Halvdan Sivertsen vil redde …"), or "".
func (x *extractor) titlePerson() string {
	ts := x.doc.TitleSpan
	if ts.End <= ts.Start || ts.End > len(x.text) {
		return ""
	}
	toks := tokenize(nil, x.text, ts.Start, ts.End)
	found := ""
	for k := 0; k < len(toks); {
		if !toks[k].is(tWord) || !toks[k].is(tCap) || toks[k].is(tUpper) {
			k++
			continue
		}
		j := k
		for j < len(toks) && toks[j].is(tWord) && toks[j].is(tCap) && !toks[j].is(tUpper) {
			j++
		}
		a := k
		for a < j && (x.r.notNames.has(x.low[toks[a].s:toks[a].e]) || x.r.places.has(x.low[toks[a].s:toks[a].e])) {
			a++
		}
		if j-a >= 2 && j-a <= 4 {
			name := x.text[toks[a].s:toks[j-1].e]
			if found != "" && found != name {
				return "" // two people: unclear who answers
			}
			found = name
		}
		k = j
	}
	return found
}
