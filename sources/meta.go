package sources

import (
	"strings"
)

// finish resolves an article's metadata: the user's flags first, then what
// the input states (header, HTML meta, JSON fields), then detection from
// the text. It also finds the boilerplate spans.
func finish(a *Article, opts *Options, m *meta) {
	outlets := opts.Outlets
	a.URL = strings.TrimSpace(opts.URL)
	if a.URL == "" {
		a.URL = strings.TrimSpace(m.url)
	}
	a.Boilerplate = findBoilerplate(a.Text, a.Body, outlets)
	lead, leadEnd := proseLine(a, a.Body.Start)

	// Outlet.
	switch {
	case strings.TrimSpace(opts.Outlet) != "":
		a.Outlet = canonicalOutlet(opts.Outlet, outlets)
	case strings.TrimSpace(m.outlet) != "":
		a.Outlet = canonicalOutlet(m.outlet, outlets)
	default:
		a.Outlet = detectOutlet(a, m, outlets, lead, leadEnd)
	}

	// Date.
	switch {
	case opts.Date.Known():
		a.Published = opts.Date
	case m.date.Known():
		a.Published = m.date
	default:
		a.Published = Date{Precision: PrecUnknown}
		d, ok := inferArticleDate(a, datelineEnd(a, lead))
		if mo, day, dl := datelineMonthDay(lead); dl && ok && d.Month == mo {
			// The dateline names the day; the body gave year and month.
			if dd, valid := mkDate(d.Year, mo, day); valid {
				d = dd
			}
		}
		if ok {
			a.Published = d
			a.DateInferred = true
		}
	}

	// Language.
	var sample string
	if opts.DetectLang != nil && NormalizeLang(opts.Lang) == "" {
		sample = proseSample(a, 1200)
	}
	a.Lang = resolveLang(opts.Lang, m.lang, opts.DetectLang, sample)
}

// canonicalOutlet maps a name given by the user or the input to the
// table's canonical name, or keeps it (trimmed) when the table does not
// know it.
func canonicalOutlet(name string, outlets *Outlets) string {
	name = strings.Join(strings.Fields(name), " ")
	if n, ok := outlets.byNameIndex(name); ok {
		return n
	}
	return name
}

// detectOutlet looks for the outlet in this order: the URL's host, the
// page's site name, a dateline or tag opening the article, a byline, a
// title suffix, a closing signature. Nothing found: "".
func detectOutlet(a *Article, m *meta, outlets *Outlets, lead string, leadEnd int) string {
	if a.URL != "" {
		if n, ok := outlets.hostName(a.URL); ok {
			return n
		}
	}
	if sn := strings.TrimSpace(m.siteName); sn != "" {
		if n, ok := outlets.byNameIndex(sn); ok {
			return n
		}
		if n, ok := outlets.hostName(sn); ok && strings.Contains(sn, ".") {
			return n
		}
	}
	if n, ok := leadOutlet(lead, outlets); ok {
		return n
	}
	// A byline among the first lines of prose.
	pos := a.Body.Start
	for k := 0; k < 3 && pos < a.Body.End; k++ {
		line, end := proseLine(a, pos)
		if line == "" {
			break
		}
		if n, ok := bylineOutlet(line, outlets); ok {
			return n
		}
		pos = end
	}
	if m.titleOutlet != "" {
		return m.titleOutlet
	}
	if sig := lastLine(a.Text[a.Body.Start:a.Body.End]); sig != "" {
		if n, ok := signatureOutlet(sig, outlets); ok {
			return n
		}
	}
	if sn := strings.TrimSpace(m.siteName); sn != "" && len(sn) <= 60 {
		return strings.Join(strings.Fields(sn), " ")
	}
	return ""
}

// proseLine returns the first non-blank line at or after from that is not
// boilerplate, and the offset after it.
func proseLine(a *Article, from int) (string, int) {
	text := a.Text
	for pos := from; pos < a.Body.End; {
		end, next := firstLine(text, pos)
		if end > a.Body.End {
			end = a.Body.End
		}
		s, e := trimSpan(text, pos, end)
		if e > s && !inSpans(a.Boilerplate, s) {
			return text[s:e], next
		}
		if next <= pos {
			break
		}
		pos = next
	}
	return "", a.Body.End
}

func inSpans(spans []Span, i int) bool {
	for _, s := range spans {
		if s.Contains(i) {
			return true
		}
		if s.Start > i {
			break
		}
	}
	return false
}

func lastLine(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimSpace(s)
}

// inferArticleDate runs InferDate over the title and the prose of the
// body (boilerplate left out: related headlines carry other dates), up to
// maxInferBytes of it.
func inferArticleDate(a *Article, skipTo int) (Date, bool) {
	var tokBuf [128]dtok
	var menBuf [32]mention
	ms := menBuf[:0]
	budget := maxInferBytes
	limit := 0 // end of the text read
	scan := func(s, e int) {
		if e-s > budget {
			e = s + len(cutText(a.Text[s:e], budget))
		}
		if e <= s {
			return
		}
		budget -= e - s
		limit = max(limit, e)
		seg := a.Text[s:e]
		toks := dateTokens(seg, tokBuf[:0])
		if len(toks) > 0 {
			k := len(ms)
			ms = findMentions(seg, toks, ms)
			for i := k; i < len(ms); i++ {
				ms[i].start += s // offsets into the whole text
			}
		}
	}
	scan(a.TitleSpan.Start, a.TitleSpan.End)
	pos := a.Body.Start
	if skipTo > pos {
		pos = skipTo // the dateline: its day is the publication's, not an event's
	}
	for _, b := range a.Boilerplate {
		if b.End <= pos {
			continue
		}
		scan(pos, b.Start)
		pos = b.End
	}
	scan(pos, a.Body.End)
	// Linking counts words in the text read, not in all of it.
	d, _, ok := inferFromMentions(a.Text[:limit], ms)
	return d, ok
}

// datelineEnd returns the offset in a.Text just after the dateline that
// opens lead ("SALVADOR, Feb 26 -"), or -1 when lead has none.
func datelineEnd(a *Article, lead string) int {
	if _, _, ok := datelineMonthDay(lead); !ok {
		return -1
	}
	i := strings.Index(a.Text[a.Body.Start:], lead)
	if i < 0 {
		return -1
	}
	cut := strings.IndexAny(lead, "-–—")
	if cut < 0 {
		return -1
	}
	return a.Body.Start + i + cut
}

// proseSample returns up to max bytes of the body's prose (boilerplate
// left out), cut at a character boundary, for language detection.
func proseSample(a *Article, max int) string {
	var b strings.Builder
	pos := a.Body.Start
	add := func(s, e int) {
		if e <= s || b.Len() >= max {
			return
		}
		seg := a.Text[s:e]
		if room := max - b.Len(); len(seg) > room {
			cut := room
			for cut > 0 && cut < len(seg) && seg[cut]&0xC0 == 0x80 {
				cut--
			}
			seg = seg[:cut]
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(seg)
	}
	for _, sp := range a.Boilerplate {
		add(pos, sp.Start)
		pos = sp.End
	}
	add(pos, a.Body.End)
	if b.Len() == 0 && a.TitleSpan.Len() > 0 {
		return a.Text[a.TitleSpan.Start:a.TitleSpan.End]
	}
	return b.String()
}
