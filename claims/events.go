package claims

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/sources"
)

// mKind is the kind of a mention found in a sentence.
type fxMKind uint8

const (
	fxMDate    fxMKind = iota + 1 // a time expression
	fxMNum                        // a number expression
	fxMPlace                      // a place (gazetteer or "in" + a capitalised name)
	fxMActor                      // a country or organisation as an actor ("Russian", "the Kremlin")
	fxMEvent                      // an event word ("talks", "earthquake", "met")
	fxMAttr                       // an attribute word ("killed", "magnitude")
	fxMCounted                    // a counted noun ("people", "soldiers")
)

// mention is one recognised phrase of a sentence, token range [i, j).
type fxMention struct {
	kind fxMKind
	i, j int

	raw   fxRawDate // mDate
	sp    fxSpan
	ok    bool   // mDate: resolved
	tense string // mDate, mEvent: tense of its clause

	num  fxNumExpr // mNum
	used bool      // mNum: bound to an attribute word

	fxPlace  string // mPlace/mActor: canonical name, or as written for a local place
	country  string
	local    bool // not in the gazetteer
	locative bool // after "in", "at", "i", "på"
	appos    bool // a place in apposition to the one before ("Istanbul, Türkiye")
	byline   bool // inside the dateline: where and when the report was filed
	demonym  bool // mActor: a country adjective ("South African"), a modifier of a noun

	concept  string // mEvent
	unit     bool   // counted instance ("rounds")
	plural   bool
	verb     bool
	agent    bool // names who acts ("gunman"), not the event itself
	anaphor  bool
	ordinal  int  // instance marker: "third round"
	next     bool // "next round", "ny runde"
	last     bool // "last round", "siste runde"
	count    int  // "two rounds": counted here
	markS    int  // byte start of the instance words ("third", "neste")
	group    bool // several events ("four earthquakes")
	neg      bool // under a negation ("no talks")
	definite bool // a known event ("the earthquake"), not news of the day

	attr  string // mAttr
	far   bool   // may bind from far back in its clause ("the toll … rose to 81")
	bound bool   // mAttr: already carries a figure

	counted string // mCounted
	generic bool
}

// sent is one sentence: token range and its mentions.
type fxSent struct {
	idx       int // index in the article's sentences
	a, b      int
	title     bool
	allCaps   bool
	titleCase bool // most words capitalised (a headline): capitals tell no names
	unsorted  bool // mentions were appended out of token order
	dateline  int  // tokens [a, dateline) are a dateline ("TOKYO, March 23 -"); a when none
	ms        []fxMention
}

// analysis holds one article's state while its facts are built.
type fxAnalysis struct {
	fl    *fxFactLang
	g     *fxGazetteerT
	doc   Doc
	text  string
	toks  []fxTok
	sents []fxSent

	dominant map[string]string // attribute → the concept the article names most that carries it

	buf  []fxMention  // backing array of every sentence's mentions
	bufp *[]fxMention // its pool slot

	pub       sources.Date
	actorN    map[string]int // actor mentions over the article
	actorAt   map[string]int // first token of each actor
	topActors []string
	firstCtry string // the article's first country (title, dateline)
}

func fxNewAnalysis(fl *fxFactLang, doc Doc, toks []fxTok, sents []fxSent) *fxAnalysis {
	bp := fxMentionPool.Get().(*[]fxMention)
	return &fxAnalysis{bufp: bp, buf: (*bp)[:0], fl: fl, g: fxGetGazetteer(), doc: doc, text: doc.Text, toks: toks, sents: sents,
		pub: doc.Published, actorN: map[string]int{}, actorAt: map[string]int{}}
}

// scan finds the mentions of one sentence, left to right; time
// expressions and numbers take their tokens first, then places and
// actors, then event, attribute and counted words.
func (a *fxAnalysis) scan(s *fxSent) {
	fl, text, toks := a.fl, a.text, a.toks
	letters, uppers := 0, 0
	for k := s.a; k < s.b; k++ {
		if toks[k].kind == fxTWord {
			letters++
			if toks[k].upper || (toks[k].cap && utf8.RuneCountInString(toks[k].low) == 1) {
				uppers++
			}
		}
	}
	s.allCaps = letters >= 3 && uppers == letters
	caps := 0
	for k := s.a; k < s.b; k++ {
		if toks[k].kind == fxTWord && toks[k].cap {
			caps++
		}
	}
	s.titleCase = letters >= 4 && caps*10 >= letters*6
	s.dateline = a.dateline(s)
	// every sentence's mentions live in one article-wide buffer
	from := len(a.buf)
	s.ms = a.buf[from:from]
	defer func() {
		n := len(s.ms)
		if n > 0 && (from+n > cap(a.buf) || &s.ms[0] != &a.buf[:from+1][from]) {
			a.buf = append(a.buf[:from], s.ms...) // the sentence outgrew the buffer
		} else {
			a.buf = a.buf[:from+n]
		}
		s.ms = a.buf[from : from+n : from+n]
	}()
	sub := toks[:s.b] // matches never run past the sentence
	for k := s.a; k < s.b; {
		t := &toks[k]
		if t.kind == fxTPunct {
			k++
			continue
		}
		maybeDate := t.kind == fxTNum || !t.masked || t.mask&fl.dateStart != 0
		maybeNum := t.kind == fxTNum || !t.masked || t.mask&fl.numStart != 0 || len(fl.tens) > 0 && len(t.low) >= 4
		if !maybeDate && !maybeNum && t.masked && t.mask == 0 {
			k++
			continue
		}
		if !maybeDate {
		} else if r, ok := fl.dateAt(text, sub, k); ok && r.j > k {
			s.ms = append(s.ms, fxMention{kind: fxMDate, i: r.i, j: r.j, raw: r})
			k = r.j
			continue
		}
		if !maybeNum {
		} else if n, ok := fl.numberAt(text, sub, k); ok && n.j > k {
			s.ms = append(s.ms, fxMention{kind: fxMNum, i: k, j: n.j, num: n})
			k = n.j
			continue
		}
		if p, n, ok := a.g.placeAt(text, sub, k, s.allCaps); ok {
			pl := a.g.places[p]
			m := fxMention{kind: fxMPlace, i: k, j: k + n, fxPlace: pl.name, country: pl.country}
			m.locative = a.isLocative(s, k)
			// apposition: "in Istanbul, Türkiye", "in Teri Mangal in Kurram
			// Agency": the second place only contains the first
			if k-1 > s.a && len(s.ms) > 0 {
				if p := s.ms[len(s.ms)-1]; p.kind == fxMPlace && p.j == k-1 && p.locative &&
					(toks[k-1].low == "," || fl.is(fxLLocative, text, toks, k-1)) {
					m.locative, m.appos = true, true
				}
			}
			if pl.metonym || pl.kind == "org" {
				m.kind = fxMActor
				if pl.metonym {
					m.fxPlace = pl.country
				}
			}
			s.ms = append(s.ms, m)
			k += n
			continue
		}
		if p, n, ok := a.g.adjAt(text, sub, k); ok {
			pl := a.g.places[p]
			s.ms = append(s.ms, fxMention{kind: fxMActor, i: k, j: k + n, fxPlace: pl.name, country: pl.country, demonym: true})
			k += n
			continue
		}
		if e, n := fl.match(fxLEvent, text, sub, k); e != nil {
			if x := len(s.ms) - 1; x >= 0 && s.ms[x].kind == fxMEvent && s.ms[x].j == k && s.ms[x].concept == fxFlag0(e.flags) &&
				!s.ms[x].verb && !fxHasFlag(e.flags, "verb") && !s.ms[x].anaphor {
				// a compound of one concept ("bombing raids", "bomb attack")
				// is one mention, its head the last word
				p := &s.ms[x]
				p.j = k + n
				p.unit, p.plural, p.agent = fxHasFlag(e.flags, "unit"), fxHasFlag(e.flags, "plural"), fxHasFlag(e.flags, "agent")
				k += n
				continue
			}
			s.ms = append(s.ms, fxMention{kind: fxMEvent, i: k, j: k + n, concept: fxFlag0(e.flags),
				unit: fxHasFlag(e.flags, "unit"), plural: fxHasFlag(e.flags, "plural"), verb: fxHasFlag(e.flags, "verb"), agent: fxHasFlag(e.flags, "agent"),
				definite: fxHasFlag(e.flags, "def") || a.definiteBefore(s, k)})
			k += n
			continue
		}
		if e, n := fl.match(fxLAnaphor, text, sub, k); e != nil {
			s.ms = append(s.ms, fxMention{kind: fxMEvent, i: k, j: k + n, anaphor: true})
			k += n
			continue
		}
		if e, n := fl.match(fxLAttribute, text, sub, k); e != nil {
			s.ms = append(s.ms, fxMention{kind: fxMAttr, i: k, j: k + n, attr: fxFlag0(e.flags), far: fxHasFlag(e.flags, "far")})
			k += n
			continue
		}
		if e, n := fl.match(fxLCounted, text, sub, k); e != nil {
			s.ms = append(s.ms, fxMention{kind: fxMCounted, i: k, j: k + n, counted: fxCountedName(strings.Join(e.toks, " "), e.flags), generic: fxHasFlag(e.flags, "generic")})
			k += n
			continue
		}
		if !s.allCaps && !s.titleCase && fl.is(fxLLocative, text, sub, k) {
			if m, ok := a.localPlace(s, k); ok {
				if len(s.ms) > 0 {
					if p := s.ms[len(s.ms)-1]; p.kind == fxMPlace && p.j == k && p.locative {
						m.appos = true
					}
				}
				s.ms = append(s.ms, m)
				k = m.j
				continue
			}
		}
		k++
	}
	for x := range s.ms {
		if s.ms[x].j <= s.dateline {
			s.ms[x].byline = true
		}
	}
}

