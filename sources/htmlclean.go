package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Cleaning of the content readability found: the pieces of a news page
// readability is known to leave in the article (image captions and
// credits, the dated line under the headline, newsletter and share
// boxes, next-story teasers) are removed from it. (Cleaning the whole
// page before readability scores it was measured worse: with the
// furniture gone, readability picks wider containers.)
// What is removed is page furniture; the article's own paragraphs are
// protected by size bounds (a marked box with a long text is kept).

// furnitureMarks are parts of class and id values that name page
// furniture rather than article text. Strong marks name boxes of other
// stories (never the article itself); weak ones boxes around it.
var furnitureMarks = []struct {
	mark   string
	strong bool
}{
	{"newsletter", true}, {"signup", true}, {"sign-up", true}, {"subscribe", true}, {"related", true},
	{"recommend", true}, {"trending", true}, {"most-read", true}, {"mostread", true}, {"next-post", true},
	{"nextpost", true}, {"next-story", true}, {"nextstory", true}, {"outbrain", true}, {"taboola", true},
	{"also-read", true}, {"caption", false}, {"credit", false}, {"promo", false}, {"share", false},
	{"sharing", false}, {"social", false}, {"read-more", false}, {"readmore", false},
}

// maxFurnitureText is the longest text a marked element may hold and
// still be removed as furniture, unless it is mostly links or (with a
// strong mark) holds at most one paragraph of prose.
const maxFurnitureText = 400

// cleanPage removes page furniture from doc (see above).
func cleanPage(doc *html.Node) {
	var drop []*html.Node
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			if isFurniture(n) {
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(doc, 0)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// isFurniture decides one element: a <figcaption>; a block whose first
// child is an image and whose text is a short caption; a date stamp (a
// <time> whose block says nothing but the date, as "Published:
// 03.04.2020, 12:35"); an element whose class or id names furniture
// and whose text is short or mostly links.
func isFurniture(n *html.Node) bool {
	a := tagAtom(n)
	switch a {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head:
		return false
	case atom.Figcaption:
		return true
	case atom.Time:
		// A date stamp standing between blocks, not inside a sentence.
		if !textSibling(n) {
			t := visibleText(n, maxDateLine+1)
			return len(t) <= maxDateLine && isDateStamp(t)
		}
	}
	if blockAtoms[a] && hasTimeChild(n, 0) {
		if t := visibleText(n, maxDateLine+1); len(t) <= maxDateLine && isDateStamp(t) {
			return true
		}
	}
	// A paragraph of the page is text unless a strong mark says otherwise
	// (readability's own paragraphs, made from divs, carry no atom).
	para := n.DataAtom == atom.P
	if !para && blockAtoms[a] && imageFirst(n) {
		if t := visibleText(n, maxFurnitureText+1); len(t) <= 250 {
			return true
		}
	}
	mark := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(mark) == "" {
		return false
	}
	for _, m := range furnitureMarks {
		if strings.Contains(mark, m.mark) && (m.strong || !para) {
			t := visibleText(n, 4*maxFurnitureText)
			return len(t) <= maxFurnitureText || linkShare(n, len(t)) >= 0.5 || m.strong && proseParagraphs(n, 0) <= 1
		}
	}
	return false
}

// textSibling reports whether n stands next to non-blank text (inside a
// sentence).
func textSibling(n *html.Node) bool {
	for _, s := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return true
		}
	}
	return false
}

// proseParagraphs counts the paragraphs of 150 bytes of text or more
// under n, stopping at 2.
func proseParagraphs(n *html.Node, depth int) int {
	k := 0
	for c := n.FirstChild; c != nil && k < 2 && depth < 64; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if tagAtom(c) == atom.P {
			if len(visibleText(c, 150)) >= 150 {
				k++
			}
			continue
		}
		k += proseParagraphs(c, depth+1)
	}
	return k
}

// imageFirst reports whether the first element inside n (through
// wrappers such as <a> and <picture>) is an image.
func imageFirst(n *html.Node) bool {
	for depth := 0; depth < 4; depth++ {
		c := firstElement(n)
		if c == nil {
			return false
		}
		switch tagAtom(c) {
		case atom.Img, atom.Picture, atom.Video, atom.Svg:
			return true
		case atom.A, atom.Span, atom.Div, atom.Figure, atom.Noscript:
			n = c
		default:
			return false
		}
	}
	return false
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil // text comes first
		}
	}
	return nil
}

// hasTimeChild reports whether a <time> element stands within two
// levels under n.
func hasTimeChild(n *html.Node, depth int) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if tagAtom(c) == atom.Time || depth < 2 && hasTimeChild(c, depth+1) {
			return true
		}
	}
	return false
}

// isDateStamp reports whether a short line is a date stamp: a full date
// with at most three other words besides date, "published", "updated"
// and byline words ("Aktualisiert: 11.04.2020, 10:27", "7. oktober 2020").
func isDateStamp(line string) bool {
	var tokBuf [32]dtok
	toks := dateTokens(line, tokBuf[:0])
	if len(toks) < 3 {
		return false
	}
	var menBuf [8]mention
	full := false
	for _, m := range findMentions(line, toks, menBuf[:0]) {
		full = full || m.kind == mFull
	}
	if !full {
		return false
	}
	cues, words := dateCueTable(), dateWordTable()
	other := 0
	forEachWordSpan(line, func(w string, _ int) {
		if _, ok := words[w]; !ok && cues[w] == cueNone {
			other++
		}
	})
	return other <= 3
}

