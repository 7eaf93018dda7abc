package report

import (
	"fmt"
	"io"
	"strings"
)

// The Markdown memo (CommonMark with GFM tables, also read by pandoc):
// a header, the sources table, conflicts and updates, agreements, the
// quotations by speaker and the outlets' own assertions. Every item cites
// its article and byte span as [A3:1204–1290]. Text from articles is put on
// one line and every character Markdown (or pandoc's extensions: $ math,
// @ citations, ^ ~ super/subscripts) could read as syntax is
// backslash-escaped, | included, so a table cell cannot be split.

// mdSpecial holds the characters mdEscape escapes. Others (. - + # ! and
// parentheses) only mean something at the start of a line, and escaped text
// never starts one: it is flattened to one line and always follows the
// memo's own syntax.
const mdSpecial = "\\`*_{}[]<>|~^$@&"

// mdEscape makes article text literal in Markdown.
func mdEscape(s string) string {
	s = flatten(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func writeMarkdown(w io.Writer, r *report) error {
	m := buildMemo(r)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# Claim report\n\n")
	p("Generated %s by claimtrail · Filters: %s\n\n", m.Generated, mdEscape(m.Filters))
	p("%s\n\n", m.Summary)
	p("Citations such as [A3:1204–1290] name an article (A3) and the byte span of the cited text in its stored text (`claimtrail show --text 3`).\n\n")

	p("## Sources\n\n")
	if len(m.Sources) == 0 {
		p("No articles.\n\n")
	} else {
		p("| Ref | Outlet | Lang | Published | Title | Source | Key |\n")
		p("|---|---|---|---|---|---|---|\n")
		for _, s := range m.Sources {
			outlet := orDash(mdEscape(s.Outlet))
			if s.StateAffiliated {
				outlet += " (state-affiliated)"
			}
			date := "unknown"
			if s.Date != "" {
				date = s.Date + " (" + s.Precision
				if s.Inferred {
					date += ", inferred"
				}
				date += ")"
			}
			source := mdEscape(s.Source)
			if s.URL != "" && s.URL != s.Source {
				source += " · " + mdEscape(s.URL)
			}
			p("| %s | %s | %s | %s | %s | %s | %s |\n", s.Label, outlet, orDash(mdEscape(s.Lang)),
				date, mdEscape(s.Title), orDash(source), s.Key)
		}
		p("\n")
	}
	if len(m.Undated) > 0 {
		p("Publication date unknown: %s.\n\n", strings.Join(m.Undated, ", "))
	}

	p("## Conflicts and updates\n\n")
	mdFindings(&b, m.Conflicts, "No conflicts or updates found.")
	p("## Agreements\n\n")
	mdFindings(&b, m.Agreements, "No agreements found.")

	p("## Quotations by speaker\n\n")
	if len(m.Speakers) == 0 {
		p("No quotations.\n\n")
	}
	for _, s := range m.Speakers {
		p("### %s (%s)\n\n", mdEscape(s.Name), plural(len(s.Quotes), "quotation"))
		for _, q := range s.Quotes {
			if q.Verbatim {
				p("- “%s”", mdEscape(q.Text))
			} else {
				// Reported speech is the outlet's wording, not the speaker's.
				p("- %s: %s", q.Kind, mdEscape(q.Text))
			}
			if q.How != "" {
				p(" — %s", mdEscape(q.How))
			}
			p(" · %s %s\n", mdEscape(sourceLine(q.Outlet, q.Date)), q.Cite)
		}
		p("\n")
	}

	p("## Outlet assertions\n\n")
	if len(m.Assertions) == 0 {
		p("No assertions.\n\n")
	}
	for _, a := range m.Assertions {
		outlet := a.Outlet
		if outlet == "" {
			outlet = "no outlet"
		}
		p("### %s · %s · %s\n\n", a.Label, mdEscape(outlet), a.Date)
		for _, q := range a.Items {
			p("- %s %s\n", mdEscape(q.Text), q.Cite)
		}
		p("\n")
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// sourceLine is "RT, 2025-02-26", "RT", "2025-02-26" or "no outlet".
func sourceLine(outlet, date string) string {
	switch {
	case outlet != "" && date != "":
		return outlet + ", " + date
	case outlet != "":
		return outlet
	case date != "":
		return "no outlet, " + date
	}
	return "no outlet, date unknown"
}

func mdFindings(b *strings.Builder, fs []memoFinding, none string) {
	if len(fs) == 0 {
		fmt.Fprintf(b, "%s\n\n", none)
		return
	}
	for _, f := range fs {
		fmt.Fprintf(b, "### %d. %s\n\n", f.N, mdEscape(f.Title))
		if f.Explanation != "" {
			fmt.Fprintf(b, "%s\n\n", mdEscape(f.Explanation))
		}
		for _, c := range f.Claims {
			fmt.Fprintf(b, "- **%s**", mdEscape(sourceLine(c.Outlet, c.Published)))
			if c.Speaker != "" {
				fmt.Fprintf(b, " · %s", mdEscape(c.Speaker))
			}
			fmt.Fprintf(b, ": “%s”", mdEscape(c.Text))
			if c.Value != "" {
				fmt.Fprintf(b, " → value %s", mdEscape(c.Value))
				if c.Vague {
					b.WriteString(" (vague)")
				}
			}
			fmt.Fprintf(b, " %s\n", c.Cite)
		}
		b.WriteString("\n")
	}
}
