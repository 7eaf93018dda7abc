package claims

import (
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/sources"
)

// Date expression forms.
const (
	fxFDay      = iota + 1 // day and month, maybe year: "27. februar", "Feb. 27, 2025"
	fxFMonth               // a month, maybe with a year: "March 2014", "in February"
	fxFYear                // "in 2016"
	fxFWeekday             // "on Tuesday", "last Wednesday", "tirsdag"
	fxFRelative            // "yesterday", "next month", "i fjor"
	fxFSeason              // "this fall", "in the spring", "i høst", "våren 2025"
	fxFVague               // "in the very near future", "snart"
	fxFAgo                 // "two weeks ago", "for tre dager siden", "in 3 days"
)

// rawDate is a recognised time expression before it is resolved against
// the publication date: what the words say, nothing more.
type fxRawDate struct {
	i, j    int // token range [i, j)
	form    int
	day     int
	month   int
	year    int // 0 when not written
	weekday int // ISO, Monday = 1
	deixis  string
	unit    string // relative: day, week, weekend, month, year
	off     int
	m1, m2  int    // season months
	from    string // vague interval start offset ("now", "-60d", "boy")
	to      string // vague interval end offset
	agoN    float64
	agoSign int // -1 ago, +1 in
}

// span is a resolved time: the first and the last day it may stand for.
type fxSpan struct {
	lo, hi    time.Time
	precision string // day, week, month, season, year, interval, vague
	vague     bool
}

// Value renders the span in SPEC form: YYYY-MM-DD, YYYY-MM, YYYY, or the
// ISO interval "start/end".
func (s fxSpan) Value() string {
	if s.lo.IsZero() {
		return ""
	}
	if s.lo.Equal(s.hi) {
		return s.lo.Format("2006-01-02")
	}
	if s.lo.Day() == 1 && s.hi.Equal(s.lo.AddDate(0, 1, -1)) {
		return s.lo.Format("2006-01")
	}
	if s.lo.YearDay() == 1 && s.hi.Equal(s.lo.AddDate(1, 0, -1)) {
		return s.lo.Format("2006")
	}
	return s.lo.Format("2006-01-02") + "/" + s.hi.Format("2006-01-02")
}

// dateInterval parses a SPEC date value (YYYY-MM-DD, YYYY-MM, YYYY or
// "start/end" of those) into its first and last day.
func fxDateInterval(v string) (lo, hi time.Time, ok bool) {
	a, b, isIv := strings.Cut(strings.TrimSpace(v), "/")
	d1, err := sources.ParseDate(a)
	if err != nil || !d1.Known() {
		return time.Time{}, time.Time{}, false
	}
	lo, hi, _ = d1.Interval()
	if isIv {
		d2, err := sources.ParseDate(b)
		if err != nil || !d2.Known() {
			return time.Time{}, time.Time{}, false
		}
		_, hi, _ = d2.Interval()
		if hi.Before(lo) {
			return time.Time{}, time.Time{}, false
		}
	}
	return lo, hi, true
}

func fxDayOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func fxMonthSpan(y, m int) (time.Time, time.Time) {
	lo := fxDayOf(y, m, 1)
	return lo, lo.AddDate(0, 1, -1)
}

// validDay reports whether d is a day of month m (leap years for February 29).
func fxValidDay(m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= fxDayOf(2024, m, 1).AddDate(0, 1, -1).Day()
}

