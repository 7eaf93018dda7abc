package claims

import (
	"strings"
	"unicode"
)

// This file turns the attributions of a sentence into statements, and
// handles quotations that have no attribution of their own: floating
// quotations, continued quotations, scare quotes.

// analyse emits the statements of sentence si.
func (x *extractor) analyse(si int) {
	sn := x.sents[si]
	pi := sn.para
	if x.lead != nil && x.leadP < pi-1 {
		x.lead = nil
	}
	if x.paras[pi].heading {
		return
	}
	qs := x.quotesIn(si)
	atts := x.attributions(si)
	used := x.segUsed
	for _, a := range atts {
		if !a.hasSubj {
			continue
		}
		x.viaFor(si, a)
		w := x.speaker(a)
		if a.cs >= 0 {
			var inner []int
			for _, q := range qs {
				sg := x.segs[q]
				if sg.s >= a.cs && sg.e <= a.ce && !used[q] {
					inner = append(inner, q)
				}
			}
			if len(inner) == 1 && x.contentIsQuote(a.cs, a.ce, inner[0]) {
				q := inner[0]
				rule := "quote+" + a.rule
				x.addQuote(q, a, w, false, rule, 0.95*a.conf/0.85, si)
				used[q] = true
				continue
			}
			x.add(Indirect, a.cs, a.ce, a, w, false, a.rule, a.conf, si, -1)
			for _, q := range inner {
				x.addQuote(q, a, w, true, "partial+"+a.rule, 0.85, si)
				used[q] = true
			}
		}
		if a.cs < 0 && w.name != "" && x.echoesSentenceBefore(si, a) {
			// "Forhandlingene er i full gang. Det røpet Cohn-Bendit i et
			// debattprogram.": the sentence before is what was said
			p := x.sents[si-1]
			a.rule, a.conf = "echo-cue", 0.8
			cs, ce := x.byteSpan(x.datelineEnd(si-1), x.contentEnd(p.t0, p.t1))
			x.add(Indirect, cs, ce, a, w, false, a.rule, a.conf, si-1, -1)
			continue
		}
		if a.leadIn {
			for _, q := range qs {
				sg := x.segs[q]
				if used[q] || sg.s < int(x.toks[a.objEnd-1].e) {
					continue
				}
				if x.attBetween(atts, a, int(x.toks[a.objEnd-1].e), sg.s) {
					break
				}
				x.addQuote(q, a, w, x.isPartial(q, si), "quote+lead-in", 0.9, si)
				used[q] = true
			}
			if len(qs) == 0 && sn.e == x.paras[pi].e && x.isMark(sn.t1-1, ":") {
				x.lead, x.leadP = a, pi
			}
		}
	}
	for _, q := range qs {
		if used[q] {
			continue
		}
		sg := x.segs[q]
		if sg.tweet {
			x.addTweet(q, si)
			continue
		}
		if sg.dash {
			if a := x.dashAttribution(q); a != nil {
				x.viaFor(x.sentOf(a.c0), a)
				x.addQuote(q, a, x.speaker(a), false, "dash+cue", 0.9, si)
				continue
			}
			if t := x.trailingFor(atts, q); t != nil {
				x.addQuote(q, t, x.speaker(t), false, "dash+cue", 0.9, si)
				continue
			}
			x.contextQuote(q, si, true)
			continue
		}
		if a := x.nearest(atts, q); a != nil && !x.shortFragment(q) {
			x.addQuote(q, a, x.speaker(a), x.isPartial(q, si), "quote+near-cue", 0.75, si)
			continue
		}
		x.contextQuote(q, si, false)
	}
}

