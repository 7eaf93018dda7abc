package sources

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

//go:embed data/dates.tsv
var datesTSV string

// Kinds of date words, as bits: a form can be several ("of" is a
// connector and a year preposition).
const (
	dwMonth uint8 = 1 << iota
	dwWeekday
	dwYearPrep
	dwOf
	dwFuture
	dwSince
)

// dateWord is what a lower-cased word form means.
type dateWord struct {
	kinds   uint8
	month   int8 // 1-12 when kinds&dwMonth
	weekday int8 // 0-6 when kinds&dwWeekday
	title   bool // counts only with a capital initial
	anyCase bool // some language writes it in lower case
}

var (
	dateWordsOnce sync.Once
	dateWords     map[string]dateWord
)

func dateWordTable() map[string]dateWord {
	dateWordsOnce.Do(func() { dateWords = parseDateWords(datesTSV) })
	return dateWords
}

func parseDateWords(src string) map[string]dateWord {
	m := map[string]dateWord{}
	for _, ln := range strings.Split(src, "\n") {
		ln = strings.TrimRight(ln, "\r")
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		cols := strings.Split(ln, "\t")
		if len(cols) != 5 {
			continue
		}
		v, err := strconv.Atoi(cols[2])
		if err != nil {
			continue
		}
		for _, f := range strings.Split(cols[4], "|") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			w := m[f]
			switch cols[1] {
			case "month":
				w.kinds |= dwMonth
				w.month = int8(v)
			case "weekday":
				w.kinds |= dwWeekday
				w.weekday = int8(v)
			case "yearprep":
				w.kinds |= dwYearPrep
			case "of":
				w.kinds |= dwOf
			case "future":
				w.kinds |= dwFuture
			case "since":
				w.kinds |= dwSince
			default:
				continue
			}
			// A form counts in lower case if any language writes it so
			// ("april" is Norwegian; English "April" needs its capital).
			if cols[3] == "title" {
				w.title = !w.anyCase
			} else {
				w.anyCase, w.title = true, false
			}
			m[f] = w
		}
	}
	return m
}

// tokKind is the kind of a date-relevant token.
type tokKind uint8

const (
	tNum tokKind = iota + 1
	tMonth
	tWeekday
	tYearPrep
	tOf
)

// dtok is a date-relevant token; ord numbers every word and number of
// the text so that adjacency can be checked on the filtered list.
type dtok struct {
	kind       tokKind
	val        int // number value, month 1-12, weekday 0-6
	digits     int // for numbers: how many digits
	start, end int
	ord        int
}

// dateTokens scans text once and keeps numbers (up to 4 digits, an
// ordinal suffix "st/nd/rd/th" swallowed) and date words.
func dateTokens(text string, dst []dtok) []dtok {
	words := dateWordTable()
	var buf [64]byte
	ord := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c >= '0' && c <= '9' {
			j := i
			v := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 5 {
					v = v*10 + int(c-'0')
				}
				j++
				if j < len(text) {
					c = text[j]
				}
			}
			n := j - i
			if n <= 2 && j+2 <= len(text) {
				suf := strings.ToLower(text[j : j+2])
				if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (j+2 == len(text) || !isASCIILetter(text[j+2])) {
					j += 2
				}
			}
			end := j
			ord++
			if n <= 4 {
				dst = append(dst, dtok{kind: tNum, val: v, digits: n, start: i, end: end, ord: ord})
			}
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		// A word: letters with inner hyphens or apostrophes.
		j := i + size
		for j < len(text) {
			r2, s2 := rune(text[j]), 1
			if text[j] >= utf8.RuneSelf {
				r2, s2 = utf8.DecodeRuneInString(text[j:])
			}
			if unicode.IsLetter(r2) {
				j += s2
				continue
			}
			if (r2 == '-' || r2 == '\'' || r2 == 'ʼ') && j+s2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				if unicode.IsLetter(r3) {
					j += s2
					continue
				}
			}
			break
		}
		ord++
		if j-i <= len(buf) {
			low := lowerText(buf[:0], text[i:j])
			if w, ok := words[string(low)]; ok && w.kinds&^dwFuture != 0 {
				if !w.title || unicode.IsUpper(r) {
					t := dtok{start: i, end: j, ord: ord}
					switch {
					case w.kinds&dwMonth != 0:
						t.kind, t.val = tMonth, int(w.month)
					case w.kinds&dwWeekday != 0:
						t.kind, t.val = tWeekday, int(w.weekday)
					case w.kinds&dwYearPrep != 0:
						t.kind = tYearPrep
					case w.kinds&dwSince != 0:
						t.kind, t.val = tYearPrep, 2
					default:
						t.kind = tOf
					}
					dst = append(dst, t)
					if w.kinds&dwOf != 0 && t.kind == tYearPrep {
						// keep both roles: an "of" that also introduces a year
						dst[len(dst)-1].val = 1
					}
				}
			}
		}
		i = j
	}
	return dst
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// mention is a date found in text.
type mention struct {
	kind    mentionKind
	y, m, d int
	weekday int // attached weekday, -1 when none
	start   int
	since   bool // a year after "since": a starting point, not the present
}

