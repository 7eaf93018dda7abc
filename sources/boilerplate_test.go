package sources

import (
	"sort"
	"strings"
	"testing"
)

// checkSpans verifies the invariants of Article.Boilerplate.
func checkSpans(t *testing.T, a Article) {
	t.Helper()
	if !sort.SliceIsSorted(a.Boilerplate, func(i, j int) bool { return a.Boilerplate[i].Start < a.Boilerplate[j].Start }) {
		t.Errorf("spans not sorted: %v", a.Boilerplate)
	}
	for i, s := range a.Boilerplate {
		if s.Start < a.Body.Start || s.End > a.Body.End || s.Start >= s.End {
			t.Errorf("span %v outside body %v or empty", s, a.Body)
		}
		if i > 0 && a.Boilerplate[i-1].End > s.Start {
			t.Errorf("spans overlap: %v %v", a.Boilerplate[i-1], s)
		}
	}
}

// covered reports whether every byte of text[start:end] lies in a span.
func covered(spans []Span, start, end int) bool {
	for _, s := range spans {
		if s.Start <= start && end <= s.End {
			return true
		}
	}
	return false
}

func overlapsAny(spans []Span, sp Span) bool {
	for _, s := range spans {
		if s.Overlaps(sp) {
			return true
		}
	}
	return false
}

// lineSpans returns the trimmed non-blank lines of text[body] as spans.
func lineSpans(text string, body Span) []Span {
	var out []Span
	for pos := body.Start; pos < body.End; {
		end, next := firstLine(text, pos)
		if end > body.End {
			end = body.End
		}
		if s, e := trimSpan(text, pos, end); e > s {
			out = append(out, Span{s, e})
		}
		if next <= pos {
			break
		}
		pos = next
	}
	return out
}

// TestSeedBoilerplate: in the sample articles the adverts, related-story
// lists, comment form and photo credit are boilerplate, and no line of
// article prose is. Prose lines are recognised by shape, not listed: a
// line of 100 bytes or more that ends a sentence, or (for 002's
// standfirst) the line right after the first advert marker.
func TestSeedBoilerplate(t *testing.T) {
	for _, f := range seedFiles(t) {
		data := readFile(t, f)
		arts, errs := Read(f, data, Options{})
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		a := arts[0]
		t.Run(f[strings.LastIndex(f, "/")+1:][:3], func(t *testing.T) {
			checkSpans(t, a)
			for _, ln := range lineSpans(a.Text, a.Body) {
				s := a.Text[ln.Start:ln.End]
				prose := len(s) >= 100 && strings.ContainsAny(s[len(s)-1:], ".”\"»") && !strings.HasSuffix(s, "...")
				if prose && overlapsAny(a.Boilerplate, ln) {
					t.Errorf("prose line marked as boilerplate: %.80q", s)
				}
			}
		})
	}
	t.Run("002 items", func(t *testing.T) {
		name, data := readSeed(t, "002")
		arts, _ := Read(name, data, Options{})
		a := arts[0]
		text := a.Text
		must := 0
		for _, ln := range lineSpans(text, a.Body) {
			s := text[ln.Start:ln.End]
			isBP := strings.HasPrefix(s, "[ad_") || strings.HasSuffix(s, "RT World News") || strings.Contains(s, " — RT ") ||
				s == "Russia" || s == "Source link" || s == "Related posts:" || s == "READ MORE:" || strings.HasPrefix(s, "See also") ||
				s == "Leave a Reply" || strings.HasPrefix(s, "Your email address") || s == "×" || strings.Count(text, s+"\n") > 1 && len(s) > 20
			if isBP {
				must++
				if !covered(a.Boilerplate, ln.Start, ln.End) {
					t.Errorf("not marked as boilerplate: %q", s)
				}
			}
		}
		if must < 60 {
			t.Errorf("only %d boilerplate lines checked; the seed has about 70", must)
		}
		// The standfirst after [ad_1] is article text.
		sf := strings.Index(text, "The high-level meeting will be held")
		if sf < 0 || overlapsAny(a.Boilerplate, Span{sf, sf + 30}) {
			t.Errorf("standfirst missing or marked as boilerplate")
		}
		// The headline after READ MORE: is boilerplate, the paragraph after it is not.
		rm := strings.Index(text, "READ MORE:")
		next := strings.Index(text[rm:], "\nThe development comes") + rm + 1
		if !covered(a.Boilerplate, rm, next-2) || overlapsAny(a.Boilerplate, Span{next, next + 20}) {
			t.Errorf("READ MORE block wrong: %v", a.Boilerplate)
		}
	})
	t.Run("001 photo credit", func(t *testing.T) {
		name, data := readSeed(t, "001")
		arts, _ := Read(name, data, Options{})
		a := arts[0]
		i := strings.Index(a.Text, "© Sputnik")
		end := i + strings.IndexByte(a.Text[i:], '\n')
		if len(a.Boilerplate) != 1 || a.Boilerplate[0] != (Span{i, end}) {
			t.Errorf("Boilerplate = %v, want exactly the credit line %v", a.Boilerplate, Span{i, end})
		}
	})
	for _, seed := range []string{"000", "003", "004"} {
		name, data := readSeed(t, seed)
		arts, _ := Read(name, data, Options{})
		if bp := arts[0].Boilerplate; len(bp) != 0 {
			t.Errorf("%s: unexpected boilerplate %v", seed, bp)
		}
	}
}

