package claims

import (
	"strings"
)

// This file reads one sentence: its cues and their subjects, what each cue
// reports (a clause, a quotation), and the statements that follow.

// quotesIn lists the quotation segments whose text starts in sentence si.
func (x *extractor) quotesIn(si int) []int {
	sn := x.sents[si]
	var qs []int
	for k := sn.t0; k < sn.t1; k++ {
		q := int(x.toks[k].q)
		if q >= 0 && (len(qs) == 0 || qs[len(qs)-1] != q) {
			qs = append(qs, q)
		}
	}
	return qs
}

// segTokens returns the token range of segment q's text.
func (x *extractor) segTokens(q int) (int, int) {
	sg := x.segs[q]
	a := x.tokAt(sg.s)
	b := a
	for b < len(x.toks) && int(x.toks[b].s) < sg.e {
		b++
	}
	return a, b
}

// closeMarkAt reports whether a kept segment's closing mark stands at
// byte b.
func (x *extractor) closeMarkAt(b int) bool {
	i := x.qspanBefore(b)
	if i < 0 {
		return false
	}
	sg := x.segs[x.segOfSpan(i)]
	return sg.close == b
}

// qspanBefore returns the index of the last kept span ending at or before b.
func (x *extractor) qspanBefore(b int) int {
	lo, hi := 0, len(x.qspans)
	for lo < hi {
		m := (lo + hi) / 2
		if x.qspans[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// segOfSpan maps a kept span index to its segment index.
func (x *extractor) segOfSpan(i int) int {
	return x.spanSeg[i]
}

// isMark reports whether token k is one of the given punctuation marks.
func (x *extractor) isMark(k int, marks ...string) bool {
	if k < 0 || k >= len(x.toks) || !x.toks[k].is(tPunct) {
		return false
	}
	t := x.tokText(k)
	for _, m := range marks {
		if t == m {
			return true
		}
	}
	return false
}

func (x *extractor) isDashTok(k int) bool {
	if k < 0 || k >= len(x.toks) || !x.toks[k].is(tPunct) {
		return false
	}
	c, _ := runeAt(x.text, int(x.toks[k].s))
	return x.r.dashes[c]
}

// boundaryBefore reports whether a trailing attribution may start at token
// g0: a comma, a closing quotation mark or a dash stands before it.
func (x *extractor) boundaryBefore(g0, lo int) bool {
	if g0 <= lo {
		return false
	}
	k := g0 - 1
	if x.isMark(k, ",") || x.isDashTok(k) || x.closeMarkAt(int(x.toks[k].s)) {
		return true
	}
	return false
}

// attributions finds the cues of sentence si with their subjects and
// decides what each one reports.
func (x *extractor) attributions(si int) []*attrib {
	sn := x.sents[si]
	toks := x.toks
	var atts []*attrib
	var lastSubj *attrib
	for k := sn.t0; k < sn.t1; k++ {
		if toks[k].q >= 0 {
			continue
		}
		p, end, acc := x.matchCue(k, sn.t0)
		if p == nil {
			continue
		}
		a := &attrib{verb: p, cs: -1, according: acc}
		x.setCue(a, k, end)
		switch {
		case acc:
			n, ok := x.subjectAfter(end, sn.t1)
			if !ok || n.kind == npPronoun || n.kind == npFirst {
				continue
			}
			a.subj, a.hasSubj = n, true
			a.g0, a.g1 = k, n.t1
		case p.flags&fPart != 0 && k > sn.t0 && x.r.asWord.has(x.tokLow(k-1)) && x.quotedAs(a, k, sn.t0):
			// "The Post quoted a source close to Reagan as saying …"
		case p.flags&fPart != 0 && (k == sn.t0 || x.isMark(k-1, ",", ":") || x.isConj(k-1) || x.closeMarkAt(int(toks[k-1].s))):
			a.part = true
			a.g0, a.g1 = k, end
			if n, ok := x.subjectBefore(k, sn.t0); ok && n.kind == npName && !x.isMark(k-1, ",") {
				a.subj, a.hasSubj = n, true
				a.g0 = n.p0
			} else if lastSubj != nil {
				a.subj, a.hasSubj = lastSubj.subj, true
			} else if n, ok := x.mainSubject(si); ok {
				a.subj, a.hasSubj = n, true
			} else {
				continue
			}
		case k > sn.t0 && x.isConj(k-1) && lastSubj != nil && lastSubj.hasSubj:
			// "X bekrefter arrestasjonen og forteller at …": one subject
			a.subj, a.hasSubj = lastSubj.subj, true
			a.g0, a.g1 = k, end
		case k > sn.t0+1 && x.isConj(k-1) && lastSubj == nil && !x.toks[k].is(tCap) && x.sharedSubjectOK(k, end, sn.t1):
			// "Han tar Siv Jensen i forsvar, og sier at …": the verb shares
			// the subject that opens the sentence
			n, ok := x.mainSubject(si)
			if !ok || n.t1 >= k-1 || n.kind == npOrg && x.isMediumNP(n) {
				continue
			}
			a.subj, a.hasSubj = n, true
			a.g0, a.g1 = k, end
		default:
			n, ok := x.subjectBefore(k, sn.t0)
			if ok && n.kind == npPronoun && n.gender == 0 && !n.plural && x.r.echo.has(x.tokLow(n.t0)) {
				// "Det sier ordfører Per Hansen": the subject follows
				n2, ok2 := x.subjectAfter(end, sn.t1)
				if ok2 && n2.kind != npPronoun && n2.kind != npFirst {
					a.subj, a.hasSubj = n2, true
					a.g0, a.g1 = n.p0, n2.t1
					x.particleAfter(a, sn.t1)
					break
				}
				if ok2 && n2.kind == npPronoun && !x.r.pronNeuter.has(x.tokLow(n2.t0)) && n.t0 == sn.t0 &&
					x.tailIsAdverbial(n2.t1, sn.t1) && !x.hasMarkBetween(n2.t1, sn.t1-1) {
					// "Skatten må ned. Det mener han.": he says the sentence before
					a.subj, a.hasSubj = n2, true
					a.g0, a.g1 = n.p0, n2.t1
					x.particleAfter(a, sn.t1)
					break
				}
				if ok2 && n2.kind == npFirst && n.t0 == sn.t0 {
					continue // "Det mener jeg.", "Det tror jeg også de andre vil gjøre": a fronted object, I speak
				}
			}
			if ok {
				if n.kind == npFirst {
					continue
				}
				a.subj, a.hasSubj = n, true
				a.g0, a.g1 = n.p0, end
			} else if n, ok := x.invertedSubject(k, end, sn.t0, sn.t1, p); ok {
				a.subj, a.hasSubj = n, true
				a.g0, a.g1 = k, n.t1
				x.particleAfter(a, sn.t1)
			} else if n, ok := x.unnamedChunk(k, sn.t0); ok {
				a.subj, a.hasSubj = n, true
				a.g0, a.g1 = n.p0, end
			} else {
				continue
			}
		}
		if p.flags&fDoc != 0 && a.subj.kind != npDoc && !(k > sn.t0 && x.r.documents.has(x.tokLow(k-1))) {
			// ("Retail Decisions' survey found": the document's issuer)
			continue // "viser": a report only of a document ("tall fra SSB viser")
		}
		if p.flags&fObj != 0 && !a.according {
			a.objEnd = x.objectAfter(a.g1, sn.t1)
		} else {
			a.objEnd = a.g1
		}
		atts = append(atts, a)
		lastSubj = a
		k = a.g1 - 1
		if k < end-1 {
			k = end - 1
		}
	}
	if len(atts) == 0 {
		return nil
	}
	x.decide(si, atts)
	return atts
}

// hasMarkBetween reports whether a comma, colon or semicolon stands in
// tokens [a, b).
func (x *extractor) hasMarkBetween(a, b int) bool {
	for m := a; m < b; m++ {
		if x.isMark(m, ",", ":", ";") {
			return true
		}
	}
	return false
}

// clauseAfterPhrase returns the token of a clause-opening pronoun that
// follows a prepositional phrase of at most three words at token j ("on
// Twitter he …", "in a statement she …"), with no mark, quotation,
// complementizer or relative word between; else -1.
func (x *extractor) clauseAfterPhrase(j, hi int) int {
	if j >= hi || !x.isPrepTok(j) {
		return -1
	}
	for m := j + 1; m < hi && m <= j+3; m++ {
		t := x.toks[m]
		if !t.is(tWord) || t.q >= 0 || x.r.comps.has(x.tokLow(m)) || x.r.relatives.has(x.tokLow(m)) {
			return -1
		}
		if m > j+1 && !t.is(tCap) && x.r.clauseOpen.has(x.tokLow(m)) && m+1 < hi && x.toks[m+1].is(tWord) {
			return m
		}
	}
	return -1
}

// clauseBefore reports whether tokens [j, m) already hold a finite clause:
// a subject word (capitalised, a pronoun) first, then a
// finite verb of the language's [finite-markers].
func (x *extractor) clauseBefore(j, m int) bool {
	if j >= m || !x.toks[j].is(tWord) {
		return false
	}
	if !x.toks[j].is(tCap) && !x.r.clauseOpen.has(x.tokLow(j)) && !x.isPronoun(x.tokLow(j)) {
		return false
	}
	for k := j + 1; k < m; k++ {
		if x.toks[k].is(tWord) && x.r.finite.has(x.tokLow(k)) {
			return true
		}
	}
	return false
}

// reportsAttribution reports whether an "according to" phrase at the end
// of a sentence follows a trailing attribution of its own ("…, Stafford
// said in the statement, according to the reports"): a speaker named with
// a cue after a comma, then only adverbials up to the phrase.
func (x *extractor) reportsAttribution(a *attrib, atts []*attrib, start int) bool {
	for _, b := range atts {
		if b == a || b.according || !b.hasSubj || b.part || b.c1 >= a.c0 || b.g0 <= start+1 {
			continue
		}
		if !x.isMark(b.g0-1, ",") || !x.tailIsAdverbial(b.c1, a.c0-1) {
			continue
		}
		return true
	}
	return false
}

// parenthetical reports whether an attribution between [cs, ce) and
// [rs, re) sits inside one sentence: a short opening phrase (at most four
// words, no quotation) before it, and after it a clause of three words or
// more that opens with neither a cue, a quotation nor a complementizer.
func (x *extractor) parenthetical(cs, ce, rs, re int) bool {
	if ce <= cs || rs >= re || !x.hasWord(cs, ce) || x.wordCount(cs, ce) > 4 || x.hasQuote(cs, re) {
		return false
	}
	if x.wordCount(rs, re) < 3 || !x.toks[rs].is(tWord) || x.r.comps.has(x.tokLow(rs)) {
		return false
	}
	for m := rs; m < re; m++ {
		if p, _, _ := x.matchCue(m, rs); p != nil {
			return false // "…, he said, adding that …", "…, she said, and he said …"
		}
	}
	return true
}

// sharedSubjectOK reports whether a cue at [k, end) after a conjunction,
// with no subject of its own, reports a clause: a complementizer right
// after it ("og sier at …", "but added that …").
func (x *extractor) sharedSubjectOK(k, end, hi int) bool {
	return end < hi && x.r.comps.has(x.tokLow(end)) && !x.toks[end].is(tCap)
}

// quotedAs reads "QUOTED-VERB SUBJECT as CUE": the subject is what stands
// between a quoting verb ("quoted", "cited", "siterte") and "as"; the
// quoting outlet, when it is a medium, is the relay.
func (x *extractor) quotedAs(a *attrib, k, lo int) bool {
	as := k - 1
	for j := as - 1; j >= lo && j >= as-20; j-- {
		if x.toks[j].q >= 0 {
			return false
		}
		if !x.r.quoting.has(x.tokLow(j)) {
			continue
		}
		n, ok := x.subjectAfter(j+1, as)
		if !ok || n.kind != npName {
			n, ok = x.unnamedChunk(as, j+1)
		}
		if !ok {
			n, ok = x.classifyNP(j+1, as)
		}
		if !ok || n.kind == npPronoun || n.kind == npFirst {
			return false
		}
		a.subj, a.hasSubj, a.part = n, true, true
		a.g0, a.g1 = j+1, k+1
		a.quotedAs, a.qs0 = true, j
		if m, ok := x.subjectBefore(j, lo); ok {
			a.qs0 = m.p0
			if m.kind == npName && x.isMedium(m.t0, m.t1) {
				a.via = x.text[x.toks[m.t0].s:x.toks[m.t1-1].e]
			} else if x.isMediaNounPhrase(m) {
				a.via = x.npText(m)
			}
		}
		return true
	}
	return false
}

// isMediumNP reports whether a subject is a medium: a listed name ("the
// New York Times") or a phrase headed by a media noun ("the newspaper").
func (x *extractor) isMediumNP(n np) bool {
	switch n.kind {
	case npName:
		if n.name != nil {
			return x.isMedium(n.name.t0, n.name.t1)
		}
		return x.isMedium(n.t0, n.t1)
	case npOrg, npRole, npUnnamed:
		return x.isMediaNounPhrase(n)
	}
	return false
}

// mediumName returns a medium subject as a relay: the listed name, or the
// phrase as written ("the newspaper").
func (x *extractor) mediumName(n np) string {
	if n.kind == npName && n.name != nil {
		return x.nameText(n.name)
	}
	return x.npText(n)
}

// isMediaNounPhrase reports whether a phrase is headed by a media noun
// ("the newspaper", "The Post").
func (x *extractor) isMediaNounPhrase(n np) bool {
	for k := n.t0; k < n.t1; k++ {
		if p, end := x.r.mediaNouns.match(x, x.toks, k); p != nil && end == n.t1 {
			return true
		}
	}
	return false
}

func (x *extractor) isConj(k int) bool {
	if k < 0 || !x.toks[k].is(tWord) {
		return false
	}
	return x.r.conjs.has(x.tokLow(k))
}

// inversionOK reports whether a cue at token k may take its subject after
// it: after a comma, a quotation or a dash ("…,” said Lavrov"), and
// anywhere in a verb-second language ("I et intervju …, sa Darchiev").
func (x *extractor) inversionOK(k, lo int) bool {
	if x.r.verbSecond {
		return true
	}
	if k == lo {
		return false
	}
	return x.isMark(k-1, ",", ":") || x.isDashTok(k-1) || x.closeMarkAt(int(x.toks[k-1].s))
}

// invertedSubject reads the subject after the cue at [k, end) where the
// language and the place allow it ("…,” said Lavrov", "sa han at …").
func (x *extractor) invertedSubject(k, end, lo, hi int, p *phrase) (np, bool) {
	if !x.inversionOK(k, lo) || p.flags&fObj != 0 {
		return np{}, false
	}
	var n np
	var ok bool
	if k > lo && (x.isMark(k-1, ",") || x.closeMarkAt(int(x.toks[k-1].s))) {
		// "…, mener den meritterte alpinisten": an attribution is due
		n, ok = x.describedSubjectAfter(end, hi)
	} else {
		n, ok = x.subjectAfter(end, hi)
	}
	if !ok || n.kind == npFirst || !x.inversionTailOK(n.t1, hi) {
		return np{}, false
	}
	return n, true
}

// inversionTailOK reports whether what follows an inverted subject suits
// an attribution ("…, said Lavrov.", "…, said Lavrov on Monday"): in a
// language without verb-second order a verb after the subject means the
// words were no subject ("said Supermarkets General is facing …").
func (x *extractor) inversionTailOK(k, hi int) bool {
	if x.r.verbSecond || k >= hi {
		return true
	}
	t := x.toks[k]
	if t.is(tPunct) {
		return true
	}
	w := x.tokLow(k)
	return x.r.noClause.has(w) || x.r.adverbs.byFirst[w] != nil || x.r.comps.has(w)
}

// mainSubject returns the subject at the start of sentence si when it is
// a name, a pronoun or a role noun.
func (x *extractor) mainSubject(si int) (np, bool) {
	sn := x.sents[si]
	n, ok := x.subjectAfter(sn.t0, sn.t1)
	if !ok || n.kind == npFirst {
		return np{}, false
	}
	return n, true
}

// objectAfter skips the addressee of "told": "reporters", "Sputnik", "RIA
// Novosti", "the BBC". It returns the token after it.
func (x *extractor) objectAfter(k, hi int) int {
	if k >= hi || !x.toks[k].is(tWord) || x.toks[k].q >= 0 {
		return k
	}
	w := x.tokLow(k)
	if x.r.comps.has(w) {
		return k
	}
	j := k
	if x.r.dets.has(w) {
		j++
	}
	start := j
	for j < hi && j-start < 4 && x.toks[j].is(tWord) && x.toks[j].q < 0 {
		if x.toks[j].is(tCap) || j == start {
			if j > start && !x.toks[j].is(tCap) {
				break
			}
			if x.r.comps.has(x.tokLow(j)) {
				break
			}
			// a pronoun addressee: "told him"
			j++
			if !x.toks[j-1].is(tCap) {
				break
			}
			continue
		}
		break
	}
	return j
}

// decide works out, for each attribution of a sentence, whether it
// trails what was said, introduces a quotation, or reports a clause, and
// sets its content.
func (x *extractor) decide(si int, atts []*attrib) {
	sn := x.sents[si]
	toks := x.toks
	n := sn.t1 - sn.t0
	if cap(x.claimed) < n {
		x.claimed = make([]bool, n)
	}
	claimed := x.claimed[:n]
	clear(claimed)
	claim := func(a, b int) {
		for k := a; k < b; k++ {
			if k >= sn.t0 && k < sn.t1 {
				claimed[k-sn.t0] = true
			}
		}
	}
	isClaimed := func(k int) bool { return k >= sn.t0 && k < sn.t1 && claimed[k-sn.t0] }
	end := x.contentEnd(sn.t0, sn.t1) // last content token + 1, final punctuation left out
	start := x.datelineEnd(si)        // after "MOSCOW (Sputnik) -", "(MENAFN)"

	// 1. "according to X"
	for _, a := range atts {
		if !a.according {
			continue
		}
		a.rule, a.conf = "according-to", 0.85
		switch {
		case a.c0 == sn.t0 || x.onlyConnectivesBefore(sn.t0, a.c0):
			cs := a.g1
			// a verb-second clause opens with its finite verb, past a
			// phrase that completes the source: "Ifølge kilder i partiet
			// [vil hun gå av]"
			if x.r.verbSecond && cs < sn.t1 && x.isPrepTok(cs) && !x.toks[cs].is(tCap) {
				for m := cs + 1; m < sn.t1 && m <= cs+4; m++ {
					if !x.toks[m].is(tWord) || x.toks[m].q >= 0 {
						break
					}
					if x.r.finite.has(x.tokLow(m)) {
						cs = m
						break
					}
				}
			}
			if x.isMark(cs, ",") {
				cs++
				// "Ifølge Haugesund avis, som omtalte saken lørdag, er …"
				if cs < sn.t1 && x.r.relatives.has(x.tokLow(cs)) {
					for m := cs + 1; m < sn.t1 && m < cs+20; m++ {
						if x.isMark(m, ",") {
							cs = m + 1
							break
						}
					}
				}
			}
			a.cs, a.ce = x.byteSpan(cs, end)
		case x.isMark(a.c0-1, ",") && x.tailIsAdverbial(a.g1, sn.t1) && x.reportsAttribution(a, atts, start):
			// "…, Stafford said in the statement, according to the
			// reports": the reports relay Stafford's words
			a.relay = true
			a.rcs, a.rce = start, a.c0-1
			continue
		case x.isMark(a.c0-1, ",") && x.tailIsAdverbial(a.g1, sn.t1):
			a.cs, a.ce = x.byteSpan(start, a.c0-1)
		default:
			a.cs, a.ce = x.byteSpan(start, end)
		}
		claim(sn.t0, sn.t1)
	}
	// 2. trailing attributions: "…, the minister also said."
	prevEnd := start
	for _, a := range atts {
		if a.quotedAs && a.c1 >= end && x.boundaryBefore(a.qs0, sn.t0) {
			// "“…,” the newspaper quoted Shah as saying."
			ce := a.qs0 - 1
			if x.closeMarkAt(int(toks[ce].s)) {
				ce++
			}
			if ce > prevEnd && x.hasWord(prevEnd, ce) {
				a.trailing = true
				a.rule, a.conf = "trailing-cue", 0.8
				a.cs, a.ce = x.byteSpan(prevEnd, ce)
				claim(prevEnd, a.g1)
				prevEnd = a.g1
			}
			continue
		}
		if a.according || a.part {
			continue
		}
		if isClaimed(a.c0) {
			continue
		}
		if !x.boundaryBefore(a.g0, sn.t0) || !x.tailIsAttribution(a, sn.t1) {
			continue
		}
		cs := prevEnd
		// a parenthesis opening the sentence is no part of what was said:
		// "(nyti.ms/2AlKdmT) “It was …,” Burr told the Times."
		if cs == sn.t0 && x.isMark(cs, "(") {
			for m := cs + 1; m < a.g0 && m < cs+12; m++ {
				if x.isMark(m, ")") {
					cs = m + 1
					break
				}
			}
		}
		// ", Lavrov said, “…”" introduces the quotation after it unless
		// what stands before is itself a quotation
		if x.isMark(a.objEnd, ",", ":") && x.quoteOpensAt(a.objEnd+1) >= 0 && !x.hasQuote(cs, a.g0) {
			continue
		}
		ce := a.g0 - 1 // the comma, dash or closing mark before the group
		if x.closeMarkAt(int(toks[ce].s)) || toks[ce].q >= 0 {
			ce++ // keep the closing mark, or a comma inside an unclosed quotation
		} else if x.isMark(ce-1, ",") || x.isDashTok(ce) && x.isMark(ce-1, ",") {
			ce-- // "», — сказал он"
		}
		// "Last year, he said, paper production hit a record": an
		// attribution set off by commas inside the sentence after a short
		// opening phrase reports the whole sentence
		if x.isMark(a.objEnd, ",") && x.parenthetical(cs, ce, a.objEnd+1, end) {
			a.trailing = true
			a.rule, a.conf = "parenthetical-cue", 0.75
			a.cs, a.ce = x.byteSpan(cs, end)
			claim(cs, end)
			prevEnd = end
			continue
		}
		if ce <= cs || !x.hasWord(cs, ce) || !x.hasQuote(cs, ce) && x.wordCount(cs, ce) < 3 {
			continue
		}
		// a fronted content clause: "Men at artister har …, syntes hun"
		for m := cs; m < cs+2 && m < ce; m++ {
			if x.r.comps.has(x.tokLow(m)) && !x.toks[m].is(tCap) || x.r.comps.has(x.tokLow(m)) && m > cs {
				cs = m + 1
				break
			}
			if !x.isConj(m) && !x.r.notNames.has(x.tokLow(m)) {
				break
			}
		}
		// "…, Shah said on Thursday …, the newspaper reported": a medium
		// that reports an attributed statement is its relay, not its speaker
		if x.isMediumNP(a.subj) {
			inner := false
			for _, b := range atts {
				if b != a && b.hasSubj && !b.according && b.c0 >= cs && b.c1 <= ce && x.mayReport(b, sn.t1) {
					inner = true
				}
			}
			if inner {
				a.relay = true
				a.rcs, a.rce = cs, ce
				continue
			}
		}
		a.trailing = true
		a.rule, a.conf = "trailing-cue", 0.85
		a.cs, a.ce = x.byteSpan(cs, ce)
		claim(cs, a.g1)
		prevEnd = a.objEnd
	}
	// 3. leading attributions: "X said (that) …", participles
	for i, a := range atts {
		if a.according || a.trailing || a.relay {
			continue
		}
		if isClaimed(a.c0) {
			a.cs = -1
			a.hasSubj = a.hasSubj && false
			continue
		}
		j := a.objEnd
		for j < sn.t1 {
			if p, e2 := x.r.adverbs.match(x, toks, j); p != nil && e2 < sn.t1 && x.isMark(e2, ":") {
				j = e2 // "svarte Hagen bare:"
				continue
			}
			break
		}
		// "Cavaney said, however, he expects …": an adverb between commas
		if x.isMark(j, ",") && j+3 < sn.t1 && x.r.parens.has(x.tokLow(j+1)) && x.isMark(j+2, ",") {
			j += 3
		}
		// a lead-in: "Lavrov told reporters, “…”", "He said: «…»"
		if x.isMark(j, ":", ",") && j+1 < sn.t1 && x.quoteOpensAt(j+1) >= 0 {
			a.leadIn = true
			a.rule, a.conf = "lead-in", 0.9
			continue
		}
		if j < sn.t1 && x.quoteOpensAt(j) >= 0 && x.segFull(x.quoteOpensAt(j)) {
			a.leadIn = true
			a.rule, a.conf = "lead-in", 0.85
			continue
		}
		if x.isMark(j, ":") && j+1 >= sn.t1 {
			a.leadIn = true // the quotation follows in the next paragraph
			a.rule, a.conf = "lead-in", 0.85
			continue
		}
		cs := -1
		// "said on Twitter he suffered …": a clause opening with a
		// pronoun right after a short prepositional phrase
		if m := x.clauseAfterPhrase(j, sn.t1); m >= 0 && a.verb.flags&fBare != 0 {
			cs = m
			a.rule, a.conf = "reported-bare", 0.7
		}
		for m := j; cs < 0 && m < sn.t1 && m < j+12; m++ {
			if x.isMark(m, ",") && m+1 < sn.t1 && x.r.comps.has(x.tokLow(m+1)) {
				continue // "он сказал, что …"
			}
			if toks[m].q >= 0 || toks[m].is(tPunct) && !x.isMark(m, ".") {
				break
			}
			if x.r.comps.has(x.tokLow(m)) && !toks[m].is(tCap) {
				if m > j && x.isPrepTok(m-1) {
					// "etter at han ble ført ut": a subordinator of time,
					// no content clause
					break
				}
				if x.r.noClause.has(x.tokLow(m)) && !x.finiteSoon(m, sn.t1) {
					// "skriver om andre muslimer hun beskylder": "om" is
					// here a preposition, no "whether"
					break
				}
				cs = m + 1
				a.rule, a.conf = "reported-that", 0.8
				if a.verb.flags&fBare != 0 && a.verb.flags&fObj == 0 && x.clauseBefore(j, m) {
					// "mener Island nå må vise at de kan": the clause
					// opens right after the verb, the "at" is inside it
					cs = j
					a.rule, a.conf = "reported-bare", 0.7
				}
				break
			}
			if p2, _, _ := x.matchCue(m, sn.t0); m > j && p2 != nil {
				break // another cue: "bekrefter arrestasjonen og forteller at"
			}
		}
		if cs < 0 && j < sn.t1 {
			w := x.tokLow(j)
			switch {
			case toks[j].q >= 0:
				cs = j // a partial quotation opens the clause
				a.rule, a.conf = "reported-bare", 0.7
			case !toks[j].is(tWord) || x.r.noClause.has(w):
			case x.r.finite.has(w):
				// "et system hun mener er altfor firkantet": a relative
				// clause without its pronoun, no report
			case x.r.clauseOpen.has(w) && j+1 < sn.t1 && toks[j+1].is(tWord):
				cs = j
				a.rule, a.conf = "reported-bare", 0.75
			case a.verb.flags&fBare != 0:
				cs = j
				a.rule, a.conf = "reported-bare", 0.7
			case x.finiteSoon(j, sn.t1):
				// "predicts the company will earn …": a clause all the same
				cs = j
				a.rule, a.conf = "reported-bare", 0.65
			}
		}
		if cs < 0 || cs >= sn.t1 {
			continue
		}
		// "The Bowling Green Daily News … said Paul told police his
		// neighbor …": a medium reporting an attribution is its relay
		if x.isMediumNP(a.subj) {
			inner := false
			for _, b := range atts[i+1:] {
				if b.hasSubj && !b.according && !b.part && b.c0 >= cs && x.mayReport(b, sn.t1) {
					inner = true
					break
				}
			}
			if inner {
				a.relay = true
				a.rcs, a.rce = cs, end
				continue
			}
		}
		ce := end
		// the clause ends before a following participle or attribution,
		// or a new subject and cue after ", and" ("…, and Trump said …")
		for _, b := range atts[i+1:] {
			coord := b.hasSubj && !b.part && b.g0 > cs && b.g0 == b.subj.p0 && x.isConj(b.g0-1) && x.isMark(b.g0-2, ",", ";")
			// "sa at A, men påpeker at B", "said A and said B": a second
			// cue sharing the subject ends the first clause
			shared := b.hasSubj && !b.part && b.g0 == b.c0 && b.c0 > cs && x.isConj(b.c0-1) && b.subj.t1 <= a.c0 &&
				b.c1 < sn.t1 && !x.r.noClause.has(x.tokLow(b.c1)) // ("and add to …" reports nothing)
			coord = coord || shared
			// "etter at han hadde fortalt S at A, sa han til NRK at B": in a
			// verb-second language a cue with its subject after it, right
			// after a comma, opens the main clause the first one stood in
			inverted := x.r.verbSecond && b.hasSubj && !b.part && !b.according && b.g0 == b.c0 && b.c0 > cs &&
				x.isMark(b.c0-1, ",") && b.subj.t0 >= b.c1 && b.objEnd < sn.t1 && x.tokLow(b.objEnd) != ""
			coord = coord || inverted
			if b.g0 > cs && b.g0 <= ce && (b.part || b.trailing || b.according || b.relay || coord) {
				ce = b.g0
				for ce > cs && (x.isMark(ce-1, ",", ";", ":") || x.isConj(ce-1)) {
					ce--
				}
				break
			}
		}
		// ": «…»" at the end is a quotation the clause introduces
		for m := cs; m < ce; m++ {
			if x.isMark(m, ":") && m+1 < ce && toks[m+1].q >= 0 {
				ce = m
				break
			}
		}
		if ce <= cs || !x.hasWord(cs, ce) {
			continue
		}
		if a.part {
			a.rule = "participle"
		}
		a.cs, a.ce = x.byteSpan(cs, ce)
		claim(cs, ce)
	}
	// 4. a relay whose inner attributions report nothing is the speaker
	// after all ("…, including the panel’s chairman, the New York Times
	// reported"); else the inner ones get it as their medium
	for _, a := range atts {
		if !a.relay {
			continue
		}
		inner := false
		for _, b := range atts {
			if b != a && b.cs >= 0 && b.c0 >= a.rcs && b.c1 <= a.rce {
				inner = true
				if b.via == "" {
					b.via = x.mediumName(a.subj)
				}
			}
		}
		if !inner {
			a.relay, a.trailing = false, true
			a.rule, a.conf = "trailing-cue", 0.85
			a.cs, a.ce = x.byteSpan(a.rcs, a.rce)
		}
	}
}

// finiteSoon reports whether a finite verb of the language's
// [finite-markers] stands within four words of token j, before any mark:
// the words after a cue then open a clause, not an object.
func (x *extractor) finiteSoon(j, hi int) bool {
	for m := j + 1; m < hi && m <= j+4; m++ {
		if !x.toks[m].is(tWord) || x.toks[m].q >= 0 {
			return false
		}
		if x.r.finite.has(x.tokLow(m)) {
			return true
		}
	}
	return false
}

// mayReport reports whether attribution b can report a clause: a verb that
// takes one bare, or a complementizer soon after it.
func (x *extractor) mayReport(b *attrib, hi int) bool {
	if b.verb == nil {
		return false
	}
	if b.verb.flags&fBare != 0 {
		return true
	}
	for m := b.c1; m < hi && m < b.c1+10; m++ {
		if x.r.comps.has(x.tokLow(m)) {
			return true
		}
	}
	return false
}

// datelineEnd returns the first token after a dateline that opens
// sentence si when it opens its paragraph: "(MENAFN)", "MOSCOW (Sputnik)
// -", "NEW YORK/WASHINGTON (Reuters) -", "COMMACK, N.Y., Feb 26 -", "OSLO
// (NTB):". Without one it returns the sentence's first token.
func (x *extractor) datelineEnd(si int) int {
	sn := x.sents[si]
	if sn.t0 != x.paras[sn.para].t0 {
		return sn.t0
	}
	k := sn.t0
	if x.isMark(k, "(") {
		for j := k + 1; j < sn.t1 && j < k+6; j++ {
			if x.isMark(j, ")") {
				j++
				if x.isDashTok(j) || x.isMark(j, ":") {
					j++
				}
				return j
			}
		}
		return sn.t0
	}
	if !x.toks[k].is(tUpper) {
		return sn.t0
	}
	for j := k; j < sn.t1 && j < k+14; j++ {
		t := x.toks[j]
		if x.isDashTok(j) && t.is(tSpace) || x.isMark(j, ":") && j > k {
			return j + 1
		}
		if t.is(tWord) && !t.is(tCap) && !t.is(tDigit) {
			return sn.t0
		}
	}
	return sn.t0
}

// quoteOpensAt returns the kept segment whose opening mark is token k (or
// whose text starts at token k), or -1.
func (x *extractor) quoteOpensAt(k int) int {
	if k < 0 || k >= len(x.toks) {
		return -1
	}
	t := x.toks[k]
	if t.q >= 0 {
		if k == 0 || x.toks[k-1].q != t.q {
			return int(t.q)
		}
		return -1
	}
	if t.is(tPunct) && k+1 < len(x.toks) {
		if q := x.toks[k+1].q; q >= 0 && x.segs[q].open == int(t.s) {
			return int(q)
		}
	}
	return -1
}

// segFull reports whether segment q reads as a whole utterance: it begins
// with a capital letter or a digit.
func (x *extractor) segFull(q int) bool {
	r, _ := runeAt(x.text, x.segs[q].s)
	return isUpperRune(r) || (r >= '0' && r <= '9') || r == '.' || r == '…'
}

// onlyConnectivesBefore reports whether tokens [a, b) are only punctuation
// or connectives ("But", "Men").
func (x *extractor) onlyConnectivesBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].is(tWord) && !x.r.notNames.has(x.tokLow(k)) {
			return false
		}
	}
	return true
}

