package claims

import (
	"testing"

	"github.com/claimtrail/claimtrail/claims/lang"
)

func TestGazetteerData(t *testing.T) {
	if err := lang.FactsErr(); err != nil {
		t.Fatal(err)
	}
	g := fxGetGazetteer()
	if len(g.places) < 300 {
		t.Errorf("gazetteer has %d places, want a few hundred", len(g.places))
	}
	for _, p := range g.places {
		if p.kind != "country" && p.kind != "org" && p.country != "" {
			if _, ok := g.byName[p.country]; !ok {
				t.Errorf("%s: country %q is not in the gazetteer", p.name, p.country)
			}
		}
		if p.region != "" && g.kindOf(p.region) != "region" {
			t.Errorf("%s: region %q is not a region of the gazetteer", p.name, p.region)
		}
	}
}

func TestPlaceAt(t *testing.T) {
	tests := []struct {
		name, text string
		allCaps    bool
		want       string // canonical name; "" = none
		adj        bool
	}{
		{"english", "Moscow", false, "Moscow", false},
		{"norwegian", "Moskva", false, "Moscow", false},
		{"russian", "Москва", false, "Moscow", false},
		{"riyadh variants", "Er-Riad", false, "Riyadh", false},
		{"riyad", "Riyad", false, "Riyadh", false},
		{"multi-word", "Saudi Arabia", false, "Saudi Arabia", false},
		{"nb hyphenated", "Saudi-Arabia", false, "Saudi Arabia", false},
		{"abbreviation", "US", false, "United States", false},
		{"dotted abbreviation", "U.S.", false, "United States", false},
		{"turkiye", "Türkiye", false, "Turkey", false},
		{"english genitive", "Russia's", false, "Russia", false},
		{"norwegian genitive", "Russlands", false, "Russia", false},
		{"adjective", "russiske", false, "Russia", true},
		{"english adjective", "American", false, "United States", true},
		{"metonym", "Kremlin", false, "Kremlin", false},
		{"org", "NATO", false, "NATO", false},
		// Fixed bugs
		{"pronoun us is no country", "us", false, "", false},
		{"shouted US in a headline may be the pronoun", "US", true, "", false},
		{"turkey the bird", "turkey", false, "", false},
	}
	g := fxGetGazetteer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := fxTokenize(tt.text, 0, len(tt.text), nil)
			var got string
			if i, n, ok := g.placeAt(tt.text, toks, 0, tt.allCaps); ok && n == len(toks) && !tt.adj {
				got = g.places[i].name
			}
			if i, n, ok := g.adjAt(tt.text, toks, 0); ok && n == len(toks) && tt.adj {
				got = g.places[i].country
			}
			if got != tt.want {
				t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestPlacesCompatible(t *testing.T) {
	tests := []struct {
		name         string
		a, ac, b, bc string
		ok, strict   bool
	}{
		{"same", "Istanbul", "Turkey", "Istanbul", "Turkey", true, true},
		{"city in country", "Riyadh", "Saudi Arabia", "Saudi Arabia", "Saudi Arabia", true, false},
		{"city not in country", "Riyadh", "Saudi Arabia", "Turkey", "Turkey", false, false},
		{"two countries", "Japan", "Japan", "Chile", "Chile", false, false},
		{"two cities", "Moscow", "Russia", "Istanbul", "Turkey", false, false},
		{"city in its region", "Las Vegas", "United States", "Nevada", "United States", true, true},
		{"city in another region", "Las Vegas", "United States", "Texas", "United States", false, false},
		{"two local names", "Teri Mangal", "", "Angur Adar", "", false, false},
		{"local name and a city: perhaps", "Mandalay Bay", "", "Las Vegas", "United States", true, false},
		{"local name and a country", "Teri Mangal", "", "Pakistan", "Pakistan", true, false},
		{"unknown side", "", "", "Moscow", "Russia", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, strict := fxPlacesCompatible(tt.a, tt.ac, tt.b, tt.bc)
			if ok != tt.ok || strict != tt.strict {
				t.Errorf("%s ~ %s: got %v/%v, want %v/%v", tt.a, tt.b, ok, strict, tt.ok, tt.strict)
			}
		})
	}
}
