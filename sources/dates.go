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
)

// dateWord is what a lower-cased word form means.
type dateWord struct {
	kinds   uint8
	month   int8 // 1-12 when kinds&dwMonth
	weekday int8 // 0-6 when kinds&dwWeekday
	title   bool // counts only with a capital initial
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
			default:
				continue
			}
			if cols[3] == "title" {
				w.title = true
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
			if w, ok := words[string(low)]; ok {
				if !w.title || unicode.IsUpper(r) {
					t := dtok{start: i, end: j, ord: ord}
					switch {
					case w.kinds&dwMonth != 0:
						t.kind, t.val = tMonth, int(w.month)
					case w.kinds&dwWeekday != 0:
						t.kind, t.val = tWeekday, int(w.weekday)
					case w.kinds&dwYearPrep != 0:
						t.kind = tYearPrep
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
				out = append(out, mention{kind: mYear, y: toks[i+1].val, weekday: -1, start: toks[i+1].start})
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

// InferDate infers an article's publication date from its body text when
// nothing gives it. It is conservative: a wrong date is worse than a
// coarser one or none. The rules, in order:
//
//  1. Anchor: a day written without a year ("February 27") whose weekday
//     the text also states (attached, "Thursday, February 27", or as a bare
//     weekday somewhere in the text, "on Thursday") in exactly one year of
//     the window [Y-1, Y+1], where Y is the latest year the text mentions.
//     News names a day by its weekday only within about a week of
//     publication, so the article was written that week. The publication
//     day is then the latest other bare weekday of the text that falls in
//     the anchor's Monday-Sunday week ("remarks made on Wednesday" about a
//     meeting on Thursday 27 February 2025 give Wednesday 26 February),
//     or, with no other weekday, the anchor's month at month precision.
//  2. Otherwise the latest full date in the text (year, month and day)
//     gives its month at month precision when the text has a bare
//     weekday (the story is current) or no later year; a text that only
//     mentions older full dates says nothing about when it was written.
//
// Month-year mentions and years alone never give a date by themselves:
// they say the article is no older, not when it was written. A day and
// month without a year ("SALVADOR, Feb 26 -") never get an invented year.
func InferDate(text string) (Date, bool) {
	var tokBuf [128]dtok
	toks := dateTokens(text, tokBuf[:0])
	if len(toks) == 0 {
		return Date{}, false
	}
	var menBuf [32]mention
	ms := findMentions(text, toks, menBuf[:0])
	return inferFromMentions(ms)
}

func inferFromMentions(ms []mention) (Date, bool) {
	ymax := 0
	var bare [7]bool
	nbare := 0
	for _, m := range ms {
		switch m.kind {
		case mFull, mMonthYear, mYear:
			if m.y > ymax {
				ymax = m.y
			}
		case mWeekday:
			if !bare[m.weekday] {
				nbare++
			}
			bare[m.weekday] = true
		}
	}
	// 1. Anchors: days whose weekday the text states.
	var anchors [8]Date
	na := 0
	addAnchor := func(d Date) {
		for _, a := range anchors[:na] {
			if a == d {
				return
			}
		}
		if na < len(anchors) {
			anchors[na] = d
		}
		na++
	}
	for _, m := range ms {
		switch {
		case m.kind == mFull && m.weekday >= 0:
			if d, ok := mkDate(m.y, m.m, m.d); ok && weekdayOf(d) == m.weekday {
				addAnchor(d)
			}
		case m.kind == mMonthDay && ymax > 0:
			for y := ymax - 1; y <= ymax+1; y++ {
				d, ok := mkDate(y, m.m, m.d)
				if !ok {
					continue
				}
				w := weekdayOf(d)
				if m.weekday >= 0 && w == m.weekday || m.weekday < 0 && bare[w] {
					addAnchor(d)
				}
			}
		}
	}
	if na > len(anchors) {
		return Date{}, false
	}
	if na > 0 {
		// Anchors must agree: all within two weeks; the latest counts.
		first, _, _ := anchors[0].Interval()
		lo, hi := first, first
		anchor := anchors[0]
		for _, a := range anchors[1:na] {
			t, _, _ := a.Interval()
			if t.Before(lo) {
				lo = t
			}
			if t.After(hi) {
				hi, anchor = t, a
			}
		}
		if hi.Sub(lo) > 14*24*time.Hour {
			return Date{}, false
		}
		anchorW := weekdayOf(anchor)
		at, _, _ := anchor.Interval()
		off := (int(at.Weekday()) + 6) % 7 // days since Monday
		monday := at.AddDate(0, 0, -off)
		best := -1
		for w := 0; w < 7; w++ {
			if !bare[w] || w == anchorW {
				continue
			}
			if k := (w + 6) % 7; k > best { // position in the week
				best = k
			}
		}
		if best >= 0 {
			return DayDate(monday.AddDate(0, 0, best)), true
		}
		return Date{Year: anchor.Year, Month: anchor.Month, Precision: PrecMonth}, true
	}
	// 2. Latest full date.
	var latest Date
	for _, m := range ms {
		if m.kind != mFull {
			continue
		}
		if latest.Precision == "" || m.y > latest.Year || m.y == latest.Year && (m.m > latest.Month || m.m == latest.Month && m.d > latest.Day) {
			latest = Date{Year: m.y, Month: m.m, Day: m.d, Precision: PrecDay}
		}
	}
	if latest.Precision != "" && (nbare > 0 || latest.Year >= ymax) {
		return Date{Year: latest.Year, Month: latest.Month, Precision: PrecMonth}, true
	}
	return Date{}, false
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
