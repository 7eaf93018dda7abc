package claims

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mtDiffString renders ops as "=text", "-text", "+text" joined by "|".
func mtDiffString(ops []DiffOp) string {
	var b strings.Builder
	for i, op := range ops {
		if i > 0 {
			b.WriteByte('|')
		}
		switch op.Op {
		case OpEqual:
			b.WriteByte('=')
		case OpDelete:
			b.WriteByte('-')
		case OpInsert:
			b.WriteByte('+')
		default:
			b.WriteByte('?')
		}
		b.WriteString(op.Text)
	}
	return b.String()
}

// mtCheckRoundTrip verifies that equal+delete gives a, equal+insert gives b,
// that no op is empty and that no two neighbours share an op.
func mtCheckRoundTrip(t *testing.T, a, b string, ops []DiffOp) {
	t.Helper()
	var ga, gb strings.Builder
	for i, op := range ops {
		if op.Text == "" {
			t.Errorf("op %d (%s) is empty", i, op.Op)
		}
		if i > 0 && ops[i-1].Op == op.Op {
			t.Errorf("ops %d and %d are both %s", i-1, i, op.Op)
		}
		switch op.Op {
		case OpEqual:
			ga.WriteString(op.Text)
			gb.WriteString(op.Text)
		case OpDelete:
			ga.WriteString(op.Text)
		case OpInsert:
			gb.WriteString(op.Text)
		default:
			t.Errorf("op %d: unknown op %q", i, op.Op)
		}
	}
	if ga.String() != a {
		t.Errorf("equal+delete = %q, want %q", ga.String(), a)
	}
	if gb.String() != b {
		t.Errorf("equal+insert = %q, want %q", gb.String(), b)
	}
}