type mentionKind uint8

const (
	mFull      mentionKind = iota + 1 // year, month, day
	mMonthYear                        // year, month
	mMonthDay                         // month, day (no year)
	mYear                             // a year after a year preposition
	mWeekday                          // a weekday on its own
)

// findMentions reads the dates in text. Grammar (tokens are words and
// numbers; "gap" is what stands between two adjacent tokens):
//
//	iso       = YYYY "-" MM "-" DD
//	numeric   = D "." M "." YYYY              (day first, as in Europe)
//	          | A "/" B "/" YYYY              (when A or B is over 12, which says the order)
//	monthday  = MONTH ["."] D [ordinal] [","] [YYYY]      "February 27, 2025", "Feb. 27"
//	daymonth  = D ["."] [OF] MONTH [","] [OF] [YYYY]      "27 February", "27. februar 2025", "27 de febrero de 2025"
//	monthyear = MONTH [","] YYYY                          "October 2024", "oktober 2024"
//	year      = YEARPREP YYYY                             "in 2022", "since 2023", "в 2010"
//	weekday   = WEEKDAY                                   "on Thursday", "torsdag"
//
// A weekday directly before a date ("Thursday, February 27",
// "в понедельник 28 июня") is attached to it. Years are 1900-2099. Month
// and weekday words come from data/dates.tsv.
func findMentions(text string, toks []dtok, out []mention) []mention {
	adj := func(a, b int) bool { return b < len(toks) && toks[b].ord == toks[a].ord+1 }
	gap := func(a, b int) string { return text[toks[a].end:toks[b].start] }
	isYear := func(k int) bool {
		return k < len(toks) && toks[k].kind == tNum && toks[k].digits == 4 && toks[k].val >= 1900 && toks[k].val <= 2099
	}
	isDay := func(k int) bool {
		return k < len(toks) && toks[k].kind == tNum && toks[k].digits <= 2 && toks[k].val >= 1 && toks[k].val <= 31
	}
	spaceGap := func(g string) bool { return g == " " || g == "\u00a0" }
	var pendingWeekday = -1
	pendingEnd := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		wd := -1
		if pendingWeekday >= 0 && pendingEnd >= 0 && (t.ord == pendingEnd+1 || t.ord == pendingEnd+2) {
			wd = pendingWeekday
		}
		switch t.kind {
		case tWeekday:
			out = append(out, mention{kind: mWeekday, weekday: t.val, start: t.start})
			pendingWeekday, pendingEnd = t.val, t.ord
			continue
		case tNum:
			// iso
			if t.digits == 4 && i+2 < len(toks) && adj(i, i+1) && adj(i+1, i+2) && gap(i, i+1) == "-" && gap(i+1, i+2) == "-" &&
				toks[i+1].digits == 2 && toks[i+2].digits == 2 {
				if d, ok := mkDate(t.val, toks[i+1].val, toks[i+2].val); ok && isYear(i) {
					out = append(out, mention{kind: mFull, y: d.Year, m: d.Month, d: d.Day, weekday: wd, start: t.start})
				}
				i += 2
				break
			}
			// numeric
			if t.digits <= 2 && i+2 < len(toks) && adj(i, i+1) && adj(i+1, i+2) && isYear(i+2) && toks[i+1].digits <= 2 && toks[i+1].kind == tNum {
				g1, g2 := gap(i, i+1), gap(i+1, i+2)
				a, b := t.val, toks[i+1].val
				var d Date
				ok := false
				switch {
				case g1 == "." && g2 == ".":
					d, ok = mkDate(toks[i+2].val, b, a)
				case g1 == "/" && g2 == "/" && a > 12:
					d, ok = mkDate(toks[i+2].val, b, a)
				case g1 == "/" && g2 == "/" && b > 12:
					d, ok = mkDate(toks[i+2].val, a, b)
				}
				if ok {
					out = append(out, mention{kind: mFull, y: d.Year, m: d.Month, d: d.Day, weekday: wd, start: t.start})
					i += 2
					break
				}
			}
			// daymonth
			if isDay(i) && i+1 < len(toks) {
				k := i + 1
				g := gap(i, k)
				if toks[k].kind == tOf && adj(i, k) && spaceGap(g) {
					k++
					if k < len(toks) {
						g = " "
					}
				}
				if k < len(toks) && toks[k].kind == tMonth && toks[k].ord-t.ord <= 2 && (spaceGap(g) || g == ". " || g == "." || g == "-") {
					mo := toks[k].val
					y := 0
					n := k + 1
					if n < len(toks) && toks[n].kind == tOf && adj(k, n) {
						n++
					}
					if isYear(n) && toks[n].ord-toks[k].ord <= 2 {
						gy := text[toks[n-1].end:toks[n].start]
						if spaceGap(gy) || gy == ", " || gy == "," || gy == ". " || gy == "-" {
							y = toks[n].val
						}
					}
					if y > 0 {
						if _, ok := mkDate(y, mo, t.val); ok {
							out = append(out, mention{kind: mFull, y: y, m: mo, d: t.val, weekday: wd, start: t.start})
						}
						i = n
					} else {
						if _, ok := mkDate(2000, mo, t.val); ok {
							out = append(out, mention{kind: mMonthDay, m: mo, d: t.val, weekday: wd, start: t.start})
						}
						i = k
					}
					break
				}
			}
		case tMonth:
			// monthday / monthyear
			if i+1 < len(toks) && adj(i, i+1) {
				g := gap(i, i+1)
				if isDay(i+1) && (spaceGap(g) || g == ". " || g == ".") {
					d := toks[i+1].val
					n := i + 2
					if isYear(n) && adj(i+1, n) {
						gy := gap(i+1, n)
						if gy == ", " || spaceGap(gy) || gy == "," {
							if _, ok := mkDate(toks[n].val, t.val, d); ok {
								out = append(out, mention{kind: mFull, y: toks[n].val, m: t.val, d: d, weekday: wd, start: t.start})
							}
							i = n
							break
						}
					}
					if _, ok := mkDate(2000, t.val, d); ok {
						out = append(out, mention{kind: mMonthDay, m: t.val, d: d, weekday: wd, start: t.start})
					}
					i++
					break
				}
				if isYear(i+1) && (spaceGap(g) || g == ", " || g == ". ") {
					out = append(out, mention{kind: mMonthYear, y: toks[i+1].val, m: t.val, weekday: -1, start: t.start})
					i++
					break
				}
			}
		case tYearPrep:
			if isYear(i+1) && adj(i, i+1) && spaceGap(gap(i, i+1)) {
				out = append(out, mention{kind: mYear, y: toks[i+1].val, weekday: -1, start: toks[i+1].start, since: t.val == 2})
				i++
			}
		case tOf:
			if t.val == 1 && isYear(i+1) && adj(i, i+1) && spaceGap(gap(i, i+1)) {
				out = append(out, mention{kind: mYear, y: toks[i+1].val, weekday: -1, start: toks[i+1].start})
				i++
			}
		}
		pendingWeekday, pendingEnd = -1, -1
	}
	// A weekday that was attached to the date after it is not also bare.
	for k := range out {
		if out[k].kind == mWeekday {
			for _, o := range out[k+1:] {
				if o.kind != mWeekday && o.weekday == out[k].weekday && o.start-out[k].start < 40 {
					out[k].kind = 0 // attached; dropped below
				}
				break
			}
		}
	}
	n := 0
	for _, o := range out {
		if o.kind != 0 {
			out[n] = o
			n++
		}
	}
	return out[:n]
}

