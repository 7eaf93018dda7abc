package claims

import (
	"strconv"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// factLang is the compiled facts data of one language (claims/lang/<code>/
// numbers.txt, dates.txt, events.txt): one lexicon per section, built once.
type fxFactLang struct {
	code string
	lex  [fxLexCount]*fxLexicon

	decimal, group string
	groupSpace     bool // digit groups may stand apart by a space ("1 200")

	// masks: first word of any phrase → bits of the lexicons it starts
	masks map[string]uint64
	// bits of the lexicons a time expression or a number may start with
	dateStart, numStart uint64
	// compound cardinals ("tjuefem"): tens words and unit words
	tens  []fxLexEntry
	units map[string]int

	// parsed section payloads
	seasons    map[int][2]int // lexicon entry → first/last month
	fxConcepts map[string]*fxConceptInfo
}

// conceptInfo is one concept of the inventory (en/events.txt [concept]).
type fxConceptInfo struct {
	name    string
	byPlace bool // identity by place and time; else by participants
	label   string
	unit    string
	attrs   map[string]bool
}

// Lexicon sections of a language's facts data, by index into fxFactLang.lex.
const (
	fxLCardinal        = iota // [cardinal]
	fxLMultiplier             // [multiplier]
	fxLPlural                 // [plural]
	fxLOrdinal                // [ordinal]
	fxLOrdinalSuffix          // [ordinal-suffix]
	fxLComparator             // [comparator]
	fxLRangeOpen              // [range-open]
	fxLRangeJoin              // [range-join]
	fxLNone                   // [none]
	fxLDeterminer             // [determiner]
	fxLMonth                  // [month]
	fxLWeekday                // [weekday]
	fxLDeixis                 // [deixis]
	fxLPreposition            // [preposition]
	fxLDaySuffix              // [day-suffix]
	fxLRelative               // [relative]
	fxLSeason                 // [season]
	fxLVague                  // [vague]
	fxLFuture                 // [future]
	fxLPast                   // [past]
	fxLPastWeak               // [past-weak]
	fxLReporting              // [reporting]
	fxLAgoUnit                // [ago-unit]
	fxLAgoAfter               // [ago-after]
	fxLAgoBefore              // [ago-before]
	fxLEvent                  // [event]
	fxLAttribute              // [attribute]
	fxLCounted                // [counted]
	fxLNext                   // [next]
	fxLLast                   // [last]
	fxLNegation               // [negation]
	fxLDenial                 // [denial]
	fxLLocative               // [locative]
	fxLChange                 // [change]
	fxLClauseBreak            // [clause-break]
	fxLAnaphor                // [anaphor]
	fxLNotPlace               // [not-place]
	fxLAgoLead                // [ago-lead]
	fxLPastSuffix             // [past-suffix]
	fxLVenue                  // [venue]
	fxLCoordinator            // [coordinator]
	fxLBound                  // [bound]
	fxLPluralSuffix           // [plural-suffix]
	fxLDefinite               // [definite]
	fxLIndefinite             // [indefinite]
	fxLHedge                  // [hedge]
	fxLNotCount               // [not-count]
	fxLRelativePronoun        // [relative-pronoun]
	fxLMonthYear              // [month-year]
	fxLexCount
)

// Bits of fxTok.mask for the shared gazetteer (above every section's bit).
const (
	fxBitGazName uint64 = 1 << 62
	fxBitGazAdj  uint64 = 1 << 63
)

// fxLexSections names the sections, in the order of the constants.
var fxLexSections = [fxLexCount]string{
	"cardinal",
	"multiplier",
	"plural",
	"ordinal",
	"ordinal-suffix",
	"comparator",
	"range-open",
	"range-join",
	"none",
	"determiner",
	"month",
	"weekday",
	"deixis",
	"preposition",
	"day-suffix",
	"relative",
	"season",
	"vague",
	"future",
	"past",
	"past-weak",
	"reporting",
	"ago-unit",
	"ago-after",
	"ago-before",
	"event",
	"attribute",
	"counted",
	"next",
	"last",
	"negation",
	"denial",
	"locative",
	"change",
	"clause-break",
	"anaphor",
	"not-place",
	"ago-lead",
	"past-suffix",
	"venue",
	"coordinator",
	"bound",
	"plural-suffix",
	"definite",
	"indefinite",
	"hedge",
	"not-count",
	"relative-pronoun",
	"month-year",
}

var (
	fxFactLangMu   sync.Mutex
	fxFactLangs    = map[string]*fxFactLang{}
	fxConceptsOnce sync.Once
	fxConceptTable map[string]*fxConceptInfo
	fxGrowingAttrs map[string]bool
	fxLooseAttrs   map[string]bool   // attributes that may agree, never contradict
	fxUnitOf       map[string]string // counted group → the broader group it is part of ("miners" → "workers")
)

// concepts returns the concept inventory, read from the English events file.
func fxConcepts() map[string]*fxConceptInfo {
	fxConceptsOnce.Do(func() {
		fxConceptTable = map[string]*fxConceptInfo{}
		fxGrowingAttrs = map[string]bool{}
		p, ok := lang.Facts("en")
		if !ok {
			return
		}
		for _, e := range p.Entries("concept") {
			c := &fxConceptInfo{name: e.Text, label: e.Text, attrs: map[string]bool{}}
			for _, f := range e.Flags {
				k, v, _ := strings.Cut(f, "=")
				switch k {
				case "id":
					c.byPlace = v == "place"
				case "label":
					c.label = strings.ReplaceAll(v, "_", " ")
				case "unit":
					c.unit = v
				case "attrs":
					for _, a := range strings.Split(v, ",") {
						c.attrs[a] = true
					}
				}
			}
			fxConceptTable[c.name] = c
		}
		for _, e := range p.Entries("growing") {
			fxGrowingAttrs[e.Text] = true
		}
		fxLooseAttrs = map[string]bool{}
		for _, e := range p.Entries("loose") {
			fxLooseAttrs[e.Text] = true
		}
		fxUnitOf = map[string]string{}
		for _, e := range p.Entries("counted") {
			for _, f := range e.Flags {
				if k, v, ok := strings.Cut(f, "="); ok && k == "of" {
					fxUnitOf[fxCountedName(e.Text, e.Flags)] = strings.ReplaceAll(v, "_", " ")
				}
			}
		}
	})
	return fxConceptTable
}

// getFactLang compiles (once) and returns the facts data of a language, or
// nil when the language has none.
func fxGetFactLang(code string) *fxFactLang {
	fxFactLangMu.Lock()
	defer fxFactLangMu.Unlock()
	if fl, ok := fxFactLangs[code]; ok {
		return fl
	}
	p, ok := lang.Facts(code)
	if !ok {
		fxFactLangs[code] = nil
		return nil
	}
	fl := &fxFactLang{code: p.Code, seasons: map[int][2]int{}, fxConcepts: fxConcepts()}
	fl.masks = map[string]uint64{}
	fl.units = map[string]int{}
	for si, sec := range fxLexSections {
		l := fxNewLexicon()
		for _, e := range p.Entries(sec) {
			cs := fxCaseAny
			if fxHasFlag(e.Flags, "cap") {
				cs = fxCaseCap
			}
			l.add(e.Text, e.Flags, 0, cs)
		}
		l.bit = 1 << uint(si)
		for w := range l.first {
			fl.masks[w] |= l.bit
		}
		fl.lex[si] = l
	}
	// gazetteer names and adjectives: two more bits, so that one look-up
	// per token serves every lexicon
	g := fxGetGazetteer()
	for w := range g.names.first {
		fl.masks[w] |= fxBitGazName
	}
	for w := range g.adjs.first {
		fl.masks[w] |= fxBitGazAdj
	}
	for _, sec := range []int{fxLDeixis, fxLSeason, fxLVague, fxLRelative, fxLWeekday, fxLMonth, fxLPreposition, fxLAgoLead, fxLAgoBefore, fxLCardinal} {
		fl.dateStart |= fl.lex[sec].bit
	}
	for _, sec := range []int{fxLCardinal, fxLPlural, fxLOrdinal, fxLComparator, fxLRangeOpen} {
		fl.numStart |= fl.lex[sec].bit
	}
	compound := len(p.Entries("compound")) > 0
	for _, e := range fl.lex[fxLCardinal].entries {
		if len(e.toks) != 1 || !compound {
			continue
		}
		switch {
		case e.ival >= 20 && e.ival < 100 && e.ival%10 == 0:
			fl.tens = append(fl.tens, e)
		case e.ival > 0 && e.ival < 10:
			fl.units[e.toks[0]] = e.ival
		}
	}
	for id, e := range fl.lex[fxLSeason].entries {
		if len(e.flags) >= 2 {
			a, _ := strconv.Atoi(e.flags[0])
			b, _ := strconv.Atoi(e.flags[1])
			fl.seasons[id] = [2]int{a, b}
		}
	}
	if es := p.Entries("decimal"); len(es) > 0 {
		fl.decimal = es[0].Text
	}
	for _, e := range p.Entries("group") {
		if e.Text == "space" {
			fl.groupSpace = true // "1 200": digit groups apart by a space
		} else if fl.group == "" {
			fl.group = e.Text
		}
	}
	fxFactLangs[code] = fl
	return fl
}

// maskTokens marks every token with the lexicons that have a phrase
// starting with it (see fxTok.mask); English genitives count for their stem.
func (fl *fxFactLang) maskTokens(toks []fxTok) {
	for i := range toks {
		t := &toks[i]
		m := fl.masks[t.low]
		if stem, ok := fxGenitiveStem(t.low); ok {
			m |= fl.masks[stem]
		}
		t.mask, t.masked = m, true
	}
}

// genitives returns the genitive endings of a language ([genitive]).
func (fl *fxFactLang) genitives() []string {
	p, _ := lang.Facts(fl.code)
	var out []string
	for _, e := range p.Entries("genitive") {
		out = append(out, e.Text)
	}
	return out
}

func fxHasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// fxCountedName is the canonical (English) name of a counted group: the
// entry's plain flag when it has one ("soldater | soldiers"), else the
// entry's last word, so that "26 soldater" and "26 soldiers" count the same.
func fxCountedName(text string, flags []string) string {
	for _, f := range flags {
		if f != "" && f != "generic" && f != "cap" && !strings.Contains(f, "=") {
			return strings.ReplaceAll(f, "_", " ")
		}
	}
	ws := strings.Fields(text)
	if len(ws) == 0 {
		return text
	}
	return ws[len(ws)-1]
}

// fxUnitPart reports whether counted group a is part of group b as the
// data tells ("miners" of "workers").
func fxUnitPart(a, b string) bool {
	fxConcepts()
	return a != "" && b != "" && fxUnitOf[a] == b
}

// flagInt returns the first flag as an integer (0 when absent or not a number).
func fxFlagInt(flags []string) int {
	if len(flags) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(flags[0])
	return n
}

// flag0 returns the first flag or "".
func fxFlag0(flags []string) string {
	if len(flags) == 0 {
		return ""
	}
	return flags[0]
}

// match looks a section's phrase up at toks[i].
func (fl *fxFactLang) match(sec int, text string, toks []fxTok, i int) (*fxLexEntry, int) {
	l := fl.lex[sec]
	id, n := l.match(text, toks, i)
	if id < 0 {
		return nil, 0
	}
	return &l.entries[id], n
}

// is reports whether a phrase of the section starts at toks[i].
func (fl *fxFactLang) is(sec int, text string, toks []fxTok, i int) bool {
	return fl.lex[sec].has(text, toks, i)
}
