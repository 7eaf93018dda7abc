package sources

import (
	"encoding/json"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what a page says about itself outside its article text:
// <html lang>, <title>, <link rel=canonical>, meta tags, JSON-LD, date
// elements and dated lines near its headline.
type pageInfo struct {
	lang, metaLang, title, ogTitle, siteName, canonical, ogURL string
	// publisher is <meta name="publisher"> (or dc.publisher).
	publisher string
	// From the JSON-LD object of the article (NewsArticle, BlogPosting, …).
	ldHeadline, ldSiteName, ldURL, ldLang, ldBody, ldDescription string
	// ldArticle: the page has a JSON-LD article object.
	ldArticle bool
	// description is the page's meta description (og:description first);
	// ogType its og:type.
	description, ogType string
	// bodyText is the text of the first element marked
	// itemprop="articleBody", as blockWriter writes it.
	bodyText string
	// h1 is the text of the page's headline element (see heading).
	h1    string
	dates []dateCand
}

// dateRank orders the places a page states its publication date in,
// most trustworthy first.
type dateRank uint8

const (
	rankMeta       dateRank = iota // <meta property="article:published_time"> and aliases
	rankLDArticle                  // datePublished of a JSON-LD article
	rankItemprop                   // an element with itemprop="datePublished"
	rankTimePub                    // <time pubdate>, or a <time> whose class says "published"
	rankURLDay                     // /2020/05/17/ in the page's URL
	rankLDOther                    // dateCreated of the article, datePublished of a WebPage
	rankVisibleCue                 // "Published 3 March 2025" near the headline
	rankVisible                    // a line that is only a date, near the headline
	rankTime                       // the first other <time datetime> of the page
	rankURLMonth                   // /2020/05/ in the page's URL
)

// dateCand is a publication date a page states and where it states it.
type dateCand struct {
	d    Date
	rank dateRank
}

// publishedMeta are the meta names and properties (lower case) that
// state when a page was first published.
var publishedMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "og:article:published_time": true,
	"article:published": true, "published_time": true, "datepublished": true, "datecreated": true,
	"dc.date.issued": true, "dcterms.issued": true, "dc.date.created": true, "dcterms.created": true,
	"dc.date": true, "dcterms.date": true, "dc:date": true, "date": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "publish_date": true, "published-date": true,
	"published_date": true, "pub_date": true, "pub-date": true, "sailthru.date": true,
	"parsely-pub-date": true, "article.published": true, "article_date_original": true,
	"original-publish-date": true, "originalpublicationdate": true, "cxenseparse:recs:publishtime": true,
	"citation_publication_date": true, "citation_date": true, "weibo:article:create_at": true,
	"dcterms.available": true, "rnews:datepublished": true, "og:pubdate": true, "vr:published_time": true,
	"article:post_date": true, "bt:pubdate": true, "analyticsattributes.articledate": true,
}

// scanPage reads what a parsed page says about itself (see pageInfo) in
// one walk over the document. pageURL is the URL the caller knows for the
// page ("" when none); the page's own canonical URL is read too.
func scanPage(doc *html.Node, pageURL string) pageInfo {
	var p pageInfo
	var v pageVisitor
	v.p = &p
	v.walk(doc, 0)
	v.flush()
	if strings.HasPrefix(p.canonical, "/") || strings.HasPrefix(p.canonical, "#") {
		p.canonical = "" // relative: says nothing about the host
	}
	v.visibleDates()
	for _, u := range []string{pageURL, p.canonical, p.ogURL, p.ldURL} {
		if d, ok := urlDate(u); ok {
			r := rankURLDay
			if d.Precision != PrecDay {
				r = rankURLMonth
			}
			p.dates = append(p.dates, dateCand{d, r})
			break
		}
	}
	return p
}

// published returns the page's publication date: the one stated in the
// most trustworthy place, the first in document order among equals.
func (p *pageInfo) published() Date {
	best := -1
	for i, c := range p.dates {
		if best < 0 || c.rank < p.dates[best].rank {
			best = i
		}
	}
	if best < 0 {
		return Date{Precision: PrecUnknown}
	}
	return p.dates[best].d
}

// maxDateLine is the longest text block read as a dated line near the
// headline ("Published 3 March 2025 at 10:12 by …").
const maxDateLine = 160