// echoesSentenceBefore reports whether attribution a makes up sentence si
// on its own, opening with an echo subject ("Det opplyser politiet til
// NTB.", "Det bekrefter Kari Holm overfor VG i dag."), and the sentence
// before it, in the same paragraph, is a plain statement: no quotation,
// no question, no statement of its own.
func (x *extractor) echoesSentenceBefore(si int, a *attrib) bool {
	sn := x.sents[si]
	if si == 0 || a.according || a.g0 != sn.t0 || a.c0 != sn.t0+1 || !x.r.echo.has(x.tokLow(sn.t0)) {
		return false
	}
	if a.subj.kind == npFirst || a.subj.t0 < a.c1 {
		return false
	}
	if !x.tailIsAdverbial(a.g1, sn.t1) || x.contentEnd(sn.t0, sn.t1) < sn.t1-1 || x.hasQuote(a.g1, sn.t1) {
		return false
	}
	for m := a.g1; m < sn.t1-1; m++ {
		if x.isMark(m, ":", ";") {
			return false
		}
	}
	p := x.sents[si-1]
	if p.para != sn.para || x.paras[p.para].heading || len(x.quotesIn(si-1)) > 0 || x.isMark(p.t1-1, "?", ":") {
		return false
	}
	if x.hasQuote(p.t0, p.t1) || x.wordCount(p.t0, p.t1) < 3 {
		return false
	}
	for i := len(x.out) - 1; i >= 0 && x.out[i].sent >= si-1; i-- {
		if x.out[i].sent == si-1 {
			return false
		}
	}
	return true
}

// shortFragment reports whether segment q is at most three words with no
// final punctuation: in a sentence whose cue does not govern it, a title,
// name or scare quote ("kjent fra «Schindlers liste»").
func (x *extractor) shortFragment(q int) bool {
	a, b := x.segTokens(q)
	if x.wordCount(a, b) > 3 {
		return false
	}
	last, _ := runeBefore(x.text, x.segs[q].e)
	return !isSentenceEndRune(last)
}

// addTweet emits an embedded post: its author is the signature's display
// name (up to a comma: "Eugene Gu, MD"), the relay Twitter.
func (x *extractor) addTweet(q, si int) {
	sg := x.segs[q]
	name := x.text[sg.spk[0]:sg.spk[1]]
	if i := strings.IndexByte(name, ','); i > 0 {
		name = name[:i]
	}
	name = strings.TrimFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w := who{}
	if name != "" {
		w = who{name: name, id: SpeakerID(name), kind: SpeakerPerson, conf: 0.8}
	}
	x.add(Direct, sg.s, sg.e, nil, w, false, "tweet", 0.8, si, q)
	x.out[len(x.out)-1].Via = "Twitter"
}

// trailingFor returns the trailing attribution of the sentence that
// follows segment q, if any.
func (x *extractor) trailingFor(atts []*attrib, q int) *attrib {
	for _, a := range atts {
		if a.hasSubj && a.trailing && int(x.toks[a.g0].s) >= x.segs[q].e {
			return a
		}
	}
	return nil
}

// attBetween reports whether another attribution's cue stands between
// bytes a and b.
func (x *extractor) attBetween(atts []*attrib, self *attrib, a, b int) bool {
	for _, o := range atts {
		if o != self && o.cueS >= a && o.cueE <= b {
			return true
		}
	}
	return false
}

