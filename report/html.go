package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// The HTML report is one self-contained page: no external files, fonts,
// scripts or network requests; the CSS is inline, the timeline an inline
// SVG. It shows what the Markdown memo shows, plus the timeline, and prints
// on paper (@media print). Every text is escaped by html/template, which
// knows the context it writes into (element text, attribute, URL), so
// article text can never become markup or script.

//go:embed page.html.tmpl
var pageTemplate string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"f1":         f1,
	"orDash":     orDash,
	"sourceLine": sourceLine,
	"plural":     plural,
	"noun":       noun,
	"httpURL":    httpURL,
	"datePrec": func(s memoSource) string {
		if s.Date == "" {
			return "unknown"
		}
		return s.Date
	},
}).Parse(pageTemplate))

// httpURL returns u when it is an http(s) URL and "" otherwise: only such
// links are made clickable (html/template would neutralise others anyway).
func httpURL(u string) string {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

type pageData struct {
	memo
	Timeline    timeline
	HasTimeline bool
}

func writeHTML(w io.Writer, r *report) error {
	m := buildMemo(r)
	tl, ok := buildTimeline(r, m)
	var b strings.Builder
	if err := page.Execute(&b, pageData{memo: m, Timeline: tl, HasTimeline: ok}); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