// tailIsAdverbial reports whether tokens [k, hi) after an "according to X"
// phrase hold no clause of their own.
func (x *extractor) tailIsAdverbial(k, hi int) bool {
	for m := k; m < hi; m++ {
		if x.toks[m].q >= 0 || x.r.comps.has(x.tokLow(m)) {
			return false
		}
		if p, _, acc := x.matchCue(m, k); p != nil && !acc && p.flags&fPart == 0 {
			return false
		}
	}
	return true
}

// tailIsAttribution reports whether what follows the attribution group
// belongs to it (an addressee, adverbials, a relay, a participle after a
// comma) rather than being a clause it introduces.
func (x *extractor) tailIsAttribution(a *attrib, hi int) bool {
	k := a.objEnd
	if k >= hi {
		return true
	}
	t := x.toks[k]
	if t.is(tPunct) {
		// "he said: …" leads in; "он сказал, что …" reports a clause
		return !x.isMark(k, ":") && !(x.isMark(k, ",") && k+1 < hi && x.r.comps.has(x.tokLow(k+1)))
	}
	w := x.tokLow(k)
	if t.q >= 0 || x.r.comps.has(w) || x.r.clauseOpen.has(w) && !x.r.noClause.has(w) {
		return false
	}
	// an object would follow a transitive verb ("underlined a shared
	// goal"), a clause its addressee ("told the BBC this will mean …");
	// "agreed to …" is no attribution
	if x.r.infMarks.has(w) && k == a.c1 {
		return false
	}
	if adv, _ := x.r.adverbs.match(x, x.toks, k); !x.r.noClause.has(w) && adv == nil && !a.according && (k == a.c1 || a.verb != nil && a.verb.flags&fObj != 0 && a.objEnd > a.g1) {
		return false
	}
	n := 0
	for m := k; m < hi; m++ {
		if x.isMark(m, ":") {
			return false // a lead-in: "svarte Hagen bare:"
		}
		if x.isMark(m, ",", ";") || x.toks[m].q >= 0 {
			break
		}
		if x.r.comps.has(x.tokLow(m)) && !x.toks[m].is(tCap) {
			return false
		}
		n++
	}
	return n <= 15
}

