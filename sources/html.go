package sources

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a saved web page: decoding (meta charset honoured), main
// text extraction with go-readability, then metadata.
func readHTML(source string, data []byte, opts *Options) (Article, error) {
	d, err := decodeHTML(data)
	if err != nil {
		return Article{}, err
	}
	var m meta
	a, err := extractHTML(source, d.text, opts, &m)
	if err != nil {
		return Article{}, err
	}
	a.Hash = hashHex(data)
	finish(&a, opts, &m)
	return a, nil
}

// extractHTML extracts the article of a page given as UTF-8 and fills m
// with what the page says about itself. Metadata (dates included) is read
// by scanPage first; then go-readability finds the main content and page
// furniture is removed from it (cleanPage). The stored text is its blocks
// (paragraphs, headings, list items, quotes, table rows) joined with
// blank lines; the title is not repeated in it.
func extractHTML(source, page string, opts *Options, m *meta) (Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	pageURL := strings.TrimSpace(opts.URL)
	info := scanPage(doc, pageURL)
	if pageURL == "" {
		pageURL = firstNonEmpty(info.canonical, info.ogURL)
	}
	var u *url.URL
	if pu, err := url.Parse(pageURL); err == nil && pu.Scheme != "" && pu.Host != "" {
		u = pu
	}
	// The lead is looked up before readability rewrites the document.
	lead := findLead(doc, firstNonEmpty(info.description, info.ldDescription))
	parser := readability.NewParser()
	parser.DisableJSONLD = true // read by scanPage
	parser.KeepClasses = true   // cleanPage reads them
	res, err := parser.ParseAndMutate(doc, u)
	var text, title string
	if err == nil {
		title = cleanSpace(res.Title())
		if res.Node != nil {
			cleanPage(res.Node)
			b := blockWriter{stamps: true}
			b.walk(res.Node)
			text = b.String()
		}
	}
	title = firstNonEmpty(info.ogTitle, info.ldHeadline, title, info.title)
	text = lead.restore(cutHeadline(text, title, info.h1), title)
	// What is left of a page without an article (an app shell, a menu)
	// is a handful of words; an article, even a brief, has a sentence.
	// When readability finds none, the page may still mark its body up
	// (itemprop="articleBody", a JSON-LD articleBody) or, on an article
	// page rendered by scripts, offer only its summary (description).
	if !hasProse(text) {
		text = ""
		for _, alt := range []string{info.bodyText, paragraphs(info.ldBody), info.articleSummary()} {
			if alt = cutHeadline(alt, title, info.h1); hasProse(alt) {
				text = alt
				break
			}
		}
		if text == "" {
			return Article{}, ErrNoText
		}
	}
	a := Article{Source: source, Format: FormatHTML, Text: text, Body: Span{0, len(text)}}

	m.siteName = firstNonEmpty(cleanSiteName(info.siteName), cleanSiteName(info.ldSiteName), cleanSiteName(info.publisher), domainSuffix(title))
	if m.url == "" {
		m.url = firstNonEmpty(info.canonical, info.ogURL, info.ldURL)
	}
	if m.lang == "" {
		m.lang = firstNonEmpty(info.lang, info.metaLang, info.ldLang)
	}
	if !m.date.Known() {
		m.date = info.published()
	}
	if title != "" {
		if name, cut, ok := titleSuffixOutlet(title, opts.Outlets); ok {
			m.titleOutlet = name
			title = strings.TrimSpace(title[:cut])
		} else if sn := m.siteName; sn != "" {
			title = cutSiteName(title, sn)
		}
	}
	a.Title = title
	return a, nil
}

// cutHeadline drops a leading block of text that repeats the title or
// the headline.
func cutHeadline(text string, heads ...string) string {
	for _, t := range heads {
		if t != "" && strings.HasPrefix(text, t) && (len(text) == len(t) || strings.HasPrefix(text[len(t):], "\n\n")) {
			return strings.TrimLeft(text[len(t):], "\n")
		}
	}
	return text
}

// paragraphs turns a plain-text article body (JSON-LD articleBody) into
// blocks separated by blank lines, white space inside them collapsed.
func paragraphs(s string) string {
	var b strings.Builder
	for _, ln := range strings.Split(s, "\n") {
		if ln = cleanSpace(ln); ln != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(ln)
		}
	}
	return b.String()
}

