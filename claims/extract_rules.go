package claims

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// This file compiles a language pack (claims/lang) into the lookup
// structures extraction uses. Compiled rules are cached per language.

// Phrase flags (from the data files' "| flags").
const (
	fBare uint32 = 1 << iota
	fObj
	fPart
	fMale
	fFemale
	fInterview
	fDoc
)

var flagNames = map[string]uint32{
	"bare": fBare, "obj": fObj, "part": fPart, "male": fMale, "female": fFemale,
	"interview": fInterview, "doc": fDoc,
}

// phrase is a data entry split into the words the tokenizer would make.
type phrase struct {
	words []string
	text  string
	flags uint32
}

// phraseSet matches multi-word entries at a token position, longest first.
type phraseSet struct {
	byFirst map[string][]*phrase
	exact   bool // compare the text as written, not lower-cased
}

func newPhraseSet(exact bool) *phraseSet {
	return &phraseSet{byFirst: map[string][]*phrase{}, exact: exact}
}

// phraseWords splits an entry the way tokenize splits text.
func phraseWords(s string) []string {
	toks := tokenize(nil, s, 0, len(s))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = s[t.s:t.e]
	}
	return out
}

func (ps *phraseSet) add(text string, flags uint32) {
	src := text
	if !ps.exact {
		src = lowerSame(text)
	}
	w := phraseWords(src)
	if len(w) == 0 {
		return
	}
	p := &phrase{words: w, text: text, flags: flags}
	list := ps.byFirst[w[0]]
	// keep longest first
	i := 0
	for i < len(list) && len(list[i].words) >= len(w) {
		i++
	}
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = p
	ps.byFirst[w[0]] = list
}

func (ps *phraseSet) has(word string) bool {
	if ps == nil {
		return false
	}
	for _, p := range ps.byFirst[word] {
		if len(p.words) == 1 {
			return true
		}
	}
	return false
}

// match returns the longest phrase starting at token i whose tokens are
// consecutive (no token skipped), and the index after it; nil when none.
func (ps *phraseSet) match(x *extractor, toks []token, i int) (*phrase, int) {
	if ps == nil || i < 0 || i >= len(toks) {
		return nil, i
	}
	src := x.low
	if ps.exact {
		src = x.text
	}
	t := toks[i]
	list := ps.byFirst[src[t.s:t.e]]
	for _, p := range list {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			tk := toks[i+k]
			if src[tk.s:tk.e] != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p, i + len(p.words)
		}
	}
	return nil, i
}

// matchEnding returns the longest phrase that ends at token j (inclusive)
// and the index of its first token; nil when none.
func (ps *phraseSet) matchEnding(x *extractor, toks []token, j, lo int) (*phrase, int) {
	if ps == nil {
		return nil, j
	}
	var best *phrase
	bestI := j
	for k := 0; k < 5 && j-k >= lo; k++ {
		if p, end := ps.match(x, toks, j-k); p != nil && end == j+1 {
			if best == nil || len(p.words) > len(best.words) {
				best, bestI = p, j-k
			}
		}
	}
	return best, bestI
}

type wordSet map[string]struct{}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

type quotePair struct {
	open, close rune
}

type viaPattern struct {
	pre, post []string
	flags     uint32
}

