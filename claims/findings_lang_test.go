package claims

import (
	"reflect"
	"testing"

	"github.com/claimtrail/claimtrail/sources"
)

// TestCompareAcrossLanguages runs extraction and comparison on one
// sentence per article, in Norwegian and in English, about one event.
func TestCompareAcrossLanguages(t *testing.T) {
	type art struct {
		lang, text string
		pub        sources.Date
	}
	tests := []struct {
		name string
		arts []art
		want []string // kind/attribute of every finding, in order
	}{
		{"a storm toll told in nb and en", []art{
			{"nb", "Minst 20 mennesker omkom i uværet i Haiti søndag.", day(2008, 9, 8)},
			{"en", "At least 20 people died in the storm in Haiti on Sunday.", day(2008, 9, 8)},
		}, []string{"agreement/date", "agreement/deaths"}},
		{"soldiers and soldater", []art{
			{"nb", "26 soldater ble drept i angrepet i Kabul mandag.", day(2017, 10, 3)},
			{"en", "The attack in Kabul on Monday killed 26 soldiers.", day(2017, 10, 3)},
		}, []string{"agreement/date", "agreement/deaths"}},
		{"a Norwegian figure with digit groups apart by a space", []art{
			{"nb", "Over 1 200 mennesker omkom i jordskjelvet i Iran søndag.", day(2008, 9, 8)},
			{"en", "More than 1,200 people died in the earthquake in Iran on Sunday.", day(2008, 9, 8)},
		}, []string{"agreement/date", "agreement/deaths"}},
		{"a quake's magnitude and day", []art{
			{"nb", "Et jordskjelv med styrke 6,5 rystet Japan i går.", day(1987, 3, 19)},
			{"en", "An earthquake of magnitude 6.5 shook Japan on Wednesday.", day(1987, 3, 19)},
		}, []string{"agreement/date", "agreement/magnitude"}},
		{"injured and missing after floods", []art{
			{"nb", "30 personer ble skadet og 12 er savnet etter flommen i Bangladesh 5. mars.", day(1987, 3, 8)},
			{"en", "Thirty people were injured and 12 were missing after the floods in Bangladesh on March 5.", day(1987, 3, 8)},
		}, []string{"agreement/injuries", "agreement/missing"}},
		{"two rounds of talks held", []art{
			{"nb", "Russland og USA har holdt to samtalerunder i Istanbul.", day(2025, 4, 11)},
			{"en", "Russia and the United States have held two rounds of talks in Istanbul.", day(2025, 4, 11)},
		}, []string{"agreement/place", "agreement/count"}},
		{"a fire's toll", []art{
			{"nb", "Brannen i Moskva tirsdag drepte ni mennesker og skadet 14.", day(2008, 9, 18)},
			{"en", "The fire in Moscow on Tuesday killed nine people and injured 14.", day(2008, 9, 18)},
		}, []string{"agreement/date", "agreement/deaths", "agreement/injuries"}},
		{"the third round still to come", []art{
			{"nb", "Det tredje møtet mellom Russland og USA blir holdt i Riyadh neste uke.", day(2025, 4, 11)},
			{"en", "The third round of talks between Russia and the US will be held in Riyadh next week.", day(2025, 4, 11)},
		}, []string{"agreement/date", "agreement/count"}},
		{"a toll that rose agrees with an earlier lower bound", []art{
			{"nb", "Dødstallet etter jordskjelvet i Peru mandag har steget til 45.", day(2007, 8, 16)},
			{"en", "The earthquake in Peru on Monday killed at least 12 people.", day(2007, 8, 14)},
		}, []string{"agreement/date", "agreement/deaths"}},
		{"at least 30 against 20 on the same day is a conflict", []art{
			{"nb", "Minst 30 mennesker ble drept i bombeangrepet i Bagdad tirsdag.", day(2007, 8, 15)},
			{"en", "The bomb attack in Baghdad on Tuesday killed 20 people.", day(2007, 8, 15)},
		}, []string{"conflict/deaths", "agreement/date"}},
		{"two fires in one town a week apart stay apart", []art{
			{"nb", "Ti mennesker omkom i brannen i Bergen i forrige uke.", day(2007, 8, 15)},
			{"en", "A fire in Bergen killed three people on Tuesday.", day(2007, 8, 15)},
		}, nil},
		{"one storm in two countries stays apart", []art{
			{"nb", "Orkanen drepte 60 mennesker på Haiti lørdag.", day(2008, 9, 8)},
			{"en", "Hurricane Ike killed 61 people in Cuba on Sunday.", day(2008, 9, 8)},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cs []Claim
			for i, a := range tt.arts {
				for _, f := range ExtractFacts(sentenceDoc(a.lang, a.text, a.pub), nil) {
					cs = append(cs, Claim{Article: int64(i + 1), Source: a.lang, Lang: a.lang, Published: a.pub, Fact: f})
				}
			}
			var got []string
			for _, f := range Compare(cs) {
				got = append(got, f.Kind+"/"+f.Attribute)
			}
			if !reflect.DeepEqual(got, tt.want) {
				for _, c := range cs {
					t.Logf("%s: %s %s %s %q place=%q when=%q unit=%q", c.Lang, c.Fact.Attribute, c.Fact.Event, c.Fact.Value, c.Fact.Text, c.Fact.Place, c.Fact.When, c.Fact.Unit)
				}
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFactContext: a fact outside every statement is cited by the sentence
// that holds it, in its finding claim too, not by its bare words.
func TestFactContext(t *testing.T) {
	first := "At least 20 people died in the storm in Haiti on Sunday."
	second := "The storm also destroyed 300 houses in Gonaives."
	doc := sentenceDoc("en", first+" "+second, day(2008, 9, 8))
	facts := ExtractFacts(doc, nil)
	if len(facts) == 0 {
		t.Fatal("no facts")
	}
	for _, f := range facts {
		want := first
		if f.Start >= len(first) {
			want = second
		}
		if f.Context != want || doc.Text[f.ContextStart:f.ContextEnd] != want {
			t.Errorf("fact %q (%s): context %q [%d:%d], want %q", f.Text, f.Attribute, f.Context, f.ContextStart, f.ContextEnd, want)
		}
		fc := fxFindingClaim(&fxItem{c: &Claim{Fact: f}, f: &f})
		if fc.Text != want || fc.FactText != f.Text {
			t.Errorf("finding claim of %q: text %q, fact text %q", f.Text, fc.Text, fc.FactText)
		}
	}
	// A fact inside a statement keeps the statement as its context.
	st := []Statement{{Start: 0, End: len(first), Text: first}}
	for _, f := range ExtractFacts(doc, st) {
		if f.Start < len(first) && (f.Statement != 0 || f.Context != "") {
			t.Errorf("fact %q in a statement: statement %d, context %q", f.Text, f.Statement, f.Context)
		}
	}
}