// articleSummary returns the description of a page that says it is an
// article (og:type "article" or a JSON-LD article object), else "".
func (p *pageInfo) articleSummary() string {
	if p.ogType != "article" && !p.ldArticle {
		return ""
	}
	return firstNonEmpty(p.description, p.ldDescription)
}

// domainSuffix returns the host name a title ends with after a
// separator ("Podolski retires — football.ua"), or "".
func domainSuffix(title string) string {
	i, _, n := lastTitleSep(title)
	if i <= 0 {
		return ""
	}
	s := strings.TrimSpace(title[i+n:])
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || len(s)-dot < 3 || len(s) > 60 || strings.ContainsAny(s, " /:") {
		return ""
	}
	for _, r := range s[dot+1:] {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// hasProse reports whether text holds at least 40 letters, 25 of them in
// one block (letters, not words: Japanese and Chinese have no spaces).
func hasProse(text string) bool {
	total, best := 0, 0
	for _, block := range strings.Split(text, "\n\n") {
		n := 0
		for _, r := range block {
			if unicode.IsLetter(r) {
				n++
			}
		}
		total += n
		best = max(best, n)
	}
	return total >= 40 && best >= 25
}

// cleanSiteName tidies a page's site name and drops values that are not
// a name (copyright lines, long slogans).
func cleanSiteName(s string) string {
	s = cleanSpace(s)
	s = strings.TrimRight(s, "/_©-–—|: ")
	low := strings.ToLower(s)
	if s == "" || len(s) > 60 || strings.Contains(low, "copyright") || strings.Contains(low, "(c)") ||
		strings.Contains(low, "©") || strings.Contains(low, "rights reserved") || strings.Contains(low, "://") {
		return ""
	}
	return s
}

// cutSiteName removes " | Site", " - Site" and similar from a title when
// Site is the page's own site name.
func cutSiteName(title, site string) string {
	for _, s := range titleSeps {
		if strings.HasSuffix(title, s.sep+site) && len(title) > len(s.sep)+len(site) {
			return strings.TrimSpace(title[:len(title)-len(s.sep)-len(site)])
		}
	}
	return title
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// cleanSpace collapses runs of white space to single spaces.
func cleanSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// blockWriter turns extracted content into plain text: one paragraph per
// block element, blocks separated by a blank line, white space inside a
// block collapsed, <br> kept as a line break, table cells separated by
// " | ".
type blockWriter struct {
	b       strings.Builder
	cur     strings.Builder
	space   bool
	inBlock int
	// stamps: leave out blocks that are only a date stamp ("Published
	// Monday, November 18, 2019 8:22AM EST") or a byline ("By Jane Doe").
	stamps bool
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Dd: true,
	atom.Dt: true, atom.Figcaption: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Main: true, atom.Body: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Aside: true, atom.Dl: true,
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		a := tagAtom(n)
		switch a {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head:
			return
		case atom.Br:
			w.flushLine()
			return
		case atom.Td, atom.Th:
			if strings.TrimSpace(w.cur.String()) != "" {
				w.cur.WriteString(" | ")
				w.space = false
			}
		}
		if blockAtoms[a] {
			w.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// tagAtom returns the atom of an element: its DataAtom, or for an
// element created without one (readability turns divs into paragraphs
// by name only) the atom of its tag name.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func (w *blockWriter) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) || r == 0xA0 || r == 0x200B {
			w.space = true
			continue
		}
		if r == utf8.RuneError || r == 0 || unicode.IsControl(r) {
			continue
		}
		if w.space && w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteRune(r)
	}
}

// flushLine ends a line inside a block (a <br>).
func (w *blockWriter) flushLine() {
	s := strings.TrimRight(w.cur.String(), " ")
	w.cur.Reset()
	if s != "" {
		w.cur.WriteString(s)
		w.cur.WriteByte('\n')
	}
	w.space = false
}

// flush ends the current block.
func (w *blockWriter) flush() {
	s := strings.TrimSpace(w.cur.String())
	w.cur.Reset()
	w.space = false
	if s == "" || w.stamps && len(s) <= maxDateLine && (isDateStamp(s) || bylineOnly(s)) {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString("\n\n")
	}
	w.b.WriteString(s)
}

// String returns the text written so far.
func (w *blockWriter) String() string {
	w.flush()
	return w.b.String()
}