// pageVisitor collects pageInfo during the walk.
type pageVisitor struct {
	p *pageInfo
	// lines are the short text blocks of the body in document order;
	// h1Line is the index of the first one after the first <h1> (-1
	// before it is seen).
	lines    []string
	cur      strings.Builder // the line being read
	long     bool            // the line being read is longer than maxDateLine
	h1Line   int
	inBody   bool
	seenH1   bool // a headline is found
	titleH1  bool // the headline found matches the page's title
	ogDesc   bool // the description is og:description
	headings int  // headings looked at
	timeSet  bool // a rankTime candidate is recorded
}

// walk visits n and its subtree.
func (v *pageVisitor) walk(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	p := v.p
	switch n.Type {
	case html.TextNode:
		if v.inBody {
			v.text(n.Data)
		}
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Html:
			if p.lang == "" {
				p.lang = firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang"))
			}
		case atom.Body:
			v.inBody = true
		case atom.Title:
			if p.title == "" && !v.inBody && n.FirstChild != nil {
				p.title = cleanSpace(textOf(n))
			}
			return
		case atom.Link:
			if p.canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			v.meta(n)
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				v.jsonLD(textOf(n))
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object:
			return
		case atom.Time:
			v.timeElem(n)
		case atom.H1, atom.H2:
			v.heading(n)
		case atom.Br:
			v.flush()
		}
		if p.bodyText == "" && n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "articleBody") {
			var b blockWriter
			b.walk(n)
			p.bodyText = b.String()
		}
		if n.DataAtom != atom.Meta && n.DataAtom != atom.Time && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			s := firstNonEmpty(attr(n, "content"), attr(n, "datetime"), textOf(n))
			if d, ok := parsePageDate(s); ok {
				p.dates = append(p.dates, dateCand{d, rankItemprop})
			}
		}
	}
	block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
	if block {
		v.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		v.walk(c, depth+1)
	}
	if block {
		v.flush()
	}
}

// heading notes where the headline stands among the lines: the first
// <h1> or <h2> whose text the page's title holds (or that holds it), else
// the first <h1> (a site's logo is often an <h1> too).
func (v *pageVisitor) heading(n *html.Node) {
	if v.titleH1 || v.headings >= 64 {
		return
	}
	v.headings++
	h := cleanSpace(textOf(n))
	if h == "" {
		return
	}
	matches := false
	hk := letterKey(h)
	for _, t := range []string{v.p.ogTitle, v.p.title} {
		if tk := letterKey(t); len(hk) >= 10 && len(tk) >= 10 && (strings.Contains(tk, hk) || strings.Contains(hk, tk)) {
			matches = true
		}
	}
	if !matches && (n.DataAtom != atom.H1 || v.seenH1) {
		return
	}
	v.flush()
	v.seenH1, v.titleH1 = true, matches
	v.p.h1 = h
	v.h1Line = len(v.lines)
}

// letterKey returns the letters and digits of s, lower-cased: titles
// and headlines compared through it may differ in quote marks,
// punctuation and spacing.
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// text adds body text to the current line (white space collapsed); a
// line longer than maxDateLine is prose, not a dated line, and only its
// length is kept.
func (v *pageVisitor) text(s string) {
	if v.long || len(v.lines) >= maxLines {
		return
	}
	for _, f := range strings.Fields(s) {
		if v.cur.Len() > 0 {
			v.cur.WriteByte(' ')
		}
		v.cur.WriteString(f)
		if v.cur.Len() > maxDateLine {
			v.long = true
			v.cur.Reset()
			return
		}
	}
}

// maxLines bounds the text lines kept from a page.
const maxLines = 4096

// flush ends the current line.
func (v *pageVisitor) flush() {
	switch {
	case v.long:
		v.lines = append(v.lines, "") // a paragraph: keeps the distance to the headline
	case v.cur.Len() > 0:
		v.lines = append(v.lines, v.cur.String())
	}
	v.cur.Reset()
	v.long = false
}

func (v *pageVisitor) meta(n *html.Node) {
	p := v.p
	key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv"))))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" || key == "" {
		return
	}
	switch key {
	case "og:site_name", "application-name":
		if p.siteName == "" {
			p.siteName = cleanSpace(val)
		}
	case "publisher", "dc.publisher", "dcterms.publisher":
		if p.publisher == "" {
			p.publisher = cleanSpace(val)
		}
	case "og:title":
		if p.ogTitle == "" {
			p.ogTitle = cleanSpace(val)
		}
	case "og:url":
		if p.ogURL == "" {
			p.ogURL = val
		}
	case "og:type":
		if p.ogType == "" {
			p.ogType = strings.ToLower(val)
		}
	case "og:description", "description", "twitter:description":
		if p.description == "" || key == "og:description" && !v.ogDesc {
			p.description = cleanSpace(val)
			v.ogDesc = key == "og:description"
		}
	case "content-language", "language", "dc.language", "og:locale":
		if p.metaLang == "" {
			p.metaLang = val
		}
	default:
		if publishedMeta[key] {
			if d, ok := parsePageDate(val); ok {
				r := rankMeta
				if v.inBody {
					r = rankItemprop // microdata inside the page
				}
				p.dates = append(p.dates, dateCand{d, r})
			}
		}
	}
}