// dateline finds a wire dateline at the start of a paragraph: capitalised
// place words, maybe a date and an outlet in parentheses, then a dash
// ("TOKYO, March 23 -", "MOSCOW (Sputnik) -", "GRANGEMOUTH, Scotland,
// March 22 -"). Its place and date tell where and when the report was
// filed, not where or when the event was. It returns the token after the
// dash, or s.a when there is no dateline.
func (a *fxAnalysis) dateline(s *fxSent) int {
	toks := a.toks
	if s.b-s.a < 3 || !toks[s.a].nl || !toks[s.a].cap {
		return s.a
	}
	if !toks[s.a].upper {
		// "Quito, march 9 -": a capitalised place the gazetteer knows
		if _, _, ok := a.g.placeAt(a.text, toks[:s.b], s.a, false); !ok {
			return s.a
		}
	}
	comma := false
	for k := s.a + 1; k < s.b && k < s.a+12; k++ {
		switch t := toks[k]; {
		case t.low == "-" || t.low == "–" || t.low == "—":
			// "April 2 -", and "April 2- Seventeen" with the dash glued on
			spaced := t.sp || k+1 < s.b && toks[k+1].sp
			if spaced && (comma || toks[s.a].upper) {
				return k + 1
			}
			return s.a
		case t.low == ",":
			comma = true
		case t.kind == fxTWord && (t.cap || t.upper || a.fl.lex[fxLMonth].first[t.low] != nil), t.kind == fxTNum, t.low == "(", t.low == ")", t.low == ".":
		default:
			return s.a
		}
	}
	return s.a
}

// isLocative reports whether the place at toks[k] follows a locative
// preposition ("in Istanbul", "in the Philippines", "i Moskva").
func (a *fxAnalysis) isLocative(s *fxSent, k int) bool {
	for b := 1; b <= 2 && k-b >= s.a; b++ {
		if a.fl.is(fxLLocative, a.text, a.toks, k-b) {
			return true
		}
		if a.toks[k-b].low != "the" && a.toks[k-b].low != "northern" && a.toks[k-b].low != "southern" &&
			a.toks[k-b].low != "eastern" && a.toks[k-b].low != "western" && a.toks[k-b].low != "central" {
			return false
		}
	}
	return false
}

// localPlace reads "in" + one to three capitalised words that the
// gazetteer does not know ("in Teri Mangal"), kept as written: a place for
// telling events apart, not for crossing languages.
func (a *fxAnalysis) localPlace(s *fxSent, k int) (fxMention, bool) {
	toks := a.toks
	j := k + 1
	if j < s.b && a.fl.is(fxLNotPlace, a.text, toks, j) {
		return fxMention{}, false
	}
	e := j
	for e < s.b && e-j < 3 && toks[e].kind == fxTWord && toks[e].cap && !toks[e].nl {
		if a.fl.is(fxLNotPlace, a.text, toks, e) || a.fl.is(fxLMonth, a.text, toks, e) || a.fl.is(fxLWeekday, a.text, toks, e) {
			break
		}
		if _, _, ok := a.g.placeAt(a.text, toks[:s.b], e, false); ok {
			break
		}
		e++
	}
	if e == j {
		return fxMention{}, false
	}
	name := a.text[toks[j].s:toks[e-1].e]
	return fxMention{kind: fxMPlace, i: j, j: e, fxPlace: name, local: true, locative: true}, true
}

// run builds the article's facts.
func (a *fxAnalysis) run() []Fact {
	for i := range a.sents {
		a.scan(&a.sents[i])
	}
	a.countActors()
	defer a.release()
	var facts []Fact
	ctx := &fxFlow{when: map[string]fxWhenAt{}, where: map[string]fxWhereAt{}}
	for si := range a.sents {
		facts = append(facts, a.sentenceFacts(si, ctx)...)
	}
	facts = a.linkInstances(facts)
	a.datesFromNext(facts)
	for i := range facts {
		a.finish(&facts[i])
	}
	return facts
}

// sentenceAt returns the index of the sentence holding byte b, or -1.
func (a *fxAnalysis) sentenceAt(b int) int {
	x := sort.Search(len(a.sents), func(i int) bool {
		s := &a.sents[i]
		return s.b > s.a && a.toks[s.b-1].e > b
	})
	if x < len(a.sents) && a.toks[a.sents[x].a].s <= b {
		return x
	}
	return -1
}

// datesFromNext dates a figure whose sentence names no time by the event
// the next sentence dates: "a man who killed 26 people in a Texas church
// … Sessions said the Nov. 5 shooting in Sutherland Springs, Texas, …".
// The dated mention must be of the same concept, a single day (for a
// known event, also a month or year up to two sentences on), the only
// one, at a place that fits the figure's, and the figure's place must be
// finer than a country or the same (two events of one country are told
// apart by more than the country).
func (a *fxAnalysis) datesFromNext(facts []Fact) {
	for i := range facts {
		f := &facts[i]
		c := a.fl.fxConcepts[f.Event]
		if !f.WhenImplied || f.Group || f.Attribute == "date" || c == nil || !c.byPlace || f.Place == "" {
			continue
		}
		si := a.sentenceAt(f.Start)
		if si < 0 {
			continue
		}
		// a known event ("the crash … in which 520 died") may be dated
		// two sentences on and by its month or year ("the 1985 crash")
		reach, anyPrecision := 1, f.WhenLoose
		if f.WhenLoose {
			reach = 2
		}
		var g *Fact
		n := 0
		for k := range facts {
			d := &facts[k]
			if d.Attribute != "date" || d.Event != f.Event || d.WhenImplied || d.Group || d.Vague || d.YearGuessed ||
				(d.Precision != "day" && !(anyPrecision && (d.Precision == "month" || d.Precision == "year"))) ||
				d.Tense == fxTenseFuture {
				continue
			}
			if ds := a.sentenceAt(d.Start); ds <= si || ds > si+reach {
				continue
			}
			n++
			g = d
		}
		if n != 1 {
			continue
		}
		if ok, _ := fxPlacesCompatible(f.Place, f.Country, g.Place, g.Country); !ok {
			continue
		}
		if f.Place != g.Place && a.g.kindOf(f.Place) == "country" {
			continue
		}
		f.When, f.WhenImplied, f.WhenLoose = g.When, false, false
	}
}

