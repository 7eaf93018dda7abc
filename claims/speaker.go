package claims

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/claimtrail/claimtrail/claims/lang"
	"golang.org/x/text/unicode/norm"
)

// SpeakerID returns the stable key of a speaker's name, the same across
// articles and languages for the same person: the name lower-cased,
// diacritics removed, Cyrillic written in Latin letters, transliteration
// variants unified (Sergey/Sergei/Sergej, Aleksandr/Alexander/Aleksander,
// Yury/Yuri/Jurij, Dmitry/Dmitri/Dmitrij: the rewrite rules of the
// language packs' [id-rewrites] sections) and its words joined by "-":
// SpeakerID("Sergey Lavrov") == SpeakerID("Sergej Lavrov") == "sergei-lavrov".
// Titles and a leading article are dropped ("Mr Blair" → "blair", "the
// Kremlin" → "kremlin"). A surname alone gets its own id ("lavrov"); the
// extractor resolves surnames to the fullest name in the article first.
// "" for a name with no letters.
func SpeakerID(name string) string {
	idOnce.Do(loadIDRules)
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if v, ok := idCache.Load(name); ok {
		return v.(string)
	}
	words := idWords(name)
	// drop titles and a leading article
	for len(words) > 1 && idDrop[words[0]] {
		words = words[1:]
	}
	for i, w := range words {
		for _, rw := range idRules {
			w = rw.re.ReplaceAllString(w, rw.to)
		}
		words[i] = w
	}
	id := strings.Join(words, "-")
	if idCacheN.Add(1) < 100000 {
		idCache.Store(strings.Clone(name), id)
	}
	return id
}

type idRewrite struct {
	re *regexp.Regexp
	to string
}

var (
	idOnce   sync.Once
	idRules  []idRewrite
	idTrans  map[rune]string
	idDrop   map[string]bool
	idCache  sync.Map
	idCacheN atomicCounter
)

func loadIDRules() {
	idTrans = map[rune]string{}
	idDrop = map[string]bool{}
	for _, code := range lang.Codes() {
		p, _ := lang.Get(code)
		for _, e := range p.Entries("id-rewrites") {
			from, to, ok := strings.Cut(e.Text, "=>")
			if !ok {
				continue
			}
			re, err := regexp.Compile(strings.TrimSpace(from))
			if err != nil {
				continue // a bad rule in data is skipped, never fatal
			}
			idRules = append(idRules, idRewrite{re, strings.TrimSpace(to)})
		}
		for _, e := range p.Entries("transliteration") {
			f := strings.Fields(e.Text)
			if len(f) != 2 {
				continue
			}
			r := []rune(f[0])
			if len(r) != 1 {
				continue
			}
			if f[1] == "-" {
				f[1] = ""
			}
			idTrans[r[0]] = f[1]
		}
		for _, sec := range []string{"title", "title-male", "title-female", "determiners"} {
			for _, e := range p.Entries(sec) {
				idDrop[strings.TrimSuffix(strings.ToLower(e.Text), ".")] = true
			}
		}
	}
}

// foldLetters maps letters that decomposition does not reduce to a base
// letter plus marks.
var foldLetters = map[rune]string{
	'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// idWords lower-cases, folds and transliterates name into its words.
func idWords(name string) []string {
	d := norm.NFD.String(strings.ToLower(name))
	var b strings.Builder
	var words []string
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '.':
			continue // O'Brien, Sven O. Høiby: the mark joins
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if f, ok := foldLetters[r]; ok {
				b.WriteString(f)
			} else if t, ok := idTrans[r]; ok {
				b.WriteString(t)
			} else {
				b.WriteRune(r)
			}
		default:
			flush()
		}
	}
	flush()
	return words
}

// foldKey is the comparison key of one name word inside an article:
// lower-cased, diacritics removed, transliteration variants unified.
func foldKey(w string) string {
	return SpeakerID(w)
}

// ---------------------------------------------------------------------
// Names in an article.

// mention is one occurrence of a capitalised name in the article.
type mention struct {
	t0, t1   int      // name tokens
	keys     []string // foldKey of each name word
	sent     int      // sentence index
	quoted   bool     // inside a quotation
	person   bool     // evidence of a person (title, role, given name)
	org      bool     // evidence of an organisation
	gender   byte     // 'm', 'f' or 0
	roles    []string // role nouns attached (lower-case, base form)
	initial  bool     // first word of its sentence
	possess  bool     // followed by a possessive ('s)
	asPerson bool     // used as a person speaker
	place    bool     // a place name or demonym of the gazetteer
	cut      int      // bytes of a genitive ending left out of the name
}

// nameText returns the name as written.
func (x *extractor) nameText(m *mention) string {
	return x.text[x.toks[m.t0].s : int(x.toks[m.t1-1].e)-m.cut]
}

// isRoleWord reports whether the lower-case word w is a role noun,
// returning its base form (definite endings and compounds handled through
// the language's [definite-endings] and [role-endings]).
func (r *rules) isRoleWord(w string) (string, bool) {
	if r.roles.has(w) {
		return w, true
	}
	for _, end := range r.defEnds {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			b := w[:len(w)-len(end)]
			if end == "a" && r.roles.has(b+"e") {
				return b + "e", true // "kvinna", "jenta", "bestemora"
			}
			if r.roles.has(b) {
				return b, true
			}
			for _, re := range r.roleEnds {
				if strings.HasSuffix(b, re) {
					return b, true
				}
			}
		}
	}
	for _, re := range r.roleEnds {
		if len(w) > len(re) && strings.HasSuffix(w, re) {
			return w, true
		}
	}
	return "", false
}