// nearest returns the attribution of the sentence closest to segment q.
func (x *extractor) nearest(atts []*attrib, q int) *attrib {
	sg := x.segs[q]
	var best *attrib
	bestD := 1 << 30
	for _, a := range atts {
		if !a.hasSubj {
			continue
		}
		d := a.cueS - sg.e
		if a.cueE <= sg.s {
			d = sg.s - a.cueE
		}
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// dashAttribution re-reads the attribution found for a dash quotation
// while the text was prepared, now that names are known.
func (x *extractor) dashAttribution(q int) *attrib {
	a := x.segAtt[q]
	if a == nil {
		return nil
	}
	hi := x.paras[x.segs[q].para].t1
	var b *attrib
	var ok bool
	switch a.how {
	case 'c':
		b, ok = x.attributionAfterComma(a.g0, hi)
	case 'e':
		b, ok = x.echoAttribution(a.g0, hi)
	case 'l':
		b, ok = x.looseAttribution(a.g0, hi)
	case 'q':
		v, end, acc := x.matchCue(a.g0, a.g0)
		if v != nil && !acc {
			if n, ok2 := x.subjectAfter(end, hi); ok2 {
				b = &attrib{verb: v, subj: n, hasSubj: true, cs: -1, trailing: true}
				x.setCue(b, a.g0, end)
				b.g0, b.g1 = a.g0, n.t1
				ok = true
			}
		}
	}
	if !ok {
		return nil
	}
	b.objEnd = b.g1
	return b
}

// contentIsQuote reports whether the content [s, e) is segment q and
// nothing else but marks and punctuation.
func (x *extractor) contentIsQuote(s, e, q int) bool {
	for k := x.tokAt(s); k < len(x.toks) && int(x.toks[k].s) < e; k++ {
		t := x.toks[k]
		if int(t.q) == q || t.is(tPunct) {
			continue
		}
		return false
	}
	return true
}

// openTok returns the token of segment q's opening mark (or dash).
func (x *extractor) openTok(q int) int {
	return x.tokAt(x.segs[q].open)
}

// isPartial reports whether segment q is a fragment inside a sentence
// rather than a whole utterance: it does not begin with a capital, or
// words of the sentence stand before it without a colon, comma or dash
// between.
func (x *extractor) isPartial(q, si int) bool {
	sg := x.segs[q]
	if sg.dash {
		return false
	}
	if !x.segFull(q) {
		return true
	}
	k := x.openTok(q) - 1
	if k < x.sents[si].t0 {
		return false
	}
	if x.isMark(k, ":", ",", "(", "[") || x.isDashTok(k) || x.closeMarkAt(int(x.toks[k].s)) {
		return false
	}
	if x.toks[k].is(tWord) {
		// "adding:" handled above; a cue right before ("said "We …"")
		if p, _, _ := x.matchCue(k, x.sents[si].t0); p != nil {
			return false
		}
	}
	return true
}

// contextQuote attributes a quotation whose sentence has no cue: a colon
// lead-in at the end of the previous paragraph, the rest of a quotation
// running over several paragraphs, or the speaker of the statement just
// before (a floating quotation). Short fragments, titles and names in
// quotes with none of these are scare quotes and no statement.
func (x *extractor) contextQuote(q, si int, dash bool) {
	sg := x.segs[q]
	full := dash || !x.isPartial(q, si)
	words, caps := 0, 0
	a, b := x.segTokens(q)
	for k := a; k < b; k++ {
		if x.toks[k].is(tWord) {
			words++
			if x.toks[k].is(tCap) || x.toks[k].is(tDigit) {
				caps++
			}
		}
	}
	lastR, _ := runeBefore(x.text, sg.e)
	endPunct := isSentenceEndRune(lastR) || lastR == ','
	if words == 0 {
		return
	}
	if !dash && (!full && words <= 3 || caps == words && !endPunct && words <= 8) {
		return // a scare quote, a name or a title
	}
	if !dash && full && words <= 2 && !endPunct {
		return
	}
	// a colon lead-in that ended the previous paragraph
	if x.lead != nil && x.leadP == sg.para-1 && sg.open == x.paras[sg.para].s {
		l := x.lead
		x.addQuote(q, l, x.speaker(l), false, "quote+lead-in", 0.85, si)
		return
	}
	// the statement before
	var prev *stmt
	for i := len(x.out) - 1; i >= 0; i-- {
		if x.out[i].Kind != Assertion {
			prev = &x.out[i]
			break
		}
	}
	if sg.chain >= 0 && prev != nil && prev.chain == sg.chain {
		x.copyQuote(q, prev, prev.Cue, "quote+continued", 0.85, si)
		return
	}
	// an answer: the dash paragraph before is an unattributed question
	// ("- Synes du det er for lite?"), and the one before that names the
	// person asked
	if dash && lastR != '?' && prev != nil && prev.Kind == Direct && prev.Speaker == "" && prev.para == sg.para-1 {
		if r, _ := runeBefore(x.text, prev.End); r == '?' {
			if pp := x.statementBefore(prev); pp != nil && pp.Speaker != "" && pp.SpeakerKind == SpeakerPerson && pp.para >= prev.para-1 {
				x.copyQuote(q, pp, "", "dash+answer", 0.65, si)
				return
			}
		}
	}
	if prev != nil && prev.Speaker != "" && !(dash && lastR == '?') {
		near := prev.para == sg.para && prev.sent >= si-2 ||
			prev.para < sg.para && x.paraGap(prev.para, sg.para) == 1 && (x.lastSentOfPara(prev.sent) || x.namesOnly(prev.sent, prev.SpeakerID))
		if near && (full || prev.para == sg.para) {
			cue := ""
			if prev.para == sg.para && full && !dash {
				cue = prev.Cue // "X," he said. "Y." — one cue for both parts
			}
			rule := "quote+floating"
			if !full {
				rule = "partial+context"
			}
			x.copyQuote(q, prev, cue, rule, 0.7, si)
			return
		}
	}
	if dash && x.interview && x.interviewee != "" && lastR != '?' {
		w := who{name: x.interviewee, id: SpeakerID(x.interviewee), kind: SpeakerPerson, conf: 0.8}
		x.add(Direct, sg.s, sg.e, nil, w, false, "dash+interview", 0.6, si, q)
		return
	}
	if !full || words < 3 && !dash {
		return
	}
	if !dash && !endPunct && words <= 6 {
		return // a name or title in quotes: «Координационный совет …»
	}
	x.add(Direct, sg.s, sg.e, nil, who{}, false, "quote+unattributed", 0.4, si, q)
}

// statementBefore returns the statement (no assertion) emitted before st,
// or nil.
func (x *extractor) statementBefore(st *stmt) *stmt {
	for i := len(x.out) - 1; i >= 0; i-- {
		if &x.out[i] != st {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if x.out[j].Kind != Assertion {
				return &x.out[j]
			}
		}
		return nil
	}
	return nil
}

func (x *extractor) lastSentOfPara(si int) bool {
	return si+1 >= len(x.sents) || x.sents[si+1].para != x.sents[si].para
}

// namesOnly reports whether the one or two narrator sentences after
// sentence si, to the end of its paragraph, name nobody but the speaker
// id ("…, sier Brækhus. Men det hun er mest opptatt av er …").
func (x *extractor) namesOnly(si int, id string) bool {
	if id == "" {
		return false
	}
	p := x.sents[si].para
	for s := si + 1; s < len(x.sents) && x.sents[s].para == p; s++ {
		if s > si+2 {
			return false
		}
		for i := x.mentStart[s]; i < x.mentStart[s+1]; i++ {
			m := &x.mentions[i]
			if m.sent == s && SpeakerID(x.nameText(x.fullest(m, int(x.toks[m.t0].s)))) != id {
				return false
			}
		}
	}
	return true
}

// paraGap counts the paragraphs after a up to b that are not headings: a
// crosshead between two paragraphs ("Juleferie") does not part them.
func (x *extractor) paraGap(a, b int) int {
	n := 0
	for p := a + 1; p <= b && p < len(x.paras); p++ {
		if !x.paras[p].heading {
			n++
		}
	}
	return n
}

// addQuote emits segment q as a direct statement.
func (x *extractor) addQuote(q int, a *attrib, w who, partial bool, rule string, conf float64, si int) {
	sg := x.segs[q]
	if conf > 1 {
		conf = 1
	}
	x.add(Direct, sg.s, sg.e, a, w, partial, rule, conf, si, q)
}

// copyQuote emits segment q with the speaker, relay and (given) cue of an
// earlier statement.
func (x *extractor) copyQuote(q int, prev *stmt, cue, rule string, conf float64, si int) {
	if x.segs[q].dash {
		x.narratorCut(q, si, prev.SpeakerID)
	}
	sg := x.segs[q]
	w := who{name: prev.Speaker, id: prev.SpeakerID, kind: prev.SpeakerKind, conf: 1, gender: prev.gender, single: prev.single}
	x.add(Direct, sg.s, sg.e, nil, w, !x.segFullOrDash(q, si), rule, conf, si, q)
	st := &x.out[len(x.out)-1]
	st.Cue = cue
	if cue != "" {
		st.CueStart, st.CueEnd = prev.CueStart, prev.CueEnd
	}
	if st.Via == "" {
		st.Via = prev.Via
	}
}

// narratorCut ends the unattributed dash quotation of segment q before a
// later sentence in the narrator's voice: one that speaks of its speaker
// (id) by name and says neither I nor we ("- … Vi er høyt verdsatt.
// ElBaradei ble spurt om …").
func (x *extractor) narratorCut(q, si int, id string) {
	sg := &x.segs[q]
	if id == "" {
		return
	}
	k0, k1 := x.tokAt(sg.s), x.tokAt(sg.e)
	// the sentences inside the quotation, after its first
	for a := k0; a < k1; {
		b := a
		for b < k1 && !(x.toks[b].is(tPunct) && isSentenceEndRune(firstRune(x.text[x.toks[b].s:]))) {
			b++
		}
		if b < k1 {
			b++ // the final mark
		}
		if a > k0 {
			first, named := false, false
			for k := a; k < b; k++ {
				if !x.toks[k].is(tWord) {
					continue
				}
				if x.r.pronFirst.has(x.tokLow(k)) {
					first = true
					break
				}
				if m := x.mentionAt(k); m != nil && m.t0 == k && SpeakerID(x.nameText(x.fullest(m, int(x.toks[m.t0].s)))) == id {
					named = true
				}
			}
			if named && !first {
				if e := int(x.toks[a-1].e); e > sg.s {
					sg.e = e
				}
				return
			}
		}
		a = b
	}
}

func (x *extractor) segFullOrDash(q, si int) bool {
	return x.segs[q].dash || !x.isPartial(q, si)
}

// add appends a statement.
func (x *extractor) add(kind Kind, s, e int, a *attrib, w who, partial bool, rule string, conf float64, si, seg int) {
	if s < 0 || e <= s || e > len(x.text) {
		return
	}
	st := stmt{Statement: Statement{Kind: kind, Speaker: w.name, SpeakerID: w.id, SpeakerKind: w.kind,
		Partial: partial, Lang: x.lang, Start: s, End: e, Rule: rule},
		sent: si, para: x.sents[si].para, gender: w.gender, chain: -1, seg: seg, single: w.single}
	if seg >= 0 {
		st.chain = x.segs[seg].chain
	}
	if w.name != "" && w.conf > 0 {
		conf *= w.conf
	}
	st.Confidence = round2(conf)
	if a != nil {
		st.Cue, st.CueStart, st.CueEnd = a.cue, a.cueS, a.cueE
		st.Via = a.via
	}
	switch {
	case st.Speaker == "":
		st.SpeakerKind, st.SpeakerID = "", ""
	case st.SpeakerKind == SpeakerUnnamed:
		st.SpeakerID = ""
	}
	// a relay stated for an interview holds for the speaker's later words
	if st.SpeakerID != "" {
		if st.Via != "" {
			if a != nil && (a.viaInt || x.r.relaySticks && st.SpeakerKind == SpeakerPerson) {
				x.sticky[st.SpeakerID] = stickyVia{via: st.Via, para: st.para}
			} else if sv, ok := x.sticky[st.SpeakerID]; ok && sv.via != st.Via {
				delete(x.sticky, st.SpeakerID)
			}
		} else if sv, ok := x.sticky[st.SpeakerID]; ok {
			st.Via = sv.via
		}
	}
	x.out = append(x.out, st)
}

func round2(f float64) float64 {
	return float64(int(f*100+0.5)) / 100
}

// fillLeadingDash gives an unattributed dash paragraph that opens a run
// of dash paragraphs the speaker of the next one, attributed to a person
// ("- Jeg har slitt med influensa. / - …, forteller Cecilia Brækhus til
// NTB."): no statement before it in the paragraph gap, not a question.
func (x *extractor) fillLeadingDash() {
	for i := 0; i+1 < len(x.out); i++ {
		st := &x.out[i]
		if st.Kind != Direct || st.Speaker != "" || st.Cue != "" || st.seg < 0 || !x.segs[st.seg].dash {
			continue
		}
		if r, _ := runeBefore(x.text, st.End); r == '?' {
			continue
		}
		j := i + 1
		for j < len(x.out) && x.out[j].Kind == Assertion {
			j++
		}
		if j >= len(x.out) {
			continue
		}
		nx := &x.out[j]
		if nx.Kind != Direct || nx.seg < 0 || !x.segs[nx.seg].dash || nx.Cue == "" || nx.SpeakerKind != SpeakerPerson ||
			nx.para <= st.para || x.paraGap(st.para, nx.para) != 1 || !x.lastSentOfPara(st.sent) {
			continue
		}
		st.Speaker, st.SpeakerID, st.SpeakerKind, st.gender = nx.Speaker, nx.SpeakerID, nx.SpeakerKind, nx.gender
		if st.Via == "" {
			st.Via = nx.Via
		}
		st.Rule = "dash+next"
	}
}

// fillChains gives every paragraph of a quotation that runs over several
// paragraphs the speaker found for any of them.
func (x *extractor) fillChains() {
	by := map[int]int{} // chain -> index of an attributed statement
	for i, st := range x.out {
		if st.chain >= 0 && st.Speaker != "" {
			if _, ok := by[st.chain]; !ok {
				by[st.chain] = i
			}
		}
	}
	for i := range x.out {
		st := &x.out[i]
		if st.chain < 0 || st.Speaker != "" {
			continue
		}
		j, ok := by[st.chain]
		if !ok {
			continue
		}
		src := x.out[j]
		st.Speaker, st.SpeakerID, st.SpeakerKind = src.Speaker, src.SpeakerID, src.SpeakerKind
		st.Cue, st.CueStart, st.CueEnd, st.Via = src.Cue, src.CueStart, src.CueEnd, src.Via
		st.Rule, st.Confidence = "quote+continued", 0.8
	}
}

// ---------------------------------------------------------------------
// Relays.

// viaFor finds the medium of attribution a in sentence si: a relay
// pattern ("told Sputnik", "in an interview with TASS", "as quoted by a
// Russian state-run news agency", "til NTB") outside quotations and
// outside reported content.
func (x *extractor) viaFor(si int, a *attrib) {
	if a.via != "" {
		return
	}
	sn := x.sents[si]
	for k := sn.t0; k < sn.t1; k++ {
		t := x.toks[k]
		if t.q >= 0 || !t.is(tWord) {
			continue
		}
		if a.cs >= 0 && int(t.s) >= a.cs && int(t.e) <= a.ce {
			continue
		}
		if via, flags, ok := x.viaAt(k, sn.t1); ok {
			a.via, a.viaInt = via, flags&fInterview != 0
			return
		}
	}
}

// viaAt matches the longest relay pattern at token k.
func (x *extractor) viaAt(k, hi int) (string, uint32, bool) {
	best, bestEnd := "", -1
	var bestFlags uint32
	for _, p := range x.r.via {
		j := k
		ok := true
		for _, w := range p.pre {
			if j >= hi || x.toks[j].q >= 0 || x.tokLow(j) != w {
				ok = false
				break
			}
			j++
		}
		if !ok {
			continue
		}
		name, end, found := x.mediumAt(j, hi)
		if !found {
			continue
		}
		for _, w := range p.post {
			if end >= hi || x.tokLow(end) != w {
				ok = false
				break
			}
			end++
		}
		if ok && end > bestEnd {
			best, bestEnd, bestFlags = name, end, p.flags
		}
	}
	return best, bestFlags, bestEnd >= 0
}

// mediumAt reads a medium at token j: a listed name ("TASS", "the Daily
// Mail" → "Daily Mail"), or a described one ending in a media noun ("a
// Russian state-run news agency"), followed by a name when one is given
// ("det russiske statlige nyhetsbyrået TASS" → "TASS").
func (x *extractor) mediumAt(j, hi int) (string, int, bool) {
	if j >= hi || x.toks[j].q >= 0 {
		return "", j, false
	}
	start := j
	if x.r.dets.has(x.tokLow(j)) {
		j++
	}
	if p, end := x.r.media.match(x, x.toks, j); p != nil && end <= hi {
		return x.text[x.toks[j].s:x.toks[end-1].e], end, true
	}
	if j == start && isWebAddress(x.text[x.toks[j].s:x.toks[j].e]) {
		return x.text[x.toks[j].s:x.toks[j].e], j + 1, true // "til smp.no"
	}
	if j == start {
		return "", start, false // a bare noun: "told reporters"
	}
	for m := j; m < hi && m < j+6; m++ {
		t := x.toks[m]
		if !t.is(tWord) || t.q >= 0 {
			break
		}
		if p, end := x.r.mediaNouns.match(x, x.toks, m); p != nil {
			if q, e2 := x.r.media.match(x, x.toks, end); q != nil && e2 <= hi {
				return x.text[x.toks[end].s:x.toks[e2-1].e], e2, true
			}
			return x.text[x.toks[start].s:x.toks[end-1].e], end, true
		}
	}
	return "", start, false
}

// isWebAddress reports whether a word is a site's address: letters, a
// dot and a two- or three-letter lower-case ending ("smp.no", "vg.no",
// "bbc.com"), which names the medium it stands for.
func isWebAddress(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || len(w)-i-1 < 2 || len(w)-i-1 > 3 {
		return false
	}
	for _, c := range w[i+1:] {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	for _, c := range w[:i] {
		if !unicode.IsLetter(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------
// Assertions.

// assertions adds the outlet's own checkable sentences: body sentences
// that hold no statement, are not questions or headings, are not in the
// first or second person, and carry a number, a date word or a name
// standing inside the sentence.
func (x *extractor) assertions() {
	covered := make([]bool, len(x.sents))
	for _, st := range x.out {
		covered[st.sent] = true
	}
	for si, sn := range x.sents {
		if covered[si] || x.paras[sn.para].heading {
			continue
		}
		if x.checkable(si) {
			x.add(Assertion, sn.s, sn.e, nil, who{}, false, "assertion", 0.6, si, -1)
		}
	}
}

// checkable reports whether sentence si states something checkable.
func (x *extractor) checkable(si int) bool {
	sn := x.sents[si]
	words := 0
	check := false
	for k := sn.t0; k < sn.t1; k++ {
		t := x.toks[k]
		if t.q >= 0 {
			return false // holds a quotation nobody was found to say
		}
		if !t.is(tWord) {
			if k == sn.t1-1 && x.isMark(k, "?") {
				return false
			}
			continue
		}
		words++
		w := x.tokLow(k)
		if x.r.pronFirst.has(w) || x.r.pronSecond.has(w) {
			return false
		}
		if t.is(tDigit) {
			check = true
		} else if t.is(tCap) && k > sn.t0 && !x.r.notNames.has(w) && !x.isMark(k-1, ":") {
			check = true
		} else if x.r.dateWords.has(w) {
			check = true
		}
	}
	if words < 5 {
		return false
	}
	last, _ := runeBefore(x.text, sn.e)
	return check && (isSentenceEndRune(last) || isClosingQuoteRune(last) || unicode.IsLetter(last) || unicode.IsDigit(last))
}