// mkDate builds a valid day date or reports false.
func mkDate(y, m, d int) (Date, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 {
		return Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d, Precision: PrecDay}, true
}

// InferDate infers an article's publication date from its text when
// nothing else gives it. Only the first maxInferBytes of text are read:
// the evidence sits near the top of a news article. It is conservative: a wrong date is worse than a
// coarser one or none. News names a day by its weekday alone ("on
// Thursday") only within about a week of publication, so a date whose
// weekday the text states is an anchor for the publication week:
//
//  1. An anchor is a date written with its weekday ("Thursday, February
//     27", "в понедельник 28 июня"), or a date and a bare weekday ("on
//     Thursday") that the text links: their sentences share a capitalised
//     word that occurs nowhere else in the text (the same specific
//     event: "… held in Istanbul on Thursday" / "… take place in Istanbul
//     … on February 27"). A date without a year takes the one year of
//     [Y-1, Y+1] where it falls on that weekday, Y being the latest year
//     the text gives with a month ("in October 2024", "30 July, 2002")
//     outside sentences about the future ("will", "due", "until": news
//     cites coming dates freely). A year alone ("convicted in 1993",
//     "since 2012") is as often history and does not count. With no such
//     year, or two fitting years, there is no anchor.
//  2. All anchors must lie within two weeks of each other; the latest
//     one counts. The result is its month (precision month), or a day
//     when the text has exactly one other bare weekday and it falls
//     earlier in the anchor's Monday-Sunday week (remarks made on
//     Wednesday about a meeting on Thursday 27 February 2025 date the
//     article Wednesday 26 February).
//
// Explicit dates without a stated weekday, month-year mentions and years
// alone give nothing: measured on the corpus (its dated articles with
// their header removed), "the latest date mentioned" was the month of
// publication for fewer than four articles in ten, because news cites
// past and coming dates freely. A day and month without a year
// ("SALVADOR, Feb 26 -") never get an invented year.
func InferDate(text string) (Date, bool) {
	text = cutText(text, maxInferBytes)
	var tokBuf [128]dtok
	toks := dateTokens(text, tokBuf[:0])
	if len(toks) == 0 {
		return Date{}, false
	}
	var menBuf [32]mention
	ms := findMentions(text, toks, menBuf[:0])
	d, _, ok := inferFromMentions(text, ms)
	return d, ok
}

