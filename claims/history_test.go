package claims

import (
	"fmt"
	"strings"
	"testing"
)

func mtStmt(kind Kind, lang, text string) Statement {
	return Statement{Kind: kind, Lang: lang, Text: text}
}

func TestCompareVersions(t *testing.T) {
	// Seed 001, line 5 (reported speech) and line 4 of seed 000 (quotation).
	rounds := mtStmt(Indirect, "en", "There were two rounds of talks in the spring, where a number of agreements were reached to improve the operating conditions of diplomatic missions")
	rubio := mtStmt(Direct, "en", "We’ve already had two rounds, and (US Secretary of State) Marco Rubio and I agreed to hold a third this fall,")
	assertion := mtStmt(Assertion, "en", "Russia and the United States have agreed to a third round of discussions this autumn focused on embassy operations.")
	newClaim := mtStmt(Assertion, "en", "The next meeting will take place in Moscow.")

	tests := []struct {
		name           string
		before, after  []Statement
		added, removed []string
		changed        []string // diffs rendered by diffString
		numbersChanged []bool
	}{
		{
			name:           "two rounds become three",
			before:         []Statement{assertion, rounds},
			after:          []Statement{assertion, mtStmt(Indirect, "en", strings.Replace(rounds.Text, "two rounds", "three rounds", 1))},
			changed:        []string{"=There were |-two|+three|= rounds of talks in the spring, where a number of agreements were reached to improve the operating conditions of diplomatic missions"},
			numbersChanged: []bool{true},
		},
		{
			name:           "digit changed in a quotation",
			before:         []Statement{rubio},
			after:          []Statement{mtStmt(Direct, "en", strings.Replace(rubio.Text, "two rounds", "2 rounds", 1))},
			changed:        []string{"=We’ve already had |-two|+2|= rounds, and (US Secretary of State) Marco Rubio and I agreed to hold a third this fall,"},
			numbersChanged: []bool{false}, // the same number written otherwise
		},
		{
			name:           "date changed",
			before:         []Statement{mtStmt(Assertion, "en", "The talks took place in Istanbul on 27 February.")},
			after:          []Statement{mtStmt(Assertion, "en", "The talks took place in Istanbul on 28 February.")},
			changed:        []string{"=The talks took place in Istanbul on |-27|+28|= February."},
			numbersChanged: []bool{true},
		},
		{
			name:           "month changed",
			before:         []Statement{mtStmt(Assertion, "en", "The talks took place in Istanbul on 27 February.")},
			after:          []Statement{mtStmt(Assertion, "en", "The talks took place in Istanbul on 27 March.")},
			changed:        []string{"=The talks took place in Istanbul on 27 |-February|+March|=."},
			numbersChanged: []bool{true},
		},
		{
			name:           "nb number word",
			before:         []Statement{mtStmt(Assertion, "nb", "Det har vært to runder med samtaler i Istanbul.")},
			after:          []Statement{mtStmt(Assertion, "nb", "Det har vært tre runder med samtaler i Istanbul.")},
			changed:        []string{"=Det har vært |-to|+tre|= runder med samtaler i Istanbul."},
			numbersChanged: []bool{true},
		},
		{
			name:           "wording changed, numbers kept",
			before:         []Statement{rounds},
			after:          []Statement{mtStmt(Indirect, "en", strings.Replace(rounds.Text, "diplomatic missions", "embassies", 1))},
			changed:        []string{"=There were two rounds of talks in the spring, where a number of agreements were reached to improve the operating conditions of |-diplomatic missions|+embassies"},
			numbersChanged: []bool{false},
		},
		{
			name:    "added and removed",
			before:  []Statement{assertion, rubio},
			after:   []Statement{newClaim, assertion},
			added:   []string{newClaim.Text},
			removed: []string{rubio.Text},
		},
		{
			name:    "kind must agree",
			before:  []Statement{mtStmt(Direct, "en", "We will hold a third round this fall.")},
			after:   []Statement{mtStmt(Indirect, "en", "We will hold a third round this fall")},
			added:   []string{"We will hold a third round this fall"},
			removed: []string{"We will hold a third round this fall."},
		},
		{
			name:   "unchanged dropped, duplicates paired once",
			before: []Statement{assertion, assertion},
			after:  []Statement{assertion, assertion, assertion},
			added:  []string{assertion.Text},
		},
		{name: "both empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			added, removed, changed := CompareVersions(tt.before, tt.after)
			texts := func(ss []Statement) []string {
				var out []string
				for _, s := range ss {
					out = append(out, s.Text)
				}
				return out
			}
			if fmt.Sprintf("%q", texts(added)) != fmt.Sprintf("%q", tt.added) {
				t.Errorf("added = %q, want %q", texts(added), tt.added)
			}
			if fmt.Sprintf("%q", texts(removed)) != fmt.Sprintf("%q", tt.removed) {
				t.Errorf("removed = %q, want %q", texts(removed), tt.removed)
			}
			var diffs []string
			var nums []bool
			for _, c := range changed {
				diffs = append(diffs, mtDiffString(c.Diff))
				nums = append(nums, c.NumbersChanged)
				mtCheckRoundTrip(t, c.Before.Text, c.After.Text, c.Diff)
			}
			if fmt.Sprintf("%q", diffs) != fmt.Sprintf("%q", tt.changed) {
				t.Errorf("changed =\n %q\nwant\n %q", diffs, tt.changed)
			}
			if fmt.Sprint(nums) != fmt.Sprint(tt.numbersChanged) && len(tt.numbersChanged)+len(nums) > 0 {
				t.Errorf("NumbersChanged = %v, want %v", nums, tt.numbersChanged)
			}
		})
	}
}

func TestNumberTokens(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             string
	}{
		{name: "en words and digits", lang: "en", text: "two rounds on 27 February, the third in Moscow", want: "[2 27 3 m2]"},
		{name: "en hyphenated", lang: "en", text: "twenty-five people", want: "[25]"},
		{name: "en ordinal suffix", lang: "en", text: "on February 27th", want: "[27 m2]"},
		{name: "en may needs a capital", lang: "en", text: "It may rain in May.", want: "[m5]"},
		{name: "en iso date", lang: "en", text: "on 2025-02-27", want: "[02 2025 27]"},
		{name: "nb", lang: "nb", text: "Konsultasjoner fant sted i Istanbul 27. februar og 10. april, to runder.", want: "[10 2 27 m2 m4]"},
		{name: "unknown language: digits only", lang: "xx", text: "two rounds, 3 days", want: "[3]"},
		{name: "no numbers", lang: "en", text: "No numbers here.", want: "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(NumberTokens(tt.text, tt.lang)); got != tt.want {
				t.Errorf("NumberTokens(%q) = %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}