// rules is a compiled language pack.
type rules struct {
	code string

	pairs       []quotePair
	nested      []quotePair
	dashes      map[rune]bool
	dashParas   map[rune]bool
	verbs       *phraseSet
	according   *phraseSet
	comps       wordSet
	adverbs     *phraseSet
	passive     wordSet
	echo        wordSet  // nb "Det sier X": a subject that points back to a quotation
	verbSecond  bool     // the subject may follow its verb anywhere (nb: "I går sa han at …")
	relaySticks bool     // any relay named for a person ("sier X til NTB") holds for their later words
	quoting     wordSet  // "quoted X as saying"
	finite      wordSet  // finite verbs that show a clause ("will", "vil")
	relatives   wordSet  // relative pronouns whose antecedent may speak ("som", "who")
	documents   wordSet  // documents that speak for their issuer ("the report said")
	noClause    wordSet  // words that cannot open a reported clause ("on", "til")
	conjs       wordSet  // "and", "og"
	asWord      wordSet  // "as" of "quoted X as saying"
	preps       wordSet  // prepositions
	loosePreps  wordSet  // prepositions that may precede a participle's subject ("with")
	placePreps  wordSet  // prepositions before places ("i", "på", "in")
	issuerBy    wordSet  // "by" of "a survey by X"
	indefs      wordSet  // indefinite determiners
	coHeads     wordSet  // "the company", "selskapet"
	joiners     wordSet  // words inside names ("of", "and")
	dateWords   wordSet  // weekdays and months
	pronSecond  wordSet  // "you", "du"
	infMarks    wordSet  // "to", "å"
	places      wordSet  // lower-case place names and demonyms of the shared gazetteer
	notNameEnd  []string // endings of capitalised words that are no names ("Highlighting")
	pronMale    wordSet
	pronFemale  wordSet
	pronPlural  wordSet
	pronNeuter  wordSet
	pronFirst   wordSet
	clauseOpen  wordSet
	parens      wordSet // adverbs set off by commas after a cue ("said, however, …")
	shares      wordSet // words of a share of people ("a quarter said")
	titleMale   wordSet
	titleFem    wordSet
	title       wordSet
	roles       *phraseSet
	roleEnds    []string
	defEnds     []string
	roleMods    wordSet
	orgWords    *phraseSet
	unnamed     wordSet
	dets        wordSet
	particles   wordSet
	notNames    wordSet
	namesMale   wordSet
	namesFem    wordSet

	media      *phraseSet // exact case
	mediaNouns *phraseSet
	via        []viaPattern

	abbrev      wordSet
	abbrevFinal wordSet
	beforeNum   wordSet
	months      wordSet
	openers     wordSet
}

var (
	rulesMu    sync.Mutex
	rulesCache = map[string]*rules{}
)

// rulesFor returns the compiled rules of a language, falling back to
// English for a language without a pack.
func rulesFor(code string) *rules {
	p, ok := lang.Get(code)
	if !ok {
		p, ok = lang.Get("en")
		if !ok {
			p = &lang.Pack{Code: "en", Sections: map[string][]lang.Entry{}}
		}
	}
	rulesMu.Lock()
	defer rulesMu.Unlock()
	if r := rulesCache[p.Code]; r != nil {
		return r
	}
	r := compile(p)
	rulesCache[p.Code] = r
	return r
}

func flagsOf(e lang.Entry) uint32 {
	var f uint32
	for _, x := range e.Flags {
		f |= flagNames[x]
	}
	return f
}

func set(p *lang.Pack, section string) wordSet {
	s := wordSet{}
	for _, e := range p.Entries(section) {
		s[lowerSame(e.Text)] = struct{}{}
	}
	return s
}

func phrases(p *lang.Pack, section string, exact bool) *phraseSet {
	ps := newPhraseSet(exact)
	for _, e := range p.Entries(section) {
		ps.add(e.Text, flagsOf(e))
	}
	return ps
}

func pairsOf(p *lang.Pack, section string) []quotePair {
	var out []quotePair
	for _, e := range p.Entries(section) {
		f := strings.Fields(e.Text)
		if len(f) != 2 {
			continue
		}
		o, _ := utf8.DecodeRuneInString(f[0])
		c, _ := utf8.DecodeRuneInString(f[1])
		out = append(out, quotePair{o, c})
	}
	return out
}

func runeSet(p *lang.Pack, section string) map[rune]bool {
	m := map[rune]bool{}
	for _, e := range p.Entries(section) {
		r, _ := utf8.DecodeRuneInString(e.Text)
		m[r] = true
	}
	return m
}