// inferFromMentions applies the rules of InferDate; rule names the one
// that decided ("anchor-attached", "anchor-linked") for evaluation.
func inferFromMentions(text string, ms []mention) (d Date, rule string, ok bool) {
	ymax := 0
	var bare [7]bool
	nbare := 0
	for _, m := range ms {
		switch m.kind {
		case mFull, mMonthYear:
			// A month or day with its year is how news places recent
			// events ("in October 2024"); a year alone is as often history
			// ("convicted in 1993"). Years said of the future ("due May
			// 14, 1997") do not bound the present.
			if m.y > ymax && !futureSentence(text, m.start) {
				ymax = m.y
			}
		case mWeekday:
			if !bare[m.weekday] {
				nbare++
			}
			bare[m.weekday] = true
		}
	}
	// yearFor finds the one year of the window in which month/day falls
	// on weekday w.
	yearFor := func(m, d, w int) (Date, bool) {
		if ymax == 0 {
			return Date{}, false
		}
		var found Date
		n := 0
		for y := ymax - 1; y <= ymax+1; y++ {
			if dd, ok := mkDate(y, m, d); ok && weekdayOf(dd) == w {
				found = dd
				n++
			}
		}
		return found, n == 1
	}
	var anchors [8]Date
	var anchorAt [8]int // offset of the date mention of each anchor
	na := 0
	linked := false
	var cur int
	addAnchor := func(d Date) {
		for _, a := range anchors[:min(na, len(anchors))] {
			if a == d {
				return
			}
		}
		if na < len(anchors) {
			anchors[na] = d
			anchorAt[na] = cur
		}
		na++
	}
	// Linking compares sentences pairwise: bound the pairs so that a text
	// full of dates stays linear (maxLinkDates × maxLinkWeekdays).
	const maxLinkDates, maxLinkWeekdays = 32, 16
	dates := 0
	for i, m := range ms {
		if m.kind != mFull && m.kind != mMonthDay {
			continue
		}
		dates++
		cur = m.start
		if m.weekday >= 0 {
			// Attached weekday.
			if m.kind == mFull {
				if d, ok := mkDate(m.y, m.m, m.d); ok && weekdayOf(d) == m.weekday {
					addAnchor(d)
				}
			} else if d, ok := yearFor(m.m, m.d, m.weekday); ok {
				addAnchor(d)
			}
			continue
		}
		// Linked bare weekdays.
		if dates > maxLinkDates {
			continue
		}
		weekdays := 0
		for j, w := range ms {
			if w.kind != mWeekday {
				continue
			}
			if weekdays++; weekdays > maxLinkWeekdays {
				break
			}
			if !linkedMentions(text, ms[i].start, ms[j].start) {
				continue
			}
			var d Date
			ok := false
			if m.kind == mFull {
				d, ok = mkDate(m.y, m.m, m.d)
				ok = ok && weekdayOf(d) == w.weekday
			} else {
				d, ok = yearFor(m.m, m.d, w.weekday)
			}
			if ok {
				addAnchor(d)
				linked = true
			}
		}
	}
	if na == 0 || na > len(anchors) {
		return Date{}, "", false
	}
	first, _, _ := anchors[0].Interval()
	lo, hi := first, first
	anchor, anchorIdx := anchors[0], 0
	for k, a := range anchors[1:na] {
		t, _, _ := a.Interval()
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi, anchor, anchorIdx = t, a, k+1
		}
	}
	if hi.Sub(lo) > 14*24*time.Hour {
		return Date{}, "", false
	}
	rule = "anchor-attached"
	if linked {
		rule = "anchor-linked"
	}
	// The day: the text's one other weekday is the day before the anchor,
	// and the anchor is in the future of its sentence, so the article
	// was written that day (after what was said then, before the anchor).
	anchorW := weekdayOf(anchor)
	others := nbare
	if bare[anchorW] {
		others--
	}
	if prev := (anchorW + 6) % 7; others == 1 && bare[prev] && futureSentence(text, anchorAt[anchorIdx]) {
		at, _, _ := anchor.Interval()
		return DayDate(at.AddDate(0, 0, -1)), rule, true
	}
	return Date{Year: anchor.Year, Month: anchor.Month, Precision: PrecMonth}, rule, true
}