// bylineOnly reports whether a short line is only a byline: a byline word
// of data/dates.tsv and two to five capitalised words ("By Jane Doe",
// "Av Kari Nordmann", "Von Hans Müller und Eva Schmidt").
func bylineOnly(line string) bool {
	if len(line) > 80 || strings.ContainsAny(line, ".!?:;\"«»“”") {
		return false
	}
	cues := dateCueTable()
	words, caps := 0, 0
	ok := true
	forEachWordSpan(line, func(w string, at int) {
		words++
		if words == 1 {
			ok = ok && cues[w] == cueByline && at == 0
			return
		}
		r, _ := utf8.DecodeRuneInString(line[at:])
		if unicode.IsUpper(r) {
			caps++
		}
	})
	return ok && words >= 3 && words <= 7 && caps >= 2 && caps >= words-2
}

// visibleText returns the text of n's subtree outside scripts and
// styles, white space collapsed, cut after about max bytes.
func visibleText(n *html.Node, max int) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if b.Len() > max || depth > 256 {
			return
		}
		switch n.Type {
		case html.TextNode:
			for _, f := range strings.Fields(n.Data) {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(f)
			}
			return
		case html.ElementNode:
			switch tagAtom(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// linkShare is the share of n's text (total bytes) that stands inside
// links.
func linkShare(n *html.Node, total int) float64 {
	if total == 0 {
		return 0
	}
	links := 0
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 || links > total {
			return
		}
		if n.Type == html.ElementNode && tagAtom(n) == atom.A {
			links += len(visibleText(n, total))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return float64(links) / float64(total)
}

// pageLead is the page's lead as the document shows it: the innermost
// block whose text begins like the page's description. Readability often
// leaves a lead standing in the article header out, and on a page with a
// very short article it may pick a longer footer instead.
type pageLead struct {
	text      string   // the lead block's text
	ancestors []string // letter keys of the texts of its ancestors, nearest first
	container string   // the text of its parent element, as blockWriter writes it
	key       string   // the letter key of the description's start
}

// Bounds of the lead lookup: letters of the description compared, levels
// of ancestors kept, bytes of an ancestor's text read.
const (
	leadKeyRunes  = 40
	leadLevels    = 6
	leadMaxText   = 1 << 16
	leadMaxBlocks = 20000
)

// findLead finds the block that holds the start of desc (see pageLead).
func findLead(doc *html.Node, desc string) pageLead {
	key := []rune(letterKey(desc))
	if len(key) < leadKeyRunes {
		return pageLead{}
	}
	l := pageLead{key: string(key[:leadKeyRunes])}
	var found *html.Node
	blocks := 0
	var visit func(n *html.Node, depth int) bool // reports whether n's subtree holds a block
	visit = func(n *html.Node, depth int) bool {
		if found != nil || depth > 256 || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return false
		}
		switch n.DataAtom {
		case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return false
		}
		inner := false
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if visit(c, depth+1) {
				inner = true
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block && !inner && found == nil && blocks < leadMaxBlocks {
			blocks++
			if strings.Contains(letterKey(visibleText(n, 4096)), l.key) {
				found = n
			}
		}
		return inner || block
	}
	visit(doc, 0)
	if found == nil {
		return pageLead{}
	}
	l.text = visibleText(found, leadMaxText)
	for a, k := found.Parent, 0; a != nil && k < leadLevels && a.DataAtom != atom.Body && a.Type == html.ElementNode; a, k = a.Parent, k+1 {
		l.ancestors = append(l.ancestors, letterKey(visibleText(a, leadMaxText)))
	}
	if found.Parent != nil {
		var b blockWriter
		b.walk(found.Parent)
		l.container = b.String()
	}
	return l
}

// restore returns text with the lead put back: before it when one of the
// lead's near ancestors also holds the start of text (the lead belongs to
// the same article); in place of it when text holds few of the title's
// words (readability picked another part of the page) and the lead's
// container has prose. Otherwise text is returned as it is.
func (l pageLead) restore(text, title string) string {
	if l.text == "" || strings.Contains(letterKey(text), l.key) {
		return text
	}
	start := []rune(letterKey(firstProseBlock(text)))
	if len(start) >= leadKeyRunes {
		k := string(start[:leadKeyRunes])
		for _, a := range l.ancestors {
			if strings.Contains(a, k) {
				return l.text + "\n\n" + text
			}
		}
	}
	if hasProse(l.container) && !aboutTitle(text, title) {
		return l.container
	}
	return text
}

// firstProseBlock returns the first block of text with 40 letters or more.
func firstProseBlock(text string) string {
	for _, b := range strings.Split(text, "\n\n") {
		if len([]rune(letterKey(b))) >= leadKeyRunes {
			return b
		}
	}
	return ""
}

// aboutTitle reports whether text holds at least a third of the words
// of title that have five letters or more (case ignored); a title
// without such words says nothing, and counts as matched.
func aboutTitle(text, title string) bool {
	low := strings.ToLower(text)
	found, total := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 5 {
			total++
			if containsWord(low, w) {
				found++
			}
		}
	}
	return total == 0 || 3*found >= total
}
