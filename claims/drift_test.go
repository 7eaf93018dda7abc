package claims

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// mtQuote builds a direct quotation candidate.
func mtQuote(ref, article int64, date, speakerID, text string) Candidate {
	c := Candidate{Ref: ref, Article: article, Kind: Direct, Lang: "en", SpeakerID: speakerID, Text: text}
	if date != "" {
		c.Published = mtDay(date)
	}
	return c
}

// mtFamilyRefs renders families as "[refs] [refs]".
func mtFamilyRefs(fs []Family) string {
	var parts []string
	for _, f := range fs {
		var refs []string
		for _, m := range f.Members {
			refs = append(refs, fmt.Sprint(m.Ref))
		}
		parts = append(parts, "["+strings.Join(refs, " ")+"]")
	}
	return strings.Join(parts, " ")
}

func TestFamilies(t *testing.T) {
	// Seed 003 line 15 (February) and seed 000 line 5 (September): Lavrov.
	l003 := mtSeedCand(t, "003", 1, "mutually beneficial projects")
	l003.Article, l003.Kind, l003.SpeakerID, l003.Published = 3, Direct, "sergey-lavrov", mtDay("2025-02-19")
	l003b := mtSeedCand(t, "003", 2, "when national interests coincide, efforts must be united and implemented")
	l003b.Article, l003b.Kind, l003b.SpeakerID, l003b.Published = 3, Direct, "sergey-lavrov", mtDay("2025-02-19")
	l000 := mtSeedCand(t, "000", 3, "In cases where interests coincide—and in relations between the US and Russia, such cases are, of course, rare—but when they do, it would be foolish not to use this circumstance to implement some joint, mutually beneficial projects.")
	l000.Article, l000.Kind, l000.SpeakerID, l000.Published = 10, Direct, "sergey-lavrov", mtDay("2025-09-28")

	tests := []struct {
		name  string
		cands []Candidate
		want  string
	}{
		{
			name:  "Lavrov fragment in February, full sentence in September",
			cands: []Candidate{l000, l003b, l003},
			want:  "[1 3]",
		},
		{
			name: "short fragment needs the same speaker",
			cands: []Candidate{
				mtQuote(1, 1, "2025-02-19", "sergey-lavrov", "mutually beneficial projects"),
				mtQuote(2, 2, "2025-09-28", "someone-else", l000.Text),
			},
			want: "",
		},
		{
			// isot-true-0331.txt @1219 and isot-true-0339.txt @1692 (Romney).
			name: "abbreviation edited",
			cands: []Candidate{
				mtQuote(11, 331, "2017-12-01", "", "Roy Moore in the U.S. Senate would be a stain on the GOP and on the nation,"),
				mtQuote(12, 339, "2017-12-02", "", "Roy Moore in the US Senate would be a stain on the GOP and on the nation,"),
			},
			want: "[11 12]",
		},
		{
			// isot-true-0357.txt @976 and isot-true-0373.txt @915 (Trump):
			// a parenthesis inserted by one outlet.
			name: "insertion",
			cands: []Candidate{
				mtQuote(21, 373, "2017-12-03", "", "I had to fire General Flynn because he lied to the Vice President and the FBI."),
				mtQuote(22, 357, "2017-12-04", "", "I had to fire General Flynn because he lied to the Vice President (Mike Pence) and the FBI."),
			},
			want: "[21 22]",
		},
		{
			// isot-true-0394.txt @260 and isot-true-0378.txt @3967 (Corker):
			// the later report cut the quotation with an ellipsis.
			name: "ellipsis cut",
			cands: []Candidate{
				mtQuote(31, 394, "2017-12-15", "bob-corker", "At the end of the day, I am not able to cast aside my fiscal concerns and vote for legislation that I believe, based on the information I currently have, could deepen the debt burden on future generations,"),
				mtQuote(32, 378, "2017-12-16", "bob-corker", "I am not able to cast aside my fiscal concerns and vote for legislation that ... could deepen the debt burden on future generations,"),
			},
			want: "[31 32]",
		},
		{
			// bbc-politics-271.txt @2166 and bbc-politics-344.txt @1558
			// (Howard): the same line reworded between two speeches.
			name: "reworded across time by the same speaker",
			cands: []Candidate{
				mtQuote(41, 344, "2005-01", "michael-howard", "At this election, people will have a clear choice between Mr Blair who will waste more and tax more and the Conservative party which will give value for money and tax less,"),
				mtQuote(42, 271, "2005-02", "michael-howard", "All this adds up to a bottom line and the bottom line is at this election people will have a clear choice between Mr Blair, who will waste more and tax more, and a Conservative government that will give them value for money and tax less."),
			},
			want: "[41 42]",
		},
		{
			// isot-true-0618.txt @3558 and isot-true-0619.txt @2115: two
			// different sentences (of one speaker, Collins).
			name: "different sentences",
			cands: []Candidate{
				mtQuote(51, 618, "2017-11-15", "susan-collins", "I do believe our taxes need to be overhauled."),
				mtQuote(52, 619, "2017-11-15", "susan-collins", "This is going to be difficult and I just don’t know why we had to complicate it by bringing up the ACA,"),
			},
			want: "",
		},
		{
			name: "stock phrase inside two quotations does not chain them",
			cands: []Candidate{
				mtQuote(61, 1, "2020-01-01", "", "at the end of the day it is about jobs"),
				mtQuote(62, 2, "2020-01-02", "", "Voters know that at the end of the day it is about jobs and wages in every town."),
				mtQuote(63, 3, "2020-01-03", "", "We all agree that at the end of the day it is about jobs for young people leaving school."),
			},
			want: "[61 62]",
		},
		{
			name: "same article only is no family",
			cands: []Candidate{
				mtQuote(71, 5, "2020-01-01", "", "We will never accept these terms."),
				mtQuote(72, 5, "2020-01-01", "", "We will never accept these terms."),
			},
			want: "",
		},
		{
			name: "reported speech is not a quotation",
			cands: []Candidate{
				{Ref: 81, Article: 1, Kind: Indirect, Text: "We will never accept these terms, he said."},
				{Ref: 82, Article: 2, Kind: Indirect, Text: "We will never accept these terms, he said."},
			},
			want: "",
		},
		{name: "empty", cands: nil, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Families(tt.cands, 0.6)
			if got := mtFamilyRefs(fs); got != tt.want {
				t.Errorf("families = %q, want %q", got, tt.want)
			}
			for _, f := range fs {
				if len(f.Diffs) != len(f.Members)-1 {
					t.Fatalf("%d diffs for %d members", len(f.Diffs), len(f.Members))
				}
				for i, d := range f.Diffs {
					mtCheckRoundTrip(t, f.Members[i].Text, f.Members[i+1].Text, d)
				}
			}
		})
	}
}