// futureSentence reports whether the sentence around offset i holds a
// word that puts it in the future ("will", "skal", "wird").
func futureSentence(text string, i int) bool {
	s, e := sentenceAround(text, i)
	words := dateWordTable()
	var buf [32]byte
	found := false
	forEachWord(text[s:e], func(w string) bool {
		if len(w) <= len(buf) {
			if dw, ok := words[string(lowerText(buf[:0], w))]; ok && dw.kinds&dwFuture != 0 {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// forEachWord calls f with every word (run of letters) of s; f returns
// false to stop.
func forEachWord(s string, f func(string) bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += n2
		}
		if !f(s[i:j]) {
			return
		}
		i = j
	}
}

// linkedMentions reports whether the sentences around byte offsets a and
// b of text share a capitalised word (not opening its sentence, at least
// three letters, not a date word) that occurs nowhere else in the text:
// a detail specific to one event, such as a place.
func linkedMentions(text string, a, b int) bool {
	sa, ea := sentenceAround(text, a)
	sb, eb := sentenceAround(text, b)
	if sa == sb {
		return false // the same sentence: an attached weekday is handled apart
	}
	words := dateWordTable()
	found := false
	forEachCapWord(text[sa:ea], func(w string) bool {
		if _, isDate := words[strings.ToLower(w)]; isDate {
			return true
		}
		if !containsWord(text[sb:eb], w) {
			return true
		}
		if countWord(text, w) == countWord(text[sa:ea], w)+countWord(text[sb:eb], w) {
			found = true
			return false
		}
		return true
	})
	return found
}

// maxSentence bounds how far sentenceAround looks on each side.
const maxSentence = 1000

// sentenceAround returns the bounds of the sentence holding offset i: it
// runs from after the previous ". ", "! ", "? " or line break to the next,
// at most maxSentence bytes on each side.
func sentenceAround(text string, i int) (int, int) {
	if i > len(text) {
		i = len(text)
	}
	s := i
	for s > 0 && i-s < maxSentence {
		c := text[s-1]
		if c == '\n' || (c == ' ' && s >= 2 && (text[s-2] == '.' || text[s-2] == '!' || text[s-2] == '?')) {
			break
		}
		s--
	}
	e := i
	for e < len(text) && e-i < maxSentence {
		c := text[e]
		if c == '\n' || ((c == '.' || c == '!' || c == '?') && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n')) {
			break
		}
		e++
	}
	return s, e
}

// forEachCapWord calls f with every capitalised word of s (three letters
// or more) except the first word; f returns false to stop.
func forEachCapWord(s string, f func(string) bool) {
	first := true
	forEachWord(s, func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		capWord := !first && unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 3
		first = false
		return !capWord || f(w)
	})
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool { return countWord(s, w) > 0 }

// countWord counts the whole-word occurrences of w in s.
func countWord(s, w string) int {
	n := 0
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return n
		}
		k += off
		off = k + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[off:])
		if (k == 0 || !unicode.IsLetter(before)) && (off == len(s) || !unicode.IsLetter(after)) {
			n++
		}
	}
}