func TestFindBoilerplate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the boilerplate, in order, as text
	}{
		{"nothing", "The minister said talks went well.\nHe added that more would follow.\n", nil},
		{"wordpress ad shortcodes", "[ad_1]\nThe minister said talks went well.\n[ad_2]\n", []string{"[ad_1]", "[ad_2]"}},
		{"photo credit lines", "Foto: NTB Scanpix\nRegjeringen la fram budsjettet.\nPhoto: Reuters\n", []string{"Foto: NTB Scanpix", "Photo: Reuters"}},
		{"copyright line", "© Reuters 2025\nThe talks went well.\n", []string{"© Reuters 2025"}},
		{"les også with headline", "Regjeringen la fram budsjettet i dag, og det ble godt mottatt av de fleste.\n\nLes også: Slik blir budsjettet\n\nFinansministeren sa at tallene er gode.\n", []string{"Les også: Slik blir budsjettet"}},
		{"marker then related list", "The talks went well, the minister said on Monday.\n\nRelated stories:\n\nOil falls on supply fears\n\nMarkets rally\n\nThe minister added that more talks would follow later this year.\n",
			[]string{"Related stories:\n\nOil falls on supply fears\n\nMarkets rally"}},
		{"headline references with section words", "The talks went well, the minister said on Monday and added more.\n\nOil falls on supply fears — RT Business News\n\nBusiness\n\nMarkets rally — RT World News\n",
			[]string{"Oil falls on supply fears — RT Business News\n\nBusiness\n\nMarkets rally — RT World News"}},
		{"repeated advert", "Get the best deals on new cars today\nThe talks went well.\nGet the best deals on new cars today\n", []string{"Get the best deals on new cars today", "Get the best deals on new cars today"}},
		{"comment form tail", "The talks went well.\n\nLeave a comment\n\nName *\n\nEmail *\n", []string{"Leave a comment\n\nName *\n\nEmail *"}},
		{"glued credit", "Conservatives were silent about it all week.Featured image via Getty Images\n", []string{"Featured image via Getty Images"}},
		{"credit after space", "Det ble en lang dag for statsministeren i går. Foto: Scanpix\n", []string{"Foto: Scanpix"}},
		{"symbol line", "The talks went well.\n* * *\nMore text here.\n", []string{"* * *"}},
		{"signature", "The company said profits rose by ten percent in the quarter.\nREUTER\n", []string{"REUTER"}},
		{"reporting credit", "The company said profits rose.\n(Reporting by Jane Doe; Editing by John Roe)\n", []string{"(Reporting by Jane Doe; Editing by John Roe)"}},
		{"duplicated paragraph keeps its first copy", "In return the member states would have to give up their simple majority over lending.\nMore.\nIn return the member states would have to give up their simple majority over lending.\n",
			[]string{"In return the member states would have to give up their simple majority over lending."}},
		// Fixed bugs
		{"sentence starting with a phrase word is prose", "Photographers gathered outside the court.\nCopyright law was at the heart of the case.\n", nil},
		{"dash quotation after a marker ends the list", "Les også\n- Vi er fornøyde, sier hun.\n", []string{"Les også"}},
		{"long prose line with credit words in the middle stays", strings.Repeat("The report was long. ", 20) + "Photo by the river was taken at dawn and then the story went on for a long while after that point in time.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := FindBoilerplate(tt.text, Span{0, len(tt.text)}, nil)
			var got []string
			for _, s := range spans {
				got = append(got, tt.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("boilerplate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoilerplateDataFile(t *testing.T) {
	tab := parseBoilerplate(boilerplateTSV)
	if len(tab.lines) < 50 || len(tab.prefixes) < 50 || len(tab.inline) < 5 || len(tab.patterns) < 3 {
		t.Errorf("table looks truncated: %d lines, %d prefixes, %d inline, %d patterns", len(tab.lines), len(tab.prefixes), len(tab.inline), len(tab.patterns))
	}
	for _, ln := range strings.Split(boilerplateTSV, "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		cols := strings.Split(ln, "\t")
		if len(cols) != 3 {
			t.Errorf("malformed line %q", ln)
			continue
		}
		switch cols[1] {
		case "line", "prefix", "marker", "tail", "inline", "pattern":
		default:
			t.Errorf("unknown kind in %q", ln)
		}
	}
}

func TestRepeatedLines(t *testing.T) {
	long := "In return the member states would have to give up their simple majority over lending."
	text := long + "\nMore text in between.\n" + long + "\n"
	spans := FindBoilerplate(text, Span{0, len(text)}, nil)
	if len(spans) != 1 || spans[0].Start == 0 {
		t.Errorf("duplicated paragraph: spans %v, want only the second copy", spans)
	}
	ad := "Subscribe now for exclusive deals"
	text = ad + "\nThe talks went well, the minister said.\n" + ad + "\n"
	spans = FindBoilerplate(text, Span{0, len(text)}, nil)
	if len(spans) != 2 || spans[0].Start != 0 {
		t.Errorf("repeated short advert: spans %v, want both copies", spans)
	}
}
