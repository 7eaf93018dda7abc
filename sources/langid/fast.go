package langid

import (
	_ "embed"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The fast path of Detect decides a language from letters and frequent
// words, with the knowledge in data files: letters.tsv (scripts,
// alphabets, Cyrillic letters), profiles.tsv (frequent words per
// language, grouped where languages share them), markers.tsv (words that
// tell Bokmål, Nynorsk and Danish apart). What it cannot decide clearly
// goes to the n-gram detector.

//go:embed data/profiles.tsv
var profilesTSV string

//go:embed data/letters.tsv
var lettersTSV string

//go:embed data/markers.tsv
var markersTSV string

// maxWords is how many words of a sample the fast path counts: enough
// to decide a language by its frequent words, and a bound on the time.
const maxWords = 120

// maxLangs is how many languages profiles.tsv may list (a word's
// languages are a bit set).
const maxLangs = 64

// tables is the compiled knowledge of the data files.
type tables struct {
	langs    []string // profile languages, in file order
	group    []int    // language index -> group index
	groups   []string // group names
	members  [][]int  // group index -> language indices
	gbits    []uint64 // group index -> bit set of its languages
	words    map[string]wordInfo
	alphabet map[string]string // language -> letters beyond a-z it writes
	scripts  []scriptRule
	persian  string // Arabic-script letters that say Persian
	cyrillic []letterRule
	markers  []string // marker set names (markers.tsv), bits of wordInfo.marks
}

// wordInfo is what a lower-cased word form says: the profile languages
// it is frequent in, the marker sets it belongs to.
type wordInfo struct {
	langs uint64
	marks uint8
}

// maxMarkerSets is how many marker sets markers.tsv may name.
const maxMarkerSets = 8

// scriptRule: letters mostly of scripts say lang (letters.tsv "script").
type scriptRule struct {
	lang         string
	scripts      []*unicode.RangeTable
	markScripts  []*unicode.RangeTable
	needsMarkers bool
}

// letterRule decides a Cyrillic language from its letters alone.
type letterRule struct {
	lang            string
	marks, excludes string
}

var (
	tablesOnce sync.Once
	tab        *tables
)

func theTables() *tables {
	tablesOnce.Do(func() { tab = parseTables(profilesTSV, lettersTSV, markersTSV) })
	return tab
}

// dataLines returns the tab-separated fields of the non-comment lines.
func dataLines(src string) [][]string {
	var out [][]string
	for _, ln := range strings.Split(src, "\n") {
		ln = strings.TrimRight(ln, "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		out = append(out, strings.Split(ln, "\t"))
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// parseTables compiles the data files; malformed lines are skipped (the
// data files are tested).
func parseTables(profiles, letters, markers string) *tables {
	t := &tables{words: map[string]wordInfo{}, alphabet: map[string]string{}}
	index, gindex := map[string]int{}, map[string]int{}
	for _, c := range dataLines(profiles) {
		if len(c) != 3 {
			continue
		}
		k, ok := index[c[0]]
		if !ok {
			if len(t.langs) == maxLangs {
				continue
			}
			k = len(t.langs)
			index[c[0]] = k
			t.langs = append(t.langs, c[0])
			g, ok := gindex[c[1]]
			if !ok {
				g = len(t.groups)
				gindex[c[1]] = g
				t.groups = append(t.groups, c[1])
				t.members = append(t.members, nil)
			}
			t.group = append(t.group, g)
			t.members[g] = append(t.members[g], k)
		}
		for _, w := range splitList(c[2]) {
			wi := t.words[w]
			wi.langs |= 1 << k
			t.words[w] = wi
		}
	}
	t.gbits = make([]uint64, len(t.groups))
	for k, g := range t.group {
		t.gbits[g] |= 1 << k
	}
	for _, c := range dataLines(letters) {
		if len(c) < 3 {
			continue
		}
		switch c[1] {
		case "script":
			r := scriptRule{lang: c[0], scripts: scriptTables(c[2])}
			if len(c) > 3 && c[3] != "" {
				r.markScripts, r.needsMarkers = scriptTables(c[3]), true
			}
			if len(r.scripts) > 0 {
				t.scripts = append(t.scripts, r)
			}
		case "arabic":
			t.persian = c[2]
		case "cyrillic":
			if len(c) == 4 {
				t.cyrillic = append(t.cyrillic, letterRule{c[0], c[2], c[3]})
			}
		case "alphabet":
			t.alphabet[c[0]] = c[2]
		}
	}
	for _, c := range dataLines(markers) {
		if len(c) != 2 {
			continue
		}
		m := slices.Index(t.markers, c[0])
		if m < 0 {
			if len(t.markers) == maxMarkerSets {
				continue
			}
			m = len(t.markers)
			t.markers = append(t.markers, c[0])
		}
		for _, w := range splitList(c[1]) {
			wi := t.words[w]
			wi.marks |= 1 << m
			t.words[w] = wi
		}
	}
	return t
}

func scriptTables(names string) []*unicode.RangeTable {
	var out []*unicode.RangeTable
	for _, n := range splitList(names) {
		if rt, ok := unicode.Scripts[n]; ok {
			out = append(out, rt)
		}
	}
	return out
}

// letterStats is what one pass over a sample finds about its letters.
type letterStats struct {
	letters, upper, latin, cyrillic, arabic int
	// foreign counts, per profile language with an alphabet, the Latin
	// letters beyond a-z the language does not write.
	foreign [maxLangs]int
}

func isIn(r rune, tables []*unicode.RangeTable) bool {
	for _, t := range tables {
		if unicode.Is(t, r) {
			return true
		}
	}
	return false
}

// scan counts the letters of s by script, and for each profile language
// the letters outside its alphabet.
func (t *tables) scan(s string) letterStats {
	var st letterStats
	var extra [64]rune // distinct non-ASCII Latin letters seen
	var extraN [64]int
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				st.letters++
				st.latin++
				if r <= 'Z' {
					st.upper++
				}
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		st.letters++
		if unicode.IsUpper(r) {
			st.upper++
		}
		switch {
		case unicode.Is(unicode.Latin, r):
			st.latin++
			r = unicode.ToLower(r)
			k := 0
			for k < n && extra[k] != r {
				k++
			}
			if k == n && n < len(extra) {
				extra[n] = r
				n++
			}
			if k < len(extra) {
				extraN[k]++
			}
		case unicode.Is(unicode.Cyrillic, r):
			st.cyrillic++
		case unicode.Is(unicode.Arabic, r):
			st.arabic++
		}
	}
	for i, l := range t.langs {
		alpha, ok := t.alphabet[l]
		if !ok {
			continue
		}
		for k := 0; k < n; k++ {
			if !strings.ContainsRune(alpha, extra[k]) {
				st.foreign[i] += extraN[k]
			}
		}
	}
	return st
}

// byScript decides a text whose letters are mostly of a script one
// language of the detector writes (letters.tsv "script", "arabic").
func (t *tables) byScript(s string, st letterStats) (string, bool) {
	if st.latin*10 >= st.letters*6 || st.cyrillic*10 >= st.letters*6 {
		return "", false
	}
	if st.arabic*10 >= st.letters*6 {
		marks := 0
		for _, r := range s {
			if strings.ContainsRune(t.persian, r) {
				marks++
			}
		}
		if t.persian != "" && marks >= 2 {
			return "fa", true
		}
		return "ar", true
	}
	for _, rule := range t.scripts {
		in, mark := 0, 0
		for _, r := range s {
			if !unicode.IsLetter(r) {
				continue
			}
			if isIn(r, rule.scripts) {
				in++
			}
			if rule.needsMarkers && isIn(r, rule.markScripts) {
				mark++
			}
		}
		if in*10 >= st.letters*6 && (!rule.needsMarkers || mark*20 >= st.letters) {
			return rule.lang, true
		}
	}
	return "", false
}

// byCyrillic decides Cyrillic texts whose letters alone say the language:
// most letters Cyrillic, three or more of the language's own letters,
// none of its neighbours'.
func (t *tables) byCyrillic(s string, st letterStats) (string, bool) {
	if st.letters < 20 || st.cyrillic*10 < st.letters*8 {
		return "", false
	}
	low := strings.ToLower(s)
	for _, rule := range t.cyrillic {
		marks := 0
		for _, r := range low {
			if strings.ContainsRune(rule.marks, r) {
				marks++
			}
		}
		if marks >= 3 && !strings.ContainsAny(low, rule.excludes) {
			return rule.lang, true
		}
	}
	return "", false
}

// wordCounts counts, per profile language, the words of s in its
// profile, and the words of s.
type wordCounts struct {
	per   [maxLangs]int
	total int
	// only counts the words that are in exactly one language's profile
	// among the members of their group.
	only [maxLangs]int
	// marks counts the words of each marker set.
	marks [maxMarkerSets]int
}

// Words in capitals are left out (see profiles.tsv) unless most letters
// of s are capitals.
func (t *tables) countWords(s string, st letterStats) wordCounts {
	var wc wordCounts
	var buf [48]byte
	skipCaps := st.upper*2 < st.letters
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		wc.total++
		if wc.total > maxWords {
			wc.total--
			break
		}
		if skipCaps && j-i > 1 && allCaps(s[i:j]) {
			i = j
			continue
		}
		if j-i <= len(buf) {
			w := buf[:0]
			for _, c := range s[i:j] {
				w = utf8.AppendRune(w, unicode.ToLower(c))
			}
			if wi, ok := t.words[string(w)]; ok {
				for m := range t.markers {
					if wi.marks&(1<<m) != 0 {
						wc.marks[m]++
					}
				}
				for rest := wi.langs; rest != 0; rest &= rest - 1 {
					k := bits.TrailingZeros64(rest)
					wc.per[k]++
					if wi.langs&t.gbits[t.group[k]] == 1<<k {
						wc.only[k]++
					}
				}
			}
		}
		i = j
	}
	return wc
}

// allCaps reports whether every letter of w is a capital.
func allCaps(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// excluded reports whether the letters of the sample rule language k
// out: three or more letters outside its alphabet, at least 1% of the
// letters.
func (t *tables) excluded(k int, st letterStats) bool {
	f := st.foreign[k]
	return f >= 3 && f*100 >= st.letters
}

// byWords decides the group of a Latin or Cyrillic text from its
// frequent words: the leading group's words (its best member's) make up
// at least a quarter of them and outnumber the runner-up's two and a half
// times (for 12 to 24 words: a third, and four times). A text whose only
// profile words are one group's is decided with less: at least three of
// them and an eighth of its words (tables, lists and other short-worded
// text), or for 5 to 11 words, at least four and half of them. Languages
// whose alphabet the letters exclude do not compete. It returns the
// group's index.
func (t *tables) byWords(wc wordCounts, st letterStats) (int, bool) {
	if wc.total < 5 {
		return 0, false
	}
	best, c1, c2 := -1, 0, 0
	score := make([]int, len(t.groups))
	for k := range t.langs {
		if t.excluded(k, st) {
			continue
		}
		if g := t.group[k]; wc.per[k] > score[g] {
			score[g] = wc.per[k]
		}
	}
	for g, c := range score {
		if best < 0 || c > c1 {
			best, c1 = g, c
		}
	}
	for g, c := range score {
		if g != best && c > c2 {
			c2 = c
		}
	}
	switch {
	case c1 == 0:
		return 0, false
	case wc.total < 12:
		return best, c2 == 0 && c1 >= 4 && c1*2 >= wc.total
	case c2 == 0 && c1 >= 3 && c1*8 >= wc.total:
		return best, true
	case wc.total >= 25:
		return best, c1*4 >= wc.total && c1*2 >= c2*5
	default:
		return best, c1*3 >= wc.total && c1 >= c2*4
	}
}

// inGroup decides the member of a group whose members share frequent
// words: by words only one member has (at least three, three times the
// runner-up's) when the letters exclude none of the competitors wrongly;
// for Bokmål, Nynorsk and Danish by the marker words of markers.tsv.
func (t *tables) inGroup(g int, wc wordCounts, st letterStats) (string, bool) {
	ms := t.members[g]
	if len(ms) == 1 {
		return t.langs[ms[0]], true
	}
	// Members that stand apart by words of their own (Swedish among the
	// Scandinavian languages).
	best, c1, c2 := -1, 0, 0
	for _, k := range ms {
		if t.excluded(k, st) {
			continue
		}
		if wc.only[k] > c1 {
			best, c1 = k, wc.only[k]
		}
	}
	for _, k := range ms {
		if k != best && !t.excluded(k, st) && wc.only[k] > c2 {
			c2 = wc.only[k]
		}
	}
	if best >= 0 && c1 >= 3 && c1 >= 3*c2 && t.langs[best] == "sv" {
		return "sv", true
	}
	// Dano-Norwegian: markers.
	code, sure := t.danoNorwegian(wc)
	if sure && !t.excludedLang(code, st) {
		return code, true
	}
	return "", false
}

func (t *tables) excludedLang(code string, st letterStats) bool {
	for k, l := range t.langs {
		if l == code {
			return t.excluded(k, st)
		}
	}
	return false
}

// marker returns the count of the marker set named name.
func (t *tables) marker(wc wordCounts, name string) int {
	if m := slices.Index(t.markers, name); m >= 0 {
		return wc.marks[m]
	}
	return 0
}

// danoNorwegian decides Bokmål, Nynorsk or Danish by marker words:
// Norwegian when its forms number at least two and three times the
// Danish ones (Danish likewise); then Nynorsk when its forms number at
// least two and more than twice the Bokmål ones they replace.
func (t *tables) danoNorwegian(wc wordCounts) (string, bool) {
	nb, da := t.marker(wc, "nb-da"), t.marker(wc, "da")
	switch {
	case da >= 2 && da >= 3*nb:
		return "da", true
	case nb >= 2 && nb >= 3*da:
		if nn, nbnn := t.marker(wc, "nn"), t.marker(wc, "nb-nn"); nn >= 2 && nn > 2*nbnn {
			return "nn", true
		}
		return "nb", true
	}
	return "", false
}

// fastDetect is the whole fast path: scripts, Cyrillic letters, then
// frequent words and group members. ok is false when the text needs the
// n-gram detector; group then names the group the words point to ("" for
// none), so that the detector can be given only its members.
func fastDetect(s string) (code, group string, ok bool) {
	t := theTables()
	st := t.scan(s)
	if code, ok := t.byScript(s, st); ok {
		return code, "", true
	}
	if code, ok := t.byCyrillic(s, st); ok {
		return code, "", true
	}
	wc := t.countWords(s, st)
	g, ok := t.byWords(wc, st)
	if !ok {
		return "", "", false
	}
	if code, ok := t.inGroup(g, wc, st); ok {
		return code, "", true
	}
	return "", t.groups[g], false
}