// timeElem reads <time datetime>: itemprop="datePublished", a pubdate
// attribute or a class that says "publish" rank high; a class that says
// "update" or "modif" is skipped; the first other one is kept as a weak
// candidate.
func (v *pageVisitor) timeElem(n *html.Node) {
	s := firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
	if s == "" {
		return
	}
	d, ok := parsePageDate(s)
	if !ok {
		return
	}
	class := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	switch {
	case strings.EqualFold(attr(n, "itemprop"), "datePublished"):
		v.p.dates = append(v.p.dates, dateCand{d, rankItemprop})
	case hasAttr(n, "pubdate") || strings.Contains(class, "publish") || strings.Contains(class, "pubdate"):
		v.p.dates = append(v.p.dates, dateCand{d, rankTimePub})
	case strings.Contains(class, "update") || strings.Contains(class, "modif") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "modified"):
	case !v.timeSet:
		v.timeSet = true
		v.p.dates = append(v.p.dates, dateCand{d, rankTime})
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// maxJSONLD bounds the JSON-LD script read (a page's metadata is a few
// KiB; some sites put whole archives in it).
const maxJSONLD = 1 << 20

// jsonLD reads a JSON-LD script: the object of an article type (at the
// top, in an array or in @graph) gives headline, datePublished,
// dateCreated, publisher name, URL and language; a WebPage's
// datePublished is a weaker date.
func (v *pageVisitor) jsonLD(src string) {
	if len(src) > maxJSONLD {
		return
	}
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
	var doc any
	if err := json.Unmarshal([]byte(src), &doc); err != nil {
		return
	}
	v.ldValue(doc, 0)
}

func (v *pageVisitor) ldValue(x any, depth int) {
	if depth > 6 {
		return
	}
	switch x := x.(type) {
	case []any:
		for _, e := range x {
			v.ldValue(e, depth+1)
		}
	case map[string]any:
		v.ldObject(x)
		if g, ok := x["@graph"]; ok {
			v.ldValue(g, depth+1)
		}
	}
}

func (v *pageVisitor) ldObject(o map[string]any) {
	p := v.p
	article, page := false, false
	for _, t := range ldStrings(o["@type"]) {
		switch {
		case strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report":
			article = true
		case strings.HasSuffix(t, "WebPage"):
			page = true
		}
	}
	if !article && !page {
		return
	}
	pub, _ := parsePageDate(ldString(o["datePublished"]))
	created, _ := parsePageDate(ldString(o["dateCreated"]))
	if !article {
		if pub.Known() {
			p.dates = append(p.dates, dateCand{pub, rankLDOther})
		}
		return
	}
	p.ldArticle = true
	if pub.Known() {
		p.dates = append(p.dates, dateCand{pub, rankLDArticle})
	}
	if p.ldBody == "" {
		p.ldBody = ldString(o["articleBody"])
	}
	if p.ldDescription == "" {
		p.ldDescription = cleanSpace(ldString(o["description"]))
	}
	if created.Known() {
		p.dates = append(p.dates, dateCand{created, rankLDOther})
	}
	if p.ldHeadline == "" {
		p.ldHeadline = cleanSpace(firstNonEmpty(ldString(o["headline"]), ldString(o["name"])))
	}
	if pub, ok := o["publisher"].(map[string]any); ok && p.ldSiteName == "" {
		p.ldSiteName = cleanSpace(ldString(pub["name"]))
	}
	if p.ldURL == "" {
		p.ldURL = ldString(o["url"])
		if p.ldURL == "" {
			if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
				p.ldURL = ldString(m["@id"])
			} else {
				p.ldURL = ldString(o["mainEntityOfPage"])
			}
		}
		if !strings.HasPrefix(p.ldURL, "http") {
			p.ldURL = ""
		}
	}
	if p.ldLang == "" {
		p.ldLang = ldString(o["inLanguage"])
	}
}