// fxMentionPool keeps the mention buffers of articles.
var fxMentionPool = sync.Pool{New: func() any { b := make([]fxMention, 0, 256); return &b }}

// release gives the mention buffer back to the pool.
func (a *fxAnalysis) release() {
	if a.bufp != nil && cap(a.buf) <= 1<<14 {
		*a.bufp = a.buf[:0]
		fxMentionPool.Put(a.bufp)
	}
	a.bufp, a.buf = nil, nil
	for i := range a.sents {
		a.sents[i].ms = nil
	}
}

// countActors counts countries and organisations named as actors (not as
// places) over the article; the two most named are the participants of
// events whose sentence names fewer than two.
func (a *fxAnalysis) countActors() {
	for si := range a.sents {
		s := &a.sents[si]
		for _, m := range s.ms {
			switch {
			case m.kind == fxMActor, m.kind == fxMPlace && !m.locative && !m.local && a.isActorPlace(m):
				n := m.fxPlace
				if m.kind == fxMPlace {
					n = m.country
				}
				if _, seen := a.actorAt[n]; !seen {
					a.actorAt[n] = m.i
				}
				a.actorN[n]++
			}
			if a.firstCtry == "" && m.kind == fxMPlace && !m.local {
				a.firstCtry = m.country
			}
		}
	}
	if a.firstCtry == "" {
		// no place named: the country its adjectives name most ("off the
		// Belgian coast", "a Belgian official")
		adj := map[string]int{}
		best := ""
		for si := range a.sents {
			for _, m := range a.sents[si].ms {
				if m.kind == fxMActor && a.g.kindOf(m.fxPlace) == "country" {
					adj[m.fxPlace]++
					if best == "" || adj[m.fxPlace] > adj[best] {
						best = m.fxPlace
					}
				}
			}
		}
		a.firstCtry = best
	}
	names := make([]string, 0, len(a.actorN))
	for n := range a.actorN {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if a.actorN[names[i]] != a.actorN[names[j]] {
			return a.actorN[names[i]] > a.actorN[names[j]]
		}
		return a.actorAt[names[i]] < a.actorAt[names[j]]
	})
	for _, n := range names {
		if len(a.topActors) == 2 {
			break
		}
		if a.actorN[n] >= 2 {
			a.topActors = append(a.topActors, n)
		}
	}
}

// isActorPlace reports whether a place named outside a locative phrase may
// act: a country, or a capital standing for its country ("Moscow and
// Washington agreed").
func (a *fxAnalysis) isActorPlace(m fxMention) bool {
	i, ok := a.g.byName[m.fxPlace]
	if !ok {
		return false
	}
	p := a.g.places[i]
	return p.kind == "country" || p.capital
}

// flow carries what earlier sentences said about each concept: the time
// and place last stated, and the concept last named.
type fxFlow struct {
	lastConcept string
	when        map[string]fxWhenAt
	where       map[string]fxWhereAt
}

type fxWhenAt struct {
	sp     fxSpan
	fxSent int
}

type fxWhereAt struct {
	fxPlace, country string
	when             fxSpan
	fxSent           int
}

