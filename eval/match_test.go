package eval

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", `“…,” –`, nil},
		{"quote marks and case", `“We are WAITING,” he said.`, []string{"we", "are", "waiting", "he", "said"}},
		{"digits and hyphen", "50,000 square-meters in 2016", []string{"50", "000", "square", "meters", "in", "2016"}},
		{"norwegian letters", "«Vi er fornøyde», sier hun.", []string{"vi", "er", "fornøyde", "sier", "hun"}},
		{"apostrophe splits", "Trump's pick", []string{"trump", "s", "pick"}},
		{"combining mark stays in word", "Mo\u0301skva", []string{"mo\u0301skva"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"identical", "we are waiting", "We are waiting.", 1},
		{"reordered", "waiting we are", "we are waiting", 1},
		{"extra words lower it", "we are waiting", "we are waiting for them now", 0.5},
		{"multiset not set", "no no no", "no", 1.0 / 3},
		{"disjoint", "alpha beta", "gamma delta", 0},
		{"empty side", "", "anything", 0},
		{"both empty", "", "", 0},
		{"four of five", "a b c d e", "a b c d", 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Overlap(Tokens(tt.a), Tokens(tt.b))
			if d := got - tt.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("Overlap(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func toks(ss ...string) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = Tokens(s)
	}
	return out
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name      string
		gold      [][]string
		pred      [][]string
		threshold float64
		want      []Pair
	}{
		{
			name:      "exact pairs",
			gold:      toks("a b c d e", "f g h i j"),
			pred:      toks("f g h i j", "a b c d e"),
			threshold: DirectThreshold,
			want:      []Pair{{Gold: 0, Pred: 1, Overlap: 1}, {Gold: 1, Pred: 0, Overlap: 1}},
		},
		{
			name:      "below direct threshold",
			gold:      toks("a b c d e"),
			pred:      toks("a b c"),
			threshold: DirectThreshold,
			want:      nil,
		},
		{
			name:      "indirect threshold is lower",
			gold:      toks("a b c d e f"),
			pred:      toks("a b c"),
			threshold: IndirectThreshold,
			want:      []Pair{{Gold: 0, Pred: 0, Overlap: 0.5}},
		},
		{
			name:      "one to one: best overlap wins, loser stays unmatched",
			gold:      toks("a b c d e"),
			pred:      toks("a b c d x", "a b c d e"),
			threshold: DirectThreshold,
			want:      []Pair{{Gold: 0, Pred: 1, Overlap: 1}},
		},
		{
			name:      "greedy: a prediction is used once",
			gold:      toks("a b c d e", "a b c d f"),
			pred:      toks("a b c d e"),
			threshold: DirectThreshold,
			want:      []Pair{{Gold: 0, Pred: 0, Overlap: 1}},
		},
		{
			name:      "ties go to the earlier gold",
			gold:      toks("a b", "a b"),
			pred:      toks("a b"),
			threshold: DirectThreshold,
			want:      []Pair{{Gold: 0, Pred: 0, Overlap: 1}},
		},
		{
			name:      "empty prediction never matches",
			gold:      toks(""),
			pred:      toks(""),
			threshold: 0,
			want:      nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.gold, tt.pred, tt.threshold); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSpeakerOK(t *testing.T) {
	tests := []struct {
		name        string
		gold, pred  string
		predUnnamed bool
		want        bool
	}{
		{"both empty", "", "", false, true},
		{"gold empty, prediction guesses", "", "Sergey Lavrov", false, false},
		{"gold named, prediction empty", "Sergey Lavrov", "", false, false},
		{"same name", "Sergey Lavrov", "Sergey Lavrov", false, true},
		{"case folded", "Sergey Lavrov", "sergey LAVROV", false, true},
		{"last name only", "Sergey Lavrov", "Lavrov", false, true},
		{"transliterated first name", "Sergey Lavrov", "Sergej Lavrov", false, true},
		{"diacritics folded", "Wenche Eikrem Måseide", "Maseide", false, true},
		{"o slash folded", "Jonas Gahr Støre", "Store", false, true},
		{"different person", "Sergey Lavrov", "Maria Zakharova", false, false},
		{"unnamed matches unnamed kind", "unnamed", "officials", true, true},
		{"unnamed literal", "unnamed", "unnamed", false, true},
		{"unnamed vs a name", "unnamed", "Lavrov", false, false},
		{"named vs unnamed kind", "Sergey Lavrov", "Lavrov", true, false},
		{"organisation with article", "the Kremlin", "Kremlin", false, true},
		// Fixed bugs
		{"gold empty vs unnamed prediction", "", "sources", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SpeakerOK(tt.gold, tt.pred, tt.predUnnamed); got != tt.want {
				t.Errorf("SpeakerOK(%q, %q, %v) = %v, want %v", tt.gold, tt.pred, tt.predUnnamed, got, tt.want)
			}
		})
	}
}

func TestCueAndVia(t *testing.T) {
	tests := []struct {
		name       string
		via        bool
		gold, pred string
		want       bool
	}{
		{"cue equal", false, "said", "said", true},
		{"cue case", false, "According to", "according to", true},
		{"cue differs", false, "said", "told", false},
		{"cue both empty", false, "", "", true},
		{"cue missing", false, "sier", "", false},
		{"via both empty", true, "", "", true},
		{"via named", true, "RIA Novosti", "RIA Novosti", true},
		{"via last token", true, "RIA Novosti", "Novosti", true},
		{"via spurious", true, "", "TASS", false},
		{"via missed", true, "TASS", "", false},
		{"via unnamed described", true, "unnamed medium", "a Russian state-run news agency", true},
		{"via unnamed literal", true, "unnamed medium", "unnamed medium", true},
		{"via unnamed vs a name", true, "unnamed medium", "TASS", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := CueOK
			if tt.via {
				f = ViaOK
			}
			if got := f(tt.gold, tt.pred); got != tt.want {
				t.Errorf("(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}