func compile(p *lang.Pack) *rules {
	r := &rules{code: p.Code}
	r.pairs = pairsOf(p, "pairs")
	r.nested = pairsOf(p, "nested")
	r.dashes = runeSet(p, "dashes")
	r.dashParas = runeSet(p, "dash-paragraphs")
	r.verbs = phrases(p, "verbs", false)
	r.according = phrases(p, "according", false)
	r.comps = set(p, "complementizers")
	r.adverbs = phrases(p, "adverbs", false)
	r.passive = set(p, "passive")
	r.echo = set(p, "echo-subjects")
	r.verbSecond = len(p.Entries("verb-second")) > 0
	r.relaySticks = len(p.Entries("relay-sticks")) > 0
	r.quoting = set(p, "quoting-verbs")
	r.finite = set(p, "finite-markers")
	r.relatives = set(p, "relatives")
	r.documents = set(p, "documents")
	r.noClause = set(p, "no-clause-start")
	r.conjs = set(p, "conjunctions")
	r.asWord = set(p, "as")
	r.preps = set(p, "prepositions")
	r.loosePreps, r.placePreps = wordSet{}, wordSet{}
	for _, e := range p.Entries("prepositions") {
		if e.Has("loose") {
			r.loosePreps[lowerSame(e.Text)] = struct{}{}
		}
		if e.Has("place") {
			r.placePreps[lowerSame(e.Text)] = struct{}{}
		}
	}
	r.issuerBy = set(p, "issuer-markers")
	r.indefs = set(p, "indefinites")
	r.coHeads = set(p, "company-heads")
	r.joiners = set(p, "name-joiners")
	r.dateWords = set(p, "date-words")
	r.pronSecond = set(p, "pronoun-second")
	r.infMarks = set(p, "infinitive-markers")
	r.notNameEnd = p.Words("not-name-endings")
	r.places = wordSet{}
	for sec, es := range lang.Gazetteer() {
		if sec == "org" {
			continue
		}
		for _, e := range es {
			r.places[lowerSame(e.Text)] = struct{}{}
			for _, f := range e.Flags {
				k, v, ok := strings.Cut(f, "=")
				if !ok || k != "names" && k != "adj" {
					continue
				}
				for _, n := range strings.Split(v, ",") {
					r.places[lowerSame(strings.ReplaceAll(n, "_", " "))] = struct{}{}
				}
			}
		}
	}
	r.pronMale = set(p, "pronoun-male")
	r.pronFemale = set(p, "pronoun-female")
	r.pronPlural = set(p, "pronoun-plural")
	r.pronNeuter = set(p, "pronoun-neuter")
	r.pronFirst = set(p, "pronoun-first")
	r.clauseOpen = set(p, "clause-openers")
	r.parens = set(p, "parentheticals")
	r.shares = set(p, "shares")
	r.titleMale = set(p, "title-male")
	r.titleFem = set(p, "title-female")
	r.title = set(p, "title")
	r.roles = phrases(p, "roles", false)
	r.roleEnds = p.Words("role-endings")
	r.defEnds = p.Words("definite-endings")
	r.roleMods = set(p, "role-modifiers")
	r.orgWords = phrases(p, "org-words", false)
	r.unnamed = set(p, "unnamed")
	r.dets = set(p, "determiners")
	r.particles = set(p, "name-particles")
	r.notNames = set(p, "not-names")
	r.namesMale = set(p, "names-male")
	r.namesFem = set(p, "names-female")
	// Given names and media names are shared by every pack: a Norwegian
	// article quotes "Sergej Lavrov" to "TASS" too.
	r.media = newPhraseSet(true)
	for _, code := range lang.Codes() {
		q, _ := lang.Get(code)
		for _, e := range q.Entries("media") {
			r.media.add(e.Text, 0)
		}
		if code == p.Code {
			continue
		}
		for _, e := range q.Entries("names-male") {
			r.namesMale[lowerSame(e.Text)] = struct{}{}
		}
		for _, e := range q.Entries("names-female") {
			r.namesFem[lowerSame(e.Text)] = struct{}{}
		}
	}
	for w := range r.namesMale {
		if r.namesFem.has(w) { // both: gender unknown
			delete(r.namesMale, w)
			delete(r.namesFem, w)
			r.namesMale[w+"\x00"] = struct{}{} // still a given name
		}
	}
	r.mediaNouns = phrases(p, "media-nouns", false)
	for _, e := range p.Entries("via") {
		i := strings.Index(e.Text, "{M}")
		if i < 0 {
			continue
		}
		r.via = append(r.via, viaPattern{
			pre:   phraseWords(lowerSame(strings.TrimSpace(e.Text[:i]))),
			post:  phraseWords(lowerSame(strings.TrimSpace(e.Text[i+3:]))),
			flags: flagsOf(e),
		})
	}
	r.abbrev = set(p, "abbreviations")
	r.abbrevFinal = set(p, "abbreviations-final")
	r.beforeNum = set(p, "before-number")
	r.months = set(p, "months")
	r.openers = set(p, "openers")
	return r
}

// isGivenName reports whether w (lower-case) is a known given name.
func (r *rules) isGivenName(w string) bool {
	return r.namesMale.has(w) || r.namesFem.has(w) || r.namesMale.has(w+"\x00")
}

// genderOfName returns 'm', 'f' or 0 for a lower-case given name.
func (r *rules) genderOfName(w string) byte {
	switch {
	case r.namesMale.has(w):
		return 'm'
	case r.namesFem.has(w):
		return 'f'
	}
	return 0
}