func TestFamiliesLavrovDiff(t *testing.T) {
	l003 := mtSeedCand(t, "003", 1, "mutually beneficial projects")
	l003.Article, l003.Kind, l003.SpeakerID, l003.Published = 3, Direct, "sergey-lavrov", mtDay("2025-02-19")
	l000 := mtSeedCand(t, "000", 3, "In cases where interests coincide—and in relations between the US and Russia, such cases are, of course, rare—but when they do, it would be foolish not to use this circumstance to implement some joint, mutually beneficial projects.")
	l000.Article, l000.Kind, l000.SpeakerID, l000.Published = 10, Direct, "sergey-lavrov", mtDay("2025-09-28")
	fs := Families([]Candidate{l000, l003}, 0.6)
	if len(fs) != 1 {
		t.Fatalf("%d families, want 1", len(fs))
	}
	f := fs[0]
	if f.Members[0].Ref != 1 || f.Members[1].Ref != 3 {
		t.Errorf("members %d, %d: want the February fragment first", f.Members[0].Ref, f.Members[1].Ref)
	}
	var kept []string
	for _, op := range f.Diffs[0] {
		if op.Op == OpEqual {
			kept = append(kept, op.Text)
		}
	}
	if got := strings.Join(kept, "|"); got != "mutually beneficial projects" {
		t.Errorf("equal parts = %q, want the fragment", got)
	}
}

