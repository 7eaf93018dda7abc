package report

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/claimtrail/claimtrail/claims"
)

// Article text is hostile input: a report must show it, never obey it.

const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `<img src=x onerror=alert(1)>`
)

// hostileInput holds text with every character some format treats as
// syntax, in every field a report prints.
func hostileInput(t *testing.T) Input {
	t.Helper()
	text := "He said \"" + xssScript + "\" & 'quotes' ]]> </svg> 50% off_now {x} ~ ^ \\ # $5 @cite " +
		"[A9:1–2](http://evil) | pipe | =cmd|' /C calc'!A0 *bold* `code`\nsecond line\r\nthird -- dash ø å «» ⁠"
	st := func(k claims.Kind, speaker string) Statement {
		return Statement{Article: 1, Statement: claims.Statement{Kind: k, Text: text, Speaker: speaker,
			SpeakerID: "x", SpeakerKind: claims.SpeakerPerson, Cue: `said "&"`, Via: "<b>TASS</b>", Lang: "en",
			Start: 0, End: len(text)}}
	}
	return Input{
		Generated: generated,
		Filters:   "outlet " + xssScript + " | since 2025",
		Articles: []Article{
			{ID: 1, Source: "/tmp/x y/evil].txt", URL: "https://example.org/a?b=1&c=<x>#frag{}",
				Outlet: `A&B "News" <b>`, Lang: "en", Title: "Breaking: " + xssScript + ` & "quotes" 50% off_now {x} ~ ^ \ # $ ]]> --`,
				Published: mustDate(t, "2025-06-03"), StateAffiliated: true},
			{ID: 2, Source: "javascript:alert(1)", URL: "javascript:alert(1)", Outlet: "", Lang: "nb",
				Title: "Ålesund: «" + xssImg + "» møte", Published: mustDate(t, "2025-06")},
		},
		Statements: []Statement{st(claims.Direct, `O'Brien "the" <i>`), st(claims.Indirect, ""), st(claims.Assertion, "")},
		Findings: []Finding{{Kind: "conflict", Attribute: "date<b>", Subject: "talks " + xssScript, Severity: "high",
			Explanation: "One says " + xssImg + " & the other ]]>.",
			Claims: []FindingClaim{
				{Article: 1, Outlet: `A&B "News" <b>`, Speaker: `O'Brien`, Text: xssScript, Value: "<x>", Start: 0, End: 5},
				{Article: 2, Text: "«" + xssImg + "»", Value: "2025-06", Start: 0, End: 5},
			}}},
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	out := render(t, "html", hostileInput(t))
	for _, bad := range []string{xssScript, "<script", xssImg, "<img", "</svg> 50%", "<b>TASS", `"the" <i>`,
		`href="javascript:`, "]]> </svg>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;", "&#34;quotes&#34;", "]]&gt;",
		"&lt;img src=x onerror=alert(1)&gt;", "ø å «»", "Ålesund"} {
		if !strings.Contains(out, want) {
			t.Errorf("escaped form %q not in the page", want)
		}
	}
	// Only the page's own elements and attributes: nothing came from the text.
	allowed := map[string]bool{}
	for _, e := range strings.Fields(`html head meta title style body header h1 h2 h3 p ul li b nav a section
		svg rect text line path g circle figure figcaption span article div blockquote table thead tbody tr th
		td br footer`) {
		allowed[e] = true
	}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowed[tok.Data] {
			t.Errorf("element <%s> is not one of the page's own", tok.Data)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "srcdoc" {
				t.Errorf("<%s %s=%q>: no such attribute belongs in the page", tok.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
				t.Errorf("<%s href=%q>: only fragments and http(s) links", tok.Data, a.Val)
			}
		}
	}
}

// The page loads nothing: no external files, fonts, scripts or requests.
func TestHTMLSelfContained(t *testing.T) {
	out := render(t, "html", seedInput(t))
	for _, bad := range []string{"<script", "<link", "<iframe", "<img", "<object", "<embed", "@import", "url(", "src=", "@font-face"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q in a page that must load nothing", bad)
		}
	}
	if !strings.Contains(out, "@media print") {
		t.Error("no print style")
	}
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	out := render(t, "md", hostileInput(t))
	for _, bad := range []string{"<script", "<img", "](http", "\nsecond line", "*bold", "`code", "@cite", "$5", "|' /C"} {
		// Present only with its first character backslash-escaped.
		if regexp.MustCompile(`(^|[^\\])` + regexp.QuoteMeta(bad)).MatchString(out) {
			t.Errorf("unescaped %q in the memo", bad)
		}
	}
	// Table rows keep their columns: every | in the text is escaped.
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	var header int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		n := len(unescapedPipe.FindAllStringIndex(line, -1))
		if header == 0 {
			header = n
		} else if n != header {
			t.Errorf("table row with %d cells, header has %d: %s", n-1, header-1, line)
		}
	}
	if header == 0 {
		t.Error("no sources table")
	}
	// Every line from the text stays inside the memo's own structure.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") && !regexp.MustCompile(`^#{1,3} `).MatchString(line) {
			t.Errorf("stray heading: %q", line)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text untouched", "Lavrov said it. (Twice!) 1. 2-3 #1 +4", "Lavrov said it. (Twice!) 1. 2-3 #1 +4"},
		{"emphasis and code", "*a* _b_ `c`", `\*a\* \_b\_ \` + "`c\\`"},
		{"links and html", "[x](y) <b>", `\[x\](y) \<b\>`},
		{"pandoc syntax", "$5 @key ^sup^ ~sub~ {.cls}", `\$5 \@key \^sup\^ \~sub\~ \{.cls\}`},
		{"table pipe and entity", "a|b &amp;", `a\|b \&amp;`},
		{"backslash", `a\b`, `a\\b`},
		{"newlines flattened", "a\n\n# b\r\n- c", "a # b - c"},
		{"unicode kept", "ø å «» –", "ø å «» –"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := mdEscape(c.in); got != c.want {
				t.Errorf("mdEscape(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestTeXEscape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Russia, U.S. agree", "Russia, U.S. agree"},
		{"the ten specials", `# $ % & _ { } ~ ^ \`, `\# \$ \% \& \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{}`},
		{"no dash ligatures", "a -- b --- c", "a -{}- b -{}-{}- c"},
		{"utf-8 kept", "Ålesund «foreløpig» møte – ok", "Ålesund «foreløpig» møte – ok"},
		{"newlines flattened", "a\nb\r\n\tc", "a b c"},
		{"control characters dropped", "a\x00b\x1bc", "a b c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := texEscape(c.in); got != c.want {
				t.Errorf("texEscape(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestBibURL(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"kept as is", "https://x.org/a_b%20c?d=1&e=2#f~g", "https://x.org/a_b%20c?d=1&e=2#f~g"},
		{"braces and backslash encoded", `https://x.org/{a}\b c`, "https://x.org/%7Ba%7D%5Cb%20c"},
		{"utf-8 kept", "https://nrk.no/møte", "https://nrk.no/møte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := bibURL(c.in); got != c.want {
				t.Errorf("bibURL(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// Norwegian text keeps its letters and quotation marks in every format.
func TestNorwegianIntact(t *testing.T) {
	in := seedInput(t)
	for _, f := range Formats {
		out := render(t, f, in)
		for _, s := range []string{"ø", "å", "«", "»", "ambassadør", "«i svært nær fremtid»", "foreløpig"} {
			if !strings.Contains(out, s) {
				t.Errorf("%s: %q missing", f, s)
			}
		}
		for _, bad := range []string{`\o{}`, `\aa{}`, "&oslash;", "&#248;", `\u00f8`, "Ã"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: %q: Norwegian letters must stay UTF-8", f, bad)
			}
		}
	}
}

// The RIS and BibLaTeX outputs never break a line inside a value.
func TestNoLineBreaksInValues(t *testing.T) {
	in := hostileInput(t)
	for _, f := range []string{"ris", "bibtex"} {
		out := render(t, f, in)
		for _, s := range []string{"second line", "third"} {
			i := strings.Index(out, s)
			if i < 1 || out[i-1] != ' ' {
				t.Errorf("%s: %q does not follow a space on the same line", f, s)
			}
		}
	}
}