// contentEnd returns the token after the last content token of [a, b):
// sentence-final punctuation is left out, a closing quotation mark kept.
func (x *extractor) contentEnd(a, b int) int {
	e := b
	for e > a {
		k := e - 1
		if !x.toks[k].is(tPunct) {
			break
		}
		if x.closeMarkAt(int(x.toks[k].s)) {
			break
		}
		c, _ := runeAt(x.text, int(x.toks[k].s))
		if isSentenceEndRune(c) || c == ',' || c == ';' || c == ':' {
			e--
			continue
		}
		break
	}
	return e
}

// byteSpan returns the bytes of tokens [a, b), or -1, -1 when empty.
func (x *extractor) byteSpan(a, b int) (int, int) {
	for b > a && x.isMark(b-1, ",", ";", ":") && x.toks[b-1].q < 0 {
		b--
	}
	if b <= a {
		return -1, -1
	}
	s, e := int(x.toks[a].s), int(x.toks[b-1].e)
	// a content that starts inside a quotation starts at its text: the
	// opening mark is not a token of the quotation.
	return s, e
}

func (x *extractor) wordCount(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if x.toks[k].is(tWord) {
			n++
		}
	}
	return n
}

// hasQuote reports whether a kept segment starts among tokens [a, b).
func (x *extractor) hasQuote(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].q >= 0 {
			return true
		}
	}
	return false
}

func (x *extractor) hasWord(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].is(tWord) {
			return true
		}
	}
	return false
}

func isUpperRune(r rune) bool {
	return r != 0 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}
