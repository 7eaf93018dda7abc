// Package sources reads articles (plain text, HTML pages, JSON Lines) and
// detects their metadata: outlet, language, publication date with its
// precision, title and URL. It is pure: bytes in, values out; it knows
// nothing of databases or command lines.
package sources

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Span is a half-open byte range [Start, End) into an article's stored text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether byte offset i lies inside the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Precision says how much of a Date is known.
type Precision string

// Precisions, from least to most precise.
const (
	PrecUnknown Precision = "unknown"
	PrecYear    Precision = "year"
	PrecMonth   Precision = "month"
	PrecDay     Precision = "day"
)

// Date is a calendar date known to a precision: a year, a month or a day.
// The zero value is an unknown date.
type Date struct {
	Year      int
	Month     int // 1-12, 0 when precision is year or unknown
	Day       int // 1-31, 0 unless precision is day
	Precision Precision
}

// Known reports whether the date carries at least a year.
func (d Date) Known() bool {
	return d.Precision == PrecYear || d.Precision == PrecMonth || d.Precision == PrecDay
}

// String formats the date as YYYY, YYYY-MM or YYYY-MM-DD as precise as
// known, or "" when unknown.
func (d Date) String() string {
	switch d.Precision {
	case PrecDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case PrecMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecYear:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// PrecisionOrUnknown returns the precision, mapping the empty value to unknown.
func (d Date) PrecisionOrUnknown() Precision {
	if d.Precision == "" {
		return PrecUnknown
	}
	return d.Precision
}

// Interval returns the first and the last day the date may stand for
// (midnight UTC): a day is itself, a month runs from its 1st to its last
// day, a year from 1 January to 31 December. ok is false when unknown.
func (d Date) Interval() (first, last time.Time, ok bool) {
	switch d.Precision {
	case PrecDay:
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		return t, t, true
	case PrecMonth:
		t := time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(0, 1, -1), true
	case PrecYear:
		t := time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(1, 0, -1), true
	}
	return time.Time{}, time.Time{}, false
}

// DayDate returns a day-precision Date for t.
func DayDate(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecDay}
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD (the forms of SPEC.md), or
// "unknown"/"" for an unknown date. It rejects impossible dates.
//
// Grammar: date = "unknown" | "" | year [ "-" month [ "-" day ] ]
// where year is 4 digits, month and day 2 digits.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "unknown") {
		return Date{Precision: PrecUnknown}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	d := Date{Year: nums[0], Precision: PrecYear}
	if len(nums) > 1 {
		if nums[1] < 1 || nums[1] > 12 {
			return Date{}, fmt.Errorf("date %q: month %d out of range", s, nums[1])
		}
		d.Month, d.Precision = nums[1], PrecMonth
	}
	if len(nums) > 2 {
		t := time.Date(d.Year, time.Month(d.Month), nums[2], 0, 0, 0, 0, time.UTC)
		if nums[2] < 1 || t.Day() != nums[2] {
			return Date{}, fmt.Errorf("date %q: day %d out of range", s, nums[2])
		}
		d.Day, d.Precision = nums[2], PrecDay
	}
	return d, nil
}

// Format names how an article's bytes were written.
type Format string

// Formats detected from content.
const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSONL Format = "jsonl"
)

// Article is one news article as read from its source, with the metadata
// found for it. Text is what is stored and what every byte offset of later
// stages indexes: for a UTF-8 plain-text file it is the file byte for byte;
// for HTML and JSON Lines it is the extracted body text.
type Article struct {
	Source string // the path as given, "-", "PATH#N" for a JSONL line, or the URL
	Format Format
	Text   string
	// Body is the part of Text that holds the article itself: after a
	// header line such as " date 2025-09-28 Title".
	Body Span
	// TitleSpan locates the title inside Text when it stands there (a
	// header line or a first line that is the headline); zero otherwise.
	TitleSpan Span
	Title     string
	URL       string
	Outlet    string // canonical short name from the outlet table, "" when unknown
	Lang      string // ISO 639-1
	Published Date
	// DateInferred is true when Published was read from the body text
	// rather than given by a header, metadata or the user.
	DateInferred bool
	// Boilerplate lists sorted, non-overlapping byte ranges of Text that
	// are not article prose (adverts, related-story lists, photo credits,
	// "Source link"); extraction skips them. Text itself is never rewritten.
	Boilerplate []Span
	// Line is the 1-based line number for an article read from JSON Lines.
	Line int
	// Hash is the hex SHA-256 of the raw bytes the article was read from.
	Hash string
}
