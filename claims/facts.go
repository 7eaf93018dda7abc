package claims

import (
	"sort"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// Fact is one normalised fact inside an article: a number, a date or a
// place stated about an event, with the words that state it. It is
// JSON-serialisable; the store keeps it as JSON plus columns.
//
// Identity of the event (what "the same event" means, see Compare): the
// concept (Event), its participants (talks: who talks with whom), its
// instance (Ordinal/OrdinalTo, Next), its place and its time (When). The
// EventKey string sums these up for indexing and display:
//
//	concept "|" participants "|" instance
//
// where participants are canonical names joined by "+" (sorted), or the
// place for concepts told by place ("earthquake|Japan|1987-03-18"), and
// instance is "round=3", "rounds=1-2", "next", "last", a date, or "".
type Fact struct {
	Statement int    `json:"statement"` // index into the article's statements; -1 when outside every statement (a title)
	Attribute string `json:"attribute"` // count, date, place, deaths, injuries, magnitude, arrests, votes, homeless, missing, trapped
	Event     string `json:"event"`     // concept of the multilingual lexicon: talks, earthquake, attack, …; "" when none
	Subject   string `json:"subject"`   // the event in English words: "Russia–US talks, round 3"
	EventKey  string `json:"event_key"` // see the type comment
	Value     string `json:"value"`     // SPEC value: "2", ">=3", "~150", "5-7", ISO date, YYYY-MM, "start/end", a place name
	Vague     bool   `json:"vague"`
	Negated   bool   `json:"negated"` // stated under a negation or denial ("no talks were held", "denied that")
	Start     int    `json:"start"`   // byte span of the fact's words in the article text
	End       int    `json:"end"`
	Text      string `json:"text"` // text[Start:End]

	Participants []string `json:"participants,omitempty"` // canonical names of who takes part
	// ParticipantsInferred: the sentence names fewer than two, so the
	// article's two most named actors stand in.
	ParticipantsInferred bool   `json:"participants_inferred,omitempty"`
	Place                string `json:"place,omitempty"`        // where the event is, canonical (or as written for a place the gazetteer lacks)
	Country              string `json:"country,omitempty"`      // the country of Place
	Ordinal              int    `json:"ordinal,omitempty"`      // the instance: 3 for "the third round"
	OrdinalTo            int    `json:"ordinal_to,omitempty"`   // with Ordinal: a run of instances ("two rounds … in the spring" = 1–2)
	Next                 bool   `json:"next,omitempty"`         // the next instance, its number unknown
	When                 string `json:"when,omitempty"`         // the event's time as the article gives it (SPEC date value)
	WhenImplied          bool   `json:"when_implied,omitempty"` // When is the publication date: the text names no time
	WhenLoose            bool   `json:"when_loose,omitempty"`   // with WhenImplied: a known event ("the earthquake"), When reaches 30 days back
	Tense                string `json:"tense,omitempty"`        // past, future or "" as the clause reads
	Unit                 string `json:"unit,omitempty"`         // the counted noun ("soldiers", "people")
	Group                bool   `json:"group,omitempty"`        // the figure is about several events ("four quakes measuring up to 4.5")
	Derived              bool   `json:"derived,omitempty"`      // implied, not stated: "a third round" → at least 2 held
	Precision            string `json:"precision,omitempty"`    // of a date: day, week, month, season, year, interval, vague
	YearGuessed          bool   `json:"year_guessed,omitempty"` // a date without its year that could be the year before or after
	Previous             string `json:"previous,omitempty"`     // "rose from 85 to 150": the earlier figure the text gives

	// Context is the sentence (or title) that holds a fact outside every
	// statement, so that it can be cited in words, not as a bare "This
	// Fall"; ContextStart/ContextEnd are its byte span. Empty when
	// Statement >= 0: the statement is the context.
	Context      string `json:"context,omitempty"`
	ContextStart int    `json:"context_start,omitempty"`
	ContextEnd   int    `json:"context_end,omitempty"`

	groupList int  // while extracting: the size of the date list this date stands in
	last      bool // while extracting: "the last round", its number not yet known
}

// abbrevSets caches the extraction data's abbreviations per language.
var (
	fxAbbrevMu   sync.Mutex
	fxAbbrevSets = map[string]map[string]bool{}
)

// abbreviations returns the words after which a period does not end a
// sentence, from the extraction data (claims/lang/<code>/sentences.txt).
func fxAbbreviations(code string) map[string]bool {
	fxAbbrevMu.Lock()
	defer fxAbbrevMu.Unlock()
	if s, ok := fxAbbrevSets[code]; ok {
		return s
	}
	s := map[string]bool{}
	if p, ok := lang.Get(code); ok {
		for _, w := range p.Words("abbreviations") {
			s[strings.TrimSuffix(fxLower(w), ".")] = true
		}
	}
	if fl := fxGetFactLang(code); fl != nil {
		for _, e := range fl.lex[fxLMonth].entries {
			s[e.toks[0]] = true
		}
	}
	fxAbbrevSets[code] = s
	return s
}

// sentencesOf splits tokens into sentences: a line break always ends one;
// ".", "!" and "?" (maybe followed by a closing quotation mark) end one
// before a capitalised word, a digit or an opening mark, unless the word
// before the period is an abbreviation or a single capital (an initial).
// Returned as token ranges [a, b).
func fxSentencesOf(text string, toks []fxTok, abbr map[string]bool, out [][2]int) [][2]int {
	a := 0
	for k := 1; k <= len(toks); k++ {
		if k == len(toks) {
			if a < k {
				out = append(out, [2]int{a, k})
			}
			break
		}
		t := toks[k]
		boundary := t.nl
		if !boundary && t.sp {
			p := k - 1
			if toks[p].kind == fxTPunct && fxIsCloseQuote(toks[p].low) && p > a {
				p--
			}
			if pt := toks[p].low; toks[p].kind == fxTPunct && (pt == "." || pt == "!" || pt == "?" || pt == "…") {
				if t.cap || t.kind == fxTNum || fxIsOpenMark(t.low) {
					boundary = true
					if pt == "." && p > a {
						w := toks[p-1]
						if w.kind == fxTWord && !toks[p].sp && (abbr[w.low] || (len(w.low) == 1 && w.cap)) {
							boundary = false
						}
					}
				}
			}
		}
		if boundary {
			if a < k {
				out = append(out, [2]int{a, k})
			}
			a = k
		}
	}
	return out
}

func fxIsCloseQuote(s string) bool {
	switch s {
	case "\"", "”", "»", "’", "'", "“":
		return true
	}
	return false
}

func fxIsOpenMark(s string) bool {
	switch s {
	case "\"", "“", "«", "„", "‘", "'", "–", "—", "-", "(":
		return true
	}
	return false
}

// ExtractFacts finds the normalised facts of an article: counts, dates,
// places and casualty or magnitude figures about the events the article
// tells, each resolved against the article's publication date and linked
// to the statement that holds it (Statement is -1 when none does, as in a
// title). Facts come in text order. Languages without facts data yield
// none. It never fails: text it cannot read gives fewer facts.
func ExtractFacts(doc Doc, stmts []Statement) []Fact {
	fl := fxGetFactLang(doc.Lang)
	if fl == nil || len(doc.Text) == 0 {
		return nil
	}
	text := doc.Text
	// segments: the title, then the body without the title and boilerplate
	type seg struct {
		s, e  int
		title bool
	}
	var segs []seg
	ts := doc.TitleSpan
	if ts.End > ts.Start && ts.Start >= 0 && ts.End <= len(text) {
		segs = append(segs, seg{ts.Start, ts.End, true})
	}
	body := doc.Body
	if body.End <= body.Start || body.End > len(text) || body.Start < 0 {
		body.Start, body.End = 0, len(text)
	}
	cuts := make([][2]int, 0, len(doc.Boilerplate)+1)
	if ts.End > ts.Start {
		cuts = append(cuts, [2]int{ts.Start, ts.End})
	}
	for _, b := range doc.Boilerplate {
		cuts = append(cuts, [2]int{b.Start, b.End})
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i][0] < cuts[j][0] })
	pos := body.Start
	for _, c := range cuts {
		if c[1] <= pos || c[0] >= body.End {
			continue
		}
		if c[0] > pos {
			segs = append(segs, seg{pos, c[0], false})
		}
		if c[1] > pos {
			pos = c[1]
		}
	}
	if pos < body.End {
		segs = append(segs, seg{pos, body.End, false})
	}

	abbr := fxAbbreviations(fl.code)
	buf := fxTokPool.Get().(*[]fxTok)
	defer func() {
		if cap(*buf) <= 1<<16 {
			fxTokPool.Put(buf)
		}
	}()
	toks := (*buf)[:0]
	var sents []fxSent
	var ranges [][2]int
	for _, sg := range segs {
		k0 := len(toks)
		toks = fxTokenize(text, sg.s, sg.e, toks)
		if len(toks) > k0 {
			toks[k0].nl = true
		}
		ranges = fxSentencesOf(text, toks[k0:], abbr, ranges[:0])
		for _, r := range ranges {
			// a run-on "sentence" (a table, a list) is cut into pieces so
			// that the work per sentence stays bounded: linear in the text
			for a := r[0]; a < r[1]; a += fxMaxSentenceTokens {
				sents = append(sents, fxSent{idx: len(sents), a: k0 + a, b: k0 + min(r[1], a+fxMaxSentenceTokens), title: sg.title})
			}
		}
	}
	*buf = toks
	fl.maskTokens(toks)
	a := fxNewAnalysis(fl, doc, toks, sents)
	facts := a.run()
	for i := range facts {
		facts[i].Statement = fxStatementOf(stmts, facts[i].Start, facts[i].End)
		facts[i].Text = text[facts[i].Start:facts[i].End]
	}
	sort.SliceStable(facts, func(i, j int) bool {
		if facts[i].Start != facts[j].Start {
			return facts[i].Start < facts[j].Start
		}
		return facts[i].End < facts[j].End
	})
	fxSetContexts(text, toks, sents, facts)
	return facts
}