// ldString returns a JSON-LD value as a string: the string itself, or
// the first string of an array.
func ldString(x any) string {
	switch x := x.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

func ldStrings(x any) []string {
	switch x := x.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Visible dated lines: how far around the headline they are looked for,
// in text lines.
const (
	visibleBefore = 4
	visibleAfter  = 12
)

// visibleDates looks at the short text lines around the first <h1> for
// one that states the publication date, after the headline first, then
// before it: a full date after a "published" word of data/dates.tsv
// ("Published 3 March 2025", "Publisert 3. mars 2025") ranks above a line
// that is only a date, or a byline with a date ("By Jane Doe 8 January
// 2020, 3:51 pm"); a date after an "updated" word does not count.
func (v *pageVisitor) visibleDates() {
	if !v.seenH1 {
		return
	}
	var cue, bare *dateCand
	after := v.lines[v.h1Line:min(len(v.lines), v.h1Line+visibleAfter)]
	before := v.lines[max(0, v.h1Line-visibleBefore):v.h1Line]
	for _, lines := range [][]string{after, before} {
		for _, line := range lines {
			d, r, ok := datedLine(line)
			switch {
			case !ok:
			case r == rankVisibleCue && cue == nil:
				cue = &dateCand{d, r}
			case r == rankVisible && bare == nil:
				bare = &dateCand{d, r}
			}
		}
	}
	for _, c := range []*dateCand{cue, bare} {
		if c != nil {
			v.p.dates = append(v.p.dates, *c)
		}
	}
}

// datedLine reads a line under a headline: the first full date after a
// "published" word (rankVisibleCue) with no "updated" word between them;
// or, in a line without such words, the first full date when the line
// opens with a byline word or has at most three words that are not
// date words (rankVisible).
func datedLine(line string) (Date, dateRank, bool) {
	if line == "" {
		return Date{}, 0, false
	}
	var tokBuf [32]dtok
	toks := dateTokens(line, tokBuf[:0])
	if len(toks) < 3 {
		return Date{}, 0, false
	}
	var menBuf [8]mention
	ms := findMentions(line, toks, menBuf[:0])
	cues, words := dateCueTable(), dateWordTable()
	pubAt, updAt, other, byline, first := -1, -1, 0, false, true
	forEachWordSpan(line, func(w string, at int) {
		c := cues[w]
		switch {
		case c == cuePublished && pubAt < 0:
			pubAt = at
		case c == cueUpdated:
			if updAt < 0 || pubAt > updAt {
				updAt = at
			}
		case c == cueByline && first:
			byline = true
		default:
			if _, ok := words[w]; !ok && c == cueNone {
				other++
			}
		}
		first = false
	})
	for _, m := range ms {
		if m.kind != mFull {
			continue
		}
		d := Date{Year: m.y, Month: m.m, Day: m.d, Precision: PrecDay}
		switch {
		case pubAt >= 0:
			if m.start > pubAt && !(updAt > pubAt && updAt < m.start) {
				return d, rankVisibleCue, true
			}
		case updAt >= 0:
			return Date{}, 0, false
		case byline || other <= 3:
			return d, rankVisible, true
		}
		return Date{}, 0, false
	}
	return Date{}, 0, false
}

// forEachWordSpan calls f with every word of s, lower-cased, and its
// byte offset.
func forEachWordSpan(s string, f func(w string, at int)) {
	var buf [64]byte
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if i-start <= len(buf) {
				f(string(lowerText(buf[:0], s[start:i])), start)
			}
			start = -1
		}
	}
}

type cueKind uint8

const (
	cueNone cueKind = iota
	cuePublished
	cueUpdated
	cueByline
)

var (
	cueOnce  sync.Once
	cueWords map[string]cueKind
)

// dateCueTable returns the "published", "updated" and "byline" words of
// data/dates.tsv.
func dateCueTable() map[string]cueKind {
	cueOnce.Do(func() {
		cueWords = map[string]cueKind{}
		for _, ln := range strings.Split(datesTSV, "\n") {
			cols := strings.Split(strings.TrimRight(ln, "\r"), "\t")
			if len(cols) != 5 || strings.HasPrefix(ln, "#") {
				continue
			}
			k := cueNone
			switch cols[1] {
			case "published":
				k = cuePublished
			case "updated":
				k = cueUpdated
			case "byline":
				k = cueByline
			default:
				continue
			}
			for _, f := range strings.Split(cols[4], "|") {
				if f = strings.TrimSpace(f); f != "" {
					cueWords[f] = k
				}
			}
		}
	})
	return cueWords
}

