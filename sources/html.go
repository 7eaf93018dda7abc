package sources

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a saved web page: decoding (meta charset honoured), main
// text extraction with go-trafilatura, then metadata.
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
// with what the page says about itself. The stored text is the main
// content's blocks (paragraphs, headings, list items, quotes, table rows)
// joined with blank lines; the title is not repeated in it.
func extractHTML(source, page string, opts *Options, m *meta) (Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	head := readHead(doc)
	topts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   false,
		Deduplicate:     true,
	}
	pageURL := strings.TrimSpace(opts.URL)
	if pageURL == "" {
		pageURL = head.canonical
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
		topts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil || res == nil || res.ContentNode == nil {
		return Article{}, ErrNoText
	}
	md := res.Metadata
	title := cleanSpace(md.Title)
	if title == "" {
		title = head.ogTitle
	}
	if title == "" {
		title = head.title
	}
	var b blockWriter
	b.walk(res.ContentNode)
	text := b.String()
	// Drop a leading block that repeats the title.
	if title != "" && strings.HasPrefix(text, title) && (len(text) == len(title) || strings.HasPrefix(text[len(title):], "\n\n")) {
		text = strings.TrimLeft(text[len(title):], "\n")
	}
	// What is left of a page without an article (an app shell, a menu)
	// is a handful of words; an article, even a brief, has a sentence.
	if !hasProse(text) {
		return Article{}, ErrNoText
	}
	a := Article{Source: source, Format: FormatHTML, Text: text, Body: Span{0, len(text)}}

	m.siteName = firstNonEmpty(cleanSiteName(head.siteName), cleanSiteName(md.Sitename))
	if m.url == "" {
		m.url = firstNonEmpty(head.canonical, head.ogURL, md.URL)
	}
	if m.lang == "" {
		m.lang = firstNonEmpty(head.lang, head.metaLang, md.Language)
	}
	if !m.date.Known() {
		switch {
		case head.published.Known():
			m.date = head.published
		case !md.Date.IsZero():
			m.date = DayDate(md.Date)
		}
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

// pageHead is what a page's <html> and <head> say about it.
type pageHead struct {
	lang, metaLang, title, ogTitle, siteName, canonical, ogURL string
	published                                                  Date
}

// readHead reads <html lang>, <title>, <link rel=canonical> and the meta
// tags og:site_name, og:title, og:url, article:published_time (and its
// common aliases), content-language.
func readHead(doc *html.Node) pageHead {
	var h pageHead
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if h.lang == "" {
					h.lang = attr(n, "lang")
				}
				if h.lang == "" {
					h.lang = attr(n, "xml:lang")
				}
			case atom.Title:
				if h.title == "" && n.FirstChild != nil {
					h.title = cleanSpace(textOf(n))
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && h.canonical == "" {
					h.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:site_name", "application-name":
					if h.siteName == "" {
						h.siteName = cleanSpace(val)
					}
				case "og:title":
					if h.ogTitle == "" {
						h.ogTitle = cleanSpace(val)
					}
				case "og:url":
					if h.ogURL == "" {
						h.ogURL = val
					}
				case "content-language", "language", "dc.language":
					if h.metaLang == "" {
						h.metaLang = val
					}
				case "article:published_time", "datepublished", "og:published_time", "dc.date.issued", "date", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date", "dcterms.date":
					if !h.published.Known() {
						if d, err := parseLooseDate(val); err == nil && d.Known() {
							h.published = d
						}
					}
				}
			case atom.Body:
				return // metadata lives in the head
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(doc, 0)
	if strings.HasPrefix(h.canonical, "/") || strings.HasPrefix(h.canonical, "#") {
		h.canonical = "" // relative: says nothing about the host
	}
	return h
}

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
		switch n.DataAtom {
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
		if blockAtoms[n.DataAtom] {
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
	if s == "" {
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