// dateAt recognises a time expression starting at toks[i] (a preposition
// before it belongs to its span). Its grammar, with every word from the
// language's dates.txt:
//
//	expr    = [ preposition ] core
//	core    = deixis season [ year ] | season year | vague | relative
//	        | year "-" mm "-" dd | dd.mm.yyyy
//	        | [ weekday [","] ] day ["."] month ["."] [","] [ year ]
//	        | [ weekday [","] ] month ["."] day [ day-suffix ] [","] [ year ]
//	        | month [","|month-year] year | preposition month | preposition year
//	        | year [word [word]] event-word (the year: "the 1985 crash")
//	        | [ deixis ] weekday
//	        | [ ago-lead ] number ago-unit ago-after | ago-before number ago-unit
func (fl *fxFactLang) dateAt(text string, toks []fxTok, i int) (fxRawDate, bool) {
	if i >= len(toks) {
		return fxRawDate{}, false
	}
	if r, ok := fl.dateCore(text, toks, i); ok {
		return r, true
	}
	// a year before an event word dates it: "the 1985 crash", "a 1963
	// church bombing" (up to two words between, none a counted noun)
	if y, ok := fxYearTok(toks, i); ok && i+1 < len(toks) && toks[i+1].sp {
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].kind == fxTWord && !toks[k].nl; k++ {
			if e, _ := fl.match(fxLEvent, text, toks, k); e != nil {
				return fxRawDate{i: i, j: i + 1, form: fxFYear, year: y}, true
			}
			if fl.is(fxLCounted, text, toks, k) || fl.is(fxLNotCount, text, toks, k) || fl.is(fxLAttribute, text, toks, k) {
				break
			}
		}
	}
	if e, n := fl.match(fxLPreposition, text, toks, i); e != nil && i+n < len(toks) {
		if r, ok := fl.dateCore(text, toks, i+n); ok {
			r.i = i
			return r, true
		}
		// preposition + bare month or year
		k := i + n
		if e2, m := fl.match(fxLMonth, text, toks, k); e2 != nil && !(k+m < len(toks) && toks[k+m].kind == fxTNum) {
			return fxRawDate{i: i, j: k + m, form: fxFMonth, month: e2.ival}, true
		}
		if y, ok := fxYearTok(toks, k); ok && !(k+1 < len(toks) && (toks[k+1].low == "-" || toks[k+1].low == "–")) {
			return fxRawDate{i: i, j: k + 1, form: fxFYear, year: y}, true
		}
	}
	return fxRawDate{}, false
}

// yearTok reads a four-digit year token (1800–2100).
func fxYearTok(toks []fxTok, k int) (int, bool) {
	if k >= len(toks) || toks[k].kind != fxTNum || len(toks[k].low) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(toks[k].low)
	if err != nil || y < 1800 || y > 2100 {
		return 0, false
	}
	return y, true
}

