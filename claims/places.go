package claims

import (
	"strings"
	"sync"
	"unicode"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// place is one gazetteer entry (claims/lang/gazetteer.txt).
type fxPlace struct {
	name    string // canonical English name
	kind    string // country, city, region, org
	country string // the country it lies in; itself for a country
	short   string // for subjects: "US"
	region  string // the region a city lies in, when known
	capital bool
	metonym bool // stands for its country ("the Kremlin"); never a place
}

// gazetteer is the compiled gazetteer: names and adjectives of every
// language in one lexicon each (a name's payload is its place index).
type fxGazetteerT struct {
	places []fxPlace
	byName map[string]int
	names  *fxLexicon
	adjs   *fxLexicon
}

var (
	fxGazOnce sync.Once
	fxGaz     *fxGazetteerT
)

// genitiveEndings are appended to every name's last word so that
// "Russlands", "Russia's" and "Saudi Arabia’s" find their place; they are
// read from the [genitive] sections of every language.
func fxGenitiveEndings() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range lang.FactCodes() {
		p, _ := lang.Facts(c)
		for _, e := range p.Entries("genitive") {
			if !seen[e.Text] {
				seen[e.Text] = true
				out = append(out, e.Text)
			}
		}
	}
	return out
}

// nameCase decides how a gazetteer form must be written in text to match:
// an all-capital short form exactly (US, EU), a capitalised one with a
// capital (Moscow), a lower-case one in any case (russiske).
func fxNameCase(form string) fxPhraseCase {
	letters, uppers := 0, 0
	first := true
	cap := false
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
			if first {
				cap = unicode.IsUpper(r)
				first = false
			}
		}
	}
	switch {
	case letters > 0 && letters == uppers && letters <= 6:
		return fxCaseExact
	case cap:
		return fxCaseCap
	}
	return fxCaseAny
}

func fxLoadGazetteer() {
	g := &fxGazetteerT{byName: map[string]int{}, names: fxNewLexicon(), adjs: fxNewLexicon()}
	g.names.bit, g.adjs.bit = fxBitGazName, fxBitGazAdj
	secs := lang.Gazetteer()
	gens := fxGenitiveEndings()
	for _, kind := range []string{"country", "city", "region", "org"} {
		for _, e := range secs[kind] {
			p := fxPlace{name: e.Text, kind: kind}
			var names, adjs []string
			for _, f := range e.Flags {
				k, v, _ := strings.Cut(f, "=")
				switch k {
				case "names":
					names = strings.Split(v, ",")
				case "adj":
					adjs = strings.Split(v, ",")
				case "short":
					p.short = strings.ReplaceAll(v, "_", " ")
				case "country":
					p.country = strings.ReplaceAll(v, "_", " ")
				case "region":
					p.region = strings.ReplaceAll(v, "_", " ")
				case "capital":
					p.capital = true
				case "metonym":
					p.metonym = true
				}
			}
			if kind == "country" {
				p.country = p.name
			}
			if p.short == "" {
				p.short = p.name
			}
			g.places = append(g.places, p)
			idx := len(g.places) - 1
			g.byName[p.name] = idx
			if len(names) == 0 {
				names = []string{strings.ReplaceAll(p.name, " ", "_")}
			}
			for _, n := range names {
				if n == "" {
					continue
				}
				cs := fxNameCase(n)
				g.names.add(n, nil, idx, cs)
				if cs != fxCaseExact {
					for _, gen := range gens {
						g.names.add(n+gen, nil, idx, cs)
					}
				}
			}
			for _, a := range adjs {
				if a != "" {
					g.adjs.add(a, nil, idx, fxNameCase(a))
				}
			}
		}
	}
	fxGaz = g
}

func fxGetGazetteer() *fxGazetteerT {
	fxGazOnce.Do(fxLoadGazetteer)
	return fxGaz
}

// placeAt finds a gazetteer name at toks[i]: the place index, the token
// count, ok. allCaps turns off short all-capital forms ("US" in a shouted
// headline may be the pronoun).
func (g *fxGazetteerT) placeAt(text string, toks []fxTok, i int, allCaps bool) (int, int, bool) {
	id, n := g.names.match(text, toks, i)
	if id < 0 {
		return -1, 0, false
	}
	e := &g.names.entries[id]
	if allCaps && e.cs == fxCaseExact && len(e.raw) == 1 && len(e.raw[0]) <= 3 {
		return -1, 0, false
	}
	return e.val, n, true
}

// adjAt finds a demonym or country adjective at toks[i].
func (g *fxGazetteerT) adjAt(text string, toks []fxTok, i int) (int, int, bool) {
	id, n := g.adjs.match(text, toks, i)
	if id < 0 {
		return -1, 0, false
	}
	return g.adjs.entries[id].val, n, true
}

// countryOf returns the canonical country of a place name (a gazetteer
// name, or "" for a place the gazetteer does not know).
func (g *fxGazetteerT) countryOf(name string) string {
	if i, ok := g.byName[name]; ok {
		return g.places[i].country
	}
	return ""
}

// kindOf returns the gazetteer kind of a canonical name ("" when unknown:
// a local place kept as written).
func (g *fxGazetteerT) kindOf(name string) string {
	if i, ok := g.byName[name]; ok {
		return g.places[i].kind
	}
	return ""
}

// shortOf returns the short name of a canonical place or organisation.
func (g *fxGazetteerT) shortOf(name string) string {
	if i, ok := g.byName[name]; ok {
		return g.places[i].short
	}
	return name
}

// placesCompatible reports whether two places can be the scene of one
// event: the same place, or one lying in the other (Riyadh in Saudi
// Arabia, Las Vegas in Nevada). A place the gazetteer does not know (kept
// as written, "Teri Mangal") matches itself, and perhaps any known place
// below the country level or a country it is not known to lie outside. strict is
// true when both name the place below the country level, or the same
// country: only then may their figures contradict each other (a country's
// total may add up several places).
func fxPlacesCompatible(a, ac, b, bc string) (ok, strict bool) {
	if a == "" || b == "" {
		return true, false
	}
	if a == b {
		return true, true
	}
	g := fxGetGazetteer()
	ka, kb := g.kindOf(a), g.kindOf(b)
	if ka == "org" || kb == "org" {
		return false, false
	}
	switch {
	case ka == "country" && kb == "country":
		return false, false
	case ka == "country":
		return bc == "" || bc == a, false
	case kb == "country":
		return ac == "" || ac == b, false
	case ka == "" && kb == "":
		return false, false // two different local names: two places
	case ka == "" || kb == "":
		return true, false // a local name and a known city or region: perhaps
	}
	// cities and regions: not two different cities, nor two regions; a
	// city in a region when the gazetteer says so (Las Vegas in Nevada),
	// else perhaps, when they share a country
	if ka == kb {
		return false, false
	}
	city, region := a, b
	if ka == "region" {
		city, region = b, a
	}
	if r := g.places[g.byName[city]].region; r != "" {
		return r == region, r == region
	}
	c := g.countryOf(a)
	return c != "" && c == g.countryOf(b), false
}

// contains reports whether region r may contain place p: both lie in the
// same country (the gazetteer does not nest regions further).
func (g *fxGazetteerT) contains(r, p string) bool {
	return g.countryOf(r) != "" && g.countryOf(r) == g.countryOf(p)
}