// sentenceFacts builds the facts of one sentence.
func (a *fxAnalysis) sentenceFacts(si int, ctx *fxFlow) []Fact {
	s := &a.sents[si]
	fl, text, toks := a.fl, a.text, a.toks
	var out []Fact
	// resolve anaphors and the tense of events
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind == fxMEvent && m.anaphor {
			m.concept = ctx.lastConcept
		}
		if m.kind == fxMEvent {
			m.neg = a.negated(s, m.i) // "no talks were held": everything told of them is denied
			m.tense = fl.tenseAt(text, toks, s.a, s.b, m.i)
			if m.i > s.a && fl.is(fxLNext, text, toks, m.i-1) || m.i-1 > s.a && fl.is(fxLNext, text, toks, m.i-2) && toks[m.i-1].kind == fxTWord {
				m.next = true
			}
			if m.i > s.a && fl.is(fxLLast, text, toks, m.i-1) || m.i-1 > s.a && fl.is(fxLLast, text, toks, m.i-2) && toks[m.i-1].kind == fxTWord {
				m.last = true
			}
		}
	}
	// resolve dates
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind != fxMDate {
			continue
		}
		m.tense = fl.tenseAt(text, toks, s.a, s.b, m.i)
		if m.raw.form == fxFWeekday && m.raw.deixis == "" {
			// a bare weekday: the tense of the clause decides
		}
		m.sp, m.ok = fxResolve(m.raw, a.pub, m.tense, fl.code)
	}
	// numbers: ordinals, counts of instances, attribute figures
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind != fxMNum {
			continue
		}
		n := m.num
		if n.ordinal {
			var ev *fxMention
			if e := a.eventAfter(s, m.j, 3, true); e != nil && e.ordinal == 0 {
				e.ordinal, e.markS = int(n.val), toks[m.i].s
				ev = e
			} else if e := a.nearestEvent(s, m.i, func(e *fxMention) bool { return e.unit }); e != nil && a.elliptic(s, m.j) {
				// elliptic ordinal: "agreed to hold a third this fall"
				s.unsorted = true
				s.ms = append(s.ms, fxMention{kind: fxMEvent, i: m.i, j: m.j, concept: e.concept, unit: true,
					ordinal: int(n.val), markS: toks[m.i].s, tense: fl.tenseAt(text, toks, s.a, s.b, m.i)})
				ev = &s.ms[len(s.ms)-1]
			}
			if ev != nil {
				if f, ok := a.impliedCount(s, ev); ok {
					out = append(out, f)
				}
			}
			continue
		}
		if n.year {
			continue
		}
		if ev := a.eventAfter(s, m.j, 2, false); ev != nil && (ev.unit || ev.plural) && n.val >= 1 && n.val == float64(int(n.val)) {
			c := a.fl.fxConcepts[ev.concept]
			if c != nil && c.unit != "" && c.attrs["count"] {
				ev.count = int(n.val)
				f := Fact{Attribute: "count", Event: ev.concept, Value: n.Value(), Start: toks[m.i].s, End: toks[ev.j-1].e,
					Tense: ev.tense}
				f.Negated = a.negated(s, m.i)
				a.setInstance(&f, ev)
				f.Participants, f.ParticipantsInferred = a.participantsOf(s, ev)
				out = append(out, f)
				continue
			}
			if ev.plural {
				ev.group = true
			}
		}
		if f, ok := a.attrFact(s, k, ctx); ok {
			out = append(out, f)
		}
	}
	// "no deaths": an attribute word after a "none" word states zero
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind != fxMAttr || m.i == s.a || !fl.is(fxLNone, text, toks, m.i-1) {
			continue
		}
		if a.attrBound(s, k) {
			continue
		}
		ev := a.eventFor(s, m.i, m.attr, ctx)
		f := Fact{Attribute: m.attr, Value: "0", Start: toks[m.i-1].s, End: toks[m.j-1].e}
		a.placeEvent(&f, s, si, ev, m.i, m.j, ctx)
		out = append(out, f)
	}
	// figures give their event to a time beside them ("drove a truck … on
	// Tuesday, killing eight people")
	var figures []fxFigure
	for _, f := range out {
		if f.Event != "" && f.Attribute != "count" {
			figures = append(figures, fxFigure{f.Event, f.Start, f.End})
		}
	}
	// dates of events
	var dated []int
	var prevDate *fxMention
	var prevEv *fxMention
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind != fxMDate || !m.ok || m.byline {
			continue
		}
		if fl.is(fxLBound, text, toks, m.i) {
			// "since Sept. 11, 2001": a bound, not the time of an event
			out = append(out, Fact{Attribute: "date", Value: m.sp.Value(), Vague: m.sp.vague, Precision: m.sp.precision,
				Start: toks[m.i].s, End: toks[m.j-1].e, Tense: m.tense})
			continue
		}
		ev := a.attachEvent(s, m.i, m.j, false)
		if ev == nil {
			ev = a.figureEvent(figures, m.i, m.j)
		}
		if prevDate != nil && a.coordinated(prevDate.j, m.i) {
			ev = prevEv // "27. februar og 10. april": one list, one event
			if prevDate.sp.precision == "day" && m.sp.precision == "day" && m.sp.lo.Sub(prevDate.sp.hi) == 24*time.Hour &&
				len(dated) > 0 && dated[len(dated)-1] == len(out)-1 {
				// "on Friday and Saturday": one event over two days, not two
				last := &out[len(out)-1]
				last.End, last.Precision = toks[m.j-1].e, "interval"
				last.Value = fxSpan{lo: prevDate.sp.lo, hi: m.sp.hi}.Value()
				if last.When != "" {
					last.When = last.Value
				}
				prevDate = m
				continue
			}
		}
		prevDate, prevEv = m, ev
		if ev != nil && ev.next && m.tense != fxTenseFuture && m.raw.year == 0 {
			// "the next round … in May": what is next lies ahead
			m.tense = fxTenseFuture
			if sp, ok := fxResolve(m.raw, a.pub, m.tense, fl.code); ok {
				m.sp = sp
			}
		}
		f := Fact{Attribute: "date", Value: m.sp.Value(), Vague: m.sp.vague, Precision: m.sp.precision,
			Start: toks[m.i].s, End: toks[m.j-1].e, Tense: m.tense, YearGuessed: a.yearGuessed(m)}
		f.Negated = a.negated(s, m.i)
		if ev != nil && ev.concept != "" {
			c := a.fl.fxConcepts[ev.concept]
			f.Event = ev.concept
			f.Negated = f.Negated || ev.neg
			if ev.tense != "" {
				f.Tense = ev.tense
			}
			if m.tense != "" {
				f.Tense = m.tense
			}
			if c != nil && !c.byPlace {
				a.setInstance(&f, ev)
				if ev.count > 0 && f.Tense != fxTenseFuture {
					f.Ordinal, f.OrdinalTo = 1, ev.count // "two rounds … in the spring": rounds 1–2
				}
				f.Participants, f.ParticipantsInferred = a.participantsOf(s, ev)
				a.placeOf(&f, s, ev)
			} else {
				a.placeEvent(&f, s, si, ev, m.i, m.j, ctx)
				f.When = f.Value
				f.WhenImplied = false
			}
			if !ev.plural && m.sp.hi.Sub(m.sp.lo) <= 31*24*time.Hour {
				ctx.when[ev.concept] = fxWhenAt{sp: m.sp, fxSent: si}
			}
			dated = append(dated, len(out))
		}
		out = append(out, f)
	}
	// a list of dates for one event word ("27. februar og 10. april") tells
	// instances apart: remember the list for instance linking
	if len(dated) >= 2 {
		for _, fi := range dated {
			out[fi].groupList = len(dated)
		}
	}
	// places of events told by participants: "talks in Istanbul"
	for k := range s.ms {
		m := &s.ms[k]
		if m.kind != fxMPlace || !m.locative || m.appos || m.byline || m.local {
			continue // a name the gazetteer lacks tells events apart, it is no place to report
		}
		ev := a.attachEvent(s, m.i, m.j, true)
		if ev == nil || ev.concept == "" {
			continue
		}
		c := a.fl.fxConcepts[ev.concept]
		if c == nil || c.byPlace || !c.attrs["place"] {
			continue
		}
		f := Fact{Attribute: "place", Event: ev.concept, Value: m.fxPlace, Start: toks[m.i].s, End: toks[m.j-1].e,
			Tense: ev.tense, Place: m.fxPlace, Country: m.country}
		f.Negated = a.negated(s, m.i) || ev.neg
		a.setInstance(&f, ev)
		f.Participants, f.ParticipantsInferred = a.participantsOf(s, ev)
		if d := a.nearestDate(s, m.i); d != nil {
			f.When = d.sp.Value()
		}
		out = append(out, f)
	}
	// the concept this sentence leaves for the next one
	for k := range s.ms {
		if m := s.ms[k]; m.kind == fxMEvent && m.concept != "" {
			ctx.lastConcept = m.concept
		}
	}
	return out
}

// coordinated reports whether only list words ("and", "og", ",") stand
// between tokens j and i.
func (a *fxAnalysis) coordinated(j, i int) bool {
	if i <= j || i-j > 2 {
		return false
	}
	for k := j; k < i; k++ {
		if !a.fl.is(fxLCoordinator, a.text, a.toks, k) {
			return false
		}
	}
	return true
}

// elliptic reports whether an ordinal ending before token j stands alone
// ("agreed to hold a third this fall"): nothing, a punctuation mark or a
// time expression follows it, not a noun of its own ("the 80th session").
func (a *fxAnalysis) elliptic(s *fxSent, j int) bool {
	if j >= s.b || a.toks[j].kind == fxTPunct {
		return true
	}
	for _, m := range s.ms {
		if m.kind == fxMDate && m.i == j {
			return true
		}
	}
	return false
}

// impliedCount turns an ordinal into the count it implies: a third round
// to come means at least two held; a third round held, at least three.
func (a *fxAnalysis) impliedCount(s *fxSent, ev *fxMention) (Fact, bool) {
	c := a.fl.fxConcepts[ev.concept]
	if c == nil || c.byPlace || c.unit == "" || ev.ordinal < 1 {
		return Fact{}, false
	}
	min := ev.ordinal
	if ev.tense != fxTensePast {
		min--
	}
	if min < 2 || a.negated(s, ev.i) {
		return Fact{}, false // "the first round" says no more than that one was held
	}
	return Fact{Attribute: "count", Event: ev.concept, Value: ">=" + strconv.Itoa(min),
		Start: ev.markS, End: a.toks[ev.j-1].e, Tense: fxTensePast, Derived: true,
		Participants: a.participants(s, ev)}, true
}

// attachEvent finds the event a time or place at tokens [i, j) belongs
// to: an event word close by (a place stands after its event, or at most
// three tokens before it: "talks in Istanbul", not "the ambassador in
// Washington announced talks"), or a venue verb near it ("took place",
// "fant sted") that stands for the event named before it in the sentence.
func (a *fxAnalysis) attachEvent(s *fxSent, i, j int, isPlace bool) *fxMention {
	near := 8
	if isPlace {
		near = 4
	} else if a.speechDate(s, i, j) {
		return nil
	}
	var best *fxMention
	bd := 1 << 30
	for x := range s.ms {
		m := &s.ms[x]
		if m.kind != fxMEvent || m.concept == "" {
			continue
		}
		var d int
		if m.j <= i { // event before
			d = i - m.j
		} else { // event after
			d = m.i - j + 1
			if isPlace && d > 3 {
				continue
			}
		}
		if d <= near && d < bd {
			best, bd = m, d
		}
	}
	if best != nil && bd <= 4 {
		return best
	}
	// a venue verb within ten tokens before (or three after) the phrase
	for k := i - 1; k >= s.a && k >= i-10; k-- {
		if a.fl.is(fxLVenue, a.text, a.toks, k) {
			if ev := a.eventBefore(s, k); ev != nil {
				return ev
			}
		}
	}
	for k := j; k < s.b && k < j+3; k++ {
		if a.fl.is(fxLVenue, a.text, a.toks, k) {
			if ev := a.eventBefore(s, k); ev != nil {
				return ev
			}
		}
	}
	return best
}

