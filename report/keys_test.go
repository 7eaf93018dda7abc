package report

import (
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

func TestBaseKey(t *testing.T) {
	day := sources.Date{Year: 2025, Month: 6, Day: 3, Precision: sources.PrecDay}
	cases := []struct {
		name string
		a    Article
		want string
	}{
		{"outlet year word", Article{Outlet: "Sputnik", Title: "Russia–US Dialog", Published: day}, "sputnik2025russia"},
		{"outlet folded", Article{Outlet: "Dagbladet Børsen", Title: "Ærlig talt", Published: day}, "dagbladetborsen2025aerlig"},
		{"accents dropped", Article{Outlet: "Le Monde", Title: "Élections à Paris", Published: day}, "lemonde2025elections"},
		{"punctuation before the first word", Article{Outlet: "RT", Title: "«Foreløpig» møte", Published: day}, "rt2025forelopig"},
		{"no outlet: URL host", Article{URL: "https://www.nrk.no/urix/x", Title: "Ny runde", Published: day}, "nrk2025ny"},
		{"no outlet: source URL", Article{Source: "http://tass.ru/a", Title: "X"}, "tassndx"},
		{"no outlet, no URL", Article{Source: "a/b.txt", Title: "Top diplomats"}, "articlendtop"},
		{"non-Latin title word skipped", Article{Outlet: "TASS", Title: "Лавров said 2 things", Published: day}, "tass2025said"},
		{"no title", Article{Outlet: "TASS", Published: day}, "tass2025"},
		{"long word cut", Article{Outlet: "X", Title: "Antidisestablishmentarianism", Published: day}, "x2025antidisestablish"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := baseKey(&c.a); got != c.want {
				t.Errorf("baseKey = %q, want %q", got, c.want)
			}
		})
	}
}

func TestKeysDisambiguated(t *testing.T) {
	d := func(s string) sources.Date { return mustDate(t, s) }
	arts := []*article{
		{Article: Article{ID: 1, Outlet: "RT", Title: "Lavrov speaks", Published: d("2025-02")}},
		{Article: Article{ID: 2, Outlet: "RT", Title: "Lavrov again", Published: d("2025-03")}},
		{Article: Article{ID: 3, Outlet: "RT", Title: "Other", Published: d("2025")}},
		{Article: Article{ID: 4, Outlet: "RT", Title: "Lavrov thrice", Published: d("2025-04")}},
		{Article: Article{ID: 5, Outlet: "RT", Title: "Lavrov", Published: d("2024")}},
	}
	assignKeys(arts)
	want := []string{"rt2025lavrova", "rt2025lavrovb", "rt2025other", "rt2025lavrovc", "rt2024lavrov"}
	for i, a := range arts {
		if a.Key != want[i] {
			t.Errorf("article %d: key %q, want %q", a.ID, a.Key, want[i])
		}
	}
}

func TestSuffix(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{{0, "a"}, {1, "b"}, {25, "z"}, {26, "aa"}, {27, "ab"}, {52, "ba"}}
	for _, c := range cases {
		if got := suffix(c.n); got != c.want {
			t.Errorf("suffix(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// A suffixed key never takes the key another article has on its own.
func TestKeysNoCollisionWithSuffix(t *testing.T) {
	arts := []*article{
		{Article: Article{ID: 1, Outlet: "X", Title: "aa"}},
		{Article: Article{ID: 2, Outlet: "X", Title: "a"}},
		{Article: Article{ID: 3, Outlet: "X", Title: "a"}},
	}
	assignKeys(arts)
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.Key] {
			t.Fatalf("key %q twice: %v %v %v", a.Key, arts[0].Key, arts[1].Key, arts[2].Key)
		}
		seen[a.Key] = true
	}
}
