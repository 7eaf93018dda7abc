package sources

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestParsePageDate(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" = refused
	}{
		{"iso with zone", "2020-05-02T02:54:29.000Z", "2020-05-02"},
		{"iso with offset, date as written", "2020-06-29T00:16:15+03:00", "2020-06-29"},
		{"iso date", "2019-10-13", "2019-10-13"},
		{"iso month", "2019-10", "2019-10"},
		{"pipe and French time", "2020-08-25|00h23", "2020-08-25"},
		{"slashes", "2020/08/25", "2020-08-25"},
		{"compact", "20200825", "2020-08-25"},
		{"compact with time", "20200825T101500", "2020-08-25"},
		{"rfc 1123", "Fri, 01 May 2020 23:00:00 -0400", "2020-05-01"},
		{"javascript date string", "Tue Aug 25 2020 00:23:33 GMT+0000", "2020-08-25"},
		{"written english", "November 18, 2019", "2019-11-18"},
		{"written norwegian", "3. mars 2025", "2025-03-03"},
		{"european numeric", "03.04.2020, 12:35", "2020-04-03"},
		{"month and year", "October 2024", "2024-10"},
		{"year only", "2019", "2019"},
		{"impossible day", "2019-02-30", ""},
		{"year out of range", "1870-01-01", ""},
		{"unix time is not a date", "1588372904", ""},
		{"words", "yesterday", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := parsePageDate(tt.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("parsePageDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct {
		name, url, want string
	}{
		{"day path", "https://www.washingtonpost.com/politics/federal-workers/2020/07/08/c3d22ec8_story.html", "2020-07-08"},
		{"day without zeros", "https://example.com/2020/7/8/story", "2020-07-08"},
		{"dashes", "https://example.com/news/2021-03-17-budget-vote", "2021-03-17"},
		{"compact between dashes", "https://www.20minutes.fr/societe/4060503-20231102-tempete-ciaran", "2023-11-02"},
		{"month only", "https://boingboing.net/2013/07/hating.html", "2013-07"},
		{"month then slug", "https://www.politifact.com/west-virginia/statements/2019/nov/18/x/", ""},
		{"id that looks like a year", "https://tass.ru/moskva/8836033", ""},
		{"host is not the path", "https://2020.example.com/a", ""},
		{"query ignored", "https://example.com/a?d=2020/05/17/", ""},
		{"impossible date, month kept", "https://example.com/2020/02/31/x", "2020-02"},
		{"no url", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := urlDate(tt.url)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("urlDate(%q) = %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

func TestDatedLine(t *testing.T) {
	tests := []struct {
		name, line, want string
		rank             dateRank
	}{
		{"published cue, english", "Published 3 March 2025", "2025-03-03", rankVisibleCue},
		{"published cue, norwegian with time", "Publisert 3. mars 2025 kl. 10.12", "2025-03-03", rankVisibleCue},
		{"published then updated", "Publisert 3. mars 2025 kl. 10.12 Oppdatert 4. mars 2025", "2025-03-03", rankVisibleCue},
		{"updated only", "Aktualisiert: 11.04.2020, 10:27", "", 0},
		{"updated between cue and date", "Publié le, mis à jour le 4 mars 2020", "", 0},
		{"byline with date", "By Emily Burack 8 January 2020, 3:51 pm 11 Edit", "2020-01-08", rankVisible},
		{"date alone", "9 oktober 2020 11:12", "2020-10-09", rankVisible},
		{"caption is not a dated line", "Raquel Montoya-Lewis is sworn in, Monday, January 6, 2020, in Olympia, Washington.", "", 0},
		{"no year", "Published March 3", "", 0},
		{"empty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, r, ok := datedLine(tt.line)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tt.want || ok && r != tt.rank {
				t.Errorf("datedLine(%q) = %q rank %d, want %q rank %d", tt.line, got, r, tt.want, tt.rank)
			}
		})
	}
}

// TestPageDate: which of the dates a page states is its publication date.
func TestPageDate(t *testing.T) {
	const body = `<p>The council met on Monday and agreed to build a new bridge over the river next year, the mayor said after the vote.</p>`
	tests := []struct {
		name, url, head, body, want string
	}{
		{"meta beats json-ld and url", "https://example.com/2020/01/01/x",
			`<meta property="article:published_time" content="2020-03-04T10:00:00+01:00">` +
				`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2020-03-05"}</script>`,
			body, "2020-03-04"},
		{"json-ld article beats url", "https://example.com/2020/07/08/x",
			`<script type="application/ld+json">[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","datePublished":"2020-07-09T10:04:04Z","dateModified":"2020-07-10"}]</script>`,
			body, "2020-07-09"},
		{"json-ld in @graph", "",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":["Article"],"datePublished":"2019-02-02"}]}</script>`,
			body, "2019-02-02"},
		{"url day when nothing else", "https://example.com/2020/05/17/story", "", body, "2020-05-17"},
		{"time pubdate beats visible line", "", "",
			`<h1>Bridge vote</h1><time pubdate datetime="2021-06-01">1 June</time><div>Published 2 June 2021</div>` + body, "2021-06-01"},
		{"time of an update is not the date", "", "",
			`<h1>Bridge vote</h1><time class="updated" datetime="2021-06-09">9 June</time>` + body, ""},
		{"visible published line under the headline", "", "",
			`<h1>Kommunen vil bygge ny bru</h1><div class="dato">Publisert 3. mars 2025 kl. 10.12</div>` + body, "2025-03-03"},
		{"headline that matches the title, not the logo", "", `<title>Kommunen vil bygge ny bru - Avisa</title>`,
			`<div class="logo"><h1>Avisa</h1></div><div>Meny</div><div>Nyheter</div><div>Sport</div><div>Kultur</div><div>Debatt</div>` +
				`<div>Tips oss</div><div>Abonnement</div><div>Logg inn</div><div>Søk</div><div>Forsiden</div><div>Annonse</div><div>Mer</div><div>Mer</div>` +
				`<h1>Kommunen vil bygge ny bru</h1><p>torsdag 13. juni 2019</p>` + body, "2019-06-13"},
		{"no date anywhere", "", "", body, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			p := scanPage(doc, tt.url)
			got := ""
			if d := p.published(); d.Known() {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("published = %q, want %q (candidates %v)", got, tt.want, p.dates)
			}
		})
	}
}

func TestScanPageMetadata(t *testing.T) {
	page := `<html><head><meta property="og:type" content="article"><meta name="description" content="A short summary.">` +
		`<meta property="og:description" content="The summary of the story.">` +
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge vote","inLanguage":"de","publisher":{"@type":"Organization","name":"Lokalzeitung"},` +
		`"mainEntityOfPage":{"@id":"https://lokal.example/a/1"},"articleBody":"First paragraph.\nSecond paragraph."}</script>` +
		`<meta name="publisher" content="Verlag GmbH"></head><body><div itemprop="articleBody"><p>One.</p><p>Two.</p></div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	p := scanPage(doc, "")
	if p.ldHeadline != "Bridge vote" || p.ldLang != "de" || p.ldSiteName != "Lokalzeitung" || p.ldURL != "https://lokal.example/a/1" ||
		p.publisher != "Verlag GmbH" || p.description != "The summary of the story." || p.ogType != "article" || !p.ldArticle ||
		p.bodyText != "One.\n\nTwo." || paragraphs(p.ldBody) != "First paragraph.\n\nSecond paragraph." {
		t.Errorf("pageInfo = %+v", p)
	}
}

func TestDomainSuffix(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Подольски завершил карьеру в сборной — football.ua", "football.ua"},
		{"Wie CreativeCommons richtig genutzt wird - futurezone.at", "futurezone.at"},
		{"Talks resume in Geneva - Reuters", ""},
		{"Version 2.0 released", ""},
		{"Prices rise 2.5", ""},
	}
	for _, tt := range tests {
		if got := domainSuffix(tt.title); got != tt.want {
			t.Errorf("domainSuffix(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestDatesData checks that every line of data/dates.tsv parses: five
// columns, a known kind, a numeric value, a case of "title" or "any".
func TestDatesData(t *testing.T) {
	kinds := map[string]bool{"month": true, "weekday": true, "yearprep": true, "of": true, "future": true, "since": true,
		"published": true, "updated": true, "byline": true}
	for i, ln := range strings.Split(datesTSV, "\n") {
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		c := strings.Split(ln, "\t")
		if len(c) != 5 || !kinds[c[1]] || !allDigits(c[2]) || (c[3] != "title" && c[3] != "any") || c[4] == "" {
			t.Errorf("dates.tsv line %d: %q", i+1, ln)
		}
	}
	if cues := dateCueTable(); cues["publisert"] != cuePublished || cues["oppdatert"] != cueUpdated || cues["av"] != cueByline {
		t.Errorf("cue table: %v", cues)
	}
}