// speechDate reports whether the time at tokens [i, j) dates a speech act
// rather than an event: right after a reporting verb ("said on Wednesday",
// "told reporters on Thursday") or right before one ("on Tuesday said").
func (a *fxAnalysis) speechDate(s *fxSent, i, j int) bool {
	fl, text, toks := a.fl, a.text, a.toks
	if m := a.mentionAt(s, j); m != nil && m.kind == fxMEvent && m.concept != "" {
		return false // "said the Nov. 5 shooting": the date names the event
	}
	for k := i - 1; k >= s.a && k >= i-3; k-- {
		if fl.is(fxLReporting, text, toks, k) {
			return true
		}
		if toks[k].kind != fxTWord || toks[k].cap {
			break // only "told reporters", "said" and the like in between
		}
	}
	return j < s.b && fl.is(fxLReporting, text, toks, j)
}

// eventBefore returns the last event mention that ends before token k.
func (a *fxAnalysis) eventBefore(s *fxSent, k int) *fxMention {
	var best *fxMention
	for x := range s.ms {
		m := &s.ms[x]
		if m.kind == fxMEvent && m.concept != "" && m.j <= k && (best == nil || m.j > best.j) {
			best = m
		}
	}
	return best
}

// setInstance copies an event mention's instance marker onto a fact.
func (a *fxAnalysis) setInstance(f *Fact, ev *fxMention) {
	if ev.ordinal > 0 {
		f.Ordinal = ev.ordinal
	}
	f.Next = ev.next
	f.last = ev.last
}

// eventAfter finds an event mention starting within max word tokens after
// token j (adjectives may stand between: "third diplomatic talks"); with
// unitOnly only counted instances (rounds, talks) qualify.
func (a *fxAnalysis) eventAfter(s *fxSent, j, max int, unitOnly bool) *fxMention {
	words := 0
	for k := j; k < s.b && words <= max; k++ {
		if m := a.mentionAt(s, k); m != nil {
			if m.kind == fxMEvent && !m.anaphor {
				c := a.fl.fxConcepts[m.concept]
				if !unitOnly || (c != nil && c.unit != "") {
					return m
				}
				return nil
			}
			if m.kind != fxMEvent && m.kind != fxMActor {
				return nil
			}
		}
		if a.fl.is(fxLClauseBreak, a.text, a.toks, k) {
			return nil
		}
		if a.toks[k].kind == fxTWord {
			words++
		}
	}
	return nil
}

// mentionAt returns the mention that starts at token k of sentence s (the
// first one scanned), or nil; mentions are in token order, so a binary
// search finds it.
func (a *fxAnalysis) mentionAt(s *fxSent, k int) *fxMention {
	ms := s.ms
	lo := sort.Search(len(ms), func(x int) bool { return ms[x].i >= k })
	if lo < len(ms) && ms[lo].i == k {
		return &ms[lo]
	}
	if s.unsorted {
		// mentions added after the scan (elliptic ordinals) are out of order
		for x := range ms {
			if ms[x].i == k {
				return &ms[x]
			}
		}
	}
	return nil
}

// nearestEvent finds the event mention nearest token i in the sentence
// (an earlier one wins a tie), optionally filtered.
func (a *fxAnalysis) nearestEvent(s *fxSent, i int, keep func(*fxMention) bool) *fxMention {
	var best *fxMention
	bd := 1 << 30
	for x := range s.ms {
		m := &s.ms[x]
		if m.kind != fxMEvent || m.concept == "" || (keep != nil && !keep(m)) {
			continue
		}
		d := m.i - i
		if d < 0 {
			d = i - m.j + 1
			if d < 0 {
				d = 0
			}
		} else {
			d++ // after: a tie goes to the one before
		}
		if d < bd {
			best, bd = m, d
		}
	}
	return best
}

// hedged reports a hedge word ("feared", "estimated", "presumed") among
// the tokens [from, to) of a figure or right before them.
func (a *fxAnalysis) hedged(s *fxSent, from, to int) bool {
	if from > s.a {
		from--
	}
	for k := from; k < to; k++ {
		if a.fl.is(fxLHedge, a.text, a.toks, k) {
			return true
		}
	}
	return false
}

// partitive reads "of [the] N" after a number ("32 of the 543
// passengers"): it returns the token after N.
func (a *fxAnalysis) partitive(s *fxSent, j int) (int, bool) {
	toks := a.toks
	if j >= s.b || toks[j].low != "of" {
		return 0, false
	}
	k := j + 1
	if k < s.b && toks[k].low == "the" {
		k++
	}
	for _, m := range s.ms {
		if m.kind == fxMNum && m.i == k {
			return m.j, true
		}
	}
	return 0, false
}

// relativeAfter reports a relative pronoun within three tokens after
// token j ("… the four American soldiers who were killed").
func (a *fxAnalysis) relativeAfter(s *fxSent, j int) bool {
	for k := j; k < s.b && k < j+4; k++ {
		if a.fl.is(fxLRelativePronoun, a.text, a.toks, k) {
			return true
		}
	}
	return false
}

// isPartitiveTotal reports whether the number at token i is the total of
// a partitive ("of the 543" after "32").
func (a *fxAnalysis) isPartitiveTotal(s *fxSent, i int) bool {
	toks := a.toks
	k := i - 1
	if k > s.a && toks[k].low == "the" {
		k--
	}
	if k <= s.a || toks[k].low != "of" {
		return false
	}
	for _, m := range s.ms {
		if m.kind == fxMNum && m.j == k {
			return true
		}
	}
	return false
}

// definiteBefore reports whether a definite determiner stands within
// three words before token k with no indefinite one nearer ("the strong
// earthquake", not "a strong earthquake").
func (a *fxAnalysis) definiteBefore(s *fxSent, k int) bool {
	for j := k - 1; j >= s.a && j >= k-3; j-- {
		if a.toks[j].kind != fxTWord {
			return false
		}
		if a.fl.is(fxLIndefinite, a.text, a.toks, j) {
			return false
		}
		if a.fl.is(fxLDefinite, a.text, a.toks, j) {
			return true
		}
	}
	return false
}

// pluralNoun reports whether toks[k] reads as a plural noun: lower-case,
// ending in a plural ending of the language, and no word of the lexicons
// ("were", "are" have no such ending; "people" is [counted]).
func (a *fxAnalysis) pluralNoun(s *fxSent, k int) bool {
	t := a.toks[k]
	if t.kind != fxTWord || t.cap || len(t.low) < 4 || (t.masked && t.mask != 0) {
		return false
	}
	for _, e := range a.fl.lex[fxLPluralSuffix].entries {
		if sfx := e.toks[0]; strings.HasSuffix(t.low, sfx) && !strings.HasSuffix(t.low, "ss") {
			return true
		}
	}
	return false
}

// yearGuessed reports whether a date's year was not written and both the
// occurrence before and the one after the publication are within eight
// months of it ("in April" in a November article): the year is a guess.
func (a *fxAnalysis) yearGuessed(m *fxMention) bool {
	r := m.raw
	if r.year != 0 || (r.form != fxFDay && r.form != fxFMonth) {
		return false
	}
	p0, p1, ok := a.pub.Interval()
	if !ok {
		return false
	}
	near := 0
	for y := p0.Year() - 1; y <= p1.Year()+1; y++ {
		lo, hi := fxMonthSpan(y, r.month)
		if r.form == fxFDay {
			lo = fxDayOf(y, r.month, r.day)
			hi = lo
		}
		if fxDistance(lo, hi, p0, p1) <= 240*24*time.Hour && !(!lo.After(p1) && !hi.Before(p0)) {
			near++
		}
	}
	return near >= 2
}

// wordsBetween counts the word tokens in [from, to).
func (a *fxAnalysis) wordsBetween(from, to int) int {
	n := 0
	for k := from; k < to && k < len(a.toks); k++ {
		if a.toks[k].kind == fxTWord {
			n++
		}
	}
	return n
}

