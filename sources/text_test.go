package sources

import (
	"testing"
)

func TestParseLayout(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		wantTitle string
		wantDate  string // Date.String(); "" for unknown
		wantPrec  Precision
		wantBody  int // Body.Start
	}{
		{"day header", " date 2025-09-28 Talks This Fall\nBody text.\n", "Talks This Fall", "2025-09-28", PrecDay, 33},
		{"month header", " date 2025-06 Ny runde i Moskva\n\nBrødtekst.\n", "Ny runde i Moskva", "2025-06", PrecMonth, 32},
		{"year header", " date 2025 A title\nBody.\n", "A title", "2025", PrecYear, 19},
		{"unknown header", " date unknown Bewährungsstrafe für 26-Jährigen.\nText.\n", "Bewährungsstrafe für 26-Jährigen.", "", PrecUnknown, 51},
		{"header without leading space", "date 2025-02-19 Title here\nBody.\n", "Title here", "2025-02-19", PrecDay, 27},
		{"header without title", " date 2025-06\nBody.\n", "", "2025-06", PrecMonth, 14},
		{"header with CRLF", " date 2025-02-19 Title here\r\nBody.\r\n", "Title here", "2025-02-19", PrecDay, 29},
		{"impossible date is unknown", " date 2025-13-45 Title\nBody.\n", "Title", "", PrecUnknown, 23},
		{"not a header", "date night was fun\n\nWe went out.\n", "date night was fun", "", PrecUnknown, 19},
		{"headline then blank line", "Lavrov announces new round of talks\n\nThe meeting will be held on Thursday.\n", "Lavrov announces new round of talks", "", PrecUnknown, 36},
		{"headline with outlet suffix", "Lavrov announces new round of talks — RT World News\n\nBody.\n", "Lavrov announces new round of talks", "", PrecUnknown, 54},
		{"first line is a sentence", "The meeting was held on Thursday.\n\nMore text.\n", "", "", PrecUnknown, 0},
		{"first line without blank line", "Short line\nNext line of the body.\n", "", "", PrecUnknown, 0},
		{"single line", "Only a headline", "", "", PrecUnknown, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Text: tt.text}
			var m meta
			parseLayout(&a, &m, builtinOutlets())
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Title != "" && tt.text[a.TitleSpan.Start:a.TitleSpan.End] != a.Title {
				t.Errorf("TitleSpan %v = %q, not the title", a.TitleSpan, tt.text[a.TitleSpan.Start:a.TitleSpan.End])
			}
			if got := m.date.String(); got != tt.wantDate || m.date.PrecisionOrUnknown() != tt.wantPrec {
				t.Errorf("date = %q (%s), want %q (%s)", got, m.date.PrecisionOrUnknown(), tt.wantDate, tt.wantPrec)
			}
			if a.Body.Start != tt.wantBody || a.Body.End != len(tt.text) {
				t.Errorf("Body = %v, want {%d %d}", a.Body, tt.wantBody, len(tt.text))
			}
		})
	}
}
