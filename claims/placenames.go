package claims

import (
	"strings"
	"sync"
	"unicode"

	"github.com/claimtrail/claimtrail/claims/lang"
)

// Cross-language place names for search: "Moskva" finds "Moscow" and
// "Москва". The forms come from the gazetteer (claims/lang/gazetteer.txt),
// so a new language's names are data, not code.

type placeIndex struct {
	forms map[string][]string // key of a written form -> every form of its place
	exact map[string][]string // all-capital short forms (US, EU), matched as written
	most  int                 // most words in a form
}

var (
	placeIdxOnce sync.Once
	placeIdx     *placeIndex
)

// SearchWords splits a name or a query into its words the way the
// full-text index does (runs of letters and digits); everything else is
// dropped.
func SearchWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

func loadPlaceIndex() {
	idx := &placeIndex{forms: map[string][]string{}, exact: map[string][]string{}}
	for _, kind := range []string{"country", "city", "region"} {
		for _, e := range lang.Gazetteer()[kind] {
			var forms []string
			for _, f := range e.Flags {
				if v, ok := strings.CutPrefix(f, "names="); ok {
					for _, n := range strings.Split(v, ",") {
						n = strings.ReplaceAll(n, "_", " ")
						// Dateline abbreviations ("Que.") are no search terms.
						if n != "" && !strings.HasSuffix(n, ".") {
							forms = append(forms, n)
						}
					}
				}
			}
			if len(forms) == 0 {
				forms = []string{e.Text}
			}
			for _, f := range forms {
				ws := SearchWords(f)
				if len(ws) == 0 {
					continue
				}
				idx.most = max(idx.most, len(ws))
				key := strings.Join(ws, " ")
				if fxNameCase(f) == fxCaseExact {
					idx.exact[key] = forms
				} else {
					idx.forms[strings.ToLower(key)] = forms
				}
			}
		}
	}
	placeIdx = idx
}

// PlaceVariants groups the words of a search query (SearchWords): a run
// of words that names a place in the gazetteer becomes one group holding
// every written form of that place (each form may have several words);
// every other word is a group of its own. All-capital short forms (US, EU) count only when
// written in capitals, so "us" stays a pronoun.
func PlaceVariants(query string) [][]string {
	words := SearchWords(query)
	placeIdxOnce.Do(loadPlaceIndex)
	idx := placeIdx
	var out [][]string
	for i := 0; i < len(words); {
		matched := false
		for n := min(idx.most, len(words)-i); n >= 1 && !matched; n-- {
			key := strings.Join(words[i:i+n], " ")
			forms, ok := idx.exact[key]
			if !ok {
				forms, ok = idx.forms[strings.ToLower(key)]
			}
			if ok {
				out = append(out, forms)
				i += n
				matched = true
			}
		}
		if !matched {
			out = append(out, []string{words[i]})
			i++
		}
	}
	return out
}
