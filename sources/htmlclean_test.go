package sources

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// parseBody parses an HTML fragment as the body of a page.
func parseBody(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><head></head><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func blockText(n *html.Node) string {
	var b blockWriter
	b.walk(n)
	return b.String()
}

const prose = "The council met on Monday and agreed to build a new bridge over the river next year, the mayor said after a long debate in the town hall. "

func TestCleanPage(t *testing.T) {
	tests := []struct {
		name, body string
		gone, kept []string
	}{
		{"figcaption", `<figure><img src="a.jpg"><figcaption>Striking members of the union. Photograph: Jane Doe</figcaption></figure><p>` + prose + `</p>`,
			[]string{"Striking members"}, []string{"council met"}},
		{"image with a short caption", `<div><a href="x"><picture><img src="a.jpg"></picture></a><div>Goats on the island before they were moved. Photograph by John Doe</div></div><p>` + prose + `</p>`,
			[]string{"Goats on the island"}, []string{"council met"}},
		{"paragraph opening with an emoji image is text", `<p><img class="emoji" src="e.png">Great news for the town.</p><p>` + prose + `</p>`,
			nil, []string{"Great news", "council met"}},
		{"date stamp between blocks", `<p>` + prose + `</p><time datetime="2020-04-03">Publiziert: 03.04.2020, 12:35</time><p>` + prose + `</p>`,
			[]string{"Publiziert"}, []string{"council met"}},
		{"date stamp block", `<div class="meta"><time datetime="2020-10-07"><span>7. oktober 2020</span></time></div><p>` + prose + `</p>`,
			[]string{"oktober"}, []string{"council met"}},
		{"a date inside a sentence stays", `<p>The vote on <time datetime="2020-03-03">March 3, 2020</time> was close, and the council met again a week later to settle the matter.</p>`,
			nil, []string{"March 3, 2020"}},
		{"newsletter paragraph", `<p>` + prose + `</p><p class="newsletter-promo"><a href="/signup">Get the Daily Edition by email</a> and never miss our top stories</p>`,
			[]string{"Daily Edition"}, []string{"council met"}},
		{"next-story box with one teaser paragraph", `<p>` + prose + `</p><div class="nextstory"><h2><a href="/b">Another story</a></h2><p>` + strings.Repeat("A teaser of another story that goes on. ", 12) + `</p></div>`,
			[]string{"Another story", "teaser"}, []string{"council met"}},
		{"a share-marked wrapper with the article stays", `<div class="article share-enabled"><p>` + strings.Repeat(prose, 3) + `</p><p>` + strings.Repeat(prose, 3) + `</p></div>`,
			nil, []string{"council met"}},
		{"weak mark on a real paragraph stays", `<p class="caption-like">` + prose + `</p>`, nil, []string{"council met"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseBody(t, tt.body)
			cleanPage(doc)
			got := blockText(doc)
			for _, s := range tt.gone {
				if strings.Contains(got, s) {
					t.Errorf("%q left in %q", s, got)
				}
			}
			for _, s := range tt.kept {
				if !strings.Contains(got, s) {
					t.Errorf("%q removed from %q", s, got)
				}
			}
		})
	}
}

func TestIsDateStampAndByline(t *testing.T) {
	for _, tt := range []struct {
		line          string
		stamp, byline bool
	}{
		{"Published Monday, November 18, 2019 8:22AM EST", true, false},
		{"Aktualisiert: 11.04.2020, 10:27", true, false},
		{"7. oktober 2020", true, false},
		{"The council met on 7 October 2020 to vote on the bridge.", false, false},
		{"By Jane Doe", false, true},
		{"Av Kari Nordmann og Ola Hansen", false, true},
		{"By the end of the year prices rose.", false, false},
		{"Av de 40 millionene går halvparten til brua", false, false},
	} {
		if got := isDateStamp(tt.line); got != tt.stamp {
			t.Errorf("isDateStamp(%q) = %v", tt.line, got)
		}
		if got := bylineOnly(tt.line); got != tt.byline {
			t.Errorf("bylineOnly(%q) = %v", tt.line, got)
		}
	}
}

func TestLeadRestore(t *testing.T) {
	const lead = "The European Space Agency says putting astronauts into a state of suspended animation could make it easier to reach other planets."
	t.Run("lead in the header is put back", func(t *testing.T) {
		doc := parseBody(t, `<div class="story"><div class="head"><h1>Sleep to Mars</h1><p class="standfirst">`+lead+`</p></div>`+
			`<div class="body"><p>`+prose+`</p></div></div>`)
		l := findLead(doc, lead)
		got := l.restore(prose[:len(prose)-1], "Sleep to Mars")
		if !strings.HasPrefix(got, lead+"\n\n") || !strings.Contains(got, "council met") {
			t.Errorf("restore = %q", got)
		}
	})
	t.Run("lead already there", func(t *testing.T) {
		doc := parseBody(t, `<p>`+lead+`</p><p>`+prose+`</p>`)
		text := lead + "\n\n" + prose
		if got := findLead(doc, lead).restore(text, "Sleep to Mars"); got != text {
			t.Errorf("restore = %q", got)
		}
	})
	t.Run("a footer picked instead of a short article", func(t *testing.T) {
		doc := parseBody(t, `<div id="story"><p>`+lead+`</p><p><a href="x">The space agency report</a></p></div>`+
			`<div class="footer"><p>Read the rules you agree to by using this website in our Terms of Service, and our privacy policy.</p></div>`)
		got := findLead(doc, lead).restore("Read the rules you agree to by using this website in our Terms of Service, and our privacy policy.", "Astronauts could hibernate on the way to Mars, agency says")
		if !strings.HasPrefix(got, lead) || strings.Contains(got, "Terms of Service") {
			t.Errorf("restore = %q", got)
		}
	})
	t.Run("description not on the page", func(t *testing.T) {
		doc := parseBody(t, `<p>`+prose+`</p>`)
		if got := findLead(doc, lead).restore(prose, "x"); got != prose {
			t.Errorf("restore = %q", got)
		}
	})
}

func TestReadHTMLDivSoup(t *testing.T) {
	arts, errs := readPage(t, "article_nb_divsoup.html", Options{})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("arts=%d errs=%v", len(arts), errs)
	}
	a := arts[0]
	if a.Title != "Kommunen vil bygge ny bru over elva" || a.Published.String() != "2025-03-03" || a.DateInferred {
		t.Errorf("title %q date %s (inferred %v)", a.Title, a.Published, a.DateInferred)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 5 || !strings.HasPrefix(paras[0], "Kommunestyret vedtok") || !strings.HasPrefix(paras[1], "– Dette er") {
		t.Errorf("paragraphs = %q", paras)
	}
	prose := withoutSpans(a.Text, a.Boilerplate)
	for _, junk := range []string{"informasjonskapsler", "Forsiden", "Publisert", "Kari Nordmann", "Foto:", "Les også", "Del på", "Siste nytt", "Brann i bolighus", "redaktør"} {
		if strings.Contains(prose, junk) {
			t.Errorf("boilerplate %q left in the prose: %q", junk, prose)
		}
	}
}

func TestReadHTMLFallbacks(t *testing.T) {
	const para = "Kommunestyret vedtok tirsdag kveld å sette av 40 millioner kroner til en ny bru over elva ved sentrum."
	tests := []struct {
		name, page, want string
	}{
		{"itemprop articleBody inside an aside",
			`<html><head><title>Ny bru</title></head><body><main><aside class="content"><div itemprop="articleBody"><p>` + para + `</p></div></aside></main></body></html>`,
			para},
		{"json-ld articleBody of a script-rendered page",
			`<html><head><title>Ny bru</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ny bru","articleBody":"` + para + `\nDet andre avsnittet."}</script></head><body><div id="app"></div></body></html>`,
			para + "\n\nDet andre avsnittet."},
		{"description of an article page rendered by scripts",
			`<html><head><title>Ny bru</title><meta property="og:type" content="article"><meta property="og:description" content="` + para + `"></head><body><div id="app"></div></body></html>`,
			para},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := Read("p.html", []byte(tt.page), Options{})
			if len(errs) != 0 || len(arts) != 1 || arts[0].Text != tt.want {
				t.Errorf("articles %+v errs %v, want text %q", arts, errs, tt.want)
			}
		})
	}
	// A page that is not an article does not become one by its description.
	page := `<html><head><title>Home</title><meta name="description" content="` + para + `"></head><body><div id="app"></div></body></html>`
	if _, errs := Read("p.html", []byte(page), Options{}); len(errs) != 1 || !errors.Is(errs[0], ErrNoText) {
		t.Errorf("errs = %v, want ErrNoText", errs)
	}
}