// roleMatches reports whether a person's role (base form) answers a role
// noun used to refer to them: equal, or a compound ending in it
// ("utenriksminister" answers "minister"), or a phrase whose head it is
// ("foreign minister" answers "minister").
func roleMatches(have, want string) bool {
	if have == want {
		return true
	}
	if strings.HasSuffix(have, want) {
		return true
	}
	hw := lastWord(want)
	return hw != want && strings.HasSuffix(have, hw) && strings.Contains(have, " ") == strings.Contains(want, " ")
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// collectNames finds the capitalised names of the article with the roles
// and titles that stand around them.
func (x *extractor) collectNames() {
	toks := x.toks
	r := x.r
	for si := range x.sents {
		sn := x.sents[si]
		k := sn.t0
		for k < sn.t1 {
			t := toks[k]
			if !t.is(tWord) || !t.is(tCap) || t.is(tDigit) || t.q >= 0 && x.segs[t.q].tweet && int(t.s) >= x.segs[t.q].e {
				k++ // (a tweet's signature names no one the article speaks of)
				continue
			}
			// a run of capitalised words (with particles and "of" after a role)
			a := k
			b := k + 1
			for b < sn.t1 {
				u := toks[b]
				if u.q != t.q || !u.is(tWord) {
					// "Mr." keeps going; any other mark ends the run
					if u.is(tPunct) && x.text[u.s:u.e] == "." && b == a+1 && x.isTitleTok(a) && b+1 < sn.t1 && toks[b+1].is(tCap) {
						b++
						continue
					}
					// a middle initial: "Abid Q. Raja"
					if u.is(tPunct) && x.text[u.s:u.e] == "." && b > a+1 && toks[b-1].e-toks[b-1].s == 1 && toks[b-1].is(tCap) &&
						b+1 < sn.t1 && toks[b+1].is(tCap) && toks[b+1].is(tWord) && toks[b+1].q == t.q {
						b++
						continue
					}
					break
				}
				w := x.low[u.s:u.e]
				if u.is(tCap) && !u.is(tDigit) {
					b++
					continue
				}
				if (r.particles.has(w) || w == "of" && x.isRoleTok(b-1)) && b+1 < sn.t1 && toks[b+1].is(tCap) && toks[b+1].q == t.q {
					b += 2
					continue
				}
				// a lower-case organisation word ends the name: "Oslo
				// kommune", "Statistisk sentralbyrå" (not one the data
				// writes capitalised: "Per Olsen sa", "Tine SA")
				if p, end := r.orgWords.match(x, toks, b); p != nil && end == b+1 && !toks[b].is(tDigit) && p.text == lowerSame(p.text) {
					b++
				}
				break
			}
			x.addMention(a, b, si)
			k = b
		}
	}
	x.linkNames()
	x.namesReady = true
}

func (x *extractor) isTitleTok(k int) bool {
	w := x.low[x.toks[k].s:x.toks[k].e]
	return x.r.titleMale.has(w) || x.r.titleFem.has(w) || x.r.title.has(w)
}

func (x *extractor) isRoleTok(k int) bool {
	_, ok := x.r.isRoleWord(x.low[x.toks[k].s:x.toks[k].e])
	return ok
}

// addMention strips titles, roles and function words off the run [a, b)
// and records what remains as a name.
func (x *extractor) addMention(a, b, si int) {
	toks := x.toks
	r := x.r
	m := mention{sent: si, quoted: toks[a].q >= 0, initial: toks[a].is(tNewSent) || a == x.sents[si].t0}
	// roles written before the run ("spokeswoman Maria Zakharova",
	// "landslagssjef Petter Løvberg", "the Russian foreign minister …")
	for k := a - 1; k >= x.sents[si].t0 && k >= a-4; k-- {
		u := toks[k]
		if !u.is(tWord) || u.q != toks[a].q {
			break
		}
		w := x.low[u.s:u.e]
		if base, ok := r.isRoleWord(w); ok {
			m.roles = append(m.roles, base)
			m.person = true
			m.gender = roleGender(r, base, m.gender)
			continue
		}
		if r.roleMods.has(w) {
			continue
		}
		if r.titleMale.has(w) {
			m.gender, m.person = 'm', true
			continue
		}
		if r.titleFem.has(w) {
			m.gender, m.person = 'f', true
			continue
		}
		break
	}
	// strip the front of the run: everything up to its last role word
	// ("Russian Foreign Minister Sergey Lavrov", "US Secretary of State
	// Marco Rubio"), then titles and function words
	lastRole := -1
	for k := a; k < b-1; k++ {
		if p, end := r.roles.match(x, toks, k); p != nil && end < b {
			m.roles = append(m.roles, lowerSame(p.text))
			m.gender = roleGender(r, lowerSame(p.text), m.gender)
			lastRole = end - 1
			k = end - 1
			continue
		}
		if base, ok := r.isRoleWord(x.low[toks[k].s:toks[k].e]); ok && toks[k].is(tWord) && !r.isGivenName(x.low[toks[k].s:toks[k].e]) {
			// (a given name that ends like a role noun is a name: "Hermann")
			m.roles = append(m.roles, base)
			lastRole = k
		}
	}
	if lastRole >= 0 {
		m.person = true
		a = lastRole + 1
	}
	for a < b {
		w := x.low[toks[a].s:toks[a].e]
		if toks[a].is(tPunct) {
			a++
			continue
		}
		switch {
		case r.titleMale.has(w):
			m.gender, m.person = 'm', true
		case r.titleFem.has(w):
			m.gender, m.person = 'f', true
		case r.title.has(w):
			m.person = true
		case r.notNames.has(w), r.dets.has(w):
		case r.places.has(w) && b-a >= 3:
			// "президент США Барак Обама": the country before a name
		case r.roleMods.has(w) && a+1 == b:
			// a lone nationality or modifier: no name
		default:
			goto done
		}
		a++
	}
done:
	if a >= b {
		return
	}
	if b-a == 1 && !toks[a].is(tUpper) {
		// a lone capitalised role noun is no name: "Venstre-politikeren",
		// "Chelsea-spissen", "Fredsprisvinneren"
		w := x.low[toks[a].s:toks[a].e]
		if _, ok := r.isRoleWord(w); ok && !r.isGivenName(w) {
			return
		}
	}
	// organisation words anywhere in the name make it an organisation
	for k := a; k < b; k++ {
		if p, _ := r.orgWords.match(x, toks, k); p != nil {
			m.org = true
		}
	}
	if b-a == 1 && toks[a].is(tUpper) {
		m.org = true // an acronym: IAAF, NATO
	}
	if r.places.has(x.low[toks[a].s:toks[b-1].e]) {
		m.place = true
	}
	m.t0, m.t1 = a, b
	first := x.low[toks[a].s:toks[a].e]
	if g := r.genderOfName(first); g != 0 && b-a > 1 {
		m.gender, m.person = g, true
	} else if r.isGivenName(first) && b-a > 1 {
		m.person = true
	}
	if b < len(toks) && toks[b].is(tPunct) && isApostrophe(firstRune(x.text[toks[b].s:])) {
		m.possess = true
	}
	// apposition after: ", a professor of …", ", head of …"
	if b+1 < x.sents[si].t1 && x.text[toks[b].s:toks[b].e] == "," {
		for k := b + 1; k < x.sents[si].t1 && k <= b+5; k++ {
			u := toks[k]
			if !u.is(tWord) {
				break
			}
			w := x.low[u.s:u.e]
			if base, ok := r.isRoleWord(w); ok {
				// not ", the minister added": that is a new subject
				if !x.cueAt(k + 1) {
					m.roles = append(m.roles, base)
					m.person = true
				}
				break
			}
			if !(r.dets.has(w) || r.roleMods.has(w) || u.is(tCap)) {
				break
			}
		}
	}
	if m.org {
		m.person = false
	}
	ka := len(x.keyArena)
	for k := a; k < b; k++ {
		if toks[k].is(tWord) {
			x.keyArena = append(x.keyArena, foldKey(x.low[toks[k].s:toks[k].e]))
		}
	}
	m.keys = x.keyArena[ka:len(x.keyArena):len(x.keyArena)]
	if len(m.keys) == 0 {
		return
	}
	x.mentions = append(x.mentions, m)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func roleGender(r *rules, role string, g byte) byte {
	for _, p := range r.roles.byFirst[strings.Fields(role)[0]] {
		if lowerSame(p.text) != role {
			continue
		}
		if p.flags&fMale != 0 {
			return 'm'
		}
		if p.flags&fFemale != 0 {
			return 'f'
		}
	}
	return g
}

// linkNames drops sentence-initial single words that are no names (a
// capitalised first word seen nowhere else) and spreads person evidence
// from full names to their surnames.
func (x *extractor) linkNames() {
	seen := x.seen // single key -> count of non-initial or multi-word-surname uses
	for i := range x.mentions {
		m := &x.mentions[i]
		if len(m.keys) > 1 {
			seen[m.keys[len(m.keys)-1]]++
			seen[m.keys[0]]++
		} else if !m.initial {
			seen[m.keys[0]]++
		}
	}
	// a genitive "-s" on a known name ("Eva Jolys aksent", "Darchievs
	// nominasjon") is the name
	var forms map[string]bool
	for i := range x.mentions {
		m := &x.mentions[i]
		if len(m.keys) == 1 && m.initial {
			seen[m.keys[0]+"\x00"]++ // initial words count as names here
		}
	}
	// (the base must end a name somewhere: "News" is no genitive of the
	// "New" of "New York")
	finals := make(map[string]bool, len(x.mentions))
	for i := range x.mentions {
		finals[x.mentions[i].keys[len(x.mentions[i].keys)-1]] = true
	}
	for i := range x.mentions {
		m := &x.mentions[i]
		last := m.keys[len(m.keys)-1]
		lt := x.toks[m.t1-1]
		if len(last) > 3 && x.text[lt.e-1] == 's' {
			if base := foldKey(x.low[lt.s : lt.e-1]); (seen[base] > 0 || seen[base+"\x00"] > 0) && finals[base] {
				seen[last]--
				seen[base]++
				m.keys[len(m.keys)-1] = base
				m.cut = 1
				m.possess = true
				if len(m.keys) > 1 && !x.hasFullForm(m.keys, &forms) && x.r.places.has(x.low[x.toks[m.t0].s:x.toks[m.t0].e]) {
					// "godkjente Washington Darchievs nominasjon": the
					// words before the genitive are another phrase
					m.t0 = m.t1 - 1
					m.keys = m.keys[len(m.keys)-1:]
				}
			}
		}
	}
	out := x.mentions[:0]
	for _, m := range x.mentions {
		if len(m.keys) == 1 && m.initial && seen[m.keys[0]] == 0 && !m.person && x.notNameEnding(&m) && !x.cueAt(m.t1) {
			continue // "Highlighting …": a capitalised first word, no name
		}
		out = append(out, m)
	}
	x.mentions = out
	// full forms: surname key -> the distinct multi-word names ending in
	// it, each with the mentions that write it; first key -> multi-word
	// organisation names ("Dixons" → "Dixons Group PLC")
	if cap(x.mentStart) < len(x.sents)+1 {
		x.mentStart = make([]int, len(x.sents)+1)
	}
	x.mentStart = x.mentStart[:len(x.sents)+1]
	byKey := x.byKey
	si := 0
	for i := range x.mentions {
		m := &x.mentions[i]
		for si <= m.sent {
			x.mentStart[si] = i
			si++
		}
		if len(m.keys) < 2 {
			continue
		}
		key := strings.Join(m.keys, " ")
		f := byKey[key]
		if f == nil {
			f = &fullForm{keys: m.keys}
			byKey[key] = f
			if m.org {
				x.orgFull[m.keys[0]] = append(x.orgFull[m.keys[0]], f)
			} else {
				last := m.keys[len(m.keys)-1]
				x.full[last] = append(x.full[last], f)
			}
		}
		f.idx = append(f.idx, i)
	}
	for si <= len(x.sents) {
		x.mentStart[si] = len(x.mentions)
		si++
	}
	// a multi-word person spreads gender and personhood to its other mentions
	for i := range x.mentions {
		m := &x.mentions[i]
		if f := x.fullest(m, int(x.toks[m.t0].s)); f != nil && f != m {
			if f.person {
				m.person = true
			}
			if m.gender == 0 {
				m.gender = f.gender
			} else if f.gender == 0 {
				f.gender = m.gender
			}
			if len(m.roles) == 0 {
				m.roles = f.roles
			}
		}
		for _, rl := range m.roles {
			if l := x.roleIdx[rl]; len(l) == 0 || l[len(l)-1] != i {
				x.roleIdx[rl] = append(l, i)
			}
		}
	}
}

// fullForm is one multi-word name of the article and where it is written.
type fullForm struct {
	keys []string
	idx  []int // mention indices, increasing
}

// nearestIdx returns the index in idx of the mention nearest to byte pos,
// preferring one before it.
func (x *extractor) nearestIdx(idx []int, pos int) int {
	j := sort.Search(len(idx), func(i int) bool { return int(x.toks[x.mentions[idx[i]].t0].s) >= pos })
	if j > 0 {
		before := pos - int(x.toks[x.mentions[idx[j-1]].t0].s)
		if j == len(idx) || before/2 <= int(x.toks[x.mentions[idx[j]].t0].s)-pos {
			return idx[j-1]
		}
	}
	if j < len(idx) {
		return idx[j]
	}
	return idx[len(idx)-1]
}

// hasFullForm reports whether a multi-word mention other than a genitive
// one writes exactly these keys; *forms caches the set of such names.
func (x *extractor) hasFullForm(keys []string, forms *map[string]bool) bool {
	if *forms == nil {
		*forms = map[string]bool{}
		for i := range x.mentions {
			if m := &x.mentions[i]; m.cut == 0 && len(m.keys) > 1 {
				(*forms)[strings.Join(m.keys, " ")] = true
			}
		}
	}
	return (*forms)[strings.Join(keys, " ")]
}

// notNameEnding reports whether a one-word mention ends like a word that
// is no name ([not-name-endings]: "Highlighting", "Reportedly").
func (x *extractor) notNameEnding(m *mention) bool {
	w := x.low[x.toks[m.t0].s:x.toks[m.t0].e]
	for _, e := range x.r.notNameEnd {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// cueAt reports whether a cue verb starts at token k.
func (x *extractor) cueAt(k int) bool {
	for k < len(x.toks) {
		if p, end := x.r.adverbs.match(x, x.toks, k); p != nil {
			k = end
			continue
		}
		break
	}
	p, _ := x.r.verbs.match(x, x.toks, k)
	return p != nil
}

// fullest returns the fullest mention of the same name as m (the longest
// name ending in m's words, the nearest to byte pos when several), or m.
func (x *extractor) fullest(m *mention, pos int) *mention {
	if m.org {
		return m
	}
	last := m.keys[len(m.keys)-1]
	var best *fullForm
	bestAt := -1
	for _, f := range x.full[last] {
		if len(f.keys) < len(m.keys) || !endsWithKeys(f.keys, m.keys) {
			continue
		}
		at := x.nearestIdx(f.idx, pos)
		switch {
		case best == nil, len(f.keys) > len(best.keys):
			best, bestAt = f, at
		case len(f.keys) == len(best.keys):
			d1 := absInt(int(x.toks[x.mentions[at].t0].s) - pos)
			d0 := absInt(int(x.toks[x.mentions[bestAt].t0].s) - pos)
			if d1 < d0 {
				best, bestAt = f, at
			}
		}
	}
	if best == nil {
		return m
	}
	return &x.mentions[bestAt]
}

// orgFullest returns the longest organisation name that begins with the
// single word of m ("Dixons" → "Dixons Group PLC"), or nil.
func (x *extractor) orgFullest(m *mention, pos int) *mention {
	if len(m.keys) != 1 {
		return nil
	}
	var best *fullForm
	for _, f := range x.orgFull[m.keys[0]] {
		if best == nil || len(f.keys) > len(best.keys) {
			best = f
		}
	}
	if best == nil {
		return nil
	}
	return &x.mentions[x.nearestIdx(best.idx, pos)]
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func endsWithKeys(full, part []string) bool {
	if len(part) > len(full) {
		return false
	}
	off := len(full) - len(part)
	for i, k := range part {
		if full[off+i] != k {
			return false
		}
	}
	return true
}

// mentionAt returns the mention whose name tokens cover token k, or nil.
func (x *extractor) mentionAt(k int) *mention {
	lo, hi := 0, len(x.mentions)
	for lo < hi {
		m := (lo + hi) / 2
		if x.mentions[m].t1 <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.mentions) && x.mentions[lo].t0 <= k && k < x.mentions[lo].t1 {
		return &x.mentions[lo]
	}
	return nil
}

// ---------------------------------------------------------------------
// Subjects of cue verbs.

type npKind uint8

const (
	npNone    npKind = iota
	npName           // a capitalised name: person or organisation
	npPronoun        // he, she, han, hun, they
	npRole           // a definite role noun: "the minister", "ministeren"
	npOrg            // "the Kremlin", "the company", "politiet"
	npUnnamed        // "officials", "a source close to the talks", "kilder"
	npFirst          // I, we: the narrator
	npDoc            // "the report", "a survey by Sony Ericsson", "pressemeldingen"
)

// np is the subject noun phrase of a cue.
type np struct {
	kind   npKind
	p0     int // first token of the phrase as parsed (before the name was cut out)
	t0, t1 int // tokens of the speaker's words
	name   *mention
	role   string // role noun, base form
	gender byte
	plural bool
	owned  bool // a role of someone named in the phrase ("Mr Blair's spokesman")
	compl  bool // a role with a complement ("lederen av studentopprøret"): only a holder named before it
}

// npText returns the phrase as written.
func (x *extractor) npText(n np) string {
	if n.t1 <= n.t0 {
		return ""
	}
	return x.text[x.toks[n.t0].s:x.toks[n.t1-1].e]
}

// isNPWord reports whether the word token k may stand inside a subject
// noun phrase.
func (x *extractor) isNPWord(k int) bool {
	t := x.toks[k]
	if !t.is(tWord) {
		return false
	}
	if t.is(tCap) {
		return true
	}
	w := x.low[t.s:t.e]
	r := x.r
	if _, ok := r.isRoleWord(w); ok {
		return true
	}
	if r.roleMods.has(w) || r.unnamed.has(w) || r.dets.has(w) || r.particles.has(w) {
		return true
	}
	if p, _ := r.orgWords.match(x, x.toks, k); p != nil {
		return true
	}
	if p, _ := r.mediaNouns.match(x, x.toks, k); p != nil {
		return true
	}
	return r.documents.has(w)
}

// subjectBefore parses the subject that ends just before token j (the
// cue), not reaching before token lo. Words that may stand between a
// subject and its verb ("also", "has") are skipped, and so is an
// apposition between commas or dashes ("David Gamage, a professor of tax
// law, told …").
func (x *extractor) subjectBefore(j, lo int) (np, bool) {
	toks := x.toks
	r := x.r
	k := j - 1
	for k >= lo {
		if p, st := r.adverbs.matchEnding(x, toks, k, lo); p != nil {
			k = st - 1
			continue
		}
		break
	}
	if k < lo || toks[k].q >= 0 {
		return np{}, false
	}
	// "Statens strålevern, som mener …", "the agency, which said …": the
	// antecedent of a relative pronoun
	if toks[k].is(tWord) && x.r.relatives.has(x.low[toks[k].s:toks[k].e]) {
		j := k - 1
		if j >= lo && x.isMark(j, ",") {
			j--
		}
		if j >= lo && toks[j].is(tWord) {
			if n, ok := x.subjectBefore(j+1, lo); ok && n.kind != npPronoun && n.kind != npFirst {
				return n, true
			}
			// "a message repeated by Home Secretary Charles Clarke who
			// said …": a named person may be the antecedent even as the
			// object of a preposition
			if m := x.mentionAt(j); m != nil && m.t1 == j+1 && !m.org && !m.place && !m.quoted && x.isPersonMention(m) {
				return np{kind: npName, t0: m.t0, t1: m.t1, p0: m.t0, name: m}, true
			}
		}
		return np{}, false
	}
	// apposition: ", a professor …, said" or " - who … - said"; a name
	// between commas: "A spokesman for DLF Builders, Dr Vancheshwar, told";
	// a parenthetical adverb: "Analysts, however, said"
	if toks[k].is(tPunct) {
		c := x.text[toks[k].s:toks[k].e]
		if c == "," || c == "-" || c == "–" || c == "—" {
			m := k - 1
			for m > lo && k-m < 30 {
				if toks[m].q >= 0 {
					break
				}
				if x.text[toks[m].s:toks[m].e] == c {
					break
				}
				m--
			}
			found := m >= lo && k-m < 30 && x.text[toks[m].s:toks[m].e] == c && m+1 < k
			if found && c == "," {
				if n, ok := x.classifyNP(m+1, k); ok && n.kind == npName && n.p0 == m+1 && x.allNPWords(m+1, k) {
					return n, true
				}
				if k-m <= 3 && !toks[m+1].is(tCap) && x.allLower(m+1, k) {
					if n, ok := x.subjectBefore(m, lo); ok {
						return n, true
					}
				}
				// "Paul, 54, told", "Paul, in a Washington Examiner
				// interview published Monday, said": an age or an
				// adverbial phrase between commas
				if k-m == 2 && toks[m+1].is(tDigit) || x.isPrepTok(m+1) && !toks[m+1].is(tCap) {
					if n, ok := x.subjectBefore(m, lo); ok && (n.kind == npName || n.kind == npRole) {
						return n, true
					}
				}
			}
			if found && m > lo {
				w := x.low[toks[m+1].s:toks[m+1].e]
				role := false
				for j := m + 1; j < k && j <= m+5; j++ {
					if _, ok := r.isRoleWord(x.low[toks[j].s:toks[j].e]); ok && toks[j].is(tWord) {
						role = true
						break
					}
				}
				if r.dets.has(w) || role || r.relatives.has(w) || c != "," {
					if n, ok := x.subjectBefore(m, lo); ok && (n.kind == npName || n.kind == npRole || n.kind == npUnnamed || n.kind == npOrg) {
						return n, true
					}
					if n, ok := x.unnamedChunk(m, lo); ok {
						return n, true
					}
				}
			}
		}
		if c == ")" || c == ">" {
			// "<Dixons Group PLC> said", "Ola Nordmann (45) sier"
			open := "("
			if c == ">" {
				open = "<"
			}
			for m := k - 1; m > lo && m >= k-8; m-- {
				if x.text[toks[m].s:toks[m].e] == open {
					if c == ">" {
						if n, ok := x.classifyNP(m+1, k); ok && n.kind == npName {
							n.p0 = m
							return n, true
						}
						break
					}
					return x.subjectBefore(m, lo)
				}
			}
		}
		return np{}, false
	}
	e := k + 1
	if x.toks[k].is(tWord) && x.isPronoun(x.low[toks[k].s:toks[k].e]) {
		return x.classifyNP(k, k+1)
	}
	if k-1 > lo && toks[k].is(tWord) && !toks[k].is(tCap) && !x.isNPWord(k) && x.isPrepTok(k-1) {
		// "Prestegard i studentutvalget synes": a one-word place of work
		if n, ok := x.affiliatedName(k-1, lo); ok {
			return n, true
		}
		return x.roleWithComplement(k, lo)
	}
	if k-2 > lo && toks[k].is(tWord) && !toks[k].is(tCap) && !x.isNPWord(k) {
		// "Thomas Hegghammer ved Forsvarets forskningsinstitutt har
		// påpekt": a place of work of a few words, opening with a
		// capitalised one, after the name
		for p := k - 2; p > lo && p >= k-6; p-- {
			if !toks[p].is(tWord) || toks[p].q >= 0 {
				break
			}
			if x.isPrepTok(p) && toks[p+1].is(tCap) && !toks[p].is(tCap) {
				if n, ok := x.affiliatedName(p, lo); ok {
					return n, true
				}
			}
		}
	}
	for k >= lo && e-k <= 10 && (x.isNPWord(k) || x.innerOf(k, lo)) {
		w := x.low[toks[k].s:toks[k].e]
		k--
		if r.dets.has(w) && !toks[k+1].is(tCap) {
			break
		}
		// "Mr." before a name, a middle initial ("Abid Q. Raja")
		if k >= lo && toks[k].is(tPunct) && x.text[toks[k].s:toks[k].e] == "." && k-1 >= lo &&
			(x.isTitleTok(k-1) || toks[k-1].e-toks[k-1].s == 1 && toks[k-1].is(tCap) && toks[k-1].e == toks[k].s && k-2 >= lo && toks[k-2].is(tCap)) {
			k--
		}
	}
	s := k + 1
	if s >= e {
		return x.roleWithComplement(e-1, lo)
	}
	// a possessor before the phrase: "the government's Management and
	// Coordination Agency"
	if s-1 > lo && toks[s-1].is(tPunct) && isApostrophe(firstRune(x.text[toks[s-1].s:])) && s-2 >= lo && toks[s-2].is(tWord) {
		j := s - 2
		for j >= lo && j >= s-5 && x.isNPWord(j) {
			j--
		}
		if j+1 <= s-2 {
			s = j + 1
		}
	}
	// the word before the phrase must not glue it into a longer phrase
	// ("of the company said" is no subject)
	if s > lo {
		pw := x.low[toks[s-1].s:toks[s-1].e]
		// (a phrase after a preposition is its object: "i Eventyrland sier
		// Alice"; "with Kiev stating" is the exception participles need)
		if x.isPrepTok(s-1) && !r.loosePreps.has(pw) {
			// "Anders Solheim i Antidoping Norge sier": a name opening
			// the clause, with where the person works after it
			if n, ok := x.affiliatedName(s-1, lo); ok {
				return n, true
			}
			return x.roleWithComplement(e-1, lo)
		}
	}
	n, ok := x.classifyNP(s, e)
	if ok && (n.kind == npRole || n.kind == npUnnamed) && s-1 > lo && x.isMark(s-1, ",") && toks[s].is(tCap) {
		// "Red Cavaney, American Paper Institute president said": the
		// name before a role in apposition is the subject
		if m, ok2 := x.affiliatedName(s-1, lo); ok2 {
			return m, true
		}
	}
	return n, ok
}

// roleWithComplement reads a subject that is a role noun with a
// prepositional complement, ending at token k ("Sjefen for Kripos sier",
// "Den legendariske lederen av studentopprøret i Paris sa"): the role
// noun opens the clause at lo, after at most an article and adjectives,
// and a preposition follows it; the words up to k are plain words or
// numbers.
func (x *extractor) roleWithComplement(k, lo int) (np, bool) {
	toks := x.toks
	if lo < k && x.isConj(lo) {
		lo++ // "Men flere analytikere i …"
	}
	for r := lo; r < k && r <= lo+3; r++ {
		t := toks[r]
		if !t.is(tWord) || t.q >= 0 {
			return np{}, false
		}
		if _, ok := x.r.isRoleWord(x.low[t.s:t.e]); ok && x.isPrepTok(r+1) && !x.isPronoun(x.low[t.s:t.e]) {
			for m := r + 1; m <= k; m++ {
				u := toks[m]
				if !(u.is(tWord) || u.is(tDigit)) || u.q >= 0 || x.r.comps.has(x.low[u.s:u.e]) || x.r.relatives.has(x.low[u.s:u.e]) {
					return np{}, false
				}
				if p, _ := x.r.verbs.match(x, toks, m); p != nil {
					return np{}, false
				}
				if u.is(tCap) && x.r.isGivenName(x.low[u.s:u.e]) && toks[m-1].is(tCap) {
					// "Direktør i Fritt Ord Erik Rudeng mener": the person
					if n, ok := x.classifyNP(m, k+1); ok && n.kind == npName && n.t0 >= m {
						n.p0 = lo
						return n, true
					}
					if x.allCap(m, k+1) {
						return np{kind: npName, t0: m, t1: k + 1, p0: lo}, true
					}
					return np{}, false
				}
			}
			n, ok := x.classifyNP(lo, r+1)
			if !ok || n.kind != npRole && n.kind != npUnnamed {
				return np{}, false
			}
			if n.kind == npRole && !x.definiteEnding(x.low[t.s:t.e]) {
				n.kind = npUnnamed // "Innbyggere i landsbyen tror …"
			}
			if n.kind == npUnnamed {
				n.t1 = k + 1 // described in full: "en talsmann for Merseyside-politiet"
			}
			n.p0, n.compl = lo, true
			return n, true
		}
		if r > lo && !x.isAdjectiveLike(r) || r == lo && !x.r.dets.has(x.low[t.s:t.e]) {
			return np{}, false
		}
	}
	return np{}, false
}

// possessiveBefore reports whether the word before token k is a
// capitalised possessive ("MFKs", "Norges").
func (x *extractor) possessiveBefore(k int) bool {
	if k == 0 || !x.toks[k-1].is(tCap) || !x.toks[k-1].is(tWord) {
		return false
	}
	w := x.low[x.toks[k-1].s:x.toks[k-1].e]
	return len(w) > 2 && strings.HasSuffix(w, "s")
}

// allCap reports whether tokens [a, b) are all capitalised words.
func (x *extractor) allCap(a, b int) bool {
	for m := a; m < b; m++ {
		if !x.toks[m].is(tWord) || !x.toks[m].is(tCap) {
			return false
		}
	}
	return b > a
}

// definiteEnding reports whether w ends in a definite ending of the
// language ("lederen", "sjefen").
func (x *extractor) definiteEnding(w string) bool {
	for _, de := range x.r.defEnds {
		if len(w) > len(de)+2 && strings.HasSuffix(w, de) {
			return true
		}
	}
	return false
}

// affiliatedName reads the subject of "Anders Solheim i Antidoping Norge
// sier": a person's name that opens the clause (at lo or after a mark) and
// ends just before the preposition at token p.
func (x *extractor) affiliatedName(p, lo int) (np, bool) {
	if p <= lo {
		return np{}, false
	}
	n, ok := x.subjectBefore(p, lo)
	if !ok || n.kind != npName || n.name == nil || n.name.org || n.name.place {
		return np{}, false
	}
	if n.p0 != lo && !x.toks[n.p0-1].is(tPunct) && !x.closeMarkAt(int(x.toks[n.p0-1].s)) {
		return np{}, false
	}
	return n, true
}

// subjectAfter parses an inverted subject that starts at token k ("said
// Lavrov", "sier kommunikasjonsrådgiver Marte Lerberg Koppstad", "sa han").
func (x *extractor) subjectAfter(k, hi int) (np, bool) {
	toks := x.toks
	r := x.r
	for k < hi {
		if p, end := r.adverbs.match(x, toks, k); p != nil && end < hi && toks[end].is(tWord) {
			// only skip when a subject word follows
			k = end
			continue
		}
		break
	}
	if k >= hi || toks[k].q >= 0 {
		return np{}, false
	}
	if toks[k].is(tWord) && x.isPronoun(x.low[toks[k].s:toks[k].e]) && !x.detBeforeName(k, hi) {
		return x.classifyNP(k, k+1)
	}
	if w := x.low[toks[k].s:toks[k].e]; r.comps.has(w) && !toks[k].is(tCap) {
		return np{}, false // "forteller at 38-åringen …": a clause, no subject
	}
	s := k
	e := k
	sawName := false
	for e < hi && e-s < 10 && (x.isNPWord(e) || x.leadsToName(e, hi)) {
		t := toks[e]
		if t.is(tCap) {
			sawName = true
		} else if sawName {
			w := x.low[t.s:t.e]
			_, role := r.isRoleWord(w)
			// ("MFKs talentfulle angrepsspiller Bernt Hulsker": adjectives
			// before a role after a possessive name go on too)
			if !r.particles.has(w) && !(role && e+1 < hi && toks[e+1].is(tCap)) && !(!role && x.isAdjectiveLike(e) && x.leadsToName(e, hi) && x.possessiveBefore(e)) {
				// ("Nobelinstituttets direktør Geir Lundestad", "Wood Gundie
				// analyst Edward Comeau": a role between names goes on)
				// a head noun closes the phrase: "some Indian firms",
				// "Haugesund avis"
				if p, _ := r.mediaNouns.match(x, toks, e); r.unnamed.has(w) || role || p != nil {
					e++
				}
				break
			}
		}
		e++
		// pronoun subjects are one word
		if e == s+1 && x.isPronoun(x.low[t.s:t.e]) && !x.detBeforeName(s, hi) {
			break
		}
	}
	if e == s {
		return np{}, false
	}
	// "administrator i Monroe County, Roman Gastesi": a role, where, then
	// the name after a comma
	if !sawName && e+1 < hi && x.isPrepTok(e) && toks[e+1].is(tWord) {
		// (also "talsmann for utenriksdepartementet i Paris, Bernard Valero")
		j := e + 1
		for j < hi && toks[j].is(tWord) && toks[j].q < 0 && j-e < 8 {
			j++
		}
		if j+1 < hi && x.isMark(j, ",") && toks[j+1].is(tCap) {
			k2 := j + 1
			for k2 < hi && toks[k2].is(tCap) && toks[k2].is(tWord) {
				k2++
			}
			if n, ok := x.classifyNP(j+1, k2); ok && n.kind == npName {
				n.p0 = s
				return n, true
			}
		}
	}
	return x.classifyNP(s, e)
}

// describedSubjectAfter reads the subject after a cue where an
// attribution is expected (after a comma that ends a quotation): like
// subjectAfter, but also over an article and describing words before the
// head ("sier en sur og irritert Start-trener Arne Sandstø", "mener den
// meritterte alpinisten"). A role under an indefinite article is someone
// unnamed.
func (x *extractor) describedSubjectAfter(k, hi int) (np, bool) {
	if n, ok := x.partitiveSubject(k, hi); ok {
		return n, true
	}
	h := x.describedHead(k, hi)
	if h == k {
		// "sier kommunens folkehelsekoordinator, Tom Solli, til …": a
		// lower-case role, then the name after a comma
		for j := k; j < hi && j <= k+2 && x.toks[j].is(tWord) && !x.toks[j].is(tCap); j++ {
			if x.isRoleTok(j) && j+2 < hi && x.isMark(j+1, ",") && x.toks[j+2].is(tCap) {
				if n, ok := x.subjectAfter(j+2, hi); ok && n.kind == npName {
					return n, true
				}
				break
			}
		}
		return x.subjectAfter(k, hi)
	}
	n, ok := x.subjectAfter(h, hi)
	if !ok || n.kind == npPronoun || n.kind == npFirst {
		return np{}, false
	}
	if n.kind == npRole && x.isIndefinite(x.low[x.toks[k].s:x.toks[k].e]) {
		n.kind = npUnnamed
	}
	return n, true
}

// partitiveSubject reads "en av innbyggerne", "one of the residents"
// (someone unnamed) and "en av Breiviks forsvarere Vibeke Hein Bæra" (the
// name at the end) after a cue: an indefinite article, a preposition, then
// words up to a mark or another preposition. The last run of two or more
// capitalised words after a lower-case word is the speaker; with no
// capitalised word the speaker is unnamed.
func (x *extractor) partitiveSubject(k, hi int) (np, bool) {
	toks := x.toks
	if k+2 >= hi || !toks[k].is(tWord) || toks[k].is(tCap) || !x.isIndefinite(x.low[toks[k].s:toks[k].e]) || !x.isPrepTok(k+1) {
		return np{}, false
	}
	end := k + 2
	run, runAt, lastRun := 0, -1, -1
	for end < hi && end <= k+8 && toks[end].is(tWord) && toks[end].q < 0 && !x.isPrepTok(end) {
		if toks[end].is(tCap) {
			if run == 0 {
				runAt = end
			}
			run++
			if run >= 2 && runAt > k+2 && !toks[runAt-1].is(tCap) {
				lastRun = runAt
			}
		} else {
			run = 0
		}
		end++
	}
	if end == k+2 {
		return np{}, false
	}
	if lastRun >= 0 {
		n, ok := x.subjectAfter(lastRun, hi)
		if ok && n.kind == npName {
			return n, true
		}
		return np{}, false
	}
	for m := k + 2; m < end; m++ {
		if toks[m].is(tCap) {
			return np{}, false // "en av Breiviks": whose, unclear
		}
	}
	return np{kind: npUnnamed, t0: k, t1: end, p0: k}, true
}

// describedHead skips the describing words of an inverted subject that
// opens with an article ("sier en sur og irritert Start-trener Arne
// Sandstø", "mener den meritterte alpinisten", "said a visibly angry coach
// John Smith"): from the article at token k over up to four
// adjective-like words (and the conjunctions between them) to a
// capitalised word or a role noun, whose token it returns. Anything else
// returns k, and the phrase is read from there as before.
func (x *extractor) describedHead(k, hi int) int {
	toks := x.toks
	if k >= hi || !toks[k].is(tWord) || toks[k].is(tCap) {
		return k
	}
	if w := x.low[toks[k].s:toks[k].e]; !x.isIndefinite(w) && !x.r.dets.has(w) {
		return k
	}
	j := k + 1
	for n := 0; j < hi && n < 4; n++ {
		t := toks[j]
		if !t.is(tWord) || t.q >= 0 || x.r.finite.has(x.low[t.s:t.e]) {
			return k
		}
		if t.is(tCap) || x.isRoleTok(j) {
			if n == 0 {
				return k // "en talsmann": the phrase reader takes it whole
			}
			return j
		}
		if !x.isAdjectiveLike(j) && !x.r.conjs.has(x.low[t.s:t.e]) {
			return k
		}
		j++
	}
	return k
}

// unnamedChunk reads a subject headed by an unnamed-source word that the
// phrase parser cannot take whole: "Supporters of the bill say", "a
// source close to the talks said". It looks from the clause start (the
// sentence start or a comma) to the cue at token j.
func (x *extractor) unnamedChunk(j, lo int) (np, bool) {
	k := j - 1
	for k >= lo {
		if p, st := x.r.adverbs.matchEnding(x, x.toks, k, lo); p != nil {
			k = st - 1
			continue
		}
		break
	}
	end := k + 1
	s := k
	for s >= lo && end-s <= 10 && x.toks[s].q < 0 && !x.isMark(s, ",", ";", ":", "(", ")") && !x.isDashTok(s) && !x.closeMarkAt(int(x.toks[s].s)) {
		s--
	}
	s++
	// "…, while 30% said", "though nearly a quarter said": the
	// conjunction joins the clause, it is no part of the subject
	for s < end && x.toks[s].is(tWord) && (x.r.conjs.has(x.low[x.toks[s].s:x.toks[s].e]) || x.r.parens.has(x.low[x.toks[s].s:x.toks[s].e])) {
		s++
	}
	if s >= end {
		return np{}, false
	}
	// "only 34% said", "nearly a quarter said": a share of the people
	// asked, unnamed
	for k := s; k < end; k++ {
		if x.isMark(k, "%") || x.toks[k].is(tWord) && x.r.shares.has(x.low[x.toks[k].s:x.toks[k].e]) {
			return np{kind: npUnnamed, p0: s, t0: s, t1: end}, true
		}
	}
	first := s
	if x.r.dets.has(x.low[x.toks[first].s:x.toks[first].e]) && first+1 < end {
		first++
	}
	indefinite := first > s && x.isIndefinite(x.low[x.toks[s].s:x.toks[s].e])
	for k := first; k < end && k <= first+2; k++ {
		w := x.low[x.toks[k].s:x.toks[k].e]
		_, role := x.r.isRoleWord(w)
		if x.r.unnamed.has(w) || role && indefinite {
			// "officials of …", "a spokesman for the company"
			return np{kind: npUnnamed, p0: s, t0: s, t1: end}, true
		}
		if x.r.documents.has(w) {
			// "A recent survey by Sony Ericsson predicted …": a document
			// speaks for its issuer when the phrase names one
			return np{kind: npDoc, p0: s, t0: s, t1: end}, true
		}
		if !x.toks[k].is(tCap) && !x.r.roleMods.has(w) && !x.isAdjectiveLike(k) {
			break
		}
	}
	return np{}, false
}

// isAdjectiveLike reports whether lower-case token k may modify a head
// noun after it ("a recent survey", "a further report"): any lower-case
// word that is not a verb cue, a complementizer or a preposition.
func (x *extractor) isAdjectiveLike(k int) bool {
	t := x.toks[k]
	if !t.is(tWord) || t.is(tCap) {
		return false
	}
	w := x.low[t.s:t.e]
	if x.r.noClause.has(w) || x.r.comps.has(w) || x.isPrepTok(k) {
		return false
	}
	p, _ := x.r.verbs.match(x, x.toks, k)
	return p == nil
}

// docIssuer returns the issuer a document phrase names ("survey by Sony
// Ericsson", "rapport fra FN"), or nil.
func (x *extractor) docIssuer(n np) *mention {
	// (also right after the phrase: "viser nye tall fra Statistisk
	// sentralbyrå")
	for k := n.t0; k <= n.t1 && k+1 < len(x.toks); k++ {
		if k == n.t1-1 || !x.toks[k].is(tWord) {
			continue
		}
		w := x.low[x.toks[k].s:x.toks[k].e]
		if x.r.issuerBy.has(w) {
			if m := x.mentionAt(k + 1); m != nil && (m.t1 <= n.t1 || k == n.t1 && m.t0 == k+1) {
				return m
			}
		}
	}
	return nil
}

// docAntecedent returns the issuer of the document a definite document
// phrase refers back to ("rapporten", "the report"): the nearest earlier
// document word followed within four words by an issuer marker and a
// name ("en rapport utarbeidet av Centre for American Progress", "a
// report by Amnesty"), or nil.
func (x *extractor) docAntecedent(n np) *mention {
	head := x.low[x.toks[n.t1-1].s:x.toks[n.t1-1].e]
	det := x.low[x.toks[n.t0].s:x.toks[n.t0].e]
	definite := n.t1-n.t0 > 1 && x.r.dets.has(det) && !x.isIndefinite(det)
	if x.r.documents.has(head) {
		for _, de := range x.r.defEnds {
			if len(de) >= 2 && strings.HasSuffix(head, de) {
				definite = true // "rapporten": the document named before
				break
			}
		}
	}
	if !definite {
		return nil // "a report", "ny rapport": a new document, not one named before
	}
	for k := n.t0 - 1; k >= 0 && k >= n.t0-600; k-- {
		if !x.toks[k].is(tWord) || !x.r.documents.has(x.low[x.toks[k].s:x.toks[k].e]) {
			continue
		}
		for j := k + 1; j < len(x.toks) && j <= k+4; j++ {
			if !x.toks[j].is(tWord) {
				break
			}
			if x.r.issuerBy.has(x.low[x.toks[j].s:x.toks[j].e]) {
				if m := x.mentionAt(j + 1); m != nil && m.t0 == j+1 && !m.place && !m.quoted {
					return m
				}
				break
			}
		}
	}
	return nil
}

// isPrepTok reports whether token k is a preposition that can tie a role
// to a place or organisation ("i", "in", "at", "of", "for", "hos", "ved").
func (x *extractor) isPrepTok(k int) bool {
	if !x.toks[k].is(tWord) {
		return false
	}
	return x.r.preps.has(x.low[x.toks[k].s:x.toks[k].e])
}

// detBeforeName reports whether token k, a pronoun that is also a
// determiner ("den", "de"), is the article of a phrase naming someone
// ("ifølge den israelske avisen Jerusalem Post", "ifølge den norske
// professoren Kari Holm"): a capitalised word follows within three words,
// reached over adjectives and a role or media noun.
func (x *extractor) detBeforeName(k, hi int) bool {
	if !x.r.dets.has(x.tokLow(k)) || x.toks[k].is(tCap) && k+1 < hi && !x.toks[k+1].is(tWord) {
		return false
	}
	for j := k + 1; j < hi && j <= k+4; j++ {
		t := x.toks[j]
		if !t.is(tWord) || t.q >= 0 {
			return false
		}
		if t.is(tCap) {
			return j > k+1
		}
		if !x.leadsToName(j, hi) && !x.isNPWord(j) {
			return false
		}
	}
	return false
}

// leadsToName reports whether lower-case token k is an adjective in front
// of a role noun or name within two words ("administrerende direktør
// Astrid Eidsvik").
func (x *extractor) leadsToName(k, hi int) bool {
	t := x.toks[k]
	if !t.is(tWord) || t.is(tCap) || t.is(tDigit) {
		return false
	}
	for j := k + 1; j < hi && j <= k+2; j++ {
		u := x.toks[j]
		if !u.is(tWord) {
			return false
		}
		if _, role := x.r.isRoleWord(x.low[u.s:u.e]); role {
			return true
		}
		if p, end := x.r.mediaNouns.match(x, x.toks, j); p != nil && end < hi && x.toks[end].is(tCap) {
			return true // "den israelske avisen Jerusalem Post"
		}
	}
	return false
}

// innerOf reports whether token k is an "of" joining two capitalised
// words inside a name ("House of Representatives").
func (x *extractor) innerOf(k, lo int) bool {
	if k-1 < lo || k+1 >= len(x.toks) || !x.toks[k].is(tWord) {
		return false
	}
	w := x.low[x.toks[k].s:x.toks[k].e]
	return x.r.joiners.has(w) && x.toks[k-1].is(tCap) && x.toks[k+1].is(tCap)
}

func (x *extractor) allNPWords(a, b int) bool {
	for k := a; k < b; k++ {
		if !x.isNPWord(k) && !x.innerOf(k, a) && !(x.toks[k].is(tPunct) && x.text[x.toks[k].s:x.toks[k].e] == ".") {
			return false
		}
	}
	return true
}

func (x *extractor) allLower(a, b int) bool {
	for k := a; k < b; k++ {
		if !x.toks[k].is(tWord) || x.toks[k].is(tCap) || x.toks[k].is(tDigit) {
			return false
		}
	}
	return true
}

func (x *extractor) isPronoun(w string) bool {
	r := x.r
	return r.pronMale.has(w) || r.pronFemale.has(w) || r.pronPlural.has(w) || r.pronNeuter.has(w) || r.pronFirst.has(w)
}

// classifyNP decides what the phrase [s, e) is.
func (x *extractor) classifyNP(s, e int) (np, bool) {
	toks := x.toks
	r := x.r
	n := np{t0: s, t1: e, p0: s}
	if e-s == 1 {
		w := x.low[toks[s].s:toks[s].e]
		switch {
		case r.pronMale.has(w):
			n.kind, n.gender = npPronoun, 'm'
			return n, true
		case r.pronFemale.has(w):
			n.kind, n.gender = npPronoun, 'f'
			return n, true
		case r.pronPlural.has(w):
			n.kind, n.plural = npPronoun, true
			return n, true
		case r.pronNeuter.has(w):
			n.kind = npPronoun
			return n, true
		case r.pronFirst.has(w):
			n.kind = npFirst
			return n, true
		}
	}
	// a capitalised list word opening a sentence ("Analysts say",
	// "Fredsprisvinneren sa") is that word, not a name
	if e-s == 1 && toks[s].is(tCap) {
		w := x.low[toks[s].s:toks[s].e]
		_, isRole := r.isRoleWord(w)
		if r.unnamed.has(w) && !isRole || x.unnamedPlural(w) && r.unnamed.has(w) {
			n.kind = npUnnamed
			return n, true
		}
		if isRole && !r.isGivenName(w) {
			base, _ := r.isRoleWord(w)
			n.kind, n.role = npRole, base
			n.gender = roleGender(r, base, 0)
			return n, true
		}
		if base, ok := x.definiteNoun(s); ok {
			n.kind, n.role = npRole, base
			return n, true
		}
	}
	// a lower-case head noun after names decides: "Argentine officials",
	// "Russian Foreign Ministry spokeswoman"
	headIsNoun := false
	if e-s >= 2 && toks[e-1].is(tWord) && !toks[e-1].is(tCap) {
		w := x.low[toks[e-1].s:toks[e-1].e]
		_, isRole := r.isRoleWord(w)
		headIsNoun = r.unnamed.has(w) || isRole
		if p, end := r.mediaNouns.match(x, toks, e-1); p != nil && end == e && toks[e-2].is(tCap) {
			n.kind = npOrg // "Haugesund avis": a named medium
			return n, true
		}
	}
	// a name inside the phrase
	for k := e - 1; k >= s && !headIsNoun; k-- {
		if m := x.mentionAt(k); m != nil && m.t0 >= s {
			if m.place && m.t0 > s {
				// "Senator John Cornyn of Texas": the place is no speaker
				if o := x.mentionAt(m.t0 - 2); o != nil && o.t0 >= s && !o.place {
					k = o.t1
					continue
				}
			}
			n.kind, n.name = npName, m
			if m.org {
				// "the Kremlin", "the IAAF": keep the article as written
				n.t0 = s
				for n.t0 < m.t0 && !x.isDetTok(n.t0) {
					n.t0++
				}
				if n.t0+1 < m.t0 && x.allLower(n.t0+1, m.t0) {
					n.t0 = m.t0 // "den lokale avisa VG": the article is the description's
				}
			} else {
				n.t0 = m.t0
			}
			n.t1 = m.t1
			return n, true
		}
	}
	// a capitalised word before names are known (dash quotations are cut
	// while the text is prepared): a name all the same
	if !x.namesReady {
		for k := e - 1; k >= s; k-- {
			w := x.low[toks[k].s:toks[k].e]
			if toks[k].is(tCap) && !r.notNames.has(w) && !r.roleMods.has(w) && !r.dets.has(w) {
				if _, isRole := r.isRoleWord(w); !isRole {
					n.kind = npName
					return n, true
				}
			}
		}
	}
	// no name: the head noun decides
	head := x.low[toks[e-1].s:toks[e-1].e]
	det := x.low[toks[s].s:toks[s].e]
	definite := !x.isIndefinite(det)
	if r.unnamed.has(head) && (!definite || !x.r.roles.has(head) || strings.HasSuffix(head, "s")) {
		if _, isRole := r.isRoleWord(head); !isRole || !definite || x.unnamedPlural(head) {
			n.kind = npUnnamed
			return n, true
		}
	}
	if base, ok := r.isRoleWord(head); ok {
		if !definite {
			n.kind = npUnnamed
			return n, true
		}
		n.kind, n.role = npRole, base
		for k := s; k < e; k++ {
			if toks[k].is(tPunct) && isApostrophe(firstRune(x.text[toks[k].s:])) {
				n.owned = true // "Mr Blair's official spokesman"
			}
		}
		n.gender = roleGender(r, base, 0)
		// multi-word role: "foreign minister"
		if e-s >= 2 {
			prev := x.low[toks[e-2].s:toks[e-2].e]
			if p, _ := r.roles.match(x, toks, e-2); p != nil && len(p.words) == 2 {
				n.role = prev + " " + base
			}
		}
		return n, true
	}
	if p, _ := r.orgWords.match(x, toks, e-1); p != nil {
		n.kind = npOrg
		return n, true
	}
	if r.documents.has(head) {
		n.kind = npDoc
		return n, true
	}
	if p, end := r.mediaNouns.match(x, toks, e-1); p != nil && end == e {
		n.kind = npOrg // "the newspaper reported", "avisen skriver"
		return n, true
	}
	if r.unnamed.has(head) {
		n.kind = npUnnamed
		return n, true
	}
	return np{}, false
}

// definiteNoun reports whether the capitalised word at token k, opening
// its sentence, is a common noun in a definite form rather than a name
// ("Forsvarskjempen mener …"): it ends in a definite ending of the
// language, is no given name, place, organisation or listed medium, and the article never
// writes it capitalised except at a sentence start. It returns the word
// without its ending, which then stands for a role the data does not list.
func (x *extractor) definiteNoun(k int) (string, bool) {
	if !x.namesReady {
		return "", false
	}
	m := x.mentionAt(k)
	if m == nil || m.t0 != k || m.t1 != k+1 || !m.initial || m.org || m.place || x.isPersonMention(m) || x.seen[m.keys[0]] > 0 {
		return "", false
	}
	if x.isMedium(k, k+1) {
		return "", false // "Aftenposten skriver", "Dagbladet melder": a listed medium
	}
	w := x.low[x.toks[k].s:x.toks[k].e]
	if x.r.isGivenName(w) {
		return "", false
	}
	for _, de := range x.r.defEnds {
		if len(de) >= 2 && len(w) >= len(de)+4 && strings.HasSuffix(w, de) {
			return w[:len(w)-len(de)], true
		}
	}
	return "", false
}

// isIndefinite reports whether w is an indefinite article.
func (x *extractor) isIndefinite(w string) bool {
	return x.r.indefs.has(w)
}

func (x *extractor) unnamedPlural(w string) bool {
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ne")
}

func (x *extractor) isDetTok(k int) bool {
	return x.r.dets.has(x.low[x.toks[k].s:x.toks[k].e])
}

// ---------------------------------------------------------------------
// Resolution.

// who is a resolved speaker.
type who struct {
	name string
	id   string
	kind SpeakerKind
	conf float64
	// gender, when known, for later pronouns
	gender byte
	single bool // an unnamed single person ("kvinna"): he/she may refer back
}

// resolve turns a subject phrase at token position k into a speaker.
func (x *extractor) resolve(n np, k int) who {
	switch n.kind {
	case npName:
		m := n.name
		if m == nil {
			if rn, ok := x.classifyNP(n.t0, n.t1); ok && rn.name != nil {
				n, m = rn, rn.name
			} else {
				name := x.npText(n)
				return who{name: name, id: SpeakerID(name), kind: SpeakerPerson, conf: 0.6}
			}
		}
		if m.org {
			name := x.text[x.toks[n.t0].s:x.toks[n.t1-1].e]
			return who{name: name, id: SpeakerID(name), kind: SpeakerOrganisation, conf: 0.9}
		}
		f := x.fullest(m, int(x.toks[m.t0].s))
		if f == m && !m.person {
			if o := x.orgFullest(m, int(x.toks[m.t0].s)); o != nil {
				name := x.nameText(o)
				return who{name: name, id: SpeakerID(name), kind: SpeakerOrganisation, conf: 0.85}
			}
		}
		name := x.nameText(f)
		kind := SpeakerPerson
		if !f.person && (len(f.keys) == 1 && x.looksOrg(f) || x.isMedium(f.t0, f.t1)) {
			kind = SpeakerOrganisation
		}
		m.asPerson = kind == SpeakerPerson
		if m.asPerson {
			x.personKeys[m.keys[len(m.keys)-1]] = true
			if a, b := x.jointPartner(m); a != nil {
				// "Kari Holm og Per Olsen sier", "sier Kari Holm (65) og
				// Per Olsen (79)": both, in the article's order
				name = x.nameText(x.fullest(a, int(x.toks[a.t0].s))) + "; " + x.nameText(x.fullest(b, int(x.toks[b.t0].s)))
				return who{name: name, id: SpeakerID(name), kind: kind, conf: 0.8}
			}
		}
		return who{name: name, id: SpeakerID(name), kind: kind, conf: 0.95, gender: f.gender}
	case npPronoun:
		return x.resolvePronoun(n, k)
	case npRole:
		return x.resolveRole(n, k)
	case npOrg:
		name := x.npText(n)
		return x.resolveOrg(name, n, k)
	case npUnnamed:
		return who{name: x.npText(n), kind: SpeakerUnnamed, conf: 0.9}
	case npDoc:
		if m := x.docIssuer(n); m != nil {
			return x.resolve(np{kind: npName, t0: m.t0, t1: m.t1, p0: m.t0, name: m}, k)
		}
		if m := x.docAntecedent(n); m != nil {
			// "ifølge rapporten" after "en rapport utarbeidet av X"; an
			// issuer named across "for"/"of" ("Centre for American
			// Progress") is one organisation
			t1 := m.t1
			for t1+1 < len(x.toks) && x.toks[t1].is(tWord) && (x.tokLow(t1) == "for" || x.tokLow(t1) == "of") {
				o := x.mentionAt(t1 + 1)
				if o == nil || o.t0 != t1+1 {
					break
				}
				t1 = o.t1
			}
			if t1 > m.t1 {
				name := x.text[x.toks[m.t0].s:x.toks[t1-1].e]
				return who{name: name, id: SpeakerID(name), kind: SpeakerOrganisation, conf: 0.7}
			}
			return x.resolve(np{kind: npName, t0: m.t0, t1: m.t1, p0: m.t0, name: m}, k)
		}
		if k2 := n.t1 + 1; k2 < len(x.toks) && x.toks[k2-1].is(tWord) && x.r.issuerBy.has(x.tokLow(k2-1)) &&
			x.toks[k2].is(tWord) && !x.toks[k2].is(tCap) && x.r.unnamed.has(x.tokLow(k2)) {
			// "ifølge en pressemelding fra politiet": an unnamed body issued it
			return who{name: x.tokText(k2), kind: SpeakerUnnamed, conf: 0.8}
		}
		return who{} // whose statement it is stays open
	}
	return who{}
}

// jointPartner finds a second person named jointly with mention m, as
// "A og B" with nothing else in the clause on that side: A opens the
// sentence or follows a mark, B ends at a mark or the sentence end (an
// age in brackets after either is passed over). It returns the two in
// order, or nils.
func (x *extractor) jointPartner(m *mention) (*mention, *mention) {
	sn := x.sents[m.sent]
	person := func(o *mention) bool {
		return o != nil && o != m && !o.org && !o.place && !o.quoted && o.sent == m.sent && x.isPersonMention(o)
	}
	// past an age in brackets: "(65)"
	skipAge := func(k int) int {
		if k+2 < sn.t1 && x.isMark(k, "(") && x.toks[k+1].is(tDigit) && x.isMark(k+2, ")") {
			return k + 3
		}
		return k
	}
	// to the right: "m og B" ending the clause
	if k := skipAge(m.t1); k+1 < sn.t1 && x.isConj(k) {
		if b := x.mentionAt(k + 1); b != nil && b.t0 == k+1 && person(b) {
			if e := skipAge(b.t1); e >= sn.t1 || x.toks[e].is(tPunct) && !x.isMark(e, "(") || x.isPrepTok(e) {
				return m, b
			}
		}
	}
	// to the left: "A og m" opening the clause
	if k := m.t0 - 1; k > sn.t0 && x.isConj(k) {
		j := k - 1
		if j-2 >= sn.t0 && x.isMark(j, ")") && x.toks[j-1].is(tDigit) && x.isMark(j-2, "(") {
			j -= 3
		}
		if a := x.mentionAt(j); a != nil && a.t1 == j+1 && person(a) && (a.t0 == sn.t0 || x.toks[a.t0-1].is(tPunct)) {
			return a, m
		}
	}
	return nil, nil
}

// isMedium reports whether tokens [a, b) are a listed medium.
func (x *extractor) isMedium(a, b int) bool {
	p, end := x.r.media.match(x, x.toks, a)
	if p != nil && end == b {
		return true
	}
	// a name ending in a media noun: "Bowling Green Daily News"
	if b-a >= 2 && x.toks[b-1].is(tCap) && x.toks[a].is(tCap) {
		if p, end := x.r.mediaNouns.match(x, x.toks, b-1); p != nil && end == b {
			return true
		}
	}
	return false
}

// looksOrg guesses whether a lone capitalised word used as a speaker is an
// organisation or place ("Moscow", "Kiev", "Chrysler") rather than a
// surname: no person evidence anywhere in the article and no given name
// before it.
func (x *extractor) looksOrg(m *mention) bool {
	if m.gender != 0 || len(m.roles) > 0 {
		return false
	}
	return m.org || m.place
}

// resolvePronoun finds who a pronoun subject stands for. He/she (han/hun):
// the speaker of the statement just before when the last sentences name
// them or they spoke in the previous sentence; else the person named in
// the nearest sentence before, subject first, possessives last. Gender
// from titles, role nouns and given names rules candidates out.
// They/it: the most recent organisation or unnamed group speaker.
func (x *extractor) resolvePronoun(n np, k int) who {
	pos := int(x.toks[k].s)
	si := x.sentOf(k)
	if n.plural || n.gender == 0 {
		for i := len(x.out) - 1; i >= 0 && i >= len(x.out)-6; i-- {
			st := x.out[i]
			if st.Start > pos || st.Kind == Assertion {
				continue
			}
			if n.plural && (st.SpeakerKind == SpeakerUnnamed || st.SpeakerKind == SpeakerOrganisation || strings.Contains(st.Speaker, "; ")) && st.Speaker != "" {
				return who{name: st.Speaker, id: st.SpeakerID, kind: st.SpeakerKind, conf: 0.6}
			}
			if !n.plural && st.SpeakerKind == SpeakerOrganisation {
				return who{name: st.Speaker, id: st.SpeakerID, kind: st.SpeakerKind, conf: 0.6}
			}
		}
		return who{}
	}
	// the last statement's speaker (the person asked, past a question)
	last, asked := x.lastSpeakerStmt(pos)
	lastOK := last != nil && last.SpeakerKind == SpeakerPerson && last.Speaker != "" && genderOK(n.gender, last.gender) &&
		!strings.Contains(last.Speaker, "; ") // he or she is not both of a joint speaker
	if lastOK && (last.sent >= si-1 || asked && last.para >= x.sents[si].para-2) {
		return who{name: last.Speaker, id: last.SpeakerID, kind: SpeakerPerson, conf: 0.85, gender: last.gender}
	}
	if last != nil && last.single && last.sent >= si-1 && genderOK(n.gender, last.gender) {
		return who{name: last.Speaker, kind: SpeakerUnnamed, conf: 0.7, gender: last.gender, single: true}
	}
	var lastID string
	if lastOK {
		lastID = last.SpeakerID
	}
	w, ok := x.recentPerson(si, pos, n.gender, lastID, false)
	if !ok && lastOK && x.paraGap(last.para, x.sents[si].para) <= 1 {
		// only capitalised words of no known kind in the sentences between
		// ("… ignoring a recent Law Lords judgement, he said. … He said
		// …"): the last speaker before them
		return who{name: last.Speaker, id: last.SpeakerID, kind: SpeakerPerson, conf: 0.7, gender: last.gender}
	}
	if !ok {
		w, ok = x.recentPerson(si, pos, n.gender, lastID, true)
	}
	if !ok {
		// nobody named in the sentences between: "…, sier
		// Venstre-politikeren. Han reagerer også på … – …, sier han."
		if lastOK && x.paraGap(last.para, x.sents[si].para) <= 1 {
			return who{name: last.Speaker, id: last.SpeakerID, kind: SpeakerPerson, conf: 0.7, gender: last.gender}
		}
		return who{}
	}
	if lastOK && w.id == last.SpeakerID {
		return who{name: last.Speaker, id: last.SpeakerID, kind: SpeakerPerson, conf: 0.85, gender: last.gender}
	}
	return w
}

// lastSpeakerStmt returns the last statement before byte pos, passing
// over one unattributed question in a dash paragraph or quotation (the
// reporter's: "- Synes du det er for lite?" – the answer's "sier hun" is
// the person asked; asked says so), or nil.
func (x *extractor) lastSpeakerStmt(pos int) (last *stmt, asked bool) {
	for i := len(x.out) - 1; i >= 0; i-- {
		st := &x.out[i]
		if st.Kind == Assertion || st.Start >= pos {
			continue
		}
		if st.Kind == Direct && st.Speaker == "" && st.Cue == "" && !asked {
			if r, _ := runeBefore(x.text, st.End); r == '?' {
				asked = true
				continue
			}
		}
		return st, asked
	}
	return nil, false
}

// recentPerson finds the person named nearest before byte pos in sentence
// si or the three before it (not crossing more than one paragraph): in
// the nearest sentence that names one, the last speaker (lastID) when
// named there, else its subject (the first name), else another name, a
// possessive last. weak admits capitalised words with no sign of a
// person (not after a preposition).
func (x *extractor) recentPerson(si, pos int, gender byte, lastID string, weak bool) (who, bool) {
	para := x.sents[si].para
	type cand struct {
		m    *mention
		f    *mention
		rank int
	}
	var nearest []cand
	for s := si; s >= 0 && si-s <= 3 && nearest == nil; s-- {
		if x.sents[s].para < para-1 {
			break
		}
		var cands []cand
		// a sentence whose he/she stands beside a name ("I går ringte han
		// til Per Olsen") speaks of someone else before: only a name
		// opening it can be the one
		pron := x.hasPronoun(s, pos, gender)
		for i := x.mentStart[s]; i < x.mentStart[s+1]; i++ {
			m := &x.mentions[i]
			if m.sent != s || m.quoted || int(x.toks[m.t0].s) >= pos || m.org || m.place {
				continue
			}
			if pron && !(m.initial || m.t0 == x.sents[s].t0) {
				continue
			}
			isWeak := !x.isPersonMention(m)
			if isWeak && (!weak || m.t0 > 0 && x.r.placePreps.has(x.low[x.toks[m.t0-1].s:x.toks[m.t0-1].e])) {
				continue // "på Sørvestlandet": a place
			}
			if isWeak && len(m.keys) == 1 && m.initial && x.seen[m.keys[0]] == 0 {
				// "Likevel mener han", "Testene kom …", "Bislett:": a
				// capitalised word only ever seen opening a sentence is
				// no sign of a name
				continue
			}
			f := x.fullest(m, int(x.toks[m.t0].s))
			g := m.gender
			if g == 0 {
				g = f.gender
			}
			if !genderOK(gender, g) {
				continue
			}
			name := x.nameText(f)
			if lastID != "" && SpeakerID(name) == lastID {
				return who{name: name, id: lastID, kind: SpeakerPerson, conf: 0.85, gender: g}, true
			}
			rank := 1
			if m.initial || m.t0 == x.sents[s].t0 {
				rank = 0
			}
			if m.possess {
				rank = 2
			}
			if isWeak {
				rank = 3 // a capitalised word with no sign of a person
			}
			cands = append(cands, cand{m, f, rank})
		}
		if len(cands) > 0 {
			nearest = cands
		}
	}
	if len(nearest) == 0 {
		return who{}, false
	}
	best := nearest[0]
	for _, c := range nearest[1:] {
		if c.rank < best.rank {
			best = c
		}
	}
	name := x.nameText(best.f)
	g := best.m.gender
	if g == 0 {
		g = best.f.gender
	}
	conf := 0.75
	if best.rank == 3 {
		conf = 0.55
	}
	return who{name: name, id: SpeakerID(name), kind: SpeakerPerson, conf: conf, gender: g}, true
}

// hasPronoun reports whether sentence s has, before byte pos and outside
// quotations, a he (gender 'm') or she ('f') pronoun.
func (x *extractor) hasPronoun(s, pos int, gender byte) bool {
	if gender == 0 {
		return false
	}
	for k := x.sents[s].t0; k < x.sents[s].t1 && int(x.toks[k].s) < pos; k++ {
		if !x.toks[k].is(tWord) || x.toks[k].q >= 0 {
			continue
		}
		w := x.tokLow(k)
		if gender == 'm' && x.r.pronMale.has(w) || gender == 'f' && x.r.pronFemale.has(w) {
			return true
		}
	}
	return false
}

// isPersonMention reports whether a mention names a person: evidence on
// it or its fullest form, or its name used for a person speaker before.
func (x *extractor) isPersonMention(m *mention) bool {
	if m.person || m.asPerson {
		return true
	}
	return x.personKeys[m.keys[len(m.keys)-1]]
}

func genderOK(want, have byte) bool {
	return want == 0 || have == 0 || want == have
}

// resolveRole finds the person an article named with the role ("the
// minister" → the person introduced as Foreign Minister), nearest before
// the reference first; with none, the most recent person speaker.
func (x *extractor) resolveRole(n np, k int) who {
	pos := int(x.toks[k].s)
	// the person just quoted, when introduced with this role: "sier
	// forsvareren" after her answers, though another defender was named
	// since
	if last, _ := x.lastSpeakerStmt(pos); last != nil && last.SpeakerKind == SpeakerPerson && last.Speaker != "" && last.sent >= x.sentOf(k)-3 {
		for rl, idx := range x.roleIdx {
			if !roleMatches(rl, n.role) {
				continue
			}
			for _, i := range idx {
				m := &x.mentions[i]
				if m.org || m.quoted || int(x.toks[m.t0].s) >= pos {
					continue
				}
				if f := x.fullest(m, int(x.toks[m.t0].s)); SpeakerID(x.nameText(f)) == last.SpeakerID {
					return who{name: last.Speaker, id: last.SpeakerID, kind: SpeakerPerson, conf: 0.85, gender: last.gender}
				}
			}
		}
	}
	var best *mention
	bestD := 0
	for rl, idx := range x.roleIdx {
		if !roleMatches(rl, n.role) {
			continue
		}
		j := sort.Search(len(idx), func(i int) bool { return int(x.toks[x.mentions[idx[i]].t0].s) >= pos })
		for _, c := range []int{j - 1, j} {
			if c < 0 || c >= len(idx) {
				continue
			}
			m := &x.mentions[idx[c]]
			if m.org || m.quoted {
				continue
			}
			d := pos - int(x.toks[m.t0].s)
			if d < 0 && n.compl {
				continue
			}
			if d < 0 {
				d = -d + 1<<20 // after the reference: only when none before
			}
			if best == nil || d < bestD || d == bestD && x.mentionBefore(m, best) {
				best, bestD = m, d
			}
		}
	}
	if best != nil {
		f := x.fullest(best, int(x.toks[best.t0].s))
		name := x.nameText(f)
		return who{name: name, id: SpeakerID(name), kind: SpeakerPerson, conf: 0.85, gender: f.gender}
	}
	if n.owned || n.compl {
		// "Mr Blair's official spokesman": someone else, unnamed
		return who{name: x.npText(n), kind: SpeakerUnnamed, conf: 0.7, gender: n.gender, single: true}
	}
	// the person the last sentences name ("The 30-year-old, …", "the
	// diplomat added"), then the most recent person speaker, when gender
	// does not rule them out
	if w, ok := x.recentPerson(x.sentOf(k), pos, n.gender, "", false); ok {
		w.conf = 0.65
		return w
	}
	for i := len(x.out) - 1; i >= 0; i-- {
		st := x.out[i]
		if st.Start > pos || st.Speaker == "" {
			continue
		}
		if st.SpeakerKind == SpeakerPerson && genderOK(n.gender, st.gender) {
			return who{name: st.Speaker, id: st.SpeakerID, kind: SpeakerPerson, conf: 0.6, gender: st.gender}
		}
		break
	}
	// a person the article describes but never names: "kvinna",
	// "48-åringen", "the 52-year-old farmer"
	return who{name: x.npText(n), kind: SpeakerUnnamed, conf: 0.7, gender: n.gender, single: true}
}

func (x *extractor) mentionBefore(a, b *mention) bool { return a.t0 < b.t0 }

// resolveOrg resolves "the company", "selskapet" to the organisation the
// article named, when there is exactly one recent candidate; otherwise the
// phrase as written.
func (x *extractor) resolveOrg(name string, n np, k int) who {
	head := x.low[x.toks[n.t1-1].s:x.toks[n.t1-1].e]
	if w, ok := x.mediumBefore(n, k); ok {
		return w
	}
	if x.r.coHeads.has(head) {
		pos := int(x.toks[k].s)
		start := sort.Search(len(x.mentions), func(i int) bool { return int(x.toks[x.mentions[i].t0].s) >= pos })
		for i := start - 1; i >= 0 && i >= start-300; i-- {
			m := &x.mentions[i]
			if !m.org || m.quoted {
				continue
			}
			if len(m.keys) < 2 && !x.hasOrgSuffix(m) {
				continue
			}
			nm := x.nameText(m)
			return who{name: nm, id: SpeakerID(nm), kind: SpeakerOrganisation, conf: 0.7}
		}
	}
	return who{name: name, id: SpeakerID(name), kind: SpeakerOrganisation, conf: 0.8}
}

// mediumBefore resolves a definite media noun ("the newspaper", "avisen")
// to the named medium of the statements just before: the relay or the
// organisation speaker of one of the last few statements in this or the
// three paragraphs before.
func (x *extractor) mediumBefore(n np, k int) (who, bool) {
	if n.t1-n.t0 > 2 || !x.isMediaNounPhrase(n) {
		return who{}, false
	}
	if n.t1-n.t0 == 2 && (!x.isDetTok(n.t0) || x.isIndefinite(x.low[x.toks[n.t0].s:x.toks[n.t0].e])) {
		return who{}, false // "a newspaper", "Russian media"
	}
	pos := int(x.toks[k].s)
	para := x.sents[x.sentOf(k)].para
	for i, seen := len(x.out)-1, 0; i >= 0 && seen < 8; i-- {
		st := &x.out[i]
		if st.Kind == Assertion || st.Start >= pos {
			continue
		}
		seen++
		if st.para < para-3 {
			break
		}
		if st.Via != "" && isUpperRune(firstRune(st.Via)) {
			return who{name: st.Via, id: SpeakerID(st.Via), kind: SpeakerOrganisation, conf: 0.7}, true
		}
		if st.SpeakerKind == SpeakerOrganisation && st.Speaker != "" && isUpperRune(firstRune(st.Speaker)) && strings.Contains(st.Speaker, " ") {
			return who{name: st.Speaker, id: st.SpeakerID, kind: SpeakerOrganisation, conf: 0.7}, true
		}
	}
	return who{}, false
}

func (x *extractor) hasOrgSuffix(m *mention) bool {
	for k := m.t0; k < m.t1; k++ {
		if p, _ := x.r.orgWords.match(x, x.toks, k); p != nil {
			return true
		}
	}
	return false
}

// sentOf returns the sentence index of token k.
func (x *extractor) sentOf(k int) int {
	lo, hi := 0, len(x.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if x.sents[m].t1 <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(x.sents) {
		return len(x.sents) - 1
	}
	return lo
}