// parsePageDate reads a date as pages state it in metadata: ISO 8601
// (a date, or a date and time: the date as written, in the page's own
// time zone), "2020-08-25|00h23", 2020/08/25, 20200825, RFC 1123 and the
// written forms findMentions knows ("May 1, 2020", "1. Mai 2020",
// "01.05.2020"). Years outside 1990-2099 are refused.
func parsePageDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 4 || len(s) > 200 {
		return Date{}, false
	}
	ok := func(d Date) (Date, bool) {
		if !d.Known() || d.Year < 1990 || d.Year > 2099 {
			return Date{}, false
		}
		return d, true
	}
	if y, m, d, n := isoPrefix(s); n > 0 {
		if n == 10 && (len(s) == 10 || !isDigit(s[10])) {
			if dd, valid := mkDate(y, m, d); valid {
				return ok(dd)
			}
			return Date{}, false
		}
		if n == 7 && (len(s) == 7 || !isDigit(s[7]) && s[7] != '-' && s[7] != '/') {
			if m >= 1 && m <= 12 {
				return ok(Date{Year: y, Month: m, Precision: PrecMonth})
			}
		}
	}
	if len(s) >= 8 && allDigits(s[:8]) && (len(s) == 8 || s[8] == 'T' || s[8] == ' ') {
		y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
		if dd, valid := mkDate(y, m, d); valid {
			return ok(dd)
		}
	}
	if len(s) == 4 && allDigits(s) {
		return ok(Date{Year: atoi(s), Precision: PrecYear})
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST", "Mon Jan 2 2006 15:04:05 GMT-0700", "2006-01-02 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return ok(DayDate(t))
		}
	}
	var tokBuf [16]dtok
	var menBuf [4]mention
	for _, m := range findMentions(s, dateTokens(s, tokBuf[:0]), menBuf[:0]) {
		switch m.kind {
		case mFull:
			return ok(Date{Year: m.y, Month: m.m, Day: m.d, Precision: PrecDay})
		case mMonthYear:
			return ok(Date{Year: m.y, Month: m.m, Precision: PrecMonth})
		}
	}
	return Date{}, false
}

// isoPrefix reads YYYY-MM-DD or YYYY/MM/DD (n = 10) or YYYY-MM (n = 7)
// at the start of s; n = 0 when s does not start so.
func isoPrefix(s string) (y, m, d, n int) {
	if len(s) < 7 || !allDigits(s[:4]) || (s[4] != '-' && s[4] != '/') || !allDigits(s[5:7]) {
		return 0, 0, 0, 0
	}
	y, m = atoi(s[:4]), atoi(s[5:7])
	if len(s) >= 10 && s[7] == s[4] && allDigits(s[8:10]) {
		return y, m, atoi(s[8:10]), 10
	}
	return y, m, 0, 7
}

// urlDate reads a date from a URL's path: /2020/05/17/, /2020-05-17,
// -20200517- (a day), or /2020/05/ (a month). Years 1990-2099.
func urlDate(u string) (Date, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			return Date{}, false
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	var month Date
	for i := 0; i+4 <= len(u); i++ {
		if i > 0 && isDigit(u[i-1]) || !allDigits(u[i:i+4]) {
			continue
		}
		if i == 0 || !strings.ContainsRune("/-_.", rune(u[i-1])) {
			continue
		}
		y := atoi(u[i : i+4])
		if y < 1990 || y > 2099 {
			continue
		}
		rest := u[i+4:]
		// YYYYMMDD between separators.
		if len(rest) >= 4 && allDigits(rest[:4]) && (len(rest) == 4 || strings.ContainsRune("/-_.", rune(rest[4]))) {
			if d, ok := mkDate(y, atoi(rest[:2]), atoi(rest[2:4])); ok {
				return d, true
			}
			continue
		}
		if len(rest) < 2 || (rest[0] != '/' && rest[0] != '-' && rest[0] != '_') {
			continue
		}
		sep := rest[0]
		m, n := leadingNum(rest[1:])
		if n == 0 || n > 2 || m < 1 || m > 12 {
			continue
		}
		rest = rest[1+n:]
		if len(rest) >= 2 && rest[0] == sep {
			if d, k := leadingNum(rest[1:]); k > 0 && k <= 2 && (len(rest) == 1+k || !isDigit(rest[1+k])) {
				if dd, ok := mkDate(y, m, d); ok {
					return dd, true
				}
			}
		}
		if sep == '/' && (len(rest) == 0 || rest[0] == '/') && !month.Known() {
			month = Date{Year: y, Month: m, Precision: PrecMonth}
		}
	}
	return month, month.Known()
}

func leadingNum(s string) (v, n int) {
	for n < len(s) && n < 4 && isDigit(s[n]) {
		v = v*10 + int(s[n]-'0')
		n++
	}
	return v, n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}