// dayTok reads a day-of-month token (1–31, at most two digits).
func fxDayTok(toks []fxTok, k int) (int, bool) {
	if k >= len(toks) || toks[k].kind != fxTNum || len(toks[k].low) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(toks[k].low)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

func (fl *fxFactLang) dateCore(text string, toks []fxTok, i int) (fxRawDate, bool) {
	r := fxRawDate{i: i}
	// deixis + season ("this fall", "i høst", "in the spring", "i fjor høst")
	if e, n := fl.match(fxLDeixis, text, toks, i); e != nil {
		if se, m := fl.match(fxLSeason, text, toks, i+n); se != nil {
			r.form, r.deixis, r.j = fxFSeason, fxFlag0(e.flags), i+n+m
			r.m1, r.m2 = fxSeasonMonths(se.flags)
			if y, ok := fxYearTok(toks, r.j); ok {
				r.year, r.j = y, r.j+1
			}
			return r, true
		}
	}
	// "the spring of 2025" / "spring 2025" / "våren 2025"
	if se, m := fl.match(fxLSeason, text, toks, i); se != nil {
		k := i + m
		if k < len(toks) && toks[k].low == "of" {
			k++
		}
		if y, ok := fxYearTok(toks, k); ok {
			r.form, r.j, r.year = fxFSeason, k+1, y
			r.m1, r.m2 = fxSeasonMonths(se.flags)
			return r, true
		}
	}
	if e, n := fl.match(fxLVague, text, toks, i); e != nil && len(e.flags) >= 2 {
		r.form, r.j, r.from, r.to = fxFVague, i+n, e.flags[0], e.flags[1]
		return r, true
	}
	if e, n := fl.match(fxLRelative, text, toks, i); e != nil && len(e.flags) >= 2 {
		r.form, r.j, r.unit = fxFRelative, i+n, e.flags[0]
		r.off, _ = strconv.Atoi(e.flags[1])
		// "i fjor høst": a relative year before a season is the season's deixis
		if se, m := fl.match(fxLSeason, text, toks, i+n); se != nil && r.unit == "year" {
			r.form, r.deixis, r.j = fxFSeason, "year"+strconv.Itoa(r.off), i+n+m
			r.m1, r.m2 = fxSeasonMonths(se.flags)
		}
		return r, true
	}
	// ISO date 2025-02-27
	if y, ok := fxYearTok(toks, i); ok && i+4 < len(toks) && toks[i+1].low == "-" && toks[i+3].low == "-" &&
		!toks[i+1].sp && !toks[i+2].sp && !toks[i+3].sp && !toks[i+4].sp &&
		toks[i+2].kind == fxTNum && len(toks[i+2].low) == 2 && toks[i+4].kind == fxTNum && len(toks[i+4].low) == 2 {
		m, _ := strconv.Atoi(toks[i+2].low)
		d, _ := strconv.Atoi(toks[i+4].low)
		if fxValidDay(m, d) {
			return fxRawDate{i: i, j: i + 5, form: fxFDay, day: d, month: m, year: y}, true
		}
	}
	// dotted numeric date 27.02.2025 (one digit token)
	if toks[i].kind == fxTNum && strings.Count(toks[i].low, ".") == 2 {
		p := strings.Split(toks[i].low, ".")
		d, e1 := strconv.Atoi(p[0])
		m, e2 := strconv.Atoi(p[1])
		y, e3 := strconv.Atoi(p[2])
		if e1 == nil && e2 == nil && e3 == nil && len(p[2]) == 4 && fxValidDay(m, d) && len(p[0]) <= 2 && len(p[1]) <= 2 {
			return fxRawDate{i: i, j: i + 1, form: fxFDay, day: d, month: m, year: y}, true
		}
	}
	k := i
	wd := 0
	// weekday, optionally before a full date: "Tuesday, February 18"
	if e, n := fl.match(fxLWeekday, text, toks, k); e != nil {
		wd = e.ival
		kk := k + n
		if kk < len(toks) && toks[kk].low == "," {
			kk++
		}
		if r2, ok := fl.dayMonth(text, toks, kk); ok {
			r2.i, r2.weekday = i, wd
			return r2, true
		}
		return fxRawDate{i: i, j: k + n, form: fxFWeekday, weekday: wd}, true
	}
	if e, n := fl.match(fxLDeixis, text, toks, k); e != nil {
		if we, m := fl.match(fxLWeekday, text, toks, k+n); we != nil {
			return fxRawDate{i: i, j: k + n + m, form: fxFWeekday, weekday: we.ival, deixis: fxFlag0(e.flags)}, true
		}
	}
	if r2, ok := fl.dayMonth(text, toks, k); ok {
		return r2, true
	}
	// month + year
	if e, n := fl.match(fxLMonth, text, toks, k); e != nil {
		kk := k + n
		if kk < len(toks) && toks[kk].low == "," {
			kk++
		} else if l, m := fl.match(fxLMonthYear, text, toks, kk); l != nil {
			if _, ok := fxYearTok(toks, kk+m); ok {
				kk += m // "June of 1995", "i juni i 1995"
			}
		}
		if y, ok := fxYearTok(toks, kk); ok {
			return fxRawDate{i: i, j: kk + 1, form: fxFMonth, month: e.ival, year: y}, true
		}
	}
	// ago / in N units
	kk := k
	if e, n := fl.match(fxLAgoLead, text, toks, kk); e != nil {
		kk += n
	}
	if v, j, ok := fl.cardinalAt(text, toks, kk); ok && v > 0 && v < 1000 {
		if u, n := fl.match(fxLAgoUnit, text, toks, j); u != nil {
			if a, m := fl.match(fxLAgoAfter, text, toks, j+n); a != nil {
				return fxRawDate{i: i, j: j + n + m, form: fxFAgo, agoN: v, agoSign: -1, unit: fxUnitName(u.toks[0])}, true
			}
		}
	}
	if e, n := fl.match(fxLAgoBefore, text, toks, k); e != nil {
		if v, j, ok := fl.cardinalAt(text, toks, k+n); ok && v > 0 && v < 1000 {
			if u, m := fl.match(fxLAgoUnit, text, toks, j); u != nil {
				return fxRawDate{i: i, j: j + m, form: fxFAgo, agoN: v, agoSign: 1, unit: fxUnitName(u.toks[0])}, true
			}
		}
	}
	return fxRawDate{}, false
}

// unitName maps an ago-unit word to day, week, month or year by its
// position in the data: the data lists singular and plural of each.
func fxUnitName(w string) string {
	switch {
	case strings.HasPrefix(w, "d"):
		return "day"
	case strings.HasPrefix(w, "w"), strings.HasPrefix(w, "u"):
		return "week"
	case strings.HasPrefix(w, "m"):
		return "month"
	}
	return "year"
}

// dayMonth reads "27. februar [2025]", "10 April 2025", "February 27[, 2025]",
// "Feb. 27th".
func (fl *fxFactLang) dayMonth(text string, toks []fxTok, k int) (fxRawDate, bool) {
	if d, ok := fxDayTok(toks, k); ok {
		kk := k + 1
		if kk < len(toks) && !toks[kk].sp {
			if toks[kk].low == "." {
				kk++
			} else if e, n := fl.match(fxLDaySuffix, text, toks, kk); e != nil {
				kk += n
			}
		}
		if kk < len(toks) && toks[kk].low == "of" {
			kk++
		}
		if e, n := fl.match(fxLMonth, text, toks, kk); e != nil {
			m := e.ival
			if !fxValidDay(m, d) {
				return fxRawDate{}, false
			}
			r := fxRawDate{i: k, j: kk + n, form: fxFDay, day: d, month: m}
			j := r.j
			if j+1 < len(toks) && toks[j].low == "." && !toks[j].sp && toks[j+1].kind == fxTNum {
				j++ // "27 Feb. 2025"; a period before anything else ends the sentence
			}
			if j < len(toks) && toks[j].low == "," {
				j++
			}
			if y, ok := fxYearTok(toks, j); ok {
				r.year, r.j = y, j+1
			}
			return r, true
		}
	}
	if e, n := fl.match(fxLMonth, text, toks, k); e != nil {
		kk := k + n
		if kk < len(toks) && toks[kk].low == "." && !toks[kk].sp {
			kk++
		}
		// "March five": a number word after a month is its day, not a count
		if kk < len(toks) && toks[kk].kind == fxTWord {
			if c, n2 := fl.match(fxLCardinal, text, toks, kk); c != nil && n2 == 1 && fxValidDay(e.ival, c.ival) {
				return fxRawDate{i: k, j: kk + 1, form: fxFDay, day: c.ival, month: e.ival}, true
			}
		}
		if d, ok := fxDayTok(toks, kk); ok {
			m := e.ival
			if !fxValidDay(m, d) {
				return fxRawDate{}, false
			}
			r := fxRawDate{i: k, j: kk + 1, form: fxFDay, day: d, month: m}
			if r.j < len(toks) && !toks[r.j].sp {
				if e2, n2 := fl.match(fxLDaySuffix, text, toks, r.j); e2 != nil {
					r.j += n2
				}
			}
			j := r.j
			if j < len(toks) && toks[j].low == "," {
				j++
			}
			if y, ok := fxYearTok(toks, j); ok {
				r.year, r.j = y, j+1
			}
			return r, true
		}
	}
	return fxRawDate{}, false
}

func fxSeasonMonths(flags []string) (int, int) {
	if len(flags) < 2 {
		return 0, 0
	}
	a, _ := strconv.Atoi(flags[0])
	b, _ := strconv.Atoi(flags[1])
	return a, b
}

// Tenses of a clause, as far as the words show.
const (
	fxTenseUnknown = ""
	fxTensePast    = "past"
	fxTenseFuture  = "future"
)

// pubSpan is the publication date as the interval it may stand for.
func fxPubSpan(pub sources.Date) (lo, hi time.Time, ok bool) {
	return pub.Interval()
}

// resolve turns a recognised expression into days, against the
// publication date (and its precision) and the clause's tense.
//
// Rules: a day or month without a year is the occurrence nearest the
// publication in the direction of the tense (past: the last one not after
// it, with three days' slack; future: the first one not before it;
// unknown: the nearest); a bare weekday is past unless the clause is future
// ("will be held on Thursday"), the publication day itself included; a
// season is meteorological (spring = March–May); a vague phrase runs from
// the start of the publication period by the offsets of the data table and
// is marked vague. With a month-precise publication a weekday or a
// relative day stands for the whole month; with no publication date only
// expressions with a written year resolve.
func fxResolve(r fxRawDate, pub sources.Date, tense, lang string) (fxSpan, bool) {
	p0, p1, known := fxPubSpan(pub)
	dayPrec := pub.Precision == sources.PrecDay
	switch r.form {
	case fxFDay:
		if r.year > 0 {
			if !fxValidDay(r.month, r.day) || fxDayOf(r.year, r.month, r.day).Day() != r.day {
				return fxSpan{}, false
			}
			t := fxDayOf(r.year, r.month, r.day)
			return fxSpan{lo: t, hi: t, precision: "day"}, true
		}
		if !known {
			return fxSpan{}, false
		}
		best, ok := fxPickYear(p0, p1, tense, func(y int) (time.Time, time.Time, bool) {
			t := fxDayOf(y, r.month, r.day)
			if t.Day() != r.day {
				return t, t, false
			}
			return t, t, true
		})
		if !ok {
			return fxSpan{}, false
		}
		return fxSpan{lo: best[0], hi: best[1], precision: "day"}, true
	case fxFMonth:
		if r.year > 0 {
			lo, hi := fxMonthSpan(r.year, r.month)
			return fxSpan{lo: lo, hi: hi, precision: "month"}, true
		}
		if !known {
			return fxSpan{}, false
		}
		best, ok := fxPickYear(p0, p1, tense, func(y int) (time.Time, time.Time, bool) {
			lo, hi := fxMonthSpan(y, r.month)
			return lo, hi, true
		})
		if !ok {
			return fxSpan{}, false
		}
		return fxSpan{lo: best[0], hi: best[1], precision: "month"}, true
	case fxFYear:
		return fxSpan{lo: fxDayOf(r.year, 1, 1), hi: fxDayOf(r.year, 12, 31), precision: "year"}, true
	case fxFWeekday:
		if !known {
			return fxSpan{}, false
		}
		if !dayPrec {
			return fxSpan{lo: p0, hi: p1, precision: fxPubPrecision(pub)}, true
		}
		wd := int(p0.Weekday())
		if wd == 0 {
			wd = 7
		}
		back := (wd - r.weekday + 7) % 7 // days back to the last such weekday, 0 = today
		fwd := (r.weekday - wd + 7) % 7  // days on to the next one, 0 = today
		var t time.Time
		switch {
		case r.deixis == "-1":
			if back == 0 {
				back = 7
			}
			t = p0.AddDate(0, 0, -back)
		case r.deixis == "1":
			if fwd == 0 {
				fwd = 7
			}
			t = p0.AddDate(0, 0, fwd)
		case tense == fxTenseFuture:
			t = p0.AddDate(0, 0, fwd)
		default:
			t = p0.AddDate(0, 0, -back)
		}
		return fxSpan{lo: t, hi: t, precision: "day"}, true
	case fxFRelative:
		if !known {
			return fxSpan{}, false
		}
		switch r.unit {
		case "day":
			if !dayPrec {
				return fxSpan{lo: p0, hi: p1, precision: fxPubPrecision(pub)}, true
			}
			t := p0.AddDate(0, 0, r.off)
			return fxSpan{lo: t, hi: t, precision: "day"}, true
		case "week", "weekend":
			if !dayPrec {
				return fxSpan{lo: p0, hi: p1, precision: fxPubPrecision(pub)}, true
			}
			wd := int(p0.Weekday())
			if wd == 0 {
				wd = 7
			}
			mon := p0.AddDate(0, 0, 1-wd+7*r.off)
			if r.unit == "weekend" {
				return fxSpan{lo: mon.AddDate(0, 0, 5), hi: mon.AddDate(0, 0, 6), precision: "week"}, true
			}
			return fxSpan{lo: mon, hi: mon.AddDate(0, 0, 6), precision: "week"}, true
		case "month":
			if pub.Precision == sources.PrecYear {
				return fxSpan{lo: p0, hi: p1, precision: "year"}, true
			}
			lo := fxDayOf(p0.Year(), int(p0.Month()), 1).AddDate(0, r.off, 0)
			return fxSpan{lo: lo, hi: lo.AddDate(0, 1, -1), precision: "month"}, true
		case "year":
			y := p0.Year() + r.off
			return fxSpan{lo: fxDayOf(y, 1, 1), hi: fxDayOf(y, 12, 31), precision: "year"}, true
		}
	case fxFSeason:
		if r.m1 < 1 || r.m1 > 12 || r.m2 < 1 || r.m2 > 12 {
			return fxSpan{}, false
		}
		inst := func(y int) (time.Time, time.Time) {
			lo := fxDayOf(y, r.m1, 1)
			ey := y
			if r.m2 < r.m1 {
				ey++
			}
			_, hi := fxMonthSpan(ey, r.m2)
			return lo, hi
		}
		if r.year > 0 {
			y := r.year
			if r.m2 < r.m1 {
				y-- // "winter 2025" is the winter that holds January 2025
			}
			lo, hi := inst(y)
			return fxSpan{lo: lo, hi: hi, precision: "season"}, true
		}
		if !known {
			return fxSpan{}, false
		}
		// the instance of "this" season: the one of the publication year,
		// a winter being the one that holds January–February when published
		// before March
		y := p0.Year()
		if r.m2 < r.m1 && int(p0.Month()) <= r.m2 {
			y--
		}
		var lo, hi time.Time
		switch {
		case strings.HasPrefix(r.deixis, "year"):
			off, _ := strconv.Atoi(strings.TrimPrefix(r.deixis, "year"))
			lo, hi = inst(p0.Year() + off)
			if r.m2 < r.m1 {
				lo, hi = inst(p0.Year() + off) // the winter starting that year
			}
		case r.deixis == "-1": // the last one ended before publication
			for yy := y + 1; yy >= y-2; yy-- {
				lo, hi = inst(yy)
				if hi.Before(p0) {
					break
				}
			}
		case r.deixis == "1": // the next one starting after publication
			for yy := y - 1; yy <= y+2; yy++ {
				lo, hi = inst(yy)
				if lo.After(p1) {
					break
				}
			}
		case r.deixis == "tense" && tense == fxTensePast: // latest begun by publication
			for yy := y + 1; yy >= y-2; yy-- {
				lo, hi = inst(yy)
				if !lo.After(p1) {
					break
				}
			}
		case r.deixis == "tense" && tense == fxTenseFuture: // earliest not over
			for yy := y - 1; yy <= y+2; yy++ {
				lo, hi = inst(yy)
				if !hi.Before(p0) {
					break
				}
			}
		default:
			lo, hi = inst(y)
		}
		return fxSpan{lo: lo, hi: hi, precision: "season"}, true
	case fxFVague:
		if !known {
			return fxSpan{}, false
		}
		lo, ok1 := fxVagueOffset(r.from, p0, p0)
		hi, ok2 := fxVagueOffset(r.to, p0, p0)
		if !ok1 || !ok2 || hi.Before(lo) {
			return fxSpan{}, false
		}
		return fxSpan{lo: lo, hi: hi, precision: "vague", vague: true}, true
	case fxFAgo:
		if !known {
			return fxSpan{}, false
		}
		n := int(r.agoN) * r.agoSign
		var t time.Time
		prec := "day"
		switch r.unit {
		case "day":
			t = p0.AddDate(0, 0, n)
		case "week":
			t, prec = p0.AddDate(0, 0, 7*n), "week"
		case "month":
			t, prec = p0.AddDate(0, n, 0), "month"
		default:
			t, prec = p0.AddDate(n, 0, 0), "year"
		}
		return fxGranular(t, prec, dayPrec, p0, p1), true
	}
	return fxSpan{}, false
}

// granular widens a computed day to the precision its words carry.
func fxGranular(t time.Time, prec string, dayPrec bool, p0, p1 time.Time) fxSpan {
	switch prec {
	case "month":
		lo, hi := fxMonthSpan(t.Year(), int(t.Month()))
		return fxSpan{lo: lo, hi: hi, precision: "month"}
	case "year":
		return fxSpan{lo: fxDayOf(t.Year(), 1, 1), hi: fxDayOf(t.Year(), 12, 31), precision: "year"}
	case "week":
		return fxSpan{lo: t.AddDate(0, 0, -3), hi: t.AddDate(0, 0, 3), precision: "week"}
	}
	if !dayPrec {
		d := p1.Sub(p0)
		return fxSpan{lo: t, hi: t.Add(d), precision: "interval"}
	}
	return fxSpan{lo: t, hi: t, precision: "day"}
}

// vagueOffset applies one offset of the vague table ("now", "30d", "6m",
// "1y", "-60d", "boy", "eoy") to the publication bound.
func fxVagueOffset(s string, base, p0 time.Time) (time.Time, bool) {
	switch s {
	case "now":
		return base, true
	case "boy":
		return fxDayOf(p0.Year(), 1, 1), true
	case "eoy":
		return fxDayOf(p0.Year(), 12, 31), true
	}
	if len(s) < 2 {
		return time.Time{}, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil {
		return time.Time{}, false
	}
	switch s[len(s)-1] {
	case 'd':
		return base.AddDate(0, 0, n), true
	case 'm':
		return base.AddDate(0, n, 0), true
	case 'y':
		return base.AddDate(n, 0, 0), true
	}
	return time.Time{}, false
}

// pickYear chooses the occurrence (in the publication year, the one before
// or the one after) that the tense points to.
func fxPickYear(p0, p1 time.Time, tense string, at func(y int) (time.Time, time.Time, bool)) ([2]time.Time, bool) {
	slack := 3 * 24 * time.Hour
	var best [2]time.Time
	found := false
	bestDist := time.Duration(1<<62 - 1)
	for y := p0.Year() - 1; y <= p1.Year()+1; y++ {
		lo, hi, ok := at(y)
		if !ok {
			continue
		}
		switch tense {
		case fxTensePast:
			if lo.After(p1.Add(slack)) {
				continue
			}
			// latest wins
			if !found || lo.After(best[0]) {
				best, found = [2]time.Time{lo, hi}, true
			}
		case fxTenseFuture:
			if hi.Before(p0.Add(-slack)) {
				continue
			}
			if !found || lo.Before(best[0]) {
				best, found = [2]time.Time{lo, hi}, true
			}
		default:
			var d time.Duration
			switch {
			case hi.Before(p0):
				d = p0.Sub(hi)
			case lo.After(p1):
				d = lo.Sub(p1)
			}
			if !found || d < bestDist {
				best, found, bestDist = [2]time.Time{lo, hi}, true, d
			}
		}
	}
	// a day or month written without its year is news of the months around
	// the publication: when the tense points more than ten months away,
	// the tense was another verb's, and the nearest occurrence is meant
	if found && tense != "" {
		if d := fxDistance(best[0], best[1], p0, p1); d > 320*24*time.Hour {
			return fxPickYear(p0, p1, "", at)
		}
	}
	return best, found
}

// fxDistance is the time between two intervals (0 when they overlap).
func fxDistance(lo, hi, p0, p1 time.Time) time.Duration {
	switch {
	case hi.Before(p0):
		return p0.Sub(hi)
	case lo.After(p1):
		return lo.Sub(p1)
	}
	return 0
}

func fxPubPrecision(pub sources.Date) string {
	switch pub.Precision {
	case sources.PrecMonth:
		return "month"
	case sources.PrecYear:
		return "year"
	}
	return "day"
}

// tenseAt reads the tense of the clause around toks[i] (the start of a
// date, a figure or an event word) within the sentence [a, b): the nearest
// future or past word, looking back up to fifteen tokens and forward up to
// eight (forward not across a clause break), a word before winning a tie.
// Reporting verbs are skipped ("said" does not date what is reported). A
// weak past word (a participle: "held", "-ed") counts only when no strong
// word is found, and gives way to a future word up to three tokens before
// it ("will be held").
func (fl *fxFactLang) tenseAt(text string, toks []fxTok, a, b, i int) string {
	lo := i - 15
	if lo < a {
		lo = a
	}
	backT, backD, weakD := "", 1<<30, -1
	for k := i - 1; k >= lo; k-- {
		if e, n := fl.match(fxLFuture, text, toks, k); e != nil && k+n <= i {
			backT, backD = fxTenseFuture, i-k
			break
		}
		if fl.is(fxLReporting, text, toks, k) {
			continue
		}
		if e, n := fl.match(fxLPast, text, toks, k); e != nil && k+n <= i {
			backT, backD = fxTensePast, i-k
			break
		}
		if weakD < 0 && fl.isWeakPast(text, toks, k) {
			weakD = i - k
		}
		if weakD >= 0 && i-k > weakD+3 && backT == "" {
			// a participle with no auxiliary of the future before it
			backT, backD = fxTensePast, weakD
			break
		}
	}
	hi := i + 8
	if hi > b {
		hi = b
	}
	fwdT, fwdD, fwdWeak := "", 1<<30, -1
	for k := i + 1; k < hi; k++ {
		if fl.is(fxLClauseBreak, text, toks, k) {
			break
		}
		if fl.is(fxLFuture, text, toks, k) {
			fwdT, fwdD = fxTenseFuture, k-i
			break
		}
		if fl.is(fxLReporting, text, toks, k) {
			continue
		}
		if fl.is(fxLPast, text, toks, k) {
			fwdT, fwdD = fxTensePast, k-i
			break
		}
		if fwdWeak < 0 && fl.isWeakPast(text, toks, k) {
			fwdWeak = k - i
		}
	}
	switch {
	case backT != "" && (fwdT == "" || backD <= fwdD):
		return backT
	case fwdT != "":
		return fwdT
	case weakD >= 0 || fwdWeak >= 0:
		return fxTensePast
	}
	return fxTenseUnknown
}

// isWeakPast reports a participle-like past word: listed in [past-weak] or
// ending in a [past-suffix] with at least four letters before it.
func (fl *fxFactLang) isWeakPast(text string, toks []fxTok, k int) bool {
	if fl.is(fxLPastWeak, text, toks, k) {
		return true
	}
	t := toks[k]
	if t.kind != fxTWord || t.cap {
		return false
	}
	for _, e := range fl.lex[fxLPastSuffix].entries {
		sfx := e.toks[0]
		if len(t.low) >= len(sfx)+4 && strings.HasSuffix(t.low, sfx) {
			return true
		}
	}
	return false
}

// ParseDateExpr normalises one time expression written in a language
// ("February 27", "27. februar", "this fall", "i svært nær fremtid",
// "last Tuesday") against a publication date. tense is "past", "future"
// or "" (read from the words when empty). It returns the SPEC value (ISO
// date, YYYY-MM, YYYY or "start/end") and whether the expression is vague;
// ok is false when the whole string is not one time expression or cannot
// be resolved (a weekday without a publication date).
func ParseDateExpr(langCode, expr string, published sources.Date, tense string) (value string, vague, ok bool) {
	fl := fxGetFactLang(langCode)
	if fl == nil {
		return "", false, false
	}
	toks := fxTokenize(expr, 0, len(expr), nil)
	for len(toks) > 0 && toks[len(toks)-1].kind == fxTPunct && strings.ContainsAny(toks[len(toks)-1].low, ".,;:!?") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return "", false, false
	}
	r, found := fl.dateAt(expr, toks, 0)
	if !found || r.j != len(toks) {
		return "", false, false
	}
	if tense == "" {
		tense = fl.tenseAt(expr, toks, 0, len(toks), 0)
	}
	s, ok := fxResolve(r, published, tense, fl.code)
	if !ok {
		return "", false, false
	}
	return s.Value(), s.vague, true
}