// TestReadHTMLPathological: pages built to hit repeated work in the page
// scan and the cleaning (nested marked boxes, thousands of headlines,
// dated lines and time elements, deep JSON-LD, many paragraphs) still
// read in about linear time; the bound is generous.
func TestReadHTMLPathological(t *testing.T) {
	p := "<p>" + strings.Repeat(prose, 2) + "</p>"
	tests := []struct{ name, page string }{
		{"nested marked boxes", "<html><body>" + strings.Repeat(`<div class="related"><a href="x">link</a><span></span>`, 500) + p + strings.Repeat("</div>", 500) + "</body></html>"},
		{"nested image blocks", "<html><body>" + strings.Repeat(`<div><img src="a.jpg">`, 500) + p + strings.Repeat("</div>", 500) + "</body></html>"},
		{"headlines and dated lines", "<html><head><title>Bridge news</title></head><body>" + strings.Repeat("<h1>Bridge news</h1><div>Published 3 March 2025</div>"+p, 5000) + "</body></html>"},
		{"time elements", "<html><body>" + strings.Repeat(`<div><time datetime="2020-01-01">1 January 2020</time></div>`+p, 5000) + "</body></html>"},
		{"deep json-ld", `<html><head><script type="application/ld+json">` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `</script></head><body>` + p + "</body></html>"},
		{"many paragraphs", "<html><body><article>" + strings.Repeat(p, 20000) + "</article></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, errs := Read("p.html", []byte(tt.page), Options{})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Read took %v on %d bytes", d, len(tt.page))
			}
			for _, err := range errs {
				if !errors.Is(err, ErrNoText) {
					t.Errorf("error %v", err)
				}
			}
		})
	}
}