// fxSetContexts gives every fact outside all statements the sentence that
// holds it (facts in text order).
func fxSetContexts(text string, toks []fxTok, sents []fxSent, facts []Fact) {
	spans := make([][2]int, 0, len(sents))
	for _, st := range sents {
		if st.b > st.a {
			spans = append(spans, [2]int{toks[st.a].s, toks[st.b-1].e})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	k := 0
	for i := range facts {
		f := &facts[i]
		if f.Statement >= 0 {
			continue
		}
		for k+1 < len(spans) && spans[k+1][0] <= f.Start {
			k++
		}
		if k < len(spans) && spans[k][0] <= f.Start && f.End <= spans[k][1] {
			f.ContextStart, f.ContextEnd = spans[k][0], spans[k][1]
			f.Context = text[f.ContextStart:f.ContextEnd]
		}
	}
}

// fxMaxSentenceTokens bounds a sentence for fact extraction.
const fxMaxSentenceTokens = 160

// fxTokPool keeps token buffers between articles.
var fxTokPool = sync.Pool{New: func() any { b := make([]fxTok, 0, 512); return &b }}

// fxStatementOf returns the index of the smallest statement that contains
// the span, else the smallest that overlaps it, else -1.
func fxStatementOf(stmts []Statement, s, e int) int {
	best, bestLen := -1, 0
	for i, st := range stmts {
		if st.Start <= s && e <= st.End {
			if l := st.End - st.Start; best < 0 || l < bestLen {
				best, bestLen = i, l
			}
		}
	}
	if best >= 0 {
		return best
	}
	for i, st := range stmts {
		if st.Start < e && s < st.End {
			if l := st.End - st.Start; best < 0 || l < bestLen {
				best, bestLen = i, l
			}
		}
	}
	return best
}