// maxInferBytes is how much of an article date inference reads.
const maxInferBytes = 16 << 10

// cutText cuts s to at most n bytes at a character boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// weekdayOf returns 0 (Sunday) … 6 (Saturday).
func weekdayOf(d Date) int {
	return int(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Weekday())
}

// datelineMonthDay reads the month and day of a dateline that opens an
// article ("SALVADOR, Feb 26 -", "LONDON, March 3 (Reuters) -"): an
// upper-case place, a comma, a month and a day, then a dash or a tag.
func datelineMonthDay(line string) (month, day int, ok bool) {
	if len(line) > 120 {
		line = line[:120]
	}
	comma := strings.IndexByte(line, ',')
	if comma <= 0 || comma > 60 || !datelineShape(line[:comma]) {
		return 0, 0, false
	}
	rest := line[comma+1:]
	var buf [8]dtok
	toks := dateTokens(rest, buf[:0])
	if len(toks) < 2 || toks[0].kind != tMonth || toks[1].kind != tNum || toks[1].ord != toks[0].ord+1 {
		return 0, 0, false
	}
	if strings.TrimSpace(rest[:toks[0].start]) != "" {
		return 0, 0, false
	}
	after := strings.TrimSpace(rest[toks[1].end:])
	if !(strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "(")) {
		return 0, 0, false
	}
	if _, valid := mkDate(2000, toks[0].val, toks[1].val); !valid {
		return 0, 0, false
	}
	return toks[0].val, toks[1].val, true
}
