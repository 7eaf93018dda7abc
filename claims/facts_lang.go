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
	lex  map[string]*fxLexicon

	decimal, group string

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

// lexSections are the sections compiled into lexicons; the rest are read
// directly.
var fxLexSections = []string{
	"cardinal", "multiplier", "plural", "ordinal", "ordinal-suffix", "comparator",
	"range-open", "range-join", "none", "determiner",
	"month", "weekday", "deixis", "preposition", "day-suffix", "relative", "season",
	"vague", "future", "past", "past-weak", "reporting", "ago-unit", "ago-after", "ago-before",
	"event", "attribute", "counted", "next", "last", "negation", "denial", "locative",
	"change", "clause-break", "anaphor", "not-place", "ago-lead", "past-suffix", "venue", "coordinator", "bound",
}

var (
	fxFactLangMu   sync.Mutex
	fxFactLangs    = map[string]*fxFactLang{}
	fxConceptsOnce sync.Once
	fxConceptTable map[string]*fxConceptInfo
	fxGrowingAttrs map[string]bool
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
	fl := &fxFactLang{code: p.Code, lex: map[string]*fxLexicon{}, seasons: map[int][2]int{}, fxConcepts: fxConcepts()}
	for _, sec := range fxLexSections {
		l := fxNewLexicon()
		for _, e := range p.Entries(sec) {
			cs := fxCaseAny
			if fxHasFlag(e.Flags, "cap") {
				cs = fxCaseCap
			}
			l.add(e.Text, e.Flags, 0, cs)
		}
		fl.lex[sec] = l
	}
	for id, e := range fl.lex["season"].entries {
		if len(e.flags) >= 2 {
			a, _ := strconv.Atoi(e.flags[0])
			b, _ := strconv.Atoi(e.flags[1])
			fl.seasons[id] = [2]int{a, b}
		}
	}
	if es := p.Entries("decimal"); len(es) > 0 {
		fl.decimal = es[0].Text
	}
	if es := p.Entries("group"); len(es) > 0 {
		fl.group = es[0].Text
	}
	fxFactLangs[code] = fl
	return fl
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
func (fl *fxFactLang) match(sec, text string, toks []fxTok, i int) (*fxLexEntry, int) {
	l := fl.lex[sec]
	id, n := l.match(text, toks, i)
	if id < 0 {
		return nil, 0
	}
	return &l.entries[id], n
}

// is reports whether a phrase of the section starts at toks[i].
func (fl *fxFactLang) is(sec, text string, toks []fxTok, i int) bool {
	return fl.lex[sec].has(text, toks, i)
}
