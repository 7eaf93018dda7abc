package sources

import (
	"fmt"
	"testing"
)

func TestFindMentions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // kind:value as formatted by fmtMention
	}{
		{"month day year", "It happened on February 27, 2025 in Istanbul.", []string{"full:2025-02-27"}},
		{"abbreviated month", "The vote on Feb. 27 was close.", []string{"monthday:02-27"}},
		{"ordinal", "On the 27th of February the talks began.", []string{"monthday:02-27"}},
		{"day month year", "Signed on 10 April 2025 in Moscow.", []string{"full:2025-04-10"}},
		{"norwegian", "Konsultasjonene fant sted 27. februar og 10. april.", []string{"monthday:02-27", "monthday:04-10"}},
		{"norwegian with year", "Møtet ble holdt 27. februar 2025.", []string{"full:2025-02-27"}},
		{"spanish", "Firmado el 27 de febrero de 2025.", []string{"full:2025-02-27"}},
		{"russian with weekday", "В понедельник 28 июня состоялась акция.", []string{"monthday:06-28/1"}},
		{"english attached weekday", "The meeting on Thursday, February 27 was short.", []string{"monthday:02-27/4"}},
		{"iso", "Published 2025-02-27 at noon.", []string{"full:2025-02-27"}},
		{"numeric european", "Møtet 27.02.2025 ble utsatt.", []string{"full:2025-02-27"}},
		{"month year", "He stepped down in October 2024.", []string{"monthyear:2024-10"}},
		{"year after preposition", "Tensions grew in 2022 and since 2023.", []string{"year:2022", "year:2023(since)"}},
		{"bare weekday", "Lavrov spoke on Wednesday.", []string{"weekday:3"}},
		{"lower-case english month is a verb", "They may 5 times try.", nil},
		{"count is not a year", "He has 2000 supporters.", nil},
		{"impossible date", "On February 30, 2025 nothing happened.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := dateTokens(tt.text, nil)
			ms := findMentions(tt.text, toks, nil)
			var got []string
			for _, m := range ms {
				got = append(got, fmtMention(m))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("mentions = %v, want %v", got, tt.want)
			}
		})
	}
}

func fmtMention(m mention) string {
	s := ""
	switch m.kind {
	case mFull:
		s = fmt.Sprintf("full:%04d-%02d-%02d", m.y, m.m, m.d)
	case mMonthDay:
		s = fmt.Sprintf("monthday:%02d-%02d", m.m, m.d)
	case mMonthYear:
		s = fmt.Sprintf("monthyear:%04d-%02d", m.y, m.m)
	case mYear:
		s = fmt.Sprintf("year:%04d", m.y)
		if m.since {
			s += "(since)"
		}
	case mWeekday:
		return fmt.Sprintf("weekday:%d", m.weekday)
	}
	if m.weekday >= 0 {
		s += fmt.Sprintf("/%d", m.weekday)
	}
	return s
}

func TestInferDate(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" = nothing inferred
		prec       Precision
	}{
		{"attached weekday and a past month", "The summit opened on Monday, March 3. Trade fell in May 2024.", "2025-03", PrecMonth},
		{"a year alone is history, no bound", "The summit opened on Monday, March 3. He was convicted in 2024.", "", ""},
		{"linked by a shared place, day derivable",
			"The envoys will meet in Geneva on Thursday.\nThe minister spoke on Wednesday. The talks will take place in Geneva on February 27. Relations soured in October 2024.",
			"2025-02-26", PrecDay},
		{"linked but no day: past anchor", "The envoys met in Geneva on Thursday.\nThe talks took place in Geneva on February 27. Relations soured in October 2024.", "2025-02", PrecMonth},
		{"weekday without a year", "The summit opened on Monday, March 3.", "", ""},
		{"only a future month", "The summit opened on Monday, March 3. The treaty will expire in March 2026.", "", ""},
		{"unlinked weekday and date", "Shares rose on Tuesday. The deal closed on March 4. Sales doubled in May 2024.", "", ""},
		{"latest date alone says nothing", "The law was passed on January 5, 2019 and amended on June 1, 2020.", "", ""},
		{"full date with its weekday", "On Tuesday, February 18, 2025 the delegations met.", "2025-02", PrecMonth},
		{"full date with a wrong weekday", "On Friday, February 18, 2025 the delegations met.", "", ""},
		{"anchors far apart disagree", "On Monday, March 3, 2025 they met. On Friday, June 6, 2025 they met again.", "", ""},
		{"norwegian attached", "Møtet fant sted torsdag 27. februar. Forholdet ble dårligere i mai 2024.", "2025-02", PrecMonth},
		{"nothing", "No dates here at all.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := InferDate(tt.text)
			if ok != (tt.want != "") || d.String() != tt.want || ok && d.Precision != tt.prec {
				t.Errorf("InferDate = %v (%s), %v; want %q (%s)", d, d.Precision, ok, tt.want, tt.prec)
			}
		})
	}
}

func TestDatelineMonthDay(t *testing.T) {
	tests := []struct {
		line   string
		m, d   int
		wantOK bool
	}{
		{"SALVADOR, Feb 26 - Showers continued.", 2, 26, true},
		{"LONDON, March 3 (Reuters) - Shares fell.", 3, 3, true},
		{"WASHINGTON (Reuters) - The Senate voted.", 0, 0, false},
		{"He said, Feb 26 - nothing.", 0, 0, false},
		{"LONDON, Feb 30 - Impossible.", 0, 0, false},
	}
	for _, tt := range tests {
		m, d, ok := datelineMonthDay(tt.line)
		if ok != tt.wantOK || m != tt.m || d != tt.d {
			t.Errorf("datelineMonthDay(%q) = %d, %d, %v", tt.line, m, d, ok)
		}
	}
	// A dateline alone gives no year: nothing is invented.
	arts, _ := Read("r.txt", []byte("SALVADOR, Feb 26 - Showers continued throughout the week.\n"), Options{})
	if arts[0].Published.Known() {
		t.Errorf("dateline invented a date: %v", arts[0].Published)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		prec     Precision
		err      bool
	}{
		{"2025-02-27", "2025-02-27", PrecDay, false},
		{"2025-06", "2025-06", PrecMonth, false},
		{"2025", "2025", PrecYear, false},
		{"unknown", "", PrecUnknown, false},
		{"", "", PrecUnknown, false},
		{"2025-02-30", "", "", true},
		{"2025-13", "", "", true},
		{"25-02-27", "", "", true},
		{"2025-2-7", "", "", true},
		{"2025-02-27-01", "", "", true},
		{"abcd", "", "", true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if (err != nil) != tt.err || !tt.err && (d.String() != tt.want || d.Precision != tt.prec) {
			t.Errorf("ParseDate(%q) = %v (%s), %v", tt.in, d, d.Precision, err)
		}
	}
}

func TestParseLooseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-02-26T10:00:00+03:00", "2025-02-26"},
		{"2025-02-26 23:59:00", "2025-02-26"},
		{"Wed, 26 Feb 2025 10:00:00 GMT", "2025-02-26"},
		{"February 26, 2025", "2025-02-26"},
		{"26 February 2025", "2025-02-26"},
		{"2025-02", "2025-02"},
	}
	for _, tt := range tests {
		d, err := parseLooseDate(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("parseLooseDate(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
	if _, err := parseLooseDate("next Tuesday"); err == nil {
		t.Errorf("parseLooseDate accepted a vague phrase")
	}
}