// mtCheckWordBoundaries verifies that every op starts and ends on a token
// boundary of its own side: a diff never splits a word.
func mtCheckWordBoundaries(t *testing.T, a, b string, ops []DiffOp) {
	t.Helper()
	bounds := func(s string) map[int]bool {
		m := map[int]bool{0: true}
		for _, tk := range wdTokens(s) {
			m[tk[1]] = true
		}
		return m
	}
	ba, bb := bounds(a), bounds(b)
	pa, pb := 0, 0
	for i, op := range ops {
		switch op.Op {
		case OpEqual:
			pa += len(op.Text)
			pb += len(op.Text)
			if !ba[pa] || !bb[pb] {
				t.Errorf("op %d %q ends inside a word", i, op.Text)
			}
		case OpDelete:
			pa += len(op.Text)
			if !ba[pa] {
				t.Errorf("op %d %q ends inside a word of a", i, op.Text)
			}
		case OpInsert:
			pb += len(op.Text)
			if !bb[pb] {
				t.Errorf("op %d %q ends inside a word of b", i, op.Text)
			}
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{
			name: "en number word replaced",
			a:    "There were two rounds of talks in the spring.",
			b:    "There were three rounds of talks in the spring.",
			want: "=There were |-two|+three|= rounds of talks in the spring.",
		},
		{
			// Seed 003 (line 15) against the later form quoted in seed 000.
			name: "en fragment inside longer quote",
			a:    "mutually beneficial projects",
			b:    "to implement some joint, mutually beneficial projects.",
			want: "+to implement some joint, |=mutually beneficial projects|+.",
		},
		{
			name: "en word never split",
			a:    "implement",
			b:    "implemented",
			want: "-implement|+implemented",
		},
		{
			name: "en hyphen and apostrophe words are one token",
			a:    "a judge-led review of Lavrov's remarks",
			b:    "a judge led review of Lavrov’s remarks",
			want: "=a |-judge-led|+judge led|= review of |-Lavrov's|+Lavrov’s|= remarks",
		},
		{
			name: "nb æøå inside words",
			a:    "«Vi forventer at neste møte holdes i nær fremtid», sa ambassadøren.",
			b:    "«Vi forventer at det neste møtet blir holdt i nær fremtid», sa den russiske ambassadøren torsdag.",
			want: "=«Vi forventer at |+det |=neste |-møte|+møtet|= |-holdes|+blir holdt|= i nær fremtid», sa |+den russiske |=ambassadøren|+ torsdag|=.",
		},
		{
			name: "nb date changed",
			a:    "Konsultasjonene fant sted i Istanbul 27. februar.",
			b:    "Konsultasjonene fant sted i Istanbul 28. februar.",
			want: "=Konsultasjonene fant sted i Istanbul |-27|+28|=. februar.",
		},
		{
			name: "ru verb replaced",
			a:    "«Мы ожидаем, что следующая встреча состоится в ближайшее время», — заявил посол.",
			b:    "«Мы ожидаем, что следующая встреча пройдёт в ближайшее время», — заявил российский посол.",
			want: "=«Мы ожидаем, что следующая встреча |-состоится|+пройдёт|= в ближайшее время», — заявил|+ российский|= посол.",
		},
		{
			name: "newlines and space runs are tokens",
			a:    "one\n\ntwo  three",
			b:    "one\ntwo three",
			want: "=one|-\n\n|+\n|=two|-  |+ |=three",
		},
		{name: "identical", a: "Same words.", b: "Same words.", want: "=Same words."},
		{name: "both empty", a: "", b: "", want: ""},
		{name: "from empty", a: "", b: "New claim.", want: "+New claim."},
		{name: "to empty", a: "Old claim.", b: "", want: "-Old claim."},
		// Fixed bugs
		{name: "invalid utf8 bytes survive", a: "a\xff b", b: "a\xfe b", want: "=a|-\xff|+\xfe|= b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := WordDiff(tt.a, tt.b)
			if got := mtDiffString(ops); got != tt.want {
				t.Errorf("WordDiff(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
			mtCheckRoundTrip(t, tt.a, tt.b, ops)
			mtCheckWordBoundaries(t, tt.a, tt.b, ops)
		})
	}
}

func TestWdTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // tokens joined by "/"
	}{
		{name: "en", in: "Lavrov's 'joint' co-operation.", want: "Lavrov's/ /'/joint/'/ /co-operation/."},
		{name: "nb", in: "– Vi er fornøyde, sier han.", want: "–/ /Vi/ /er/ /fornøyde/,/ /sier/ /han/."},
		{name: "ru", in: "по словам Лаврова,", want: "по/ /словам/ /Лаврова/,"},
		{name: "trailing joiner", in: "well- known", want: "well/-/ /known"},
		{name: "combining mark inside word", in: "cafe\u0301 noir", want: "cafe\u0301/ /noir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for _, tk := range wdTokens(tt.in) {
				parts = append(parts, tt.in[tk[0]:tk[1]])
			}
			if got := strings.Join(parts, "/"); got != tt.want {
				t.Errorf("wdTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzWordDiff(f *testing.F) {
	seeds := [][2]string{
		{"There were two rounds of talks.", "There were three rounds of talks."},
		{"«Vi forventer at neste møte holdes»", "«Vi forventer at det neste møtet blir holdt»"},
		{"встреча состоится", "встреча пройдёт"},
		{"a\xffb", "a\xfeb"},
		{"", "x"},
		{"\n\n", " \t "},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4000 || len(b) > 4000 {
			return
		}
		ops := WordDiff(a, b)
		mtCheckRoundTrip(t, a, b, ops)
		mtCheckWordBoundaries(t, a, b, ops)
		if a == b && len(ops) > 1 {
			t.Errorf("equal texts gave %d ops", len(ops))
		}
		if utf8.ValidString(a) && utf8.ValidString(b) {
			for _, op := range ops {
				if !utf8.ValidString(op.Text) {
					t.Errorf("op %q is not valid UTF-8", op.Text)
				}
			}
		}
	})
}

func BenchmarkWordDiff(b *testing.B) {
	a := strings.Repeat("We are not yet confident that inflation is on a sustainable path back to target, the governor said. ", 20)
	c := strings.Repeat("We are not confident that inflation is on a sustainable path to the 2 percent target, the governor told reporters. ", 20)
	b.ReportAllocs()
	for b.Loop() {
		WordDiff(a, c)
	}
}
