package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Output formats of SPEC.md's --format.
var outputFormats = []string{"table", "json", "jsonl", "csv", "md"}

// table is what table, csv and md print: a header and rows of cells.
type table struct {
	cols []string
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// emit prints v (a slice of records, or one record) in the chosen format:
// json prints one array (or one object), jsonl one object a line; table,
// csv and md print t.
func (app *App) emit(v any, t *table) error {
	w := bufio.NewWriter(app.Stdout)
	defer w.Flush()
	switch app.Format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(nonNilSlice(v))
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Slice {
			for i := 0; i < rv.Len(); i++ {
				if err := enc.Encode(rv.Index(i).Interface()); err != nil {
					return err
				}
			}
			return nil
		}
		return enc.Encode(v)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.cols)
		for _, r := range t.rows {
			safe := make([]string, len(r))
			for i, c := range r {
				safe[i] = csvSafe(c)
			}
			cw.Write(safe)
		}
		cw.Flush()
		return cw.Error()
	case "md":
		writeMarkdownTable(w, t)
		return nil
	default:
		return app.writeTable(w, t)
	}
}

// nonNilSlice makes a nil slice print as [] rather than null.
func nonNilSlice(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.IsNil() {
		return []any{}
	}
	return v
}

// csvSafe neutralises cells a spreadsheet would run as a formula
// (CSV injection): a leading = + - @ tab or CR gets a quote prefix.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "\\", "\\\\")
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\r", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	for _, c := range []string{"*", "_", "`", "<", ">", "[", "]"} {
		s = strings.ReplaceAll(s, c, "\\"+c)
	}
	return s
}

func writeMarkdownTable(w io.Writer, t *table) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(t.cols, " | "))
	seps := make([]string, len(t.cols))
	for i := range seps {
		seps[i] = "---"
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(seps, " | "))
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = mdCell(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}

// writeTable aligns columns on a terminal (long cells shortened to fit);
// elsewhere it prints plain tab-separated rows, untruncated, for scripts.
func (app *App) writeTable(w io.Writer, t *table) error {
	flat := func(s string) string {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	if !app.StdoutTTY {
		fmt.Fprintln(w, strings.Join(t.cols, "\t"))
		for _, r := range t.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = flat(c)
			}
			fmt.Fprintln(w, strings.Join(cells, "\t"))
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(t.cols, "\t")))
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = shorten(flat(c), 70)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// dateJSON is a published date as SPEC.md prints it: a string, or null.
func dateJSON(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func strOrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
