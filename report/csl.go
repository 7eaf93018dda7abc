package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail/sources"
)

// CSL-JSON (citation-style-language/schema, schemas/input/csl-data.json):
// an array of items, one per article. Only variables of that schema are
// written, with its types; the schema forbids any other property
// (additionalProperties: false), so what claimtrail knows beyond it goes
// into `note` (statements and findings, one per line) and `custom` (the
// schema's object for key–value data).

// cslItem is one CSL item. Field order is the output order.
type cslItem struct {
	ID             string     `json:"id"`
	Type           string     `json:"type"`
	Title          string     `json:"title"`
	ContainerTitle string     `json:"container-title,omitempty"`
	Issued         *cslDate   `json:"issued,omitempty"`
	URL            string     `json:"URL,omitempty"`
	Accessed       *cslDate   `json:"accessed,omitempty"`
	Language       string     `json:"language,omitempty"`
	Note           string     `json:"note,omitempty"`
	Custom         *cslCustom `json:"custom,omitempty"`
}

// cslDate is the structured form of a CSL date variable: date-parts holds
// one date of one to three parts, exactly as many as are known.
type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslCustom is claimtrail's own data about an item, in the schema's
// `custom` object.
type cslCustom struct {
	Article         int64  `json:"claimtrail-article"`
	Source          string `json:"source,omitempty"`
	DatePrecision   string `json:"date-precision"`
	DateInferred    bool   `json:"date-inferred,omitempty"`
	StateAffiliated bool   `json:"state-affiliated,omitempty"`
	Statements      int    `json:"statements"`
	Findings        int    `json:"findings,omitempty"`
}

// cslDateOf returns the date-parts of a date with its precision, or nil
// when unknown.
func cslDateOf(d sources.Date) *cslDate {
	switch d.Precision {
	case sources.PrecDay:
		return &cslDate{DateParts: [][]int{{d.Year, d.Month, d.Day}}}
	case sources.PrecMonth:
		return &cslDate{DateParts: [][]int{{d.Year, d.Month}}}
	case sources.PrecYear:
		return &cslDate{DateParts: [][]int{{d.Year}}}
	}
	return nil
}

// cslType is article-newspaper when the outlet is known, else webpage.
func cslType(a *Article) string {
	if strings.TrimSpace(a.Outlet) != "" {
		return "article-newspaper"
	}
	return "webpage"
}

// articleRemarks are the lines every citation note starts with: where the
// article came from and what to know about its metadata.
func articleRemarks(a *article) []string {
	lines := []string{fmt.Sprintf("claimtrail %s, source: %s.", a.Label, orDash(flatten(a.Source)))}
	if a.DateInferred && a.Published.Known() {
		lines = append(lines, "Publication date inferred from the article text.")
	}
	if !a.Published.Known() {
		lines = append(lines, "Publication date unknown.")
	}
	if a.StateAffiliated {
		lines = append(lines, "State-affiliated outlet.")
	}
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func cslItems(r *report) []cslItem {
	accessed := sources.DayDate(r.in.Generated.UTC())
	items := make([]cslItem, 0, len(r.articles))
	for _, a := range r.articles {
		stmts := r.statementsOf(a.ID)
		fs := r.findingsOf(a.ID)
		lines := articleRemarks(a)
		for _, s := range stmts {
			lines = append(lines, statementNote(s, a.Outlet))
		}
		for _, f := range fs {
			lines = append(lines, findingNote(f))
		}
		items = append(items, cslItem{
			ID:             a.Key,
			Type:           cslType(&a.Article),
			Title:          titleOf(&a.Article),
			ContainerTitle: flatten(a.Outlet),
			Issued:         cslDateOf(a.Published),
			URL:            strings.TrimSpace(a.URL),
			Accessed:       cslDateOf(accessed),
			Language:       strings.TrimSpace(a.Lang),
			Note:           strings.Join(lines, "\n"),
			Custom: &cslCustom{
				Article:         a.ID,
				Source:          a.Source,
				DatePrecision:   string(a.Published.PrecisionOrUnknown()),
				DateInferred:    a.DateInferred,
				StateAffiliated: a.StateAffiliated,
				Statements:      len(stmts),
				Findings:        len(fs),
			},
		})
	}
	return items
}

func writeCSL(w io.Writer, r *report) error {
	return writeJSON(w, cslItems(r))
}

// writeJSON writes v as indented JSON without HTML escaping, so that
// « » & < > stay as they are in the text (JSON needs no such escaping).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