// fxFigure is a figure's event and byte span within a sentence.
type fxFigure struct {
	concept    string
	start, end int
}

// figureEvent gives a time with no event word of its own the event of a
// figure within eight tokens of it.
func (a *fxAnalysis) figureEvent(figs []fxFigure, i, j int) *fxMention {
	best, bd := -1, 1<<30
	for x, f := range figs {
		// distance in tokens between the figure's span and [i, j)
		fi, fj := a.tokAt(f.start), a.tokAt(f.end-1)+1
		d := 0
		switch {
		case fj <= i:
			d = i - fj
		case fi >= j:
			d = fi - j
		}
		if d <= 8 && d < bd {
			best, bd = x, d
		}
	}
	if best < 0 {
		return nil
	}
	fi := a.tokAt(figs[best].start)
	return &fxMention{kind: fxMEvent, i: fi, j: fi, concept: figs[best].concept}
}

// tokAt returns the index of the token that holds byte offset b.
func (a *fxAnalysis) tokAt(b int) int {
	return sort.Search(len(a.toks), func(k int) bool { return a.toks[k].e > b })
}

// separated reports whether a clause break or another figure stands
// between tokens from and to.
func (a *fxAnalysis) separated(s *fxSent, from, to int) bool {
	for k := from; k < to; k++ {
		if a.toks[k].low == ";" || a.toks[k].low == ":" {
			return true
		}
	}
	for _, m := range s.ms {
		if m.kind == fxMNum && m.used && m.i >= from && m.j <= to {
			return true
		}
	}
	return false
}

// dateOfEvent finds the resolved date that belongs to event mention ev
// (by the attachment rules of attachEvent); a concept carried over from an
// earlier sentence takes the sentence's date when nothing else claims it.
func (a *fxAnalysis) dateOfEvent(s *fxSent, ev *fxMention) *fxMention {
	var any *fxMention
	for x := range s.ms {
		m := &s.ms[x]
		if m.kind != fxMDate || !m.ok || m.byline {
			continue
		}
		at := a.attachEvent(s, m.i, m.j, false)
		if at == ev || (at != nil && at.i == ev.i && at.j == ev.j) {
			return m
		}
		if at == nil && (any == nil || fxAbsInt(m.i-ev.i) < fxAbsInt(any.i-ev.i)) {
			any = m
		}
	}
	if any != nil && (ev.anaphor || (ev.j == ev.i && fxAbsInt(any.i-ev.i) <= 8)) {
		return any
	}
	return nil
}

func fxAbsInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// nearestDate finds the resolved date mention nearest token i.
func (a *fxAnalysis) nearestDate(s *fxSent, i int) *fxMention {
	var best *fxMention
	bd := 1 << 30
	for x := range s.ms {
		m := &s.ms[x]
		if m.kind != fxMDate || !m.ok || m.byline {
			continue
		}
		d := m.i - i
		if d < 0 {
			d = -d
		}
		if d < bd {
			best, bd = m, d
		}
	}
	return best
}

// negated reports a negation shortly before token i in its clause ("no
// talks were held", "ikke") or a denial verb earlier in the sentence
// ("denied that").
func (a *fxAnalysis) negated(s *fxSent, i int) bool {
	fl, text, toks := a.fl, a.text, a.toks
	for k := i - 1; k >= s.a && k >= i-5; k-- {
		if fl.is(fxLClauseBreak, text, toks, k) {
			break
		}
		if fl.is(fxLNegation, text, toks, k) {
			return true
		}
	}
	for k := s.a; k < i; k++ {
		if fl.is(fxLDenial, text, toks, k) {
			return true
		}
	}
	return false
}

// participants are the actors named within eight tokens of the event
// word; when fewer than two, the article's two most named actors (see
// inferred).
func (a *fxAnalysis) participants(s *fxSent, ev *fxMention) []string {
	p, _ := a.participantsOf(s, ev)
	return p
}

