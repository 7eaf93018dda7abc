package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail/sources"
)

// RIS (the Research Information Systems tagged format that Zotero,
// EndNote and Mendeley import): one record per article, one tag a line as
// `XX  - value`, lines ended by CRLF as the format's specification asks,
// each record closed by `ER  - `. A newspaper article is TY NEWS, one
// without an outlet TY ELEC. Dates are DA `YYYY/MM/DD/` with empty parts
// where the precision stops (`2025/06//`, `2025///`) and PY the year; Y2 is
// the access date. Every statement is an N1 note with its citation, kind,
// speaker and text; values never contain a line break.

// risDate formats a date as RIS DA/Y2 do, or "" when unknown.
func risDate(d sources.Date) string {
	switch d.Precision {
	case sources.PrecDay:
		return fmt.Sprintf("%04d/%02d/%02d/", d.Year, d.Month, d.Day)
	case sources.PrecMonth:
		return fmt.Sprintf("%04d/%02d//", d.Year, d.Month)
	case sources.PrecYear:
		return fmt.Sprintf("%04d///", d.Year)
	}
	return ""
}

func writeRIS(w io.Writer, r *report) error {
	var b strings.Builder
	line := func(tag, value string) {
		value = flatten(value)
		if value == "" {
			return
		}
		b.WriteString(tag)
		b.WriteString("  - ")
		b.WriteString(value)
		b.WriteString("\r\n")
	}
	accessed := risDate(sources.DayDate(r.in.Generated.UTC()))
	for _, a := range r.articles {
		typ := "ELEC"
		if cslType(&a.Article) == "article-newspaper" {
			typ = "NEWS"
		}
		line("TY", typ)
		line("ID", a.Key)
		line("TI", titleOf(&a.Article))
		line("T2", a.Outlet)
		line("DA", risDate(a.Published))
		if a.Published.Known() {
			line("PY", fmt.Sprintf("%04d", a.Published.Year))
		}
		line("UR", a.URL)
		line("Y2", accessed)
		line("LA", a.Lang)
		line("DB", "claimtrail")
		line("N1", strings.Join(articleRemarks(a), " "))
		for _, s := range r.statementsOf(a.ID) {
			line("N1", statementNote(s, a.Outlet))
		}
		for _, f := range r.findingsOf(a.ID) {
			line("N1", findingNote(f))
		}
		b.WriteString("ER  - \r\n\r\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
