package eval

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/claimtrail/claimtrail/sources"
)

// MetaField is the accuracy of one metadata field over the files where
// the gold asserts it.
type MetaField struct {
	Field    string `json:"field"`
	Asserted int    `json:"asserted"`
	Correct  int    `json:"correct"`
	Accuracy Ratio  `json:"accuracy"`
}

// metaFields in print order. "date" is the value at its precision
// (2025-06 is not 2025-06-01); "precision" alone is also reported.
var metaFields = []string{"outlet", "lang", "date", "precision", "title"}

// noValue asserts an empty field in meta.tsv ("-": no outlet).
func noValue(s string) bool { return s == "-" }

// metaCheck returns, for one gold row and the article read, the gold and
// predicted value of each asserted field.
func metaCheck(row MetaRow, a sources.Article) (map[string][2]string, error) {
	out := map[string][2]string{}
	val := func(s string) string {
		if noValue(s) {
			return ""
		}
		return s
	}
	if row.Outlet != "" {
		out["outlet"] = [2]string{val(row.Outlet), a.Outlet}
	}
	if row.Lang != "" {
		out["lang"] = [2]string{val(row.Lang), a.Lang}
	}
	prec := row.Precision
	if row.Date != "" {
		d, err := sources.ParseDate(val(row.Date))
		if err != nil {
			return nil, err
		}
		if prec != "" && string(d.PrecisionOrUnknown()) != prec {
			return nil, fmt.Errorf("date %s has precision %s, column says %s", row.Date, d.PrecisionOrUnknown(), prec)
		}
		out["date"] = [2]string{d.String() + "/" + string(d.PrecisionOrUnknown()),
			a.Published.String() + "/" + string(a.Published.PrecisionOrUnknown())}
		prec = string(d.PrecisionOrUnknown())
	}
	if prec != "" {
		out["precision"] = [2]string{prec, string(a.Published.PrecisionOrUnknown())}
	}
	if row.Title != "" {
		out["title"] = [2]string{val(row.Title), a.Title}
	}
	return out, nil
}

// sameMeta compares one field: outlets and languages ignoring case, dates
// exactly, titles by their words (case, punctuation and spacing aside).
func sameMeta(field, gold, pred string) bool {
	switch field {
	case "title":
		return Fold(gold) == Fold(pred)
	case "date", "precision":
		return gold == pred
	}
	return strings.EqualFold(strings.TrimSpace(gold), strings.TrimSpace(pred))
}

// meta evaluates the metadata gold of meta.tsv.
func (e *evaluator) meta(ctx context.Context, rows []MetaRow) error {
	counts := map[string]*MetaField{}
	for _, f := range metaFields {
		counts[f] = &MetaField{Field: f}
	}
	var detail []string
	files := 0
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, ok := e.article(row.File)
		if !ok {
			continue
		}
		files++
		checks, err := metaCheck(row, r.art)
		if err != nil {
			return fmt.Errorf("gold %s:%d: %s: %w", e.o.GoldDir+"/meta.tsv", row.Line, row.File, err)
		}
		for _, f := range metaFields {
			v, ok := checks[f]
			if !ok {
				continue
			}
			c := counts[f]
			c.Asserted++
			if sameMeta(f, v[0], v[1]) {
				c.Correct++
			} else if e.o.Verbose {
				detail = append(detail, fmt.Sprintf("META\t%s\t%s\tgold=%q\tpred=%q", row.File, f, v[0], v[1]))
			}
		}
	}
	e.rep.Meta = nil
	for _, f := range metaFields {
		c := counts[f]
		c.Accuracy = ratio(c.Correct, c.Asserted)
		e.rep.Meta = append(e.rep.Meta, *c)
	}
	fmt.Fprintln(e.w)
	fmt.Fprintf(e.w, "== Metadata (meta.tsv, %d files; accuracy over files where the field is asserted)\n", files)
	tw := tabwriter.NewWriter(e.w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "field\tasserted\tcorrect\taccuracy%")
	for _, c := range e.rep.Meta {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", c.Field, c.Asserted, c.Correct, pct(c.Accuracy))
	}
	tw.Flush()
	printDetail(e.w, detail)
	return nil
}