func TestNearDuplicates(t *testing.T) {
	// Seed 001 as the wire story; its copies are edits of it.
	story := mtSeedText(t, "001")
	if i := strings.IndexByte(story, '\n'); i >= 0 {
		story = story[i+1:] // drop the header line
	}
	paras := strings.Split(strings.TrimSpace(story), "\n")
	retitled := "Lavrov: third round of talks this autumn\n\n" + story
	dropped := strings.Join(paras[:len(paras)-1], "\n") + "\nReporting by a staff writer."
	edited := strings.Replace(story, "two rounds", "three rounds", 1)
	other := mtSeedText(t, "002")
	other4 := mtSeedText(t, "004")
	texts := map[int64]string{
		10: story, 11: retitled, 12: dropped, 13: edited,
		20: other, 21: other4, 22: "", 23: "Short.",
	}
	got := NearDuplicates(texts, 0.5)
	if want := "[[10 11 12 13]]"; fmt.Sprint(got) != want {
		t.Errorf("NearDuplicates = %v, want %s", got, want)
	}
	// A higher threshold still keeps the lightest edits together.
	got = NearDuplicates(texts, 0.9)
	for _, g := range got {
		for _, id := range g {
			if id >= 20 {
				t.Errorf("unrelated article %d grouped: %v", id, got)
			}
		}
	}
	if got := NearDuplicates(map[int64]string{}, 0.5); got != nil {
		t.Errorf("empty input: %v", got)
	}
}

// mtBenchQuotes makes n direct quotations from a Zipf vocabulary, with one
// in fifty a light edit of an earlier one (a family).
func mtBenchQuotes(n int) []Candidate {
	r := rand.New(rand.NewSource(7))
	vocab := make([]string, 50000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*2654435761%1000003)
	}
	z := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	out := make([]Candidate, n)
	var b strings.Builder
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range out {
		c := Candidate{Ref: int64(i + 1), Article: int64(i/10 + 1), Kind: Direct, Lang: "en",
			Published: sources.DayDate(t0.AddDate(0, 0, i/40))}
		if i%50 == 49 {
			words := strings.Fields(out[r.Intn(i)].Text)
			words[r.Intn(len(words))] = vocab[z.Uint64()]
			c.Text = strings.Join(words, " ")
		} else {
			b.Reset()
			for k, words := 0, 8+r.Intn(25); k < words; k++ {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[z.Uint64()])
			}
			c.Text = b.String()
		}
		out[i] = c
	}
	return out
}

func BenchmarkFamilies100k(b *testing.B) {
	cands := mtBenchQuotes(100000)
	b.ReportAllocs()
	for b.Loop() {
		fs := Families(cands, 0.6)
		if len(fs) < 1000 {
			b.Fatalf("%d families", len(fs))
		}
	}
}

func TestFamiliesScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	cands := mtBenchQuotes(20000)
	start := time.Now()
	fs := Families(cands, 0.6)
	el := time.Since(start)
	// Every planted edit (one in fifty) must be found in some family.
	in := map[int64]bool{}
	for _, f := range fs {
		for _, m := range f.Members {
			in[m.Ref] = true
		}
	}
	missed := 0
	for i := 49; i < len(cands); i += 50 {
		if !in[cands[i].Ref] {
			missed++
		}
	}
	if missed > len(cands)/50/100 { // ≤ 1%
		t.Errorf("%d of %d planted variants not in a family", missed, len(cands)/50)
	}
	sizes := map[int]int{}
	for _, f := range fs {
		sizes[len(f.Members)]++
	}
	keys := make([]int, 0, len(sizes))
	for k := range sizes {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	t.Logf("%d families in %v; sizes %v", len(fs), el, sizes)
}

func BenchmarkNearDuplicates10k(b *testing.B) {
	sents := mtBenchCandidates(60000, 3)
	texts := make(map[int64]string, 10000)
	for i := 0; i < 10000; i++ {
		var sb strings.Builder
		for k := 0; k < 6; k++ {
			sb.WriteString(sents[i*6+k].Text)
			sb.WriteByte(' ')
		}
		texts[int64(i+1)] = sb.String()
		if i%20 == 19 { // a lightly edited copy of an earlier article
			texts[int64(i+1)] = texts[int64(i)] + " Reporting by a staff writer."
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if gs := NearDuplicates(texts, 0.5); len(gs) < 400 {
			b.Fatalf("%d groups", len(gs))
		}
	}
}