// participantsOf is participants and whether they were taken from the
// article rather than the sentence.
func (a *fxAnalysis) participantsOf(s *fxSent, ev *fxMention) ([]string, bool) {
	set := map[string]bool{}
	for _, m := range s.ms {
		if m.i > ev.j+8 || m.j < ev.i-8 || m.byline {
			continue
		}
		switch {
		case m.kind == fxMActor:
			set[m.fxPlace] = true
		case m.kind == fxMPlace && !m.locative && !m.local && a.isActorPlace(m):
			set[m.country] = true
		}
	}
	inferred := false
	if len(set) < 2 {
		inferred = true
		for _, n := range a.topActors {
			set[n] = true
		}
		if len(set) > 2 && len(a.topActors) == 2 {
			set = map[string]bool{a.topActors[0]: true, a.topActors[1]: true}
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, inferred
}

// placeOf sets the place of an event told by participants: the locative
// place nearest after the event word, or one at most three tokens before
// it (an apposition, "Istanbul, Türkiye", adds nothing).
func (a *fxAnalysis) placeOf(f *Fact, s *fxSent, ev *fxMention) {
	bd := 1 << 30
	for _, m := range s.ms {
		if m.kind != fxMPlace || !m.locative || m.appos || m.byline {
			continue
		}
		d := m.i - ev.j
		if m.j <= ev.i {
			d = ev.i - m.j
			if d > 3 {
				continue
			}
		}
		if d < bd {
			bd, f.Place, f.Country = d, m.fxPlace, m.country
		}
	}
}

// eventFor picks the event a figure belongs to: the nearest event word in
// the sentence whose concept carries the attribute, else the concept the
// previous sentences were about, if it carries it.
func (a *fxAnalysis) eventFor(s *fxSent, i int, attr string, ctx *fxFlow) *fxMention {
	ev := a.nearestEvent(s, i, func(m *fxMention) bool {
		c := a.fl.fxConcepts[m.concept]
		return c != nil && c.attrs[attr]
	})
	if ev != nil && ev.agent {
		// who acted inside an event named before ("the recent Texas
		// massacre in which a gunman shot 26 people"): the event's word
		if e := a.nearestEvent(s, i, func(m *fxMention) bool {
			c := a.fl.fxConcepts[m.concept]
			return c != nil && c.attrs[attr] && !m.agent && m.j <= ev.i && m.concept == ev.concept
		}); e != nil && a.wordsBetween(e.j, ev.i) <= 4 {
			ev = e
		}
	}
	if ev != nil && a.wordsBetween(min(ev.j, i), max(ev.i, i)) <= 12 {
		return ev
	}
	if ev != nil {
		// named too far away to be sure it is the same event: the concept
		// stands, the time and place are the figure's own
		return &fxMention{kind: fxMEvent, i: i, j: i, concept: ev.concept}
	}
	if c := a.fl.fxConcepts[ctx.lastConcept]; c != nil && c.attrs[attr] {
		return &fxMention{kind: fxMEvent, i: i, j: i, concept: ctx.lastConcept}
	}
	// the concept the article names most (title included) that carries it
	best, known := a.dominant[attr]
	if !known {
		count := map[string]int{}
		bestN := 0
		for si := range a.sents {
			for _, m := range a.sents[si].ms {
				if m.kind == fxMEvent && m.concept != "" && !m.plural {
					if c := a.fl.fxConcepts[m.concept]; c != nil && c.attrs[attr] {
						count[m.concept]++
						if n := count[m.concept]; n > bestN {
							best, bestN = m.concept, n
						}
					}
				}
			}
		}
		if a.dominant == nil {
			a.dominant = map[string]string{}
		}
		a.dominant[attr] = best
	}
	if best != "" {
		return &fxMention{kind: fxMEvent, i: i, j: i, concept: best}
	}
	return nil
}

// placeEvent fills the identity of an event told by place and time: its
// concept, place (in the sentence; else from an earlier sentence about the
// same concept at a compatible time; else the article's first country)
// and time (a date in the sentence; else the last one stated for the
// concept; else the publication date, marked implied).
func (a *fxAnalysis) placeEvent(f *Fact, s *fxSent, si int, ev *fxMention, i, j int, ctx *fxFlow) {
	if ev == nil {
		return
	}
	f.Event = ev.concept
	f.Group = f.Group || ev.group || ev.plural
	if f.Tense == "" {
		f.Tense = ev.tense
	}
	// time
	var when fxSpan
	if d := a.dateOfEvent(s, ev); d != nil {
		when = d.sp
	} else if w, ok := ctx.when[ev.concept]; ok {
		when = w.sp
	} else if lo, hi, ok := a.pub.Interval(); ok {
		if a.pub.Precision == sources.PrecDay {
			lo = lo.AddDate(0, 0, -1)
		}
		if ev.definite {
			// "the earthquake that killed 300": known already, perhaps
			// weeks back
			lo = lo.AddDate(0, 0, -30)
			f.WhenLoose = true
		}
		when = fxSpan{lo: lo, hi: hi, precision: "implied"}
		f.WhenImplied = true
	}
	f.When = when.Value()
	// place: inside the fact's words ("the toll in Angur Adar rose to 23"),
	// else the nearest, a scene ("in X") before a passing mention, never
	// across another figure or a clause break
	bd := 1 << 30
	for _, m := range s.ms {
		if m.kind != fxMPlace || m.byline || m.appos {
			continue
		}
		d := 0
		switch {
		case m.j <= i:
			d = i - m.j
			if a.separated(s, m.j, i) {
				continue
			}
		case m.i >= j:
			d = m.i - j
			if a.separated(s, j, m.i) {
				continue
			}
		}
		if m.locative {
			d -= 2
		}
		if d < bd {
			bd, f.Place, f.Country = d, m.fxPlace, m.country
		}
	}
	if f.Place == "" {
		if w, ok := ctx.where[ev.concept]; ok && !when.lo.IsZero() && fxSpansOverlap(w.when, when) {
			f.Place, f.Country = w.fxPlace, w.country
		} else if a.firstCtry != "" {
			f.Place, f.Country = a.firstCtry, a.firstCtry
		}
	} else {
		ctx.where[ev.concept] = fxWhereAt{fxPlace: f.Place, country: f.Country, when: when, fxSent: si}
	}
	if f.Place != "" && f.Country == "" {
		f.Country = a.g.countryOf(f.Place)
	}
	if f.Place != "" && f.Country == "" {
		// a place the gazetteer lacks ("Teri Mangal") lies, as far as the
		// article tells, in the article's country
		f.Country = a.firstCtry
	}
}

func fxSpansOverlap(x, y fxSpan) bool {
	if x.lo.IsZero() || y.lo.IsZero() {
		return false
	}
	return !x.hi.Before(y.lo) && !y.hi.Before(x.lo)
}

// attrBound reports whether an attribute word already carries a figure.
func (a *fxAnalysis) attrBound(s *fxSent, k int) bool {
	m := s.ms[k]
	for _, o := range s.ms {
		if o.kind == fxMNum && o.used && (o.j == m.i || o.i == m.j || (o.i > m.i && o.i-m.j <= 2) || (m.i > o.j && m.i-o.j <= 3)) {
			return true
		}
	}
	return false
}

// attrFact binds a number to the nearest attribute word of its clause:
// backwards up to four words, forwards up to five (punctuation not
// counted), never across a clause break or another number; a "far" word
// ("death toll") binds from anywhere earlier in the clause.
func (a *fxAnalysis) attrFact(s *fxSent, k int, ctx *fxFlow) (Fact, bool) {
	fl, text, toks := a.fl, a.text, a.toks
	m := &s.ms[k]
	n := m.num
	if a.isPartitiveTotal(s, m.i) && !a.relativeAfter(s, m.j) {
		return Fact{}, false // "32 of the 543 passengers": 543 is no toll
	}
	find := func(idx int) *fxMention { return a.mentionAt(s, idx) }
	var attr *fxMention
	bestD := 1 << 30
	// backwards
	words := 0
	for j := m.i - 1; j >= s.a && words < 4; j-- {
		if fl.is(fxLClauseBreak, text, toks, j) {
			break
		}
		if o := find(j); o != nil {
			if o.kind == fxMNum || o.kind == fxMDate {
				break
			}
			if o.kind == fxMAttr {
				if !o.bound {
					attr, bestD = o, words
				}
				break
			}
		}
		if toks[j].kind == fxTWord {
			words++
		}
	}
	// a number right after "and" opens a clause of its own: "… confirmed
	// dead and 160 were missing" — what follows it counts first
	afterAnd := m.i > s.a && fl.is(fxLCoordinator, text, toks, m.i-1) && toks[m.i-1].kind == fxTWord
	if afterAnd && attr != nil && bestD > 0 {
		attr, bestD = nil, 1<<30
	}
	// forwards
	words = 0
	var counted *fxMention
	start := m.j
	if p, ok := a.partitive(s, m.j); ok {
		if a.relativeAfter(s, p) {
			return Fact{}, false // "one of the four soldiers who were killed": the four count
		}
		start = p // "32 of the 543 passengers … were confirmed dead"
	}
	for j := start; j < s.b && words < 6; j++ {
		if fl.is(fxLClauseBreak, text, toks, j) {
			break
		}
		if o := find(j); o != nil {
			if o.kind == fxMNum || o.kind == fxMDate {
				break
			}
			if o.kind == fxMActor && o.demonym && o.j > j {
				// "Thirty South African coal miners": a country adjective
				// only modifies the noun counted
				j = o.j - 1
				continue
			}
			if o.kind == fxMCounted && counted == nil && words <= 2 {
				counted = o
			}
			if o.kind == fxMAttr {
				// a "far" word is the subject of a figure after it ("the toll
				// … rose to 81"), never of one before it ("23 and the toll");
				// a word with a figure of its own right after it ("trapped 44
				// miners and killed at least one") counts that one
				if words < bestD && !o.far && !o.bound && !a.figureAfter(s, o.j) {
					attr, bestD = o, words
				}
				break
			}
		}
		if toks[j].kind == fxTWord {
			words++
		}
	}
	if attr == nil {
		// a "far" attribute earlier in the clause: "the death toll … rose to 81"
		for j := m.i - 1; j >= s.a; j-- {
			if fl.is(fxLClauseBreak, text, toks, j) {
				break
			}
			if o := find(j); o != nil {
				if o.kind == fxMNum {
					break
				}
				if o.kind == fxMAttr && o.far {
					attr = o
					break
				}
			}
		}
	}
	if attr == nil {
		return Fact{}, false
	}
	// "40 times", "10 percent", "four years": no count of people
	if m.j < s.b && fl.is(fxLNotCount, text, toks, m.j) {
		return Fact{}, false
	}
	// "a 32-year-old", "a 24-hour strike": a number glued to a word by a
	// hyphen modifies it; only "7.1-magnitude" is a figure of its own
	if m.j+1 < s.b && (toks[m.j].low == "-" || toks[m.j].low == "–") && !toks[m.j].sp && !toks[m.j+1].sp &&
		toks[m.j+1].kind == fxTWord && !fl.is(fxLAttribute, text, toks, m.j+1) {
		return Fact{}, false
	}
	// "rose from a previously reported 85": the figure is an earlier one
	for j := m.i - 1; j >= s.a && j >= m.i-4; j-- {
		if toks[j].low == "from" || toks[j].low == "fra" {
			if j > s.a && (fl.is(fxLChange, text, toks, j-1) || j-1 > s.a && fl.is(fxLChange, text, toks, j-2)) {
				return Fact{}, false
			}
		}
	}
	m.used, attr.bound = true, true
	if n.rel == "" && a.hedged(s, min(m.i, attr.i), max(m.j, attr.j)) {
		n.rel = "~" // "200 feared dead", "an estimated 300": an estimate
	}
	f := Fact{Attribute: attr.attr, Value: n.Value(), Vague: n.plural}
	if attr.attr == "magnitude" {
		if n.val <= 0 || n.val >= 10 || n.rel == "range" && n.lo <= 0 {
			return Fact{}, false
		}
	} else if n.val != float64(int64(n.val)) && n.rel != "~" {
		return Fact{}, false // casualty figures are whole numbers
	}
	if n.hasPrev {
		f.Previous = fxFmtNum(n.prev)
	}
	st, en := toks[m.i].s, toks[m.j-1].e
	if attr.i < m.i {
		st = toks[attr.i].s
	} else {
		en = toks[attr.j-1].e
	}
	if counted == nil && m.j < s.b && a.pluralNoun(s, m.j) {
		// "six adults perished": a plural noun the lexicon does not list
		counted = &fxMention{kind: fxMCounted, i: m.j, j: m.j + 1, counted: toks[m.j].low}
	}
	if counted != nil {
		if !counted.generic {
			f.Unit = counted.counted
		}
		if toks[counted.j-1].e > en {
			en = toks[counted.j-1].e
		}
	}
	f.Start, f.End = st, en
	f.Negated = a.negated(s, m.i)
	f.Tense = a.fl.tenseAt(text, toks, s.a, s.b, m.i)
	ev := a.eventFor(s, m.i, attr.attr, ctx)
	a.placeEvent(&f, s, a.sentIndex(s), ev, min(m.i, attr.i), max(m.j, attr.j), ctx)
	return f, true
}

// figureAfter reports whether a figure opens right at token k, so that an
// attribute word ending at k governs it ("killed at least one").
func (a *fxAnalysis) figureAfter(s *fxSent, k int) bool {
	if k >= s.b {
		return false
	}
	o := a.mentionAt(s, k)
	return o != nil && o.kind == fxMNum && o.i == k
}

// sentIndex returns the index of sentence s in the article.
func (a *fxAnalysis) sentIndex(s *fxSent) int { return s.idx }

// linkInstances numbers the instances of counted events (rounds of talks)
// over the whole article: the highest instance known to be held (a past
// ordinal, a past count, a past list of dates) makes "the next round" the
// one after it and "the last round" that one; a future instance with no
// number is the next one; a past list of as many dates as rounds held is
// rounds 1…N in date order. An ordinal also implies a count: a third round
// to come means at least two held.
func (a *fxAnalysis) linkInstances(facts []Fact) []Fact {
	held := map[string]int{}
	pubHi := time.Time{}
	if _, hi, ok := a.pub.Interval(); ok {
		pubHi = hi
	}
	for _, f := range facts {
		c := a.fl.fxConcepts[f.Event]
		if c == nil || c.byPlace || f.Negated {
			continue
		}
		h := 0
		switch {
		case f.Attribute == "count" && f.Tense != fxTenseFuture:
			if lo, _, ok := fxNumInterval(f.Value); ok {
				h = int(lo)
			}
		case f.Ordinal > 0 && f.Tense == fxTensePast:
			if f.Attribute == "date" {
				if lo, _, ok := fxDateInterval(f.Value); ok && !pubHi.IsZero() && lo.After(pubHi) {
					continue
				}
			}
			h = f.Ordinal
			if f.OrdinalTo > h {
				h = f.OrdinalTo
			}
		case f.Attribute == "date" && f.groupList >= 2 && f.Tense == fxTensePast && f.Ordinal == 0 && !f.Next:
			h = f.groupList
		}
		if h > held[f.Event] {
			held[f.Event] = h
		}
	}
	// dated lists → ordinals in date order
	type item struct {
		idx int
		lo  time.Time
	}
	lists := map[int][]item{} // by first index of the sentence run (facts of one list are consecutive)
	for i, f := range facts {
		if f.Attribute == "date" && f.groupList >= 2 && f.Tense == fxTensePast && f.Ordinal == 0 && !f.Next && !f.last {
			if held[f.Event] != f.groupList {
				continue
			}
			lo, _, ok := fxDateInterval(f.Value)
			if !ok {
				continue
			}
			key := i
			for j := i - 1; j >= 0 && facts[j].groupList == f.groupList && facts[j].Attribute == "date" && facts[j].Event == f.Event; j-- {
				key = j
			}
			lists[key] = append(lists[key], item{i, lo})
		}
	}
	for _, l := range lists {
		if len(l) != held[facts[l[0].idx].Event] {
			continue
		}
		sort.Slice(l, func(x, y int) bool { return l[x].lo.Before(l[y].lo) })
		for k, it := range l {
			facts[it.idx].Ordinal = k + 1
		}
	}
	var derived []Fact
	for i := range facts {
		f := &facts[i]
		c := a.fl.fxConcepts[f.Event]
		if c == nil || c.byPlace || c.unit == "" {
			continue
		}
		h := held[f.Event]
		if f.last && f.Ordinal == 0 && h > 0 {
			f.Ordinal = h
		}
		// "the next round", or a round still to come in an article that says
		// how many were held, is the one after the last held
		if f.Ordinal == 0 && f.OrdinalTo == 0 && !f.last && (f.Next || f.Tense == fxTenseFuture) && f.Attribute != "count" {
			if h > 0 {
				f.Ordinal, f.Next = h+1, false
			}
		}
	}
	// a past list of dated instances says at least that many were held
	for _, l := range lists {
		if len(l) < 2 {
			continue
		}
		f0 := facts[l[0].idx]
		st, en := f0.Start, f0.End
		for _, it := range l {
			st, en = min(st, facts[it.idx].Start), max(en, facts[it.idx].End)
		}
		derived = append(derived, Fact{Attribute: "count", Event: f0.Event, Value: ">=" + strconv.Itoa(len(l)),
			Start: st, End: en, Tense: fxTensePast, Derived: true, Participants: f0.Participants})
	}
	return append(facts, derived...)
}

// finish writes a fact's subject and event key.
func (a *fxAnalysis) finish(f *Fact) {
	c := a.fl.fxConcepts[f.Event]
	if c == nil {
		f.Subject, f.EventKey = "", ""
		return
	}
	if c.byPlace {
		f.Participants = nil
		where := f.Place
		if where == "" {
			where = f.Country
		}
		f.Subject = c.label
		if where != "" {
			f.Subject += " in " + where
		}
		if f.When != "" && !f.WhenImplied {
			f.Subject += " (" + f.When + ")"
		} else if f.When != "" {
			f.Subject += " (reported " + a.pub.String() + ")"
		}
		f.EventKey = f.Event + "|" + where + "|" + f.When
		return
	}
	short := make([]string, len(f.Participants))
	for i, p := range f.Participants {
		short[i] = a.g.shortOf(p)
	}
	sort.Strings(short)
	subj := c.label
	if len(short) > 0 {
		subj = strings.Join(short, "–") + " " + subj
	}
	inst := ""
	switch {
	case f.Attribute == "count":
		subj += ", " + c.unit + "s held"
		inst = c.unit + "s"
	case f.Ordinal > 0 && f.OrdinalTo > f.Ordinal:
		subj += ", " + c.unit + "s " + strconv.Itoa(f.Ordinal) + "–" + strconv.Itoa(f.OrdinalTo)
		inst = c.unit + "s=" + strconv.Itoa(f.Ordinal) + "-" + strconv.Itoa(f.OrdinalTo)
	case f.Ordinal > 0:
		subj += ", " + c.unit + " " + strconv.Itoa(f.Ordinal)
		inst = c.unit + "=" + strconv.Itoa(f.Ordinal)
	case f.Next:
		subj += ", next " + c.unit
		inst = "next"
	case f.Place != "":
		subj += " in " + f.Place
		inst = "place=" + f.Place
	}
	f.Subject = subj
	f.EventKey = f.Event + "|" + strings.Join(f.Participants, "+") + "|" + inst
}
